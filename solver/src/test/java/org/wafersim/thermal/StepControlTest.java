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

    /** A round-off error estimate lets the first step after a start grow by up to 100x, a later step by 5x. */
    @Test
    void firstStepGrowsFasterOnlyAtARestart() {
        StepControl s = new StepControl(TOL);
        assertEquals(1e-3 * StepControl.RESTART_GROWTH, s.accepted(1e-3, 1e-15, true), 1e-15);
        assertEquals(0.1 * 5, s.accepted(0.1, 1e-15, false), 1e-15);
        // an error that means something keeps the classical rule after a restart too
        assertEquals(0.1 * 0.9 * Math.cbrt(TOL / 0.01), s.accepted(0.1, 0.01, true), 1e-15);
    }

    /** A first step with a round-off error leaves the breakpoint's record to the step after it. */
    @Test
    void roundOffFirstStepDefersTheRecord() {
        StepControl s = new StepControl(TOL);
        double h = s.accepted(1e-3, 1e-15, true);
        assertEquals(0.1, h, 1e-15);
        s.accepted(h, 0.0025, false);
        assertEquals(h * Math.pow(0.5 * TOL / 0.0025, 1 / StepControl.KINK_ORDER), s.firstAfterBreakpoint(10), 1e-12);
        // a first step whose error means something keeps the record, whatever follows
        s.accepted(0.5, 0.01, true);
        s.accepted(0.7, 0.02, false);
        assertEquals(0.5 * Math.pow(0.5 * TOL / 0.01, 1 / StepControl.KINK_ORDER), s.firstAfterBreakpoint(10), 1e-12);
    }

    @Test
    void noMemoryNoCap() {
        assertEquals(7.0, new StepControl(TOL).firstAfterBreakpoint(7.0));
    }
}
