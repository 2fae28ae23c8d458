package org.wafersim.errors;

/** An iterative solve (steady Picard/CG, a transient stage, a mechanics state) missed its tolerance. Exit code 1. */
public class NotConvergedException extends CheckFailedException {
    public NotConvergedException(String message) { super(message, (double[]) null); }

    /** @param lastIterateK the temperature field of the last iterate, K, or null ({@link #lastIterateK()}) */
    public NotConvergedException(String message, double[] lastIterateK) { super(message, lastIterateK); }

    @Override public String kind() { return "not_converged"; }
}
