package org.wafersim.linalg;

/**
 * The dense-block kernels of {@link BlockMultigrid}'s block relaxation: products and residuals of a block's rows
 * (whose columns share their rows, stored row after row) with a gathered vector, and the product with a diagonal block's
 * dense inverse (row-major, from its Cholesky factor), each also for two vectors at once
 * (the two operating states solved together). Every sum runs in the order of a plain loop, so a result is the same to
 * the bit whichever variant computed it.
 */
final class DenseBlocks {
    private DenseBlocks() { }

    /*
     * The dense rows of a block whose columns share their rows: the s rows starting at vals[p0] (row d of the block
     * at p0 + d len) times the gathered vector g. Each row's sum runs over t in order, as a plain loop would, so the
     * result is the same to the bit; four rows (two rows of two vectors) are summed side by side, since one running
     * sum waits on the adder's latency and independent sums fill that wait.
     */

    /** y[y0 + d] = sum_t A[d][t] g[t] for the s rows of a block. */
    static void blockProducts(double[] vals, int p0, int len, int s, double[] g, int y0, double[] y) {
        int d = 0;
        for (; d + 3 < s; d += 4) {
            int q0 = p0 + d * len, q1 = q0 + len, q2 = q1 + len, q3 = q2 + len;
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
            for (int t = 0; t < len; t++) {
                double v = g[t];
                a0 += vals[q0 + t] * v;
                a1 += vals[q1 + t] * v;
                a2 += vals[q2 + t] * v;
                a3 += vals[q3 + t] * v;
            }
            int r = y0 + d;
            y[r] = a0; y[r + 1] = a1; y[r + 2] = a2; y[r + 3] = a3;
        }
        for (; d < s; d++) {
            int q0 = p0 + d * len;
            double a0 = 0;
            for (int t = 0; t < len; t++) a0 += vals[q0 + t] * g[t];
            y[y0 + d] = a0;
        }
    }

    /**
     * {@link #blockProducts} for two vectors, three rows at a time: six running sums cover the adder's latency on
     * both its ports (the double operator's pass took a third longer with four).
     */
    static void blockProducts2(double[] vals, int p0, int len, int s, double[] g1, double[] g2, int y0,
                               double[] y1, double[] y2) {
        int d = 0;
        for (; d + 2 < s; d += 3) {
            int q0 = p0 + d * len, q1 = q0 + len, q2 = q1 + len;
            double a0 = 0, a1 = 0, a2 = 0, c0 = 0, c1 = 0, c2 = 0;
            for (int t = 0; t < len; t++) {
                double v0 = vals[q0 + t], v1 = vals[q1 + t], v2 = vals[q2 + t], u = g1[t], w = g2[t];
                a0 += v0 * u;
                a1 += v1 * u;
                a2 += v2 * u;
                c0 += v0 * w;
                c1 += v1 * w;
                c2 += v2 * w;
            }
            int r = y0 + d;
            y1[r] = a0;
            y1[r + 1] = a1;
            y1[r + 2] = a2;
            y2[r] = c0;
            y2[r + 1] = c1;
            y2[r + 2] = c2;
        }
        for (; d + 1 < s; d += 2) {
            int q0 = p0 + d * len, q1 = q0 + len;
            double a0 = 0, a1 = 0, c0 = 0, c1 = 0;
            for (int t = 0; t < len; t++) {
                double v0 = vals[q0 + t], v1 = vals[q1 + t], u = g1[t], w = g2[t];
                a0 += v0 * u;
                a1 += v1 * u;
                c0 += v0 * w;
                c1 += v1 * w;
            }
            int r = y0 + d;
            y1[r] = a0;
            y1[r + 1] = a1;
            y2[r] = c0;
            y2[r + 1] = c1;
        }
        for (; d < s; d++) {
            int q0 = p0 + d * len;
            double a0 = 0, c0 = 0;
            for (int t = 0; t < len; t++) {
                a0 += vals[q0 + t] * g1[t];
                c0 += vals[q0 + t] * g2[t];
            }
            y1[y0 + d] = a0;
            y2[y0 + d] = c0;
        }
    }

