package org.wafersim.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cases.CaseSpec.CyclingSpec;
import org.wafersim.cases.CaseSpec.ThermalAnalysis;
import org.wafersim.cases.TransientSpec.CycleProfile;
import org.wafersim.cases.TransientSpec.InitialState;
import org.wafersim.cases.TransientSpec.RampProfile;
import org.wafersim.cases.TransientSpec.StepProfile;
import org.wafersim.cases.TransientSpec.TraceFormat;
import org.wafersim.cases.TransientSpec.TraceLevel;
import org.wafersim.cases.TransientSpec.TraceProfile;

/**
 * The {@code transient} block and the {@code cycling} additions (duty, ramp): defaults, what each profile reads,
 * the resolved text. Bad input to these blocks is a table: solver's {@code bad-input.yaml} (BadInputTableTest).
 */
class TransientKeysTest {
    static final double H = 3600;

    @TempDir
    Path dir;

    private CaseSpec load(String more, String... overrides) {
        return SmallCase.WAFER.load(dir, more, overrides);
    }

    /** The resolved text reads back to the same case. */
    private static void roundTrips(CaseSpec c) {
        assertEquals(c.transientSpec(), SmallCase.readBack(c).transientSpec());
    }

    private static final String TRANSIENT = "analysis: {thermal: transient}\n";
    private static final String CYCLE = "analysis: {thermal: cycle}\n";

    // ------------------------------------------------------------------------------------------------ defaults

    @Test
    void steadyCaseGetsDefaultsButNoBlockInTheResolvedText() throws IOException {
        CaseSpec c = load("");
        TransientSpec t = c.transientSpec();
        assertEquals(ThermalAnalysis.STEADY, c.analysis().thermal());
        assertFalse(t.hasEnd());
        assertEquals(InitialState.STEADY, t.initial());
        assertEquals(new StepProfile(200, 600, 0), t.profile());
        assertEquals(0.05, t.tolerance(), 0);
        assertEquals(1e-3, t.dtInitial(), 0);
        assertEquals(3600, t.dtMax(), 0);
        assertEquals(List.of(), t.snapshots());
        assertEquals(0.01, t.periodicTolerance(), 0);
        assertEquals(10, t.maxCycles());
        assertEquals(TransientSpec.defaults(c.power()), t);
        assertFalse(c.resolvedText().contains("transient:"), c.resolvedText());
        roundTrips(c);
    }

    @Test
    void cyclingDefaultsFollowReferenceDataD6() throws IOException {
        CaseSpec c = load("");
        CyclingSpec cy = c.cycling();
        assertEquals(200, cy.low(), 0);
        assertEquals(600, cy.high(), 0);
        assertEquals(6 * H, cy.period(), 1e-9);
        assertEquals(4 * H, cy.highTime(), 1e-9);
        assertEquals(2 * H, cy.lowTime(), 1e-9);
        assertEquals(10, cy.ramp(), 0);
        assertTrue(c.resolvedText().contains("ramp: 10 s"), c.resolvedText());
        assertTrue(c.resolvedText().contains("duty: 0.6666666666666666"), c.resolvedText());
        assertEquals(new CyclingSpec(200, 600, 4, cy.life()), cy);     // the four-component form gives D.6 too
    }

    @Test
    void cyclingDutyAndRampAreRead() throws IOException {
        CaseSpec c = load("cycling: {per_day: 2, duty: \"75 %\", ramp: \"1 min\"}");
        assertEquals(12 * H, c.cycling().period(), 1e-9);
        assertEquals(9 * H, c.cycling().highTime(), 1e-9);
        assertEquals(60, c.cycling().ramp(), 0);
        roundTrips(c);
    }

