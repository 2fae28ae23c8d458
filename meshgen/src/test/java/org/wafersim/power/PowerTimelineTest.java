package org.wafersim.power;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wafersim.power.TimelineCases.TRANSIENT;
import static org.wafersim.power.TimelineCases.assertCores;
import static org.wafersim.power.TimelineCases.consistent;
import static org.wafersim.power.TimelineCases.load;
import static org.wafersim.power.TimelineCases.scaled;
import static org.wafersim.power.TimelineCases.timeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.geometry.CoreArray;

/**
 * {@link PowerTimeline} for the step, ramp and cycle profiles: the total and the core powers at chosen times (both
 * sides of every jump), that the core powers keep the steady distribution's shape and add up to the total,
 * breakpoints, jumps, period and run length; and the default wafer as a cycle run (D.6).
 */
class PowerTimelineTest {
    static final double H = 3600;

    @TempDir
    Path dir;

    /** The checkerboard distribution of the small wafer at {@code total} W, as a steady run computes it. */
    private static double[] steady(CaseSpec c, double total) {
        return CorePowerSources.corePower(c, CoreArray.of(c), total, null);
    }

    @Test
    void stepJumpsAtItsTime() throws IOException {
        CaseSpec c = load(dir, TRANSIENT + "transient: {end: \"1 h\", step: {at: \"1 min\"}}");
        CoreArray a = CoreArray.of(c);
        PowerTimeline tl = timeline(c);
        assertEquals(200, tl.totalAt(-1), 0);
        assertEquals(200, tl.totalBefore(0), 0);      // the initial steady state
        assertEquals(200, tl.totalAt(30), 0);
        assertEquals(200, tl.totalBefore(60), 0);
        assertEquals(600, tl.totalAt(60), 0);
        assertEquals(600, tl.totalAt(H), 0);
        assertArrayEquals(new double[] {60}, tl.breakpoints());
        assertArrayEquals(new double[] {60}, tl.jumps());
        assertEquals(H, tl.end(), 0);
        assertTrue(Double.isNaN(tl.period()));
        assertCores(steady(c, 200), consistent(tl, a, 30), "t = 30 s");
        double[] before = new double[a.coreCount()];
        tl.corePowerBefore(60, before);
        assertCores(steady(c, 200), before, "just before the step");
        assertCores(steady(c, 600), consistent(tl, a, 60), "at the step");
        assertTrue(tl.summary().startsWith("power over time: step 200 W -> 600 W at t = 60 s; distribution: pattern"
                + " checkerboard"), tl.summary());
    }

    @Test
    void stepAtTheStartIsAJumpAtZero() throws IOException {
        CaseSpec c = load(dir, TRANSIENT + "transient: {end: \"10 min\"}");
        PowerTimeline tl = timeline(c);
        assertEquals(200, tl.totalBefore(0), 0);       // start from the steady state at idle ...
        assertEquals(600, tl.totalAt(0), 0);           // ... and step to full load at once
        assertArrayEquals(new double[0], tl.breakpoints());
        assertArrayEquals(new double[] {0}, tl.jumps());
        consistent(tl, CoreArray.of(c), 0);
    }

    @Test
    void rampIsLinear() throws IOException {
        CaseSpec c = load(dir, TRANSIENT + "transient: {end: \"1 h\", profile: ramp, ramp: {from: \"0 W\","
                + " to: \"1 kW\", start: \"1 min\", duration: \"5 min\"}}");
        CoreArray a = CoreArray.of(c);
        PowerTimeline tl = timeline(c);
        assertEquals(0, tl.totalAt(0), 0);
        assertEquals(0, tl.totalAt(60), 0);
        assertEquals(500, tl.totalAt(210), 1e-12);     // midpoint
        assertEquals(250, tl.totalAt(135), 1e-12);
        assertEquals(1000, tl.totalAt(360), 0);
        assertEquals(1000, tl.totalAt(H), 0);
        assertArrayEquals(new double[] {60, 360}, tl.breakpoints());
        assertArrayEquals(new double[0], tl.jumps());
        assertCores(steady(c, 500), consistent(tl, a, 210), "ramp midpoint");
        assertCores(new double[a.coreCount()], consistent(tl, a, 10), "before the ramp");
        consistent(tl, a, 360);
    }

