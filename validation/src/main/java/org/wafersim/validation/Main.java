package org.wafersim.validation;

import org.wafersim.cli.Cli;

/** The runnable {@code wafersim} jar: the solver's verbs (run, materials, ...) plus the validation verbs. */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        System.exit(Cli.execute(args));
    }
}
