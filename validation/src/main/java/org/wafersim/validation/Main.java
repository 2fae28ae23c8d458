package org.wafersim.validation;

import org.wafersim.cli.Cli;
import org.wafersim.validation.validate.ValidateCommand;

/** The runnable {@code wafersim} jar: the solver's verbs (run, materials, ...) plus the validation verb {@code validate}. */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        System.exit(Cli.execute(args, new ValidateCommand()));
    }
}
