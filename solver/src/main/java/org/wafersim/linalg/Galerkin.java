package org.wafersim.linalg;

import java.util.Arrays;

/**
 * The Galerkin coarse operator of {@link BlockMultigrid}, A_c = R A P with R = P^T for a symmetric A (e.g. Trottenberg,
 * Oosterlee and Schüller, <i>Multigrid</i>, section 7.7.2), built row by row in work proportional to the non-zeros.
 *
 * <p>Storage: the intermediate rows of A P and the coarse rows are kept in one flat array per fixed block of
 * {@link Parallel#BLOCK} rows, not in an array per row. The fine level's A P has some 30 M entries; as small
 * arrays they survive into the old generation and the collector copies them there (hundreds of milliseconds of
 * pauses per level), while a few large arrays are allocated in place and never copied.
 */
final class Galerkin {
    private Galerkin() { }

    /**
     * Whether column i has the rows of column i - 1 (then, both being stored one after the other with equal lengths,
     * entry q of column i - 1 + d sits at colPtr[i - 1] + d * length + q).
     */
    private static boolean sameRows(int[] colPtr, int[] rows, int i) {
        return colPtr[i + 1] - colPtr[i] == colPtr[i] - colPtr[i - 1]
                && Arrays.equals(rows, colPtr[i], colPtr[i + 1], rows, colPtr[i - 1], colPtr[i]);
    }

    /** Rows [lo, lo + BLOCK) of a row-compressed matrix: pattern of row i cols[i - lo], values at vals[start[i - lo]..]. */
    private record RowBlock(int[][] cols, int[] start, double[] vals) { }

