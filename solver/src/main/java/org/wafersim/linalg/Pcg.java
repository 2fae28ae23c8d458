package org.wafersim.linalg;

import java.util.ArrayList;
import java.util.List;
import org.wafersim.errors.NotPositiveDefiniteException;

/**
 * Preconditioned conjugate gradients (Hestenes &amp; Stiefel 1952; preconditioned form as in Saad, Iterative Methods
 * for Sparse Linear Systems, 2003, Alg. 9.1) for a symmetric positive definite operator (a {@link Stencil7}, a
 * {@link SparseSymmetric}) with a symmetric preconditioner (one multigrid cycle, or a sparse Cholesky factor). Stops when ||b - A x||_2 &lt;= tol * ||b||_2; the starting x is used
 * (warm start).
 */
public final class Pcg {
    /** Result of one solve. */
    public record Result(int iterations, double relativeResidual, boolean converged, double[] history) { }

    /** A preconditioner z = M^-1 r. */
    @FunctionalInterface
    public interface Preconditioner {
        void apply(double[] r, double[] z);

        /** z1 = M^-1 r1 and z2 = M^-1 r2, each exactly as {@link #apply} computes it (possibly in one pass). */
        default void apply2(double[] r1, double[] r2, double[] z1, double[] z2) {
            apply(r1, z1);
            apply(r2, z2);
        }
    }

    private final Parallel par;
    private double[] r, z, p;

    public Pcg(Parallel par) { this.par = par; }

    public Result solve(SymmetricOperator a, Preconditioner m, double[] b, double[] x, double tol, int maxIterations) {
        return solve(a, m, b, x, tol, maxIterations, null, true);
    }

    /**
     * As {@link #solve(SymmetricOperator, Preconditioner, double[], double[], double, int)}, with two savings for
     * callers that solve many systems: {@code r0}, if not null, is b - A x for the starting x, already known to the
     * caller (saves the starting operator product); with {@code trueResidual} false the result reports the
     * recursive residual instead of recomputing b - A x at the end (saves the final product).
     */
    public Result solve(SymmetricOperator a, Preconditioner m, double[] b, double[] x, double tol, int maxIterations,
                        double[] r0, boolean trueResidual) {
        return solve(a, m, b, x, tol, maxIterations, r0, trueResidual, Double.NaN);
    }

    /**
     * As above with {@code bDotB}, if not NaN, the caller's {@link Parallel#dot}{@code (b, b)} (a caller that forms b
     * can sum it in the same pass: one pass over b fewer).
     */
    public Result solve(SymmetricOperator a, Preconditioner m, double[] b, double[] x, double tol, int maxIterations,
                        double[] r0, boolean trueResidual, double bDotB) {
        int n = a.size();
        workspace(n);
        double bnorm = Math.sqrt(Double.isNaN(bDotB) ? par.dot(b, b) : bDotB);
        if (bnorm == 0) {
            java.util.Arrays.fill(x, 0);
            return new Result(0, 0, true, new double[]{0});
        }
        if (r0 != null) System.arraycopy(r0, 0, r, 0, n);
        else a.residual(par, b, x, r);
        return iterate(a, m, b, bnorm, x, tol, maxIterations, trueResidual);
    }

    /**
     * The residual vector of the next {@link #solveFromResidual} (length n; the solver's own, reused between solves):
     * a caller whose right-hand side is cheaper to form on the fly than to store writes b - A x here.
     */
    public double[] residualWorkspace(int n) {
        workspace(n);
        return r;
    }

    /**
     * As {@link #solve(SymmetricOperator, Preconditioner, double[], double[], double, int)} for a right-hand side b
     * that is not stored: {@link #residualWorkspace} holds b - A x for the starting x, {@code bnorm} is |b| > 0 (the
     * scale of the relative tolerance), and the result reports the recursive residual.
     */
    public Result solveFromResidual(SymmetricOperator a, Preconditioner m, double bnorm, double[] x, double tol,
                                    int maxIterations) {
        if (!(bnorm > 0)) throw new IllegalArgumentException("|b| must be positive, got " + bnorm);
        return iterate(a, m, null, bnorm, x, tol, maxIterations, false);
    }

    private void workspace(int n) {
        if (r == null || r.length != n) {
            r = new double[n];
            z = new double[n];
            p = new double[n];
        }
    }

