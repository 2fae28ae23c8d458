package org.wafersim.thermal;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.geometry.CoreArray;
import org.wafersim.grid.Grid;
import org.wafersim.grid.GridBuilder;
import org.wafersim.linalg.Parallel;
import org.wafersim.power.CoreCellMap;
import org.wafersim.power.WorkloadPower;
import org.wafersim.run.CaseRun;

/** The package model on the wafer cases: thread independence and the energy balance of the default case. */
class PackageSolveTest {

    static ThermalProblem problem(CaseSpec spec) {
        CoreArray cores = CoreArray.of(spec);
        Grid g = GridBuilder.build(spec, cores);
        double[] p = WorkloadPower.corePower(cores, spec.power().pattern(), spec.power().total());
        return PackageThermalModel.build(spec, g, CoreCellMap.of(g, cores).depositPower(g, p));
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        ThermalProblem p = problem(CaseLoader.builtin("wse-coarse", List.of("grid.cells_per_core=0.15")));
        SteadyResult r1, r2;
        try (Parallel one = new Parallel(1); Parallel two = new Parallel(2)) {
            r1 = new SteadySolver(one, SteadySolver.Options.defaults()).solve(p, null);
            r2 = new SteadySolver(two, SteadySolver.Options.defaults()).solve(p, null);
        }
        double maxRel = 0;
        for (int c = 0; c < r1.temperature().length; c++) {
            double a = r1.temperature()[c], b = r2.temperature()[c];
            if (Double.isNaN(a)) { assertTrue(Double.isNaN(b)); continue; }
            maxRel = Math.max(maxRel, Math.abs(a - b) / Math.abs(a));
        }
        assertTrue(maxRel <= 1e-12, "1 vs 2 threads differ by " + maxRel);
        assertArrayEquals(r1.linearIterations(), r2.linearIterations());
    }

    /**
     * The full default wafer (one cell per core, 7.56M cells): |in - out| / in <= 1e-9. The suite's one full-wafer
     * solve (tagged; {@code -DexcludedGroups=full-wafer} leaves it out of a quick local run).
     */
    @Test
    @Tag("full-wafer")
    void defaultCaseEnergyBalance() {
        CaseSpec spec = CaseLoader.builtin("wse-default", List.of("analysis.mechanics=false", "analysis.reliability=false"));
        CaseRun.Result r = CaseRun.run(spec, 0, m -> { });
        double bal = r.thermal().balanceRelError();
        System.out.printf("wse-default: %d cells, balance %.2e, heat out %s, %.1f s%n", r.grid().cells(), bal,
                r.summary().heatOutW(), r.summary().wallSeconds());
        assertTrue(Math.abs(bal) <= 1e-9, "energy balance " + bal);
        // per-core powers (dynamic + leakage at the solved core temperatures) sum to the source term integrated
        // over the grid, and to the power the solver balanced (to within the outer-iteration tolerance)
        double sum = 0, integral = 0;
        for (double v : r.corePower()) sum += v;
        var g = r.grid();
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) integral += r.q()[g.index(i, j, k)] * g.dx(i) * g.dy(j) * g.dz(k);
        assertEquals(sum, integral, 1e-12 * sum);
        assertEquals(r.thermal().powerIn(), sum, 1e-7 * sum);
        // the mean of the per-core temperatures equals the area-weighted mean of the active layer under the cores
        double area = 0, tSum = 0;
        for (int c = 0; c < r.cores().coreCount(); c++) {
            area += r.cores().area(c);
            tSum += r.coreTemperature()[c] * r.cores().area(c);
        }
        assertTrue(tSum / area > 300 && tSum / area < 360);
        // the vertical path carries nearly everything (reference-data A.3: > 95 %)
        assertTrue(r.summary().heatOutW().get("coolant") > 0.95 * spec.power().total());
    }
}
