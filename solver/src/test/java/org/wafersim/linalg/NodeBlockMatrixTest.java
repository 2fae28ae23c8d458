package org.wafersim.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The node-block matrix against a dense copy of itself (entries, products, scaling, the compressed-column form) and
 * the block Galerkin product against the dense P^T A P.
 */
class NodeBlockMatrixTest {
    /** Blocks of sizes 0..3 on a chain, block k coupled with k - 2 .. k + 2 (non-empty ones), random symmetric values. */
    static NodeBlockMatrix chain(int nb, Random rnd) {
        int[] start = new int[nb + 1];
        for (int k = 0; k < nb; k++) start[k + 1] = start[k] + (k % 5 == 3 ? 0 : 1 + rnd.nextInt(3));
        int[] ptr = new int[nb + 1], nbr = new int[5 * nb];
        int m = 0;
        for (int k = 0; k < nb; k++) {
            if (start[k + 1] > start[k])
                for (int j = Math.max(0, k - 2); j <= Math.min(nb - 1, k + 2); j++) if (start[j + 1] > start[j]) nbr[m++] = j;
            ptr[k + 1] = m;
        }
        NodeBlockMatrix a = new NodeBlockMatrix(start, ptr, java.util.Arrays.copyOf(nbr, m));
        int n = a.size();
        for (int c = 0; c < n; c++)
            for (int r = 0; r <= c; r++) {
                if (a.offset(a.blockOf[c], a.blockOf[r]) < 0) continue;
                double v = r == c ? 10 + rnd.nextDouble() : rnd.nextDouble() - 0.5;
                a.add(r, c, v);
                if (r != c) a.add(c, r, v);
            }
        return a;
    }

    private static double[][] dense(NodeBlockMatrix a) {
        int n = a.size();
        double[][] d = new double[n][n];
        for (int r = 0; r < n; r++) for (int c = 0; c < n; c++) d[r][c] = a.get(r, c);
        return d;
    }

    @Test
    void entriesProductsScalingAndCompressedColumnsMatchTheDenseMatrix() {
        Random rnd = new Random(5);
        NodeBlockMatrix a = chain(40, rnd);
        int n = a.size();
        double[][] d = dense(a);
        for (int c = 0; c < n; c++) {
            assertEquals(d[c][c], a.diagonal(c));
            for (int p = a.columnStart(c), q = 0; q < a.len[a.blockOf[c]]; q++, p++) assertEquals(a.get(a.rowAt(p), c), a.values[p]);
        }
        double[] x = new double[n], x2 = new double[n], y = new double[n], y2 = new double[n], z = new double[n];
        for (int i = 0; i < n; i++) { x[i] = rnd.nextDouble() - 0.5; x2[i] = rnd.nextDouble(); }
        try (Parallel par = new Parallel(2)) {
            a.apply(par, x, y);
            for (int r = 0; r < n; r++) {
                double s = 0;
                for (int c = 0; c < n; c++) s += d[r][c] * x[c];
                assertEquals(s, y[r], 1e-13 * n);
            }
            a.apply2(par, x2, x, y2, z);
            assertTrue(java.util.Arrays.equals(y, z), "the pair product is the single one");
            a.toSparse().apply(par, x, z);
            assertTrue(java.util.Arrays.equals(y, z), "the compressed-column product sums in the same order");
            double[] s = new double[n];
            for (int i = 0; i < n; i++) s[i] = 0.5 + rnd.nextDouble();
            a.scale(s, par);
            for (int r = 0; r < n; r++) for (int c = 0; c < n; c++) assertEquals(d[r][c] * (s[r] * s[c]), a.get(r, c));
        }
    }

    @Test
    void galerkinProductIsTheDenseOneAndSymmetric() {
        Random rnd = new Random(7);
        NodeBlockMatrix a = chain(60, rnd);
        int n = a.size();
        // coarse blocks: every other fine block's size plus one; P: each fine row takes 1-3 random coarse columns of
        // the (one or two) coarse blocks next to it
        int nbc = 30;
        int[] cs = new int[nbc + 1];
        for (int J = 0; J < nbc; J++) cs[J + 1] = cs[J] + 1 + J % 3;
        int nc = cs[nbc];
        int[] ptr = new int[n + 1];
        int[] cols = new int[3 * n];
        double[] vals = new double[3 * n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int J = Math.min(nbc - 1, a.blockOf[i] / 2);
            java.util.TreeMap<Integer, Double> row = new java.util.TreeMap<>();
            for (int t = 0; t < 1 + rnd.nextInt(3); t++) {
                int K = Math.min(nbc - 1, J + rnd.nextInt(2));
                row.put(cs[K] + rnd.nextInt(cs[K + 1] - cs[K]), rnd.nextDouble() - 0.3);
            }
            for (var e : row.entrySet()) { cols[m] = e.getKey(); vals[m++] = e.getValue(); }
            ptr[i + 1] = m;
        }
        BlockMultigrid.Prolongation p = new BlockMultigrid.Prolongation(nc, ptr, java.util.Arrays.copyOf(cols, m),
                java.util.Arrays.copyOf(vals, m));
        double[][] d = dense(a), pd = new double[n][nc];
        for (int i = 0; i < n; i++) for (int t = ptr[i]; t < ptr[i + 1]; t++) pd[i][cols[t]] += vals[t];
        for (int threads : new int[]{1, 2})
            try (Parallel par = new Parallel(threads)) {
                NodeBlockMatrix ac = Galerkin.product(a, p, cs, par);
                double scale = 0;
                for (int r = 0; r < nc; r++) for (int c = 0; c < nc; c++) scale = Math.max(scale, Math.abs(ac.get(r, c)));
                for (int r = 0; r < nc; r++)
                    for (int c = 0; c < nc; c++) {
                        double s = 0;
                        for (int i = 0; i < n; i++)
                            for (int j = 0; j < n; j++) s += pd[i][r] * d[i][j] * pd[j][c];
                        assertEquals(s, ac.get(r, c), 1e-13 * scale, "(" + r + ", " + c + ")");
                        assertEquals(ac.get(c, r), ac.get(r, c));
                    }
            }
    }
}
