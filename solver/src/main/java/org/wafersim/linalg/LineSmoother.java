package org.wafersim.linalg;

/**
 * Red-black (checkerboard over the x-y columns) Gauss-Seidel with exact solves along z-lines: every column of cells
 * is updated at once by a tridiagonal (Thomas) solve whose LU factors are computed once per operator. Solving whole
 * z-lines removes the strong vertical coupling of thin package layers (aspect ratios up to 1000, Trottenberg et al.,
 * Multigrid, 2001, section 5.1); the checkerboard makes every colour's columns independent, so the sweep is parallel
 * over rows and its result does not depend on the thread count.
 *
 * <p>Single precision: the smoother works on a float operator A' and float line factors. On the finest level A'
 * has the operator's own couplings, which {@link Stencil7} stores in float (read in place, no copy), and its
 * diagonal rounded up to float, so A' - A is a non-negative diagonal: A' is positive definite whenever A is. The
 * sweep streams mostly coefficients, and float halves their bytes (the multigrid cycle about a fifth faster on the
 * full wafer than in double); the preconditioner then approximates A to ~1e-7, far inside what CG needs (CG keeps
 * double precision itself). The back substitution forms the upper factor as gz * inv from the two stored floats
 * (exact in double), so each line solve is exactly a symmetric matrix's inverse and the pre- and post-sweeps stay
 * adjoint. On the coarse multigrid levels the float operator is the level's own: there the smoother holds the
 * level's conductances and boundary conductances as well.
 */
final class LineSmoother {
    final int nx, ny, nz;
    /** The finest level's operator, whose couplings A' shares; null on a coarse level, which is A' itself. */
    private final Stencil7 a;
    /** A' (float): couplings to +x, +y, +z (the finest level's: {@link #a}'s own arrays) and the diagonal. */
    final float[] gx, gy, gz, diag;
    /** A coarse level's boundary conductances (float; null on the finest level, whose gb stays in {@link #a}). */
    final float[] gb;
    final boolean[] active;
    /** 1 / pivot of each column's LU of A' (float). */
    private final float[] inv;

    /** The smoother of the finest level: A' is {@code a} with its diagonal rounded up to float (see the class comment). */
    LineSmoother(Stencil7 a, Parallel par) {
        this.a = a;
        nx = a.nx;
        ny = a.ny;
        nz = a.nz;
        int n = a.size();
        gx = a.gx;
        gy = a.gy;
        gz = a.gz;
        diag = new float[n];
        inv = new float[n];
        gb = null;
        active = a.active;
        refactor(par);
    }

    /**
     * A coarse level's operator held in float and its smoother: the caller writes the couplings, gb and the active
     * cells (inactive cells without couplings), then calls {@link #refactor}, which sums the diagonal.
     */
    LineSmoother(int nx, int ny, int nz) {
        this.a = null;
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        int n = Math.multiplyExact(Math.multiplyExact(nx, ny), nz);
        gx = new float[n];
        gy = new float[n];
        gz = new float[n];
        gb = new float[n];
        diag = new float[n];
        inv = new float[n];
        active = new boolean[n];
    }

    int size() { return gx.length; }

    /** A factor that makes the float nearest to d x ROUND_UP no smaller than d (2^-24 rounding at most). */
    private static final double ROUND_UP = 1 + 0x1p-22;

