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
    public interface Preconditioner { void apply(double[] r, double[] z); }

    private final Parallel par;
    private double[] r, z, p, q;

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
        int n = a.size();
        if (r == null || r.length != n) {
            r = new double[n];
            z = new double[n];
            p = new double[n];
            q = new double[n];
        }
        List<Double> hist = new ArrayList<>();
        double bnorm = Math.sqrt(par.dot(b, b));
        if (bnorm == 0) {
            java.util.Arrays.fill(x, 0);
            return new Result(0, 0, true, new double[]{0});
        }
        if (r0 != null) System.arraycopy(r0, 0, r, 0, n);
        else a.residual(par, b, x, r);
        double rnorm = Math.sqrt(par.dot(r, r));
        hist.add(rnorm / bnorm);
        if (rnorm <= tol * bnorm) return new Result(0, rnorm / bnorm, true, toArray(hist));
        m.apply(r, z);
        System.arraycopy(z, 0, p, 0, n);
        double rz = par.dot(r, z);
        int it = 0;
        boolean converged = false;
        final double[] rr = r, zz = z, pp = p, qq = q;
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

    private static double[] toArray(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) a[i] = l.get(i);
        return a;
    }
}
