package org.wafersim.power;

import static org.junit.jupiter.api.Assertions.*;
import static org.wafersim.geometry.TestCases.MM;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.cases.CaseSpec.CoresSpec;
import org.wafersim.cases.CaseSpec.DiesSpec;
import org.wafersim.cases.PowerSpec.PowerPattern;
import org.wafersim.geometry.CoreArray;
import org.wafersim.geometry.TestCases;

class WorkloadPowerTest {
    private static final CoreArray CORES = CoreArray.of(TestCases.defaultCase(1));
    private static final double P = 15_000;

    private static double sum(double[] a) {
        return Sums.of(a);
    }

    @Test
    void everyPatternSumsToTheTotal() {
        for (PowerPattern pat : PowerPattern.values()) {
            double[] p = WorkloadPower.corePower(CORES, pat, P);
            assertEquals(CORES.coreCount(), p.length);
            assertEquals(P, sum(p), 1e-12 * P, pat.key);
            assertEquals(P, sum(WorkloadPower.diePower(CORES, pat, P)), 1e-12 * P, pat.key);
            for (int c = 0; c < p.length; c++) {
                if (CORES.isSpare(c)) assertEquals(0.0, p[c], pat.key + ": spares idle");
                else assertTrue(p[c] > 0, pat.key);
            }
            // the die sums of the core powers are the die powers
            double[] dieP = WorkloadPower.diePower(CORES, pat, P);
            for (int d = 0; d < CORES.dieCount(); d++) {
                double s = sum(java.util.Arrays.copyOfRange(p, CORES.firstCore(d), CORES.firstCore(d) + CORES.coresPerDie()));
                assertEquals(dieP[d], s, 1e-12 * dieP[d]);
            }
        }
    }

    @Test
    void uniform() {
        double[] d = WorkloadPower.diePower(CORES, PowerPattern.UNIFORM, P);
        for (double v : d) assertEquals(P / 84, v, 1e-12 * v);
        assertEquals(178.6, P / 84, 0.05);
        // equal-area active cores share a die's power equally
        double[] p = WorkloadPower.corePower(CORES, PowerPattern.UNIFORM, P);
        double per = P / 84 / CORES.activeCoresInDie(0);
        for (int c = 0; c < CORES.coresPerDie(); c++) if (!CORES.isSpare(c)) assertEquals(per, p[c], 1e-12 * per);
    }

    @Test
    void hotBandRowsTwoToFourAtOnePointTwoFive() {
        assertArrayEquals(new int[] {2, 5}, WorkloadPower.hotBandRows(7));
        double[] d = WorkloadPower.diePower(CORES, PowerPattern.HOT_BAND, P);
        double mean = P / 84;
        for (int i = 0; i < 84; i++) {
            int r = CORES.dieRow(i);
            double f = r >= 2 && r <= 4 ? 1.25 : 0.8125;
            assertEquals(f * mean, d[i], 1e-12 * mean, "die row " + r);
        }
        assertEquals(223.2, 1.25 * mean, 0.05);
        assertEquals(145.1, 0.8125 * mean, 0.05);
    }

    @Test
    void hotBandFactorForOtherRowCounts() {
        for (int rows : new int[] {1, 2, 3, 4, 5, 9, 14}) {
            CoreArray a = CoreArray.of(TestCases.defaultWafer(), new DiesSpec(4, rows, 0.1 * MM),
                    new CoresSpec(5, 6, 0, List.of()), "t");
            int[] band = WorkloadPower.hotBandRows(rows);
            assertTrue(band[1] > band[0] && band[0] >= 0 && band[1] <= rows);
            assertEquals(rows - band[1], band[0], 1, "band centred");
            double[] d = WorkloadPower.diePower(a, PowerPattern.HOT_BAND, P);
            assertEquals(P, sum(d), 1e-12 * P);
            double mean = P / a.dieCount();
            int nb = (band[1] - band[0]) * 4, n = a.dieCount();
            for (int i = 0; i < n; i++) {
                boolean hot = a.dieRow(i) >= band[0] && a.dieRow(i) < band[1];
                double f = nb == n ? 1.0 : hot ? 1.25 : (n - 1.25 * nb) / (n - nb);
                assertEquals(f * mean, d[i], 1e-12 * mean, "rows " + rows);
            }
        }
    }

