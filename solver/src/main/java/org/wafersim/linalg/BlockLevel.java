package org.wafersim.linalg;

import java.util.Arrays;

/**
 * One level of {@link BlockMultigrid}: its operator, its blocks grouped by colour, the dense inverses of the diagonal
 * blocks, which blocks have columns with identical rows (gathered once) and, for those, the runs of rows that
 * belong to one neighbouring block (the forward sweep from zero skips the runs whose values are still zero), the
 * transfer operators to the next coarser level, the operator's values in single precision for the cycle, and the
 * level's work vectors.
 */
final class BlockLevel {
    final SparseSymmetric a;
    final int[] blocks;
    final int[][] byColour;      // block indices of each colour, ascending
    final double[] diagFactor;   // dense inverses of the diagonal blocks (row-major), block after block
    final int[] factorStart;
    final boolean[] shared;      // whether all columns of block k have the same rows (then gathered once)
    // the rows of a shared block k in runs of one neighbouring block each: run g ends at segEnd[g] (an offset
    // into the block's rows) and belongs to a block of colour segColour[g]; runs segPtr[k] .. segPtr[k + 1]
    final int[] segPtr, segEnd;
    final byte[] segColour;
    BlockMultigrid.Prolongation p, r;
    // the operator's values in single precision, which the cycle (residual and relaxation) streams: the cycle only
    // approximates the inverse, and the fine level's passes are bound by memory traffic (null on the coarsest level)
    float[] fv;
    final double[] x, b, res;
    double[] x2, b2, res2;       // the second vector of a pair solve, allocated on first use

    BlockLevel(SparseSymmetric a, BlockMultigrid.Blocks bl) {
        this.a = a;
        this.blocks = bl.starts();
        int nColours = 0;
        for (int c : bl.colours()) nColours = Math.max(nColours, c + 1);
        int[] cnt = new int[nColours];
        for (int c : bl.colours()) cnt[c]++;
        byColour = new int[nColours][];
        for (int c = 0; c < nColours; c++) byColour[c] = new int[cnt[c]];
        Arrays.fill(cnt, 0);
        for (int k = 0; k < bl.colours().length; k++) byColour[bl.colours()[k]][cnt[bl.colours()[k]]++] = k;
        int n = a.size();
        x = new double[n];
        b = new double[n];
        res = new double[n];
        int nb = blocks.length - 1;
        factorStart = new int[nb + 1];
        for (int k = 0; k < nb; k++) {
            int s = blocks[k + 1] - blocks[k];
            factorStart[k + 1] = factorStart[k] + s * s;
        }
        diagFactor = new double[factorStart[nb]];
        shared = new boolean[nb];
        int[] cp = a.colPtr(), rw = a.rows();
        for (int k = 0; k < nb; k++) {
            int lo = blocks[k], hi = blocks[k + 1], len = hi > lo ? cp[lo + 1] - cp[lo] : 0;
            boolean same = true;
            for (int d = lo + 1; d < hi && same; d++)
                same = cp[d + 1] - cp[d] == len && Arrays.equals(rw, cp[lo], cp[lo] + len, rw, cp[d], cp[d] + len);
            shared[k] = same;
        }
        int[] blockOf = new int[n];
        for (int k = 0; k < nb; k++) Arrays.fill(blockOf, blocks[k], blocks[k + 1], k);
        segPtr = new int[nb + 1];
        int runs = 0;
        for (int k = 0; k < nb; k++) {
            if (shared[k] && blocks[k + 1] > blocks[k])
                for (int q = cp[blocks[k]]; q < cp[blocks[k] + 1]; q++)
                    if (q == cp[blocks[k]] || blockOf[rw[q]] != blockOf[rw[q - 1]]) runs++;
            segPtr[k + 1] = runs;
        }
        segEnd = new int[runs];
        segColour = new byte[runs];
        for (int k = 0; k < nb; k++) {
            if (segPtr[k + 1] == segPtr[k]) continue;
            int p0 = cp[blocks[k]], p1 = cp[blocks[k] + 1], g = segPtr[k];
            for (int q = p0; q < p1; q++) {
                if (q + 1 < p1 && blockOf[rw[q + 1]] == blockOf[rw[q]]) continue;
                segEnd[g] = q + 1 - p0;
                segColour[g++] = (byte) bl.colours()[blockOf[rw[q]]];
            }
        }
    }
}
