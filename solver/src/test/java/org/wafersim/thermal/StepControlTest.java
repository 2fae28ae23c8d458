package org.wafersim.thermal;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** {@link StepControl} on model error laws err = c h^p. */
class StepControlTest {
    static final double TOL = 0.05;

    /** Tries from {@code h} until err(h) = c h^p is within the tolerance; returns {rejections, accepted h}. */
    static double[] settle(StepControl s, double h, double c, double p, boolean afterBreakpoint) {
        int rejections = 0;
        while (c * Math.pow(h, p) > TOL) {
            h = s.rejected(h, c * Math.pow(h, p), afterBreakpoint);
            rejections++;
        }
        return new double[]{rejections, h};
    }

    @Test
    void smoothErrorKeepsTheClassicalRule() {
        StepControl s = new StepControl(TOL);
        double c = 0.01;   // err = 0.01 h^3: tolerance at h = 1.71
        assertEquals(2 * Math.min(5, 0.9 * Math.cbrt(TOL / (c * 8))), s.accepted(2, c * 8, false) , 1e-12);
        double[] r = settle(s, 3, c, 3, false);
        assertEquals(1, r[0]);
    }

    /** After a breakpoint the error grows like h^1.3 here: the retry uses the measured order, not 3. */
    @Test
    void breakpointNeedsFewRetriesAndTheNextOneNone() {
        StepControl s = new StepControl(TOL);
        double c = 0.11, p = 1.3;   // ~ the wafer's response at the end of a 10 s ramp (0.44 K at 3 s)
        double[] r = settle(s, 3.0, c, p, true);
        assertTrue(r[0] <= 2, "rejections " + r[0]);
        s.accepted(r[1], c * Math.pow(r[1], p), true);
        // the next breakpoint of the same kind: the first try is capped and accepted
        double first = s.firstAfterBreakpoint(10);
        assertTrue(c * Math.pow(first, p) <= TOL, "first step " + first);
        assertTrue(first > 0.3 * r[1], "first step not needlessly small: " + first);
        assertEquals(0, settle(s, first, c, p, true)[0]);
    }

    @Test
    void noMemoryNoCap() {
        assertEquals(7.0, new StepControl(TOL).firstAfterBreakpoint(7.0));
    }
}
