package org.wafersim.mechanics.corner;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wafersim.linalg.Parallel;

class CornerModelTest {
    private static final CornerModel.Material SI = new CornerModel.Material(130e9, 0.28, 2.6e-6);
    private static final CornerModel.Material BOARD = new CornerModel.Material(24e9, 0.15, 14e-6);

    private static double[] graded(double a, double b, int n, double ratio) {
        double[] x = new double[n + 1];
        double w = 0, h = 1;
        for (int i = 0; i < n; i++) { w += h; h *= ratio; }
        h = (b - a) / w;
        x[0] = a;
        for (int i = 0; i < n; i++) { x[i + 1] = x[i] + h; h *= ratio; }
        x[n] = b;
        return x;
    }

    /** Held statically determinately: no reaction from the supports. */
    private static Map<Integer, double[]> determinate(CornerModel m) {
        Map<Integer, double[]> f = new HashMap<>();
        f.put(m.node(0, 0, 0), new double[] {0, 0, 0});
        f.put(m.node(m.nx(), 0, 0), new double[] {Double.NaN, 0, 0});
        f.put(m.node(0, m.ny(), 0), new double[] {Double.NaN, Double.NaN, 0});
        return f;
    }

    /**
     * A free body of one material under a uniform temperature change expands freely, u = α ΔT x, which trilinear
     * bricks represent exactly: every stress is zero to 1e-12 of E α ΔT, on a graded mesh with a void corner.
     */
    @Test
    void uniformTemperatureChangeOfAFreeSingleMaterialGivesNoStress() {
        double[] xs = graded(0, 3e-3, 6, 1.3), ys = graded(0, 2e-3, 5, 0.8), zs = graded(0, 1e-3, 7, 1.2);
        int ne = 6 * 5 * 7;
        int[] mat = new int[ne];
        CornerModel probe = new CornerModel(xs, ys, zs, mat, List.of(SI));
        // a void block at the far corner (a free edge inside the box)
        for (int k = 4; k < 7; k++) for (int j = 3; j < 5; j++) for (int i = 4; i < 6; i++) mat[probe.element(i, j, k)] = -1;
        CornerModel m = new CornerModel(xs, ys, zs, mat, List.of(SI));
        double dT = 100;
        double[] t = new double[ne];
        Arrays.fill(t, dT);
        CornerModel.Solution s;
        try (Parallel par = new Parallel(2)) {
            s = m.solve(t, determinate(m), par, 1e-14);
        }
        double scale = SI.youngsModulus() * SI.cte() * dT;
        double worst = 0;
        for (int e = 0; e < ne; e++) {
            if (mat[e] < 0) continue;
            for (int c = 0; c < 6; c++) worst = Math.max(worst, Math.abs(s.stress(e, c)));
        }
        assertTrue(worst <= 1e-12 * scale, "largest stress " + worst + " Pa against E alpha dT " + scale);
        // and the displacement is the free expansion
        int far = m.node(6, 0, 3);
        assertEquals(SI.cte() * dT * xs[6], s.ux()[far], 1e-12 * SI.cte() * dT * xs[6]);
        // two materials under the same change are stressed (the test can fail)
        int[] two = mat.clone();
        for (int e = 0; e < 6 * 5 * 3; e++) if (two[e] >= 0) two[e] = 1;
        CornerModel b = new CornerModel(xs, ys, zs, two, List.of(SI, BOARD));
        CornerModel.Solution sb;
        try (Parallel par = new Parallel(2)) {
            sb = b.solve(t, determinate(b), par, 1e-14);
        }
        double big = 0;
        for (int e = 0; e < ne; e++) if (two[e] >= 0) big = Math.max(big, Math.abs(sb.stress(e, 0)));
        assertTrue(big > 0.05 * scale, "bimaterial stress " + big);
    }

