package org.wafersim.geometry;

import static org.junit.jupiter.api.Assertions.*;
import static org.wafersim.geometry.TestCases.MM;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wafersim.cases.CaseSpec.CoreRef;
import org.wafersim.cases.CaseSpec.CoresSpec;
import org.wafersim.cases.CaseSpec.DiesSpec;
import org.wafersim.errors.InputException;

class CoreArrayTest {
    private static final CoreArray DEFAULT = CoreArray.of(TestCases.defaultCase(1));

    @Test
    void defaultCounts() {
        CoreArray a = DEFAULT;
        assertEquals(84, a.dieCount());
        assertEquals(12, a.columns());
        assertEquals(7, a.rows());
        assertEquals(4823, a.coresPerDie());
        assertEquals(405_132, a.coreCount());
        assertEquals(636, a.globalColumns());
        assertEquals(637, a.globalRows());
    }

    @Test
    void dieRectangles() {
        CoreArray a = DEFAULT;
        double px = 215 * MM / 12, py = 215 * MM / 7, s = 0.1 * MM;
        for (int d = 0; d < a.dieCount(); d++) {
            int col = d % 12, row = d / 12;
            assertEquals(col, a.dieColumn(d));
            assertEquals(row, a.dieRow(d));
            assertEquals(d, a.dieIndex(col, row));
            assertEquals(col * px + s / 2, a.dieX0(d), 1e-15);
            assertEquals((col + 1) * px - s / 2, a.dieX1(d), 1e-15);
            assertEquals(row * py + s / 2, a.dieY0(d), 1e-15);
            assertEquals((row + 1) * py - s / 2, a.dieY1(d), 1e-15);
            assertEquals((px - s) * (py - s), a.dieArea(d), 1e-15);
        }
        // half a scribe at the wafer edges, exactly
        assertEquals(0.05 * MM, a.dieX0(0));
        assertEquals(215 * MM - 0.05 * MM, a.dieX1(a.dieIndex(11, 6)));
        assertEquals(215 * MM - 0.05 * MM, a.dieY1(a.dieIndex(11, 6)));
        // pitch 17.917 x 30.714 mm
        assertEquals(17.917, px / MM, 1e-3);
        assertEquals(30.714, py / MM, 1e-3);
    }

    @Test
    void corePositionsTileEachDie() {
        CoreArray a = DEFAULT;
        double cw = (215 * MM / 12 - 0.1 * MM) / 53, ch = (215 * MM / 7 - 0.1 * MM) / 91;
        for (int d : new int[] {0, 17, 41, 83}) {
            double area = 0;
            for (int r = 0; r < 91; r++)
                for (int cc = 0; cc < 53; cc++) {
                    int c = a.coreIndex(d, cc, r);
                    assertEquals(d * 4823 + r * 53 + cc, c);
                    assertEquals(d, a.die(c));
                    assertEquals(r, a.coreRow(c));
                    assertEquals(cc, a.coreColumn(c));
                    assertEquals(a.dieX0(d) + cc * cw, a.x0(c), 1e-15);
                    assertEquals(a.dieY0(d) + r * ch, a.y0(c), 1e-15);
                    assertEquals(cw * ch, a.area(c), 1e-18);
                    if (cc > 0) assertEquals(a.x1(c - 1), a.x0(c));      // shared edges, exactly
                    if (r > 0) assertEquals(a.y1(c - 53), a.y0(c));
                    area += a.area(c);
                    assertEquals(c, a.coreAt(a.xc(c), a.yc(c)));
                }
            assertEquals(a.dieArea(d), area, 1e-12 * area);
            assertEquals(a.dieX0(d), a.x0(a.coreIndex(d, 0, 0)));
            assertEquals(a.dieX1(d), a.x1(a.coreIndex(d, 52, 90)));
            assertEquals(a.dieY1(d), a.y1(a.coreIndex(d, 52, 90)));
        }
        assertEquals(-1, a.coreAt(215 * MM / 12, 5 * MM), "a scribe line holds no core");
        assertEquals(-1, a.coreAt(0.01 * MM, 5 * MM), "the half scribe at the edge holds no core");
        // global columns / rows
        int c = a.coreIndex(a.dieIndex(5, 3), 7, 11);
        assertEquals(5 * 53 + 7, a.globalColumn(c));
        assertEquals(3 * 91 + 11, a.globalRow(c));
        assertEquals(a.x0(c), a.columnX0(a.globalColumn(c)));
        assertEquals(a.y1(c), a.rowY1(a.globalRow(c)));
    }

    @Test
    void sparesPerDieFromFraction() {
        CoreArray a = DEFAULT;
        int expected = (int) Math.round(0.015 * 4823);
        assertEquals(72, expected);
        int total = 0;
        for (int d = 0; d < a.dieCount(); d++) {
            int n = 0;
            for (int c = a.firstCore(d); c < a.firstCore(d) + 4823; c++) if (a.isSpare(c)) n++;
            assertEquals(72, n);
            assertEquals(72, a.sparesInDie(d));
            assertEquals(4823 - 72, a.activeCoresInDie(d));
            total += n;
        }
        assertEquals(84 * 72, total);
        assertEquals(405_132 - 84 * 72, a.activeCoreCount());
    }

