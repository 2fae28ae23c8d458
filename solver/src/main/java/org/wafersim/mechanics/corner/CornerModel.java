package org.wafersim.mechanics.corner;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.wafersim.errors.NotPositiveDefiniteException;
import org.wafersim.linalg.NestedDissection;
import org.wafersim.linalg.Parallel;
import org.wafersim.linalg.Pcg;
import org.wafersim.linalg.SparseCholesky;
import org.wafersim.linalg.SparseSymmetric;

/**
 * Three-dimensional linear thermo-elasticity on a box of trilinear hexahedra (8-node bricks, 2×2×2 Gauss points;
 * Zienkiewicz, Taylor &amp; Zhu, <i>The Finite Element Method</i>, 7th ed., 2013, ch. 6 and 9), the local model at
 * the connector's critical corner ({@link CornerSubmodel} drives it from the plate solution):
 * <pre>
 *   σ = D (ε − ε_th),   ε_th = (ε_in, ε_in, ε_z, 0, 0, 0),   K u = Σ_e ∫ Bᵀ D ε_th dV + f_springs   (u prescribed where given)
 * </pre>
 * with D the transversely isotropic elasticity of each element's material (z the axis; Voigt order xx, yy, zz,
 * yz, xz, xy, engineering shear strains). Elements may be void (a free edge: the wafer and the connector end inside
 * the box, the board goes on); nodes that touch no solid element carry no unknowns. The unknowns are numbered in
 * nested-dissection order, the stiffness is factorised by the project's sparse Cholesky and the system solved by
 * its conjugate gradients with the factor as preconditioner (one or two iterations to the tolerance).
 */
public final class CornerModel {
    /**
     * A transversely isotropic material, z the axis of symmetry (Lekhnitskii, <i>Theory of Elasticity of an
     * Anisotropic Body</i>, 1981, sec. 3): in Voigt order the compliance has S11 = S22 = 1/E, S12 = −ν/E,
     * S13 = S23 = −ν_xz/E (ε_z = −ν_xz σ_x / E), S33 = 1/E_z, S44 = S55 = 1/G_xz, S66 = 2(1+ν)/E; D = S⁻¹.
     * An isotropic material has E_z = E, ν_xz = ν, G_xz = E/(2(1+ν)), α_z = α.
     *
     * @param youngsModulus  in-plane E, Pa
     * @param poisson        in-plane ν
     * @param cte            in-plane α, 1/K (used by {@link #solve(double[], Map, Parallel, double)} only)
     * @param youngsThrough  E_z, Pa
     * @param poissonThrough ν_xz
     * @param shearThrough   G_xz, Pa
     * @param cteThrough     α_z, 1/K
     */
    public record Material(double youngsModulus, double poisson, double cte, double youngsThrough,
                           double poissonThrough, double shearThrough, double cteThrough) {
        public Material {
            double e = youngsModulus, nu = poisson, ez = youngsThrough, nz = poissonThrough;
            // positive definite: E, E_z, G_xz > 0, |nu| < 1 and det of the normal block > 0
            boolean ok = e > 0 && ez > 0 && shearThrough > 0 && nu > -1 && nu < 1
                    && (1 + nu) * (1 - nu - 2 * nz * nz * ez / e) > 0;
            if (!ok || !Double.isFinite(cte) || !Double.isFinite(cteThrough)) {
                throw new IllegalArgumentException("a material needs E > 0, -1 < nu < 0.5 (a positive definite "
                        + "elasticity) and a finite CTE, got E " + e + ", nu " + nu + ", E_z " + ez + ", nu_xz " + nz
                        + ", G_xz " + shearThrough + ", CTE " + cte + ", " + cteThrough);
            }
        }

        /** An isotropic material. */
        public Material(double youngsModulus, double poisson, double cte) {
            this(youngsModulus, poisson, cte, youngsModulus, poisson, youngsModulus / (2 * (1 + poisson)), cte);
        }

        /** D in Voigt order (6×6, row-major). */
        double[] elasticity() {
            double e = youngsModulus, nu = poisson, ez = youngsThrough, nz = poissonThrough;
            double[][] s = {{1 / e, -nu / e, -nz / e}, {-nu / e, 1 / e, -nz / e}, {-nz / e, -nz / e, 1 / ez}};
            double det = s[0][0] * (s[1][1] * s[2][2] - s[1][2] * s[2][1]) - s[0][1] * (s[1][0] * s[2][2] - s[1][2] * s[2][0])
                    + s[0][2] * (s[1][0] * s[2][1] - s[1][1] * s[2][0]);
            double[] d = new double[36];
            for (int a = 0; a < 3; a++)
                for (int b = 0; b < 3; b++) {
                    int a1 = (a + 1) % 3, a2 = (a + 2) % 3, b1 = (b + 1) % 3, b2 = (b + 2) % 3;
                    // inverse = adjugate / det (cofactor of the symmetric block)
                    d[a * 6 + b] = (s[b1][a1] * s[b2][a2] - s[b1][a2] * s[b2][a1]) / det;
                }
            d[3 * 6 + 3] = shearThrough;
            d[4 * 6 + 4] = shearThrough;
            d[5 * 6 + 5] = e / (2 * (1 + nu));
            return d;
        }
    }

