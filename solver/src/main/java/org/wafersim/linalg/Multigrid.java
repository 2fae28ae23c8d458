package org.wafersim.linalg;

import java.util.ArrayList;
import java.util.List;

/**
 * Geometric multigrid preconditioner for {@link Stencil7} operators on layered rectilinear grids.
 *
 * <ul>
 *   <li><b>Smoother:</b> z-line red-black Gauss-Seidel ({@link LineSmoother}); pre-smoothing red then black,
 *       post-smoothing black then red, so the cycle is a symmetric operator and can precondition CG.</li>
 *   <li><b>Semi-coarsening in x-y only:</b> z is never coarsened, which together with exact z-line solves makes the
 *       cycle robust for thin layers and vertical conductivity jumps (Trottenberg, Oosterlee &amp; Schueller,
 *       Multigrid, 2001, section 5.2).</li>
 *   <li><b>Transfer:</b> cell-centred aggregation of 1 or 2 cells per in-plane axis, chosen from the cell widths
 *       ({@link #groups}) so that graded regions are coarsened only along their short side; restriction sums the
 *       residual over the aggregate,
 *       prolongation injects the coarse correction (Wesseling, An Introduction to Multigrid Methods, 1992, ch. 5).
 *       Piecewise-constant transfer does not smear corrections across material jumps and void boundaries
 *       (Alcouffe, Brandt, Dendy &amp; Painter, SIAM J. Sci. Stat. Comput. 2, 1981, discuss why that matters).</li>
 *   <li><b>Coarse operators:</b> vertical conductances and boundary conductances of an aggregate add (parallel
 *       paths, as Galerkin gives); an in-plane conductance across a coarse face is the sum of the fine face
 *       conductances scaled by d_fine/d_coarse (fine to coarse centre distance). For a pair of equal cells this is
 *       exactly the series resistance from the coarse centre to the next one (fine conductance / 2), i.e. the
 *       rediscretised operator; pure Galerkin aggregation would be twice too stiff in-plane. They are held in single
 *       precision (each sum rounded to float, the diagonal summed from the rounded conductances and rounded up, so
 *       each stays symmetric positive definite), like the finest level's smoother copy: they only precondition.</li>
 *   <li><b>Coarsest level:</b> sparse Cholesky ({@link CoarseDirectSolver}) once the level has at most
 *       {@code maxCoarse} cells or cannot be coarsened further.</li>
 * </ul>
 * Cycles are V(1,1) by default, V(s,s) or W on request; every operation is parallel over rows with fixed partitions,
 * so the result is independent of the thread count.
 */
public final class Multigrid {
    /** Default size of the coarsest level solved directly (EJML Cholesky stays below ~0.1 s there). */
    public static final int DEFAULT_MAX_COARSE = 6000;

    private final Parallel par;
    private final List<Level> levels = new ArrayList<>();
    private CoarseDirectSolver coarse;
    private final int gamma;
    private final int preSweeps, postSweeps;

    private static final class Level {
        final Stencil7 a;      // the finest level's operator (double); null on the coarse levels
        final int nx, ny, nz;
        final boolean[] active;
        final double[] xf, yf; // in-plane face coordinates (m) of this level
        int[] xmap, ymap;      // fine column/row -> coarse column/row of the next level (set when coarsened)
        int[] yStart;          // first fine row of each coarse row (set when coarsened)
        double[] sx, sy;       // in-plane scaling d_fine / d_coarse across each coarse face (set when coarsened)
        // A' and its line factors; on a coarse level also the level's operator itself (float), which the next
        // coarser level is built from (null on a one-level hierarchy's only level)
        LineSmoother smoother;
        double[] b, x;          // work vectors (not used on level 0, where the caller's arrays are used)
        final ThreadLocal<double[]> rowScratch;   // one row of A x, per thread (restriction)

        /** The finest level. */
        Level(Stencil7 a, double[] xf, double[] yf) {
            this(a, a.nx, a.ny, a.nz, a.active, xf, yf);
        }

