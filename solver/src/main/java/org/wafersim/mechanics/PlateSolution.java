package org.wafersim.mechanics;

/**
 * The displacements of a solved {@link PlateModel} and what follows from them: generalized strains, layer
 * stresses (plane stress, sigma = Q (eps0 + (z - z0) kappa - eps_th(z) (1,1,0))), interlayer shear strains
 * (gamma = s/h) and warpage. Quantities "at element e" are evaluated at the element centre.
 */
public final class PlateSolution {
    /**
     * Size and cost of the solve; {@code factorNonZeros} is the Cholesky factor's (the whole system's, or the
     * coarsest multigrid level's), {@code levels} 1 for the direct solver or the multigrid levels, and
     * {@code factorSeconds} the time to factorise or to build the hierarchy.
     */
    public record Stats(int unknowns, long matrixNonZeros, long factorNonZeros, int iterations, double relativeResidual,
                        boolean converged, double assemblySeconds, double factorSeconds, double solveSeconds,
                        int levels) { }

    /** In-plane stress state (Pa) at a point. */
    public record Stress(double xx, double yy, double xy) {
        /** von Mises equivalent stress of the plane-stress state. */
        public double vonMises() { return Math.sqrt(xx * xx - xx * yy + yy * yy + 3 * xy * xy); }

        /** Largest principal stress: the larger in-plane one, or sigma_zz = 0 of the plate if both compress. */
        public double maxPrincipal() {
            double m = 0.5 * (xx + yy), r = Math.hypot(0.5 * (xx - yy), xy);
            return Math.max(m + r, 0);
        }
    }

    private final PlateModel model;
    private final LayerStrains strains;
    private final double[][] disp;
    private final Stats stats;

    PlateSolution(PlateModel model, LayerStrains strains, double[][] disp, Stats stats) {
        this.model = model;
        this.strains = strains;
        this.disp = disp;
        this.stats = stats;
    }

    public PlateModel model() { return model; }

    public Stats stats() { return stats; }

    /** The thermal load this solution was solved for. */
    public LayerStrains strains() { return strains; }

    /**
     * The fields of laminate a at the point (x, y) by its element's shape functions (bilinear u, v; bicubic Hermite
     * w): {u0, v0, w, w_x, w_y} followed by the generalized strain (eps0_x, eps0_y, gamma0_xy, kappa_x, kappa_y,
     * kappa_xy), kappa = (-w_xx, -w_yy, -2 w_xy); the element is one that contains the point and where the laminate
     * exists. Null if there is none (outside the mesh or the laminate). Through its thickness the laminate moves as
     * u(z) = u0 - (z - z0) w_x (Kirchhoff).
     */
    public double[] fieldAt(int a, double x, double y) {
        PlateMesh m = model.mesh();
        int[] ci = containing(m.xs(), x), cj = containing(m.ys(), y);
        for (int j : cj)
            for (int i : ci) {
                if (i < 0 || j < 0 || !model.laminateAtElement(a, m.element(i, j))) continue;
                double dx = m.dx(i), dy = m.dy(j);
                double xi = Math.min(1, Math.max(0, (x - m.x(i)) / dx)), eta = Math.min(1, Math.max(0, (y - m.y(j)) / dy));
                double[][] bq = new double[6][PlateElement.N];
                double[] nw = new double[PlateElement.N], ur = new double[PlateElement.N], vr = new double[PlateElement.N];
                double[] wx = new double[PlateElement.N], wy = new double[PlateElement.N];
                PlateElement.strain(dx, dy, xi, eta, bq, nw, ur, vr, wx, wy);
                double[] d = local(a, i, j);
                double[] out = new double[11];
                out[0] = dot(ur, d);
                out[1] = dot(vr, d);
                out[2] = dot(nw, d);
                out[3] = dot(wx, d);
                out[4] = dot(wy, d);
                for (int p = 0; p < 6; p++) out[5 + p] = dot(bq[p], d);
                return out;
            }
        return null;
    }

    /** The plate element (i, j) that contains (x, y) and where the laminate exists, or null. */
    public int[] elementAt(int a, double x, double y) {
        PlateMesh m = model.mesh();
        for (int j : containing(m.ys(), y))
            for (int i : containing(m.xs(), x))
                if (i >= 0 && j >= 0 && model.laminateAtElement(a, m.element(i, j))) return new int[]{i, j};
        return null;
    }

