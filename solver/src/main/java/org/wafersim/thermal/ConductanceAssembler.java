package org.wafersim.thermal;

import org.wafersim.grid.Grid;
import org.wafersim.linalg.Parallel;
import org.wafersim.linalg.Stencil7;

/**
 * Builds the cell-centred finite-volume system of {@link ThermalProblem} for a given temperature field: face
 * conductances are the two half cells in series, G = A / (d1/(2 k1) + d2/(2 k2)), which is exact for layered stacks
 * (Patankar, Numerical Heat Transfer and Fluid Flow, 1980, section 4.2-4); a convective face adds the film in series,
 * G = A / (d/(2k) + 1/h). The unknown is theta = T - tRef, so the right-hand side is
 * b = (q + q_fixed) V + sum over boundary faces of G (T_ambient - tRef), q_fixed the {@link FixedSources}.
 */
final class ConductanceAssembler {
    /** The problem assembled; another problem on the same grid, faces and laws may take its place ({@link #rebind}). */
    private ThermalProblem p;
    private final Grid g;
    private final Parallel par;
    private final double[] dx, dy, dz;
    double tRef;
    /**
     * Conductivities of two z-planes (the plane being assembled and the one above, whose gz needs it), reused
     * plane after plane: a plane's conductances read no other plane, so per-cell arrays (24 B per cell) are not
     * needed.
     */
    private final double[][] kPlane = new double[6][];
    /** Boundary-face conductances of the last assembly (W/K), for the heat-path budget. */
    final double[] gFace;
    /** Boundary faces grouped by direction (face indices in scan order), and each group by z-plane. */
    private final int[][][] facesByDirection;
    /** Planes k whose gx, gy and gz (to k + 1) do not depend on temperature. */
    private final boolean[] staticPlane;
    /** The operator the last assembly filled (its static planes need no refill). */
    private Stencil7 filledOnce;
    /** Two planes of up-face terms for {@link #exactResidual} (allocated on first use). */
    private double[][] upTerms;

    ConductanceAssembler(ThermalProblem p, Parallel par) {
        this.p = p;
        this.g = p.grid();
        this.par = par;
        dx = new double[g.nx];
        dy = new double[g.ny];
        dz = new double[g.nz];
        for (int i = 0; i < g.nx; i++) dx[i] = g.dx(i);
        for (int j = 0; j < g.ny; j++) dy[j] = g.dy(j);
        for (int k = 0; k < g.nz; k++) dz[k] = g.dz(k);
        BoundaryFaces bf = p.boundary();
        if (bf.count == 0)
            throw new IllegalArgumentException("no heat leaves the model: every exposed face is adiabatic");
        tRef = lowestAmbient(bf);
        for (int b = 0; b < kPlane.length; b++) kPlane[b] = new double[g.nx * g.ny];
        gFace = new double[bf.count];
        int nd = Face.values().length, planeCells = g.nx * g.ny;
        int[][] perDir = new int[nd][g.nz];
        for (int f = 0; f < bf.count; f++) perDir[Face.of(bf.face[f]).ordinal()][bf.cell[f] / planeCells]++;
        facesByDirection = new int[nd][g.nz][];
        for (int d = 0; d < nd; d++)
            for (int k = 0; k < g.nz; k++) facesByDirection[d][k] = new int[perDir[d][k]];
        int[][] fill = new int[nd][g.nz];
        for (int f = 0; f < bf.count; f++) {
            int d = Face.of(bf.face[f]).ordinal(), k = bf.cell[f] / planeCells;
            facesByDirection[d][k][fill[d][k]++] = f;
        }
        staticPlane = new boolean[g.nz];
        final short[] mat = g.materialIds();
        final int plane = g.nx * g.ny;
        boolean[] varies = new boolean[p.laws().size()];
        for (int l = 0; l < varies.length; l++) varies[l] = !p.laws().get(l).isConstant();
        for (int k = 0; k < g.nz; k++) {
            boolean st = true;
            // the plane's gx, gy and its gz to the plane above read the conductivities of planes k and k + 1
            for (int c = k * plane, end = Math.min(mat.length, (k + 2) * plane); c < end && st; c++)
                if (mat[c] >= 0 && varies[mat[c]]) st = false;
            staticPlane[k] = st;
        }
    }

    private static double lowestAmbient(BoundaryFaces bf) {
        double m = Double.POSITIVE_INFINITY;
        for (int f = 0; f < bf.count; f++) m = Math.min(m, bf.ambient[f]);
        return m;
    }