    @Test
    void transientRunWithDefaults() throws IOException {
        CaseSpec c = load(TRANSIENT + "transient: {end: \"2 h\"}");
        TransientSpec t = c.transientSpec();
        assertEquals(2 * H, t.end(), 0);
        assertEquals(new StepProfile(200, 600, 0), t.profile());
        for (String s : new String[] {"transient:", "end: 2 h", "initial: steady", "profile: step", "from: 200 W",
                "to: 600 W", "at: 0 s", "tolerance: 0.05 K", "dt_initial: 1 ms", "dt_max: 1 h", "snapshots: []"}) {
            assertTrue(c.resolvedText().contains(s), s + " not in:\n" + c.resolvedText());
        }
        // cycle-only keys are not written for a transient run (they would be refused when read back)
        assertFalse(c.resolvedText().contains("max_cycles"), c.resolvedText());
        roundTrips(c);
    }

    @Test
    void cycleRunDefaults() throws IOException {
        CaseSpec c = load(CYCLE);
        TransientSpec t = c.transientSpec();
        assertInstanceOf(CycleProfile.class, t.profile());
        assertEquals(10 * 6 * H, t.end(), 1e-6);       // max_cycles x period: the longest the run may take
        assertTrue(c.resolvedText().contains("periodic_tolerance: 0.01 K"), c.resolvedText());
        assertTrue(c.resolvedText().contains("max_cycles: 10"), c.resolvedText());
        assertTrue(c.resolvedText().contains("profile: cycle"), c.resolvedText());
        assertFalse(c.resolvedText().contains("end:"), c.resolvedText());
        roundTrips(c);
    }

    @Test
    void everyKeyIsRead() throws IOException {
        CaseSpec c = load(TRANSIENT + """
                transient:
                  end: "30 min"
                  initial: ambient
                  profile: ramp
                  ramp: {from: "0 W", to: "1 kW", start: "1 min", duration: "5 min"}
                  tolerance: "0.1 K"
                  dt_initial: "10 ms"
                  dt_max: "1 min"
                  snapshots: ["30 min", "0 s", "10 min"]
                """);
        TransientSpec t = c.transientSpec();
        assertEquals(1800, t.end(), 0);
        assertEquals(InitialState.AMBIENT, t.initial());
        assertEquals(new RampProfile(0, 1000, 60, 300), t.profile());
        assertEquals(0.1, t.tolerance(), 1e-15);
        assertEquals(0.01, t.dtInitial(), 1e-15);
        assertEquals(60, t.dtMax(), 0);
        assertEquals(List.of(0.0, 600.0, 1800.0), t.snapshots());     // in time order
        roundTrips(c);
    }

    @Test
    void stepBlockIsRead() throws IOException {
        CaseSpec c = load(TRANSIENT + "transient: {end: \"1 h\", step: {from: \"0 W\", to: \"2 kW\", at: \"1 min\"}}");
        assertEquals(new StepProfile(0, 2000, 60), c.transientSpec().profile());
        roundTrips(c);
    }

    @Test
    void traceBlocksAreRead() throws IOException {
        CaseSpec csv = load(TRANSIENT + "transient: {end: \"1 h\", profile: trace, trace: {file: load/t.csv}}");
        assertEquals(new TraceProfile("load/t.csv", TraceFormat.CSV, null, Double.NaN, null, null, 0, 0),
                csv.transientSpec().profile());
        assertTrue(csv.resolvedText().contains("format: csv"), csv.resolvedText());
        assertFalse(csv.resolvedText().contains("level:"), csv.resolvedText());
        roundTrips(csv);

        CaseSpec hs = load(TRANSIENT + """
                transient:
                  end: "1 s"
                  profile: trace
                  trace: {file: hs/run.ptrace, interval: "10 ms", floorplan: hs/chip.flp,
                          floorplan_origin: ["1 mm", "2 mm"]}
                """);
        TraceProfile tp = (TraceProfile) hs.transientSpec().profile();
        assertEquals(TraceFormat.HOTSPOT, tp.format());
        assertEquals(0.01, tp.interval(), 1e-15);
        assertEquals("hs/chip.flp", tp.floorplan());
        assertEquals(1e-3, tp.originX(), 1e-15);
        assertEquals(2e-3, tp.originY(), 1e-15);
        roundTrips(hs);

        CaseSpec h5 = load(TRANSIENT + "transient: {end: \"1 s\", profile: trace, trace: {file: p.h5, interval:"
                + " \"1 ms\", level: core}}");
        tp = (TraceProfile) h5.transientSpec().profile();
        assertEquals(TraceFormat.HDF5, tp.format());
        assertEquals(TraceLevel.CORE, tp.level());
        assertEquals("/power", tp.dataset());
        roundTrips(h5);
    }

