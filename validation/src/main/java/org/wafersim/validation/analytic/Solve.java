package org.wafersim.validation.analytic;

import org.wafersim.linalg.Parallel;
import org.wafersim.thermal.SteadyResult;
import org.wafersim.thermal.SteadySolver;
import org.wafersim.thermal.ThermalProblem;

/** Steady solves for the analytical references, converged far below the discretisation errors they measure. */
final class Solve {
    private Solve() { }

    /** Linear-solve tolerance 1e-12 (1e-13 for the round-off checks), Picard to 1e-9 K. */
    static SteadyResult steady(ThermalProblem p, int threads, double tolerance, int maxPicard) {
        try (Parallel par = new Parallel(threads)) {
            return new SteadySolver(par, new SteadySolver.Options(tolerance, 200, 1e-9, maxPicard, false)).solve(p, null);
        }
    }

    /** log2(coarse / fine): the observed order of an error that halves its mesh size. */
    static double order(double coarse, double fine) { return Math.log(coarse / fine) / Math.log(2); }
}
