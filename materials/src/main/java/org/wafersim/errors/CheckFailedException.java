package org.wafersim.errors;

/**
 * The input was usable but a check of the run failed (a validation comparison, a limit, a solver check). Exit
 * code 1. The specific solver checks are subclasses: {@link NotConvergedException}, {@link ThermalRunawayException},
 * {@link InfeasibleException}, {@link EnergyBalanceException}, {@link NotPositiveDefiniteException}. A solver that
 * stops on one keeps its last iterate here when it has one, so that the run can still write it.
 */
public class CheckFailedException extends WafersimException {
    private final double[] lastIterateK;

    public CheckFailedException(String message) { this(message, (double[]) null); }

    public CheckFailedException(String message, Throwable cause) {
        super(message, cause);
        this.lastIterateK = null;
    }

    /**
     * @param lastIterateK the temperature field of the last iterate when the check failed, K (cell order of the
     *                     run's grid), or null; a run writes it to its partial result
     */
    protected CheckFailedException(String message, double[] lastIterateK) {
        super(message);
        this.lastIterateK = lastIterateK;
    }

    /** The temperature field of the last iterate, K, or null when the failing solver did not keep one. */
    public double[] lastIterateK() { return lastIterateK; }

    @Override public final int exitCode() { return EXIT_CHECK_FAILED; }

    @Override public String kind() { return "check_failed"; }
}