        /** A coarse level: its operator is its smoother's float A'. */
        Level(LineSmoother op, double[] xf, double[] yf) {
            this(null, op.nx, op.ny, op.nz, op.active, xf, yf);
            smoother = op;
        }

        private Level(Stencil7 a, int nx, int ny, int nz, boolean[] active, double[] xf, double[] yf) {
            this.a = a;
            this.nx = nx;
            this.ny = ny;
            this.nz = nz;
            this.active = active;
            this.xf = xf;
            this.yf = yf;
            this.rowScratch = ThreadLocal.withInitial(() -> new double[nx]);
        }

        int size() { return nx * ny * nz; }
    }

    /**
     * @param fine     the finest operator (not copied; rebuild the multigrid when it changes)
     * @param xFaces   in-plane x face coordinates of the fine grid (nx + 1 values)
     * @param yFaces   in-plane y face coordinates (ny + 1 values)
     * @param par      thread pool
     * @param wCycle   W(1,1) instead of V(1,1)
     * @param maxCoarse largest level solved directly
     */
    public Multigrid(Stencil7 fine, double[] xFaces, double[] yFaces, Parallel par, boolean wCycle, int maxCoarse) {
        this(fine, xFaces, yFaces, par, wCycle, maxCoarse, 1);
    }

    /** As above with {@code sweeps} smoothing sweeps before and after each coarse-grid correction (V(s, s)). */
    public Multigrid(Stencil7 fine, double[] xFaces, double[] yFaces, Parallel par, boolean wCycle, int maxCoarse,
                     int sweeps) {
        if (xFaces.length != fine.nx + 1 || yFaces.length != fine.ny + 1)
            throw new IllegalArgumentException("face arrays do not match the operator");
        if (sweeps < 1) throw new IllegalArgumentException("at least one smoothing sweep, got " + sweeps);
        this.par = par;
        this.gamma = wCycle ? 2 : 1;
        this.preSweeps = sweeps;
        this.postSweeps = sweeps;
        Level l = new Level(fine, xFaces, yFaces);
        levels.add(l);
        double hx = medianWidth(xFaces), hy = medianWidth(yFaces);
        int depth = 0;
        while ((long) l.size() > maxCoarse && (l.nx > 1 || l.ny > 1)) {
            depth++;
            l.xmap = groups(l.xf, hx * Math.pow(2, depth));
            l.ymap = groups(l.yf, hy * Math.pow(2, depth));
            l.yStart = starts(l.ymap, l.ymap[l.ymap.length - 1] + 1);
            l = coarsen(l);
            levels.add(l);
        }
        if (levels.size() > 1) levels.get(0).smoother = new LineSmoother(fine, par);
        for (int i = 1; i < levels.size(); i++) {
            Level lv = levels.get(i);
            lv.b = new double[lv.size()];
            lv.x = new double[lv.size()];
        }
        coarse = coarsestSolver();
    }

    public Multigrid(Stencil7 fine, double[] xFaces, double[] yFaces, Parallel par) {
        this(fine, xFaces, yFaces, par, false, DEFAULT_MAX_COARSE);
    }

    public int levelCount() { return levels.size(); }

    /**
     * Re-factors the finest level's line smoother after its operator (which the hierarchy shares, not copies)
     * changed in place. The coarse levels keep the operator they were built from: a symmetric positive definite
     * approximation is all a CG preconditioner needs, while a smoother whose line factors do not match its operator
     * would make the cycle unsymmetric.
     */
    public void refreshFinest() {
        if (levels.size() > 1) levels.get(0).smoother.refactor(par);   // in place: no 2 x n allocation per step
    }

    /** Cells per level, finest first (for reports). */
    public int[] levelSizes() {
        int[] s = new int[levels.size()];
        for (int i = 0; i < s.length; i++) s[i] = levels.get(i).size();
        return s;
    }

