package org.wafersim.validation.analytic;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * The double sine series of {@link EdgeCooledPlate} as a reference: converged in its truncation, zero on the edges,
 * and at the centre of a long strip equal to the 1-D parabola q a^2 / (8 k). The solver is compared with it by
 * {@link EdgeCooledPlateCheck} (run in {@code AnalyticChecksTest} and by {@code wafersim validate}).
 */
class EdgeCooledPlateTest {
    static final double A = EdgeCooledPlateCheck.A, B = EdgeCooledPlateCheck.B, K = EdgeCooledPlateCheck.K,
            Q = EdgeCooledPlateCheck.QV;

    @Test
    void seriesIsConvergedInItsTruncation() {
        double a = EdgeCooledPlate.rise(A, B, K, Q, A / 2, B / 2, 201), b = EdgeCooledPlate.rise(A, B, K, Q, A / 2, B / 2, 401);
        assertEquals(b, a, 1e-6 * b);
    }

    @Test
    void vanishesOnTheEdges() {
        double peak = EdgeCooledPlate.rise(A, B, K, Q, A / 2, B / 2, 401);
        assertEquals(0, EdgeCooledPlate.rise(A, B, K, Q, 0, B / 3, 401), 1e-12 * peak);
        assertEquals(0, EdgeCooledPlate.rise(A, B, K, Q, A / 4, B, 401), 1e-12 * peak);
    }

    @Test
    void longStripTendsToTheOneDimensionalParabola() {
        double a = 1e-2, b = 1.0;   // 100:1: far from the short edges the plate is a 1-D fin of width a
        double v = EdgeCooledPlate.rise(a, b, K, Q, a / 2, b / 2, 801);
        assertEquals(Q * a * a / (8 * K), v, 1e-3 * v);
    }
}
