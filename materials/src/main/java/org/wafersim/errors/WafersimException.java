package org.wafersim.errors;

/**
 * The root of every failure wafersim reports to a user; each kind carries its process exit code.
 *
 * <pre>
 * WafersimException                 exitCode()  kind()
 * ├── InputException                2           "bad_input"       the case, a material, --set or an option is unusable
 * └── CheckFailedException          1           "check_failed"    the input was fine but a check of the run failed
 *     ├── NotConvergedException     1           "not_converged"   an iteration missed its tolerance (steady, transient, mechanics)
 *     ├── ThermalRunawayException   1           "thermal_runaway" no steady state: leakage outgrows the cooling
 *     ├── InfeasibleException       1           "infeasible"      no operating point at the requested power
 *     ├── EnergyBalanceException    1           "energy_balance"  power in != heat out beyond the tolerance
 *     └── NotPositiveDefiniteException 1        "not_positive_definite" a matrix that must be SPD is not (linalg)
 * </pre>
 *
 * How to use it: throw the most specific kind; never throw {@code ArithmeticException}/{@code IllegalStateException}
 * for anything a case or an option can cause. To decide an exit code, a status or a sweep record, go through
 * {@link Failure#of(Throwable)} (the CLI and the sweep both do), never through {@code instanceof} lists or class
 * names. {@link #kind()} is a stable snake_case word meant for machine-readable output (run status, --json, sweep
 * records).
 */
public abstract class WafersimException extends RuntimeException {
    /** Exit codes of the command line: success, a check failed, bad input. */
    public static final int EXIT_OK = 0, EXIT_CHECK_FAILED = 1, EXIT_BAD_INPUT = 2;

    protected WafersimException(String message) { super(message); }

    protected WafersimException(String message, Throwable cause) { super(message, cause); }

    /** The process exit code this failure ends a command with (1 or 2). */
    public abstract int exitCode();

    /** A stable snake_case name of the failure kind (e.g. "bad_input", "not_converged"). */
    public abstract String kind();
}