    @Test
    void cycleHighLowAndRamps() throws IOException {
        CaseSpec c = load(dir, "analysis: {thermal: cycle}");
        CoreArray a = CoreArray.of(c);
        PowerTimeline tl = timeline(c);
        assertEquals(6 * H, tl.period(), 1e-9);
        assertEquals(60 * H, tl.end(), 1e-6);
        assertEquals(200, tl.totalBefore(0), 0);       // the initial steady state is at low
        assertEquals(200, tl.totalAt(0), 0);           // the ramp up starts at t = 0
        assertEquals(400, tl.totalAt(5), 1e-12);       // ramp midpoint
        assertEquals(600, tl.totalAt(10), 0);
        assertEquals(600, tl.totalAt(2 * H), 0);
        assertEquals(600, tl.totalAt(4 * H), 0);
        assertEquals(400, tl.totalAt(4 * H + 5), 1e-9);
        assertEquals(200, tl.totalAt(4 * H + 10), 0);
        assertEquals(200, tl.totalAt(5 * H), 0);
        assertEquals(200, tl.totalAt(6 * H), 0);
        assertEquals(400, tl.totalAt(6 * H + 5), 1e-9);
        assertEquals(600, tl.totalAt(55 * H), 0);       // tenth cycle, high
        assertEquals(200, tl.totalAt(59 * H), 0);
        assertCores(steady(c, 600), consistent(tl, a, 2 * H), "high");
        assertCores(steady(c, 200), consistent(tl, a, 5 * H), "low");
        assertCores(steady(c, 400), consistent(tl, a, 5), "ramp");

        double[] b = tl.breakpoints();
        assertEquals(4 * 10 - 1, b.length);            // four corners per cycle; t = 0 is the start, not listed
        assertArrayEquals(new double[] {10, 4 * H, 4 * H + 10, 6 * H, 6 * H + 10}, java.util.Arrays.copyOf(b, 5), 1e-9);
        assertEquals(54 * H + 4 * H + 10, b[b.length - 1], 1e-6);
        for (int i = 1; i < b.length; i++) assertTrue(b[i] > b[i - 1]);
        for (double t : b) consistent(tl, a, t);
        assertArrayEquals(new double[0], tl.jumps());
        // duty is counted between ramp midpoints: the mean power is low + duty (high - low) exactly
        assertEquals(200 + 400 * 2.0 / 3, meanOverFirstCycle(tl), 1e-9);
        assertTrue(tl.summary().contains("cycle 200 W <-> 600 W, period 6 h (4 h at high, 2 h at low, between ramp"
                + " midpoints; ramps 10 s)"), tl.summary());
    }

    /** The exact mean of a piecewise-linear total over [0, period]: trapezoids between the breakpoints. */
    private static double meanOverFirstCycle(PowerTimeline tl) {
        double p = tl.period(), prev = 0, sum = 0;
        List<Double> ts = new java.util.ArrayList<>();
        for (double t : tl.breakpoints()) if (t < p) ts.add(t);
        ts.add(p);
        for (double t : ts) {
            sum += 0.5 * (tl.totalAt(prev) + tl.totalBefore(t)) * (t - prev);
            prev = t;
        }
        return sum / p;
    }

    @Test
    void cycleWithoutRampsJumps() throws IOException {
        CaseSpec c = load(dir, "analysis: {thermal: cycle}\ncycling: {ramp: \"0 s\", per_day: 12, duty: 0.5}\n"
                + "transient: {max_cycles: 2}");
        PowerTimeline tl = timeline(c);
        assertEquals(2 * H, tl.period(), 1e-9);
        assertArrayEquals(new double[] {0, H, 2 * H, 3 * H}, tl.jumps(), 1e-9);
        assertArrayEquals(new double[] {H, 2 * H, 3 * H}, tl.breakpoints(), 1e-9);
        assertEquals(200, tl.totalBefore(0), 0);
        assertEquals(600, tl.totalAt(0), 0);
        double t = tl.breakpoints()[0];                 // land on the breakpoint as an integrator would
        assertEquals(600, tl.totalBefore(t), 0);
        assertEquals(200, tl.totalAt(t), 0);
        consistent(tl, CoreArray.of(c), t);
    }

