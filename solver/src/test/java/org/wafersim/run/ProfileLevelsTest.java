package org.wafersim.run;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.linalg.Parallel;
import org.wafersim.power.CorePowerSources;
import org.wafersim.thermal.OperatingPoint;
import org.wafersim.thermal.PackageThermalModel;
import org.wafersim.thermal.SteadySolver;

/**
 * The dynamic power at each level of a cycle given as totals ({@code power.total} with leakage): the level map's
 * operating points (the run's own level taken from its steady state, the other warm-started from it with the rise
 * scaled by the ratio of the totals) against operating-point solves of each level from a cold start. The start only
 * moves the answer within the outer tolerance: the total is met to 1e-6 relative (OperatingPoint's check), the
 * dynamic powers agree to 1e-7 relative (the leakage's response to a 1e-6 K field difference, beta P_leak 1e-6 K, is
 * ~1e-9 of the total).
 */
class ProfileLevelsTest {
    @Test
    void warmStartedLevelsMatchColdOperatingPoints() {
        CaseSpec spec = CaseLoader.builtin("wse-default", List.of("grid.cells_per_core=0.1",
                "analysis.thermal=cycle", "analysis.mechanics=false", "analysis.reliability=false"));
        MeshStage mesh = MeshStage.build(spec, m -> { });
        try (Parallel par = new Parallel(2)) {
            ThermalStage th = ThermalStage.solve(spec, mesh, par, m -> { }, new HashMap<>(), f -> { });
            double low = spec.cycling().low(), high = spec.cycling().high();
            assertEquals(low, th.op().targetW(), 1e-9 * low, "the run's steady state is the cycle's low level");
            double ownDynamic = th.op().dynamicW();
            DoubleUnaryOperator dyn = OperatingStates.levelToDynamic(spec, mesh, th.timeline(), par, th, m -> { });
            // the low level is the run's own operating point, taken as it is
            assertEquals(ownDynamic, dyn.applyAsDouble(low), 0);
            for (double level : new double[]{low, high}) {
                double[] cp = CorePowerSources.corePower(spec, mesh.cores(), level,
                        org.wafersim.io.Hdf5PowerMap.READER, m -> { });
                PackageThermalModel.Model m = PackageThermalModel.build(spec, mesh.grid(), mesh.cores(), mesh.map(), cp);
                OperatingPoint.Solution cold = OperatingPoint.solve(new SteadySolver(par, ThermalStage.options(spec)),
                        m, null);
                double d = dyn.applyAsDouble(level);
                assertEquals(cold.dynamicW(), d, 1e-7 * level, "level " + level + " W");
                assertTrue(d > 0 && d < level, "level " + level + " W: dynamic " + d + " W");
            }
            // in between the levels (the ramps) the map interpolates
            double mid = 0.5 * (low + high);
            assertEquals(0.5 * (dyn.applyAsDouble(low) + dyn.applyAsDouble(high)), dyn.applyAsDouble(mid), 1e-9 * mid);
        }
    }
}
