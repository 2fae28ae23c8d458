package org.wafersim.power;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.wafersim.cases.CaseSpec;
import org.wafersim.cases.PowerSpec.PowerPattern;
import org.wafersim.geometry.CoreArray;
import org.wafersim.geometry.TestCases;
import org.wafersim.grid.Grid;
import org.wafersim.grid.GridBuilder;

class CoreCellMapTest {

    private record Setup(CoreArray cores, Grid grid, CoreCellMap map) {
        static Setup of(CaseSpec spec) {
            CoreArray c = CoreArray.of(spec);
            Grid g = GridBuilder.build(spec, c);
            return new Setup(c, g, CoreCellMap.of(g, c));
        }
    }

    private static double totalPower(Grid g, double[] q) {
        Sums s = Sums.create();
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) s.add(q[g.index(i, j, k)] * g.dx(i) * g.dy(j) * g.dz(k));
        return s.value();
    }

    private static void assertConservative(Setup s, PowerPattern pat) {
        double[] p = WorkloadPower.corePower(s.cores, pat, 15_000);
        double[] q = s.map.depositPower(s.grid, p);
        double sumP = Sums.of(p);
        assertEquals(15_000, sumP, 1e-12 * 15_000);
        assertEquals(sumP, totalPower(s.grid, q), 1e-12 * sumP);
        // only the active slab carries power
        for (int k = 0; k < s.grid.nz; k++) {
            boolean active = k >= s.grid.activeK0() && k < s.grid.activeK1();
            for (int ij = 0; ij < s.grid.nx * s.grid.ny; ij += 97) {
                double v = q[k * s.grid.nx * s.grid.ny + ij];
                assertTrue(v >= 0);
                if (!active) assertEquals(0.0, v);
            }
        }
    }

    @Test
    void depositIsConservativeOnTheDefaultWafer() {
        Setup s = Setup.of(TestCases.defaultCase(1));
        for (PowerPattern pat : PowerPattern.values()) assertConservative(s, pat);
        Setup c = Setup.of(TestCases.defaultCase(0.25));
        for (PowerPattern pat : PowerPattern.values()) assertConservative(c, pat);
    }

    @Test
    void depositIsConservativeForFractionalResolutions() {
        for (double cpc : new double[] {0.3, 0.5, 2, 3}) assertConservative(Setup.of(TestCases.smallCase(cpc)), PowerPattern.HOT_SPOT);
    }

    @Test
    void activeLayerDepositIsTheWholeGridDepositsActiveSlabBitForBit() {
        for (double cpc : new double[] {0.3, 2}) {
            Setup s = Setup.of(TestCases.smallCase(cpc));
            double[] p = WorkloadPower.corePower(s.cores, PowerPattern.HOT_SPOT, 15_000);
            double[] q = s.map.depositPower(s.grid, p);
            int plane = s.grid.nx * s.grid.ny, first = s.grid.activeK0() * plane;
            double[] qa = new double[(s.grid.activeK1() - s.grid.activeK0()) * plane];
            java.util.Arrays.fill(qa, Double.NaN);     // every entry must be written
            s.map.depositActive(s.grid, p, qa);
            for (int c = 0; c < qa.length; c++) assertEquals(q[first + c], qa[c], 0.0);
            assertThrows(IllegalArgumentException.class, () -> s.map.depositActive(s.grid, p, new double[plane + 1]));
        }
    }

    @Test
    void oneCellPerCoreMapsEachCoreOntoOneCell() {
        Setup s = Setup.of(TestCases.defaultCase(1));
        for (int c = 0; c < s.cores.coreCount(); c += 37) {
            assertEquals(1, s.map.xCellCount(c));
            assertEquals(1, s.map.yCellCount(c));
            assertEquals(1.0, s.map.xFraction(c, 0));
            assertEquals(1.0, s.map.xCoverage(c, 0), 1e-12);
            int i = s.map.xCellStart(c), j = s.map.yCellStart(c);
            assertEquals(s.cores.x0(c), s.grid.xf(i));
            assertEquals(s.cores.x1(c), s.grid.xf(i + 1));
            assertEquals(s.cores.y0(c), s.grid.yf(j));
        }
        // deposit then mean: the mean power density under a core times its active volume is its power
        double[] p = WorkloadPower.corePower(s.cores, PowerPattern.HOT_SPOT, 15_000);
        double[] q = s.map.depositPower(s.grid, p);
        double[] m = s.map.coreMean(s.grid, q);
        double h = s.grid.zf(s.grid.activeK1()) - s.grid.zf(s.grid.activeK0());
        for (int c = 0; c < p.length; c++) assertEquals(p[c], m[c] * s.cores.area(c) * h, 1e-12 * 10);
    }

    @Test
    void quarterCellPerCoreCoversAboutFourByFourCores() {
        Setup s = Setup.of(TestCases.defaultCase(0.25));
        int[] coresPerCell = new int[s.grid.nx];
        for (int gc = 0; gc < s.cores.globalColumns(); gc++) {
            int c = s.cores.coreIndex(s.cores.dieIndex(gc / 53, 0), gc % 53, 0);
            assertTrue(s.map.xCellCount(c) <= 2, "a core straddles at most two cells");
            double sum = 0;
            for (int m = 0; m < s.map.xCellCount(c); m++) {
                sum += s.map.xFraction(c, m);
                assertTrue(s.map.xCoverage(c, m) <= 0.3);
            }
            assertEquals(1.0, sum, 1e-15);
            coresPerCell[s.map.xCellStart(c)]++;
        }
        int max = 0;
        for (int v : coresPerCell) max = Math.max(max, v);
        assertEquals(5, max, "53 cores over 13 cells: 4.08 cores per cell");
    }

    /** A field a + b x + c y (any z) on the cell centres. */
    private static double[] linearField(Grid g, double a, double b, double c) {
        double[] f = new double[g.cells()];
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) f[g.index(i, j, k)] = a + b * g.xc(i) + c * g.yc(j);
        return f;
    }

    @Test
    void coreMeanOfALinearFieldIsItsValueAtTheCoreCentre() {
        for (double cpc : new double[] {1, 2, 3}) {
            Setup s = cpc == 1 ? Setup.of(TestCases.defaultCase(1)) : Setup.of(TestCases.smallCase(cpc));
            double[] f = linearField(s.grid, 40, 300, -170);
            double[] m = s.map.coreMean(s.grid, f);
            for (int c = 0; c < m.length; c += (cpc == 1 ? 13 : 1))
                assertEquals(40 + 300 * s.cores.xc(c) - 170 * s.cores.yc(c), m[c], 1e-12, "cells per core " + cpc);
        }
    }

    @Test
    void coreMeanOnCoarseGridsIsTheOverlapWeightedCellValue() {
        Setup s = Setup.of(TestCases.defaultCase(0.25));
        double[] f = linearField(s.grid, 40, 300, -170);
        double[] m = s.map.coreMean(s.grid, f);
        double[] one = s.map.coreMean(s.grid, linearField(s.grid, 7.5, 0, 0));
        for (int c = 0; c < m.length; c += 11) {
            assertEquals(7.5, one[c], 1e-13, "a constant is reproduced exactly");
            double expect = 0;
            for (int a = 0; a < s.map.xCellCount(c); a++)
                for (int b = 0; b < s.map.yCellCount(c); b++) {
                    int i = s.map.xCellStart(c) + a, j = s.map.yCellStart(c) + b;
                    expect += s.map.xFraction(c, a) * s.map.yFraction(c, b) * f[s.grid.index(i, j, s.grid.activeK0())];
                }
            assertEquals(expect, m[c], 1e-12);
            // and it lies within the cell under the core's centre or its neighbour
            int i = s.grid.locateX(s.cores.xc(c)), j = s.grid.locateY(s.cores.yc(c));
            assertEquals(f[s.grid.index(i, j, s.grid.activeK0())], m[c], 300 * s.grid.dx(i) + 170 * s.grid.dy(j));
        }
    }

    @Test
    void meanIsVolumeWeightedThroughTheActiveSlab() {
        Setup s = Setup.of(TestCases.smallCase(1));
        Grid g = s.grid;
        double[] f = new double[g.cells()];
        for (int k = 0; k < g.nz; k++)
            for (int ij = 0; ij < g.nx * g.ny; ij++) f[k * g.nx * g.ny + ij] = g.zc(k);   // linear in z
        double[] m = s.map.coreMean(g, f);
        double mid = 0.5 * (g.zf(g.activeK0()) + g.zf(g.activeK1()));
        for (double v : m) assertEquals(mid, v, 1e-15);
    }

    @Test
    void mapIsTiedToItsGrid() {
        Setup s = Setup.of(TestCases.smallCase(1));
        Grid other = GridBuilder.build(TestCases.smallCase(2), CoreArray.of(TestCases.smallCase(2)));
        assertThrows(IllegalArgumentException.class, () -> s.map.depositPower(other, new double[s.cores.coreCount()]));
        assertThrows(IllegalArgumentException.class, () -> s.map.depositPower(s.grid, new double[3]));
    }

    @Test
    void defaultGridAndMapAreFast() {
        CaseSpec spec = TestCases.defaultCase(1);
        long best = Long.MAX_VALUE;
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            CoreArray c = CoreArray.of(spec);
            Grid g = GridBuilder.build(spec, c);
            CoreCellMap map = CoreCellMap.of(g, c);
            double[] q = map.depositPower(g, WorkloadPower.corePower(c, PowerPattern.HOT_BAND, 15_000));
            map.coreMean(g, q);
            best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.printf("default grid + core array + map + deposit + mean: %.0f ms%n", best / 1e6);
        assertTrue(best < 5_000_000_000L, "took " + best / 1e6 + " ms");
    }
}
