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
        CoolantChannel ch = (CoolantChannel) r.coolant();
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

    /**
     * Vertical (manifolded) plate: every region gets fresh coolant, so the mixed outlet is inlet + P/(m_dot c_p)
     * (within 1e-3; all heat into the coolant), the local coolant temperature is inlet + q''/(2 m'' c_p), and the flow
     * matters: halving it raises the hottest point by about the added local coolant rise there.
     */
    @Test
    void verticalCoolantWarmsWithTheFlow() {
        String[] adiabatic = {"cooling.board_back.h=0 W/(m^2*K)", "cooling.other_faces.h=0 W/(m^2*K)",
                "power.leakage=", "analysis.thermal=steady"};
        CaseRun.Result r = run(concat(adiabatic, "cooling.coolant.flow=30 L/min"));
        CoolantModel c = r.coolant();
        assertInstanceOf(ManifoldCoolant.class, c);
        double p = r.thermal().powerIn();
        assertEquals(p, r.summary().heatOutW().get("coolant"), 1e-9 * p);
        double expectedRise = p / (c.massFlow() * c.specificHeat());
        double rise = c.outlet() - c.inlet();
        System.out.printf("vertical: P %.1f W, m_dot %.4f kg/s, c_p %.1f: outlet rise %.4f K, P/(m c_p) %.4f K,"
                + " local max %.3f degC, mean %.3f degC%n", p, c.massFlow(), c.specificHeat(), rise, expectedRise,
                c.maxLocal() - 273.15, c.meanLocal() - 273.15);
        assertEquals(expectedRise, rise, 1e-3 * expectedRise);
        // the mean local coolant temperature is the mean of inlet and outlet (the plate sees the mid value)
        assertEquals(c.inlet() + 0.5 * rise, c.meanLocal(), 1e-3 * rise);
        assertTrue(c.maxLocal() > c.meanLocal());

        // half the flow: the local rise doubles; the hottest point rises by about the added local rise below it
        CaseRun.Result h = run(concat(adiabatic, "cooling.coolant.flow=15 L/min"));
        double dPeak = h.summary().waferMaxC() - r.summary().waferMaxC();
        double dLocalMax = (h.coolant().maxLocal() - r.coolant().maxLocal());
        System.out.printf("vertical: halving the flow raises the peak by %.3f K, the largest local coolant"
                + " temperature by %.3f K%n", dPeak, dLocalMax);
        assertEquals(dLocalMax, dPeak, 0.1 * dLocalMax);

        // 1 L/min and 30 L/min no longer give the same answer: 1 L/min takes the coolant up by P/(m c_p) ~ 200 K
        CaseRun.Result slow = run(concat(adiabatic, "cooling.coolant.flow=1 L/min"));
        assertTrue(slow.summary().waferMaxC() > r.summary().waferMaxC() + 50, "1 L/min: " + slow.summary().waferMaxC());
    }

    static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
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
        // Lateral coolant accumulates along its path: its rise adds to the spread. Vertical coolant now warms too,
        // but only locally (q''/(2 m'' c_p), more over the hot band), which takes part of the lateral excess away:
        // lateral exceeds vertical by a good part of its rise, not all of it (the vertical local rise spans
        // maxLocal - inlet of the vertical run; leakage adds a little on the hotter side).
        CaseRun.Result vr = run("cooling.mode=vertical");
        double vLocal = vr.coolant().maxLocal() - vr.coolant().inlet();
        System.out.printf("modes: vertical local coolant rise up to %.2f K%n", vLocal);
        assertTrue(extra > rise - 2 * vLocal && extra < 1.6 * rise,
                "extra spread " + extra + " K vs coolant rise " + rise + " K, vertical local rise " + vLocal + " K");
        assertTrue(extra > 0.3 * rise, "lateral must stay clearly worse than vertical: " + extra + " K");
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
