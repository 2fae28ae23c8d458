package org.wafersim.grid;

import static org.junit.jupiter.api.Assertions.*;
import static org.wafersim.geometry.TestCases.MM;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.cases.CaseSpec;
import org.wafersim.cases.CaseSpec.DiesSpec;
import org.wafersim.cases.CaseSpec.GridSpec;
import org.wafersim.cases.CaseSpec.LayerSpec;
import org.wafersim.errors.InputException;
import org.wafersim.geometry.CoreArray;
import org.wafersim.geometry.TestCases;

class GridBuilderTest {
    private static final CaseSpec DEFAULT = TestCases.defaultCase(1);
    private static final CoreArray CORES = CoreArray.of(DEFAULT);
    private static final Grid GRID = GridBuilder.build(DEFAULT, CORES);

    private static int cellsInside(double[] f, double lo, double hi) {
        int n = 0;
        for (int i = 0; i + 1 < f.length; i++) if (f[i] >= lo - 1e-12 && f[i + 1] <= hi + 1e-12) n++;
        return n;
    }

    private static boolean isFace(double[] f, double v) {
        return Arrays.binarySearch(f, v) >= 0;
    }

    @Test
    void defaultDimensions() {
        GridPlan p1 = GridBuilder.plan(DEFAULT), p4 = GridBuilder.plan(TestCases.defaultCase(0.25));
        System.out.println("cells_per_core 1:    " + p1 + String.format(", ~%.2f GiB", p1.estimatedBytes() / 1073741824.0));
        System.out.println("cells_per_core 0.25: " + p4 + String.format(", ~%.2f GiB", p4.estimatedBytes() / 1073741824.0));
        // inside the wafer: one cell per core plus the 11 scribe strips and 2 half scribes (x), 6 + 2 (y)
        assertEquals(12 * 53 + 13, cellsInside(p1.xf, 0, 215 * MM));
        assertEquals(7 * 91 + 8, cellsInside(p1.yf, 0, 215 * MM));
        assertEquals(12 * 13 + 13, cellsInside(p4.xf, 0, 215 * MM));   // round(53 * 0.25) = 13 per die
        assertEquals(7 * 23 + 8, cellsInside(p4.yf, 0, 215 * MM));     // round(91 * 0.25) = 23 per die
        assertEquals(669, p1.nx());
        assertEquals(665, p1.ny());
        assertEquals(183, p4.nx());
        assertEquals(183, p4.ny());
        assertEquals(p1.nz(), p4.nz(), "z does not depend on the in-plane resolution");
        assertTrue(p1.nz() >= 15 && p1.nz() <= 25, "nz = " + p1.nz());
        assertEquals((long) p1.nx() * p1.ny() * p1.nz(), p1.cells());
        assertEquals(GRID.nx, p1.nx());
        assertArrayEquals(p1.xFaces(), GRID.xFaces());
        assertArrayEquals(p1.zFaces(), GRID.zFaces());
    }

    @Test
    void planesAtEveryDieEdgeAndCoreEdge() {
        double[] xf = GRID.xFaces(), yf = GRID.yFaces();
        for (int d = 0; d < CORES.dieCount(); d++) {
            assertTrue(isFace(xf, CORES.dieX0(d)) && isFace(xf, CORES.dieX1(d)), "die " + d + " x edges");
            assertTrue(isFace(yf, CORES.dieY0(d)) && isFace(yf, CORES.dieY1(d)), "die " + d + " y edges");
        }
        for (int gc = 0; gc < CORES.globalColumns(); gc++) assertTrue(isFace(xf, CORES.columnX0(gc)));
        for (int gr = 0; gr < CORES.globalRows(); gr++) assertTrue(isFace(yf, CORES.rowY1(gr)));
        // scribe strips are single cells, the half scribes at the wafer edges too
        int i0 = Arrays.binarySearch(xf, 0.0);
        assertEquals(0.05 * MM, xf[i0 + 1] - xf[i0], 1e-15);
        int s = Arrays.binarySearch(xf, CORES.dieX1(0));
        assertEquals(CORES.dieX0(1), xf[s + 1]);
        // footprint edges of the 250 mm layers
        assertEquals(-17.5 * MM, xf[0], 1e-15);
        assertEquals(232.5 * MM, xf[xf.length - 1], 1e-15);
        assertEquals(-17.5 * MM, yf[0], 1e-15);
        // at 0.25 cells per core the die edges are still planes
        GridPlan p4 = GridBuilder.plan(TestCases.defaultCase(0.25));
        for (int d = 0; d < CORES.dieCount(); d++) assertTrue(isFace(p4.xf, CORES.dieX1(d)) && isFace(p4.yf, CORES.dieY0(d)));
    }