    @Test
    void overridesSetTheEndAndTheSnapshots() throws IOException {
        CaseSpec c = load(TRANSIENT + "transient: {end: \"2 h\"}", "transient.end=3 h",
                "transient.snapshots=[\"1 h\", \"3 h\"]", "transient.step.at=10 min");
        assertEquals(3 * H, c.transientSpec().end(), 0);
        assertEquals(List.of(H, 3 * H), c.transientSpec().snapshots());
        assertEquals(600, ((StepProfile) c.transientSpec().profile()).at(), 0);
    }

    @Test
    void steadyRunOnlyChecksTheBlock() throws IOException {
        // a case kept ready for cycle runs may be run steady: nothing is required, and the cycle keys are fine
        CaseSpec c = load("transient: {max_cycles: 3, snapshots: [\"1 h\"]}");
        assertEquals(3, c.transientSpec().maxCycles());
        assertFalse(c.transientSpec().hasEnd());
        assertTrue(c.resolvedText().contains("transient:"), c.resolvedText());
        roundTrips(c);
    }

    @Test
    void defaultCaseAsACycleRun() {
        CaseSpec c = CaseLoader.builtin("wse-default", List.of("analysis.thermal=cycle"));
        assertEquals(ThermalAnalysis.CYCLE, c.analysis().thermal());
        assertInstanceOf(CycleProfile.class, c.transientSpec().profile());
        assertEquals(6 * H, c.cycling().period(), 1e-9);
        assertEquals(4 * H, c.cycling().highTime(), 1e-9);
        assertEquals(2 * H, c.cycling().lowTime(), 1e-9);
        assertEquals(10, c.cycling().ramp(), 0);
        assertEquals(15000, c.cycling().high(), 0);
        assertEquals(5000, c.cycling().low(), 0);
        assertEquals(60 * H, c.transientSpec().end(), 1e-6);
    }

    @Test
    void embeddedCycleCase() {
        CaseSpec c = CaseLoader.builtin("wse-cycle", List.of());
        CaseSpec coarse = CaseLoader.builtin("wse-coarse", List.of("name=wse-cycle", "analysis.thermal=cycle"));
        assertEquals(ThermalAnalysis.CYCLE, c.analysis().thermal());
        assertEquals(List.of(10.0, 4 * H, 4 * H + 10, 6 * H), c.transientSpec().snapshots());
        assertEquals(coarse.grid(), c.grid());
        assertEquals(coarse.cycling(), c.cycling());
        assertEquals(coarse.power(), c.power());
        assertEquals(coarse.transientSpec().end(), c.transientSpec().end(), 0);
        // a fixed-length step run from the same file: drop the cycle block's keys with --set
        CaseSpec step = CaseLoader.builtin("wse-cycle", List.of("analysis.thermal=transient", "transient.profile=step",
                "transient.end=1 h", "transient.max_cycles=", "transient.periodic_tolerance=",
                "transient.snapshots=[\"1 h\"]"));
        assertEquals(new StepProfile(5000, 15000, 0), step.transientSpec().profile());
    }

    // ---------------------------------------------------------------------------------------------- bad input
    // (each refusal is a row of solver's bad-input.yaml)

    @Test
    void rampAsLongAsTheShorterDwellIsAccepted() throws IOException {
        // 4 per day, duty 0.9: 5.4 h at high, 0.6 h = 36 min at low (a longer ramp: bad-input.yaml)
        assertEquals(36 * 60.0, load("cycling: {duty: 0.9, ramp: \"36 min\"}").cycling().ramp(), 0);
    }

}
