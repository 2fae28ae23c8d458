package org.wafersim.errors;

/**
 * A matrix that the physics makes symmetric positive definite is not (a Cholesky pivot or a CG curvature p.Ap
 * that is not positive): the operator is singular (a free rigid-body motion), lost definiteness (thermal runaway
 * in a linearised step) or holds non-finite values. Exit code 1.
 */
public class NotPositiveDefiniteException extends CheckFailedException {
    public NotPositiveDefiniteException(String message) { super(message); }

    public NotPositiveDefiniteException(String message, Throwable cause) { super(message, cause); }

    @Override public String kind() { return "not_positive_definite"; }
}
