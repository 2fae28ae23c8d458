package org.wafersim.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The multigrid cycle's storage: each level's single-precision values and diagonal-block inverses held colour by
 * colour (one contiguous run per colour, which the sweeps stream) give the same cycle, to the bit, as the block
 * order; and the layout is a permutation of whole blocks.
 */
class BlockMultigridTest {
    /** A two-level cycle on a chain of blocks (colours k mod 3: the chain couples k with k +- 2 at most). */
    private static BlockMultigrid cycle(NodeBlockMatrix a, boolean colourMajor, Parallel par) {
        int nb = a.blockCount(), n = a.size();
        int[] starts = new int[nb + 1], colours = new int[nb];
        for (int k = 0; k <= nb; k++) starts[k] = a.blockStart(k);
        for (int k = 0; k < nb; k++) colours[k] = k % 3;
        // coarse space: the unknowns of the even blocks (injection; full column rank, so A_c is positive definite)
        int[] cStarts = new int[(nb + 1) / 2 + 1], ptr = new int[n + 1], cols = new int[n];
        double[] vals = new double[n];
        int nc = 0, m = 0;
        for (int k = 0; k < nb; k++) {
            if (k % 2 == 0) cStarts[k / 2] = nc;
            for (int i = starts[k]; i < starts[k + 1]; i++) {
                if (k % 2 == 0) { cols[m] = nc++; vals[m++] = 1; }
                ptr[i + 1] = m;
            }
        }
        cStarts[cStarts.length - 1] = nc;
        int[] cColours = new int[cStarts.length - 1];
        for (int k = 0; k < cColours.length; k++) cColours[k] = k % 3;
        var p = new BlockMultigrid.Prolongation(nc, ptr, java.util.Arrays.copyOf(cols, m), java.util.Arrays.copyOf(vals, m));
        return new BlockMultigrid(a, new BlockMultigrid.Blocks(starts, colours), List.of(p),
                List.of(new BlockMultigrid.Blocks(cStarts, cColours)), par, colourMajor);
    }

    @Test
    void colourByColourStorageGivesTheBlockOrdersCycleToTheBit() {
        Random rnd = new Random(11);
        NodeBlockMatrix a = NodeBlockMatrixTest.chain(90, rnd);
        int n = a.size();
        for (int threads : new int[]{1, 2})
            try (Parallel par = new Parallel(threads)) {
                BlockMultigrid ref = cycle(a, false, par), mg = cycle(a, true, par);
                BlockLevel lv = mg.level(0);
                // the layout: whole blocks, colour after colour, each block's values where the operator has them
                int v = 0, f = 0;
                for (int u = 0; u < lv.order.length; u++) {
                    int k = lv.order[u], s = lv.blocks[k + 1] - lv.blocks[k];
                    if (u > 0) assertTrue(k % 3 > lv.order[u - 1] % 3 || k > lv.order[u - 1], "colour by colour");
                    assertEquals(v, lv.fvStart[k]);
                    assertEquals(f, lv.factorStart[k]);
                    for (int i = 0; i < s * a.len[k]; i++) assertEquals((float) a.values[a.valStart[k] + i], lv.fv[v + i]);
                    v += s * a.len[k];
                    f += s * s;
                }
                assertEquals(lv.fv.length, v);
                double[] r1 = new double[n], r2 = new double[n];
                for (int i = 0; i < n; i++) { r1[i] = rnd.nextDouble() - 0.5; r2[i] = rnd.nextDouble(); }
                double[] z = new double[n], zRef = new double[n], z2 = new double[n], zRef2 = new double[n];
                mg.apply(r1, z);
                ref.apply(r1, zRef);
                for (int i = 0; i < n; i++) assertEquals(Double.doubleToLongBits(zRef[i]), Double.doubleToLongBits(z[i]));
                mg.apply2(r1, r2, z, z2);
                ref.apply2(r1, r2, zRef, zRef2);
                for (int i = 0; i < n; i++) {
                    assertEquals(Double.doubleToLongBits(zRef[i]), Double.doubleToLongBits(z[i]));
                    assertEquals(Double.doubleToLongBits(zRef2[i]), Double.doubleToLongBits(z2[i]));
                }
                // and the cycle is a preconditioner worth the name: it reduces the error of A x = r
                double[] ax = new double[n];
                a.apply(par, z, ax);
                double e0 = 0, e1 = 0;
                for (int i = 0; i < n; i++) { e0 += r1[i] * r1[i]; e1 += (r1[i] - ax[i]) * (r1[i] - ax[i]); }
                assertTrue(e1 < 0.5 * e0, "residual " + Math.sqrt(e1 / e0));
            }
    }
}
