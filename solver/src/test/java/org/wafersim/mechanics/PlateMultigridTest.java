package org.wafersim.mechanics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.linalg.Parallel;
import org.wafersim.mechanics.PlateModel.Dof;

/**
 * The multigrid-preconditioned plate solver (issue 5: "reuse the multigrid-preconditioned Krylov approach"): on the
 * package stack (copper cold plate, sliding TIM, silicon, bonded connector, board, with different footprints) the
 * CG iteration count stays nearly constant under mesh refinement, and the solution equals the direct one.
 */
class PlateMultigridTest {
    private static final double L = 0.1;

    /** Copper on a sliding TIM on silicon on a compliant bonded connector on the board; footprints nested. */
    static List<StackLayer> stack() {
        double zb = 6e-3, zc = zb + 0.2e-3, zs = zc + 0.775e-3, zt = zs + 0.1e-3, zcu = zt + 5e-3;
        return List.of(
                StackLayer.plate("copper", zt, zcu, 0.01, 0.09, 0.01, 0.09, 120e9, 0.34),
                StackLayer.sliding("tim", zs, zt, 0.01, 0.09, 0.01, 0.09, Double.NaN),
                StackLayer.plate("silicon", zc, zs, 0.015, 0.085, 0.015, 0.085, 150e9, 0.17),
                StackLayer.bonded("connector", zb, zc, 0.015, 0.085, 0.015, 0.085, 20e6, 60e6),
                StackLayer.plate("board", 0, zb, 0, L, 0, L, 46.5e9, 0.2));
    }

    /** A hot centre: free strains peaking at the middle, different per layer (a non-uniform load). */
    static LayerStrains load(List<StackLayer> layers, PlateMesh mesh) {
        double[] alphaDT = {16.5e-6 * 30, 0, 2.6e-6 * 60, 20e-6 * 45, 16e-6 * 40};
        LayerStrains s = new LayerStrains(layers.size(), mesh.elements());
        for (int j = 0; j < mesh.ny; j++)
            for (int i = 0; i < mesh.nx; i++) {
                double f = 1 + 0.5 * Math.cos(Math.PI * (mesh.xc(i) / L - 0.5)) * Math.cos(Math.PI * (mesh.yc(j) / L - 0.5));
                for (int l = 0; l < layers.size(); l++) {
                    double eps = alphaDT[l] * f, t = layers.get(l).thickness();
                    s.set(l, mesh.element(i, j), eps * t, 0, eps, eps, eps * t);
                }
            }
        return s;
    }

    @Test
    void iterationsStayBoundedUnderRefinementAndTheSolutionIsTheDirectOne() {
        List<StackLayer> layers = stack();
        int[] its = new int[3];
        int k = 0;
        try (Parallel par = new Parallel(2)) {
            for (int div : new int[]{32, 64, 128}) {
                PlateMesh mesh = PlateMesh.covering(new double[]{0, 0.01, 0.015, 0.085, 0.09, L},
                        new double[]{0, 0.01, 0.015, 0.085, 0.09, L}, L / div);
                PlateModel m = new PlateModel(layers, mesh);
                var fixes = Supports.free(m);
                // a coarsest level far below the default, so that every mesh runs three levels or more
                PlateModel.Factorized mg = m.factorize(fixes, par, 3000);
                PlateSolution s = mg.solve(load(layers, mesh));
                PlateSolution.Stats st = s.stats();
                System.out.printf("multigrid L/%d: %d unknowns, %d levels, %d iterations, residual %.2e, setup %.2f s, "
                                + "solve %.2f s%n", div, st.unknowns(), st.levels(), st.iterations(), st.relativeResidual(),
                        st.factorSeconds(), st.solveSeconds());
                assertTrue(st.converged());
                assertTrue(st.relativeResidual() <= 1e-10);
                assertTrue(st.levels() >= 3, "levels " + st.levels());
                its[k++] = st.iterations();
                if (div == 32) {
                    PlateSolution d = m.factorize(fixes, par, Integer.MAX_VALUE).solve(load(layers, mesh));
                    assertEquals(1, d.stats().levels());
                    for (int a = 0; a < m.laminates().size(); a++)
                        for (Dof q : Dof.values()) {
                            double scale = 0, diff = 0;
                            for (int n = 0; n < mesh.nodes(); n++) {
                                if (!m.laminateAtNode(a, n)) continue;
                                scale = Math.max(scale, Math.abs(d.displacement(a, n, q)));
                                diff = Math.max(diff, Math.abs(d.displacement(a, n, q) - s.displacement(a, n, q)));
                            }
                            System.out.printf("  laminate %d %s: max difference %.2e of the largest%n", a, q, diff / scale);
                            // u, v, w and the slopes to 1e-8 of their largest value; the twist w_xy, the least
                            // determined dof (it enters the energy only through kappa_xy over the element), of the
                            // thin silicon differs by 3e-8 after CG stops at a 1e-10 residual: 1e-7 for it
                            double tol = q == Dof.WXY ? 1e-7 : 1e-8;
                            assertTrue(diff <= tol * scale, "laminate " + a + " " + q + ": " + diff + " of " + scale);
                        }
                }
            }
        }
        // refined twice (16 times the unknowns): the count may grow by half at most
        assertTrue(its[2] <= 1.5 * its[0], "iterations " + its[0] + ", " + its[1] + ", " + its[2]);
    }

