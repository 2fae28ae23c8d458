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
     * The peaks and valleys of a history (ASTM E1049 §3.1.5–3.1.6): points where the slope changes sign; plateaus
     * (repeated values) count once, and the first and last points are kept as the ends of the history.
     *
     * @throws IllegalArgumentException on a non-finite value
     */
    public static double[] reversals(double[] history) {
        if (history.length == 0) return new double[0];
        double[] out = new double[history.length];
        int m = 0;
        int dir = 0;
        for (int i = 0; i < history.length; i++) {
            double v = history[i];
            if (!Double.isFinite(v)) throw new IllegalArgumentException("history[" + i + "] is " + v);
            if (m == 0) {
                out[m++] = v;
                continue;
            }
            double last = out[m - 1];
            if (v == last) continue;
            int d = v > last ? 1 : -1;
            if (dir == 0 || d != dir) {
                out[m++] = v;          // the previous point was a reversal (or the start)
                dir = d;
            } else {
                out[m - 1] = v;        // the run continues: move its end
            }
        }
        double[] r = new double[m];
        System.arraycopy(out, 0, r, 0, m);
        return r;
    }

    /** Rainflow cycles of a history, in the order they are counted (residual half cycles last). */
    public static List<Cycle> count(double[] history) {
        double[] rev = reversals(history);
        List<Cycle> cycles = new ArrayList<>();
        double[] stack = new double[rev.length];
        int n = 0;                      // stack[0] is always the starting point S
        for (double v : rev) {
            stack[n++] = v;
            while (n >= 3) {
                double x = Math.abs(stack[n - 1] - stack[n - 2]);
                double y = Math.abs(stack[n - 2] - stack[n - 3]);
                if (x < y) break;
                if (n == 3) {
                    // Y contains S: half cycle, discard S, the next point becomes S (step 5)
                    cycles.add(Cycle.of(stack[0], stack[1], 0.5));
                    stack[0] = stack[1];
                    stack[1] = stack[2];
                    n = 2;
                } else {
                    // a full cycle: discard both points of Y (step 4)
                    cycles.add(Cycle.of(stack[n - 3], stack[n - 2], 1.0));
                    stack[n - 3] = stack[n - 1];
                    n -= 2;
                }
            }
        }
        for (int i = 0; i + 1 < n; i++) cycles.add(Cycle.of(stack[i], stack[i + 1], 0.5));   // step 6
        return Collections.unmodifiableList(cycles);
    }

    /** Total cycle count per range (the standard's Table 4 form), ranges ascending. */
    public static SortedMap<Double, Double> rangeTable(List<Cycle> cycles) {
        TreeMap<Double, Double> t = new TreeMap<>();
        for (Cycle c : cycles) t.merge(c.range(), c.count(), Double::sum);
        return Collections.unmodifiableSortedMap(t);
    }
}