    /**
     * Springs on nodes (a surface's compliant neighbour lumped onto its nodes): per node the stiffness
     * (k_x, k_y, k_z, N/m) and the force (f_x, f_y, f_z, N) added to the node's equations.
     */
    public record NodeSpring(double[] stiffness, double[] force) { }

    /** The solution: nodal displacements (NaN where a node carries none) and element-centre stresses. */
    public record Solution(double[] ux, double[] uy, double[] uz, double[][] stress, double[][] strain,
                           int iterations, double relativeResidual, int unknowns, long factorNonZeros,
                           double assemblySeconds, double factorSeconds) {
        /** Stress component c (0..5: xx, yy, zz, yz, xz, xy) at element e, Pa (NaN for a void element). */
        public double stress(int e, int c) { return stress[c][e]; }

        /** Total strain component c (engineering shear) at element e (NaN for a void element). */
        public double strain(int e, int c) { return strain[c][e]; }
    }

    private final double[] xs, ys, zs;
    private final int nx, ny, nz;
    private final int[] elementMaterial;
    private final List<Material> materials;

    /**
     * @param xs              node coordinates in x, increasing (m)
     * @param ys              in y
     * @param zs              in z
     * @param elementMaterial per element (index (k·ny + j)·nx + i) the index into {@code materials}, or -1 (void)
     * @param materials       the materials
     */
    public CornerModel(double[] xs, double[] ys, double[] zs, int[] elementMaterial, List<Material> materials) {
        this.xs = xs.clone();
        this.ys = ys.clone();
        this.zs = zs.clone();
        nx = xs.length - 1;
        ny = ys.length - 1;
        nz = zs.length - 1;
        if (nx < 1 || ny < 1 || nz < 1) throw new IllegalArgumentException("a box needs at least one element each way");
        if (elementMaterial.length != nx * ny * nz) throw new IllegalArgumentException("one material per element");
        this.elementMaterial = elementMaterial.clone();
        this.materials = List.copyOf(materials);
    }

    public int nx() { return nx; }

    public int ny() { return ny; }

    public int nz() { return nz; }

    public int element(int i, int j, int k) { return (k * ny + j) * nx + i; }

    public int node(int i, int j, int k) { return (k * (ny + 1) + j) * (nx + 1) + i; }

    public int nodes() { return (nx + 1) * (ny + 1) * (nz + 1); }

    public double x(int i) { return xs[i]; }

    public double y(int j) { return ys[j]; }

    public double z(int k) { return zs[k]; }

    public int materialOf(int e) { return elementMaterial[e]; }

    /**
     * Solves for the displacements under the element temperature changes {@code deltaT} (K from the stress-free
     * state, free strain α ΔT in-plane and α_z ΔT through) with the prescribed nodal displacements {@code fixed}
     * (node → {u_x, u_y, u_z}, a NaN component free).
     *
     * @param tolerance relative residual of CG
     */
    public Solution solve(double[] deltaT, Map<Integer, double[]> fixed, Parallel par, double tolerance) {
        int ne = nx * ny * nz;
        double[] in = new double[ne], through = new double[ne];
        for (int e = 0; e < ne; e++) {
            int m = elementMaterial[e];
            if (m < 0) continue;
            in[e] = materials.get(m).cte() * deltaT[e];
            through[e] = materials.get(m).cteThrough() * deltaT[e];
        }
        return solve(in, through, fixed, Map.of(), par, tolerance);
    }

