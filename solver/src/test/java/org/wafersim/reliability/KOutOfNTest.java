package org.wafersim.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class KOutOfNTest {

    @Test
    void identicalComponentsEqualTheBinomialSum() {
        int n = 4823, s = 72;                      // a wse-default die
        for (double p : new double[] {1e-4, 0.005, 0.0149, 0.02, 0.05}) {
            double[] ps = new double[n];
            java.util.Arrays.fill(ps, p);
            BigDecimal exact = ClosedForms.binomialCdf(n, p, s);
            double r = KOutOfN.reliability(ps, n - s), q = KOutOfN.unreliability(ps, n - s);
            assertEquals(exact.doubleValue(), r, 1e-12, "R at p = " + p);
            double qExact = BigDecimal.ONE.subtract(exact).doubleValue();
            assertEquals(qExact, q, 1e-12 * Math.max(qExact, 1e-300) + 1e-300, "1 - R at p = " + p);
            assertEquals(exact.doubleValue(), KOutOfN.reliability(n, n - s, 1 - p), 1e-12);
        }
    }

    @Test
    void heterogeneousComponentsEqualFullEnumeration() {
        int n = 14;
        double[] p = new double[n];
        for (int i = 0; i < n; i++) p[i] = 0.02 + 0.9 * ((i * 0.6180339887498949) % 1.0);
        double[] byCount = new double[n + 1];
        for (int mask = 0; mask < (1 << n); mask++) {
            double pr = 1;
            for (int i = 0; i < n; i++) pr *= ((mask >> i) & 1) == 1 ? p[i] : 1 - p[i];
            byCount[Integer.bitCount(mask)] += pr;
        }
        for (int m = 0; m <= n; m++) {
            double[] d = PoissonBinomial.distribution(p, m);
            double tail = 0;
            for (int j = 0; j <= n; j++) {
                if (j <= m) assertEquals(byCount[j], d[j], 1e-14, "P(N = " + j + ")");
                else tail += byCount[j];
            }
            assertEquals(tail, d[m + 1], 1e-14);
            double cdf = 0;
            for (int j = 0; j <= m; j++) cdf += byCount[j];
            assertEquals(cdf, KOutOfN.reliability(p, n - m), 1e-14);
        }
    }

    @Test
    void tinyTailsKeepTheirRelativeAccuracy() {
        // 100 components at p = 1e-6, at most 3 may fail: P(N > 3) ≈ C(100,4)·1e-24 ≈ 3.92e-18
        double[] p = new double[100];
        java.util.Arrays.fill(p, 1e-6);
        double exact = BigDecimal.ONE.subtract(ClosedForms.binomialCdf(100, 1e-6, 3)).doubleValue();
        assertEquals(exact, KOutOfN.unreliability(p, 97), 1e-12 * exact);
    }
}