    /**
     * Re-reads the operator and recomputes the diagonal and the column factors in place after its coefficients
     * changed. The diagonal is gb plus the cell's float conductances, summed in double (as the operator's product
     * forms it), rounded up to float: A' is then A (the finest level) or the coarse level's float couplings'
     * operator plus a non-negative diagonal, positive definite either way.
     */
    void refactor(Parallel par) {
        final double[] ab = a == null ? null : a.gb;
        final int plane = nx * ny;
        par.forEach(ny, (long) nx * ny * nz, j -> {
            // plane by plane along the row (contiguous), carrying each column's last pivot and coupling
            double[] prevInv = new double[nx], prevG = new double[nx];
            for (int k = 0; k < nz; k++) {
                final int base = (k * ny + j) * nx;
                final boolean top = k == nz - 1;
                for (int i = 0; i < nx; i++) {
                    int c = base + i;
                    float fz = gz[c];
                    double d = (ab != null ? ab[c] : gb[c]) + gx[c] + gy[c] + fz + (i > 0 ? gx[c - 1] : 0)
                            + (j > 0 ? gy[c - nx] : 0) + (k > 0 ? gz[c - plane] : 0);
                    // (1 + 2^-22) before rounding to nearest (2^-24 at most) leaves the float above d
                    float fd = active[c] ? (float) (d * ROUND_UP) : 1;
                    diag[c] = fd;
                    double piv = fd - prevG[i] * prevG[i] * prevInv[i];
                    float iv = (float) (1.0 / piv);
                    inv[c] = iv;
                    prevInv[i] = iv;          // the factor as stored, so that the line solve is exactly symmetric
                    prevG[i] = top ? 0 : fz;
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
     * (it may hold any finite values, which are multiplied by zero weights only - not NaN or infinities): the first
     * colour's columns then see no neighbours, and every cell of x is written, so the caller need not clear it.
     */
    void sweep(Parallel par, double[] b, double[] x, int first, boolean zeroStart) {
        final int second = 1 - first;
        final int nBlocks = (ny + ROW_BLOCK - 1) / ROW_BLOCK;
        final long cells = (long) nx * ny * nz;
        par.forEach(nBlocks, cells, blk -> {
            int j0 = blk * ROW_BLOCK, j1 = Math.min(ny, j0 + ROW_BLOCK);
            for (int j = j0; j < j1; j++) {
                if (zeroStart) rowFromZero(b, x, j, first);
                else row(b, x, j, first);
                if (j - 1 > j0) row(b, x, j - 1, second);
            }
        });
        par.forEach(nBlocks, cells * 2 / ROW_BLOCK, blk -> {
            int j0 = blk * ROW_BLOCK, j1 = Math.min(ny, j0 + ROW_BLOCK);
            row(b, x, j0, second);
            if (j1 - 1 > j0) row(b, x, j1 - 1, second);
        });
    }

    /** Rows per block of {@link #sweepTwice}: longer than ROW_BLOCK, since its block edges are left to later phases. */
    private static final int ROW_BLOCK_2 = 32;

    /**
     * Two sweeps, each colour {@code first} then the other, in one pass over memory: exactly the four colour passes
     * of two {@link #sweep} calls (every cell computed from the same values by the same arithmetic, so bitwise the
     * same), with the second sweep trailing the first by two rows. The second sweep's first colour in row j needs
     * the first sweep's second colour in rows j-1..j+1, which needs the first colour in row j+2; at step j a block
     * relaxes colour 1 of row j, colour 2 of row j-1 (sweep 1), colour 1 of row j-2 and colour 2 of row j-3
     * (sweep 2), so the rows in flight stay in cache and the level is streamed once for two sweeps instead of
     * twice. The rows near a block's edges, whose neighbours belong to the next block, follow in three more phases
     * (see {@link #twiceEdges}), each parallel over the blocks with no block reading what another one writes.
     */
    void sweepTwice(Parallel par, double[] b, double[] x, int first, boolean zeroStart) {
        final int c1 = first, c2 = 1 - first;
        final int nBlocks = (ny + ROW_BLOCK_2 - 1) / ROW_BLOCK_2;
        final long cells = (long) nx * ny * nz;
        par.forEach(nBlocks, cells, blk -> {
            final int j0 = blk * ROW_BLOCK_2, j1 = Math.min(ny, j0 + ROW_BLOCK_2);
            for (int j = j0; j < j1 + 3; j++) {
                if (j < j1) {
                    if (zeroStart) rowFromZero(b, x, j, c1);
                    else row(b, x, j, c1);
                }
                if (j - 1 >= j0 + 1 && j - 1 <= j1 - 2) row(b, x, j - 1, c2);
                if (j - 2 >= j0 + 2 && j - 2 <= j1 - 3) row(b, x, j - 2, c1);
                if (j - 3 >= j0 + 3 && j - 3 <= j1 - 4) row(b, x, j - 3, c2);
            }
        });
        final long edgeWork = cells * 8 / ROW_BLOCK_2;
        for (int phase = 2; phase <= 4; phase++) {
            final int ph = phase;
            par.forEach(nBlocks, edgeWork, blk -> twiceEdges(b, x, blk, ph, c1, c2));
        }
    }

    /**
     * The later phases of {@link #sweepTwice} on one block [j0, j1): phase 2 the first sweep's second colour on the
     * edge rows j0 and j1-1 (their first-colour neighbours in the next blocks are now final); phase 3 the second
     * sweep's first colour on the rows phase 1 left (those within two rows of an edge), then its second colour on
     * the left rows whose three neighbouring rows are all in the block; phase 4 its second colour on j0 and j1-1.
     * In phase 3 a block reads of the other blocks only their edge rows' second colour, which only phase 4 writes.
     */
    private void twiceEdges(double[] b, double[] x, int blk, int phase, int c1, int c2) {
        final int j0 = blk * ROW_BLOCK_2, j1 = Math.min(ny, j0 + ROW_BLOCK_2);
        if (phase == 2) {
            row(b, x, j0, c2);
            if (j1 - 1 > j0) row(b, x, j1 - 1, c2);
        } else if (phase == 3) {
            for (int j = j0; j < j1; j++) if (j < j0 + 2 || j > j1 - 3) row(b, x, j, c1);
            for (int j = j0 + 1; j <= j1 - 2; j++) if (j < j0 + 3 || j > j1 - 4) row(b, x, j, c2);
        } else {
            row(b, x, j0, c2);
            if (j1 - 1 > j0) row(b, x, j1 - 1, c2);
        }
    }

    /**
     * out[i] = (b - A' x) at the cells i = i0, i0 + 2, ... of row {@code row} (k ny + j): the residual the
     * multigrid restricts after a sweep, with the operator the sweep used.
     */
    void residualRowColourTo(int row, double[] b, double[] x, double[] out, int i0) {
        final int plane = nx * ny, k = row / ny, j = row - k * ny, base = row * nx;
        final int offS = j > 0 ? nx : 0, offN = j < ny - 1 ? nx : 0;
        final int offB = k > 0 ? plane : 0, offT = k < nz - 1 ? plane : 0;
        final double wS = j > 0 ? 1 : 0, wN = j < ny - 1 ? 1 : 0, wB = k > 0 ? 1 : 0, wT = k < nz - 1 ? 1 : 0;
        int i = i0;
        if (i == 0) {
            int c = base;
            out[0] = b[c] - (diag[c] * x[c] - (nx > 1 ? gx[c] * x[c + 1] : 0) - wS * gy[c - offS] * x[c - offS]
                    - wN * gy[c] * x[c + offN] - wB * gz[c - offB] * x[c - offB] - wT * gz[c] * x[c + offT]);
            i = 2;
        }
        if (j > 0 && j < ny - 1 && k > 0 && k < nz - 1) {
            // all six neighbours present: the same sums without the unit weights (as in row)
            for (; i < nx - 1; i += 2) {
                int c = base + i;
                out[i] = b[c] - (diag[c] * x[c] - gx[c - 1] * x[c - 1] - gx[c] * x[c + 1] - gy[c - nx] * x[c - nx]
                        - gy[c] * x[c + nx] - gz[c - plane] * x[c - plane] - gz[c] * x[c + plane]);
            }
        }
        for (; i < nx - 1; i += 2) {
            int c = base + i;
            out[i] = b[c] - (diag[c] * x[c] - gx[c - 1] * x[c - 1] - gx[c] * x[c + 1] - wS * gy[c - offS] * x[c - offS]
                    - wN * gy[c] * x[c + offN] - wB * gz[c - offB] * x[c - offB] - wT * gz[c] * x[c + offT]);
        }
        if (i == nx - 1) {
            int c = base + i;
            out[i] = b[c] - (diag[c] * x[c] - gx[c - 1] * x[c - 1] - wS * gy[c - offS] * x[c - offS]
                    - wN * gy[c] * x[c + offN] - wB * gz[c - offB] * x[c - offB] - wT * gz[c] * x[c + offT]);
        }
    }

    /** {@link #row} with every neighbour in the other colour taken as zero: each column solves against b alone. */
    private void rowFromZero(double[] b, double[] x, int j, int colour) {
        final int plane = nx * ny;
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
        backSubstitute(x, j, i0);
    }

    /** x_k += (gz_k inv_k) x_{k+1} down each column of the colour: the upper factor of the line LU. */
    private void backSubstitute(double[] x, int j, int i0) {
        final int plane = nx * ny;
        for (int k = nz - 2; k >= 0; k--) {
            final int base = (k * ny + j) * nx;
            for (int i = i0; i < nx; i += 2) {
                final int c = base + i;
                x[c] += ((double) gz[c] * inv[c]) * x[c + plane];
            }
        }
    }

    private void row(double[] b, double[] x, int j, int colour) {
        final int plane = nx * ny;
        final int i0 = (colour + j) & 1;
        // Missing south/north neighbours are read from the cell itself with weight 0, so the inner loop has no
        // branches; the first and last columns (no west/east neighbour) are peeled off.
        final int offS = j > 0 ? nx : 0, offN = j < ny - 1 ? nx : 0;
        final double wS = j > 0 ? 1 : 0, wN = j < ny - 1 ? 1 : 0;
        final boolean interiorRow = j > 0 && j < ny - 1;
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
            if (interiorRow && k > 0) {
                // all neighbours present: the same sums without the unit weights (1.0 * g is g exactly), three
                // multiplications fewer per cell in the loop that takes most of the cycle
                for (int i = iLo; i < nx - 1; i += 2) {
                    final int c = base + i;
                    double d = b[c] + gx[c - 1] * x[c - 1] + gx[c] * x[c + 1]
                            + gy[c - nx] * x[c - nx] + gy[c] * x[c + nx]
                            + gz[c - plane] * x[c - plane];
                    x[c] = d * inv[c];
                }
            } else {
                for (int i = iLo; i < nx - 1; i += 2) {
                    final int c = base + i;
                    double d = b[c] + gx[c - 1] * x[c - 1] + gx[c] * x[c + 1]
                            + wS * gy[c - offS] * x[c - offS] + wN * gy[c] * x[c + offN]
                            + wB * gz[c - offB] * x[c - offB];
                    x[c] = d * inv[c];
                }
            }
            if (lastIsColour) {
                int c = base + nx - 1;
                double d = b[c] + gx[c - 1] * x[c - 1] + wS * gy[c - offS] * x[c - offS]
                        + wN * gy[c] * x[c + offN] + wB * gz[c - offB] * x[c - offB];
                x[c] = d * inv[c];
            }
        }
        backSubstitute(x, j, i0);
    }
}