    /**
     * Takes {@code q} as the problem to assemble when it has this one's grid, face geometry (the same arrays: its
     * ambients and coefficients may differ), conductivity laws and contacts, so that the faces grouped by plane and
     * the static planes of the operator this assembler filled last carry over (another operating state of the same
     * package); returns false, changing nothing, otherwise.
     */
    boolean rebind(ThermalProblem q) {
        BoundaryFaces a = p.boundary(), b = q.boundary();
        boolean same = q.grid() == g && b.cell == a.cell && b.face == a.face && b.count == a.count
                && q.laws().size() == p.laws().size() && java.util.Arrays.equals(q.contactZ(), p.contactZ());
        for (int l = 0; same && l < q.laws().size(); l++) same = q.laws().get(l) == p.laws().get(l);
        if (!same) return false;
        p = q;
        tRef = lowestAmbient(b);
        return true;
    }

    /** Fills a (conductances) and b for the temperature field t (K; void cells ignored). */
    void assemble(double[] t, Stencil7 a, double[] b) {
        assemble(t, a, b, null, null, null);
    }

    /**
     * As {@link #assemble(double[], Stencil7, double[])} with a linearised temperature-dependent source
     * q(T) ~ qL + dqL (theta - theta0) (W/m^3): qL V goes to b, dqL V theta0 to b, and dqL V off the diagonal.
     */
    void assemble(double[] t, Stencil7 a, double[] b, double[] qL, double[] dqL, double[] theta0) {
        assemble(t, a, b, p.q(), qL, dqL, theta0, 0, true);
    }

    /**
     * As above with the linearisation (qL, dqL, theta0) stored for the cells [off, off + qL.length) only (zero
     * elsewhere): a source confined to the active layer needs no whole-grid arrays.
     */
    void assemble(double[] t, Stencil7 a, double[] b, double[] qL, double[] dqL, double[] theta0, int off) {
        assemble(t, a, b, p.q(), qL, dqL, theta0, off, true);
    }

    /**
     * As above with the fixed source density {@code q} (W/m^3) given explicitly (time-dependent power); with
     * {@code finish} false the inactive cells' identity rows are left for the caller's
     * {@link Stencil7#finishDiagonal} (a caller that adds to gb first and finishes once saves a pass).
     */
    void assemble(double[] t, Stencil7 a, double[] b, double[] q, double[] qL, double[] dqL, double[] theta0,
                  boolean finish) {
        assemble(t, a, b, q, qL, dqL, theta0, 0, finish);
    }

