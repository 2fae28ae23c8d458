package org.wafersim.mechanics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wafersim.linalg.BlockMultigrid;
import org.wafersim.linalg.NestedDissection;
import org.wafersim.linalg.Parallel;
import org.wafersim.linalg.NodeBlockMatrix;

/**
 * The geometric multigrid hierarchy of a {@link PlateModel}: coarser meshes made by dropping every other node line
 * between kept lines, and the prolongations between their finite-element spaces, for {@link BlockMultigrid}
 * (Trottenberg, Oosterlee &amp; Schueller, Multigrid, 2001, ch. 2; Brenner &amp; Scott, The Mathematical Theory of
 * Finite Element Methods, 3rd ed., 2008, ch. 6).
 *
 * <p>Kept lines: the mesh's breakpoints, every line across which the set of layers covering the elements changes
 * (so each coarse element is uniform and laminate presence is preserved), and the lines through point supports (a
 * fixed node whose neighbour along the axis is not fixed alike), so that pins, slots and bosses stay nodes of every
 * level. The meshes are nested, so the coarse spaces are subspaces of the fine one: a fine node's dofs are the
 * coarse element's shape functions evaluated there, bilinear for u, v and, for the Bogner-Fox-Schmit w, the
 * bicubic Hermite w, w_x, w_y, w_xy (tensor products of 1-D cubic Hermite values and slopes), which is exact.
 *
 * <p>Constraints: a coarse dof exists where its node's fine counterpart is a free dof. Since the coarse node is a
 * fine node and the Hermite/bilinear interpolation reproduces nodal values there, the prolongation restricted to the
 * fine free dofs contains the identity on the coarse dofs, so it has full column rank and the Galerkin operator
 * P^T K P is positive definite. Fixed fine dofs at nodes that do not survive (the inner nodes of a clamped rim)
 * are dropped rows; there the coarse functions vanish anyway (all dofs of the rim nodes on both sides are zero).
 */
final class PlateHierarchy {
    private PlateHierarchy() { }

    private static final int DOFS = PlateModel.DOFS;
    /** More levels than this would mean the coarsening stalls; the coarsest level is then solved directly. */
    private static final int MAX_LEVELS = 16;

    /**
     * One level: its mesh, dof numbering (laminate, node*6+q; -1 fixed or absent), laminate presence at nodes, the
     * layer-set id of each element, the number of unknowns and the node blocks (null on the fine level).
     */
    private record Level(PlateMesh mesh, int[][] dof, boolean[][] lamNode, int[] elemSig, int n,
                         BlockMultigrid.Blocks blocks) { }

    /**
     * Builds the hierarchy below the fine level and the multigrid on the scaled fine operator {@code k}.
     *
     * @param dof    the fine numbering
     * @param sc     the fine unit-diagonal scaling (k = S K S, its unknowns y = x / sc)
     */
    static BlockMultigrid build(PlateModel m, NodeBlockMatrix k, int[][] dof, double[] sc,
                                int coarsestLimit, Parallel par) {
        long t0 = System.nanoTime();
        int[] fineOrder = NestedDissection.order(m.mesh().nx + 1, m.mesh().ny + 1, 1);
        PlateMesh mesh = m.mesh();
        int[] sig = signatures(m, mesh);
        Level cur = new Level(mesh, dof, m.lamNode, sig, k.size(), null);
        List<BlockMultigrid.Prolongation> ps = new ArrayList<>();
        List<BlockMultigrid.Blocks> cblocks = new ArrayList<>();
        boolean first = true;
        while (cur.n() > coarsestLimit && ps.size() + 1 < MAX_LEVELS) {
            PlateMesh f = cur.mesh();
            boolean[] keepX = new boolean[f.nx + 1], keepY = new boolean[f.ny + 1];
            keptLines(cur, keepX, keepY);
            int[] ix = PlateMesh.coarseLines(keepX), iy = PlateMesh.coarseLines(keepY);
            if (ix.length == f.nx + 1 && iy.length == f.ny + 1) break;   // nothing left to drop
            Level c = coarsen(cur, ix, iy);
            ps.add(prolongation(cur, c, ix, iy, first ? sc : null));
            cblocks.add(c.blocks());
            first = false;
            cur = c;
        }
        if (PlateModel.TRACE) System.err.printf("mechanics: %d coarse meshes and prolongations %.3f s%n", ps.size(),
                (System.nanoTime() - t0) / 1e9);
        int[] blocks = new int[k.blockCount() + 1];
        for (int t = 0; t <= k.blockCount(); t++) blocks[t] = k.blockStart(t);
        return new BlockMultigrid(k, new BlockMultigrid.Blocks(blocks, colours(m.mesh(), fineOrder)), ps, cblocks, par);
    }

