package org.wafersim.linalg;

import java.util.Arrays;

/**
 * The Galerkin coarse operator of {@link BlockMultigrid}, A_c = R A P with R = P^T for a symmetric A (e.g. Trottenberg,
 * Oosterlee and Schüller, <i>Multigrid</i>, section 7.7.2), built row by row in work proportional to the non-zeros.
 */
final class Galerkin {
    private Galerkin() { }

    /**
     * A_c = P^T A P in O(non-zeros): first the rows of A P (A symmetric, so its column i is row i), then the rows
     * of P^T (A P) with a dense accumulator per row block; symmetrised at the end against round-off.
     */
    static SparseSymmetric product(SparseSymmetric a, BlockMultigrid.Prolongation p, BlockMultigrid.Prolongation r,
                                   Parallel par) {
        int nf = a.size(), nc = p.coarseSize();
        int[] colPtr = a.colPtr(), rows = a.rows();
        double[] vals = a.values();
        int[][] apCols = new int[nf][];
        double[][] apVals = new double[nf][];
        int[] pPtr = p.rowPtr(), pCols = p.cols();
        double[] pVals = p.vals();
        par.forBlocks(nf, (lo, hi) -> {
            double[] acc = new double[nc];
            boolean[] seen = new boolean[nc];
            int[] list = new int[nc];
            for (int i = lo; i < hi; i++) {
                // a row with the same columns as the previous one (the dofs of one node) has the same pattern in
                // A P: the symbolic part (collect, sort) is done once per run of such rows
                boolean same = i > lo && colPtr[i + 1] - colPtr[i] == colPtr[i] - colPtr[i - 1]
                        && Arrays.equals(rows, colPtr[i], colPtr[i + 1], rows, colPtr[i - 1], colPtr[i]);
                for (int q = colPtr[i]; q < colPtr[i + 1]; q++) {
                    int j = rows[q];
                    double v = vals[q];
                    for (int t = pPtr[j]; t < pPtr[j + 1]; t++) acc[pCols[t]] += v * pVals[t];
                }
                if (!same) {
                    int m = 0;
                    for (int q = colPtr[i]; q < colPtr[i + 1]; q++) {
                        int j = rows[q];
                        for (int t = pPtr[j]; t < pPtr[j + 1]; t++) {
                            int c = pCols[t];
                            if (!seen[c]) { seen[c] = true; list[m++] = c; }
                        }
                    }
                    Arrays.sort(list, 0, m);
                    for (int t = 0; t < m; t++) seen[list[t]] = false;
                    apCols[i] = Arrays.copyOf(list, m);
                } else {
                    apCols[i] = apCols[i - 1];
                }
                int[] cols = apCols[i];
                double[] av = new double[cols.length];
                for (int t = 0; t < cols.length; t++) { av[t] = acc[cols[t]]; acc[cols[t]] = 0; }
                apVals[i] = av;
            }
        });
        int[][] cCols = new int[nc][];
        double[][] cVals = new double[nc][];
        int[] rPtr = r.rowPtr(), rCols = r.cols();
        double[] rVals = r.vals();
        par.forBlocks(nc, (lo, hi) -> {
            double[] acc = new double[nc];
            boolean[] seen = new boolean[nc];
            int[] list = new int[nc];
            for (int c = lo; c < hi; c++) {
                int m = 0;
                for (int t = rPtr[c]; t < rPtr[c + 1]; t++) {
                    int i = rCols[t];
                    double w = rVals[t];
                    int[] ac = apCols[i];
                    double[] av = apVals[i];
                    for (int q = 0; q < ac.length; q++) {
                        int d = ac[q];
                        if (!seen[d]) { seen[d] = true; list[m++] = d; }
                        acc[d] += w * av[q];
                    }
                }
                Arrays.sort(list, 0, m);
                cCols[c] = Arrays.copyOf(list, m);
                double[] cv = new double[m];
                for (int t = 0; t < m; t++) { cv[t] = acc[list[t]]; acc[list[t]] = 0; seen[list[t]] = false; }
                cVals[c] = cv;
            }
        });
        int[] ptr = new int[nc + 1];
        for (int c = 0; c < nc; c++) ptr[c + 1] = ptr[c] + cCols[c].length;
        int[] rr = new int[ptr[nc]];
        for (int c = 0; c < nc; c++) System.arraycopy(cCols[c], 0, rr, ptr[c], cCols[c].length);
        SparseSymmetric out = SparseSymmetric.adopt(ptr, rr);
        double[] v = out.values();
        for (int c = 0; c < nc; c++) System.arraycopy(cVals[c], 0, v, ptr[c], cVals[c].length);
        // the pattern is symmetric (that of P^T A P); the two triangles differ by round-off only: average them
        for (int c = 0; c < nc; c++)
            for (int q = ptr[c]; q < ptr[c + 1]; q++) {
                int d = rr[q];
                if (d <= c) continue;
                int t = Arrays.binarySearch(rr, ptr[d], ptr[d + 1], c);
                if (t < 0) throw new IllegalStateException("Galerkin product: pattern not symmetric");
                double mean = 0.5 * (v[q] + v[t]);
                v[q] = mean;
                v[t] = mean;
            }
        return out;
    }
}
