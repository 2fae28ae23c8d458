package org.wafersim.linalg;

/**
 * A symmetric positive definite 7-point operator on an nx x ny x nz box of cells (flat index (k*ny + j)*nx + i):
 * <pre>
 *   (A x)_c = gb_c x_c + sum over the six neighbours n of g_cn (x_c - x_n)
 * </pre>
 * the finite-volume form of -div(k grad T) with face conductances g (W/K) and a boundary conductance gb (W/K) per
 * cell (convective or fixed-temperature faces, a linearised source's derivative, a transient's C/dt). {@code gx[c]}
 * couples c with its +x neighbour (zero on the last column), likewise {@code gy}, {@code gz}. Inactive cells (void)
 * are identity rows with no coupling (gb 1), so one box array carries any layered geometry.
 *
 * <p>Storage: the face conductances are single precision, the products are formed in double. The operator built
 * from the rounded values is exactly symmetric and positive definite, and each face's flux g (x_c - x_n) enters its
 * two cells with opposite signs, so the interior couplings cancel in the energy balance. It is within 2^-24 of the
 * double discretisation: Krylov iterations and smoothers use it as it is, and the steady solver's tight solves start
 * from the double operator's residual (the thermal package's {@code ConductanceAssembler.exactResidual}), which makes
 * their fields the double system's (mixed-precision iterative refinement). gb stays double: it
 * carries the boundary conductances the heat budget sums face by face, and a transient's C/dt, which can exceed the
 * conductances by orders of magnitude. The diagonal gb + sum g is formed in the product, not stored: the operator is
 * 21 bytes a cell instead of 41, and the multigrid's finest smoother reads the same float couplings (no copy).
 */
public final class Stencil7 implements SymmetricOperator {
    public final int nx, ny, nz;
    public final float[] gx, gy, gz;
    public final double[] gb;
    public final boolean[] active;

    public Stencil7(int nx, int ny, int nz) {
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        int n = Math.multiplyExact(Math.multiplyExact(nx, ny), nz);
        gx = new float[n];
        gy = new float[n];
        gz = new float[n];
        gb = new double[n];
        active = new boolean[n];
    }

    @Override public int size() { return gx.length; }
    public int index(int i, int j, int k) { return (k * ny + j) * nx + i; }

    /** Removes every coupling of the inactive cells and makes them identity rows (gb 1). */
    public void finish(Parallel par) {
        final int plane = nx * ny;
        par.forEach(nz, (long) plane * nz, k -> {
            for (int j = 0; j < ny; j++) {
                int base = (k * ny + j) * nx;
                for (int i = 0; i < nx; i++) {
                    int c = base + i;
                    if (!active[c]) {
                        gx[c] = gy[c] = gz[c] = 0;
                        gb[c] = 1;
                        if (i > 0) gx[c - 1] = 0;
                        if (j > 0) gy[c - nx] = 0;
                        if (k > 0) gz[c - plane] = 0;
                    }
                }
            }
        });
    }

    /**
     * Makes the inactive cells identity rows (gb 1) of an operator whose inactive cells already carry no coupling
     * (as an assembly leaves them): the cheaper half of {@link #finish}, after gb changed.
     */
    public void finishDiagonal(Parallel par) {
        par.forBlocks(size(), (lo, hi) -> {
            for (int c = lo; c < hi; c++) if (!active[c]) gb[c] = 1;
        });
    }

    /** diag_c = gb_c + the six face conductances of c, summed in double in a fixed order. */
    public double diag(int c) {
        final int plane = nx * ny, i = c % nx, j = (c / nx) % ny, k = c / plane;
        double d = gb[c] + gx[c] + gy[c] + gz[c];
        if (i > 0) d += gx[c - 1];
        if (j > 0) d += gy[c - nx];
        if (k > 0) d += gz[c - plane];
        return d;
    }

    /** Every cell's diagonal (a new array: for small operators, e.g. the coarsest level's direct solve). */
    public double[] diagonal() {
        double[] d = new double[size()];
        for (int c = 0; c < d.length; c++) d[c] = diag(c);
        return d;
    }

    /** y = A x. */
    @Override public void apply(Parallel par, double[] x, double[] y) {
        residualInto(par, null, x, y, false);
    }

    /**
     * y = A x and x . y in one pass: each row's products are summed while the row is in cache, and the row sums are
     * added in row order (whatever order the rows were computed in), so the result does not depend on the thread
     * count. The rows are visited as in {@link #residualInto}.
     */
    @Override public double applyDot(Parallel par, double[] x, double[] y) {
        final double[] rowSum = new double[nz * ny];
        par.forEach(ny, (long) nx * ny * nz, j -> {
            for (int k = 0; k < nz; k++) {
                final int row = k * ny + j;
                applyRow(row, x, y);
                rowSum[row] = Parallel.dot(x, y, row * nx, row * nx + nx);
            }
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
        // The rows of one y-index through all planes, then the next y-index (as the line smoother walks): a row's
        // neighbours below and above were just read, and those at y +- 1 one column of planes ago, so they come from
        // the cache; plane by plane, x and gz one plane below (several MB back on the full wafer) came from memory
        // again. Each row's values do not depend on the order, so the results are the same.
        par.forEach(ny, (long) nx * ny * nz, j -> {
            for (int k = 0; k < nz; k++) {
                final int row = k * ny + j;
                if (residual) residualRow(row, b, x, out);
                else applyRow(row, x, out);
            }
        });
    }

    /**
     * out = A x on one row, as gb x_c + sum g (x_c - x_n). Branch-free inner loop: missing south/north/bottom/top
     * neighbours are read from the cell itself, where x_c - x_n is exactly 0, and the first and last columns are
     * peeled off.
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
        if (nx == 1) {
            int c = base;
            double xc = x[c];
            out[c + shift] = gb[c] * xc + gy[c - offS] * (xc - x[c - offS]) + gy[c] * (xc - x[c + offN])
                    + gz[c - offB] * (xc - x[c - offB]) + gz[c] * (xc - x[c + offT]);
            return;
        }
        {
            int c = base;
            double xc = x[c];
            out[c + shift] = gb[c] * xc + gx[c] * (xc - x[c + 1]) + gy[c - offS] * (xc - x[c - offS])
                    + gy[c] * (xc - x[c + offN]) + gz[c - offB] * (xc - x[c - offB]) + gz[c] * (xc - x[c + offT]);
        }
        for (int c = base + 1, end = base + nx - 1; c < end; c++) {
            double xc = x[c];
            out[c + shift] = gb[c] * xc + gx[c - 1] * (xc - x[c - 1]) + gx[c] * (xc - x[c + 1])
                    + gy[c - offS] * (xc - x[c - offS]) + gy[c] * (xc - x[c + offN])
                    + gz[c - offB] * (xc - x[c - offB]) + gz[c] * (xc - x[c + offT]);
        }
        {
            int c = base + nx - 1;
            double xc = x[c];
            out[c + shift] = gb[c] * xc + gx[c - 1] * (xc - x[c - 1]) + gy[c - offS] * (xc - x[c - offS])
                    + gy[c] * (xc - x[c + offN]) + gz[c - offB] * (xc - x[c - offB]) + gz[c] * (xc - x[c + offT]);
        }
    }

    /** out = b - A x on one row (as {@link #applyRow}). */
    void residualRow(int row, double[] b, double[] x, double[] out) {
        applyRow(row, x, out);
        for (int c = row * nx, end = c + nx; c < end; c++) out[c] = b[c] - out[c];
    }
}
