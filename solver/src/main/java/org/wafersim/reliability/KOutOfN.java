package org.wafersim.reliability;

/**
 * A k-out-of-n:G system works while at least k of its n independent components work (Barlow &amp; Proschan,
 * <i>Mathematical Theory of Reliability</i>, 1965). With failure probabilities p_i the number of failed components is
 * Poisson-binomial ({@link PoissonBinomial}), and
 * <pre>
 *   R = P(N_failed ≤ n − k).
 * </pre>
 * For identical components it reduces to the binomial sum R = Σ_{j=k}^{n} C(n, j)·r^j·(1 − r)^{n−j}; the DP computes
 * the same number without the large binomial coefficients. A die with n cores and s spares is an (n − s)-out-of-n
 * system.
 */
public final class KOutOfN {
    private KOutOfN() { }

    /** R of a k-out-of-n system with component failure probabilities {@code p} (n = p.length). */
    public static double reliability(double[] p, int k) {
        int maxFailed = check(p.length, k);
        double[] d = PoissonBinomial.distribution(p, maxFailed);
        double q = d[maxFailed + 1];
        if (q < 0.5) return 1.0 - q;
        // R small: sum the working states instead of 1 − Q, which would lose its relative accuracy
        double r = 0;
        for (int j = 0; j <= maxFailed; j++) r += d[j];
        return r;
    }

    /** 1 − R of a k-out-of-n system, accurate when small. */
    public static double unreliability(double[] p, int k) {
        int maxFailed = check(p.length, k);
        return PoissonBinomial.distribution(p, maxFailed)[maxFailed + 1];
    }

    /** R of a k-out-of-n system of identical components of reliability {@code r}. */
    public static double reliability(int n, int k, double r) {
        double[] p = new double[n];
        java.util.Arrays.fill(p, 1.0 - r);
        return reliability(p, k);
    }

    private static int check(int n, int k) {
        if (k < 0 || k > n) throw new IllegalArgumentException("k = " + k + " is outside 0.." + n);
        return n - k;
    }
}
