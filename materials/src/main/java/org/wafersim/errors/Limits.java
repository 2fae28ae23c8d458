package org.wafersim.errors;

/**
 * Ranges of numeric command-line options and case keys that are not physics but resources (threads, jobs): a value
 * outside is refused as bad input (exit 2) before any work, instead of failing deep inside a thread pool.
 */
public final class Limits {
    /**
     * Most worker threads a run or a sweep may ask for. {@code ForkJoinPool} refuses more than 32,767; far fewer
     * than that are useful on any machine this runs on, and each thread reserves a stack.
     */
    public static final int MAX_THREADS = 1024;

    private Limits() { }

    /** Checks a thread count: 0 (all processors) to {@link #MAX_THREADS}; returns it. */
    public static int threads(String source, String key, int n) {
        return range(source, key, n, 0, MAX_THREADS, " (0 = all processors)");
    }

    /** Checks {@code lo <= n <= hi}; returns n. */
    public static int range(String source, String key, int n, int lo, int hi, String note) {
        if (n < lo || n > hi)
            throw new InputException(source, key, "must be between " + lo + " and " + hi + note + ", got " + n);
        return n;
    }
}
