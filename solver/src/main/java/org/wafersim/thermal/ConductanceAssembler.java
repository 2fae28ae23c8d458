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
    private final ThermalProblem p;
    private final Grid g;
    private final Parallel par;
    private final double[] dx, dy, dz;
    final double tRef;
    /** Per-cell conductivity scratch, reused across Picard iterations. */
    private final double[] kx, ky, kz;
    /** Boundary-face conductances of the last assembly (W/K), for the heat-path budget. */
    final double[] gFace;
    /** Boundary faces grouped by direction (face indices in scan order). */
    private final int[][] facesByDirection;
    /** Planes k whose gx, gy and gz (to k + 1) do not depend on temperature. */
    private final boolean[] staticPlane;
    /** The operator the last assembly filled (its static planes need no refill). */
    private Stencil7 filledOnce;

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
        double m = Double.POSITIVE_INFINITY;
        for (int f = 0; f < bf.count; f++) m = Math.min(m, bf.ambient[f]);
        tRef = m;
        int n = g.cells();
        kx = new double[n];
        ky = new double[n];
        kz = new double[n];
        gFace = new double[bf.count];
        int[] perDir = new int[Face.values().length];
        for (int f = 0; f < bf.count; f++) perDir[Face.of(bf.face[f]).ordinal()]++;
        facesByDirection = new int[perDir.length][];
        for (int d = 0; d < perDir.length; d++) facesByDirection[d] = new int[perDir[d]];
        int[] fill = new int[perDir.length];
        for (int f = 0; f < bf.count; f++) {
            int d = Face.of(bf.face[f]).ordinal();
            facesByDirection[d][fill[d]++] = f;
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

    /** Fills a (conductances, diag) and b for the temperature field t (K; void cells ignored). */
    void assemble(double[] t, Stencil7 a, double[] b) {
        assemble(t, a, b, null, null, null);
    }

    /**
     * As {@link #assemble(double[], Stencil7, double[])} with a linearised temperature-dependent source
     * q(T) ~ qL + dqL (theta - theta0) (W/m^3): qL V goes to b, dqL V theta0 to b, and dqL V off the diagonal.
     */
    void assemble(double[] t, Stencil7 a, double[] b, double[] qL, double[] dqL, double[] theta0) {
        assemble(t, a, b, p.q(), qL, dqL, theta0, true);
    }

    /**
     * As above with the fixed source density {@code q} (W/m^3) given explicitly (time-dependent power); with
     * {@code finish} false the diagonal is left for the caller's {@link Stencil7#finish} (a caller that adds to gb
     * first and finishes once saves two passes over the operator).
     */
    void assemble(double[] t, Stencil7 a, double[] b, double[] q, double[] qL, double[] dqL, double[] theta0,
                  boolean finish) {
        final int nx = g.nx, ny = g.ny, nz = g.nz, plane = nx * ny;
        final short[] mat = g.materialIds();
        final var laws = p.laws();
        final int nm = laws.size();
        // Constant materials are evaluated once; only temperature-dependent ones per cell.
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
        // Planes whose face conductances involve no temperature-dependent material were filled on the first
        // assembly into this operator and have not changed since (callers change gb only): skip them.
        final boolean reuse = a == filledOnce;
        final boolean[] skip = staticPlane;
        // the fixed sources beside q (never scaled by the operating point; in every assembly, steady or transient)
        final double[] fx = p.fixed() == null ? null : p.fixed().density();
        par.forEach(nz * ny, row -> {
            int base = row * nx;
            if (reuse && skip[row / ny]) return;   // kx, ky, kz there are still those of the first fill
            for (int i = 0; i < nx; i++) {
                int c = base + i, m = mat[c];
                if (m < 0) { kx[c] = ky[c] = kz[c] = 0; continue; }
                if (!varies[m]) { kx[c] = cx[m]; ky[c] = cy[m]; kz[c] = cz[m]; continue; }
                ConductivityLaw law = laws.get(m);
                double tc = t[c];
                if (iso[m]) { kx[c] = ky[c] = kz[c] = law.kx(tc); continue; }
                kx[c] = law.kx(tc);
                ky[c] = law.ky(tc);
                kz[c] = law.kz(tc);
            }
        });
        par.forEach(nz * ny, row -> {
            int k = row / ny, j = row - k * ny;
            int base = row * nx;
            double rc = p.contactResistance(k);     // between planes k and k + 1 (0: perfect contact)
            if (reuse && skip[k]) {
                for (int i = 0; i < nx; i++) {
                    int c = base + i;
                    a.gb[c] = 0;
                    if (!a.active[c]) continue;
                    double v = dx[i] * dy[j] * dz[k];
                    b[c] = q[c] * v;
                    if (fx != null) b[c] += fx[c] * v;
                    if (qL != null) b[c] += (qL[c] - dqL[c] * theta0[c]) * v;
                }
                return;
            }
            for (int i = 0; i < nx; i++) {
                int c = base + i;
                boolean act = mat[c] >= 0;
                a.active[c] = act;
                a.gb[c] = 0;
                if (!act) { a.gx[c] = a.gy[c] = a.gz[c] = 0; b[c] = 0; continue; }
                a.gx[c] = (i < nx - 1 && mat[c + 1] >= 0)
                        ? dy[j] * dz[k] / (dx[i] / (2 * kx[c]) + dx[i + 1] / (2 * kx[c + 1])) : 0;
                a.gy[c] = (j < ny - 1 && mat[c + nx] >= 0)
                        ? dx[i] * dz[k] / (dy[j] / (2 * ky[c]) + dy[j + 1] / (2 * ky[c + nx])) : 0;
                a.gz[c] = (k < nz - 1 && mat[c + plane] >= 0)
                        ? dx[i] * dy[j] / (dz[k] / (2 * kz[c]) + rc + dz[k + 1] / (2 * kz[c + plane])) : 0;
                double v = dx[i] * dy[j] * dz[k];
                b[c] = q[c] * v;
                if (fx != null) b[c] += fx[c] * v;
                if (qL != null) b[c] += (qL[c] - dqL[c] * theta0[c]) * v;
            }
        });
        // Boundary faces, one direction at a time: a cell has at most one face per direction, so each group is
        // parallel without two faces adding to the same cell; the groups follow in a fixed order.
        final BoundaryFaces bf = p.boundary();
        for (int[] group : facesByDirection) {
            par.forBlocks(group.length, (lo, hi) -> {
                for (int gi = lo; gi < hi; gi++) {
                    int f = group[gi];
                    int c = bf.cell[f];
                    int i = c % nx, j = (c / nx) % ny, k = c / plane;
                    double area, half, kk;
                    switch (Face.of(bf.face[f])) {
                        case XMIN, XMAX -> { area = dy[j] * dz[k]; half = 0.5 * dx[i]; kk = kx[c]; }
                        case YMIN, YMAX -> { area = dx[i] * dz[k]; half = 0.5 * dy[j]; kk = ky[c]; }
                        default -> { area = dx[i] * dy[j]; half = 0.5 * dz[k]; kk = kz[c]; }
                    }
                    double film = Double.isInfinite(bf.h[f]) ? 0 : 1.0 / bf.h[f];
                    double gf = area / (half / kk + film);
                    gFace[f] = gf;
                    a.gb[c] += gf;
                    b[c] += gf * (bf.ambient[f] - tRef);
                }
            });
        }
        if (dqL != null) {
            // The linearised source enters as a negative boundary-like conductance, so that the multigrid's coarse
            // operators (which add the fine gb of each aggregate) see it too: near runaway it is what makes the
            // lowest modes soft, and a coarse grid without it would be far too stiff there.
            par.forEach(nz * ny, row -> {
                int k = row / ny, j = row - k * ny, base = row * nx;
                for (int i = 0; i < nx; i++) {
                    int c = base + i;
                    if (dqL[c] != 0) a.gb[c] -= dqL[c] * dx[i] * dy[j] * dz[k];
                }
            });
        }
        if (finish) a.finish(par);
        filledOnce = a;
    }

    /** Power of the linearised feedback source at theta (W), as it entered the last linear system. */
    double feedbackPower(double[] qL, double[] dqL, double[] theta0, double[] theta) {
        final int nx = g.nx, ny = g.ny, nz = g.nz;
        double[] rows = new double[nz * ny];
        par.forEach(nz * ny, row -> {
            int k = row / ny, j = row - k * ny, base = row * nx;
            double s = 0;
            for (int i = 0; i < nx; i++) {
                int c = base + i;
                if (qL[c] != 0 || dqL[c] != 0)
                    s += (qL[c] + dqL[c] * (theta[c] - theta0[c])) * dx[i] * dy[j] * dz[k];
            }
            rows[row] = s;
        });
        double s = 0;
        for (double r : rows) s += r;
        return s;
    }

    double[] dx() { return dx; }
    double[] dy() { return dy; }
    double[] dz() { return dz; }
}
