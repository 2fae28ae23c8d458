package org.wafersim.cli;

import java.io.PrintWriter;
import org.wafersim.errors.InputException;
import org.wafersim.run.CaseRun;
import org.wafersim.thermal.SteadySolver;
import picocli.CommandLine;

/**
 * Entry point of the {@code wafersim} command (DESIGN section 8): builds the picocli command tree and maps
 * failures to the exit-code contract: 0 success, 1 a check failed (validation, runaway, non-convergence, energy
 * balance), 2 bad input (one line naming the file, key and reason; no stack trace).
 */
public final class Cli {
    public static final int OK = 0, CHECK_FAILED = 1, BAD_INPUT = 2;

    private Cli() { }

    /** Builds the command line with the standard verbs plus any extra subcommands (the validation module adds one). */
    public static CommandLine commandLine(Object... extraSubcommands) {
        CommandLine cl = new CommandLine(new WafersimCommand());
        for (Object sub : extraSubcommands) cl.addSubcommand(sub);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> handle(ex, cmd.getErr()));
        return cl;
    }

    public static int execute(String[] args, Object... extraSubcommands) {
        return commandLine(extraSubcommands).execute(args);
    }

    static int handle(Exception ex, PrintWriter err) {
        Throwable e = ex;
        if (e instanceof InputException ie) {
            err.println("wafersim: error: " + ie.getMessage());
            err.flush();
            return BAD_INPUT;
        }
        if (e instanceof SteadySolver.NotConvergedException || e instanceof CaseRun.EnergyBalanceException
                || e instanceof org.wafersim.thermal.ThermalRunawayException
                || e instanceof org.wafersim.run.MechanicsRun.NonConvergenceException
                || e instanceof CheckFailedException) {
            err.println("wafersim: failed: " + e.getMessage());
            err.flush();
            return CHECK_FAILED;
        }
        if (e instanceof OutOfMemoryError) {
            err.println("wafersim: failed: out of memory (" + e.getMessage() + "); lower grid.cells_per_core or raise -Xmx");
            err.flush();
            return CHECK_FAILED;
        }
        err.println("wafersim: internal error: " + e);
        e.printStackTrace(err);
        err.flush();
        return CHECK_FAILED;
    }

    /** A failed check that is not bad input (exit code 1). */
    public static class CheckFailedException extends RuntimeException {
        public CheckFailedException(String m) { super(m); }
    }
}
