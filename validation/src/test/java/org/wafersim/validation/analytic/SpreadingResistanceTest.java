package org.wafersim.validation.analytic;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * The series of Muzychka, Culham &amp; Yovanovich ({@link SpreadingResistance}) as a reference: converged in its
 * truncation, and reducing to the one-dimensional resistance t/k + 1/h when the source covers the whole channel.
 * The solver is compared with it by {@link SpreadingResistanceCheck}.
 */
class SpreadingResistanceTest {
    static final double A = 20e-3, B = 15e-3, T = 1e-3, K = 150, H = 2e4, C = 6e-3, D = 4e-3, Q = 10;

    @Test
    void seriesIsConvergedInItsTruncation() {
        double a = SpreadingResistance.meanSourceRise(A, B, T, K, H, C, D, A / 2, B / 2, Q, 750);
        double b = SpreadingResistance.meanSourceRise(A, B, T, K, H, C, D, A / 2, B / 2, Q, 1500);
        assertEquals(a, b, 1e-5 * b);
    }

    @Test
    void fullCoverageIsOneDimensional() {
        double v = SpreadingResistance.meanSourceRise(A, B, T, K, H, A, B, A / 2, B / 2, Q, 200);
        assertEquals(Q / (A * B) * (T / K + 1 / H), v, 1e-12 * v);
    }

    @Test
    void spreadingAddsToTheOneDimensionalResistance() {
        double oneD = Q / (A * B) * (T / K + 1 / H);
        assertTrue(SpreadingResistanceCheck.exact() > oneD);
    }
}
