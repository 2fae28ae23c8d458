package org.wafersim.errors;

/**
 * How a throwable ends a command: exit code, kind and the one line a user sees. The single classification rule
 * of wafersim (the CLI and the sweep's point records both use it): the first {@link WafersimException} in the cause
 * chain decides; an {@link OutOfMemoryError} is a failed run (exit 1, "out_of_memory"); anything else is a bug
 * ("internal_error", exit 1, and the caller prints the stack trace).
 *
 * @param exitCode 1 or 2 (see {@link WafersimException})
 * @param kind     a stable snake_case word: a {@link WafersimException#kind()}, "out_of_memory" or "internal_error"
 * @param message  the reason, without the "wafersim: ..." prefix
 * @param internal true for a bug (no wafersim failure in the chain): the caller should show the stack trace
 */
public record Failure(int exitCode, String kind, String message, boolean internal) {
    /** Deeper cause chains than this are not searched (guards against a cyclic chain). */
    private static final int MAX_DEPTH = 32;

    public static Failure of(Throwable t) {
        int depth = 0;
        for (Throwable c = t; c != null && depth < MAX_DEPTH; c = c.getCause(), depth++)
            if (c instanceof WafersimException w) return new Failure(w.exitCode(), w.kind(), w.getMessage(), false);
        depth = 0;
        for (Throwable c = t; c != null && depth < MAX_DEPTH; c = c.getCause(), depth++)
            if (c instanceof OutOfMemoryError)
                return new Failure(WafersimException.EXIT_CHECK_FAILED, "out_of_memory", "out of memory ("
                        + c.getMessage() + "); lower grid.cells_per_core or raise -Xmx (WAFERSIM_JAVA_OPTS)", false);
        return new Failure(WafersimException.EXIT_CHECK_FAILED, "internal_error", String.valueOf(t), true);
    }

    /** The line for stderr: "wafersim: error: ..." (bad input), "wafersim: failed: ..." or "wafersim: internal error: ...". */
    public String line() {
        if (internal) return "wafersim: internal error: " + message;
        return (exitCode == WafersimException.EXIT_BAD_INPUT ? "wafersim: error: " : "wafersim: failed: ") + message;
    }
}