    @Test
    void layersAndActiveLayerInZ() {
        assertEquals(List.of("coldplate", "tim", "wafer", "connector", "board"), GRID.layerNames());
        double[] top = {10.825 * MM, 7.825 * MM, 7.775 * MM, 7 * MM, 6 * MM};
        double[] bottom = {7.825 * MM, 7.775 * MM, 7 * MM, 6 * MM, 0};
        for (int l = 0; l < 5; l++) {
            assertEquals(bottom[l], GRID.zf(GRID.layerK0(l)), 1e-15, GRID.layerNames().get(l));
            assertEquals(top[l], GRID.zf(GRID.layerK1(l)), 1e-15, GRID.layerNames().get(l));
            assertTrue(GRID.layerK1(l) - GRID.layerK0(l) >= 2, "at least two cells through " + GRID.layerNames().get(l));
            if (l > 0) assertEquals(GRID.layerK0(l - 1), GRID.layerK1(l));
        }
        assertEquals(0, GRID.layerK0(4));
        assertEquals(GRID.nz, GRID.layerK1(0));
        int w = GRID.layerIndex("wafer");
        assertEquals(GRID.layerK0(w), GRID.activeK0(), "the active layer is at the wafer's board side");
        assertTrue(GRID.activeK1() - GRID.activeK0() >= 1);
        assertEquals(7.02 * MM, GRID.zf(GRID.activeK1()), 1e-15);
        assertTrue(GRID.layerK1(w) - GRID.activeK1() >= 2, "at least two cells for the rest of the wafer");
        for (int k = GRID.layerK0(w); k < GRID.layerK1(w); k++) assertEquals(w, GRID.layerOfK(k));
    }

    @Test
    void zCellsAreGradedAwayFromThinLayers() {
        int cp = GRID.layerIndex("coldplate"), b = GRID.layerIndex("board");
        // cold plate: smallest next to the TIM (bottom), growing upwards
        for (int k = GRID.layerK0(cp) + 1; k < GRID.layerK1(cp); k++) assertTrue(GRID.dz(k) > GRID.dz(k - 1));
        // board: smallest next to the connector (top)
        for (int k = GRID.layerK0(b) + 1; k < GRID.layerK1(b); k++) assertTrue(GRID.dz(k) < GRID.dz(k - 1));
        double maxRatio = 1;
        for (int k = 1; k < GRID.nz; k++) maxRatio = Math.max(maxRatio, Math.max(GRID.dz(k) / GRID.dz(k - 1), GRID.dz(k - 1) / GRID.dz(k)));
        System.out.println("default stack: nz = " + GRID.nz + ", largest z ratio " + maxRatio + " (budget-limited)");
        // nz is capped at the per-layer minimums + GridBuilder.Z_EXTRA_CELLS (17 here) to keep the full wafer near
        // 7.5M cells; the worst neighbour ratio that leaves is ~5.2
        assertTrue(maxRatio < 5.5, "largest z ratio " + maxRatio);
        // where the budget allows it, the ratio holds everywhere (growth 4 fits in the budget)
        GridPlan p3 = GridBuilder.plan(TestCases.withGrid(DEFAULT, new GridSpec(1, 2, 4.0)));
        assertTrue(maxRatio(p3.zf) <= 4.0 * (1 + 1e-9), "growth 4: " + maxRatio(p3.zf));
        assertTrue(p3.nz() < GRID.nz, "no cells beyond what the growth ratio needs");
        GridPlan p2 = GridBuilder.plan(TestCases.withGrid(DEFAULT, new GridSpec(1, 2, 2.0)));
        assertTrue(maxRatio(p2.zf) < maxRatio(GRID.zFaces()));
        GridPlan four = GridBuilder.plan(TestCases.withGrid(DEFAULT, new GridSpec(1, 4, 1.5)));
        for (int l = 0; l < four.layerCount(); l++) assertTrue(four.layerK1(l) - four.layerK0(l) >= 4);
    }

