package org.wafersim.linalg;

/**
 * A symmetric positive definite linear operator y = A x, the one interface that the Krylov solver ({@link Pcg})
 * needs: the thermal 7-point operator and the assembled mechanics stiffness both implement it.
 */
public interface SymmetricOperator {
    /** Number of unknowns. */
    int size();

    /** y = A x. */
    void apply(Parallel par, double[] x, double[] y);

    /**
     * y1 = A x1 and y2 = A x2, each exactly as {@link #apply} computes it; an operator may stream its coefficients
     * once for both.
     */
    default void apply2(Parallel par, double[] x1, double[] x2, double[] y1, double[] y2) {
        apply(par, x1, y1);
        apply(par, x2, y2);
    }

    /** y = A x and returns x . y (the curvature CG needs); an operator may fuse the two passes. */
    default double applyDot(Parallel par, double[] x, double[] y) {
        apply(par, x, y);
        return par.dot(x, y);
    }

    /** r = b - A x. */
    default void residual(Parallel par, double[] b, double[] x, double[] r) {
        apply(par, x, r);
        par.forBlocks(r.length, (lo, hi) -> {
            for (int i = lo; i < hi; i++) r[i] = b[i] - r[i];
        });
    }
}
