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
        par.forEach(nz, k -> {
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
        par.forEach(nz, k -> {
            for (int j = 0; j < ny; j++) {
                int base = (k * ny + j) * nx;
                for (int i = 0; i < nx; i++) {
                    int c = base + i;
                    if (!active[c]) { diag[c] = 1; continue; }
                    double d = gb[c] + gx[c] + gy[c] + gz[c];
                    if (i > 0) d += gx[c - 1];
                    if (j > 0) d += gy[c - nx];
                    if (k > 0) d += gz[c - plane];
                    diag[c] = d;
                }
            }
        });
    }

    /** y = A x. */
    @Override public void apply(Parallel par, double[] x, double[] y) {
        residualInto(par, null, x, y, false);
    }

    /** r = b - A x. */
    @Override public void residual(Parallel par, double[] b, double[] x, double[] r) {
        residualInto(par, b, x, r, true);
    }

    private void residualInto(Parallel par, double[] b, double[] x, double[] out, boolean residual) {
        final int plane = nx * ny;
        par.forEach(nz * ny, row -> {
            int k = row / ny, j = row - k * ny;
            int base = row * nx;
            for (int i = 0; i < nx; i++) {
                int c = base + i;
                double ax = diag[c] * x[c];
                if (i > 0) ax -= gx[c - 1] * x[c - 1];
                if (i < nx - 1) ax -= gx[c] * x[c + 1];
                if (j > 0) ax -= gy[c - nx] * x[c - nx];
                if (j < ny - 1) ax -= gy[c] * x[c + nx];
                if (k > 0) ax -= gz[c - plane] * x[c - plane];
                if (k < nz - 1) ax -= gz[c] * x[c + plane];
                out[c] = residual ? b[c] - ax : ax;
            }
        });
    }
}