    /** z = M^-1 r: one cycle from a zero initial guess (z's incoming values must be finite; they are not used). */
    public void precondition(double[] r, double[] z) {
        if (levels.size() == 1) {
            java.util.Arrays.fill(z, 0.0);
            cycle(0, r, z, true);
        } else {
            cycle(0, r, z, true);    // the zero-start pre-sweep writes every cell of z: no clearing needed
        }
    }

    /** One cycle on A x = b from the current x (usable as a stand-alone iterative solver). */
    public void cycle(double[] b, double[] x) {
        cycle(0, b, x, false);
    }

    /** @param zero x is zero on entry (then the first pre-smoothing sweep does not read it) */
    private void cycle(int li, double[] b, double[] x, boolean zero) {
        Level l = levels.get(li);
        if (li == levels.size() - 1) {
            coarse.solve(b, x);
            return;
        }
        smooth(l, b, x, 0, preSweeps, zero);
        Level c = levels.get(li + 1);
        restrictResidual(l, b, x, c);
        // c.x needs no clearing: the coarse cycle starts from zero (its first sweep, or the direct solve, writes it)
        int g = (li + 1 == levels.size() - 1) ? 1 : gamma;
        for (int t = 0; t < g; t++) cycle(li + 1, c.b, c.x, t == 0);
        prolongAdd(l, c, x);
        smooth(l, b, x, 1, postSweeps, false);
    }

    /** {@code count} sweeps starting with colour {@code first}, two at a time in one pass where possible. */
    private void smooth(Level l, double[] b, double[] x, int first, int count, boolean zero) {
        int s = 0;
        for (; s + 1 < count; s += 2) l.smoother.sweepTwice(par, b, x, first, zero && s == 0);
        if (s < count) l.smoother.sweep(par, b, x, first, zero && s == 0);
    }

    /**
     * c.b = sum over each aggregate of (b - A x), just after the pre-smoothing sweep. That sweep ends with exact
     * z-line solves on the second colour's columns, so the residual there is zero (to round-off) and only the first
     * colour's cells are summed: half the work of a full residual.
     */
    private void restrictResidual(Level f, double[] b, double[] x, Level c) {
        final int nx = f.nx, ny = f.ny, nz = f.nz;
        final int cnx = c.nx, cny = c.ny;
        final double[] cb = c.b;
        final int[] xmap = f.xmap, yStart = f.yStart;
        final ThreadLocal<double[]> scratch = f.rowScratch;
        // coarse rows y-index by y-index through the planes (as the smoother walks): the fine rows' neighbours in
        // the plane below are still in cache; each coarse row's sum is the same in any order
        par.forEach(cny, (long) nx * ny * nz, J -> {
            double[] rrow = scratch.get();
            for (int k = 0; k < nz; k++) {
                int cbase = (k * cny + J) * cnx;
                for (int I = 0; I < cnx; I++) cb[cbase + I] = 0;
                for (int j = yStart[J]; j < yStart[J + 1]; j++) {
                    int row = k * ny + j;
                    int i0 = j & 1;                 // the first colour's columns in row j (LineSmoother's parity)
                    // A' of the sweep, into a row-sized buffer; the strided half costs less than a vectorised full row
                    f.smoother.residualRowColourTo(row, b, x, rrow, i0);
                    for (int i = i0; i < nx; i += 2) cb[cbase + xmap[i]] += rrow[i];
                }
                for (int I = 0; I < cnx; I++) if (!c.active[cbase + I]) cb[cbase + I] = 0;
            }
        });
    }

    /** x += P xc (piecewise-constant injection). */
    private void prolongAdd(Level f, Level c, double[] x) {
        final int nx = f.nx, ny = f.ny, cnx = c.nx, cny = c.ny;
        final double[] xc = c.x;
        final boolean[] act = f.active;
        final int[] xmap = f.xmap, ymap = f.ymap;
        par.forEach(f.nz * ny, (long) f.size(), row -> {
            int k = row / ny, j = row - k * ny;
            int base = row * nx, cbase = (k * cny + ymap[j]) * cnx;
            for (int i = 0; i < nx; i++) if (act[base + i]) x[base + i] += xc[cbase + xmap[i]];
        });
    }