    /** As above with the linearisation stored for the cells [off, off + qL.length) only (the transient's). */
    void assemble(double[] t, Stencil7 a, double[] b, double[] q, double[] qL, double[] dqL, double[] theta0,
                  int off, boolean finish) {
        final int nx = g.nx, ny = g.ny, nz = g.nz, plane = nx * ny;
        final int linEnd = qL == null ? off : off + qL.length;
        final short[] mat = g.materialIds();
        final Laws lw = laws();
        final boolean[] varies = lw.varies(), iso = lw.iso();
        final double[] cx = lw.cx(), cy = lw.cy(), cz = lw.cz();
        // Planes whose face conductances involve no temperature-dependent material were filled on the first
        // assembly into this operator and have not changed since (callers change gb only): skip them.
        final boolean reuse = a == filledOnce;
        final boolean[] skip = staticPlane;
        // the fixed sources beside q (never scaled by the operating point; in every assembly, steady or transient)
        final double[] fx = p.fixed() == null ? null : p.fixed().density();
        // plane by plane: the conductivities of plane k + 1 are evaluated once, for plane k's gz and then for its own
        final BoundaryFaces bf = p.boundary();
        fillConductivities(0, t, kPlane[0], kPlane[1], kPlane[2], varies, iso, cx, cy, cz);
        for (int kk = 0; kk < nz; kk++) {
            final int k = kk;
            final double[] kx = kPlane[3 * (k & 1)], ky = kPlane[3 * (k & 1) + 1], kz = kPlane[3 * (k & 1) + 2];
            final double[] kzUp = kPlane[3 * ((k + 1) & 1) + 2];
            if (k + 1 < nz)
                fillConductivities(k + 1, t, kPlane[3 * ((k + 1) & 1)], kPlane[3 * ((k + 1) & 1) + 1], kzUp, varies,
                        iso, cx, cy, cz);
            final double rc = p.contactResistance(k);     // between planes k and k + 1 (0: perfect contact)
            final boolean skipPlane = reuse && skip[k];
            // the linearised source on this plane: cells [linLo, linHi) (an empty range when it has none)
            final int linLo = Math.max(off, k * plane), linHi = Math.min(linEnd, (k + 1) * plane);
            par.forEach(ny, (long) nx * ny, j -> {
                int base = (k * ny + j) * nx, o = j * nx;
                if (skipPlane) {
                    for (int i = 0; i < nx; i++) {
                        int c = base + i;
                        a.gb[c] = 0;
                        if (!a.active[c]) continue;
                        double v = dx[i] * dy[j] * dz[k];
                        b[c] = q[c] * v;
                        if (fx != null) b[c] += fx[c] * v;
                        if (c >= linLo && c < linHi) b[c] += (qL[c - off] - dqL[c - off] * theta0[c - off]) * v;
                    }
                    return;
                }
                for (int i = 0; i < nx; i++) {
                    int c = base + i;
                    boolean act = mat[c] >= 0;
                    a.active[c] = act;
                    a.gb[c] = 0;
                    if (!act) { a.gx[c] = a.gy[c] = a.gz[c] = 0; b[c] = 0; continue; }
                    // stored in float (Stencil7 says why; exactResidual gives solves the double operator's residual)
                    a.gx[c] = (i < nx - 1 && mat[c + 1] >= 0) ? (float) gEast(i, j, k, kx, o) : 0;
                    a.gy[c] = (j < ny - 1 && mat[c + nx] >= 0) ? (float) gNorth(i, j, k, ky, o) : 0;
                    a.gz[c] = (k < nz - 1 && mat[c + plane] >= 0) ? (float) gUp(i, j, k, kz, kzUp, o, rc) : 0;
                    double v = dx[i] * dy[j] * dz[k];
                    b[c] = q[c] * v;
                    if (fx != null) b[c] += fx[c] * v;
                    if (c >= linLo && c < linHi) b[c] += (qL[c - off] - dqL[c - off] * theta0[c - off]) * v;
                }
            });
            // Boundary faces of the plane, one direction at a time: a cell has at most one face per direction, so
            // each group is parallel without two faces adding to the same cell; the groups follow in a fixed order,
            // so every cell receives its faces in the same order as a pass over all planes would give them.
            for (int[][] byPlane : facesByDirection) {
                int[] group = byPlane[k];
                par.forBlocks(group.length, (lo, hi) -> {
                    for (int gi = lo; gi < hi; gi++) {
                        int f = group[gi];
                        int c = bf.cell[f];
                        int i = c % nx, j = (c / nx) % ny, o = c - k * plane;
                        double area, half, kc;
                        switch (Face.of(bf.face[f])) {
                            case XMIN, XMAX -> { area = dy[j] * dz[k]; half = 0.5 * dx[i]; kc = kx[o]; }
                            case YMIN, YMAX -> { area = dx[i] * dz[k]; half = 0.5 * dy[j]; kc = ky[o]; }
                            default -> { area = dx[i] * dy[j]; half = 0.5 * dz[k]; kc = kz[o]; }
                        }
                        double film = Double.isInfinite(bf.h[f]) ? 0 : 1.0 / bf.h[f];
                        double gf = area / (half / kc + film);
                        gFace[f] = gf;
                        a.gb[c] += gf;
                        b[c] += gf * (bf.ambient[f] - tRef);
                    }
                });
            }
        }
        if (dqL != null) {
            // The linearised source enters as a negative boundary-like conductance, so that the multigrid's coarse
            // operators (which add the fine gb of each aggregate) see it too: near runaway it is what makes the
            // lowest modes soft, and a coarse grid without it would be far too stiff there.
            forSlabRows(off, dqL.length, (row, lo, hi) -> {
                int k = row / ny, j = row - k * ny, base = row * nx;
                for (int c = lo; c < hi; c++) {
                    if (dqL[c - off] != 0) a.gb[c] -= dqL[c - off] * dx[c - base] * dy[j] * dz[k];
                }
            });
        }
        if (finish) a.finishDiagonal(par);     // the assembly gave the void cells no coupling
        filledOnce = a;
    }

    /** Which materials vary with temperature, which are isotropic, and the constant ones' conductivities. */
    private record Laws(boolean[] varies, boolean[] iso, double[] cx, double[] cy, double[] cz) { }

