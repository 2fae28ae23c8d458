package org.wafersim.run;

import java.util.function.Consumer;

/**
 * What a run reports while it works: whole lines (a stage begins, a cycle ends) as before through
 * {@link #accept(String)}, and, inside long stages, where it is ({@link #update}): the fraction done and a detail such
 * as the step, the simulated time or the state. A terminal shows the updates on one line that it rewrites; a log
 * (not a terminal, or {@code -q}) does not get them. The run calls this interface only; how it is shown is the
 * caller's business.
 */
public interface RunProgress extends Consumer<String> {
    /** Where a long stage is: {@code fraction} in [0, 1] of the stage (NaN if unknown), e.g. "step 120, t = 3.2 s". */
    void update(String stage, double fraction, String detail);

    /** The stage's updates are over (a terminal clears its progress line). */
    void done();

    /** A plain line consumer as a progress sink whose updates go nowhere; a RunProgress as itself. */
    static RunProgress of(Consumer<String> lines) {
        if (lines instanceof RunProgress p) return p;
        return new RunProgress() {
            @Override public void accept(String s) { lines.accept(s); }
            @Override public void update(String stage, double fraction, String detail) { }
            @Override public void done() { }
        };
    }
}
