package org.wafersim.mechanics;

import java.util.Arrays;
import org.wafersim.linalg.Parallel;
import org.wafersim.linalg.SparseSymmetric;

/**
 * The plate stiffness's sparsity and where assembly puts each entry: every dof of a node couples with every dof of its
 * 3 x 3 neighbouring nodes (bicubic elements share nodes with their eight neighbours), so a column's rows, and the
 * position of a node pair's block in it, follow from the node numbering without a search.
 */
final class StiffnessPattern {
    private StiffnessPattern() { }

    /** The pattern: every dof of a node couples with every dof of the 3 x 3 neighbouring nodes. */
    static SparseSymmetric of(PlateMesh mesh, int[] nodeFirst, int[] nodeCount, int n, Parallel par) {
        int nNodes = mesh.nodes();
        int nxn = mesh.nx + 1, nyn = mesh.ny + 1;
        int[] colPtr = new int[n + 1];
        int[][] nodeRows = new int[nNodes][];
        par.forEach(nNodes, (long) nNodes * 16, node -> {
            if (nodeCount[node] == 0) return;
            int i = node % nxn, j = node / nxn;
            int cnt = 0;
            for (int dj = -1; dj <= 1; dj++)
                for (int di = -1; di <= 1; di++) {
                    int ii = i + di, jj = j + dj;
                    if (ii < 0 || jj < 0 || ii >= nxn || jj >= nyn) continue;
                    cnt += nodeCount[jj * nxn + ii];
                }
            int[] rows = new int[cnt];
            int p = 0;
            for (int dj = -1; dj <= 1; dj++)
                for (int di = -1; di <= 1; di++) {
                    int ii = i + di, jj = j + dj;
                    if (ii < 0 || jj < 0 || ii >= nxn || jj >= nyn) continue;
                    int nb = jj * nxn + ii;
                    for (int m = 0; m < nodeCount[nb]; m++) rows[p++] = nodeFirst[nb] + m;
                }
            Arrays.sort(rows);
            nodeRows[node] = rows;
        });
        long nnz = 0;
        for (int node = 0; node < nNodes; node++)
            if (nodeCount[node] > 0) nnz += (long) nodeRows[node].length * nodeCount[node];
        if (nnz > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("mechanics system too large: " + nnz + " non-zeros");
        int[] colNode = new int[n];
        for (int node = 0; node < nNodes; node++)
            for (int m = 0; m < nodeCount[node]; m++) colNode[nodeFirst[node] + m] = node;
        for (int c = 0; c < n; c++) colPtr[c + 1] = colPtr[c] + nodeRows[colNode[c]].length;
        int[] rowIdx = new int[(int) nnz];
        par.forBlocks(n, (lo, hi) -> {
            for (int c = lo; c < hi; c++) {
                int[] rows = nodeRows[colNode[c]];
                System.arraycopy(rows, 0, rowIdx, colPtr[c], rows.length);
            }
        });
        return SparseSymmetric.adopt(colPtr, rowIdx);
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
     * Adds element matrices to the stiffness at the positions {@link Slots} gives for the current element's nodes,
     * entry by entry in the order (column, then row) a search-based scatter would use, so the sums are the same.
     */
    static final class Scatter {
        final SparseSymmetric k;
        final Slots slots;
        final int[] off;
        int[] nodes;
        final double[] row = new double[2 * PlateElement.N];
        final int[] g = new int[2 * PlateElement.N];

        Scatter(SparseSymmetric k, Slots slots, int[] off) {
            this.k = k;
            this.slots = slots;
            this.off = off;
        }

        /** k[gr[y]][gc[x]] += ke[y * N + x] over the element's local dofs (-1: fixed or absent). */
        void add(double[] ke, int[] gr, int[] gc) {
            int n = PlateElement.N;
            for (int x = 0; x < n; x++) {
                int col = gc[x];
                if (col < 0) continue;
                int base = k.columnStart(col), ox = (x / PlateModel.DOFS) * 4;
                for (int y = 0; y < n; y++) {
                    int rw = gr[y];
                    if (rw < 0) continue;
                    double v = ke[y * n + x];
                    if (v != 0) put(base + off[ox + y / PlateModel.DOFS] + rw - slots.nodeFirst[nodes[y / PlateModel.DOFS]], rw, v);
                }
            }
        }

        /** Adds w * row^T row for the slip row = (u_a + da w_a,x) - (u_b - db w_b,x) at the element centre. */
        void shear(double[] uRow, double[] wRow, double da, double db, int[] ga, int[] gb, double w) {
            int n = PlateElement.N;
            for (int l = 0; l < n; l++) {
                row[l] = uRow[l] + da * wRow[l];
                row[n + l] = -uRow[l] + db * wRow[l];
                g[l] = ga[l];
                g[n + l] = gb[l];
            }
            for (int x = 0; x < 2 * n; x++) {
                if (row[x] == 0 || g[x] < 0) continue;
                int base = k.columnStart(g[x]), ox = ((x % n) / PlateModel.DOFS) * 4;
                for (int y = 0; y < 2 * n; y++) {
                    if (row[y] == 0 || g[y] < 0) continue;
                    int ly = (y % n) / PlateModel.DOFS;
                    put(base + off[ox + ly] + g[y] - slots.nodeFirst[nodes[ly]], g[y], w * row[x] * row[y]);
                }
            }
        }

        private void put(int position, int rw, double v) {
            assert k.rowAt(position) == rw : "stiffness slot of row " + rw;
            k.addAt(position, v);
        }
    }
}
