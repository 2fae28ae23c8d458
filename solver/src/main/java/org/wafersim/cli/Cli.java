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
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            int code = handle(ex, cmd.getErr());
            // --json promises one object on stdout for every outcome; run prints its own (with the partial run)
            if (jsonRequested(cmd) && !(cmd.getCommand() instanceof RunCommand)) {
                Failure f = Failure.of(ex);
                printJson(cmd, f.kind(), f.exitCode(), f.message());
            }
            return code;
        });
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
        String line = msg + "; see '" + c.getCommandSpec().qualifiedName() + " --help'";
        err.println("wafersim: error: " + line);
        err.flush();
        if (wantsJson(c, args)) {
            // --json promises one object on stdout for every outcome, a command line picocli refuses included
            printJson(c, "bad_input", BAD_INPUT, line);
        }
        return BAD_INPUT;
    }

    /** The failure object of {@code --json}: status (the failure's kind), exit_code, message, summary (null). */
    static void printJson(CommandLine c, String status, int exitCode, String message) {
        java.util.Map<String, Object> j = new java.util.LinkedHashMap<>();
        j.put("status", status);
        j.put("exit_code", exitCode);
        j.put("message", message);
        j.put("summary", null);
        c.getOut().println(JsonOutput.write(j));
        c.getOut().flush();
    }

    /** Whether a parsed command line asked for JSON ({@code --json} given on a verb that has it). */
    static boolean jsonRequested(CommandLine c) {
        CommandLine.Model.OptionSpec o = c.getCommandSpec().findOption("--json");
        return o != null && Boolean.TRUE.equals(o.getValue());
    }

    /**
     * Whether the refused command line asked for JSON: {@code --json} (or {@code --json=true}) before any
     * {@code --}, on a verb that has the option (an unknown {@code --json} is itself the error, answered in text).
     */
    static boolean wantsJson(CommandLine c, String[] args) {
        if (c.getCommandSpec().findOption("--json") == null) return false;
        for (String a : args) {
            if (a.equals("--")) return false;
            if (a.equals("--json") || a.equalsIgnoreCase("--json=true")) return true;
        }
        return false;
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