    private Level coarsen(Level f) {
        final int nx = f.nx, ny = f.ny, nz = f.nz;
        final int cnx = f.xmap[nx - 1] + 1, cny = f.ymap[ny - 1] + 1;
        final int[] xs = starts(f.xmap, cnx), ys = starts(f.ymap, cny);
        double[] cxf = new double[cnx + 1], cyf = new double[cny + 1];
        for (int I = 0; I <= cnx; I++) cxf[I] = f.xf[xs[I]];
        for (int J = 0; J <= cny; J++) cyf[J] = f.yf[ys[J]];
        // In-plane scaling d_fine / d_coarse across each coarse face.
        f.sx = new double[cnx];
        f.sy = new double[cny];
        for (int I = 0; I < cnx - 1; I++) {
            int i = xs[I + 1] - 1; // fine face between i and i+1 is the coarse face between I and I+1
            f.sx[I] = (centre(f.xf, i + 1) - centre(f.xf, i)) / (centre(cxf, I + 1) - centre(cxf, I));
        }
        for (int J = 0; J < cny - 1; J++) {
            int j = ys[J + 1] - 1;
            f.sy[J] = (centre(f.yf, j + 1) - centre(f.yf, j)) / (centre(cyf, J + 1) - centre(cyf, J));
        }
        LineSmoother c = new LineSmoother(cnx, cny, nz);
        fillCoarse(f, c);
        return new Level(c, cxf, cyf);
    }

    /**
     * c = the coarse operator of level f (see the class comment), written into c's arrays in single precision (the
     * sums in double, each rounded once), and c's line factors. The coarse levels only precondition, like the
     * smoothers' float copies; held in float they take 24 bytes a cell instead of 61 (a double operator and its
     * smoother's float copy), which on the full wafer is 100 MB less to allocate per hierarchy.
     */
    private void fillCoarse(Level f, LineSmoother c) {
        final Stencil7 a = f.a;
        final LineSmoother fo = f.smoother;
        // the finest level is read from its operator (its smoother may not exist yet), a coarse one from its own;
        // the couplings are float on every level, the boundary conductances double on the finest only
        final float[] fx = a != null ? a.gx : fo.gx, fy = a != null ? a.gy : fo.gy, fz = a != null ? a.gz : fo.gz;
        final double[] db = a == null ? null : a.gb;
        final float[] fb = a != null ? null : fo.gb;
        final boolean[] active = f.active;
        final int nx = f.nx, ny = f.ny, nz = f.nz, cnx = c.nx, cny = c.ny;
        final int[] xs = starts(f.xmap, cnx), ys = f.yStart;
        final double[] sx = f.sx, sy = f.sy;
        par.forEach(nz * cny, (long) nx * ny * nz, crow -> {
            int k = crow / cny, J = crow - k * cny;
            for (int I = 0; I < cnx; I++) {
                int C = crow * cnx + I;
                double gzs = 0, gbs = 0, gxs = 0, gys = 0;
                boolean act = false;
                for (int j = ys[J]; j < ys[J + 1]; j++)
                    for (int i = xs[I]; i < xs[I + 1]; i++) {
                        int cc = (k * ny + j) * nx + i;
                        if (!active[cc]) continue;
                        act = true;
                        gzs += fz[cc];
                        gbs += db != null ? db[cc] : fb[cc];
                    }
                if (I < cnx - 1)
                    for (int j = ys[J]; j < ys[J + 1]; j++) {
                        int cc = (k * ny + j) * nx + xs[I + 1] - 1;
                        gxs += fx[cc];
                    }
                if (J < cny - 1)
                    for (int i = xs[I]; i < xs[I + 1]; i++) {
                        int cc = (k * ny + ys[J + 1] - 1) * nx + i;
                        gys += fy[cc];
                    }
                c.active[C] = act;
                c.gz[C] = k < nz - 1 ? (float) gzs : 0;
                c.gb[C] = (float) gbs;
                c.gx[C] = I < cnx - 1 ? (float) (gxs * sx[I]) : 0;
                c.gy[C] = J < cny - 1 ? (float) (gys * sy[J]) : 0;
            }
        });
        // an inactive cell keeps no coupling (as Stencil7.finish leaves it); the fill gives it none already when
        // the fine level has none, this makes sure
        final int plane = cnx * cny;
        par.forEach(nz, (long) plane * nz, k -> {
            for (int j = 0; j < cny; j++)
                for (int i = 0; i < cnx; i++) {
                    int q = (k * cny + j) * cnx + i;
                    if (c.active[q]) continue;
                    c.gx[q] = c.gy[q] = c.gz[q] = c.gb[q] = 0;
                    if (i > 0) c.gx[q - 1] = 0;
                    if (j > 0) c.gy[q - cnx] = 0;
                    if (k > 0) c.gz[q - plane] = 0;
                }
        });
        c.refactor(par);
    }