    /**
     * Clamped board rim (fixed dofs on lines that survive, and at rim nodes that do not) and mounting bosses off the
     * footprint lines (point supports, whose lines every level keeps): the Galerkin hierarchy stays positive definite
     * and the multigrid solution is the direct one.
     */
    @Test
    void clampedAndBossSupportsGiveTheDirectSolution() {
        List<StackLayer> layers = stack();
        PlateMesh mesh = PlateMesh.covering(new double[]{0, 0.01, 0.015, 0.085, 0.09, L},
                new double[]{0, 0.01, 0.015, 0.085, 0.09, L}, L / 32);
        PlateModel m = new PlateModel(layers, mesh);
        int board = m.laminates().size() - 1;
        List<List<PlateModel.Fix>> supports = List.of(Supports.clamped(m, board),
                Supports.bosses(m, board, List.of(new double[]{0.0042, 0.0061}, new double[]{0.0953, 0.0061},
                        new double[]{0.0953, 0.0932}, new double[]{0.0042, 0.0932})));
        try (Parallel par = new Parallel(2)) {
            for (List<PlateModel.Fix> fixes : supports) {
                PlateSolution s = m.factorize(fixes, par, 3000).solve(load(layers, mesh));
                PlateSolution d = m.factorize(fixes, par, Integer.MAX_VALUE).solve(load(layers, mesh));
                System.out.printf("supports with %d fixes: %d levels, %d iterations, residual %.2e%n", fixes.size(),
                        s.stats().levels(), s.stats().iterations(), s.stats().relativeResidual());
                assertTrue(s.stats().levels() >= 3 && s.stats().converged());
                for (int a = 0; a < m.laminates().size(); a++)
                    for (Dof q : new Dof[]{Dof.U, Dof.V, Dof.W}) {
                        double scale = 0, diff = 0;
                        for (int n = 0; n < mesh.nodes(); n++) {
                            if (!m.laminateAtNode(a, n)) continue;
                            scale = Math.max(scale, Math.abs(d.displacement(a, n, q)));
                            diff = Math.max(diff, Math.abs(d.displacement(a, n, q) - s.displacement(a, n, q)));
                        }
                        assertTrue(diff <= 1e-8 * scale, "laminate " + a + " " + q + ": " + diff + " of " + scale);
                    }
            }
        }
    }