    /** Constant materials are evaluated once; only temperature-dependent ones per cell. */
    private Laws laws() {
        final var laws = p.laws();
        final int nm = laws.size();
        final boolean[] varies = new boolean[nm], iso = new boolean[nm];
        final double[] cx = new double[nm], cy = new double[nm], cz = new double[nm];
        for (int m = 0; m < nm; m++) {
            ConductivityLaw law = laws.get(m);
            varies[m] = !law.isConstant();
            iso[m] = law.isIsotropic();
            if (!varies[m]) {
                cx[m] = law.kx(tRef);
                cy[m] = law.ky(tRef);
                cz[m] = law.kz(tRef);
            }
        }
        return new Laws(varies, iso, cx, cy, cz);
    }

    /**
     * out = b - A theta for the operator of the conductivities at t (K) in double precision: the face conductances
     * exactly as {@link #assemble} computes them before rounding them to float for {@link Stencil7}, gb as assembled
     * (double in the operator already). A solve that starts from this residual and corrects theta with the float
     * operator (mixed-precision iterative refinement, Wilkinson's; Higham, Accuracy and Stability of Numerical
     * Algorithms, 2002, ch. 12) converges to the solution of the double system, because the float operator is within
     * 2^-24 of it: each correction leaves a residual of about 6e-8 of the one it started from. Each face's
     * conductance is formed from the same operands in the same order as the assembly's (bitwise the same value);
     * each cell sums its own terms (its up-face terms are kept for one plane, the plane above reads them negated),
     * so the result does not depend on the thread count.
     */
    void exactResidual(double[] t, double[] theta, double[] b, double[] gb, double[] out) {
        final int nx = g.nx, ny = g.ny, nz = g.nz, plane = nx * ny;
        final short[] mat = g.materialIds();
        final Laws lw = laws();
        if (upTerms == null) upTerms = new double[][]{new double[plane], new double[plane]};
        fillConductivities(0, t, kPlane[0], kPlane[1], kPlane[2], lw.varies(), lw.iso(), lw.cx(), lw.cy(), lw.cz());
        for (int kk = 0; kk < nz; kk++) {
            final int k = kk;
            final double[] kx = kPlane[3 * (k & 1)], ky = kPlane[3 * (k & 1) + 1], kz = kPlane[3 * (k & 1) + 2];
            final double[] kzUp = kPlane[3 * ((k + 1) & 1) + 2];
            if (k + 1 < nz)
                fillConductivities(k + 1, t, kPlane[3 * ((k + 1) & 1)], kPlane[3 * ((k + 1) & 1) + 1], kzUp,
                        lw.varies(), lw.iso(), lw.cx(), lw.cy(), lw.cz());
            final double rc = p.contactResistance(k);
            // g_up (theta_c - theta_above) of the plane below (read) and of this plane (written)
            final double[] below = upTerms[(k + 1) & 1], above = upTerms[k & 1];
            par.forEach(ny, (long) nx * ny, j -> {
                final int base = (k * ny + j) * nx, o = j * nx;
                for (int i = 0; i < nx; i++) {
                    final int c = base + i;
                    if (mat[c] < 0) {
                        out[c] = 0;
                        above[o + i] = 0;
                        continue;
                    }
                    final double tc = theta[c];
                    double s = gb[c] * tc;
                    if (i > 0 && mat[c - 1] >= 0) s += gEast(i - 1, j, k, kx, o) * (tc - theta[c - 1]);
                    if (i < nx - 1 && mat[c + 1] >= 0) s += gEast(i, j, k, kx, o) * (tc - theta[c + 1]);
                    if (j > 0 && mat[c - nx] >= 0) s += gNorth(i, j - 1, k, ky, o - nx) * (tc - theta[c - nx]);
                    if (j < ny - 1 && mat[c + nx] >= 0) s += gNorth(i, j, k, ky, o) * (tc - theta[c + nx]);
                    if (k > 0 && mat[c - plane] >= 0) s -= below[o + i];
                    double up = 0;
                    if (k < nz - 1 && mat[c + plane] >= 0) {
                        up = gUp(i, j, k, kz, kzUp, o, rc) * (tc - theta[c + plane]);
                        s += up;
                    }
                    above[o + i] = up;
                    out[c] = b[c] - s;
                }
            });
        }
    }

    /** Conductance (W/K) between cell (i, j, k) and its +x neighbour, kx of plane k indexed j nx + i (o = j nx). */
    private double gEast(int i, int j, int k, double[] kx, int o) {
        return dy[j] * dz[k] / (dx[i] / (2 * kx[o + i]) + dx[i + 1] / (2 * kx[o + i + 1]));
    }

    /** Conductance (W/K) between cell (i, j, k) and its +y neighbour. */
    private double gNorth(int i, int j, int k, double[] ky, int o) {
        return dx[i] * dz[k] / (dy[j] / (2 * ky[o + i]) + dy[j + 1] / (2 * ky[o + i + g.nx]));
    }

