package org.wafersim.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ConnectorRainflowTest {
    private static final double C0 = 273.15;
    private static final Engelmaier ENGELMAIER = Engelmaier.ipcDefaults();
    private static final ConnectorRainflow.StrainLife LAW = ENGELMAIER::cyclesToFailure;

    /**
     * A history of two states (idle, full) is today's two-state estimate: workload and off/on cycles to failure, the
     * life per point and the first failure agree to 1e-12 (relative) at every point of a map whose strain vectors
     * turn with the position, as the connector's do.
     */
    @Test
    void twoLevelHistoryReproducesTheTwoStateEstimate() {
        int ny = 7, nx = 9;
        double[][] ga = new double[ny][nx], ta = new double[ny][nx], gb = new double[ny][nx], tb = new double[ny][nx];
        ConnectorRainflow.History[][] h = new ConnectorRainflow.History[ny][nx];
        double t0 = C0 + 25;
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double rx = x - 4.2, ry = y - 2.9;
                // full load: radial strain growing with the distance; idle: smaller and slightly rotated
                double fx = 1.1e-3 * rx, fy = 1.1e-3 * ry;
                double ix = 0.4e-3 * rx - 0.05e-3 * ry, iy = 0.4e-3 * ry + 0.05e-3 * rx;
                double tf = C0 + 60 + 0.5 * x, ti = C0 + 40 + 0.3 * y;
                ga[y][x] = Math.hypot(fx - ix, fy - iy);
                ta[y][x] = 0.5 * (tf + ti);
                gb[y][x] = Math.hypot(fx, fy);
                tb[y][x] = 0.5 * (tf + t0);
                h[y][x] = new ConnectorRainflow.History(new double[] {ix, fx}, new double[] {iy, fy},
                        new double[] {ti, tf});
            }
        }
        DutyCycle duty = DutyCycle.DEFAULT;
        ConnectorFatigue.Result two = ConnectorFatigue.evaluate(new ConnectorLoad(ga, ta), new ConnectorLoad(gb, tb),
                duty, ConnectorParameters.DEFAULT, null);
        ConnectorRainflow.Maps rf = ConnectorRainflow.evaluate(h, t0, LAW, duty, ConnectorParameters.DEFAULT_WEIBULL_SHAPE,
                null, List.of());
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                assertEquals(two.workloadCycles()[y][x], rf.fatigue().workloadCycles()[y][x],
                        1e-12 * two.workloadCycles()[y][x]);
                assertEquals(two.offOnCycles()[y][x], rf.fatigue().offOnCycles()[y][x], 1e-12 * two.offOnCycles()[y][x]);
                assertEquals(two.lifeSeconds()[y][x], rf.fatigue().lifeSeconds()[y][x], 1e-12 * two.lifeSeconds()[y][x]);
                assertEquals(1 / two.workloadCycles()[y][x], rf.workloadDamage()[y][x],
                        1e-12 / two.workloadCycles()[y][x]);
            }
        }
        assertEquals(two.firstFailure().x(), rf.fatigue().firstFailure().x());
        assertEquals(two.firstFailure().y(), rf.fatigue().firstFailure().y());
        assertEquals(two.population().mttf(), rf.fatigue().population().mttf(), 1e-12 * two.population().mttf());
    }

    /** The standard's example counted through the indexed and the periodic paths. */
    @Test
    void astmExampleThroughTheIndexedCount() {
        double[] h = {-2, 1, -3, 5, -1, 3, -4, 4, -2};
        List<Rainflow.Cycle> plain = new ArrayList<>();
        for (Rainflow.Indexed c : Rainflow.countIndexed(h)) {
            plain.add(c.cycle());
            assertEquals(h[c.fromIndex()], c.cycle().from());
            assertEquals(h[c.toIndex()], c.cycle().to());
        }
        // ASTM E1049-85 Table 4
        assertEquals(new TreeMap<>(Map.of(3.0, 0.5, 4.0, 1.5, 6.0, 0.5, 8.0, 1.0, 9.0, 0.5)), Rainflow.rangeTable(plain));
        // the same points as one period of a repeating history (its last sample −2 left out: it would be the start
        // again): rearranged to run from the maximum 5 to 5, 5 −1 3 −4 4 −2 1 −3 5. Hand trace of the three-point
        // rules: at −4, X = 7 ≥ Y = 4 → cycle (−1, 3) of 4; at −3, X = 4 ≥ 3 → cycle (−2, 1) of 3; at the closing 5,
        // X = 8 ≥ 7 → cycle (4, −3) of 7, then 5 −4 5 leaves two halves of 9: one cycle of 9
        double[] period = {-2, 1, -3, 5, -1, 3, -4, 4};
        SortedMap<Double, Double> t = new TreeMap<>();
        double total = 0;
        for (Rainflow.Indexed c : Rainflow.countPeriodic(period)) {
            t.merge(c.cycle().range(), c.cycle().count(), Double::sum);
            total += c.cycle().count();
            assertEquals(period[c.fromIndex()], c.cycle().from());
            assertEquals(period[c.toIndex()], c.cycle().to());
        }
        // every reversal belongs to exactly one whole cycle: 8 reversals, 4 cycles, no half cycle left over
        assertEquals(4.0, total, 0);
        for (double c : t.values()) assertEquals(Math.rint(c), c, 0);
        assertEquals(Map.of(3.0, 1.0, 4.0, 1.0, 7.0, 1.0, 9.0, 1.0), t);
    }

    /** A periodic count does not depend on the phase at which the samples of the period start. */
    @Test
    void periodicDamageDoesNotDependOnThePhase() {
        double[] gx = {0.1e-3, 0.9e-3, 0.7e-3, 1.0e-3, 0.2e-3, 0.5e-3, 0.3e-3};
        double[] gy = {0.05e-3, 0.3e-3, 0.2e-3, 0.35e-3, 0.1e-3, 0.15e-3, 0.12e-3};
        double[] t = {C0 + 40, C0 + 70, C0 + 65, C0 + 72, C0 + 42, C0 + 55, C0 + 45};
        double ref = ConnectorRainflow.point(new ConnectorRainflow.History(gx, gy, t), C0 + 25, LAW, DutyCycle.DEFAULT)
                .workloadDamage();
        for (int s = 1; s < gx.length; s++) {
            double d = ConnectorRainflow.point(new ConnectorRainflow.History(rot(gx, s), rot(gy, s), rot(t, s)), C0 + 25,
                    LAW, DutyCycle.DEFAULT).workloadDamage();
            assertEquals(ref, d, 1e-14 * ref);
        }
    }

    /**
     * More output times inside a constant stretch (a dwell) change nothing: the damage is the same to the last bit,
     * for 1 to 50 extra samples.
     */
    @Test
    void damageDoesNotDependOnSamplesAddedToAConstantStretch() {
        double[] gx = {0.2e-3, 1.0e-3, 0.6e-3, 0.8e-3, 0.2e-3};
        double[] gy = {0.1e-3, 0.4e-3, 0.3e-3, 0.35e-3, 0.1e-3};
        double[] t = {C0 + 40, C0 + 70, C0 + 60, C0 + 66, C0 + 41};
        ConnectorRainflow.PointDamage ref = ConnectorRainflow.point(new ConnectorRainflow.History(gx, gy, t), C0 + 25,
                LAW, DutyCycle.DEFAULT);
        for (int extra : new int[] {1, 3, 50}) {
            // repeat sample 1 (the full-load dwell) 'extra' more times
            double[] x2 = insert(gx, 1, extra), y2 = insert(gy, 1, extra), t2 = insert(t, 1, extra);
            ConnectorRainflow.PointDamage d = ConnectorRainflow.point(new ConnectorRainflow.History(x2, y2, t2), C0 + 25,
                    LAW, DutyCycle.DEFAULT);
            assertEquals(ref.workloadDamage(), d.workloadDamage(), 0);
            assertEquals(ref.offOnDamage(), d.offOnDamage(), 0);
        }
    }

    /**
     * A minor cycle on top of the big one adds its own damage: D = 1/N(big range) + 1/N(minor range), each at its
     * turning points' mean temperature; along a fixed direction the critical direction is that direction.
     */
    @Test
    void minorCycleAddsItsDamageAlongTheCriticalDirection() {
        double th = Math.toRadians(30), c = Math.cos(th), s = Math.sin(th);
        double[] a = {0.2e-3, 1.2e-3, 0.9e-3, 1.1e-3};        // along e_θ: big 0.2 -> 1.2, minor 0.9 <-> 1.1
        double[] t = {C0 + 40, C0 + 70, C0 + 62, C0 + 68};
        double[] gx = new double[4], gy = new double[4];
        for (int i = 0; i < 4; i++) {
            gx[i] = a[i] * c;
            gy[i] = a[i] * s;
        }
        DutyCycle duty = new DutyCycle(4, 0);
        ConnectorRainflow.PointDamage d = ConnectorRainflow.point(new ConnectorRainflow.History(gx, gy, t), C0 + 25,
                LAW, duty);
        double expected = 1 / ENGELMAIER.cyclesToFailure(1.0e-3, C0 + 55, 4)
                + 1 / ENGELMAIER.cyclesToFailure(0.2e-3, C0 + 65, 4);
        assertEquals(expected, d.workloadDamage(), 1e-12 * expected);
        assertEquals(th, d.angle(), 1e-12);
        assertEquals(0, d.offOnDamage());
        assertEquals(2.0, d.counted(), 0);
        assertTrue(d.workloadDamage() > 1 / ENGELMAIER.cyclesToFailure(1.0e-3, C0 + 55, 4));
    }

    private static double[] rot(double[] a, int s) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[(i + s) % a.length];
        return r;
    }

    private static double[] insert(double[] a, int at, int extra) {
        double[] r = new double[a.length + extra];
        int k = 0;
        for (int i = 0; i < a.length; i++) {
            r[k++] = a[i];
            if (i == at) for (int e = 0; e < extra; e++) r[k++] = a[i];
        }
        return r;
    }
}
