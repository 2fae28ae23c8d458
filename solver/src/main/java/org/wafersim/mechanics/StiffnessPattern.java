package org.wafersim.mechanics;

import java.util.Arrays;
import org.wafersim.linalg.NodeBlockMatrix;

/**
 * The plate stiffness's sparsity and where assembly puts each entry: every dof of a node couples with every dof of its
 * 3 x 3 neighbouring nodes (bicubic elements share nodes with their eight neighbours), so the stiffness is held in
 * node blocks ({@link NodeBlockMatrix}: one index per node pair, not per entry), and the position of a node pair's
 * block in a column follows from the node numbering without a search.
 */
final class StiffnessPattern {
    private StiffnessPattern() { }

    /**
     * The pattern in node blocks (one block per node, in the numbering's order {@code order}): every dof of a node
     * couples with every dof of the 3 x 3 neighbouring nodes that have unknowns.
     */
    static NodeBlockMatrix of(PlateMesh mesh, int[] order, int[] nodeFirst, int[] nodeCount, int n) {
        int nNodes = mesh.nodes();
        int nxn = mesh.nx + 1, nyn = mesh.ny + 1;
        int[] pos = new int[nNodes], start = new int[nNodes + 1], ptr = new int[nNodes + 1], nbr = new int[9 * nNodes];
        for (int t = 0; t < nNodes; t++) {
            pos[order[t]] = t;
            start[t] = nodeFirst[order[t]];
        }
        start[nNodes] = n;
        int m = 0;
        for (int t = 0; t < nNodes; t++) {
            int node = order[t];
            if (nodeCount[node] > 0) {
                int i = node % nxn, j = node / nxn, m0 = m;
                for (int dj = -1; dj <= 1; dj++)
                    for (int di = -1; di <= 1; di++) {
                        int ii = i + di, jj = j + dj;
                        if (ii < 0 || jj < 0 || ii >= nxn || jj >= nyn || nodeCount[jj * nxn + ii] == 0) continue;
                        nbr[m++] = pos[jj * nxn + ii];
                    }
                Arrays.sort(nbr, m0, m);
            }
            ptr[t + 1] = m;
        }
        return new NodeBlockMatrix(start, ptr, Arrays.copyOf(nbr, m));
    }

    /**
     * Where a node pair's entries sit in the stiffness: a column of node N holds the rows of N's 3 x 3 neighbours,
     * each neighbour's dofs consecutive, neighbours in the order of their first unknown ({@link #of}); so the
     * entry (row of node M, column c of node N) is at columnStart(c) + offset(N, M) + (row - first(M)).
     * Assembly adds straight to that position instead of searching the column.
     */
    static final class Slots {
        final PlateMesh mesh;
        final int[] nodeFirst, nodeCount;

        Slots(PlateMesh mesh, int[] nodeFirst, int[] nodeCount) {
            this.mesh = mesh;
            this.nodeFirst = nodeFirst;
            this.nodeCount = nodeCount;
        }

        /** off[x * 4 + y] = offset of node y's rows in the columns of node x, for the element's four nodes. */
        void offsets(int[] nodes, int[] off) {
            int nxn = mesh.nx + 1, nyn = mesh.ny + 1;
            for (int x = 0; x < 4; x++) {
                int nd = nodes[x], i = nd % nxn, j = nd / nxn;
                for (int y = 0; y < 4; y++) {
                    int first = nodeFirst[nodes[y]], o = 0;
                    for (int dj = -1; dj <= 1; dj++)
                        for (int di = -1; di <= 1; di++) {
                            int ii = i + di, jj = j + dj;
                            if (ii < 0 || jj < 0 || ii >= nxn || jj >= nyn) continue;
                            int nb = jj * nxn + ii;
                            if (nodeFirst[nb] < first) o += nodeCount[nb];
                        }
                    off[x * 4 + y] = o;
                }
            }
        }
    }

