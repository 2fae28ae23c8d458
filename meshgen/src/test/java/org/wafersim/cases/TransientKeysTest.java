package org.wafersim.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.wafersim.errors.InputException;

/**
 * The {@code transient} block and the {@code cycling} additions (duty, ramp): defaults, what each profile reads,
 * the resolved text, and one test per kind of bad input (each naming the file, the key path and the reason).
 */
class TransientKeysTest {
    static final double H = 3600;

    /** A small case; {@code %s} is appended at the top level (analysis, transient, cycling blocks). */
    static final String CASE = """
            name: transient-keys
            wafer: {size: ["36 mm", "18 mm"], thickness: "0.5 mm"}
            dies: {columns: 3, rows: 2}
            cores: {per_die: [4, 3], spare_fraction: 0}
            stack: [{name: wafer}]
            power: {total: "600 W", idle: "200 W"}
            cooling: {mode: vertical, coolant: {inlet: "25 degC", flow: "30 L/min", h: "1000 W/(m^2*K)"}}
            %s
            """;

    @TempDir
    Path dir;

    private Path write(String more) throws IOException {
        Path p = dir.resolve("case.yaml");
        Files.writeString(p, CASE.formatted(more.strip()), StandardCharsets.UTF_8);
        return p;
    }

    private CaseSpec load(String more, String... overrides) throws IOException {
        return CaseLoader.load(write(more), List.of(overrides));
    }

    private InputException fails(String more, String keyPath, String... reasonParts) throws IOException {
        Path p = write(more);
        InputException e = assertThrows(InputException.class, () -> CaseLoader.load(p, List.of()));
        assertEquals(p.toString(), e.source(), e.getMessage());
        assertEquals(keyPath, e.keyPath(), e.getMessage());
        assertTrue(e.getMessage().startsWith(p + ": " + keyPath + ": "), e.getMessage());
        for (String r : reasonParts) {
            assertTrue(e.getMessage().contains(r), "expected '" + r + "' in: " + e.getMessage());
        }
        return e;
    }

