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
    final double[] diagFactor;   // dense inverses of the diagonal blocks (row-major), block after block
    final int[] factorStart;
    final byte[] nbrColour;      // the colour of each neighbour entry of a.nbr
    BlockMultigrid.Prolongation p, r;
    // the operator's values in single precision, which the cycle (residual and relaxation) streams: the cycle only
    // approximates the inverse, and the fine level's passes are bound by memory traffic (null on the coarsest level)
    float[] fv;
    final double[] x, b, res;
    double[] x2, b2, res2;       // the second vector of a pair solve, allocated on first use

    BlockLevel(NodeBlockMatrix a, BlockMultigrid.Blocks bl) {
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
        factorStart = new int[nb + 1];
        for (int k = 0; k < nb; k++) {
            int s = blocks[k + 1] - blocks[k];
            factorStart[k + 1] = factorStart[k] + s * s;
        }
        diagFactor = new double[factorStart[nb]];
        nbrColour = new byte[a.nbr.length];
        for (int q = 0; q < a.nbr.length; q++) nbrColour[q] = (byte) colours[a.nbr[q]];
    }
}
