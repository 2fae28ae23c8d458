package org.wafersim.cli;

import java.io.PrintWriter;
import org.wafersim.errors.Failure;
import org.wafersim.errors.WafersimException;
import picocli.CommandLine;

/**
 * Entry point of the {@code wafersim} command (DESIGN section 8): builds the picocli command tree and maps
 * failures to the exit-code contract: 0 success, 1 a check failed (validation, runaway, non-convergence, energy
 * balance), 2 bad input (one line naming the file, key and reason; no stack trace). Failures are classified only
 * through the exception root {@link WafersimException} ({@link Failure#of}).
 */
public final class Cli {
    public static final int OK = WafersimException.EXIT_OK, CHECK_FAILED = WafersimException.EXIT_CHECK_FAILED,
            BAD_INPUT = WafersimException.EXIT_BAD_INPUT;

    private Cli() { }

    /** Builds the command line with the standard verbs plus any extra subcommands (the validation module adds one). */
    public static CommandLine commandLine(Object... extraSubcommands) {
        CommandLine cl = new CommandLine(new WafersimCommand());
        for (Object sub : extraSubcommands) cl.addSubcommand(sub);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> handle(ex, cmd.getErr()));
        cl.setParameterExceptionHandler(Cli::optionError);
        return cl;
    }

    public static int execute(String[] args, Object... extraSubcommands) {
        return commandLine(extraSubcommands).execute(args);
    }

    /**
     * A bad option or argument: one line naming it, with picocli's suggestion when it has one and where help is,
     * exit 2 (the usage text is what --help is for).
     */
    static int optionError(CommandLine.ParameterException ex, String[] args) {
        CommandLine c = ex.getCommandLine();
        String msg = String.valueOf(ex.getMessage()).strip();
        int nl = msg.indexOf('\n');
        if (nl >= 0) msg = msg.substring(0, nl).strip();
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty())
            msg += " (did you mean " + String.join(" or ", u.getSuggestions().subList(0, Math.min(3, u.getSuggestions().size()))) + "?)";
        PrintWriter err = c.getErr();
        err.println("wafersim: error: " + msg + "; see '" + c.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return BAD_INPUT;
    }

    /** Maps a failure to its exit code through the one rule of {@link Failure#of}; only a bug prints a stack trace. */
    static int handle(Exception ex, PrintWriter err) {
        Failure f = Failure.of(ex);
        err.println(f.line());
        if (f.internal()) ex.printStackTrace(err);
        err.flush();
        return f.exitCode();
    }
}
