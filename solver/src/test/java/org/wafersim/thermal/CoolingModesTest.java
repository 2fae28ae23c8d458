package org.wafersim.thermal;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.errors.ThermalRunawayException;
import org.wafersim.run.CaseRun;
import org.wafersim.run.RunSummary;

/** The three cooling modes of DESIGN section 4 on the wafer case (issue 3). */
class CoolingModesTest {
    static CaseRun.Result run(String... sets) {
        List<String> o = new ArrayList<>(List.of("grid.cells_per_core=0.25", "analysis.mechanics=false",
                "analysis.reliability=false"));
        o.addAll(List.of(sets));
        CaseSpec spec = CaseLoader.builtin("wse-default", o);
        return CaseRun.run(spec, 0, m -> { });
    }

    /** All heat into the coolant: outlet - inlet = P / (m_dot c_p) within 0.1 %. */
    @Test
    void lateralCoolantEnergyBalance() {
        CaseRun.Result r = run("cooling.mode=lateral", "cooling.board_back.h=0 W/(m^2*K)",
                "cooling.other_faces.h=0 W/(m^2*K)");
        CoolantChannel ch = r.coolant();
        double p = r.thermal().powerIn();
        assertEquals(p, r.summary().heatOutW().get("coolant"), 1e-9 * p);
        double expectedRise = p / (ch.massFlow() * ch.specificHeat());
        double rise = ch.outlet() - ch.inlet();
        System.out.printf("lateral: P %.1f W, m_dot %.4f kg/s, c_p %.1f J/(kg K): rise %.4f K, P/(m c_p) %.4f K%n",
                p, ch.massFlow(), ch.specificHeat(), rise, expectedRise);
        assertEquals(expectedRise, rise, 1e-3 * expectedRise);
        // the coolant map rises monotonically along the flow (+x) in every row that has coolant
        double[] m = ch.map();
        var g = r.grid();
        for (int j = 0; j < g.ny; j++)
            for (int i = 1; i < g.nx; i++) {
                double a = m[j * g.nx + i - 1], b = m[j * g.nx + i];
                if (!Double.isNaN(a) && !Double.isNaN(b)) assertTrue(b >= a, "coolant warms along +x");
            }
    }

    @Test
    void lateralSpreadExceedsVerticalByAboutTheCoolantRise() {
        RunSummary v = run("cooling.mode=vertical").summary();
        CaseRun.Result lr = run("cooling.mode=lateral");
        RunSummary l = lr.summary();
        double rise = lr.coolant().outlet() - lr.coolant().inlet();
        double extra = l.coreSpreadK() - v.coreSpreadK();
        System.out.printf("modes: vertical spread %.2f K, lateral spread %.2f K, coolant rise %.2f K%n",
                v.coreSpreadK(), l.coreSpreadK(), rise);
        // the coolant rise adds to the spread; leakage grows on the hotter outlet side, so a little more
        assertTrue(extra > 0.8 * rise && extra < 1.6 * rise, "extra spread " + extra + " K vs coolant rise " + rise + " K");
    }

    @Test
    void edgeCoolingAtFullPowerIsReportedAsRunawayOrInfeasible() {
        try {
            CaseRun.Result r = run("cooling.mode=edge");
            assertFalse(r.summary().feasible(), "edge cooling of 15 kW must be flagged");
        } catch (ThermalRunawayException e) {
            assertTrue(e.getMessage().contains("thermal runaway"));
        }
        // without leakage the fixed point exists but is far beyond the junction limit
        CaseRun.Result r = run("cooling.mode=edge", "power.leakage=");
        assertFalse(r.summary().feasible());
        assertTrue(r.summary().waferMaxC() > 500, "edge-cooled 15 kW: " + r.summary().waferMaxC() + " degC");
        // at the power reference-data D.3 suggests for edge cooling (0.5 kW) it is feasible on the bare wafer?
        CaseRun.Result small = run("cooling.mode=edge", "power.total=0.5 kW", "power.idle=0.2 kW", "power.leakage=");
        System.out.printf("edge at 0.5 kW: max %.1f degC, edge heat %.1f W, board %.1f W%n",
                small.summary().waferMaxC(), small.summary().heatOutW().get("edge"), small.summary().heatOutW().get("board"));
    }
}
