package org.wafersim.thermal;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.wafersim.grid.Grid;
import org.wafersim.linalg.Multigrid;
import org.wafersim.linalg.Parallel;
import org.wafersim.linalg.Pcg;
import org.wafersim.linalg.Stencil7;

/**
 * The bordered Newton step on an operating point's dynamic scale ({@link ScaleNewton}): with w solved exactly, the
 * step makes the linearised total s D + L_lin(theta) equal to the target (the equation it solves), and its field is
 * the solution of the round's system at the new scale (theta(s) is affine in s); the operating point it converges to
 * is the one the fixed-dynamic solve gives for its dynamic power.
 */
class ScaleNewtonTest {
    @Test
    void exactStepMeetsTheLinearisedTotalAndSolvesTheSystemAtTheNewScale() {
        PackageThermalModel.Model m = OperatingPointTest.model(OperatingPointTest.spec("total: \"520 W\""), 520);
        ThermalProblem p0 = m.problem();
        Grid g = p0.grid();
        double d0 = OperatingPoint.sum(m.dynamicCorePower());
        try (Parallel par = new Parallel(2)) {
            OperatingPoint.TotalTarget tt = new OperatingPoint.TotalTarget(m.leakage(), p0.q(), d0, 520);
            ThermalProblem p = p0.with(tt, p0.couplings());
            ConductanceAssembler asm = new ConductanceAssembler(p, par);
            int n = g.cells();
            // a start 12 K above the coolant: the leakage and k(T) far from the operating point
            double[] t = new double[n];
            double[] theta = new double[n];
            for (int c = 0; c < n; c++) {
                t[c] = asm.tRef + 12;
                theta[c] = g.isVoid(c) ? 0 : 12;
            }
            ScaleNewton sn = new ScaleNewton(tt, g, par, asm, null, 0, 1e-13);
            int s0 = tt.slabFirst(), sn0 = tt.slabCells(n);
            double[] qL = new double[sn0], dqL = new double[sn0], th0 = new double[sn0];
            tt.evaluateSlab(t, qL, dqL);
            double sBefore = tt.scale;
            System.arraycopy(theta, s0, th0, 0, sn0);
            Stencil7 a = new Stencil7(g.nx, g.ny, g.nz);
            double[] b = new double[n];
            asm.assemble(t, a, b, qL, dqL, th0, s0);
            Multigrid mg = new Multigrid(a, g.xFaces(), g.yFaces(), par);
            Pcg pcg = new Pcg(par);
            assertTrue(pcg.solve(a, mg::precondition, b, theta, 1e-13, 200).converged());
            double qPower = 0;
            for (int c = 0; c < n; c++) if (!g.isVoid(c)) qPower += p.q()[c] * g.dx(c % g.nx) * g.dy((c / g.nx) % g.ny) * g.dz(c / (g.nx * g.ny));
            double[] bOld = b.clone(), qLOld = qL.clone();
            for (int c = 0; c < n; c++) if (!g.isVoid(c)) t[c] = theta[c] + asm.tRef;
            double moved = sn.step(a, mg::precondition, pcg, new double[n], theta, t, qL, dqL, th0,
                    qPower, 200);
            double delta = tt.scale - sBefore;
            assertTrue(moved > 0.1 && Math.abs(delta) > 1e-3, "a real step: moved " + moved + " K, delta " + delta);
            // the linearised total at the new scale and field is the target
            double total = tt.scale * qPower + asm.feedbackPower(qLOld, dqL, th0, s0, theta) - (sBefore - 1) * qPower;
            assertEquals(520, total, 1e-9 * 520, "s D + L_lin(theta) after the step");
            // theta solves the round's system with the dynamic power at the new scale: b + delta q0 V
            double[] b2 = bOld.clone();
            for (int c = 0; c < n; c++)
                if (!g.isVoid(c)) b2[c] += delta * p.q()[c] * g.dx(c % g.nx) * g.dy((c / g.nx) % g.ny) * g.dz(c / (g.nx * g.ny));
            double[] exact = theta.clone();
            assertTrue(pcg.solve(a, mg::precondition, b2, exact, 1e-13, 200).converged());
            double worst = 0;
            for (int c = 0; c < n; c++) if (!g.isVoid(c)) worst = Math.max(worst, Math.abs(exact[c] - theta[c]));
            // w is held in single precision (2^-24 relative): the step's field is the new system's solution to
            // about 1e-7 of the largest move
            assertTrue(worst < 1e-7 * moved, "field " + worst + " K from the solution at the new scale (moved " + moved + " K)");
            assertNotNull(qLOld);
        }
    }
}