    /**
     * Solves for the displacements under the free thermal strains of each element (in-plane {@code epsIn},
     * through-thickness {@code epsZ}: ∫ α dT from the stress-free temperature), the prescribed nodal displacements
     * {@code fixed} (node → {u_x, u_y, u_z}, a NaN component free) and the node springs {@code springs}. The
     * unknowns are numbered node by node in nested-dissection order ({@link NestedDissection}), the stiffness is
     * scaled to a unit diagonal, factorised (sparse Cholesky) and the system solved by CG with the factor as
     * preconditioner, which reports the true residual.
     *
     * @param tolerance relative residual of CG
     */
    public Solution solve(double[] epsIn, double[] epsZ, Map<Integer, double[]> fixed, Map<Integer, NodeSpring> springs,
                          Parallel par, double tolerance) {
        long t0 = System.nanoTime();
        int nn = nodes();
        boolean[] live = new boolean[nn];
        for (int k = 0; k < nz; k++)
            for (int j = 0; j < ny; j++)
                for (int i = 0; i < nx; i++) {
                    if (elementMaterial[element(i, j, k)] < 0) continue;
                    for (int c = 0; c < 8; c++) live[node(i + (c & 1), j + ((c >> 1) & 1), k + (c >> 2))] = true;
                }
        double[] prescribed = new double[3 * nn];
        Arrays.fill(prescribed, Double.NaN);
        for (var en : fixed.entrySet()) {
            double[] v = en.getValue();
            for (int c = 0; c < 3; c++) prescribed[3 * en.getKey() + c] = v[c];
        }
        int[] dof = new int[3 * nn];
        Arrays.fill(dof, -1);
        int n = 0;
        for (int p : NestedDissection.order(nx + 1, ny + 1, nz + 1))
            for (int c = 0; c < 3; c++) if (live[p] && Double.isNaN(prescribed[3 * p + c])) dof[3 * p + c] = n++;
        if (n == 0) throw new IllegalArgumentException("the corner model has no free degree of freedom");
        SparseSymmetric kmat = pattern(dof, n);
        double[] f = new double[n];
        double[][] dmat = new double[materials.size()][];
        for (int m = 0; m < dmat.length; m++) dmat[m] = materials.get(m).elasticity();
        double[] ke = new double[24 * 24], fe = new double[24];
        int[] ed = new int[24];
        for (int k = 0; k < nz; k++)
            for (int j = 0; j < ny; j++)
                for (int i = 0; i < nx; i++) {
                    int e = element(i, j, k), m = elementMaterial[e];
                    if (m < 0) continue;
                    brick(xs[i + 1] - xs[i], ys[j + 1] - ys[j], zs[k + 1] - zs[k], dmat[m], epsIn[e], epsZ[e], ke, fe);
                    for (int c = 0; c < 8; c++) {
                        int p = node(i + (c & 1), j + ((c >> 1) & 1), k + (c >> 2));
                        for (int q = 0; q < 3; q++) ed[3 * c + q] = 3 * p + q;
                    }
                    for (int a = 0; a < 24; a++) {
                        int ra = dof[ed[a]];
                        if (ra < 0) continue;
                        f[ra] += fe[a];
                        for (int b = 0; b < 24; b++) {
                            double v = ke[a * 24 + b];
                            int cb = dof[ed[b]];
                            if (cb >= 0) kmat.add(ra, cb, v);
                            else if (!Double.isNaN(prescribed[ed[b]])) f[ra] -= v * prescribed[ed[b]];
                        }
                    }
                }
        for (var en : springs.entrySet()) {
            int p = en.getKey();
            NodeSpring sp = en.getValue();
            for (int c = 0; c < 3; c++) {
                int g = dof[3 * p + c];
                if (g < 0) continue;
                if (sp.stiffness()[c] != 0) kmat.add(g, g, sp.stiffness()[c]);
                f[g] += sp.force()[c];
            }
        }
        // unit-diagonal scaling: the layers' moduli differ by orders of magnitude
        double[] sc = new double[n];
        for (int r = 0; r < n; r++) {
            double d = kmat.diagonal(r);
            if (!(d > 0)) throw new NotPositiveDefiniteException("corner model: unconstrained degree of freedom " + r);
            sc[r] = 1 / Math.sqrt(d);
        }
        kmat.scale(sc);
        for (int r = 0; r < n; r++) f[r] *= sc[r];
        double[] y = new double[n];
        long t1 = System.nanoTime();
        SparseCholesky chol = new SparseCholesky(kmat);
        long t2 = System.nanoTime();
        Pcg.Result res = new Pcg(par).solve(kmat, chol, f, y, tolerance, 50);
        double[] ux = new double[nn], uy = new double[nn], uz = new double[nn];
        double[][] u = {ux, uy, uz};
        for (int p = 0; p < nn; p++)
            for (int c = 0; c < 3; c++) {
                int g = dof[3 * p + c];
                u[c][p] = !live[p] ? Double.NaN : g >= 0 ? y[g] * sc[g] : prescribed[3 * p + c];
            }
        double[][] strain = new double[6][];
        double[][] stress = stresses(u, epsIn, epsZ, dmat, strain);
        return new Solution(ux, uy, uz, stress, strain, res.iterations(), res.relativeResidual(), n,
                chol.factorNonZeros(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }

    /** Stresses at element centres, σ = D (B u − ε_th); the total strains B u into {@code strain}. */
    private double[][] stresses(double[][] u, double[] epsIn, double[] epsZ, double[][] dmat, double[][] strain) {
        int ne = nx * ny * nz;
        double[][] s = new double[6][ne];
        for (int c = 0; c < 6; c++) strain[c] = new double[ne];
        double[] g = new double[24], eps = new double[6];
        for (int k = 0; k < nz; k++)
            for (int j = 0; j < ny; j++)
                for (int i = 0; i < nx; i++) {
                    int e = element(i, j, k), m = elementMaterial[e];
                    if (m < 0) {
                        for (int c = 0; c < 6; c++) s[c][e] = strain[c][e] = Double.NaN;
                        continue;
                    }
                    double dx = xs[i + 1] - xs[i], dy = ys[j + 1] - ys[j], dz = zs[k + 1] - zs[k];
                    gradients(0, 0, 0, dx, dy, dz, g);
                    Arrays.fill(eps, 0);
                    for (int c = 0; c < 8; c++) {
                        int p = node(i + (c & 1), j + ((c >> 1) & 1), k + (c >> 2));
                        double gx = g[3 * c], gy = g[3 * c + 1], gz = g[3 * c + 2];
                        double vx = u[0][p], vy = u[1][p], vz = u[2][p];
                        eps[0] += gx * vx;
                        eps[1] += gy * vy;
                        eps[2] += gz * vz;
                        eps[3] += gz * vy + gy * vz;
                        eps[4] += gz * vx + gx * vz;
                        eps[5] += gy * vx + gx * vy;
                    }
                    for (int c = 0; c < 6; c++) strain[c][e] = eps[c];
                    eps[0] -= epsIn[e];
                    eps[1] -= epsIn[e];
                    eps[2] -= epsZ[e];
                    double[] d = dmat[m];
                    for (int a = 0; a < 6; a++) {
                        double v = 0;
                        for (int b = 0; b < 6; b++) v += d[a * 6 + b] * eps[b];
                        s[a][e] = v;
                    }
                }
        return s;
    }

    /** The shape-function gradients (x, y, z per corner c = i + 2j + 4k) at the local point (ξ, η, ζ). */
    private static void gradients(double xi, double eta, double zeta, double dx, double dy, double dz, double[] g) {
        for (int c = 0; c < 8; c++) {
            double a = (c & 1) == 0 ? -1 : 1, b = ((c >> 1) & 1) == 0 ? -1 : 1, d = (c >> 2) == 0 ? -1 : 1;
            g[3 * c] = a * (1 + b * eta) * (1 + d * zeta) / 8 * 2 / dx;
            g[3 * c + 1] = b * (1 + a * xi) * (1 + d * zeta) / 8 * 2 / dy;
            g[3 * c + 2] = d * (1 + a * xi) * (1 + b * eta) / 8 * 2 / dz;
        }
    }

    /**
     * Brick stiffness ke (24×24) and thermal load fe for the free strain (th, th, thZ, 0, 0, 0), 2×2×2 Gauss
     * points.
     */
    static void brick(double dx, double dy, double dz, double[] d, double th, double thZ, double[] ke, double[] fe) {
        Arrays.fill(ke, 0);
        Arrays.fill(fe, 0);
        double gp = 1 / Math.sqrt(3), w = dx * dy * dz / 8;
        double[] g = new double[24], bm = new double[6 * 24], db = new double[6 * 24];
        double[] sth = new double[6];
        for (int a = 0; a < 6; a++) sth[a] = th * (d[a * 6] + d[a * 6 + 1]) + thZ * d[a * 6 + 2];
        for (int p = 0; p < 8; p++) {
            gradients((p & 1) == 0 ? -gp : gp, ((p >> 1) & 1) == 0 ? -gp : gp, (p >> 2) == 0 ? -gp : gp, dx, dy, dz, g);
            Arrays.fill(bm, 0);
            for (int c = 0; c < 8; c++) {
                double gx = g[3 * c], gy = g[3 * c + 1], gz = g[3 * c + 2];
                int ux = 3 * c, uy = 3 * c + 1, uz = 3 * c + 2;
                bm[ux] = gx;
                bm[24 + uy] = gy;
                bm[48 + uz] = gz;
                bm[72 + uy] = gz;
                bm[72 + uz] = gy;
                bm[96 + ux] = gz;
                bm[96 + uz] = gx;
                bm[120 + ux] = gy;
                bm[120 + uy] = gx;
            }
            for (int a = 0; a < 6; a++)
                for (int col = 0; col < 24; col++) {
                    double v = 0;
                    for (int b = 0; b < 6; b++) v += d[a * 6 + b] * bm[b * 24 + col];
                    db[a * 24 + col] = v;
                }
            for (int r = 0; r < 24; r++) {
                for (int col = 0; col < 24; col++) {
                    double v = 0;
                    for (int a = 0; a < 6; a++) v += bm[a * 24 + r] * db[a * 24 + col];
                    ke[r * 24 + col] += w * v;
                }
                double v = 0;
                for (int a = 0; a < 6; a++) v += bm[a * 24 + r] * sth[a];
                fe[r] += w * v;
            }
        }
    }

    /** Every free dof couples with the free dofs of the 3×3×3 neighbouring nodes; rows sorted per column. */
    private SparseSymmetric pattern(int[] dof, int n) {
        int nxn = nx + 1, nyn = ny + 1, nzn = nz + 1;
        int[] colPtr = new int[n + 1];
        int[][] lists = new int[n][];
        int[] buf = new int[81];
        long nnz = 0;
        for (int kk = 0; kk < nzn; kk++)
            for (int jj = 0; jj < nyn; jj++)
                for (int ii = 0; ii < nxn; ii++) {
                    int p = node(ii, jj, kk);
                    int cnt = 0;
                    for (int dk = -1; dk <= 1; dk++)
                        for (int dj = -1; dj <= 1; dj++)
                            for (int di = -1; di <= 1; di++) {
                                int i = ii + di, j = jj + dj, k = kk + dk;
                                if (i < 0 || j < 0 || k < 0 || i >= nxn || j >= nyn || k >= nzn) continue;
                                int q = node(i, j, k);
                                for (int c = 0; c < 3; c++) if (dof[3 * q + c] >= 0) buf[cnt++] = dof[3 * q + c];
                            }
                    int[] rows = Arrays.copyOf(buf, cnt);
                    Arrays.sort(rows);
                    for (int c = 0; c < 3; c++) {
                        int g = dof[3 * p + c];
                        if (g < 0) continue;
                        lists[g] = rows;
                        nnz += cnt;
                    }
                }
        if (nnz > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("corner model too large: " + nnz);
        int[] rowIdx = new int[(int) nnz];
        int pos = 0;
        for (int g = 0; g < n; g++) {
            colPtr[g] = pos;
            System.arraycopy(lists[g], 0, rowIdx, pos, lists[g].length);
            pos += lists[g].length;
        }
        colPtr[n] = pos;
        return new SparseSymmetric(colPtr, rowIdx);
    }
}
