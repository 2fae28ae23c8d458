package org.wafersim.mechanics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.linalg.Parallel;
import org.wafersim.mechanics.PlateModel.Dof;
import org.wafersim.mechanics.PlateModel.Fix;

/** The plate model against closed forms (issue 5: free expansion, thin film/Stoney, Timoshenko, shear lag). */
class PlateReferenceTest {
    private static final Parallel PAR = Parallel.serial();

    @Test
    void freeUniformExpansionOfAHomogeneousBlockIsStressFree() {
        double e = 150e9, nu = 0.17, eps = 2.6e-6 * 100;
        double L = 0.1;
        List<StackLayer> layers = List.of(StackLayer.plate("block", 0, 0.01, 0, L, 0, L, e, nu));
        PlateMesh mesh = PlateMesh.covering(new double[]{0, L}, new double[]{0, L}, L / 8);
        PlateModel m = new PlateModel(layers, mesh);
        PlateSolution s = m.solve(LayerStrains.uniform(layers, mesh, new double[]{eps}), Supports.free(m), PAR);
        double scale = e * eps;
        for (int j = 0; j < mesh.ny; j++)
            for (int i = 0; i < mesh.nx; i++)
                for (double f : new double[]{0, 0.5, 1}) {
                    PlateSolution.Stress st = s.layerStress(0, i, j, f);
                    assertEquals(0, st.vonMises() / scale, 1e-9);
                }
        // displacements exact: u = eps (x - x_pin), v = eps (y - y_pin), w = 0 (pin at the centre node)
        int pin = mesh.node(mesh.nearestNodeX(L / 2), mesh.nearestNodeY(L / 2));
        double xp = mesh.x(pin % (mesh.nx + 1)), yp = mesh.y(pin / (mesh.nx + 1));
        for (int j = 0; j <= mesh.ny; j++)
            for (int i = 0; i <= mesh.nx; i++) {
                int n = mesh.node(i, j);
                assertEquals(eps * (mesh.x(i) - xp), s.displacement(0, n, Dof.U), 1e-12 * eps * L);
                assertEquals(eps * (mesh.y(j) - yp), s.displacement(0, n, Dof.V), 1e-12 * eps * L);
                assertEquals(0, s.displacement(0, n, Dof.W), 1e-12 * eps * L);
            }
    }

    @Test
    void equalExpansionAcrossABondedInterlayerShearsNothing() {
        double eps = 1e-3, L = 0.05;
        List<StackLayer> layers = List.of(
                StackLayer.plate("top", 2e-3, 3e-3, 0, L, 0, L, 100e9, 0.3),
                StackLayer.bonded("glue", 1e-3, 2e-3, 0, L, 0, L, 1e6, 2e7),
                StackLayer.plate("bottom", 0, 1e-3, 0, L, 0, L, 50e9, 0.2));
        PlateMesh mesh = PlateMesh.covering(new double[]{0, L}, new double[]{0, L}, L / 6);
        PlateModel m = new PlateModel(layers, mesh);
        PlateSolution s = m.solve(LayerStrains.uniform(layers, mesh, new double[]{eps, eps, eps}), Supports.free(m), PAR);
        for (int j = 0; j < mesh.ny; j++)
            for (int i = 0; i < mesh.nx; i++) {
                double[] slip = s.interlayerSlip(0, i, j);
                // the slip the shear-free expansion would give is eps * (thickness) * 0: none; scale by eps L
                assertEquals(0, Math.hypot(slip[0], slip[1]) / (eps * L), 1e-9);
                assertEquals(0, s.layerStress(0, i, j, 0.5).vonMises() / (100e9 * eps), 1e-9);
                assertEquals(0, s.layerStress(2, i, j, 0.5).vonMises() / (50e9 * eps), 1e-9);
            }
    }

    /** Film stress -E_f/(1-nu_f) (alpha_f - alpha_s) dT (1 %) and Stoney's curvature (2 %), film 1/1000 of the substrate. */
    @Test
    void thinFilmOnThickSubstrateGivesBiaxialStressAndStoneyCurvature() {
        double es = 150e9, nus = 0.17, as = 2.6e-6, ts = 500e-6;
        double ef = 120e9, nuf = 0.34, af = 17e-6, tf = 0.5e-6;
        double dT = 100, L = 0.05;
        List<StackLayer> layers = List.of(
                StackLayer.plate("film", ts, ts + tf, 0, L, 0, L, ef, nuf),
                StackLayer.plate("substrate", 0, ts, 0, L, 0, L, es, nus));
        PlateMesh mesh = PlateMesh.covering(new double[]{0, L}, new double[]{0, L}, L / 8);
        PlateModel m = new PlateModel(layers, mesh);
        PlateSolution s = m.solve(LayerStrains.uniform(layers, mesh, new double[]{af * dT, as * dT}), Supports.free(m), PAR);
        double sigmaF = -ef / (1 - nuf) * (af - as) * dT;
        double stoney = 6 * sigmaF * tf / (es / (1 - nus) * ts * ts);
        int ic = mesh.nx / 2, jc = mesh.ny / 2;
        PlateSolution.Stress film = s.layerStress(0, ic, jc, 0.5);
        assertEquals(1, film.xx() / sigmaF, 0.01);
        assertEquals(1, film.yy() / sigmaF, 0.01);
        double[] g = s.generalizedStrain(0, ic, jc);
        // kappa = -w_xx; a compressed film on top bends the plate convex upward: w_xx < 0, and Stoney's sign
        // convention (curvature positive for a tensile film) makes stoney < 0 here
        assertEquals(1, -g[3] / stoney, 0.02);
        assertEquals(1, -g[4] / stoney, 0.02);
        assertTrue(g[3] > 0);
    }

