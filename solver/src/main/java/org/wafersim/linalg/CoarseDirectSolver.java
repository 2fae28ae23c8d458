package org.wafersim.linalg;

import org.wafersim.errors.NotPositiveDefiniteException;

/**
 * Exact solve on the coarsest multigrid level: the 7-point operator renumbered in a geometric nested-dissection
 * order of the box (George, SIAM J. Numer. Anal. 10, 1973), which EJML lacks, and factorised by the project's one
 * sparse Cholesky ({@link SparseCholesky}); with the ordering the fill of a ~10^4-unknown box stays in the low
 * millions. Factorised once per operator.
 */
final class CoarseDirectSolver {
    private final int n;
    /** inv[old] = position of the cell in the elimination order. */
    private final int[] inv;
    private final SparseCholesky chol;
    private final double[] bn, xn;

    /** The direct solve of {@code a} (its diagonal summed from its conductances). */
    CoarseDirectSolver(Stencil7 a) {
        this(a.nx, a.ny, a.nz, a.gx, a.gy, a.gz, a.diagonal());
    }

    /** The direct solve of the 7-point operator with couplings gx, gy, gz (to +x, +y, +z) and diagonal diag. */
    CoarseDirectSolver(int nx, int ny, int nz, float[] gx, float[] gy, float[] gz, double[] diag) {
        final Coefficients a = new Coefficients(gx, gy, gz, diag);
        n = diag.length;
        final int plane = nx * ny;
        final int[] order = NestedDissection.order(nx, ny, nz);   // order[new] = old
        inv = new int[n];
        for (int q = 0; q < n; q++) inv[order[q]] = q;
        // pattern and values column by column in the new numbering (both triangles; rows sorted)
        int[] colPtr = new int[n + 1];
        int[] nbr = new int[7];
        double[] val = new double[7];
        int nnz = 0;
        for (int q = 0; q < n; q++) nnz += neighbours(a, order[q], nx, ny, nz, plane, nbr, val);
        int[] rows = new int[nnz];
        double[][] colValues = new double[n][];
        int p = 0;
        for (int q = 0; q < n; q++) {
            colPtr[q] = p;
            int m = neighbours(a, order[q], nx, ny, nz, plane, nbr, val);
            for (int e = 0; e < m; e++) nbr[e] = inv[nbr[e]];
            sortTogether(nbr, val, m);
            System.arraycopy(nbr, 0, rows, p, m);
            colValues[q] = java.util.Arrays.copyOf(val, m);
            p += m;
        }
        colPtr[n] = p;
        SparseSymmetric s = new SparseSymmetric(colPtr, rows);
        for (int q = 0; q < n; q++) {
            int hint = colPtr[q];
            for (int e = 0; e < colValues[q].length; e++) hint = s.add(rows[colPtr[q] + e], q, colValues[q][e], hint) + 1;
        }
        try {
            chol = new SparseCholesky(s);
        } catch (NotPositiveDefiniteException e) {
            throw new NotPositiveDefiniteException("coarse-grid Cholesky failed: the operator is not positive definite "
                    + "(is there no heat path out of some region?)");
        }
        bn = new double[n];
        xn = new double[n];
    }

    private record Coefficients(float[] gx, float[] gy, float[] gz, double[] diag) { }

    /** The non-zeros of row c (old numbering): the diagonal and the couplings -g; returns their count. */
    private static int neighbours(Coefficients a, int c, int nx, int ny, int nz, int plane, int[] nbr, double[] val) {
        int i = c % nx, j = (c / nx) % ny, k = c / plane, m = 0;
        nbr[m] = c;
        val[m++] = a.diag()[c];
        if (i > 0 && a.gx()[c - 1] != 0) { nbr[m] = c - 1; val[m++] = -a.gx()[c - 1]; }
        if (i < nx - 1 && a.gx()[c] != 0) { nbr[m] = c + 1; val[m++] = -a.gx()[c]; }
        if (j > 0 && a.gy()[c - nx] != 0) { nbr[m] = c - nx; val[m++] = -a.gy()[c - nx]; }
        if (j < ny - 1 && a.gy()[c] != 0) { nbr[m] = c + nx; val[m++] = -a.gy()[c]; }
        if (k > 0 && a.gz()[c - plane] != 0) { nbr[m] = c - plane; val[m++] = -a.gz()[c - plane]; }
        if (k < nz - 1 && a.gz()[c] != 0) { nbr[m] = c + plane; val[m++] = -a.gz()[c]; }
        return m;
    }

    /** Insertion sort of the first m indices, carrying the values along (m <= 7). */
    private static void sortTogether(int[] idx, double[] v, int m) {
        for (int s = 1; s < m; s++) {
            int ki = idx[s];
            double kv = v[s];
            int t = s - 1;
            while (t >= 0 && idx[t] > ki) {
                idx[t + 1] = idx[t];
                v[t + 1] = v[t];
                t--;
            }
            idx[t + 1] = ki;
            v[t + 1] = kv;
        }
    }

    synchronized void solve(double[] b, double[] x) {
        for (int c = 0; c < n; c++) bn[inv[c]] = b[c];
        chol.apply(bn, xn);
        for (int c = 0; c < n; c++) x[c] = xn[inv[c]];
    }
}
