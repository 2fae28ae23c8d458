package org.wafersim.errors;

/**
 * The input was usable but a check of the run failed (a validation comparison, a limit, a solver check). Exit
 * code 1. The specific solver checks are subclasses: {@link NotConvergedException}, {@link ThermalRunawayException},
 * {@link EnergyBalanceException}, {@link NotPositiveDefiniteException}.
 */
public class CheckFailedException extends WafersimException {
    public CheckFailedException(String message) { super(message); }

    public CheckFailedException(String message, Throwable cause) { super(message, cause); }

    @Override public final int exitCode() { return EXIT_CHECK_FAILED; }

    @Override public String kind() { return "check_failed"; }
}