    @Test
    void hotSpot() {
        int hs = WorkloadPower.hotSpotDie(CORES);
        assertEquals(3, CORES.dieRow(hs));
        assertEquals(5, CORES.dieColumn(hs));
        double mean = P / 84;
        double[] d = WorkloadPower.diePower(CORES, PowerPattern.HOT_SPOT, P);
        assertEquals(1.5 * mean, d[hs], 1e-12 * mean);
        assertEquals(267.9, d[hs], 0.05);
        for (int i = 0; i < 84; i++) if (i != hs) assertEquals((84 - 1.5) / 83 * mean, d[i], 1e-12 * mean);

        double[] p = WorkloadPower.corePower(CORES, PowerPattern.HOT_SPOT, P);
        double[] r = WorkloadPower.hotSpotRegion(CORES);
        assertEquals(6 * MM, r[1] - r[0], 1e-15);
        assertEquals(6 * MM, r[3] - r[2], 1e-15);
        assertEquals(0.5 * (CORES.dieX0(hs) + CORES.dieX1(hs)), 0.5 * (r[0] + r[1]), 1e-15);
        double dieFlux = d[hs] / CORES.dieArea(hs);
        double regionP = WorkloadPower.hotSpotRegionPower(CORES, d[hs]);
        assertEquals(3 * dieFlux * 36 * MM * MM, regionP, 1e-12 * regionP);
        assertEquals(53.0, regionP, 0.1);   // reference-data D.2 quotes ~52.6 W using the pitch area

        // region flux (over the region's active area) and background flux, from cores fully inside / outside
        double qin = Double.NaN, qout = Double.NaN;
        Sums ainS = Sums.create();
        for (int c = CORES.firstCore(hs); c < CORES.firstCore(hs) + CORES.coresPerDie(); c++) {
            double ov = WorkloadPower.overlap(CORES, c, r), a = CORES.area(c);
            if (CORES.isSpare(c)) continue;
            ainS.add(ov);
            if (Math.abs(ov - a) < 1e-9 * a) qin = p[c] / a;
            else if (ov == 0) qout = p[c] / a;
        }
        assertFalse(Double.isNaN(qin) || Double.isNaN(qout));
        double ainActive = ainS.value();
        Sums inS = Sums.create();
        for (int c = CORES.firstCore(hs); c < CORES.firstCore(hs) + CORES.coresPerDie(); c++)
            if (!CORES.isSpare(c)) inS.add(qin * WorkloadPower.overlap(CORES, c, r));
        double inRegion = inS.value();
        assertEquals(regionP, inRegion, 1e-12 * regionP, "the square carries 3 x the die's mean flux x its area");
        assertEquals(regionP, qin * ainActive, 1e-12 * regionP);
        // with idle spares in it, the active cores of the square run slightly above 3 x; the mean over the square is 3 x
        assertEquals(3.0, qin * ainActive / (36 * MM * MM) / dieFlux, 1e-12);
        assertEquals(3.0, qin / dieFlux, 0.1);
        assertTrue(qout < dieFlux);
        // every core in other dies: the scaled uniform flux
        int other = CORES.dieIndex(0, 0);
        double qo = d[other] / (CORES.activeCoresInDie(other) * CORES.area(0));
        assertEquals(qo * CORES.area(1), p[CORES.firstCore(other) + 1], 1e-12 * p[1]);
    }

    @Test
    void hotSpotUsesTheCentreDieOnSmallGrids() {
        CoreArray a = CoreArray.of(TestCases.defaultWafer(), new DiesSpec(3, 3, 0.1 * MM),
                new CoresSpec(20, 20, 0, List.of()), "t");
        int hs = WorkloadPower.hotSpotDie(a);
        assertEquals(1, a.dieRow(hs));
        assertEquals(1, a.dieColumn(hs));
        double[] p = WorkloadPower.corePower(a, PowerPattern.HOT_SPOT, 1000);
        assertEquals(1000, sum(p), 1e-12 * 1000);
        assertEquals(1.5 * 1000 / 9, WorkloadPower.diePower(a, PowerPattern.HOT_SPOT, 1000)[hs], 1e-12);
    }

    @Test
    void checkerboard() {
        double[] d = WorkloadPower.diePower(CORES, PowerPattern.CHECKERBOARD, P);
        double mean = P / 84;
        for (int i = 0; i < 84; i++) {
            double f = ((CORES.dieRow(i) + CORES.dieColumn(i)) % 2 == 0) ? 1.5 : 0.5;
            assertEquals(f * mean, d[i], 1e-12 * mean);
        }
        // an odd die count is normalised to the total
        CoreArray a = CoreArray.of(TestCases.defaultWafer(), new DiesSpec(3, 3, 0.1 * MM),
                new CoresSpec(4, 4, 0, List.of()), "t");
        double[] o = WorkloadPower.diePower(a, PowerPattern.CHECKERBOARD, P);
        assertEquals(P, sum(o), 1e-12 * P);
        assertEquals(3.0, o[0] / o[1], 1e-12);
    }
}
