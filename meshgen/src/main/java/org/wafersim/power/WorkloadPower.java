package org.wafersim.power;

import org.wafersim.cases.PowerSpec.PowerPattern;
import org.wafersim.geometry.CoreArray;

/**
 * Dynamic power per core (W) for a workload pattern and a total power (reference-data D.2).
 *
 * <p>Each pattern first gives every die a weight; die powers are {@code P * w_d / sum(w)}, so the total is P to
 * round-off and the ratios between dies are exactly the stated ones. Inside a die the power is spread over its
 * <b>non-spare</b> cores in proportion to core area (spares idle at 0 W); only the hot-spot die has an inner
 * structure.
 * <ul>
 * <li>{@code uniform}: every die {@code P / dies}.</li>
 * <li>{@code hot-band}: the middle {@code round(3*rows/7)} die rows (rows 2-4 of 0-6; at least one, centred) at
 * {@value #HOT_BAND_FACTOR} x the mean die power; the other rows at
 * {@code (n - 1.25 n_band) / (n - n_band)} x mean (0.8125 x for 7 rows). With a single die row the whole wafer is the
 * band and the pattern is uniform.</li>
 * <li>{@code hot-spot}: die (row {@value #HOT_SPOT_ROW}, column {@value #HOT_SPOT_COLUMN}), or the centre die
 * {@code (rows/2, columns/2)} when the die grid has no such die, at {@value #HOT_SPOT_DIE_FACTOR} x the mean die
 * power, the other dies equal and scaled to keep P. Inside that die a {@value #HOT_SPOT_SIZE_MM} x
 * {@value #HOT_SPOT_SIZE_MM} mm square centred in the die (clipped to the die) carries
 * {@value #HOT_SPOT_FLUX_FACTOR} x the die's mean flux (die power / die area, scribe excluded) times its area; the
 * rest of the die shares the remainder. Each core of that die gets the region flux on the part of its area inside
 * the square and the background flux on the rest (both computed over non-spare area, so the region's power is
 * exactly the stated one). If the square is more than a third of the die, the region takes the whole die power.</li>
 * <li>{@code checkerboard}: dies with even {@code row + column} at {@value #CHECKER_HIGH} x, the others at
 * {@value #CHECKER_LOW} x, normalised to P (exactly 1.5 x / 0.5 x the mean when the die count is even).</li>
 * </ul>
 */
public final class WorkloadPower {
    public static final double HOT_BAND_FACTOR = 1.25;
    public static final int HOT_SPOT_ROW = 3, HOT_SPOT_COLUMN = 5;
    public static final double HOT_SPOT_DIE_FACTOR = 1.5;
    public static final double HOT_SPOT_FLUX_FACTOR = 3.0;
    public static final double HOT_SPOT_SIZE_MM = 6.0;
    public static final double HOT_SPOT_SIZE = HOT_SPOT_SIZE_MM * 1e-3;
    public static final double CHECKER_HIGH = 1.5, CHECKER_LOW = 0.5;

    private WorkloadPower() { }

    /** Power per core (W) for the pattern at total power {@code total} (W); sums to {@code total}. */
    public static double[] corePower(CoreArray cores, PowerPattern pattern, double total) {
        double[] dieP = diePower(cores, pattern, total);
        double[] p = spreadOverCores(cores, dieP);
        if (pattern == PowerPattern.HOT_SPOT) {
            int d = hotSpotDie(cores);
            spreadHotSpotDie(cores, d, dieP[d], p);
        }
        return p;
    }

    /** Power per die (W) for the pattern; sums to {@code total}. */
    public static double[] diePower(CoreArray cores, PowerPattern pattern, double total) {
        int n = cores.dieCount();
        double[] w = new double[n];
        switch (pattern) {
            case UNIFORM -> java.util.Arrays.fill(w, 1.0);
            case HOT_BAND -> {
                int[] band = hotBandRows(cores.rows());
                int nb = (band[1] - band[0]) * cores.columns();
                double other = nb == n ? 1.0 : (n - HOT_BAND_FACTOR * nb) / (n - nb);
                double hot = nb == n ? 1.0 : HOT_BAND_FACTOR;
                for (int d = 0; d < n; d++) {
                    int r = cores.dieRow(d);
                    w[d] = r >= band[0] && r < band[1] ? hot : other;
                }
            }
            case HOT_SPOT -> {
                int hs = hotSpotDie(cores);
                double other = n == 1 ? 1.0 : (n - HOT_SPOT_DIE_FACTOR) / (n - 1);
                java.util.Arrays.fill(w, other);
                w[hs] = n == 1 ? 1.0 : HOT_SPOT_DIE_FACTOR;
            }
            case CHECKERBOARD -> {
                for (int d = 0; d < n; d++)
                    w[d] = ((cores.dieRow(d) + cores.dieColumn(d)) & 1) == 0 ? CHECKER_HIGH : CHECKER_LOW;
            }
            default -> throw new IllegalArgumentException("unknown power pattern " + pattern);
        }
        double sw = 0;
        for (double v : w) sw += v;
        double[] p = new double[n];
        for (int d = 0; d < n; d++) p[d] = total * (w[d] / sw);
        return p;
    }