    /** Curvature of a bimaterial strip (ν = 0) from w along the bottom-face centre line, least-squares parabola. */
    static double[] stripCurvature(int perLayer, double aspect) {
        double len = 12e-3, width = 1e-3, t = 0.5e-3;
        double dz = t / perLayer, dx = aspect * dz;
        int nx = (int) Math.round(len / dx), nz = 2 * perLayer, ny = 2;
        double[] xs = new double[nx + 1], ys = {0, width / 2, width}, zs = new double[nz + 1];
        for (int i = 0; i <= nx; i++) xs[i] = len * i / nx;
        for (int k = 0; k <= nz; k++) zs[k] = 2 * t * k / nz;
        CornerModel.Material a = new CornerModel.Material(130e9, 0, 2.6e-6), b = new CornerModel.Material(24e9, 0, 14e-6);
        int ne = nx * ny * nz;
        int[] mat = new int[ne];
        CornerModel m0 = new CornerModel(xs, ys, zs, mat, List.of(a, b));
        for (int k = 0; k < nz; k++) for (int j = 0; j < ny; j++) for (int i = 0; i < nx; i++)
            mat[m0.element(i, j, k)] = k < perLayer ? 1 : 0;       // board below, silicon above
        CornerModel m = new CornerModel(xs, ys, zs, mat, List.of(a, b));
        double[] dT = new double[ne];
        Arrays.fill(dT, 50);
        CornerModel.Solution s;
        try (Parallel par = new Parallel(2)) {
            s = m.solve(dT, determinate(m), par, 1e-12);
        }
        // parabola w = c0 + c1 x + c2 x^2 through the bottom centre line within 4 mm of the middle
        double[][] ata = new double[3][3];
        double[] atb = new double[3];
        for (int i = 0; i <= nx; i++) {
            double x = xs[i] - len / 2;
            if (Math.abs(x) > 2e-3) continue;
            double w = s.uz()[m.node(i, 1, perLayer)];
            double[] r = {1, x, x * x};
            for (int p = 0; p < 3; p++) {
                atb[p] += r[p] * w;
                for (int q = 0; q < 3; q++) ata[p][q] += r[p] * r[q];
            }
        }
        double c2 = solve3(ata, atb)[2];
        double n = a.youngsModulus() / b.youngsModulus(), mm = 1, h = 2 * t;
        double kappa = 6 * (b.cte() - a.cte()) * 50 * (1 + mm) * (1 + mm)
                / (h * (3 * (1 + mm) * (1 + mm) + (1 + mm * n) * (mm * mm + 1 / (mm * n))));
        return new double[] {2 * c2, kappa, s.unknowns()};
    }

