package org.wafersim.linalg;

import java.util.Arrays;

/**
 * A sparse symmetric matrix in compressed-column form with both triangles stored (so a column is also a row and
 * y = A x runs column by column in parallel without write conflicts). The pattern is fixed at construction; values
 * are accumulated with {@link #add}. Used for assembled finite-element operators (the plate mechanics), which the
 * 7-point {@link Stencil7} cannot express.
 */
public final class SparseSymmetric implements SymmetricOperator {
    private final int n;
    private final int[] colPtr, rows;
    private final double[] values;

    /**
     * @param colPtr column starts, length n + 1
     * @param rows   row indices, sorted ascending within each column, the pattern symmetric
     */
    public SparseSymmetric(int[] colPtr, int[] rows) {
        this(colPtr.clone(), rows.clone(), true);
    }

    /** As the public constructor, taking the arrays over (no copy: the caller must not change them afterwards). */
    public static SparseSymmetric adopt(int[] colPtr, int[] rows) { return new SparseSymmetric(colPtr, rows, true); }

    private SparseSymmetric(int[] colPtr, int[] rows, boolean adopted) {
        this.n = colPtr.length - 1;
        this.colPtr = colPtr;
        this.rows = rows;
        if (colPtr[n] != rows.length) throw new IllegalArgumentException("column pointers do not match the row count");
        for (int c = 0; c < n; c++)
            for (int p = colPtr[c] + 1; p < colPtr[c + 1]; p++)
                if (rows[p] <= rows[p - 1]) throw new IllegalArgumentException("rows not sorted in column " + c);
        this.values = new double[rows.length];
    }

    @Override public int size() { return n; }

    public int nonZeros() { return rows.length; }

    /** A copy with its own values (same pattern, same values; the pattern, which never changes, is shared). */
    public SparseSymmetric copy() {
        SparseSymmetric c = new SparseSymmetric(colPtr, rows, true);   // the pattern is never changed: shared
        System.arraycopy(values, 0, c.values, 0, values.length);
        return c;
    }

    /** A[row][col] += v (the caller adds the symmetric entry too). */
    public void add(int row, int col, double v) {
        int p = Arrays.binarySearch(rows, colPtr[col], colPtr[col + 1], row);
        if (p < 0) throw new IllegalArgumentException("(" + row + ", " + col + ") is not in the pattern");
        values[p] += v;
    }

    /**
     * A[row][col] += v, where {@code hint} is a guess of the entry's position (the one after the previous entry of a
     * run of consecutive rows in the same column): checked first, a binary search otherwise. Returns the position.
     */
    public int add(int row, int col, double v, int hint) {
        int p = hint >= colPtr[col] && hint < colPtr[col + 1] && rows[hint] == row ? hint
                : Arrays.binarySearch(rows, colPtr[col], colPtr[col + 1], row);
        if (p < 0) throw new IllegalArgumentException("(" + row + ", " + col + ") is not in the pattern");
        values[p] += v;
        return p;
    }

    /** Where column {@code col}'s entries start in the value array ({@link #addAt} positions). */
    public int columnStart(int col) { return colPtr[col]; }

    /** The row of the entry at {@code position}. */
    public int rowAt(int position) { return rows[position]; }

    /** Adds v to the entry at {@code position} (a caller that knows the pattern's layout skips the search). */
    public void addAt(int position, double v) { values[position] += v; }

    public double get(int row, int col) {
        int p = Arrays.binarySearch(rows, colPtr[col], colPtr[col + 1], row);
        return p < 0 ? 0 : values[p];
    }

    public double diagonal(int i) { return get(i, i); }

    /** A := S A S with S = diag(s): symmetric scaling. */
    public void scale(double[] s) { scale(s, Parallel.serial()); }

    /** {@link #scale(double[])} by column blocks on {@code par} (each entry scaled once: the same numbers). */
    public void scale(double[] s, Parallel par) {
        par.forBlocks(n, (lo, hi) -> {
            for (int c = lo; c < hi; c++)
                for (int p = colPtr[c]; p < colPtr[c + 1]; p++) values[p] *= s[rows[p]] * s[c];
        });
    }

    @Override public void apply(Parallel par, double[] x, double[] y) {
        par.forBlocks(n, (lo, hi) -> {
            for (int c = lo; c < hi; c++) {
                double acc = 0;
                for (int p = colPtr[c]; p < colPtr[c + 1]; p++) acc += values[p] * x[rows[p]];
                y[c] = acc;
            }
        });
    }

    int[] colPtr() { return colPtr; }

    int[] rows() { return rows; }

    double[] values() { return values; }
}
