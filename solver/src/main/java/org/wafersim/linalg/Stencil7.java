package org.wafersim.linalg;

/**
 * A symmetric positive definite 7-point operator on an nx x ny x nz box of cells (flat index (k*ny + j)*nx + i):
 * <pre>
 *   (A x)_c = diag_c x_c - sum over the six neighbours n of g_cn x_n,   diag_c = gb_c + sum_n g_cn
 * </pre>
 * the finite-volume form of -div(k grad T) with face conductances g (W/K) and a boundary conductance gb (W/K) per
 * cell (convective or fixed-temperature faces). {@code gx[c]} couples c with its +x neighbour (zero on the last
 * column), likewise {@code gy}, {@code gz}. Inactive cells (void) are identity rows with no coupling, so one box
 * array carries any layered geometry.
 */
public final class Stencil7 implements SymmetricOperator {
    public final int nx, ny, nz;
    public final double[] gx, gy, gz, gb, diag;
    public final boolean[] active;

    public Stencil7(int nx, int ny, int nz) {
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        int n = Math.multiplyExact(Math.multiplyExact(nx, ny), nz);
        gx = new double[n];
        gy = new double[n];
        gz = new double[n];
        gb = new double[n];
        diag = new double[n];
        active = new boolean[n];
    }

    @Override public int size() { return gx.length; }
    public int index(int i, int j, int k) { return (k * ny + j) * nx + i; }

    /** Recomputes diag from the conductances; inactive cells get diag 1 and lose every coupling. */
    public void finish(Parallel par) {
        final int plane = nx * ny;
        par.forEach(nz, (long) plane * nz, k -> {
            for (int j = 0; j < ny; j++) {
                int base = (k * ny + j) * nx;
                for (int i = 0; i < nx; i++) {
                    int c = base + i;
                    if (!active[c]) {
                        gx[c] = gy[c] = gz[c] = gb[c] = 0;
                        if (i > 0) gx[c - 1] = 0;
                        if (j > 0) gy[c - nx] = 0;
                        if (k > 0) gz[c - plane] = 0;
                    }
                }
            }
        });
        // Second pass: the zeroing above may touch neighbours' entries, so diag is summed afterwards.
        finishDiagonal(par);
    }

    /**
     * diag = gb + the conductances of each active cell (1 on inactive ones), for an operator whose inactive cells
     * already carry no coupling (as {@link #finish} leaves them): the cheaper half of {@link #finish}.
     */
    public void finishDiagonal(Parallel par) {
        final int plane = nx * ny;
        par.forEach(nz * ny, (long) nx * ny * nz, row -> {
            final int k = row / ny, j = row - k * ny, base = row * nx;
            // missing west/south/bottom neighbours read the cell's own coupling with weight 0 (branch-free)
            final int offS = j > 0 ? nx : 0, offB = k > 0 ? plane : 0;
            final double wS = j > 0 ? 1 : 0, wB = k > 0 ? 1 : 0;
            for (int i = 0; i < nx; i++) {
                final int c = base + i, w = i > 0 ? c - 1 : c;
                final double d = gb[c] + gx[c] + gy[c] + gz[c] + (i > 0 ? gx[w] : 0) + wS * gy[c - offS]
                        + wB * gz[c - offB];
                diag[c] = active[c] ? d : 1;
            }
        });
    }

    /** y = A x. */
    @Override public void apply(Parallel par, double[] x, double[] y) {
        residualInto(par, null, x, y, false);
    }

    /**
     * y = A x and x . y in one pass: each row's products are summed while the row is in cache, and the row sums are
     * added in row order, so the result does not depend on the thread count.
     */
    @Override public double applyDot(Parallel par, double[] x, double[] y) {
        final double[] rowSum = new double[nz * ny];
        par.forEach(nz * ny, (long) nx * ny * nz, row -> {
            applyRow(row, x, y);
            rowSum[row] = Parallel.dot(x, y, row * nx, row * nx + nx);
        });
        double s = 0;
        for (double v : rowSum) s += v;
        return s;
    }

    /** r = b - A x. */
    @Override public void residual(Parallel par, double[] b, double[] x, double[] r) {
        residualInto(par, b, x, r, true);
    }

    private void residualInto(Parallel par, double[] b, double[] x, double[] out, boolean residual) {
        par.forEach(nz * ny, (long) nx * ny * nz, row -> {
            if (residual) residualRow(row, b, x, out);
            else applyRow(row, x, out);
        });
    }

    /**
     * out = A x on one row. Branch-free inner loop: missing south/north/bottom/top neighbours are read from the cell
     * itself with weight 0 (subtracting 0 leaves every sum bitwise as with the neighbour skipped), and the first and
     * last columns are peeled off.
     */
    void applyRow(int row, double[] x, double[] out) {
        applyRow(row, x, out, 0);
    }

    /** One row of A x into out[0, nx). */
    void applyRowTo(int row, double[] x, double[] out) {
        applyRow(row, x, out, -row * nx);
    }

    /** One row of A x into out[c + shift] for the row's cells c. */
    private void applyRow(int row, double[] x, double[] out, int shift) {
        final int plane = nx * ny, k = row / ny, j = row - k * ny, base = row * nx;
        final int offS = j > 0 ? nx : 0, offN = j < ny - 1 ? nx : 0;
        final int offB = k > 0 ? plane : 0, offT = k < nz - 1 ? plane : 0;
        final double wS = j > 0 ? 1 : 0, wN = j < ny - 1 ? 1 : 0, wB = k > 0 ? 1 : 0, wT = k < nz - 1 ? 1 : 0;
        if (nx == 1) {
            int c = base;
            out[c + shift] = diag[c] * x[c] - wS * gy[c - offS] * x[c - offS] - wN * gy[c] * x[c + offN]
                    - wB * gz[c - offB] * x[c - offB] - wT * gz[c] * x[c + offT];
            return;
        }
        {
            int c = base;
            out[c + shift] = diag[c] * x[c] - gx[c] * x[c + 1] - wS * gy[c - offS] * x[c - offS] - wN * gy[c] * x[c + offN]
                    - wB * gz[c - offB] * x[c - offB] - wT * gz[c] * x[c + offT];
        }
        for (int c = base + 1, end = base + nx - 1; c < end; c++)
            out[c + shift] = diag[c] * x[c] - gx[c - 1] * x[c - 1] - gx[c] * x[c + 1] - wS * gy[c - offS] * x[c - offS]
                    - wN * gy[c] * x[c + offN] - wB * gz[c - offB] * x[c - offB] - wT * gz[c] * x[c + offT];
        {
            int c = base + nx - 1;
            out[c + shift] = diag[c] * x[c] - gx[c - 1] * x[c - 1] - wS * gy[c - offS] * x[c - offS] - wN * gy[c] * x[c + offN]
                    - wB * gz[c - offB] * x[c - offB] - wT * gz[c] * x[c + offT];
        }
    }

    /** out = b - A x on one row (as {@link #applyRow}). */
    void residualRow(int row, double[] b, double[] x, double[] out) {
        applyRow(row, x, out);
        for (int c = row * nx, end = c + nx; c < end; c++) out[c] = b[c] - out[c];
    }
}