    /**
     * A_c = P^T A P in O(non-zeros): first the rows of A P (A symmetric, so its column i is row i), then the rows
     * of P^T (A P) with a dense accumulator per row block; symmetrised at the end against round-off. Every entry is
     * summed in a fixed order (the rows of A and of R in ascending position), whatever the thread count.
     */
    static SparseSymmetric product(SparseSymmetric a, BlockMultigrid.Prolongation p, BlockMultigrid.Prolongation r,
                                   Parallel par) {
        int nf = a.size(), nc = p.coarseSize();
        int[] colPtr = a.colPtr(), rows = a.rows();
        double[] vals = a.values();
        int[] pPtr = p.rowPtr(), pCols = p.cols();
        double[] pVals = p.vals();
        RowBlock[] ap = new RowBlock[(nf + Parallel.BLOCK - 1) / Parallel.BLOCK];
        par.forBlocks(nf, (lo, hi) -> {
            boolean[] seen = new boolean[nc];
            int[] list = new int[nc], posOf = new int[nc];
            int[][] pat = new int[hi - lo][];
            int[] start = new int[hi - lo + 1];
            // symbolic: a run of rows with the same columns (the dofs of one node, stored column after column) has
            // one pattern in A P, collected once and shared
            for (int i = lo; i < hi; i++) {
                if (i > lo && sameRows(colPtr, rows, i)) {
                    pat[i - lo] = pat[i - lo - 1];
                } else {
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
                    pat[i - lo] = Arrays.copyOf(list, m);
                }
                start[i - lo + 1] = start[i - lo] + pat[i - lo].length;
            }
            // numeric, run by run: row d of the run is sum over its columns q (ascending) of A[d][q] P[j_q, :], the
            // terms of each entry added in the order of the plain row-by-row product (the same numbers); the loop
            // over the run's rows is innermost, so each P entry and its position are loaded once for all of them
            double[] out = new double[start[hi - lo]];
            for (int i0 = lo, i1; i0 < hi; i0 = i1) {
                i1 = i0 + 1;
                while (i1 < hi && pat[i1 - lo] == pat[i0 - lo]) i1++;
                int[] cols = pat[i0 - lo];
                int m = cols.length, s = i1 - i0, o = start[i0 - lo], p0 = colPtr[i0], len = colPtr[i0 + 1] - p0;
                for (int t = 0; t < m; t++) posOf[cols[t]] = t;
                for (int q = 0; q < len; q++) {
                    int j = rows[p0 + q];
                    for (int t = pPtr[j]; t < pPtr[j + 1]; t++) {
                        int at = o + posOf[pCols[t]];
                        double w = pVals[t];
                        for (int d = 0, vq = p0 + q; d < s; d++, at += m, vq += len) out[at] += vals[vq] * w;
                    }
                }
            }
            ap[lo / Parallel.BLOCK] = new RowBlock(pat, start, out);
        });
        int nbc = (nc + Parallel.BLOCK - 1) / Parallel.BLOCK;
        int[][] cPat = new int[nbc][];
        double[][] cVal = new double[nbc][];
        int[] len = new int[nc];
        int[] rPtr = r.rowPtr(), rCols = r.cols();
        double[] rVals = r.vals();
        par.forBlocks(nc, (lo, hi) -> {
            double[] acc = new double[nc];
            boolean[] seen = new boolean[nc];
            int[] list = new int[nc];
            int[] bp = new int[Math.max(16, (hi - lo) * 64)];
            double[] bv = new double[bp.length];
            int used = 0;
            for (int c = lo; c < hi; c++) {
                int m = 0;
                for (int t = rPtr[c]; t < rPtr[c + 1]; t++) {
                    int i = rCols[t];
                    double w = rVals[t];
                    RowBlock rb = ap[i / Parallel.BLOCK];
                    int li = i % Parallel.BLOCK;
                    int[] ac = rb.cols()[li];
                    double[] av = rb.vals();
                    for (int q = 0, o = rb.start()[li]; q < ac.length; q++) {
                        int d = ac[q];
                        if (!seen[d]) { seen[d] = true; list[m++] = d; }
                        acc[d] += w * av[o + q];
                    }
                }
                Arrays.sort(list, 0, m);
                if (used + m > bp.length) {
                    int cap = Math.max(used + m, 2 * bp.length);
                    bp = Arrays.copyOf(bp, cap);
                    bv = Arrays.copyOf(bv, cap);
                }
                for (int t = 0; t < m; t++) {
                    int d = list[t];
                    bp[used + t] = d;
                    bv[used + t] = acc[d];
                    acc[d] = 0;
                    seen[d] = false;
                }
                used += m;
                len[c] = m;
            }
            cPat[lo / Parallel.BLOCK] = bp;
            cVal[lo / Parallel.BLOCK] = bv;
        });
        int[] ptr = new int[nc + 1];
        for (int c = 0; c < nc; c++) ptr[c + 1] = ptr[c] + len[c];
        int[] rr = new int[ptr[nc]];
        double[] vv = new double[ptr[nc]];
        par.forEach(nbc, ptr[nc], b -> {
            int lo = b * Parallel.BLOCK, hi = Math.min(nc, lo + Parallel.BLOCK), n = ptr[hi] - ptr[lo];
            System.arraycopy(cPat[b], 0, rr, ptr[lo], n);
            System.arraycopy(cVal[b], 0, vv, ptr[lo], n);
        });
        SparseSymmetric out = SparseSymmetric.adopt(ptr, rr);
        double[] v = out.values();
        // the pattern is symmetric (that of P^T A P); the two triangles differ by round-off only: average them. Each
        // pair is averaged once, from its column c < d, and only its two entries are written, so the columns can
        // be processed in parallel.
        par.forBlocks(nc, (lo, hi) -> {
            for (int c = lo; c < hi; c++)
                for (int q = ptr[c]; q < ptr[c + 1]; q++) {
                    int d = rr[q];
                    if (d <= c) {
                        if (d == c) v[q] = vv[q];
                        continue;
                    }
                    int t = Arrays.binarySearch(rr, ptr[d], ptr[d + 1], c);
                    if (t < 0) throw new IllegalStateException("Galerkin product: pattern not symmetric");
                    double mean = 0.5 * (vv[q] + vv[t]);
                    v[q] = mean;
                    v[t] = mean;
                }
        });
        return out;
    }
}