    /** The resolved text reads back to the same case. */
    private static void roundTrips(CaseSpec c) {
        CaseSpec again = CaseLoader.parse(c.resolvedText(), "yaml", "again.yaml", List.of());
        CaseLoaderTest.assertSameCase(c, again);
        assertEquals(c.transientSpec(), again.transientSpec());
        assertEquals(c.resolvedText(), again.resolvedText());
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

    @Test
    void transientRunNeedsAnEnd() throws IOException {
        fails(TRANSIENT, "transient.end", "missing required key 'end'", "analysis.thermal: transient needs it");
    }

    @Test
    void endMustBePositive() throws IOException {
        fails(TRANSIENT + "transient: {end: \"0 s\"}", "transient.end", "end must be > 0, got 0 s");
        fails(TRANSIENT + "transient: {end: 5}", "transient.end", "missing unit");
    }

    @Test
    void endIsRefusedForACycleRun() throws IOException {
        fails(CYCLE + "transient: {end: \"12 h\"}", "transient.end", "does not apply to analysis.thermal: cycle",
                "max_cycles");
    }

    @Test
    void unknownProfile() throws IOException {
        fails(TRANSIENT + "transient: {end: \"1 h\", profile: sine}", "transient.profile",
                "unknown power profile 'sine'", "step | ramp | cycle | trace");
    }

    @Test
    void unknownInitialState() throws IOException {
        fails(TRANSIENT + "transient: {end: \"1 h\", initial: cold}", "transient.initial",
                "unknown initial state 'cold'", "steady | ambient");
    }

    @Test
    void cycleRunNeedsTheCycleProfile() throws IOException {
        fails(CYCLE + "transient: {profile: step}", "transient.profile", "analysis.thermal: cycle needs profile:"
                + " cycle", "use analysis.thermal: transient");
    }

    @Test
    void blockOfAnotherProfile() throws IOException {
        fails(TRANSIENT + "transient: {end: \"1 h\", profile: ramp, ramp: {duration: \"1 s\"}, step: {at: \"1 s\"}}",
                "transient.step", "step applies only to profile: step; this run's profile is ramp");
        fails(TRANSIENT + "transient: {end: \"1 h\", ramp: {duration: \"1 s\"}}", "transient.ramp",
                "ramp applies only to profile: ramp", "(the default for analysis.thermal: transient); add"
                + " transient.profile");
        fails(CYCLE + "transient: {trace: {file: t.csv}}", "transient.trace", "trace applies only to profile: trace",
                "this run's profile is cycle");
    }

    @Test
    void cycleKeysAreRefusedInATransientRun() throws IOException {
        fails(TRANSIENT + "transient: {end: \"1 h\", periodic_tolerance: \"0.1 K\"}", "transient.periodic_tolerance",
                "periodic_tolerance applies only to analysis.thermal: cycle");
        fails(TRANSIENT + "transient: {end: \"1 h\", max_cycles: 3}", "transient.max_cycles",
                "max_cycles applies only to analysis.thermal: cycle");
    }

    @Test
    void maxCyclesMustBePositive() throws IOException {
        fails(CYCLE + "transient: {max_cycles: 0}", "transient.max_cycles", "max_cycles must be >= 1, got 0");
    }

    @Test
    void snapshotOutsideTheRun() throws IOException {
        fails(TRANSIENT + "transient: {end: \"2 h\", snapshots: [\"1 h\", \"3 h\"]}", "transient.snapshots[1]",
                "snapshot at 3 h lies outside the run, which spans 0 .. 2 h (transient.end)");
        fails(TRANSIENT + "transient: {end: \"2 h\", snapshots: [\"-1 s\"]}", "transient.snapshots[0]",
                "snapshot at -1 s lies outside the run");
        fails(CYCLE + "transient: {max_cycles: 2, snapshots: [\"13 h\"]}", "transient.snapshots[0]",
                "lies outside the run, which spans 0 .. 12 h (max_cycles x period = 2 x 6 h)");
        fails("transient: {snapshots: [\"-1 s\"]}", "transient.snapshots[0]", "a snapshot time must be >= 0");
    }

    @Test
    void badSnapshotLists() throws IOException {
        fails(TRANSIENT + "transient: {end: \"2 h\", snapshots: [\"1 h\", \"60 min\"]}", "transient.snapshots[1]",
                "snapshot at 60 min is the same time as transient.snapshots[0]");
        fails(TRANSIENT + "transient: {end: \"2 h\", snapshots: \"1 h\"}", "transient.snapshots",
                "snapshots must be a list of times");
        fails(TRANSIENT + "transient: {end: \"2 h\", snapshots: [\"1 K\"]}", "transient.snapshots[0]", "a time");
    }

    @Test
    void changesMustHappenInsideTheRun() throws IOException {
        fails(TRANSIENT + "transient: {end: \"1 h\", step: {at: \"1 h\"}}", "transient.step.at",
                "at must lie before transient.end (1 h)");
        fails(TRANSIENT + "transient: {end: \"1 h\", profile: ramp, ramp: {start: \"2 h\", duration: \"1 s\"}}",
                "transient.ramp.start", "start must lie before transient.end");
        fails(TRANSIENT + "transient: {end: \"1 h\", step: {at: \"-1 s\"}}", "transient.step.at", "at must be >= 0");
    }

    @Test
    void badStepAndRampValues() throws IOException {
        fails(TRANSIENT + "transient: {end: \"1 h\", step: {to: \"-1 kW\"}}", "transient.step.to", "to must be >= 0");
        fails(TRANSIENT + "transient: {end: \"1 h\", profile: ramp}", "transient.ramp.duration",
                "missing required key 'duration'");
        fails(TRANSIENT + "transient: {end: \"1 h\", profile: ramp, ramp: {duration: \"0 s\"}}",
                "transient.ramp.duration", "duration must be > 0");
        fails(TRANSIENT + "transient: {end: \"1 h\", step: {from: \"1 h\"}}", "transient.step.from", "a power");
    }

    @Test
    void badStepControl() throws IOException {
        fails(TRANSIENT + "transient: {end: \"1 h\", tolerance: \"0 K\"}", "transient.tolerance",
                "tolerance must be > 0");
        fails(TRANSIENT + "transient: {end: \"1 h\", dt_initial: \"1 h\", dt_max: \"1 min\"}", "transient.dt_initial",
                "dt_initial must not exceed dt_max (1 min)");
        fails(CYCLE + "transient: {periodic_tolerance: \"-1 K\"}", "transient.periodic_tolerance",
                "periodic_tolerance must be > 0");
    }

    @Test
    void dutyMustBeAFraction() throws IOException {
        fails("cycling: {duty: 1}", "cycling.duty", "duty must be in (0, 1) (the fraction of each cycle at high), got 1");
        fails("cycling: {duty: 0}", "cycling.duty", "must be in (0, 1)");
    }

    @Test
    void rampLongerThanTheDwell() throws IOException {
        // 4 per day, duty 0.9: 5.4 h at high, 0.6 h = 36 min at low
        fails("cycling: {duty: 0.9, ramp: \"40 min\"}", "cycling.ramp", "ramp must not be longer than the time at"
                + " high (duty x period = 5.4 h) nor the time at low (36 min)", "1 day / per_day = 6 h");
        fails("cycling: {ramp: \"-1 s\"}", "cycling.ramp", "ramp must be >= 0");
        assertEquals(36 * 60.0, load("cycling: {duty: 0.9, ramp: \"36 min\"}").cycling().ramp(), 0);
    }

    @Test
    void badTraceBlocks() throws IOException {
        String head = TRANSIENT + "transient: {end: \"1 h\", profile: trace, trace: ";
        fails(head + "{format: csv}}", "transient.trace.file", "missing required key 'file'");
        fails(head + "{file: t.txt}}", "transient.trace.file", "cannot tell the format of \"t.txt\"",
                "csv | hotspot | hdf5");
        fails(head + "{file: t.txt, format: excel}}", "transient.trace.format", "unknown trace format 'excel'");
        fails(head + "{file: t.csv, interval: \"1 s\"}}", "transient.trace.interval",
                "interval applies only to HotSpot and HDF5 traces");
        fails(head + "{file: t.ptrace, floorplan: c.flp}}", "transient.trace.interval",
                "missing required key 'interval'");
        fails(head + "{file: t.ptrace, interval: \"0 s\", floorplan: c.flp}}", "transient.trace.interval",
                "interval must be > 0");
        fails(head + "{file: t.ptrace, interval: \"1 ms\"}}", "transient.trace.floorplan",
                "missing required key 'floorplan'");
        fails(head + "{file: c.flp, format: hotspot, interval: \"1 ms\", floorplan: c.flp}}", "transient.trace.file",
                "is a HotSpot floorplan");
        fails(head + "{file: t.ptrace, interval: \"1 ms\", floorplan: c.flp, level: die}}",
                "transient.trace.level", "level does not apply to a HotSpot trace");
        fails(head + "{file: t.csv, level: wafer}}", "transient.trace.level", "unknown trace level 'wafer'",
                "global | die | core");
        fails(head + "{file: t.csv, dataset: /p}}", "transient.trace.dataset", "dataset applies only to HDF5"
                + " traces (this trace is csv)");
        fails(head + "{file: t.h5, interval: \"1 s\", dataset: power}}", "transient.trace.dataset",
                "starts with '/'");
        fails(head + "{file: t.csv, floorplan: c.flp}}", "transient.trace.floorplan",
                "floorplan applies only to HotSpot traces");
        fails(head + "{file: t.csv, rows: 3}}", "transient.trace.rows", "unknown key 'rows'");
    }

    @Test
    void unknownKeyInTheBlock() throws IOException {
        fails(TRANSIENT + "transient: {end: \"1 h\", snapshot: [\"1 s\"]}", "transient.snapshot",
                "unknown key 'snapshot'", "did you mean 'snapshots'");
    }

    @Test
    void overrideOfAnUnknownTransientKeyIsAnError() throws IOException {
        Path p = write(TRANSIENT + "transient: {end: \"1 h\"}");
        InputException e = assertThrows(InputException.class,
                () -> CaseLoader.load(p, List.of("transient.stop=2 h")));
        assertEquals("--set", e.source());
        assertTrue(e.getMessage().contains("unknown key 'stop'"), e.getMessage());
    }
}
