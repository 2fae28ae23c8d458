package org.wafersim.validation.analytic;

/**
 * The principal branch W_0 of the Lambert W function (w e^w = z) on [-1/e, 0], by Halley's iteration
 * (Corless, Gonnet, Hare, Jeffrey &amp; Knuth, "On the Lambert W function", Adv. Comput. Math. 5 (1996) 329-359).
 * The branch point start w = -1 + sqrt(2 (1 + e z)) is the series of W_0 about z = -1/e.
 */
public final class LambertW {
    private LambertW() { }

    public static double w0(double z) {
        if (!(z >= -1 / Math.E && z <= 0)) throw new IllegalArgumentException("W0 is needed on [-1/e, 0], got " + z);
        double w = z < -0.3 ? -1 + Math.sqrt(2 * (1 + Math.E * z)) : z;
        for (int i = 0; i < 100; i++) {
            double e = Math.exp(w), f = w * e - z;
            if (f == 0) return w;
            double wn = w - f / (e * (w + 1) - (w + 2) * f / (2 * w + 2));
            if (Math.abs(wn - w) < 1e-15 || !Double.isFinite(wn)) return Double.isFinite(wn) ? wn : w;
            w = wn;
        }
        return w;
    }
}