    static double timoshenko(double t1, double e1, double t2, double e2, double dAlphaDT) {
        double m = t1 / t2, n = e1 / e2, h = t1 + t2;
        return 6 * dAlphaDT * (1 + m) * (1 + m) / (h * (3 * (1 + m) * (1 + m) + (1 + m * n) * (m * m + 1 / (m * n))));
    }

    /** Timoshenko (1925), biaxial moduli E/(1-nu) for the plate; two thickness ratios, three grids. */
    @Test
    void bimetalStripFollowsTimoshenkoAtTwoThicknessRatiosOnEveryGrid() {
        double eSi = 150e9, nuSi = 0.17, aSi = 2.6e-6, eCu = 120e9, nuCu = 0.34, aCu = 16.5e-6, dT = 50;
        double L = 0.04, W = 0.01;
        for (double tCu : new double[]{0.5e-3, 2e-3}) {
            double tSi = 0.5e-3;
            double expected = timoshenko(tSi, eSi / (1 - nuSi), tCu, eCu / (1 - nuCu), (aCu - aSi) * dT);
            for (int div : new int[]{4, 8, 16}) {
                List<StackLayer> layers = List.of(
                        StackLayer.plate("si", tCu, tCu + tSi, 0, L, 0, W, eSi, nuSi),
                        StackLayer.plate("cu", 0, tCu, 0, L, 0, W, eCu, nuCu));
                PlateMesh mesh = PlateMesh.covering(new double[]{0, L}, new double[]{0, W}, L / div);
                PlateModel m = new PlateModel(layers, mesh);
                PlateSolution s = m.solve(LayerStrains.uniform(layers, mesh, new double[]{aSi * dT, aCu * dT}),
                        Supports.free(m), PAR);
                for (int j = 0; j < mesh.ny; j++)
                    for (int i = 0; i < mesh.nx; i++) {
                        double[] g = s.generalizedStrain(0, i, j);
                        // copper below expands more: the strip bends concave upward, w_xx > 0, kappa = -w_xx < 0
                        assertEquals(1, -g[3] / expected, 0.02, "tCu " + tCu + " div " + div);
                        assertEquals(1, -g[4] / expected, 0.02, "tCu " + tCu + " div " + div);
                    }
            }
        }
    }

