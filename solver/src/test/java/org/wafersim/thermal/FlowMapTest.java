package org.wafersim.thermal;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.errors.InputException;
import org.wafersim.grid.Grid;
import org.wafersim.run.CaseRun;

/**
 * The vertical mode's flow map ({@code cooling.coolant.flow_map}): a manifold that sends more coolant to one part of
 * the plate moves the heat there and keeps the wafer there cooler, the mixed outlet still takes up all the heat
 * (outlet - inlet = P / (m_dot c_p), here recomputed from the local coolant temperatures and the flow each region
 * gets), and a map of equal weights is the flow by area.
 */
class FlowMapTest {
    @TempDir Path dir;

    /** Uniform power, all heat into the coolant (adiabatic board and sides), no leakage. */
    static CaseRun.Result run(String... sets) {
        List<String> o = new ArrayList<>(List.of("grid.cells_per_core=0.25", "analysis.mechanics=false",
                "analysis.reliability=false", "power.leakage=", "power.pattern=uniform",
                "cooling.board_back.h=0 W/(m^2*K)", "cooling.other_faces.h=0 W/(m^2*K)",
                "cooling.coolant.flow=10 L/min"));
        o.addAll(List.of(sets));
        return CaseRun.run(CaseLoader.builtin("wse-default", o), 0, m -> { });
    }

    /**
     * The mass flux of every column's coolant face by the flow map's definition (the region holding the face's
     * centre over the top layer's footprint, normalised so the faces' flows add up to m_dot), 0 where none.
     */
    static double[] fluxes(Grid g, double[][] w, double mDot) {
        int k = g.layerK1(0) - 1;
        double x0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y0 = Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (int j = 0; j < g.ny; j++)
            for (int i = 0; i < g.nx; i++)
                if (!g.isVoid(g.index(i, j, k))) {
                    x0 = Math.min(x0, g.xf(i));
                    x1 = Math.max(x1, g.xf(i + 1));
                    y0 = Math.min(y0, g.yf(j));
                    y1 = Math.max(y1, g.yf(j + 1));
                }
        double[] f = new double[g.nx * g.ny];
        double wa = 0;
        for (int j = 0; j < g.ny; j++)
            for (int i = 0; i < g.nx; i++) {
                if (g.isVoid(g.index(i, j, k))) continue;
                int r = Math.min(w.length - 1, (int) ((g.yc(j) - y0) / (y1 - y0) * w.length));
                int c = Math.min(w[0].length - 1, (int) ((g.xc(i) - x0) / (x1 - x0) * w[0].length));
                f[j * g.nx + i] = w[r][c];
                wa += w[r][c] * g.dx(i) * g.dy(j);
            }
        for (int n = 0; n < f.length; n++) f[n] *= mDot / wa;
        return f;
    }

    /** Mean over the wafer's active layer of the cells with x below (left) or above (right) the wafer's centre. */
    static double[] halves(CaseRun.Result r) {
        Grid g = r.grid();
        double[] t = r.thermal().temperature();
        int k = g.activeK0();
        double xm = 0.5 * (g.xf(0) + g.xf(g.nx));
        double[] s = new double[2], v = new double[2];
        for (int j = 0; j < g.ny; j++)
            for (int i = 0; i < g.nx; i++) {
                int c = g.index(i, j, k);
                if (g.isVoid(c)) continue;
                int h = g.xc(i) < xm ? 0 : 1;
                double a = g.dx(i) * g.dy(j);
                s[h] += t[c] * a;
                v[h] += a;
            }
        return new double[] {s[0] / v[0] - 273.15, s[1] / v[1] - 273.15};
    }

    @Test
    void moreFlowOnOneSideMovesTheHeatThereAndConservesEnergy() {
        CaseRun.Result u = run();
        CaseRun.Result m = run("cooling.coolant.flow_map=[[1, 3]]");   // a quarter of the flow left, 3/4 right
        Grid g = m.grid();
        CoolantModel c = m.coolant();
        double p = m.thermal().powerIn(), pc = m.summary().heatOutW().get("coolant");
        assertEquals(p, pc, 1e-9 * p);
        double mDot = c.massFlow(), cp = c.specificHeat();

        // energy: each face's coolant leaves at T_in + q''/(m'' c_p) = 2 T_local - T_in; mixing the faces' flows
        // gives the outlet, which must be T_in + P / (m_dot c_p)
        double[] f = fluxes(g, new double[][] {{1, 3}}, mDot);
        double[] local = c.map();
        double mix = 0, flow = 0, qLeft = 0, qRight = 0, xm = 0.5 * (g.xf(0) + g.xf(g.nx));
        for (int j = 0; j < g.ny; j++)
            for (int i = 0; i < g.nx; i++) {
                int col = j * g.nx + i;
                double mf = f[col] * g.dx(i) * g.dy(j);
                if (mf == 0) continue;
                double out = 2 * local[col] - c.inlet();
                mix += mf * out;
                flow += mf;
                double q = mf * cp * (out - c.inlet());
                if (g.xc(i) < xm) qLeft += q;
                else qRight += q;
            }
        mix /= flow;
        double rise = p / (mDot * cp);
        System.out.printf("flow map [[1, 3]]: P %.1f W, m_dot %.4f kg/s: mixed outlet rise %.6f K (from the local"
                + " coolant temperatures), reported %.6f K, P/(m c_p) %.6f K; heat into the coolant left %.1f W,"
                + " right %.1f W%n", p, mDot, mix - c.inlet(), c.outlet() - c.inlet(), rise, qLeft, qRight);
        assertEquals(mDot, flow, 1e-12 * mDot);
        assertEquals(rise, mix - c.inlet(), 1e-9 * rise);
        assertEquals(rise, c.outlet() - c.inlet(), 1e-9 * rise);
        assertEquals(p, qLeft + qRight, 1e-9 * p);
        // with uniform power each half would give its own half of the heat to the coolant without lateral conduction;
        // the plate and the wafer spread some of the starved left half's heat to the better-fed right half
        assertTrue(qRight > qLeft + 0.02 * p, "right half takes " + qRight / p + " of the heat");
        double[] hu = halves(u), hm = halves(m);
        System.out.printf("wafer mean temperature left / right: by area %.3f / %.3f degC, flow map %.3f / %.3f degC%n",
                hu[0], hu[1], hm[0], hm[1]);
        assertEquals(hu[0], hu[1], 0.01);            // uniform power, flow by area: symmetric (to the core layout)
        // the local coolant rise q''/(2 m'' c_p) with q'' = P/A is rise/2 by area; the left half's m'' is 1/2 of
        // that (its coolant rises by rise/2 more), the right half's 3/2 (rise/6 less). The wafer above follows,
        // within 20 % (the plate and the wafer spread some heat sideways, and the film is in series)
        assertEquals(rise / 2, hm[0] - hu[0], 0.2 * rise / 2, "the starved left half runs hotter");
        assertEquals(-rise / 6, hm[1] - hu[1], 0.2 * rise / 6, "the well-fed right half runs cooler");
        assertTrue(c.maxLocal() > u.coolant().maxLocal());
    }

