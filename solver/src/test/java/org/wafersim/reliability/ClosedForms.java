package org.wafersim.reliability;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/** Closed forms in high-precision decimal arithmetic, independent of the production code. */
final class ClosedForms {
    private ClosedForms() { }

    static final MathContext MC = new MathContext(300);

    static BigInteger choose(int n, int k) {
        BigInteger c = BigInteger.ONE;
        for (int i = 0; i < k; i++) c = c.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        return c;
    }

    /** P(Bin(n, p) ≤ s) = Σ_{j≤s} C(n,j)·p^j·(1−p)^(n−j), and its complement computed as 1 − that (both decimal). */
    static BigDecimal binomialCdf(int n, double p, int s) {
        BigDecimal bp = new BigDecimal(p), bq = BigDecimal.ONE.subtract(bp);
        BigDecimal sum = BigDecimal.ZERO;
        for (int j = 0; j <= s; j++) {
            sum = sum.add(new BigDecimal(choose(n, j)).multiply(bp.pow(j, MC), MC).multiply(bq.pow(n - j, MC), MC), MC);
        }
        return sum;
    }

    /**
     * P(X ≤ s) for X | D ~ Bin(n, 1 − e^(−D·A)), D ~ Gamma(α, D0/α), α integer:
     * Σ_{k≤s} C(n,k) Σ_{j≤k} (−1)^j C(k,j)·(1 + (n−k+j)·c)^(−α), c = A·D0/α.
     */
    static BigDecimal negativeBinomialYield(int n, int s, double c, int alpha) {
        BigDecimal bc = new BigDecimal(c);
        BigDecimal total = BigDecimal.ZERO;
        for (int k = 0; k <= s; k++) {
            BigDecimal inner = BigDecimal.ZERO;
            for (int j = 0; j <= k; j++) {
                BigDecimal base = BigDecimal.ONE.add(bc.multiply(BigDecimal.valueOf(n - k + j), MC), MC);
                BigDecimal term = new BigDecimal(choose(k, j)).divide(base.pow(alpha, MC), MC);
                inner = (j % 2 == 0) ? inner.add(term, MC) : inner.subtract(term, MC);
            }
            total = total.add(new BigDecimal(choose(n, k)).multiply(inner, MC), MC);
        }
        return total;
    }
}