    @Test
    void zGradingReachesTheGrowthRatioWithEnoughCells() {
        double[] t = {6e-3, 1e-3, 20e-6, 755e-6, 50e-6, 3e-3};
        double[][] h = ZGrading.grade(t, new int[] {2, 2, 1, 2, 2, 2}, null, 1.5, 100);
        double prev = -1, worst = 1;
        for (int s = 0; s < t.length; s++) {
            double sum = 0;
            for (double c : h[s]) {
                sum += c;
                if (prev > 0) worst = Math.max(worst, Math.max(c / prev, prev / c));
                prev = c;
            }
            assertEquals(t[s], sum, 1e-15);
        }
        assertTrue(worst <= 1.5 * (1 + 1e-9), "worst " + worst);
    }

    private static double maxRatio(double[] f) {
        double m = 1;
        for (int i = 1; i + 1 < f.length; i++) {
            double a = f[i] - f[i - 1], b = f[i + 1] - f[i];
            m = Math.max(m, Math.max(a / b, b / a));
        }
        return m;
    }

    @Test
    void overhangGrowsGeometricallyToTheFootprintEdge() {
        for (double cpc : new double[] {1, 0.25, 2}) {
            GridPlan p = GridBuilder.plan(TestCases.defaultCase(cpc));
            for (double[] f : new double[][] {p.xf, p.yf}) {
                int w0 = Arrays.binarySearch(f, 0.0), w1 = Arrays.binarySearch(f, 215 * MM);
                assertTrue(w0 > 0 && w1 > 0);
                double dieCell = f[w0 + 2] - f[w0 + 1];
                double cap = Math.min(8 * dieCell, 3 * MM);
                // the first overhang cell is one die cell (not the thin half scribe), then growth <= 1.5
                // (the sequence is scaled down by at most one growth step so that it ends on the footprint edge)
                for (double first : new double[] {f[w0] - f[w0 - 1], f[w1 + 1] - f[w1]}) {
                    assertTrue(first <= dieCell * (1 + 1e-9) && first >= dieCell / 1.5, "first overhang cell " + first);
                }
                for (int i = w0 - 1; i > 0; i--) {
                    double inner = f[i + 1] - f[i], outer = f[i] - f[i - 1];
                    assertTrue(outer / inner <= 1.5 * (1 + 1e-9), "ratio " + outer / inner + " at " + f[i]);
                    assertTrue(outer <= Math.max(cap, dieCell) * (1 + 1e-9));
                }
                for (int i = w1 + 1; i < f.length - 1; i++) {
                    double inner = f[i] - f[i - 1], outer = f[i + 1] - f[i];
                    assertTrue(outer / inner <= 1.5 * (1 + 1e-9), "ratio " + outer / inner + " at " + f[i]);
                }
                assertEquals(-17.5 * MM, f[0], 1e-15);
                assertEquals(232.5 * MM, f[f.length - 1], 1e-15);
                assertTrue(w0 < 20, "overhang cells: " + w0);
            }
        }
    }

    @Test
    void voidOutsideTheWaferInTheWaferSizedLayers() {
        Grid g = GRID;
        int nWafer = (12 * 53 + 13) * (7 * 91 + 8);
        for (int l = 0; l < g.layerCount(); l++) {
            String name = g.layerNames().get(l);
            boolean full = name.equals("coldplate") || name.equals("board");
            int mat = g.materialNames().indexOf(switch (name) {
                case "coldplate" -> "copper";
                case "tim" -> "tim_grease";
                case "wafer" -> "silicon";
                case "connector" -> "connector_elastomer";
                default -> "mainboard";
            });
            for (int k = g.layerK0(l); k < g.layerK1(l); k++) {
                int solid = 0;
                for (int j = 0; j < g.ny; j++)
                    for (int i = 0; i < g.nx; i++) {
                        int c = g.index(i, j, k);
                        boolean inWafer = g.xc(i) > 0 && g.xc(i) < 215 * MM && g.yc(j) > 0 && g.yc(j) < 215 * MM;
                        if (full || inWafer) {
                            assertEquals(mat, g.material(c), name);
                            solid++;
                        } else {
                            assertTrue(g.isVoid(c), name + " outside the wafer is void");
                        }
                    }
                assertEquals(full ? g.nx * g.ny : nWafer, solid, name);
            }
        }
        assertEquals(List.of("copper", "tim_grease", "silicon", "connector_elastomer", "mainboard"), g.materialNames());
    }

