package org.wafersim.thermal;

import java.util.List;

/**
 * Step-response times read off a sampled temperature response: the time at which a response has covered a given
 * fraction (63.2 %, 90 %, 99 %) of its change between two samples. A package's response to a power step is a sum
 * of decaying exponentials (wafer and cold plate about a second, the board minutes), so the remaining fraction is
 * interpolated on a log scale by a monotone cubic.
 */
public final class StepResponse {
    private StepResponse() { }

    /**
     * The time at which v, going from v[i0] to v[i1], has covered {@code frac} of the change (NaN if it never
     * does). The remaining distance r = (v[i1] - v) / (v[i1] - v[i0]) of a package's response is a sum of decaying
     * exponentials, so ln r is interpolated - by a monotone cubic Hermite (PCHIP: Fritsch &amp; Carlson, SIAM J.
     * Numer. Anal. 17, 1980, slopes by the weighted harmonic mean of Fritsch &amp; Butland, SIAM J. Sci. Stat. Comput.
     * 5, 1984) through the samples around the crossing. That is exact for one exponential and within a few 1e-3 for
     * two at the integrator's step growth (StepResponseTimesTest), where linear interpolation of v was off by 1-10 %
     * and moved t99 with the step sequence. Linear interpolation of v where r does not decay (overshoot, a last
     * sample at the end value).
     */
    public static double crossingTime(List<Double> time, List<Double> v, int i0, int i1, double frac) {
        double a = v.get(i0), b = v.get(i1);
        double target = a + frac * (b - a), lnTarget = Math.log(1 - frac);
        for (int i = i0 + 1; i <= i1; i++) {
            double p0 = v.get(i - 1), p1 = v.get(i);
            if ((p1 - target) * (b - a) < 0) continue;
            double t0 = time.get(i - 1), t1 = time.get(i);
            double y0 = lnRemaining(v, i - 1, a, b), y1 = lnRemaining(v, i, a, b);
            if (!(y1 < y0) || Double.isNaN(y0) || Double.isNaN(y1) || lnTarget > y0) {
                double w = p1 != p0 ? (target - p0) / (p1 - p0) : 1;
                return t0 + w * (t1 - t0);
            }
            double h = t1 - t0, secant = (y1 - y0) / h;
            double d0 = pchipSlope(time, v, i - 1, i0, i1, a, b, secant, true);
            double d1 = pchipSlope(time, v, i, i0, i1, a, b, secant, false);
            // the Hermite cubic is monotone (decreasing) on [t0, t1]: bisect for ln r = ln(1 - frac)
            double lo = 0, hi = 1;
            for (int it = 0; it < 60; it++) {
                double m = 0.5 * (lo + hi), m2 = m * m, m3 = m2 * m;
                double y = (2 * m3 - 3 * m2 + 1) * y0 + (m3 - 2 * m2 + m) * h * d0 + (3 * m2 - 2 * m3) * y1
                        + (m3 - m2) * h * d1;
                if (y > lnTarget) lo = m; else hi = m;
            }
            return t0 + 0.5 * (lo + hi) * h;
        }
        return Double.NaN;
    }

    /** ln of the remaining fraction at sample k (NaN once the response has reached or passed the end value). */
    private static double lnRemaining(List<Double> v, int k, double a, double b) {
        double r = (b - v.get(k)) / (b - a);
        return r > 0 ? Math.log(r) : Double.NaN;
    }

    /**
     * PCHIP slope of ln r at sample k, from the secants on its two sides (the interval's own secant on the side
     * of the crossing); zero where they differ in sign, one-sided where the neighbour is missing or has r &lt;= 0.
     */
    private static double pchipSlope(List<Double> time, List<Double> v, int k, int i0, int i1, double a, double b,
                                     double intervalSecant, boolean leftEnd) {
        int other = leftEnd ? k - 1 : k + 1;
        double yk = lnRemaining(v, k, a, b);
        if (other < i0 || other > i1) return intervalSecant;
        double yo = lnRemaining(v, other, a, b);
        if (Double.isNaN(yo)) return intervalSecant;
        double ho = Math.abs(time.get(k) - time.get(other));
        double outer = leftEnd ? (yk - yo) / ho : (yo - yk) / ho;
        if (outer * intervalSecant <= 0) return 0;
        double hIn = Math.abs(leftEnd ? time.get(k + 1) - time.get(k) : time.get(k) - time.get(k - 1));
        double hl = leftEnd ? ho : hIn, hr = leftEnd ? hIn : ho;        // widths left and right of sample k
        double sl = leftEnd ? outer : intervalSecant, sr = leftEnd ? intervalSecant : outer;
        double w1 = 2 * hr + hl, w2 = hr + 2 * hl;
        return (w1 + w2) / (w1 / sl + w2 / sr);
    }
}
