package org.wafersim.cli;

import picocli.CommandLine.Option;

/**
 * The options that several verbs share, one picocli mixin per group ({@code @Mixin Options.Force force;}), so that
 * each is named, typed and described once and reads the same in every verb's help.
 */
public final class Options {
    private Options() { }

    /** {@code --json}: what the verb prints goes to stdout as JSON, for scripts. */
    public static final class Json {
        @Option(names = "--json", description = "print the result as JSON on stdout (for scripts)")
        public boolean json;
    }

    /** {@code --force}: a verb that writes files never replaces one without it. */
    public static final class Force {
        @Option(names = "--force", description = "replace existing output files")
        public boolean force;
    }

    /** {@code -q}: for the verbs that work for a while (run, sweep, validate) and report progress on stderr. */
    public static final class Progress {
        @Option(names = {"-q", "--quiet"}, description = "no progress messages on stderr")
        public boolean quiet;
    }

    /** {@code -q}: for the verbs that write one file and say so (export, plot, xdmf, zth). */
    public static final class Quiet {
        @Option(names = {"-q", "--quiet"}, description = "print nothing but errors")
        public boolean quiet;
    }
}
