package org.wafersim.power;

import java.util.Arrays;
import org.wafersim.errors.InputException;
import org.wafersim.geometry.CoreArray;

/**
 * A trace that gives the distribution itself: one vector of powers per sample (per die, per core, or per HotSpot
 * unit), turned into core powers by a {@link Spreader}. Between samples the source powers are interpolated linearly
 * in time; before the first sample the first holds, after the last the last. The total is the interpolated sum of
 * the samples, so the core powers always add up to {@link #totals()} (to round-off).
 */
final class SampledTrace {
    /** Core powers {@code out} from the mix {@code wa * a + wb * b} of two source vectors (overwrites every core). */
    interface Spreader {
        void spread(double[] a, double wa, double[] b, double wb, double[] out);
    }

    private final PowerCurve totals;
    private final double[][] rows;
    private final Spreader spreader;

    /**
     * @param times     sample times (s), strictly increasing
     * @param rows      source powers per sample
     * @param rowTotals the core power each row gives in total (W)
     */
    SampledTrace(double[] times, double[][] rows, double[] rowTotals, Spreader spreader) {
        this.totals = PowerCurve.continuous(times, rowTotals);
        this.rows = rows;
        this.spreader = spreader;
    }

    PowerCurve totals() { return totals; }

    int samples() { return rows.length; }

    void fill(double t, boolean before, double[] out) {
        int i = totals.segment(t, before), last = rows.length - 1;
        if (i < 0) spreader.spread(rows[0], 1, rows[0], 0, out);
        else if (i == last) spreader.spread(rows[last], 1, rows[last], 0, out);
        else {
            double a = totals.weight(i, t);
            spreader.spread(rows[i], 1 - a, rows[i + 1], a, out);
        }
    }

    /** Rows of W per core (spares already at 0): the core powers are the rows themselves. */
    static Spreader perCore() {
        return (a, wa, b, wb, out) -> {
            for (int c = 0; c < out.length; c++) out[c] = wa * a[c] + wb * b[c];
        };
    }

    /**
     * Rows of W per die: each die's power over its active cores in proportion to core area, as the die-level
     * steady sources do ({@link WorkloadPower#spreadOverCores}). A die whose cores are all spares cannot take power:
     * checked against the rows by {@link #checkDiesCanTakePower}.
     */
    static Spreader perDie(CoreArray cores) {
        double[] share = new double[cores.coreCount()];
        int cpd = cores.coresPerDie();
        for (int d = 0; d < cores.dieCount(); d++) {
            int c0 = cores.firstCore(d);
            Sums area = Sums.create();
            for (int c = c0; c < c0 + cpd; c++) if (!cores.isSpare(c)) area.add(cores.area(c));
            double a = area.value();
            for (int c = c0; c < c0 + cpd; c++) share[c] = cores.isSpare(c) || !(a > 0) ? 0 : cores.area(c) / a;
        }
        return (a, wa, b, wb, out) -> {
            for (int c = 0; c < out.length; c++) {
                int d = cores.die(c);
                out[c] = (wa * a[d] + wb * b[d]) * share[c];
            }
        };
    }

    /** A die that has only spare cores must have 0 W in every row, or its power would be lost. */
    static void checkDiesCanTakePower(CoreArray cores, double[][] rows, String file,
                                      java.util.function.IntFunction<String> rowKey) {
        for (int d = 0; d < cores.dieCount(); d++) {
            if (cores.activeCoresInDie(d) > 0) continue;
            for (int r = 0; r < rows.length; r++) {
                if (rows[r][d] > 0) {
                    throw new InputException(file, rowKey.apply(r), "die_" + cores.dieColumn(d) + "_"
                            + cores.dieRow(d) + " has only spare cores, so its " + PowerDistribution.watts(rows[r][d])
                            + " would have nowhere to go");
                }
            }
        }
    }

    /** Rows of W per HotSpot unit, times {@code scale}, placed by the floorplan; spares' share to their die. */
    static Spreader perUnit(CoreArray cores, HotSpotPlacement placement, double scale) {
        return (a, wa, b, wb, out) -> {
            Arrays.fill(out, 0);
            placement.spread(a, wa, b, wb, scale, out);
            SpareShare.moveToActiveCores(cores, out);
        };
    }
}