    /**
     * Colours of the nodes taken in {@code order}: (i mod 2) + 2 (j mod 2), so that nodes of one colour are never
     * neighbours (a node couples with its 3 x 3 neighbourhood only).
     */
    private static int[] colours(PlateMesh mesh, int[] order) {
        int[] c = new int[order.length];
        for (int t = 0; t < order.length; t++) {
            int node = order[t], i = node % (mesh.nx + 1), j = node / (mesh.nx + 1);
            c[t] = (i % 2) + 2 * (j % 2);
        }
        return c;
    }

    /** Per element, an id of the set of stack layers covering its centre. */
    private static int[] signatures(PlateModel m, PlateMesh mesh) {
        Map<BitSet, Integer> ids = new HashMap<>();
        int[] sig = new int[mesh.elements()];
        List<StackLayer> layers = m.layers();
        for (int j = 0; j < mesh.ny; j++)
            for (int i = 0; i < mesh.nx; i++) {
                BitSet b = new BitSet(layers.size());
                for (int l = 0; l < layers.size(); l++) if (layers.get(l).covers(mesh.xc(i), mesh.yc(j))) b.set(l);
                sig[mesh.element(i, j)] = ids.computeIfAbsent(b, x -> ids.size());
            }
        return sig;
    }

    /** Lines that the coarse mesh must keep: breakpoints, footprint edges and lines through point supports. */
    private static void keptLines(Level lv, boolean[] keepX, boolean[] keepY) {
        PlateMesh f = lv.mesh();
        for (int i = 0; i <= f.nx; i++) keepX[i] = f.isBreakX(i);
        for (int j = 0; j <= f.ny; j++) keepY[j] = f.isBreakY(j);
        int[] sig = lv.elemSig();
        for (int j = 0; j < f.ny; j++)
            for (int i = 1; i < f.nx; i++) if (sig[f.element(i - 1, j)] != sig[f.element(i, j)]) keepX[i] = true;
        for (int j = 1; j < f.ny; j++)
            for (int i = 0; i < f.nx; i++) if (sig[f.element(i, j - 1)] != sig[f.element(i, j)]) keepY[j] = true;
        int nLam = lv.dof().length;
        for (int a = 0; a < nLam; a++)
            for (int j = 0; j <= f.ny; j++)
                for (int i = 0; i <= f.nx; i++) {
                    int mask = fixedMask(lv, a, i, j);
                    if (mask <= 0) continue;
                    if (fixedMask(lv, a, i - 1, j) != mask || fixedMask(lv, a, i + 1, j) != mask) keepX[i] = true;
                    if (fixedMask(lv, a, i, j - 1) != mask || fixedMask(lv, a, i, j + 1) != mask) keepY[j] = true;
                }
    }

    /** Bit q set where dof q of laminate a at node (i, j) is fixed; -1 off the mesh or where a is absent. */
    private static int fixedMask(Level lv, int a, int i, int j) {
        PlateMesh f = lv.mesh();
        if (i < 0 || j < 0 || i > f.nx || j > f.ny) return -1;
        int node = f.node(i, j);
        if (!lv.lamNode()[a][node]) return -1;
        int mask = 0;
        for (int q = 0; q < DOFS; q++) if (lv.dof()[a][node * DOFS + q] < 0) mask |= 1 << q;
        return mask;
    }

    /** The coarse level on lines ix, iy, its nodes numbered in nested-dissection order (for the coarsest factor). */
    private static Level coarsen(Level f, int[] ix, int[] iy) {
        PlateMesh fm = f.mesh(), cm = fm.subMesh(ix, iy);
        int nLam = f.dof().length, nNodes = cm.nodes();
        boolean[][] lamNode = new boolean[nLam][nNodes];
        int[][] dof = new int[nLam][nNodes * DOFS];
        for (int[] d : dof) Arrays.fill(d, -1);
        int[] order = NestedDissection.order(cm.nx + 1, cm.ny + 1, 1);
        int[] blocks = new int[order.length + 1];
        int n = 0;
        for (int t = 0; t < order.length; t++) {
            int node = order[t];
            int fn = fm.node(ix[node % (cm.nx + 1)], iy[node / (cm.nx + 1)]);
            blocks[t] = n;
            for (int a = 0; a < nLam; a++) {
                lamNode[a][node] = f.lamNode()[a][fn];
                if (!lamNode[a][node]) continue;
                for (int q = 0; q < DOFS; q++) if (f.dof()[a][fn * DOFS + q] >= 0) dof[a][node * DOFS + q] = n++;
            }
        }
        blocks[order.length] = n;
        int[] sig = new int[cm.elements()];
        for (int j = 0; j < cm.ny; j++)
            for (int i = 0; i < cm.nx; i++) sig[cm.element(i, j)] = f.elemSig()[fm.element(ix[i], iy[j])];
        return new Level(cm, dof, lamNode, sig, n, new BlockMultigrid.Blocks(blocks, colours(cm, order)));
    }

