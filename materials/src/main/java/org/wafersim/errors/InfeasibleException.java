package org.wafersim.errors;

/**
 * The design cannot operate as specified although its steady states are stable and the solver converges: no
 * operating point reaches the requested power (the leakage alone exceeds it). Exit code 1, status "infeasible" (the
 * word a completed run above its junction limit gets too). Not a runaway (a steady state exists) and not a solver
 * failure (raising iteration limits does not help).
 */
public final class InfeasibleException extends CheckFailedException {
    /** @param lastIterateK the temperature field of the state that shows it, K, or null */
    public InfeasibleException(String message, double[] lastIterateK) { super(message, lastIterateK); }

    @Override public String kind() { return "infeasible"; }
}