    private static double[] solve3(double[][] a, double[] b) {
        double det = a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
        double[] x = new double[3];
        for (int c = 0; c < 3; c++) {
            double[][] m = {a[0].clone(), a[1].clone(), a[2].clone()};
            for (int r = 0; r < 3; r++) m[r][c] = b[r];
            x[c] = (m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                    + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])) / det;
        }
        return x;
    }

    /**
     * A bonded bimaterial strip (silicon on board, 0.5 mm each, ν = 0 so that beam theory is exact in its plane)
     * under a uniform ΔT bends to Timoshenko's curvature (J. Opt. Soc. Am. 11, 1925)
     * κ = 6 Δα ΔT (1+m)² / (h [3(1+m)² + (1+mn)(m² + 1/(mn))]), m = t1/t2, n = E1/E2, away from the free ends.
     * Trilinear bricks are too stiff in bending (parasitic shear): the error falls as h² (ratio ≈ 4 per halving at
     * a fixed aspect of 2), measured here as 16 %, 4.6 %, 1.2 % for 2, 4, 8 elements per layer; the Richardson
     * extrapolation of the two finest meshes agrees with the closed form to 2e-3 (the remainder of the higher-order
     * terms and of the ends' boundary layer, which decays over a few thicknesses and is 2 mm from the fit window).
     */
    @Test
    void bimaterialStripCurvatureConvergesToTimoshenko() {
        double[] e = new double[3], k = new double[3];
        double closed = 0;
        int[] per = {2, 4, 8};
        for (int l = 0; l < 3; l++) {
            double[] r = stripCurvature(per[l], 2);
            k[l] = r[0];
            closed = r[1];
            e[l] = r[0] / r[1] - 1;
        }
        assertTrue(e[0] < e[1] && e[1] < e[2] && e[2] < 0, Arrays.toString(e));
        for (int l = 1; l < 3; l++) {
            double ratio = e[l - 1] / e[l];
            assertTrue(ratio > 3.2 && ratio < 4.8, "error ratio " + ratio + " (second order: 4)");
        }
        assertTrue(Math.abs(e[2]) < 0.02, "finest mesh " + e[2]);
        double richardson = k[2] + (k[2] - k[1]) / 3;
        assertEquals(closed, richardson, 2e-3 * closed);
    }

    /**
     * A long bonded strip (half of it, symmetric about x = 0): adherends 1 (top, E1, α1) and 2 (bottom) of thickness
     * h, a bond layer h0 (shear G0, normal E0, no in-plane stiffness to speak of), ν = 0 and v = 0 (plane: beam theory
     * is exact in the adherends' plane), uniform ΔT. Returns {x of the element centres, σ_xz and σ_zz on the bond's
     * middle element row, per x}.
     */
    static double[][] bondedStrip(int perAdherend, double dx) {
        double len = 10e-3, h = 0.5e-3, h0 = 0.1e-3, width = 0.2e-3;
        int nx = (int) Math.round(len / dx), nb = 3, nz = 2 * perAdherend + nb;
        double[] xs = new double[nx + 1], ys = {0, width}, zs = new double[nz + 1];
        for (int i = 0; i <= nx; i++) xs[i] = len * i / nx;
        for (int k = 0; k <= nz; k++) {
            zs[k] = k <= perAdherend ? h * k / perAdherend : k <= perAdherend + nb ? h + h0 * (k - perAdherend) / nb
                    : h + h0 + h * (k - perAdherend - nb) / perAdherend;
        }
        int ne = nx * nz;
        int[] mat = new int[ne];
        CornerModel.Material top = new CornerModel.Material(100e9, 0, 2e-6), bottom = new CornerModel.Material(50e9, 0, 16e-6);
        CornerModel.Material bond = new CornerModel.Material(1e6, 0, 0, 2e9, 0, 50e6, 0);
        CornerModel probe = new CornerModel(xs, ys, zs, mat, List.of(bottom, bond, top));
        for (int k = 0; k < nz; k++)
            for (int i = 0; i < nx; i++)
                mat[probe.element(i, 0, k)] = k < perAdherend ? 0 : k < perAdherend + nb ? 1 : 2;
        CornerModel m = new CornerModel(xs, ys, zs, mat, List.of(bottom, bond, top));
        double[] dT = new double[ne];
        Arrays.fill(dT, 50);
        Map<Integer, double[]> fixed = new HashMap<>();
        for (int k = 0; k <= nz; k++)
            for (int j = 0; j <= 1; j++)
                for (int i = 0; i <= nx; i++) fixed.put(m.node(i, j, k), new double[]{i == 0 ? 0 : Double.NaN, 0, Double.NaN});
        fixed.put(m.node(0, 0, 0), new double[]{0, 0, 0});
        fixed.put(m.node(0, 1, 0), new double[]{0, 0, 0});
        CornerModel.Solution s;
        try (Parallel par = new Parallel(2)) {
            s = m.solve(dT, fixed, par, 1e-12);
        }
        int kb = perAdherend + 1;
        double[][] out = new double[3][nx];
        for (int i = 0; i < nx; i++) {
            out[0][i] = 0.5 * (xs[i] + xs[i + 1]);
            out[1][i] = s.stress(m.element(i, 0, kb), 4);
            out[2][i] = s.stress(m.element(i, 0, kb), 2);
        }
        return out;
    }

    /**
     * Suhir's interfacial stresses of a bonded bimaterial strip (E. Suhir, "Stresses in bi-metal thermostats", J. Appl.
     * Mech. 53, 657-660, 1986, with the bond layer's compliance h0/G0 in the interfacial compliance as in his
     * "Interfacial stresses in bimetal thermostats", J. Appl. Mech. 56, 595-600, 1989): on a strip of half-length L,
     * <pre>
     *   τ(x) = Δα ΔT / (κ k) · sinh(kx) / cosh(kL),   k² = λ/κ,
     *   λ = 1/(E1 h1) + 1/(E2 h2) + d²/D,   d = (h1 + h2)/2 + h0,   D = D1 + D2,   D_i = E_i h_i³/12 (ν = 0),
     *   κ = h0/G0 + h1/(3 G1) + h2/(3 G2),
     *   p(x) = μ τ'(x),   μ = (a1 D2 − a2 D1)/D,   a_i = (h_i + h0)/2   (equal curvatures: a bond stiff through
     *   its thickness against the load's length 1/k)
     * </pre>
     * Here h1 = h2 = 0.5 mm, E1 = 100 GPa, E2 = 50 GPa, Δα ΔT = −7e-4, a bond 0.1 mm thick with G0 = 50 MPa and
     * E0 = 2 GPa: 1/k = 2.6 mm, while the bond's peel boundary layer at the free end, the beam on an elastic
     * foundation of β⁴ = (E0/h0)(1/D1 + 1/D2)/4, decays over 1/β = 0.51 mm. The closed form holds away from the end:
     * the shear up to 1 mm (10 h0) from it, the peel up to 4 mm (7.8/β: the end's peel, 30 times the interior's,
     * has fallen to 4e-4 of itself). The 3-D bricks (ν = 0, v = 0: the adherends' plane) match the shear to 1.4 %
     * of its peak with 4 elements per adherend and 0.4 % with 8 (mesh error falling at second order; the rest is
     * the beam theory's own, O(h0/h) and O((kh)²) = 4 %·(h0/h)); the peel to 2 % of its largest value in the region
     * (the closed form's neglected bond compliance is k⁴/(4β⁴) = 0.3 %, the mesh error the rest).
     */
    @Test
    void bondedStripGivesSuhirsInterfacialShearAndPeel() {
        double e1 = 100e9, e2 = 50e9, h = 0.5e-3, h0 = 0.1e-3, g0 = 50e6, len = 10e-3;
        double g1 = e1 / 2, g2 = e2 / 2, d1 = e1 * h * h * h / 12, d2 = e2 * h * h * h / 12, dd = d1 + d2;
        double d = h + h0, a1 = (h + h0) / 2, a2 = (h + h0) / 2;
        double lambda = 1 / (e1 * h) + 1 / (e2 * h) + d * d / dd;
        double kappa = h0 / g0 + h / (3 * g1) + h / (3 * g2);
        double k = Math.sqrt(lambda / kappa);
        double dadt = (2e-6 - 16e-6) * 50;
        double mu = (a1 * d2 - a2 * d1) / dd;
        double peakTau = Math.abs(dadt / (kappa * k) * Math.tanh(k * len));
        double[] shearErr = new double[2], peelErr = new double[2];
        int[] per = {4, 8};
        for (int c = 0; c < 2; c++) {
            double[][] r = bondedStrip(per[c], 0.5e-3 / per[c]);
            double peelMax = 0, pe = 0, se = 0;
            for (int i = 0; i < r[0].length; i++) {
                double x = r[0][i];
                double tau = dadt / (kappa * k) * Math.sinh(k * x) / Math.cosh(k * len);
                double p = mu * dadt / kappa * Math.cosh(k * x) / Math.cosh(k * len);
                if (x <= len - 1e-3) se = Math.max(se, Math.abs(r[1][i] - tau));
                if (x <= len - 4e-3) {
                    pe = Math.max(pe, Math.abs(r[2][i] - p));
                    peelMax = Math.max(peelMax, Math.abs(p));
                }
            }
            shearErr[c] = se / peakTau;
            peelErr[c] = pe / peelMax;
        }
        assertTrue(shearErr[1] < 0.01, "shear off Suhir's by " + Arrays.toString(shearErr) + " of the peak");
        assertTrue(shearErr[1] < shearErr[0] / 2, "refinement approaches the closed form " + Arrays.toString(shearErr));
        assertTrue(peelErr[1] < 0.02, "peel off mu tau' by " + Arrays.toString(peelErr) + " of its largest value");
        // and near the free end the 3-D peel is not the closed form's (the test can tell them apart)
        double[][] r = bondedStrip(8, 0.5e-3 / 8);
        int n = r[0].length;
        double pEnd = mu * dadt / kappa;
        assertTrue(Math.abs(r[2][n - 1]) > 5 * Math.abs(pEnd), "end peel " + r[2][n - 1] + " vs " + pEnd);
    }

    /** The transversely isotropic elasticity is the inverse of its compliance, and the isotropic one Lamé's. */
    @Test
    void elasticityInvertsTheCompliance() {
        CornerModel.Material c = new CornerModel.Material(5e6, 0.45, 250e-6, 20e6, 0.1125, 1e6, 250e-6);
        double[] d = c.elasticity();
        double e = 5e6, nu = 0.45, ez = 20e6, nz = 0.1125;
        double[][] s = {{1 / e, -nu / e, -nz / e}, {-nu / e, 1 / e, -nz / e}, {-nz / e, -nz / e, 1 / ez}};
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 3; b++) {
                double v = 0;
                for (int m = 0; m < 3; m++) v += d[a * 6 + m] * s[m][b];
                assertEquals(a == b ? 1 : 0, v, 1e-12);
            }
        assertEquals(1e6, d[3 * 6 + 3], 0);
        assertEquals(e / (2 * (1 + nu)), d[5 * 6 + 5], 1e-9);
        double[] iso = SI.elasticity();
        double lam = 130e9 * 0.28 / (1.28 * (1 - 0.56)), mu = 130e9 / 2.56;
        assertEquals(lam + 2 * mu, iso[0], 1e-6 * lam);
        assertEquals(lam, iso[1], 1e-6 * lam);
        assertEquals(mu, iso[3 * 6 + 3], 1e-6 * mu);
        assertThrows(IllegalArgumentException.class, () -> new CornerModel.Material(5e6, 0.45, 0, 20e6, 0.6, 1e6, 0));
    }
}
