package org.wafersim.validation.check;

import java.util.function.Consumer;

/**
 * What a check may use while it runs.
 *
 * @param threads  worker threads for the solver (results do not depend on it: reductions run in a fixed order)
 * @param progress one-line progress messages (to stderr in the CLI)
 */
public record Context(int threads, Consumer<String> progress) {
    public Context {
        if (threads <= 0) threads = Runtime.getRuntime().availableProcessors();
        if (progress == null) progress = m -> { };
    }

    /** Quiet context with all cores, for tests. */
    public static Context quiet() { return new Context(0, null); }
}