    /** The one or two intervals of the node lines {@code f} that contain v (two on a line; -1 if none). */
    private static int[] containing(double[] f, double v) {
        int n = f.length - 1;
        double tol = 1e-12 * (f[n] - f[0]);
        if (v < f[0] - tol || v > f[n] + tol) return new int[]{-1};
        int lo = 0, hi = n;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (f[mid] <= v) lo = mid; else hi = mid;
        }
        int i = Math.min(lo, n - 1);
        if (Math.abs(v - f[i]) <= tol && i > 0) return new int[]{i, i - 1};
        if (Math.abs(v - f[i + 1]) <= tol && i + 1 < n) return new int[]{i, i + 1};
        return new int[]{i};
    }

    /** Displacement component of laminate a at node n (m, or rad for slopes); NaN where the laminate is absent. */
    public double displacement(int a, int node, PlateModel.Dof d) {
        return disp[a][node * PlateModel.DOFS + d.ordinal()];
    }

    private double[] local(int a, int i, int j) {
        int[] nodes = model.elementNodes(i, j);
        double[] d = new double[PlateElement.N];
        for (int ln = 0; ln < 4; ln++)
            for (int q = 0; q < PlateModel.DOFS; q++) d[ln * PlateModel.DOFS + q] = disp[a][nodes[ln] * PlateModel.DOFS + q];
        return d;
    }

    private static double dot(double[] row, double[] d) {
        double s = 0;
        for (int l = 0; l < row.length; l++) if (row[l] != 0) s += row[l] * d[l];
        return s;
    }

    /** Generalized strain (eps0_x, eps0_y, gamma0_xy, kappa_x, kappa_y, kappa_xy) of laminate a at element (i, j). */
    public double[] generalizedStrain(int a, int i, int j) {
        PlateElement pe = model.kernel(i, j);
        double[] d = local(a, i, j);
        double[] e = new double[6];
        for (int p = 0; p < 6; p++) e[p] = dot(pe.bC[p], d);
        return e;
    }

    /**
     * Stress in plate layer l at element (i, j), at the relative height {@code f} through the layer (0 bottom,
     * 0.5 middle, 1 top); null if the layer does not cover the element.
     */
    public Stress layerStress(int l, int i, int j, double f) {
        StackLayer ly = model.layers().get(l);
        int a = model.laminateOf(l);
        if (a < 0) throw new IllegalArgumentException(ly.name() + " is not a plate layer");
        int e = model.mesh().element(i, j);
        if (!ly.covers(model.mesh().xc(i), model.mesh().yc(j))) return null;
        double[] g = generalizedStrain(a, i, j);
        double z = ly.zBottom() + f * ly.thickness() - model.laminates().get(a).z0();
        double th = f == 0 ? strains.bottom(l, e) : f == 1 ? strains.top(l, e)
                : strains.int0(l, e) / ly.thickness() + (f - 0.5) * 12 * strains.int1(l, e) / (ly.thickness() * ly.thickness());
        double ex = g[0] + z * g[3] - th, ey = g[1] + z * g[4] - th, gxy = g[2] + z * g[5];
        double q11 = ly.youngs() / (1 - ly.poisson() * ly.poisson()), q12 = ly.poisson() * q11;
        double q66 = ly.youngs() / (2 * (1 + ly.poisson()));
        return new Stress(q11 * ex + q12 * ey, q12 * ex + q11 * ey, q66 * gxy);
    }

    /**
     * Shear displacement (s_x, s_y) across interlayer k at element (i, j) (m): the top face's in-plane displacement
     * relative to the bottom face's, plus h times the mean slope; gamma = s/h. NaN where the interlayer is absent.
     */
    public double[] interlayerSlip(int k, int i, int j) {
        PlateModel.Interlayer il = model.interlayers().get(k);
        int e = model.mesh().element(i, j);
        if (!model.interlayerAtElement(k, e)) return new double[]{Double.NaN, Double.NaN};
        StackLayer ly = model.layers().get(il.layer());
        double h = ly.thickness();
        double da = model.laminates().get(il.above()).z0() - ly.zTop() + 0.5 * h;
        double db = ly.zBottom() - model.laminates().get(il.below()).z0() + 0.5 * h;
        PlateElement pe = model.kernel(i, j);
        double[] a = local(il.above(), i, j), b = local(il.below(), i, j);
        double sx = dot(pe.uC, a) + da * dot(pe.wxC, a) - dot(pe.uC, b) + db * dot(pe.wxC, b);
        double sy = dot(pe.vC, a) + da * dot(pe.wyC, a) - dot(pe.vC, b) + db * dot(pe.wyC, b);
        return new double[]{sx, sy};
    }

    /**
     * Warpage of laminate a at the nodes ({@code [y][x]} flattened, m): w minus its least-squares plane over the
     * laminate's nodes, so that rigid tilt and translation (which depend on how the stack is held) drop out; NaN
     * where the laminate is absent.
     */
    public double[] warpage(int a) {
        return warpage(a, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY);
    }

    /** Warpage over the part of laminate a inside [x0, x1] x [y0, y1] (NaN outside): a layer's own footprint. */
    public double[] warpage(int a, double x0, double x1, double y0, double y1) {
        PlateMesh m = model.mesh();
        double tol = 1e-9 * Math.max(m.x(m.nx) - m.x(0), m.y(m.ny) - m.y(0));
        java.util.function.IntPredicate inside = n -> {
            double x = m.x(n % (m.nx + 1)), y = m.y(n / (m.nx + 1));
            return model.laminateAtNode(a, n) && x >= x0 - tol && x <= x1 + tol && y >= y0 - tol && y <= y1 + tol;
        };
        int nn = m.nodes();
        // least squares w ~ c0 + c1 x + c2 y
        double[][] ata = new double[3][3];
        double[] atb = new double[3];
        for (int j = 0; j <= m.ny; j++)
            for (int i = 0; i <= m.nx; i++) {
                int n = m.node(i, j);
                if (!inside.test(n)) continue;
                double[] r = {1, m.x(i), m.y(j)};
                double w = displacement(a, n, PlateModel.Dof.W);
                for (int p = 0; p < 3; p++) {
                    atb[p] += r[p] * w;
                    for (int q = 0; q < 3; q++) ata[p][q] += r[p] * r[q];
                }
            }
        double[] c = solve3(ata, atb);
        double[] out = new double[nn];
        for (int j = 0; j <= m.ny; j++)
            for (int i = 0; i <= m.nx; i++) {
                int n = m.node(i, j);
                out[n] = inside.test(n)
                        ? displacement(a, n, PlateModel.Dof.W) - (c[0] + c[1] * m.x(i) + c[2] * m.y(j)) : Double.NaN;
            }
        return out;
    }

    private static double[] solve3(double[][] a, double[] b) {
        org.apache.commons.math3.linear.RealMatrix m = new org.apache.commons.math3.linear.Array2DRowRealMatrix(a);
        return new org.apache.commons.math3.linear.LUDecomposition(m).getSolver()
                .solve(new org.apache.commons.math3.linear.ArrayRealVector(b)).toArray();
    }
}