    @Test
    void rampAsLongAsTheDwellLeavesNoPlateau() throws IOException {
        // per_day 8: 3 h, duty 0.5: 1.5 h at high, 1.5 h at low; 1.5 h ramps: a triangle wave
        CaseSpec c = load(dir, "analysis: {thermal: cycle}\ncycling: {per_day: 8, duty: 0.5, ramp: \"1.5 h\"}\n"
                + "transient: {max_cycles: 1}");
        PowerTimeline tl = timeline(c);
        assertArrayEquals(new double[] {1.5 * H}, tl.breakpoints(), 1e-6);
        assertEquals(400, tl.totalAt(0.75 * H), 1e-9);
        assertEquals(600, tl.totalAt(1.5 * H), 1e-9);
        assertEquals(200, tl.totalAt(3 * H), 1e-9);
    }

    @Test
    void cycleProfileInAFixedLengthRun() throws IOException {
        CaseSpec c = load(dir, TRANSIENT + "transient: {end: \"13 h\", profile: cycle}");
        PowerTimeline tl = timeline(c);
        assertEquals(13 * H, tl.end(), 0);
        assertEquals(6 * H, tl.period(), 1e-9);
        double[] b = tl.breakpoints();
        assertEquals(9, b.length);                     // 3 in the first cycle, 4 in the second, 2 in the third
        assertEquals(12 * H + 10, b[8], 1e-6);
        assertEquals(600, tl.totalAt(12.5 * H), 0);
    }

    @Test
    void defaultWaferAsACycleRun() {
        CaseSpec c = CaseLoader.builtin("wse-default", List.of("analysis.thermal=cycle"));
        CoreArray a = CoreArray.of(c);
        PowerTimeline tl = PowerTimeline.of(c, a, null);
        assertEquals(6 * H, tl.period(), 1e-9);
        assertEquals(5000, tl.totalBefore(0), 0);
        assertEquals(10000, tl.totalAt(5), 1e-9);      // 10 s ramps
        assertEquals(15000, tl.totalAt(10), 0);
        assertEquals(15000, tl.totalAt(4 * H), 0);     // 4 h at 15 kW
        assertEquals(5000, tl.totalAt(4 * H + 10), 0);
        assertEquals(5000, tl.totalAt(6 * H), 0);      // 2 h at 5 kW
        assertArrayEquals(new double[] {10, 4 * H, 4 * H + 10, 6 * H}, java.util.Arrays.copyOf(tl.breakpoints(), 4),
                1e-9);
        // the hot band keeps its shape: middle die rows at 1.25x the mean die power, at high and at low
        double[] high = consistent(tl, a, 2 * H);
        assertCores(CorePowerSources.corePower(c, a, 15000, null), high, "high");
        assertCores(scaled(high, 1.0 / 3), consistent(tl, a, 5 * H), "low");
        assertEquals(a.coreCount(), tl.coreCount());
    }

    @Test
    void wrongArrayLengthIsABug() throws IOException {
        PowerTimeline tl = timeline(load(dir, TRANSIENT + "transient: {end: \"1 h\"}"));
        assertThrows(IllegalArgumentException.class, () -> tl.corePowerAt(0, new double[3]));
    }

    @Test
    void steadyCaseHasNoEnd() throws IOException {
        PowerTimeline tl = timeline(load(dir, "transient: {step: {at: \"5 s\"}}"));
        assertTrue(Double.isNaN(tl.end()));
        assertArrayEquals(new double[] {5}, tl.breakpoints());
    }
}
