package org.wafersim.linalg;

import java.util.Arrays;

/**
 * A sparse symmetric matrix in node-block form (block compressed sparse column, both triangles stored): the unknowns
 * come in blocks (the degrees of freedom of a finite-element node, of varying size, possibly none), and block column
 * k couples with a sorted list of neighbouring blocks, each coupling a dense s_m x s_k block. Block column k is
 * stored as s_k dense columns of len_k = sum of its neighbours' sizes rows each, column after column, the rows of
 * each neighbour consecutive and the neighbours in ascending order: the layout of a compressed-column matrix whose
 * columns of one node share their rows (entry (row, col) at the same place as there), with one index per block
 * pair instead of one per entry. See Saad, Iterative Methods for Sparse Linear Systems (2nd ed., 2003), section
 * 3.4 (block sparse row format).
 *
 * <p>The product y = A x gathers a block column's x once (its neighbours' unknowns, contiguous runs) and sums each
 * row over its entries in ascending row order, by fixed chunks of blocks: the result does not depend on the thread
 * count.
 */
public final class NodeBlockMatrix implements SymmetricOperator {
    /** Blocks per parallel task. */
    static final int CHUNK = 256;

    private final int n;
    final int[] start;      // block k's unknowns are [start[k], start[k + 1])
    final int[] nbrPtr;     // block k's neighbours are nbr[nbrPtr[k] .. nbrPtr[k + 1])
    final int[] nbr;        // ascending; a non-empty block is its own neighbour; empty blocks are nobody's
    final int[] nbrOff;     // where neighbour entry q's rows start in its block column
    final int[] len;        // rows of each column of block k
    final int[] valStart;   // column d of block k is values[valStart[k] + d * len[k] ...]
    final int[] diagAt;     // the entry q of block k in its own list (-1 for an empty block)
    final int[] blockOf;    // the block of each unknown
    final double[] values;

