package org.wafersim.linalg;

/**
 * The fine operator of a {@link BlockMultigrid}, y = A x, applied block by block in double precision (the products
 * of {@link Pcg}, whose residual must be exact; the multigrid cycle streams a single-precision copy instead). The
 * columns of a block that share their rows gather x once; the products are those of {@link SparseSymmetric#apply},
 * summed in the same order, with fewer index loads.
 */
final class BlockOperator implements SymmetricOperator {
    /** Blocks per parallel task. */
    private static final int CHUNK = 256;

    private final BlockLevel f;

    BlockOperator(BlockLevel f) { this.f = f; }

    @Override public int size() { return f.a.size(); }

    @Override public void apply(Parallel p, double[] x, double[] y) {
        int nb = f.blocks.length - 1;
        int[] colPtr = f.a.colPtr(), rows = f.a.rows();
        double[] vals = f.a.values();
        p.forEach((nb + CHUNK - 1) / CHUNK, ch -> {
            double[] xg = new double[256];
            for (int k = ch * CHUNK, end = Math.min(nb, k + CHUNK); k < end; k++) {
                int lo = f.blocks[k], hi = f.blocks[k + 1];
                if (hi == lo) continue;
                if (f.shared[k]) {
                    int p0 = colPtr[lo], len = colPtr[lo + 1] - p0;
                    if (xg.length < len) xg = new double[len];
                    for (int t = 0; t < len; t++) xg[t] = x[rows[p0 + t]];
                    DenseBlocks.blockProducts(vals, p0, len, hi - lo, xg, lo, y);
                } else {
                    for (int d = lo; d < hi; d++) {
                        double acc = 0;
                        for (int q = colPtr[d]; q < colPtr[d + 1]; q++) acc += vals[q] * x[rows[q]];
                        y[d] = acc;
                    }
                }
            }
        });
    }

    /** As {@link #apply} for two vectors at once: each matrix entry is loaded once for both. */
    @Override public void apply2(Parallel p, double[] x1, double[] x2, double[] y1, double[] y2) {
        int nb = f.blocks.length - 1;
        int[] colPtr = f.a.colPtr(), rows = f.a.rows();
        double[] vals = f.a.values();
        p.forEach((nb + CHUNK - 1) / CHUNK, ch -> {
            double[] g1 = new double[256], g2 = new double[256];
            for (int k = ch * CHUNK, end = Math.min(nb, k + CHUNK); k < end; k++) {
                int lo = f.blocks[k], hi = f.blocks[k + 1];
                if (hi == lo) continue;
                if (f.shared[k]) {
                    int p0 = colPtr[lo], len = colPtr[lo + 1] - p0;
                    if (g1.length < len) { g1 = new double[len]; g2 = new double[len]; }
                    for (int t = 0; t < len; t++) {
                        int r = rows[p0 + t];
                        g1[t] = x1[r];
                        g2[t] = x2[r];
                    }
                    DenseBlocks.blockProducts2(vals, p0, len, hi - lo, g1, g2, lo, y1, y2);
                } else {
                    for (int d = lo; d < hi; d++) {
                        double a1 = 0, a2 = 0;
                        for (int q = colPtr[d]; q < colPtr[d + 1]; q++) {
                            a1 += vals[q] * x1[rows[q]];
                            a2 += vals[q] * x2[rows[q]];
                        }
                        y1[d] = a1;
                        y2[d] = a2;
                    }
                }
            }
        });
    }
}