    @Test
    void narrowLayersAndSharedMaterials() {
        // a 100 x 60 mm copper strip under the wafer, with a second copper layer: one material id, planes at its edges
        List<LayerSpec> stack = List.of(
                new LayerSpec("coldplate", "copper", 3 * MM, 250 * MM, 250 * MM, false),
                new LayerSpec("wafer", "silicon", 0.775 * MM, 0, 0, true),
                new LayerSpec("strip", "copper", 0.5 * MM, 100 * MM, 60 * MM, false),
                new LayerSpec("board", "mainboard", 6 * MM, 230 * MM, 0, false));
        CaseSpec spec = TestCases.withStack(DEFAULT, stack);
        Grid g = GridBuilder.build(spec, CoreArray.of(spec));
        assertEquals(List.of("copper", "silicon", "mainboard"), g.materialNames());
        double[] xf = g.xFaces(), yf = g.yFaces();
        assertTrue(near(xf, 57.5 * MM) && near(xf, 157.5 * MM) && near(yf, 77.5 * MM) && near(yf, 137.5 * MM));
        assertTrue(near(xf, -7.5 * MM) && near(xf, 222.5 * MM), "board edge (230 mm) inside the 250 mm overhang");
        // no slivers next to the strip edges
        double dieCell = CORES.x1(0) - CORES.x0(0);
        for (int i = 0; i < g.nx; i++) if (g.xc(i) > 0 && g.xc(i) < 215 * MM) assertTrue(g.dx(i) > 0.29 * dieCell || Math.abs(g.dx(i) - 0.1 * MM) < 1e-12 || Math.abs(g.dx(i) - 0.05 * MM) < 1e-12, "cell " + g.dx(i));
        int strip = g.layerIndex("strip"), k = g.layerK0(strip);
        assertEquals(0, g.material(g.index(g.locateX(107.5 * MM), g.locateY(107.5 * MM), k)));
        assertTrue(g.isVoid(g.index(g.locateX(50 * MM), g.locateY(107.5 * MM), k)));
        assertTrue(g.isVoid(g.index(g.locateX(107.5 * MM), g.locateY(70 * MM), k)));
        int board = g.layerIndex("board");
        assertTrue(g.isVoid(g.index(0, g.locateY(107.5 * MM), g.layerK0(board))), "230 mm board in x inside a 250 mm grid");
        assertEquals(2, g.material(g.index(g.locateX(-5 * MM), g.locateY(107.5 * MM), g.layerK0(board))));
        assertTrue(g.isVoid(g.index(g.locateX(107.5 * MM), 0, g.layerK0(board))), "the board is wafer-sized (215 mm) in y");
    }

    private static int count(double[] f, double v) {
        int n = 0;
        for (double x : f) if (Math.abs(x - v) < 1e-9) n++;
        return n;
    }

    private static boolean near(double[] f, double v) {
        return count(f, v) == 1;
    }

    @Test
    void zeroScribeHasNoScribeCells() {
        CaseSpec spec = TestCases.withDies(DEFAULT, new DiesSpec(12, 7, 0));
        GridPlan p = GridBuilder.plan(spec);
        assertEquals(12 * 53, cellsInside(p.xf, 0, 215 * MM));
        assertEquals(7 * 91, cellsInside(p.yf, 0, 215 * MM));
        CoreArray c = CoreArray.of(spec);
        for (int d = 0; d < c.dieCount(); d++) assertTrue(isFace(p.xf, c.dieX0(d)));
    }

    @Test
    void badGridSettingsAreInputErrors() {
        InputException e = assertThrows(InputException.class,
                () -> GridBuilder.plan(TestCases.withGrid(DEFAULT, new GridSpec(0, 2, 1.5))));
        assertEquals("grid.cells_per_core", e.keyPath());
        assertEquals("grid.max_growth", assertThrows(InputException.class,
                () -> GridBuilder.plan(TestCases.withGrid(DEFAULT, new GridSpec(1, 2, 1.0)))).keyPath());
        CaseSpec badActive = new CaseSpec("x", new CaseSpec.WaferSpec(215 * MM, 215 * MM, 0.775 * MM, "silicon", 0.9 * MM),
                DEFAULT.dies(), DEFAULT.cores(), DEFAULT.stack(), DEFAULT.power(), null, null, null, null,
                DEFAULT.transientSpec(), List.of(),
                DEFAULT.grid(), null, null, null, "x.yaml");
        assertEquals("wafer.active_layer", assertThrows(InputException.class, () -> GridBuilder.plan(badActive)).keyPath());
    }

    @Test
    void coreArrayMustMatchTheCase() {
        CoreArray other = CoreArray.of(TestCases.smallCase(1));
        assertThrows(IllegalArgumentException.class, () -> GridBuilder.build(DEFAULT, other));
    }
}