    /** The coarsest level's direct solver, on its operator as the cycle uses it (the float A' in double). */
    private CoarseDirectSolver coarsestSolver() {
        Level l = levels.get(levels.size() - 1);
        if (l.a != null) return new CoarseDirectSolver(l.a);
        LineSmoother o = l.smoother;
        double[] d = new double[o.size()];
        for (int q = 0; q < d.length; q++) d[q] = o.diag[q];
        return new CoarseDirectSolver(o.nx, o.ny, o.nz, o.gx, o.gy, o.gz, d);
    }

    /**
     * Recomputes every coarse level, the smoothers' factors and the coarsest factorisation from the finest operator
     * after its coefficients changed in place (same grid, same active cells), reusing the hierarchy's arrays: about
     * a third of the cost of a new hierarchy, which mostly allocates.
     */
    public void rebuild() {
        for (int i = 0; i + 1 < levels.size(); i++) fillCoarse(levels.get(i), levels.get(i + 1).smoother);
        if (levels.size() > 1) levels.get(0).smoother.refactor(par);   // fillCoarse refactors the coarse levels
        coarse = coarsestSolver();
    }

    /**
     * Grid-adapted coarsening along one axis: neighbouring cells are paired while the pair is no wider than
     * 1.25 x the level's target width (2^level x the median fine width); wider cells stay single until the target
     * catches up. On a graded grid this coarsens only where cells are small, which keeps coarse cells close to
     * isotropic: cells much longer in x than in y (a graded overhang next to fine die cells) are a strong in-plane
     * anisotropy that a z-line smoother cannot smooth, and it must then be coarsened only along y (semi-coarsening
     * in the strongly coupled direction, Trottenberg et al. section 5.1). Returns fine index -> coarse index.
     */
    static int[] groups(double[] faces, double target) {
        int n = faces.length - 1;
        int[] map = new int[n];
        int g = 0, i = 0;
        boolean merged = false;
        while (i < n) {
            double w = faces[i + 1] - faces[i];
            if (i + 1 < n && w + (faces[i + 2] - faces[i + 1]) <= 1.25 * target) {
                map[i] = map[i + 1] = g++;
                i += 2;
                merged = true;
            } else {
                map[i++] = g++;
            }
        }
        if (!merged && n > 1) {
            // Nothing small enough to pair: pair everything so that the hierarchy always shrinks.
            for (i = 0; i < n; i++) map[i] = i / 2;
        }
        return map;
    }

    /** starts[I] = first fine index of coarse index I; starts[count] = n. */
    private static int[] starts(int[] map, int count) {
        int[] s = new int[count + 1];
        java.util.Arrays.fill(s, -1);
        for (int i = map.length - 1; i >= 0; i--) s[map[i]] = i;
        s[count] = map.length;
        return s;
    }

    private static double medianWidth(double[] f) {
        double[] w = new double[f.length - 1];
        for (int i = 0; i < w.length; i++) w[i] = f[i + 1] - f[i];
        java.util.Arrays.sort(w);
        return w[w.length / 2];
    }

    private static double centre(double[] faces, int i) { return 0.5 * (faces[i] + faces[i + 1]); }

}