    /** CG from r = b - A x; b is read only for the true residual at the end. */
    private Result iterate(SymmetricOperator a, Preconditioner m, double[] b, double bnorm, double[] x, double tol,
                           int maxIterations, boolean trueResidual) {
        final int n = a.size();
        List<Double> hist = new ArrayList<>();
        double rnorm = Math.sqrt(par.dot(r, r));
        hist.add(rnorm / bnorm);
        if (rnorm <= tol * bnorm) return new Result(0, rnorm / bnorm, true, toArray(hist));
        m.apply(r, z);
        System.arraycopy(z, 0, p, 0, n);
        double rz = par.dot(r, z);
        int it = 0;
        boolean converged = false;
        // q = A p lives in z's array: q is last read by the update of r, before the preconditioner writes z, and z
        // is last read by the update of p, before the next q (one vector of n fewer to allocate and keep)
        final double[] rr = r, zz = z, pp = p, qq = z;
        while (it < maxIterations) {
            double pq = a.applyDot(par, pp, qq);
            if (!(pq > 0)) throw new NotPositiveDefiniteException("CG breakdown: operator not positive definite (p.Ap = " + pq + ")");
            final double alpha = rz / pq;
            // r and ||r||^2 in one pass, summed per fixed block in block order (as Parallel.dot); x += alpha p waits
            // for the pass that updates p, which reads p anyway (one pass over the vectors fewer per iteration)
            rnorm = Math.sqrt(par.sumBlocks((n + Parallel.BLOCK - 1) / Parallel.BLOCK, blk -> {
                int lo = blk * Parallel.BLOCK, hi = Math.min(n, lo + Parallel.BLOCK);
                for (int i = lo; i < hi; i++) rr[i] -= alpha * qq[i];
                return Parallel.dot(rr, rr, lo, hi);    // the block is still in cache
            }));
            it++;
            hist.add(rnorm / bnorm);
            if (rnorm <= tol * bnorm) {
                converged = true;
                par.forBlocks(n, (lo, hi) -> {
                    for (int i = lo; i < hi; i++) x[i] += alpha * pp[i];
                });
                break;
            }
            m.apply(rr, zz);
            double rzNew = par.dot(rr, zz);
            final double beta = rzNew / rz;
            rz = rzNew;
            par.forBlocks(n, (lo, hi) -> {
                for (int i = lo; i < hi; i++) {
                    x[i] += alpha * pp[i];
                    pp[i] = zz[i] + beta * pp[i];
                }
            });
        }
        // The recursive residual drifts from the true one by round-off; report the true residual.
        if (!trueResidual) return new Result(it, rnorm / bnorm, converged, toArray(hist));
        a.residual(par, b, x, r);
        double trueRel = Math.sqrt(par.dot(r, r)) / bnorm;
        return new Result(it, trueRel, converged, toArray(hist));
    }

    /**
     * Two systems with the same operator and preconditioner, A x1 = b1 and A x2 = b2, solved side by side: two CG
     * recurrences in lockstep whose operator products and preconditioner applications go through
     * {@link SymmetricOperator#apply2} and {@link Preconditioner#apply2} (an assembled operator streams its
     * coefficients once for both vectors). Each vector's iterates, stopping test and result are exactly those of
     * {@link #solve(SymmetricOperator, Preconditioner, double[], double[], double, int)} on its own; once one has
     * converged the other goes on alone. (The curvature p . A p of a pair step is {@link Parallel#dot} of the two
     * vectors, which is what {@link SymmetricOperator#applyDot} computes unless an operator fuses it.)
     */
    public Result[] solvePair(SymmetricOperator a, Preconditioner m, double[] b1, double[] b2, double[] x1, double[] x2,
                              double tol, int maxIterations) {
        Run s1 = new Run(a.size(), b1, x1, maxIterations), s2 = new Run(a.size(), b2, x2, maxIterations);
        s1.start(a, tol);
        s2.start(a, tol);
        // the starting preconditioner applications, as the single solve does them
        if (s1.active && s2.active) m.apply2(s1.r, s2.r, s1.z, s2.z);
        else if (s1.active) m.apply(s1.r, s1.z);
        else if (s2.active) m.apply(s2.r, s2.z);
        s1.afterFirstPreconditioner();
        s2.afterFirstPreconditioner();
        while (s1.active || s2.active) {
            if (s1.active && s2.active) {
                a.apply2(par, s1.p, s2.p, s1.q, s2.q);
                s1.step(par.dot(s1.p, s1.q));
                s2.step(par.dot(s2.p, s2.q));
            } else if (s1.active) {
                s1.step(a.applyDot(par, s1.p, s1.q));
            } else {
                s2.step(a.applyDot(par, s2.p, s2.q));
            }
            if (s1.active && s2.active) m.apply2(s1.r, s2.r, s1.z, s2.z);
            else if (s1.active) m.apply(s1.r, s1.z);
            else if (s2.active) m.apply(s2.r, s2.z);
            if (s1.active) s1.update();
            if (s2.active) s2.update();
        }
        return new Result[]{s1.finish(a), s2.finish(a)};
    }