    @Test
    void sparesAreSpreadOverTheDie() {
        assertSpread(DEFAULT, 0);
        // a spare count whose naive stride (4823/91 = 53 = cores per row) would put every spare in one column
        CoreArray b = CoreArray.of(TestCases.defaultWafer(), new DiesSpec(12, 7, 0.1 * MM),
                new CoresSpec(53, 91, 91.0 / 4823, List.of()), "test");
        assertEquals(91, b.sparesInDie(0));
        assertSpread(b, 5);
    }

    private static void assertSpread(CoreArray a, int d) {
        int k = a.sparesInDie(d), nx = a.perDieX(), ny = a.perDieY();
        int[] xs = new int[k], ys = new int[k];
        Set<Integer> rows = new HashSet<>(), cols = new HashSet<>();
        int m = 0;
        int[][] block = new int[3][3];
        for (int c = a.firstCore(d); c < a.firstCore(d) + a.coresPerDie(); c++) {
            if (!a.isSpare(c)) continue;
            xs[m] = a.coreColumn(c);
            ys[m] = a.coreRow(c);
            rows.add(ys[m]);
            cols.add(xs[m]);
            block[3 * xs[m] / nx][3 * ys[m] / ny]++;
            m++;
        }
        assertEquals(k, m);
        assertTrue(rows.size() >= Math.min(k, ny) * 0.9, "spares spread over rows: " + rows.size());
        assertTrue(cols.size() >= Math.min(k, nx) * 0.6, "spares spread over columns: " + cols.size());
        double expect = k / 9.0;
        for (int[] b : block)
            for (int v : b)
                assertTrue(v >= 0.5 * expect && v <= 1.5 * expect, "each ninth of the die holds about k/9 spares: " + v);
        // no clusters: nearest neighbour at least half the spacing of a square lattice of k points
        double minD = Double.POSITIVE_INFINITY;
        for (int i = 0; i < k; i++)
            for (int j = i + 1; j < k; j++)
                minD = Math.min(minD, Math.hypot(xs[i] - xs[j], ys[i] - ys[j]));
        double lattice = Math.sqrt((double) nx * ny / k);
        assertTrue(minD >= 0.5 * lattice, "nearest spares " + minD + " cores apart, lattice spacing " + lattice);
        // the same positions in every die
        for (int c = 0; c < a.coresPerDie(); c++)
            assertEquals(a.isSpare(a.firstCore(d) + c), a.isSpare(a.firstCore(a.dieCount() - 1) + c));
    }

    @Test
    void explicitSpares() {
        CoreArray a = CoreArray.of(TestCases.defaultWithSpares(List.of(
                new CoreRef(0, 0, 0, 0), new CoreRef(5, 3, 10, 20), new CoreRef(5, 3, 52, 90))));
        assertEquals(3, a.coreCount() - a.activeCoreCount());
        assertTrue(a.isSpare(0));
        int d = a.dieIndex(5, 3);
        assertTrue(a.isSpare(a.coreIndex(d, 10, 20)));
        assertTrue(a.isSpare(a.coreIndex(d, 52, 90)));
        assertFalse(a.isSpare(a.coreIndex(d, 10, 21)));
        assertEquals(2, a.sparesInDie(d));
        assertEquals(1, a.sparesInDie(0));
        assertEquals(0, a.sparesInDie(1));
    }

    @Test
    void badExplicitSparesAreInputErrors() {
        InputException e = assertThrows(InputException.class, () -> CoreArray.of(TestCases.defaultWithSpares(List.of(
                new CoreRef(0, 0, 0, 0), new CoreRef(12, 0, 0, 0)))));
        assertEquals("cores.spares[1]", e.keyPath());
        assertTrue(e.getMessage().contains("die column 12"), e.getMessage());
        InputException dup = assertThrows(InputException.class, () -> CoreArray.of(TestCases.defaultWithSpares(List.of(
                new CoreRef(1, 1, 2, 2), new CoreRef(1, 1, 2, 2)))));
        assertEquals("cores.spares[1]", dup.keyPath());
        assertTrue(dup.getMessage().startsWith("test.yaml: "), dup.getMessage());
    }

    @Test
    void badGeometryIsAnInputError() {
        InputException e = assertThrows(InputException.class, () -> CoreArray.of(TestCases.defaultWafer(),
                new DiesSpec(12, 7, 20 * MM), new CoresSpec(53, 91, 0.015, List.of()), "x.yaml"));
        assertEquals("dies.scribe", e.keyPath());
        assertThrows(InputException.class, () -> CoreArray.of(TestCases.defaultWafer(),
                new DiesSpec(12, 7, 0.1 * MM), new CoresSpec(0, 91, 0.015, List.of()), "x.yaml"));
        assertThrows(InputException.class, () -> CoreArray.of(TestCases.defaultWafer(),
                new DiesSpec(12, 7, 0.1 * MM), new CoresSpec(2, 1, 0.9, List.of()), "x.yaml"),
                "a die whose every core is a spare");
    }

    @Test
    void noSparesWithZeroFraction() {
        CoreArray a = CoreArray.of(TestCases.defaultWafer(), new DiesSpec(12, 7, 0), new CoresSpec(53, 91, 0, List.of()), "t");
        assertEquals(a.coreCount(), a.activeCoreCount());
        assertEquals(0.0, a.dieX0(0));
        assertEquals(a.dieX1(0), a.dieX0(1), "without scribe neighbouring dies touch");
    }
}