    /**
     * The stiffness of one element gathered over its laminates and interlayers into a dense matrix of the element's
     * four nodes' unknowns (column-major, node x's unknowns at x * MAX), then added to the stiffness node pair by
     * node pair at the positions {@link Slots} gives: contiguous runs into the node blocks instead of one searched
     * or computed position per term, and each stiffness entry touched once per element. Every entry receives its
     * elements in the order of the (serial) row loop, so the sums do not depend on the thread count.
     */
    static final class Scatter {
        final NodeBlockMatrix k;
        final Slots slots;
        final int[] off;
        int[] nodes;
        private final int max, dim;
        final double[] e;
        private final int[] loc = new int[PlateElement.N], locB = new int[PlateElement.N];
        private final double[] row = new double[2 * PlateElement.N];
        private final int[] g = new int[2 * PlateElement.N];

        /** @param maxPerNode the most unknowns a node has (6 per laminate) */
        Scatter(NodeBlockMatrix k, Slots slots, int[] off, int maxPerNode) {
            this.k = k;
            this.slots = slots;
            this.off = off;
            this.max = maxPerNode;
            this.dim = 4 * maxPerNode;
            this.e = new double[dim * dim];
        }

        /** Starts a new element on {@code nodes} (whose offsets are in {@code off}). */
        void begin(int[] nodes) {
            this.nodes = nodes;
            java.util.Arrays.fill(e, 0);
        }

        /** The element-local index of each of the element's local dofs gl (-1: fixed or absent). */
        private void local(int[] gl, int[] out) {
            int n = PlateElement.N;
            for (int l = 0; l < n; l++) {
                int ln = l / PlateModel.DOFS;
                out[l] = gl[l] < 0 ? -1 : ln * max + gl[l] - slots.nodeFirst[nodes[ln]];
            }
        }

        /** E[gr[y]][gc[x]] += ke[y * N + x] over the element's local dofs (-1: fixed or absent). */
        void add(double[] ke, int[] gr, int[] gc) {
            int n = PlateElement.N;
            local(gr, loc);
            int[] lc = loc;
            if (gc != gr) {
                local(gc, locB);
                lc = locB;
            }
            for (int x = 0; x < n; x++) {
                if (lc[x] < 0) continue;
                int base = lc[x] * dim;
                for (int y = 0; y < n; y++) if (loc[y] >= 0) e[base + loc[y]] += ke[y * n + x];
            }
        }

        /** Adds w * row^T row for the slip row = (u_a + da w_a,x) - (u_b - db w_b,x) at the element centre. */
        void shear(double[] uRow, double[] wRow, double da, double db, int[] ga, int[] gb, double w) {
            int n = PlateElement.N;
            local(ga, loc);
            local(gb, locB);
            for (int l = 0; l < n; l++) {
                row[l] = uRow[l] + da * wRow[l];
                row[n + l] = -uRow[l] + db * wRow[l];
                g[l] = loc[l];
                g[n + l] = locB[l];
            }
            for (int x = 0; x < 2 * n; x++) {
                if (row[x] == 0 || g[x] < 0) continue;
                int base = g[x] * dim;
                for (int y = 0; y < 2 * n; y++) {
                    if (row[y] == 0 || g[y] < 0) continue;
                    e[base + g[y]] += w * row[x] * row[y];
                }
            }
        }

        /** Adds the element's matrix to the stiffness, node pair by node pair. */
        void end() {
            for (int x = 0; x < 4; x++) {
                int nx = nodes[x], first = slots.nodeFirst[nx], sx = slots.nodeCount[nx];
                for (int cx = 0; cx < sx; cx++) {
                    int col = k.columnStart(first + cx), eb = (x * max + cx) * dim;
                    for (int y = 0; y < 4; y++) {
                        int sy = slots.nodeCount[nodes[y]];
                        if (sy > 0) k.addRun(col + off[x * 4 + y], e, eb + y * max, sy);
                    }
                }
            }
        }
    }
}