    /** Conductance (W/K) between cell (i, j, k) and its +z neighbour, across the contact resistance rc (m^2 K/W). */
    private double gUp(int i, int j, int k, double[] kz, double[] kzUp, int o, double rc) {
        return dx[i] * dy[j] / (dz[k] / (2 * kz[o + i]) + rc + dz[k + 1] / (2 * kzUp[o + i]));
    }

    /**
     * The conductivities of plane k (W/(m K); void cells 0) into kx, ky, kz (indexed j nx + i): constant materials
     * from their table, temperature-dependent ones at the cell's temperature. (A static plane that is reused keeps
     * its conductances; its boundary faces and the plane below still read these, constants there.)
     */
    private void fillConductivities(int k, double[] t, double[] kx, double[] ky, double[] kz, boolean[] varies,
                                    boolean[] iso, double[] cx, double[] cy, double[] cz) {
        final int nx = g.nx, ny = g.ny;
        final short[] mat = g.materialIds();
        final var laws = p.laws();
        par.forEach(ny, (long) nx * ny, j -> {
            int base = (k * ny + j) * nx, o = j * nx;
            for (int i = 0; i < nx; i++) {
                int c = base + i, m = mat[c];
                if (m < 0) { kx[o + i] = ky[o + i] = kz[o + i] = 0; continue; }
                if (!varies[m]) { kx[o + i] = cx[m]; ky[o + i] = cy[m]; kz[o + i] = cz[m]; continue; }
                ConductivityLaw law = laws.get(m);
                double tc = t[c];
                if (iso[m]) { kx[o + i] = ky[o + i] = kz[o + i] = law.kx(tc); continue; }
                kx[o + i] = law.kx(tc);
                ky[o + i] = law.ky(tc);
                kz[o + i] = law.kz(tc);
            }
        });
    }

    /** Power of the linearised feedback source at theta (W), as it entered the last linear system. */
    double feedbackPower(double[] qL, double[] dqL, double[] theta0, double[] theta) {
        return feedbackPower(qL, dqL, theta0, 0, theta);
    }

    /** As above, the linearisation stored for the cells [off, off + qL.length) (see {@link #assemble}). */
    double feedbackPower(double[] qL, double[] dqL, double[] theta0, int off, double[] theta) {
        final int nx = g.nx, ny = g.ny;
        double[] rows = new double[g.nz * ny];
        forSlabRows(off, qL.length, (row, lo, hi) -> {
            int k = row / ny, j = row - k * ny, base = row * nx;
            double s = 0;
            for (int c = lo; c < hi; c++) {
                int e = c - off;
                if (qL[e] != 0 || dqL[e] != 0)
                    s += (qL[e] + dqL[e] * (theta[c] - theta0[e])) * dx[c - base] * dy[j] * dz[k];
            }
            rows[row] = s;
        });
        double s = 0;
        for (double r : rows) s += r;
        return s;
    }

    /**
     * The linearised feedback's response to a field change w: the sum over the cells [off, off + len) of
     * dqL V w (W per kelvin of w), dqL stored for those cells; by grid rows added in row order.
     */
    double feedbackResponse(double[] dqL, int off, int len, float[] w) {
        final int nx = g.nx, ny = g.ny;
        double[] rows = new double[g.nz * ny];
        forSlabRows(off, len, (row, lo, hi) -> {
            int k = row / ny, j = row - k * ny, base = row * nx;
            double s = 0;
            for (int c = lo; c < hi; c++) {
                double d = dqL[c - off];
                if (d != 0) s += d * dx[c - base] * w[c];
            }
            rows[row] = s * dy[j] * dz[k];
        });
        double s = 0;
        for (double r : rows) s += r;
        return s;
    }

    /** A grid row's part [lo, hi) of a slab of cells. */
    @FunctionalInterface
    private interface SlabRow { void run(int row, int lo, int hi); }

    /** Runs body in parallel over the grid rows (k, j) that meet the cells [off, off + len), with their part. */
    private void forSlabRows(int off, int len, SlabRow body) {
        final int nx = g.nx;
        if (len <= 0) return;
        int r0 = off / nx, r1 = (off + len - 1) / nx + 1;
        par.forEach(r1 - r0, row -> {
            int r = r0 + row, lo = Math.max(off, r * nx), hi = Math.min(off + len, (r + 1) * nx);
            body.run(r, lo, hi);
        });
    }

    double[] dx() { return dx; }
    double[] dy() { return dy; }
    double[] dz() { return dz; }
}
