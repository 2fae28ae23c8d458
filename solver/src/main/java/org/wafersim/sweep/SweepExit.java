package org.wafersim.sweep;

import org.wafersim.errors.WafersimException;

/**
 * Exit codes of {@code wafersim sweep}, so that a job chained with Slurm's {@code afterok} runs only after a complete
 * sweep. 0, 1 and 2 are wafersim's codes ({@link WafersimException}: success, a check failed, bad input); 3 is
 * the sweep's own.
 * <pre>
 *  code  running points (a shard or the whole sweep)     --summary-only (the merge)
 *  0     every point this process ran is ok              every point of the sweep is done and ok
 *  1     a point this process ran failed                 some point has failed (whether or not others are pending)
 *  2     bad input: nothing ran                          bad input
 *  3     -                                               no point failed, but some are pending (not run yet,
 *                                                        killed, or run for an earlier version of the sweep file)
 * </pre>
 * An array task beyond the shard count runs nothing and exits 0.
 */
public final class SweepExit {
    public static final int OK = WafersimException.EXIT_OK, FAILED = WafersimException.EXIT_CHECK_FAILED,
            BAD_INPUT = WafersimException.EXIT_BAD_INPUT, PENDING = 3;

    private SweepExit() { }

    /** The merge's code, from the counts over the whole sweep. */
    public static int ofSummary(SummaryTable.Counts c) {
        return c.failed() > 0 ? FAILED : c.pending() > 0 ? PENDING : OK;
    }

    /** A run's code, from the points this process ran. */
    public static int ofRun(SweepRunner.Outcome o) {
        return o.failed() > 0 ? FAILED : OK;
    }
}