    /** Half-open range {@code {first, end}} of the hot die rows of the hot-band pattern for a die grid of {@code rows}. */
    public static int[] hotBandRows(int rows) {
        int nb = Math.max(1, (int) Math.round(3.0 * rows / 7.0));
        int first = (rows - nb) / 2;
        return new int[] {first, first + nb};
    }

    /** The die of the hot-spot pattern: (row 3, column 5) if present, otherwise the centre die. */
    public static int hotSpotDie(CoreArray cores) {
        if (cores.rows() > HOT_SPOT_ROW && cores.columns() > HOT_SPOT_COLUMN)
            return cores.dieIndex(HOT_SPOT_COLUMN, HOT_SPOT_ROW);
        return cores.dieIndex(cores.columns() / 2, cores.rows() / 2);
    }

    /** The hot-spot square {@code {x0, x1, y0, y1}} (m): 6 x 6 mm centred in the hot-spot die, clipped to it. */
    public static double[] hotSpotRegion(CoreArray cores) {
        int d = hotSpotDie(cores);
        double cx = 0.5 * (cores.dieX0(d) + cores.dieX1(d)), cy = 0.5 * (cores.dieY0(d) + cores.dieY1(d));
        double h = 0.5 * HOT_SPOT_SIZE;
        return new double[] {Math.max(cores.dieX0(d), cx - h), Math.min(cores.dieX1(d), cx + h),
                Math.max(cores.dieY0(d), cy - h), Math.min(cores.dieY1(d), cy + h)};
    }

    /** Power of the hot-spot square (W) for a hot-spot die carrying {@code diePower}: 3 x the die's mean flux x area. */
    public static double hotSpotRegionPower(CoreArray cores, double diePower) {
        int d = hotSpotDie(cores);
        double[] r = hotSpotRegion(cores);
        double a = (r[1] - r[0]) * (r[3] - r[2]);
        return Math.min(diePower, HOT_SPOT_FLUX_FACTOR * diePower / cores.dieArea(d) * a);
    }

    /** Spreads each die's power over its non-spare cores in proportion to core area; spares get 0 W. */
    public static double[] spreadOverCores(CoreArray cores, double[] diePower) {
        if (diePower.length != cores.dieCount())
            throw new IllegalArgumentException("need one power per die: " + diePower.length + " != " + cores.dieCount());
        double[] p = new double[cores.coreCount()];
        int cpd = cores.coresPerDie();
        for (int d = 0; d < cores.dieCount(); d++) {
            int c0 = cores.firstCore(d), c1 = c0 + cpd;
            Sums a = Sums.create();
            for (int c = c0; c < c1; c++) if (!cores.isSpare(c)) a.add(cores.area(c));
            double q = diePower[d] / a.value();
            for (int c = c0; c < c1; c++) p[c] = cores.isSpare(c) ? 0.0 : q * cores.area(c);
        }
        return p;
    }

    /** Re-spreads the power of the hot-spot die d: region flux inside the square, background flux outside. */
    private static void spreadHotSpotDie(CoreArray cores, int d, double dieP, double[] p) {
        double[] r = hotSpotRegion(cores);
        double pr = hotSpotRegionPower(cores, dieP);
        int c0 = cores.firstCore(d), c1 = c0 + cores.coresPerDie();
        Sums sin = Sums.create(), sout = Sums.create();
        for (int c = c0; c < c1; c++) {
            if (cores.isSpare(c)) continue;
            double ov = overlap(cores, c, r);
            sin.add(ov);
            sout.add(cores.area(c) - ov);
        }
        double ain = sin.value(), aout = sout.value();
        if (!(ain > 0)) return;                 // every core under the square is a spare: keep the die uniform
        if (!(aout > 0)) pr = dieP;             // the square covers every active core
        double qin = pr / ain, qout = aout > 0 ? (dieP - pr) / aout : 0.0;
        for (int c = c0; c < c1; c++) {
            if (cores.isSpare(c)) { p[c] = 0.0; continue; }
            double ov = overlap(cores, c, r);
            p[c] = qin * ov + qout * (cores.area(c) - ov);
        }
    }

    /** Area of core c inside the rectangle {@code {x0, x1, y0, y1}}. */
    static double overlap(CoreArray cores, int c, double[] r) {
        double ox = Math.min(cores.x1(c), r[1]) - Math.max(cores.x0(c), r[0]);
        double oy = Math.min(cores.y1(c), r[3]) - Math.max(cores.y0(c), r[2]);
        return ox > 0 && oy > 0 ? ox * oy : 0.0;
    }
}
