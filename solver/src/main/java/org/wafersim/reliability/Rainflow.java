package org.wafersim.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Rainflow cycle counting of a load history (strain, temperature, …) by the three-point method of ASTM E1049-85
 * (reapproved 2017), §5.4.4, after reducing the history to its peaks and valleys.
 *
 * <p>With X the range under consideration (the two most recent points), Y the previous range (the two points before
 * it) and S the starting point of the history:
 * <ol>
 * <li>read the next peak or valley; at the end of the data go to 6;</li>
 * <li>with fewer than three points go to 1; otherwise form X and Y from the three most recent points not discarded;</li>
 * <li>if |X| &lt; |Y| go to 1;</li>
 * <li>if Y contains S go to 5; otherwise count Y as one cycle, discard both its points and go to 2;</li>
 * <li>count Y as one half cycle, discard its first point (S), move S to its second point and go to 2;</li>
 * <li>count every range not yet counted as one half cycle.</li>
 * </ol>
 * For the example of the standard's Fig. 6 (−2, 1, −3, 5, −1, 3, −4, 4, −2) this gives its Table 4: range 3 → ½,
 * 4 → 1½, 6 → ½, 8 → 1, 9 → ½ (see {@code RainflowTest}).
 *
 * <p>Why rainflow: each counted cycle corresponds to a closed stress–strain hysteresis loop of the material, so a
 * Miner's-rule sum over the counted cycles ({@link Miner}) is the accepted way to apply constant-amplitude fatigue
 * laws (Engelmaier, Coffin–Manson) to an irregular history such as a transient power trace.
 */
public final class Rainflow {
    private Rainflow() { }

    /**
     * One counted cycle or half cycle.
     *
     * @param range |to − from|, in the unit of the history
     * @param mean  (from + to)/2
     * @param count 1.0 for a full cycle, 0.5 for a half cycle
     * @param from  the first point of the range (in history order)
     * @param to    the second point
     */
    public record Cycle(double range, double mean, double count, double from, double to) {
        static Cycle of(double from, double to, double count) {
            return new Cycle(Math.abs(to - from), 0.5 * (from + to), count, from, to);
        }
    }

    /**
     * A counted cycle with the positions in the history of its two points (the first sample of a plateau, the last
     * sample of a monotone run), so that a caller can read other quantities there (the temperature at each end of a
     * strain cycle, for its mean).
     *
     * @param cycle     the cycle
     * @param fromIndex index in the history of {@code cycle.from()}
     * @param toIndex   index in the history of {@code cycle.to()}
     */
    public record Indexed(Cycle cycle, int fromIndex, int toIndex) { }

    /**
     * The peaks and valleys of a history (ASTM E1049 §3.1.5–3.1.6): points where the slope changes sign; plateaus
     * (repeated values) count once, and the first and last points are kept as the ends of the history.
     *
     * @throws IllegalArgumentException on a non-finite value
     */
    public static double[] reversals(double[] history) {
        int[] idx = reversalIndices(history);
        double[] r = new double[idx.length];
        for (int i = 0; i < idx.length; i++) r[i] = history[idx[i]];
        return r;
    }

    /**
     * The positions of {@link #reversals}: a plateau is represented by its first sample, a monotone run by its
     * last.
     *
     * @throws IllegalArgumentException on a non-finite value
     */
    public static int[] reversalIndices(double[] history) {
        if (history.length == 0) return new int[0];
        int[] out = new int[history.length];
        int m = 0;
        int dir = 0;
        for (int i = 0; i < history.length; i++) {
            double v = history[i];
            if (!Double.isFinite(v)) throw new IllegalArgumentException("history[" + i + "] is " + v);
            if (m == 0) {
                out[m++] = i;
                continue;
            }
            double last = history[out[m - 1]];
            if (v == last) continue;
            int d = v > last ? 1 : -1;
            if (dir == 0 || d != dir) {
                out[m++] = i;          // the previous point was a reversal (or the start)
                dir = d;
            } else {
                out[m - 1] = i;        // the run continues: move its end
            }
        }
        return java.util.Arrays.copyOf(out, m);
    }

    /** Rainflow cycles of a history, in the order they are counted (residual half cycles last). */
    public static List<Cycle> count(double[] history) {
        List<Cycle> out = new ArrayList<>();
        for (Indexed c : countIndexed(history)) out.add(c.cycle());
        return Collections.unmodifiableList(out);
    }

    /** As {@link #count}, each cycle with the positions of its two points in the history. */
    public static List<Indexed> countIndexed(double[] history) {
        int[] rev = reversalIndices(history);
        List<Indexed> cycles = new ArrayList<>();
        int[] stack = new int[rev.length];
        int n = 0;                      // stack[0] is always the starting point S
        for (int v : rev) {
            stack[n++] = v;
            while (n >= 3) {
                double x = Math.abs(history[stack[n - 1]] - history[stack[n - 2]]);
                double y = Math.abs(history[stack[n - 2]] - history[stack[n - 3]]);
                if (x < y) break;
                if (n == 3) {
                    // Y contains S: half cycle, discard S, the next point becomes S (step 5)
                    cycles.add(indexed(history, stack[0], stack[1], 0.5));
                    stack[0] = stack[1];
                    stack[1] = stack[2];
                    n = 2;
                } else {
                    // a full cycle: discard both points of Y (step 4)
                    cycles.add(indexed(history, stack[n - 3], stack[n - 2], 1.0));
                    stack[n - 3] = stack[n - 1];
                    n -= 2;
                }
            }
        }
        for (int i = 0; i + 1 < n; i++) cycles.add(indexed(history, stack[i], stack[i + 1], 0.5));   // step 6
        return Collections.unmodifiableList(cycles);
    }

    /**
     * Rainflow cycles of a <em>periodic</em> history, given as the samples of one period (the sample at the end of
     * the period, equal to the first, left out). The history is rearranged to start and end at its largest value
     * (ASTM E1049 §5.4.4 note on repeating histories; Downing &amp; Socie, Int. J. Fatigue 4, 1982), so that every
     * range closes: the residue pairs into whole cycles and one period's count is exact, whatever the phase at which
     * the samples start. Indices refer to the given samples (0 ≤ index &lt; length).
     */
    public static List<Indexed> countPeriodic(double[] period) {
        int n = period.length;
        if (n < 2) return List.of();
        int top = 0;
        for (int i = 1; i < n; i++) {
            if (!Double.isFinite(period[i])) throw new IllegalArgumentException("history[" + i + "] is " + period[i]);
            if (period[i] > period[top]) top = i;
        }
        double[] rotated = new double[n + 1];
        for (int k = 0; k <= n; k++) rotated[k] = period[(top + k) % n];
        List<Indexed> out = new ArrayList<>();
        for (Indexed c : countIndexed(rotated)) {
            out.add(new Indexed(c.cycle(), (top + c.fromIndex()) % n, (top + c.toIndex()) % n));
        }
        return Collections.unmodifiableList(out);
    }

    private static Indexed indexed(double[] h, int from, int to, double count) {
        return new Indexed(Cycle.of(h[from], h[to], count), from, to);
    }

    /** Total cycle count per range (the standard's Table 4 form), ranges ascending. */
    public static SortedMap<Double, Double> rangeTable(List<Cycle> cycles) {
        TreeMap<Double, Double> t = new TreeMap<>();
        for (Cycle c : cycles) t.merge(c.range(), c.count(), Double::sum);
        return Collections.unmodifiableSortedMap(t);
    }
}
