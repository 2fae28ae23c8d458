package org.wafersim.linalg;

/**
 * Red-black (checkerboard over the x-y columns) Gauss-Seidel with exact solves along z-lines: every column of cells
 * is updated at once by a tridiagonal (Thomas) solve whose LU factors are computed once per operator. Solving whole
 * z-lines removes the strong vertical coupling of thin package layers (aspect ratios up to 1000, Trottenberg et al.,
 * Multigrid, 2001, section 5.1); the checkerboard makes every colour's columns independent, so the sweep is parallel
 * over rows and its result does not depend on the thread count.
 */
final class LineSmoother {
    private final Stencil7 a;
    /** inv[c] = 1 / pivot of the column LU; cp[c] = gz[c] * inv[c] (the eliminated upper coefficient, sign folded). */
    private final double[] inv, cp;

    LineSmoother(Stencil7 a, Parallel par) {
        this.a = a;
        int n = a.size();
        inv = new double[n];
        cp = new double[n];
        refactor(par);
    }

    /** Recomputes the column factors in place after the operator's coefficients changed. */
    void refactor(Parallel par) {
        final int nx = a.nx, ny = a.ny, nz = a.nz, plane = nx * ny;
        par.forEach(ny, j -> {
            for (int i = 0; i < nx; i++) {
                int c = j * nx + i;
                double prevInv = 0, prevG = 0;
                for (int k = 0; k < nz; k++, c += plane) {
                    double piv = a.diag[c] - prevG * prevG * prevInv;
                    inv[c] = 1.0 / piv;
                    cp[c] = a.gz[c] * inv[c];
                    prevInv = inv[c];
                    prevG = (k < nz - 1) ? a.gz[c] : 0;
                }
            }
        });
    }

    /** Rows per block of the fused sweep; fixed, so the result does not depend on the thread count. */
    private static final int ROW_BLOCK = 16;

    /**
     * One sweep: colour {@code first} everywhere, then the other colour. The two colours are fused into one pass
     * over the rows (row j of the first colour, then row j-1 of the second), which touches each row while it is
     * still in cache; this is the same iteration as two separate colour passes because the second colour in row
     * j-1 only needs the first colour in rows j-2..j. Rows are cut into fixed blocks for the threads; the second
     * colour on a block's first and last rows waits for a second phase, since its neighbours belong to the next
     * block's first phase.
     */
    void sweep(Parallel par, double[] b, double[] x, int first) {
        sweep(par, b, x, first, false);
    }

    /**
     * As {@link #sweep(Parallel, double[], double[], int)}; with {@code zeroStart} the incoming x is taken as zero
     * and not read (it may hold anything): the first colour's columns then see no neighbours, and every cell of x is
     * written, so the caller need not clear it first.
     */
    void sweep(Parallel par, double[] b, double[] x, int first, boolean zeroStart) {
        final int ny = a.ny, second = 1 - first;
        final int nBlocks = (ny + ROW_BLOCK - 1) / ROW_BLOCK;
        par.forEach(nBlocks, blk -> {
            int j0 = blk * ROW_BLOCK, j1 = Math.min(ny, j0 + ROW_BLOCK);
            for (int j = j0; j < j1; j++) {
                if (zeroStart) rowFromZero(b, x, j, first);
                else row(b, x, j, first);
                if (j - 1 > j0) row(b, x, j - 1, second);
            }
        });
        par.forEach(nBlocks, blk -> {
            int j0 = blk * ROW_BLOCK, j1 = Math.min(ny, j0 + ROW_BLOCK);
            row(b, x, j0, second);
            if (j1 - 1 > j0) row(b, x, j1 - 1, second);
        });
    }

    /** {@link #row} with every neighbour in the other colour taken as zero: each column solves against b alone. */
    private void rowFromZero(double[] b, double[] x, int j, int colour) {
        final int nx = a.nx, ny = a.ny, nz = a.nz, plane = nx * ny;
        final double[] gz = a.gz;
        final int i0 = (colour + j) & 1;
        {
            final int base = j * nx;
            for (int i = i0; i < nx; i += 2) x[base + i] = b[base + i] * inv[base + i];
        }
        for (int k = 1; k < nz; k++) {
            final int base = (k * ny + j) * nx;
            for (int i = i0; i < nx; i += 2) {
                final int c = base + i;
                x[c] = (b[c] + gz[c - plane] * x[c - plane]) * inv[c];
            }
        }
        for (int k = nz - 2; k >= 0; k--) {
            final int base = (k * ny + j) * nx;
            for (int i = i0; i < nx; i += 2) {
                final int c = base + i;
                x[c] += cp[c] * x[c + plane];
            }
        }
    }

    private void row(double[] b, double[] x, int j, int colour) {
        final int nx = a.nx, ny = a.ny, nz = a.nz, plane = nx * ny;
        final double[] gx = a.gx, gy = a.gy, gz = a.gz;
        final int i0 = (colour + j) & 1;
        // Missing south/north neighbours are read from the cell itself with weight 0, so the inner loop has no
        // branches; the first and last columns (no west/east neighbour) are peeled off.
        final int offS = j > 0 ? nx : 0, offN = j < ny - 1 ? nx : 0;
        final double wS = j > 0 ? 1 : 0, wN = j < ny - 1 ? 1 : 0;
        final int iLo = i0 == 0 ? 2 : 1;           // first interior column of this colour
        final boolean lastIsColour = ((nx - 1 - i0) & 1) == 0 && nx - 1 > 0;
        // Forward elimination: x temporarily holds d' (the column's lower solve) in this colour's cells; the
        // neighbours read here all belong to the other colour, so they are not disturbed.
        for (int k = 0; k < nz; k++) {
            final int base = (k * ny + j) * nx;
            final int offB = k > 0 ? plane : 0;
            final double wB = k > 0 ? 1 : 0;
            if (i0 == 0) {
                int c = base;
                double d = b[c] + (nx > 1 ? gx[c] * x[c + 1] : 0) + wS * gy[c - offS] * x[c - offS]
                        + wN * gy[c] * x[c + offN] + wB * gz[c - offB] * x[c - offB];
                x[c] = d * inv[c];
            }
            for (int i = iLo; i < nx - 1; i += 2) {
                final int c = base + i;
                double d = b[c] + gx[c - 1] * x[c - 1] + gx[c] * x[c + 1]
                        + wS * gy[c - offS] * x[c - offS] + wN * gy[c] * x[c + offN]
                        + wB * gz[c - offB] * x[c - offB];
                x[c] = d * inv[c];
            }
            if (lastIsColour) {
                int c = base + nx - 1;
                double d = b[c] + gx[c - 1] * x[c - 1] + wS * gy[c - offS] * x[c - offS]
                        + wN * gy[c] * x[c + offN] + wB * gz[c - offB] * x[c - offB];
                x[c] = d * inv[c];
            }
        }
        // Back substitution.
        for (int k = nz - 2; k >= 0; k--) {
            final int base = (k * ny + j) * nx;
            for (int i = i0; i < nx; i += 2) {
                final int c = base + i;
                x[c] += cp[c] * x[c + plane];
            }
        }
    }
}