    @Test
    void equalWeightsAreTheFlowByAreaAndZeroWeightsGetNoCoolant() throws Exception {
        CaseRun.Result u = run();
        CaseRun.Result e = run("cooling.coolant.flow_map=[[2, 2, 2], [2, 2, 2]]");
        double worst = 0;
        for (int n = 0; n < u.coreTemperature().length; n++)
            worst = Math.max(worst, Math.abs(u.coreTemperature()[n] - e.coreTemperature()[n]));
        System.out.printf("equal flow weights vs flow by area: core temperatures differ by %.2e K%n", worst);
        assertTrue(worst < 1e-9, worst + " K");

        // a region without coolant: its faces are adiabatic, its local coolant temperature is NaN, and the heat still
        // leaves through the rest of the plate with the outlet at T_in + P / (m_dot c_p)
        CaseRun.Result z = run("cooling.coolant.flow_map=[[1, 1], [0, 1]]");
        CoolantModel c = z.coolant();
        Grid g = z.grid();
        double[] map = c.map();
        // row 0 is the lowest y: the region without coolant is the upper left quarter
        assertTrue(Double.isNaN(map[(g.ny - 1) * g.nx]), "upper left corner: no coolant");
        assertFalse(Double.isNaN(map[0]), "lower left corner: coolant");
        assertFalse(Double.isNaN(map[g.nx * g.ny - 1]), "upper right corner: coolant");
        double p = z.thermal().powerIn();
        assertEquals(p, z.summary().heatOutW().get("coolant"), 1e-9 * p);
        assertEquals(p / (c.massFlow() * c.specificHeat()), c.outlet() - c.inlet(), 1e-9 * (c.outlet() - c.inlet()));
        assertTrue(z.summary().waferMaxC() > u.summary().waferMaxC() + 1);

        // from a CSV file, the same as inline
        Files.writeString(dir.resolve("flow.csv"), "# relative flow, row 0 = lowest y\n0, 1\n1, 1\n");
        Path c2 = dir.resolve("case.yaml");
        Files.writeString(c2, CaseLoader.builtinText("wse-default"));
        CaseSpec fromFile = CaseLoader.load(c2, List.of("cooling.coolant.flow_map=flow.csv"));
        CaseSpec.FlowMap fm = fromFile.cooling().coolant().flowMap();
        assertArrayEquals(new double[] {0, 1, 1, 1}, fm.weights());
        assertEquals(2, fm.rows());
        assertEquals("flow.csv", fm.file());
    }

    @Test
    void badFlowMapsAndUnusedOnes() throws Exception {
        for (String[] bad : new String[][] {
                {"[[1, -1]]", "cooling.coolant.flow_map[0][1]", "must be >= 0"},
                {"[[1, 2], [3]]", "cooling.coolant.flow_map[1]", "row 1 must be a list of 2 numbers"},
                {"[[0, 0]]", "cooling.coolant.flow_map", "every flow weight is 0"},
                {"flow.txt", "cooling.coolant.flow_map", "must be a CSV file"},
                {"[]", "cooling.coolant.flow_map", "must be a list of rows"}}) {
            InputException x = assertThrows(InputException.class, () -> CaseLoader.builtin("wse-default",
                    List.of("cooling.coolant.flow_map=" + bad[0])), bad[0]);
            assertEquals(bad[1], x.keyPath(), x.getMessage());
            assertTrue(x.getMessage().contains(bad[2]), x.getMessage());
            assertFalse(x.getMessage().contains("\n"), x.getMessage());
        }
        CaseSpec lateral = CaseLoader.builtin("wse-default", List.of("cooling.mode=lateral",
                "cooling.coolant.flow_map=[[1, 2]]"));
        assertTrue(lateral.cooling().notes().stream().anyMatch(n -> n.startsWith(
                "cooling.coolant.flow_map is not used in lateral mode")), lateral.cooling().notes().toString());
        CaseSpec edge = CaseLoader.builtin("wse-default", List.of("cooling.mode=edge",
                "cooling.coolant.flow_map=[[1, 2]]"));
        assertTrue(edge.cooling().notes().stream().anyMatch(n -> n.startsWith(
                "cooling.coolant.flow_map is not used in edge mode")), edge.cooling().notes().toString());
    }
}
