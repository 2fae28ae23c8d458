package org.wafersim.linalg;

import java.util.Arrays;

/**
 * One level of {@link BlockMultigrid}: its operator in node-block form, its blocks grouped by colour, the dense
 * inverses of the diagonal blocks, the colour of every neighbouring block (the forward sweep from zero skips the
 * neighbours whose values are still zero), the transfer operators to the next coarser level, the operator's values
 * in single precision for the cycle, and the level's work vectors.
 */
final class BlockLevel {
    final NodeBlockMatrix a;
    final int[] blocks;
    final int[][] byColour;      // block indices of each colour, ascending
    final double[] diagFactor;   // dense inverses of the diagonal blocks (row-major), in the storage order
    final int[] factorStart;
    // the storage order of the cycle's arrays (fv, diagFactor): the blocks colour by colour (byColour one after the
    // other), so that a sweep streams each colour's values as one contiguous run; the residual passes in this order
    // too. Only where each block's numbers sit changes, not a sum: the results are those of the block order.
    final int[] order;
    final int[] fvStart;         // block k's values in fv start at fvStart[k] (a.valStart's layout within the block)
    final byte[] nbrColour;      // the colour of each neighbour entry of a.nbr
    BlockMultigrid.Prolongation p, r;
    // the operator's values in single precision, which the cycle (residual and relaxation) streams: the cycle only
    // approximates the inverse, and the fine level's passes are bound by memory traffic (null on the coarsest level)
    float[] fv;
    final double[] x, b, res;
    double[] x2, b2, res2;       // the second vector of a pair solve, allocated on first use

    /** @param colourMajor the storage order colour by colour (false: block order, the tests' reference) */
    BlockLevel(NodeBlockMatrix a, BlockMultigrid.Blocks bl, boolean colourMajor) {
        this.a = a;
        this.blocks = bl.starts();
        if (!Arrays.equals(blocks, a.start)) throw new IllegalArgumentException("the blocks are not the operator's");
        int[] colours = bl.colours();
        int nColours = 0;
        for (int c : colours) nColours = Math.max(nColours, c + 1);
        int[] cnt = new int[nColours];
        for (int c : colours) cnt[c]++;
        byColour = new int[nColours][];
        for (int c = 0; c < nColours; c++) byColour[c] = new int[cnt[c]];
        Arrays.fill(cnt, 0);
        for (int k = 0; k < colours.length; k++) byColour[colours[k]][cnt[colours[k]]++] = k;
        int n = a.size();
        x = new double[n];
        b = new double[n];
        res = new double[n];
        int nb = blocks.length - 1;
        order = new int[nb];
        int u = 0;
        if (colourMajor) for (int[] ks : byColour) for (int k : ks) order[u++] = k;
        else for (int k = 0; k < nb; k++) order[k] = k;
        factorStart = new int[nb];
        fvStart = new int[nb];
        int f = 0, v = 0;
        for (int k : order) {
            int s = blocks[k + 1] - blocks[k];
            factorStart[k] = f;
            fvStart[k] = v;
            f += s * s;
            v += s * a.len[k];
        }
        diagFactor = new double[f];
        nbrColour = new byte[a.nbr.length];
        for (int q = 0; q < a.nbr.length; q++) nbrColour[q] = (byte) colours[a.nbr[q]];
    }
}