    /**
     * r[r0 + d] = b[b0 + d] - sum_t A[d][t] g[t] with single-precision A (the cycle's copy), subtracted term by term
     * in the order of the row.
     */
    static void blockResidual(float[] vals, int p0, int len, int s, double[] g, int b0, double[] b, double[] r,
                              int r0) {
        int d = 0;
        for (; d + 3 < s; d += 4) {
            int q0 = p0 + d * len, q1 = q0 + len, q2 = q1 + len, q3 = q2 + len;
            double a0 = b[b0 + d], a1 = b[b0 + d + 1], a2 = b[b0 + d + 2], a3 = b[b0 + d + 3];
            for (int t = 0; t < len; t++) {
                double v = g[t];
                a0 -= vals[q0 + t] * v;
                a1 -= vals[q1 + t] * v;
                a2 -= vals[q2 + t] * v;
                a3 -= vals[q3 + t] * v;
            }
            r[r0 + d] = a0; r[r0 + d + 1] = a1; r[r0 + d + 2] = a2; r[r0 + d + 3] = a3;
        }
        for (; d < s; d++) {
            int q0 = p0 + d * len;
            double a0 = b[b0 + d];
            for (int t = 0; t < len; t++) a0 -= vals[q0 + t] * g[t];
            r[r0 + d] = a0;
        }
    }

    /** {@link #blockResidual} for two vectors. */
    static void blockResidual2(float[] vals, int p0, int len, int s, double[] g1, double[] g2, int b0,
                               double[] b1, double[] b2, double[] r1, double[] r2, int r0) {
        int d = 0;
        for (; d + 1 < s; d += 2) {
            int q0 = p0 + d * len, q1 = q0 + len;
            double a0 = b1[b0 + d], a1 = b1[b0 + d + 1], c0 = b2[b0 + d], c1 = b2[b0 + d + 1];
            for (int t = 0; t < len; t++) {
                double v0 = vals[q0 + t], v1 = vals[q1 + t], u = g1[t], w = g2[t];
                a0 -= v0 * u;
                a1 -= v1 * u;
                c0 -= v0 * w;
                c1 -= v1 * w;
            }
            r1[r0 + d] = a0; r1[r0 + d + 1] = a1; r2[r0 + d] = c0; r2[r0 + d + 1] = c1;
        }
        for (; d < s; d++) {
            int q0 = p0 + d * len;
            double a0 = b1[b0 + d], c0 = b2[b0 + d];
            for (int t = 0; t < len; t++) {
                double v = vals[q0 + t];
                a0 -= v * g1[t];
                c0 -= v * g2[t];
            }
            r1[r0 + d] = a0;
            r2[r0 + d] = c0;
        }
    }

    /**
     * Replaces the dense Cholesky factor L of a diagonal block (lower triangle of the s x s row-major array at o) by
     * the block's inverse L^-T L^-1 (full), so that relaxing a block is a product with independent dot products
     * instead of two substitutions whose divisions and sums wait on each other. work: at least s * s.
     */
    static void invertFactor(double[] f, int o, int s, double[] work) {
        // work = L^-1 (lower triangle), column by column: L y = e_c
        for (int c = 0; c < s; c++) {
            for (int i = 0; i < c; i++) work[i * s + c] = 0;
            for (int i = c; i < s; i++) {
                double v = i == c ? 1 : 0;
                for (int m = c; m < i; m++) v -= f[o + i * s + m] * work[m * s + c];
                work[i * s + c] = v / f[o + i * s + i];
            }
        }
        // (L^-T L^-1)[i][j] = sum over k >= max(i, j) of L^-1[k][i] L^-1[k][j]
        for (int i = 0; i < s; i++)
            for (int j = 0; j <= i; j++) {
                double v = 0;
                for (int k = i; k < s; k++) v += work[k * s + i] * work[k * s + j];
                f[o + i * s + j] = v;
                f[o + j * s + i] = v;
            }
    }

    /**
     * z = D^-1 r with the block's inverse (from {@link #invertFactor}): the inverse is a dense s x s block stored
     * by rows, so this is {@link #blockProducts} with rows of length s (each row summed in column order).
     */
    static void applyInverse(double[] f, int o, int s, double[] r, double[] z) {
        blockProducts(f, o, s, s, r, 0, z);
    }

    /** {@link #applyInverse} for two right-hand sides ({@link #blockProducts2}). */
    static void applyInverse2(double[] f, int o, int s, double[] r1, double[] r2, double[] z1, double[] z2) {
        blockProducts2(f, o, s, s, r1, r2, 0, z1, z2);
    }
}
