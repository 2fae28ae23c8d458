package org.wafersim.reliability;

import java.util.PriorityQueue;

/**
 * MTTF = ∫₀^∞ R(t) dt of a survival function R (non-increasing from R(0) = 1) by adaptive Gauss–Kronrod (7/15-point)
 * quadrature in u = ln t, where a wear-out R(t) is a smooth step:
 * <pre>
 *   MTTF = ∫₀^{t_lo} R dt + ∫_{ln t_lo}^{ln t_hi} R(e^u)·e^u du + ∫_{t_hi}^∞ R dt
 * </pre>
 * <ul>
 * <li>t_lo is found where 1 − R(t_lo) ≤ 1e-12, so the first part is t_lo·(1 − Q(t_lo)/2) with error ≤ t_lo·Q(t_lo)/2;</li>
 * <li>t_hi where R(t_hi) ≤ 1e-13; for a distribution with increasing hazard rate (wear-out) the tail is at most
 *     R(t_hi)·t_hi/(−ln R(t_hi)), which is added to the error bound;</li>
 * <li>the middle part is split where the |K15 − G7| estimate is largest until the total error estimate is below the
 *     requested relative tolerance (default 1e-6) or 200 intervals are used.</li>
 * </ul>
 * The result states the error estimate it reached. R is evaluated in batches of 15 points, so a caller can evaluate
 * them in one pass over the wafer.
 */
public final class LifeIntegral {
    private LifeIntegral() { }

    /** R at a batch of times (s); must return values in [0, 1], non-increasing in t. */
    @FunctionalInterface
    public interface Survival {
        double[] at(double[] times);
    }

    /**
     * @param mttf        the integral, s (∞ when R never falls below 1e-13 within 1e300 s)
     * @param errorBound  estimated absolute error, s
     * @param evaluations number of time points evaluated
     */
    public record Result(double mttf, double errorBound, int evaluations) {
        public double relativeError() { return errorBound / mttf; }
    }

    /**
     * R that remembers every value it computed, keyed by the exact time (bit for bit), and asks {@code r} only for
     * the times it has not seen, in one batch. For several integrals over functions sharing an expensive factor: a
     * wafer's cores in series with a connector that outlives them is integrated at the very times the cores alone
     * were, so the second integral costs no wafer evaluation (and its values are the first one's, bit for bit).
     * Not thread-safe: for one integral at a time.
     */
    public static Survival memoized(Survival r) {
        java.util.Map<Long, Double> seen = new java.util.HashMap<>();
        return times -> {
            double[] out = new double[times.length];
            int missing = 0;
            for (double t : times) if (!seen.containsKey(Double.doubleToLongBits(t))) missing++;
            if (missing > 0) {
                double[] ask = new double[missing];
                int i = 0;
                for (double t : times) {
                    if (!seen.containsKey(Double.doubleToLongBits(t))) {
                        ask[i++] = t;
                        seen.put(Double.doubleToLongBits(t), Double.NaN);   // a time twice in one batch: asked once
                    }
                }
                ask = java.util.Arrays.copyOf(ask, i);
                double[] got = r.at(ask);
                for (int k = 0; k < ask.length; k++) seen.put(Double.doubleToLongBits(ask[k]), got[k]);
            }
            for (int k = 0; k < times.length; k++) out[k] = seen.get(Double.doubleToLongBits(times[k]));
            return out;
        };
    }

    public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-6;
    private static final int MAX_INTERVALS = 200;

    private static final double[] XGK = {
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.0};
    private static final double[] WGK = {
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
    /** 7-point Gauss weights for XGK[1], XGK[3], XGK[5] and the centre. */
    private static final double[] WG = {
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

    /**
     * MTTF of R.
     *
     * @param r        the survival function
     * @param guess    a time of the order of the MTTF, s (e.g. the design life), &gt; 0
     * @param relTol   requested relative accuracy (e.g. {@link #DEFAULT_RELATIVE_TOLERANCE})
     */
    public static Result mttf(Survival r, double guess, double relTol) {
        if (!(guess > 0) || !Double.isFinite(guess)) throw new IllegalArgumentException("guess must be positive");
        if (!(relTol > 0)) throw new IllegalArgumentException("tolerance must be positive");
        int[] evals = {0};
        // bracket
        double tLo = guess, qLo = 1 - one(r, tLo, evals);
        for (int i = 0; i < 400 && qLo > 1e-12; i++) {
            tLo /= 4;
            qLo = 1 - one(r, tLo, evals);
        }
        double tHi = guess, rHi = one(r, tHi, evals);
        for (int i = 0; i < 500 && rHi > 1e-13; i++) {
            tHi *= 4;
            if (tHi > 1e300) return new Result(Double.POSITIVE_INFINITY, Double.NaN, evals[0]);
            rHi = one(r, tHi, evals);
        }
        if (tHi <= tLo) tHi = tLo * 4;
        double head = tLo * (1 - qLo / 2), headErr = tLo * qLo / 2;
        double tailErr = rHi <= 0 ? 0 : rHi * tHi / -Math.log(rHi);

        PriorityQueue<double[]> queue = new PriorityQueue<>((x, y) -> Double.compare(y[3], x[3]));   // {a, b, K, err}
        double a0 = Math.log(tLo), b0 = Math.log(tHi);
        int pieces = 2;
        double sum = 0, err = 0;
        for (int i = 0; i < pieces; i++) {
            double[] iv = kronrod(r, a0 + (b0 - a0) * i / pieces, a0 + (b0 - a0) * (i + 1) / pieces, evals);
            queue.add(iv);
            sum += iv[2];
            err += iv[3];
        }
        while (queue.size() < MAX_INTERVALS && err + headErr + tailErr > relTol * (head + sum)) {
            double[] worst = queue.poll();
            double mid = 0.5 * (worst[0] + worst[1]);
            double[] left = kronrod(r, worst[0], mid, evals), right = kronrod(r, mid, worst[1], evals);
            sum += left[2] + right[2] - worst[2];
            err += left[3] + right[3] - worst[3];
            queue.add(left);
            queue.add(right);
        }
        // re-add in a fixed order so that the total does not depend on the queue's rounding history
        double total = head, e = headErr + tailErr;
        double[][] ivs = queue.toArray(new double[0][]);
        java.util.Arrays.sort(ivs, (x, y) -> Double.compare(x[0], y[0]));
        for (double[] iv : ivs) {
            total += iv[2];
            e += iv[3];
        }
        return new Result(total, e, evals[0]);
    }

    private static double one(Survival r, double t, int[] evals) {
        evals[0]++;
        return r.at(new double[] {t})[0];
    }

    /** {a, b, K15, |K15 − G7|} of ∫_a^b R(e^u)·e^u du. */
    private static double[] kronrod(Survival r, double a, double b, int[] evals) {
        double c = 0.5 * (a + b), h = 0.5 * (b - a);
        double[] t = new double[15];
        for (int j = 0; j < 7; j++) {
            t[j] = Math.exp(c - h * XGK[j]);
            t[14 - j] = Math.exp(c + h * XGK[j]);
        }
        t[7] = Math.exp(c);
        double[] rv = r.at(t);
        evals[0] += 15;
        double k = WGK[7] * rv[7] * t[7], g = WG[3] * rv[7] * t[7];
        for (int j = 0; j < 7; j++) {
            double f = rv[j] * t[j] + rv[14 - j] * t[14 - j];
            k += WGK[j] * f;
            if (j % 2 == 1) g += WG[j / 2] * f;
        }
        return new double[] {a, b, k * h, Math.abs(k - g) * h};
    }
}