    /** One of the recurrences of {@link #solvePair}, step for step the single solve's. */
    private final class Run {
        final int n;
        final double[] b, x, r, z, p, q;
        final List<Double> hist = new ArrayList<>();
        final int maxIterations;
        double bnorm, rnorm, rz, alpha, tol;
        int it;
        boolean active, converged, zero;

        Run(int n, double[] b, double[] x, int maxIterations) {
            this.n = n;
            this.maxIterations = maxIterations;
            this.b = b;
            this.x = x;
            r = new double[n];
            z = new double[n];
            p = new double[n];
            q = new double[n];
        }

        void start(SymmetricOperator a, double tolerance) {
            tol = tolerance;
            bnorm = Math.sqrt(par.dot(b, b));
            if (bnorm == 0) {
                java.util.Arrays.fill(x, 0);
                zero = true;
                converged = true;
                return;
            }
            a.residual(par, b, x, r);
            rnorm = Math.sqrt(par.dot(r, r));
            hist.add(rnorm / bnorm);
            converged = rnorm <= tol * bnorm;
            active = !converged;
        }

        void afterFirstPreconditioner() {
            if (!active) return;
            System.arraycopy(z, 0, p, 0, n);
            rz = par.dot(r, z);
            if (maxIterations <= 0) active = false;
        }

        /** After q = A p with pq = p . q: the step length, x and r; stops when converged. */
        void step(double pq) {
            if (!(pq > 0)) throw new NotPositiveDefiniteException("CG breakdown: operator not positive definite (p.Ap = " + pq + ")");
            final double al = rz / pq;
            alpha = al;
            final double[] rr = r, qq = q, pp = p, xx = x;
            rnorm = Math.sqrt(par.sumBlocks((n + Parallel.BLOCK - 1) / Parallel.BLOCK, blk -> {
                int lo = blk * Parallel.BLOCK, hi = Math.min(n, lo + Parallel.BLOCK);
                for (int i = lo; i < hi; i++) rr[i] -= al * qq[i];
                return Parallel.dot(rr, rr, lo, hi);
            }));
            it++;
            hist.add(rnorm / bnorm);
            if (rnorm <= tol * bnorm) {
                converged = true;
                active = false;
                par.forBlocks(n, (lo, hi) -> {
                    for (int i = lo; i < hi; i++) xx[i] += al * pp[i];
                });
            }
        }

        /** After z = M r: the new search direction, x advanced. */
        void update() {
            double rzNew = par.dot(r, z);
            final double beta = rzNew / rz, al = alpha;
            rz = rzNew;
            final double[] xx = x, pp = p, zz = z;
            par.forBlocks(n, (lo, hi) -> {
                for (int i = lo; i < hi; i++) {
                    xx[i] += al * pp[i];
                    pp[i] = zz[i] + beta * pp[i];
                }
            });
            if (it >= maxIterations) active = false;
        }

        Result finish(SymmetricOperator a) {
            if (zero) return new Result(0, 0, true, new double[]{0});
            if (it == 0 && converged) return new Result(0, rnorm / bnorm, true, toArray(hist));
            a.residual(par, b, x, r);
            return new Result(it, Math.sqrt(par.dot(r, r)) / bnorm, converged, toArray(hist));
        }
    }

    private static double[] toArray(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) a[i] = l.get(i);
        return a;
    }
}
