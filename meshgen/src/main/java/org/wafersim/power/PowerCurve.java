package org.wafersim.power;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A function of time given at knots: linear between neighbouring knots, constant before the first knot and after
 * the last, with an optional jump at each knot (a value just before it, {@code left}, and from it on,
 * {@code right}). It carries the total power of the step, ramp and cycle profiles and of traces, and is the time axis
 * on which sampled traces are interpolated.
 *
 * <p>The value at a knot is the right one ({@link #at}); {@link #before} gives the limit from the left. Both are
 * exact at the knots (no round-off from the interpolation weights), so an integrator that lands on a knot sees the
 * power of the sample or the plateau exactly.
 */
final class PowerCurve {
    private final double[] times;
    private final double[] left;
    private final double[] right;

    PowerCurve(double[] times, double[] left, double[] right) {
        if (times.length == 0 || left.length != times.length || right.length != times.length) {
            throw new IllegalArgumentException("need one left and one right value per knot, and at least one knot");
        }
        for (int i = 1; i < times.length; i++) {
            if (!(times[i] > times[i - 1])) throw new IllegalArgumentException("knot times must increase: " + i);
        }
        this.times = times.clone();
        this.left = left.clone();
        this.right = right.clone();
    }

    static PowerCurve continuous(double[] times, double[] values) {
        return new PowerCurve(times, values, values);
    }

    int knots() { return times.length; }

    double time(int i) { return times[i]; }

    /** The value at {@code t}; at a knot the value from the knot on. */
    double at(double t) { return value(t, false); }

    /** The limit of the value from the left at {@code t} (equal to {@link #at} except at a jump). */
    double before(double t) { return value(t, true); }

    private double value(double t, boolean before) {
        int i = segment(t, before);
        if (i < 0) return left[0];
        if (i == times.length - 1) return right[i];
        double a = weight(i, t);
        return (1 - a) * right[i] + a * left[i + 1];
    }

    /**
     * The segment that holds {@code t}: the last knot at or before {@code t} (strictly before, when
     * {@code before}); -1 when there is none. Between knot i and i + 1 the value is
     * {@code (1 - a) right[i] + a left[i + 1]} with {@code a = }{@link #weight}.
     */
    int segment(double t, boolean before) {
        int lo = 0, hi = times.length;     // first index whose time is > t (>= t when before)
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (before ? times[m] < t : times[m] <= t) lo = m + 1;
            else hi = m;
        }
        return lo - 1;
    }

    /** The interpolation weight of knot i + 1 at {@code t} in segment i (0 at knot i, 1 at knot i + 1). */
    double weight(int i, double t) {
        return (t - times[i]) / (times[i + 1] - times[i]);
    }

    /** Knot times in (0, end) (all knots after 0 when {@code end} is NaN). */
    double[] breakpoints(double end) {
        return Arrays.stream(times).filter(t -> t > 0 && (Double.isNaN(end) || t < end)).toArray();
    }

    /** Knot times in [0, end) where the value jumps. */
    double[] jumps(double end) {
        List<Double> j = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            if (left[i] != right[i] && times[i] >= 0 && (Double.isNaN(end) || times[i] < end)) j.add(times[i]);
        }
        return j.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Smallest and largest value (over all knots, both sides). */
    double[] range() {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < times.length; i++) {
            lo = Math.min(lo, Math.min(left[i], right[i]));
            hi = Math.max(hi, Math.max(left[i], right[i]));
        }
        return new double[] {lo, hi};
    }

    /**
     * Collects knots in time order; a knot closer than {@code mergeWithin} to the previous one is merged with it
     * (left value of the first, right value of the second), so that a zero-length ramp becomes a jump and
     * touching plateaus do not leave slivers that an integrator would have to step through.
     */
    static final class Builder {
        private final double mergeWithin;
        private final List<double[]> knots = new ArrayList<>();

        Builder(double mergeWithin) { this.mergeWithin = mergeWithin; }

        Builder add(double t, double leftValue, double rightValue) {
            if (!knots.isEmpty()) {
                double[] last = knots.get(knots.size() - 1);
                if (t - last[0] <= mergeWithin) {
                    last[2] = rightValue;
                    return this;
                }
            }
            knots.add(new double[] {t, leftValue, rightValue});
            return this;
        }

        PowerCurve build() {
            int n = knots.size();
            double[] t = new double[n], l = new double[n], r = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = knots.get(i)[0];
                l[i] = knots.get(i)[1];
                r[i] = knots.get(i)[2];
            }
            return new PowerCurve(t, l, r);
        }
    }
}
