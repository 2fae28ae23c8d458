package org.wafersim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the wafersim command line in-process and captures its exit code, stdout and stderr. */
public final class CliHarness {
    /** Exit code and captured output of one command. */
    public record Outcome(int code, String out, String err) { }

    public static Outcome run(String... args) {
        CommandLine cl = Cli.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    private CliHarness() { }
}