    /**
     * 1-D transfer of a fine line to the coarse lines: the coarse interval [c0, c0 + 1] holding it, the linear
     * weights lin[e] of its ends e and the Hermite weights herm[e][o][s] (derivative order o at the fine point of
     * the coarse end e's value s = 0 or slope s = 1). A fine line on a coarse line takes that line alone.
     */
    private record Axis(int[] c0, double[][] lin, double[][][][] herm) { }

    private static Axis axis(double[] fine, double[] coarseX, int[] kept) {
        int nf = fine.length;
        int[] c0 = new int[nf];
        double[][] lin = new double[nf][2];
        double[][][][] herm = new double[nf][2][2][2];
        int c = 0;
        double[] h = new double[6];
        for (int i = 0; i < nf; i++) {
            while (c + 1 < kept.length && kept[c + 1] <= i) c++;
            if (kept[c] == i) {
                // on a coarse line: the coarse dofs there, nothing from the next line
                c0[i] = Math.min(c, kept.length - 2);
                int e = c == c0[i] ? 0 : 1;
                lin[i][e] = 1;
                herm[i][e][0][0] = 1;
                herm[i][e][1][1] = 1;
                continue;
            }
            c0[i] = c;
            double len = coarseX[c + 1] - coarseX[c], s = (fine[i] - coarseX[c]) / len;
            lin[i][0] = 1 - s;
            lin[i][1] = s;
            for (int e = 0; e < 2; e++) {
                PlateElement.hermite(e, s, len, h);
                herm[i][e][0][0] = h[0];
                herm[i][e][0][1] = h[3];
                herm[i][e][1][0] = h[1];
                herm[i][e][1][1] = h[4];
            }
        }
        return new Axis(c0, lin, herm);
    }

    /** Derivative orders (in x, in y) of the w dofs W, WX, WY, WXY (q = 2..5). */
    private static final int[] OX = {0, 0, 0, 1, 0, 1}, OY = {0, 0, 0, 0, 1, 1};

    /**
     * The prolongation from level c to level f (rows: f's unknowns; with {@code sc}, rows divided by the fine
     * scaling, for the scaled fine operator).
     */
    private static BlockMultigrid.Prolongation prolongation(Level f, Level c, int[] ix, int[] iy, double[] sc) {
        PlateMesh fm = f.mesh(), cm = c.mesh();
        Axis ax = axis(fm.xs(), cm.xs(), ix), ay = axis(fm.ys(), cm.ys(), iy);
        int nLam = f.dof().length;
        int[][] rowCols = new int[f.n()][];
        double[][] rowVals = new double[f.n()][];
        int[] cols = new int[64];
        double[] vals = new double[64];
        for (int j = 0; j <= fm.ny; j++)
            for (int i = 0; i <= fm.nx; i++) {
                int fn = fm.node(i, j);
                for (int a = 0; a < nLam; a++) {
                    if (!f.lamNode()[a][fn]) continue;
                    for (int q = 0; q < DOFS; q++) {
                        int g = f.dof()[a][fn * DOFS + q];
                        if (g < 0) continue;
                        int m = 0;
                        for (int ey = 0; ey < 2; ey++)
                            for (int ex = 0; ex < 2; ex++) {
                                int cn = cm.node(ax.c0()[i] + ex, ay.c0()[j] + ey);
                                int[] cd = c.dof()[a];
                                if (q < 2) {
                                    double w = ax.lin()[i][ex] * ay.lin()[j][ey];
                                    int col = cd[cn * DOFS + q];
                                    if (w != 0 && col >= 0) { cols[m] = col; vals[m++] = w; }
                                } else {
                                    for (int sq = 2; sq < DOFS; sq++) {
                                        double w = ax.herm()[i][ex][OX[q]][OX[sq]] * ay.herm()[j][ey][OY[q]][OY[sq]];
                                        int col = cd[cn * DOFS + sq];
                                        if (w != 0 && col >= 0) { cols[m] = col; vals[m++] = w; }
                                    }
                                }
                            }
                        double rs = sc == null ? 1 : 1 / sc[g];
                        for (int t = 0; t < m; t++) vals[t] *= rs;
                        rowCols[g] = Arrays.copyOf(cols, m);
                        rowVals[g] = Arrays.copyOf(vals, m);
                    }
                }
            }
        int[] ptr = new int[f.n() + 1];
        for (int g = 0; g < f.n(); g++) ptr[g + 1] = ptr[g] + rowCols[g].length;
        int[] pc = new int[ptr[f.n()]];
        double[] pv = new double[ptr[f.n()]];
        for (int g = 0; g < f.n(); g++) {
            System.arraycopy(rowCols[g], 0, pc, ptr[g], rowCols[g].length);
            System.arraycopy(rowVals[g], 0, pv, ptr[g], rowVals[g].length);
        }
        return new BlockMultigrid.Prolongation(c.n(), ptr, pc, pv);
    }
}