    /**
     * @param start  block starts, length blocks + 1, non-decreasing
     * @param nbrPtr neighbour list starts, length blocks + 1
     * @param nbr    neighbour blocks of each block, ascending, symmetric (m in k's list iff k in m's), each non-empty
     *               block in its own list, no empty block in any
     */
    public NodeBlockMatrix(int[] start, int[] nbrPtr, int[] nbr) {
        int nb = start.length - 1;
        if (nbrPtr.length != nb + 1 || nbrPtr[nb] != nbr.length)
            throw new IllegalArgumentException("neighbour pointers do not match the blocks");
        this.n = start[nb];
        this.start = start;
        this.nbrPtr = nbrPtr;
        this.nbr = nbr;
        nbrOff = new int[nbr.length];
        len = new int[nb];
        valStart = new int[nb + 1];
        diagAt = new int[nb];
        blockOf = new int[n];
        long total = 0;
        for (int k = 0; k < nb; k++) {
            int s = start[k + 1] - start[k], o = 0;
            if (s < 0) throw new IllegalArgumentException("block " + k + " has a negative size");
            Arrays.fill(blockOf, start[k], start[k + 1], k);
            diagAt[k] = -1;
            for (int q = nbrPtr[k]; q < nbrPtr[k + 1]; q++) {
                int m = nbr[q];
                if (q > nbrPtr[k] && m <= nbr[q - 1]) throw new IllegalArgumentException("neighbours of block " + k + " not ascending");
                if (start[m + 1] == start[m]) throw new IllegalArgumentException("empty block " + m + " is a neighbour");
                if (m == k) diagAt[k] = q;
                nbrOff[q] = o;
                o += start[m + 1] - start[m];
            }
            if (s > 0 && diagAt[k] < 0) throw new IllegalArgumentException("block " + k + " is not its own neighbour");
            if (s == 0 && nbrPtr[k + 1] > nbrPtr[k]) throw new IllegalArgumentException("empty block " + k + " has neighbours");
            len[k] = o;
            valStart[k] = (int) total;
            total += (long) s * o;
            if (total > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("matrix too large: " + total + " non-zeros");
        }
        valStart[nb] = (int) total;
        values = new double[(int) total];
    }

    @Override public int size() { return n; }

    public int blockCount() { return start.length - 1; }

    /** The first unknown of block k (k = blockCount(): the size). */
    public int blockStart(int k) { return start[k]; }

    public int nonZeros() { return values.length; }

    /** Where column {@code col}'s entries start in the value array. */
    public int columnStart(int col) {
        int k = blockOf[col];
        return valStart[k] + (col - start[k]) * len[k];
    }

    /** The position of block m's rows in the columns of block k, or -1 if they are not coupled. */
    public int offset(int k, int m) {
        int q = Arrays.binarySearch(nbr, nbrPtr[k], nbrPtr[k + 1], m);
        return q < 0 ? -1 : nbrOff[q];
    }

    /** The row of the entry at {@code position} (checks of callers that compute positions). */
    public int rowAt(int position) {
        int k = Arrays.binarySearch(valStart, position);
        if (k < 0) k = -k - 2;
        while (start[k + 1] == start[k] || valStart[k + 1] <= position) k++;   // skip empty blocks
        int o = (position - valStart[k]) % len[k];
        int q = Arrays.binarySearch(nbrOff, nbrPtr[k], nbrPtr[k + 1], o);
        if (q < 0) q = -q - 2;
        return start[nbr[q]] + o - nbrOff[q];
    }

    /** The entry at {@code position}. */
    public double valueAt(int position) { return values[position]; }

    /** Adds v to the entry at {@code position}. */
    public void addAt(int position, double v) { values[position] += v; }

    /** values[position + t] += src[from + t] for t < count (a run of rows of one column). */
    public void addRun(int position, double[] src, int from, int count) {
        for (int t = 0; t < count; t++) values[position + t] += src[from + t];
    }

    /** The position of entry (row, col), or -1 outside the pattern. */
    private int position(int row, int col) {
        int k = blockOf[col], m = blockOf[row], o = offset(k, m);
        return o < 0 ? -1 : columnStart(col) + o + row - start[m];
    }

    public double get(int row, int col) {
        int p = position(row, col);
        return p < 0 ? 0 : values[p];
    }

    /** A[row][col] += v (the caller adds the symmetric entry too). */
    public void add(int row, int col, double v) {
        int p = position(row, col);
        if (p < 0) throw new IllegalArgumentException("(" + row + ", " + col + ") is not in the pattern");
        values[p] += v;
    }

    public double diagonal(int i) {
        int k = blockOf[i];
        return values[valStart[k] + (i - start[k]) * len[k] + nbrOff[diagAt[k]] + i - start[k]];
    }

    /** A := S A S with S = diag(s), by block columns on {@code par} (each entry scaled once: the same numbers). */
    public void scale(double[] s, Parallel par) {
        int nb = blockCount();
        par.forEach((nb + CHUNK - 1) / CHUNK, values.length, ch -> {
            for (int k = ch * CHUNK, end = Math.min(nb, k + CHUNK); k < end; k++)
                for (int c = start[k]; c < start[k + 1]; c++) {
                    int p = valStart[k] + (c - start[k]) * len[k];
                    for (int q = nbrPtr[k]; q < nbrPtr[k + 1]; q++) {
                        int m = nbr[q];
                        for (int r = start[m]; r < start[m + 1]; r++) values[p++] *= s[r] * s[c];
                    }
                }
        });
    }

    /** x's entries of block k's neighbours into g, in the order of the block's rows. */
    void gather(int k, double[] x, double[] g) {
        for (int q = nbrPtr[k]; q < nbrPtr[k + 1]; q++) {
            int m = nbr[q];
            System.arraycopy(x, start[m], g, nbrOff[q], start[m + 1] - start[m]);
        }
    }

    /** y = A x in double precision: each row summed over its entries in ascending order. */
    @Override public void apply(Parallel p, double[] x, double[] y) {
        int nb = blockCount();
        p.forEach((nb + CHUNK - 1) / CHUNK, ch -> {
            double[] xg = new double[256];
            for (int k = ch * CHUNK, end = Math.min(nb, k + CHUNK); k < end; k++) {
                int lo = start[k], hi = start[k + 1];
                if (hi == lo) continue;
                if (xg.length < len[k]) xg = new double[len[k]];
                gather(k, x, xg);
                DenseBlocks.blockProducts(values, valStart[k], len[k], hi - lo, xg, lo, y);
            }
        });
    }

    /** As {@link #apply} for two vectors at once: each matrix entry is loaded once for both. */
    @Override public void apply2(Parallel p, double[] x1, double[] x2, double[] y1, double[] y2) {
        int nb = blockCount();
        p.forEach((nb + CHUNK - 1) / CHUNK, ch -> {
            double[] g1 = new double[256], g2 = new double[256];
            for (int k = ch * CHUNK, end = Math.min(nb, k + CHUNK); k < end; k++) {
                int lo = start[k], hi = start[k + 1];
                if (hi == lo) continue;
                if (g1.length < len[k]) { g1 = new double[len[k]]; g2 = new double[len[k]]; }
                gather(k, x1, g1);
                gather(k, x2, g2);
                DenseBlocks.blockProducts2(values, valStart[k], len[k], hi - lo, g1, g2, lo, y1, y2);
            }
        });
    }

    /** The same matrix in compressed-column form (for a sparse Cholesky factor of a small system). */
    public SparseSymmetric toSparse() {
        int nb = blockCount();
        int[] colPtr = new int[n + 1];
        int[] rows = new int[values.length];
        for (int k = 0; k < nb; k++)
            for (int c = start[k]; c < start[k + 1]; c++) {
                int p = valStart[k] + (c - start[k]) * len[k];
                colPtr[c] = p;
                for (int q = nbrPtr[k]; q < nbrPtr[k + 1]; q++)
                    for (int r = start[nbr[q]]; r < start[nbr[q] + 1]; r++) rows[p++] = r;
            }
        colPtr[n] = values.length;
        SparseSymmetric s = SparseSymmetric.adopt(colPtr, rows);
        System.arraycopy(values, 0, s.values(), 0, values.length);
        return s;
    }
}
