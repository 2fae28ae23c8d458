package org.wafersim.sweep;

import org.wafersim.cli.Cli;

/** A {@code main} for a child JVM in tests (the runnable jar's Main lives in the validation module). */
public final class CliMain {
    private CliMain() { }

    public static void main(String[] args) {
        System.exit(Cli.execute(args));
    }
}