    /**
     * Two plates joined by a thin compliant interlayer, a 1-D strip (v = 0, no y-bending, nu = 0), free ends at
     * x = 0 and 2L: the interlayer shear stress is k s with s = d sinh(lambda xi) / (lambda cosh(lambda L)), xi the
     * distance from the middle, d the free-strain mismatch, and lambda^2 = k (1/A_a + 1/A_b) without bending or
     * k (1/A_a + 1/A_b + e^2/(D_a + D_b)) with it (e the distance between the plates' mid-planes).
     */
    @Test
    void compliantInterlayerShearFollowsTheShearLagClosedForm() {
        for (boolean bending : new boolean[]{false, true}) {
            double ea = 150e9, ta = 0.775e-3, eb = 46.5e9, tb = 6e-3, h = 0.2e-3, g = 200e6;
            double L = 0.05, epsA = 2.6e-6 * 40, epsB = 16e-6 * 30;
            double ez = bending ? 1e15 * h : 20e6;   // bending: w_a = w_b (rigid in thickness), as the closed form assumes
            List<StackLayer> layers = List.of(
                    StackLayer.plate("a", tb + h, tb + h + ta, 0, 2 * L, 0, 1e-3, ea, 0),
                    StackLayer.bonded("glue", tb, tb + h, 0, 2 * L, 0, 1e-3, g, ez),
                    StackLayer.plate("b", 0, tb, 0, 2 * L, 0, 1e-3, eb, 0));
            PlateMesh mesh = new PlateMesh(PlateMesh.lines(new double[]{0, 2 * L}, 2 * L / 400), new double[]{0, 1e-3});
            PlateModel m = new PlateModel(layers, mesh);
            List<Fix> fixes = new ArrayList<>();
            int mid = mesh.nearestNodeX(L);
            for (int a = 0; a < 2; a++)
                for (int j = 0; j <= 1; j++)
                    for (int i = 0; i <= mesh.nx; i++) {
                        int n = mesh.node(i, j);
                        fixes.add(new Fix(a, n, Dof.V));
                        fixes.add(new Fix(a, n, Dof.WY));
                        fixes.add(new Fix(a, n, Dof.WXY));
                        if (!bending) { fixes.add(new Fix(a, n, Dof.W)); fixes.add(new Fix(a, n, Dof.WX)); }
                    }
            fixes.add(new Fix(1, mesh.node(mid, 0), Dof.U));
            if (bending) {
                for (int j = 0; j <= 1; j++) fixes.add(new Fix(1, mesh.node(mid, j), Dof.W));
                fixes.add(new Fix(1, mesh.node(mid, 0), Dof.WX));
                fixes.add(new Fix(1, mesh.node(mid, 1), Dof.WX));
            }
            PlateSolution s = m.solve(LayerStrains.uniform(layers, mesh, new double[]{epsA, 0, epsB}), fixes, PAR);
            double k = g / h, aa = ea * ta, ab = eb * tb;
            double lam2 = k * (1 / aa + 1 / ab);
            if (bending) {
                double e = (ta + tb) / 2 + h, d = ea * ta * ta * ta / 12 + eb * tb * tb * tb / 12;
                lam2 += k * e * e / d;
            }
            double lam = Math.sqrt(lam2);
            double peak = Math.abs(k * (epsA - epsB) * Math.tanh(lam * L) / lam);
            double worst = 0;
            for (int i = 0; i < mesh.nx; i++) {
                double xi = mesh.xc(i) - L;
                double exact = k * (epsA - epsB) * Math.sinh(lam * xi) / (lam * Math.cosh(lam * L));
                double got = k * s.interlayerSlip(0, i, 0)[0];
                worst = Math.max(worst, Math.abs(got - exact) / peak);
            }
            assertTrue(lam * L > 3, "the shear lag must be a boundary layer: lambda L = " + lam * L);
            System.out.printf("shear lag %s bending: lambda L %.3f, worst error %.3e of the peak%n", bending ? "with" : "without", lam * L, worst);
            assertTrue(worst < 0.01, (bending ? "with" : "without") + " bending: worst error " + worst + " of the peak");
        }
    }

    /**
     * A stiff bonded interlayer (indium-like, G h^-1 ~ 1e14 Pa/m) must act as a perfect bond: the curvature of a
     * Si-on-Cu plate joined through it equals the laminate's with an equally thick layer of negligible stiffness in
     * the gap, away from the edges' shear-lag zone. Guards against locking of the interlayer coupling.
     */
    @Test
    void stiffBondedInterlayerActsAsAPerfectBond() {
        double eSi = 150e9, nuSi = 0.17, aSi = 2.6e-6, eCu = 120e9, nuCu = 0.34, aCu = 16.5e-6, dT = 50;
        double L = 0.04, tSi = 0.5e-3, tCu = 1e-3, h = 20e-6;
        PlateMesh mesh = PlateMesh.covering(new double[]{0, L}, new double[]{0, L}, L / 16);
        List<StackLayer> bonded = List.of(
                StackLayer.plate("si", tCu + h, tCu + h + tSi, 0, L, 0, L, eSi, nuSi),
                StackLayer.bonded("bond", tCu, tCu + h, 0, L, 0, L, 4e9, 11e9),
                StackLayer.plate("cu", 0, tCu, 0, L, 0, L, eCu, nuCu));
        List<StackLayer> laminate = List.of(
                StackLayer.plate("si", tCu + h, tCu + h + tSi, 0, L, 0, L, eSi, nuSi),
                StackLayer.plate("gap", tCu, tCu + h, 0, L, 0, L, 1e3, 0),
                StackLayer.plate("cu", 0, tCu, 0, L, 0, L, eCu, nuCu));
        PlateModel mb = new PlateModel(bonded, mesh), ml = new PlateModel(laminate, mesh);
        PlateSolution sb = mb.solve(LayerStrains.uniform(bonded, mesh, new double[]{aSi * dT, 0, aCu * dT}),
                Supports.free(mb), PAR);
        PlateSolution sl = ml.solve(LayerStrains.uniform(laminate, mesh, new double[]{aSi * dT, 0, aCu * dT}),
                Supports.free(ml), PAR);
        int c = mesh.nx / 2;
        double kb = sb.generalizedStrain(0, c, c)[3], kc = sb.generalizedStrain(1, c, c)[3];
        double kl = sl.generalizedStrain(0, c, c)[3];
        assertEquals(1, kb / kl, 0.01, "silicon plate curvature vs laminate");
        assertEquals(1, kc / kl, 0.01, "copper plate curvature vs laminate");
        PlateSolution.Stress a = sb.layerStress(0, c, c, 0.5), b = sl.layerStress(0, c, c, 0.5);
        assertEquals(1, a.xx() / b.xx(), 0.01, "silicon mid-plane stress vs laminate");
    }
}