    /** Assembly, smoothing and Krylov reductions run in fixed blocks: 1 and 2 threads give the same answer. */
    @Test
    void resultDoesNotDependOnTheThreadCount() {
        List<StackLayer> layers = stack();
        PlateMesh mesh = PlateMesh.covering(new double[]{0, 0.01, 0.015, 0.085, 0.09, L},
                new double[]{0, 0.01, 0.015, 0.085, 0.09, L}, L / 32);
        PlateModel m = new PlateModel(layers, mesh);
        PlateSolution one, two;
        try (Parallel p1 = new Parallel(1)) {
            one = m.factorize(Supports.free(m), p1, 3000).solve(load(layers, mesh));
        }
        try (Parallel p2 = new Parallel(2)) {
            two = m.factorize(Supports.free(m), p2, 3000).solve(load(layers, mesh));
        }
        assertEquals(one.stats().iterations(), two.stats().iterations());
        for (int a = 0; a < m.laminates().size(); a++)
            for (Dof q : Dof.values())
                for (int n = 0; n < mesh.nodes(); n++) {
                    if (!m.laminateAtNode(a, n)) continue;
                    double x = one.displacement(a, n, q), y = two.displacement(a, n, q);
                    assertTrue(Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), 1e-30) || x == y,
                            "laminate " + a + " " + q + " node " + n + ": " + x + " vs " + y);
                }
    }

    /**
     * Two states solved side by side (one pass over the stiffness and the levels for both vectors) give each state's
     * single solve to the bit, on 1 and 2 threads, also when one state converges before the other (a smooth and a
     * rough load) and when a load is zero (alone and in a pair).
     */
    @Test
    void pairSolvesEqualSingleSolvesBitwise() {
        List<StackLayer> layers = stack();
        PlateMesh mesh = PlateMesh.covering(new double[]{0, 0.01, 0.015, 0.085, 0.09, L},
                new double[]{0, 0.01, 0.015, 0.085, 0.09, L}, L / 40);
        PlateModel m = new PlateModel(layers, mesh);
        LayerStrains hot = load(layers, mesh);
        // a rough load: free strains at random per element and layer
        LayerStrains rough = new LayerStrains(layers.size(), mesh.elements());
        java.util.Random rnd = new java.util.Random(17);
        for (int e = 0; e < mesh.elements(); e++)
            for (int l = 0; l < layers.size(); l++) {
                double eps = 1e-3 * rnd.nextDouble(), t = layers.get(l).thickness();
                rough.set(l, e, eps * t, 0.1 * eps * t * t, eps, eps, eps * t);
            }
        LayerStrains zero = new LayerStrains(layers.size(), mesh.elements());
        for (int threads : new int[]{1, 2})
            try (Parallel par = new Parallel(threads)) {
                PlateModel.Factorized f = m.factorize(Supports.free(m), par, 3000);
                List<PlateSolution> pair = new java.util.ArrayList<>(f.solveAll(List.of(hot, rough, zero)));
                pair.addAll(f.solveAll(List.of(zero, hot)));
                List<PlateSolution> single = List.of(f.solve(hot), f.solve(rough), f.solve(zero), f.solve(zero),
                        f.solve(hot));
                System.out.printf("pair: %d and %d iterations%n", pair.get(0).stats().iterations(),
                        pair.get(1).stats().iterations());
                assertTrue(pair.get(0).stats().iterations() != pair.get(1).stats().iterations(),
                        "the two loads should stop at different iterations to test the tail");
                for (int i = 0; i < single.size(); i++) {
                    assertEquals(single.get(i).stats().iterations(), pair.get(i).stats().iterations());
                    assertEquals(single.get(i).stats().relativeResidual(), pair.get(i).stats().relativeResidual());
                    for (int a = 0; a < m.laminates().size(); a++)
                        for (Dof q : Dof.values())
                            for (int n = 0; n < mesh.nodes(); n++)
                                assertEquals(Double.doubleToLongBits(single.get(i).displacement(a, n, q)),
                                        Double.doubleToLongBits(pair.get(i).displacement(a, n, q)),
                                        "load " + i + " laminate " + a + " " + q + " node " + n);
                }
            }
    }
}
