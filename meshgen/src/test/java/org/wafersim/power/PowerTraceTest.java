package org.wafersim.power;

import org.wafersim.cases.PowerSpec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wafersim.power.SmallWafer.core;
import static org.wafersim.power.SmallWafer.fails;
import static org.wafersim.power.SmallWafer.file;
import static org.wafersim.power.TimelineCases.TRANSIENT;
import static org.wafersim.power.TimelineCases.assertCores;
import static org.wafersim.power.TimelineCases.consistent;
import static org.wafersim.power.TimelineCases.load;
import static org.wafersim.power.TimelineCases.scaled;
import static org.wafersim.power.TimelineCases.timeline;
import static org.wafersim.power.TimelineCases.trace;
import static org.wafersim.power.TimelineCases.wattTrace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.errors.InputException;
import org.wafersim.geometry.CoreArray;

/**
 * Power traces for transient runs (CSV with scale, die or core columns; HotSpot .ptrace; HDF5 through a stand-in
 * reader): interpolation in time, holding before the first and after the last sample, the distribution they give,
 * and every kind of bad input, each naming the file, the line and the column.
 */
class PowerTraceTest {
    @TempDir
    Path dir;

    /** Header for the six dies of the small wafer, in die index order. */
    static final String DIES = "die_0_0, die_1_0, die_2_0, die_0_1, die_1_1, die_2_1";

    /** A case with the CSV trace {@code text}; a trace in W (not a scale column) gives the level itself. */
    private CaseSpec csv(String end, String text) throws IOException {
        file(dir, "load/t.csv", text);
        boolean scale = text.lines().anyMatch(l -> l.matches("\\s*time\\s*[\\[(].*,\\s*scale\\s*(#.*)?"));
        return scale ? trace(dir, end, "file: load/t.csv") : wattTrace(dir, end, "file: load/t.csv");
    }

    private Path traceFile() { return dir.resolve("load/t.csv"); }

    /** Loading the timeline fails with an error about the trace file at {@code line}. */
    private void badCsv(String text, String line, String... parts) throws IOException {
        // (a trace in W gives the case's level, so its file is read with the case: the error may come from either)
        fails(() -> timeline(csv("1 h", text)), traceFile(), line, parts);
    }

    // ----------------------------------------------------------------------------------------------- CSV scale

    @Test
    void scaleTraceIsInterpolatedAndHeld() throws IOException {
        CaseSpec c = csv("30 min", "# a scale trace\ntime [min], scale\n0, 0.5\n10, 1   # full load\n\n20, 1\n");
        CoreArray a = CoreArray.of(c);
        PowerTimeline tl = timeline(c);
        assertEquals(300, tl.totalBefore(0), 1e-12);
        assertEquals(450, tl.totalAt(300), 1e-12);       // halfway between 0.5 and 1 of 600 W
        assertEquals(600, tl.totalAt(600), 0);
        assertEquals(600, tl.totalAt(1500), 0);          // after the last sample: held
        assertArrayEquals(new double[] {600, 1200}, tl.breakpoints());
        assertArrayEquals(new double[0], tl.jumps());
        double[] steady = CorePowerSources.corePower(c, a, 600, null);
        assertCores(scaled(steady, 0.75), consistent(tl, a, 300), "t = 5 min");
        assertCores(steady, consistent(tl, a, 1500), "held");
        String s = tl.summary();
        assertTrue(s.contains("CSV trace " + traceFile() + " (scale factors on power.total = 600 W, 3 samples, t = 0 s"
                + " .. 20 min); distribution: pattern checkerboard"), s);
        assertTrue(s.contains("the trace ends at t = 20 min, before the run (30 min): its last sample holds until the"
                + " end"), s);
    }

    @Test
    void timeUnitsAndALateStart() throws IOException {
        CaseSpec c = csv("1 s", "time (ms),scale\n250,0\n500,1\n");
        PowerTimeline tl = timeline(c);
        assertEquals(0, tl.totalBefore(0), 0);           // before the first sample: the first value holds
        assertEquals(300, tl.totalAt(0.375), 1e-9);
        assertArrayEquals(new double[] {0.25, 0.5}, tl.breakpoints(), 1e-15);
        assertTrue(tl.summary().contains("before the first sample (t = 0.25 s) its power holds"), tl.summary());
        consistent(tl, CoreArray.of(c), 0.4);
    }

    // ------------------------------------------------------------------------------------------ CSV die, core

    @Test
    void dieTraceGivesAbsoluteWattsPerDie() throws IOException {
        CaseSpec c = csv("20 s", "time [s], " + DIES + "\n0, 10, 0, 0, 0, 0, 60\n10, 20, 12, 0, 0, 0, 0\n");
        CoreArray a = CoreArray.of(c);
        PowerTimeline tl = timeline(c);
        assertEquals(70, tl.totalAt(0), 0);              // W as written: the case gives no level
        assertEquals(51, tl.totalAt(5), 1e-12);
        assertEquals(32, tl.totalAt(10), 0);
        double[] p = consistent(tl, a, 5);
        // die (0, 0): 15 W, die (1, 0): 6 W, die (2, 1): 30 W, spread over 12 equal cores each
        for (int k = 0; k < 12; k++) {
            assertEquals(15.0 / 12, p[a.firstCore(a.dieIndex(0, 0)) + k], 1e-14);
            assertEquals(6.0 / 12, p[a.firstCore(a.dieIndex(1, 0)) + k], 1e-14);
            assertEquals(30.0 / 12, p[a.firstCore(a.dieIndex(2, 1)) + k], 1e-14);
            assertEquals(0, p[a.firstCore(a.dieIndex(1, 1)) + k], 0);
        }
        assertTrue(tl.summary().contains("(die level, W as written, mean of the samples 51 W, no leakage block, 2"
                + " samples"), tl.summary());
        assertEquals(51, c.power().total(), 1e-12);      // power.dynamic = the mean of the samples' totals
        assertEquals(PowerSpec.PowerBasis.DYNAMIC, c.power().basis());
    }

    @Test
    void coreTraceMovesSparePowerToTheDie() throws IOException {
        StringBuilder h = new StringBuilder("time [s]");
        StringBuilder r0 = new StringBuilder("0"), r1 = new StringBuilder("2");
        for (int c = 0; c < 72; c++) {
            h.append(", core_").append(c);
            r0.append(", ").append(c);
            r1.append(", 1");
        }
        file(dir, "load/t.csv", h + "\n" + r0 + "\n" + r1 + "\n");
        CaseSpec c = TimelineCases.loadWithoutLevel(dir, "{per_die: [4, 3], spares: [[0, 0, 0, 0]]}",
                TRANSIENT + "transient: {end: \"2 s\", profile: trace, trace: {file: load/t.csv, level: core}}");
        CoreArray a = CoreArray.of(c);
        PowerTimeline tl = timeline(c);
        assertEquals(72 * 71 / 2.0, tl.totalAt(0), 1e-9);
        assertEquals((72 * 71 / 2.0 + 72) / 2, tl.totalAt(1), 1e-9);
        double[] p = consistent(tl, a, 2);
        // at t = 2 s every core has 1 W; die (0, 0)'s spare (core 0) gives its 1 W to the 11 active cores of the die
        assertEquals(0, p[0], 0);
        for (int k = 1; k < 12; k++) assertEquals(12.0 / 11, p[k], 1e-14);
        for (int k = 12; k < 72; k++) assertEquals(1, p[k], 1e-14);
    }

    // ------------------------------------------------------------------------------------------------ HotSpot

    @Test
    void hotSpotTraceAsADistributionIsScaledToTheMeanAndMatchesTheSteadyImport() throws IOException {
        file(dir, "hs/chip.flp", HotSpotImportTest.FLP);
        file(dir, "hs/run.ptrace", HotSpotImportTest.TRACE);        // rows of 50 W and 74 W: mean 62 W
        String hs = "file: hs/run.ptrace, interval: \"1 s\", floorplan: hs/chip.flp, map_as: distribution";
        CaseSpec c = load(dir, TRANSIENT + "transient: {end: \"3 s\", profile: trace, trace: {" + hs + "}}");
        // power.total of the case is 600 W: every row x 600 / 62
        CoreArray a = CoreArray.of(c);
        PowerTimeline tl = timeline(c);
        double f = 600 / 62.0;
        assertEquals(50 * f, tl.totalAt(0), 1e-9);
        assertEquals(62 * f, tl.totalAt(0.5), 1e-9);
        assertEquals(74 * f, tl.totalAt(1), 1e-9);
        assertEquals(74 * f, tl.totalAt(2.5), 1e-9);     // held after the last row
        assertArrayEquals(new double[] {1}, tl.breakpoints());
        // at row 1's time the cores are those of the steady import of row 1 (normalised to its own total)
        CaseSpec steady = SmallWafer.load(dir, "148 W", "map: hs/run.ptrace\nfloorplan: hs/chip.flp\ntrace_row: 1\nmap_as: distribution");
        double[] row1 = CorePowerSources.corePower(steady, a, 74 * f, null);
        assertCores(row1, consistent(tl, a, 1), "row 1");
        consistent(tl, a, 0.25);
        assertTrue(tl.summary().contains("(2 samples every 1 s, 4 units; map_as: distribution, scaled by 9.67742 so"
                + " that the mean of the samples is power.total = 600 W)"), tl.summary());
    }

    @Test
    void hotSpotTraceInWattsIsUsedAsWritten() throws IOException {
        file(dir, "hs/chip.flp", HotSpotImportTest.FLP);
        file(dir, "hs/run.ptrace", HotSpotImportTest.TRACE);        // rows of 50 W and 74 W: mean 62 W
        CaseSpec c = wattTrace(dir, "3 s", "file: hs/run.ptrace, interval: \"1 s\", floorplan: hs/chip.flp");
        assertEquals(PowerSpec.MapAs.WATTS, ((org.wafersim.cases.TransientSpec.TraceProfile)
                c.transientSpec().profile()).mapAs());
        assertEquals(62, c.power().total(), 1e-12);
        assertTrue(c.resolvedText().contains("map_as: watts"), c.resolvedText());
        CoreArray a = CoreArray.of(c);
        PowerTimeline tl = timeline(c);
        assertEquals(50, tl.totalAt(0), 1e-12);
        assertEquals(62, tl.totalAt(0.5), 1e-12);
        assertEquals(74, tl.totalAt(1), 1e-12);
        CaseSpec steady = SmallWafer.load(dir, "148 W", "map: hs/run.ptrace\nfloorplan: hs/chip.flp\ntrace_row: 1\nmap_as: distribution");
        assertCores(CorePowerSources.corePower(steady, a, 74, null), consistent(tl, a, 1), "row 1");
        assertTrue(tl.summary().contains("4 units; W as written, mean of the samples 62 W, no leakage block)"),
                tl.summary());
    }

    @Test
    void aTraceInWattsWithALevelNeedsMapAs() throws IOException {
        file(dir, "hs/chip.flp", HotSpotImportTest.FLP);
        file(dir, "hs/run.ptrace", HotSpotImportTest.TRACE);
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> trace(dir, "3 s", "file: hs/run.ptrace, interval: \"1 s\", floorplan: hs/chip.flp"));
        String m = e.getMessage();
        assertTrue(m.contains("power.total") && m.contains("transient.trace.file") && m.contains("map_as")
                && !m.contains("\n"), m);
        // map_as: watts on a trace of scale factors
        file(dir, "load/t.csv", "time [s], scale\n0, 1\n");
        InputException w = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> wattTrace(dir, "3 s", "file: load/t.csv, map_as: watts"));
        assertTrue(w.getMessage().contains("transient.trace.map_as") && w.getMessage().contains("needs a trace in W"),
                w.getMessage());
        // a power [kW] column: the total in W over time, as written
        file(dir, "load/p.csv", "time [s], power [kW]\n0, 0.5\n1, 1.5\n");
        CaseSpec g = wattTrace(dir, "3 s", "file: load/p.csv");
        assertEquals(1000, g.power().total(), 1e-9);
        PowerTimeline tl = timeline(g);
        assertEquals(500, tl.totalAt(0), 1e-9);
        assertEquals(1000, tl.totalAt(0.5), 1e-9);
        consistent(tl, CoreArray.of(g), 0.5);
        // ... or a shape with map_as: distribution: the mean (1 kW) scaled to power.total = 600 W
        CaseSpec d = trace(dir, "3 s", "file: load/p.csv, map_as: distribution");
        PowerTimeline td = timeline(d);
        assertEquals(300, td.totalAt(0), 1e-9);
        assertEquals(900, td.totalAt(1), 1e-9);
    }

    @Test
    void hotSpotUnitsOffTheWaferNameTheTransientOrigin() throws IOException {
        Path flp = file(dir, "hs/chip.flp", HotSpotImportTest.FLP);
        file(dir, "hs/run.ptrace", HotSpotImportTest.TRACE);
        CaseSpec c = wattTrace(dir, "3 s", "file: hs/run.ptrace, interval: \"1 s\", floorplan: hs/chip.flp,"
                + " floorplan_origin: [\"3 mm\", \"0 mm\"]");
        fails(() -> timeline(c), flp, "line 5", "unit 'l2' lies (partly) outside the wafer",
                "transient.trace.floorplan_origin = (3, 0) mm");
        file(dir, "hs/run.ptrace", "cpu0 cpu1 l2 io\n0 0 0 0\n0 0 0 0\n");
        CaseSpec zero = trace(dir, "3 s", "file: hs/run.ptrace, interval: \"1 s\", floorplan: hs/chip.flp,"
                + " map_as: distribution");
        fails(() -> timeline(zero), dir.resolve("hs/run.ptrace"), null, "every unit has 0 W in every sample");
        file(dir, "hs/run.ptrace", "cpu0 cpu1 l2 io\n1 2 3 4\n1 -2 3 4\n");
        fails(() -> timeline(zero), dir.resolve("hs/run.ptrace"), "line 3", "unit 'cpu1': negative power -2 W");
    }

    // --------------------------------------------------------------------------------------------------- HDF5

    /** A stand-in for the solver's HDF5 reader: one dataset with the given shape. */
    private static Hdf5Table hdf5(String dataset, double[] values, int... shape) {
        return (file, ds) -> {
            if (!ds.equals(dataset)) throw new InputException(file.toString(), ds, "no such dataset");
            return new Hdf5Table.Data(values, shape);
        };
    }

    @Test
    void hdf5DieTraceAndScaleTrace() throws IOException {
        CaseSpec c = trace(dir, "1 s", "file: p.h5, interval: \"100 ms\"");
        CoreArray a = CoreArray.of(c);
        double[] v = {6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 12};      // [2][6]: die 0 at 6 W, then die 5 at 12 W
        PowerTimeline tl = PowerTimeline.of(c, a, hdf5("/power", v, 2, 6));
        assertEquals(9, tl.totalAt(0.05), 1e-12);
        double[] p = consistent(tl, a, 0.05);
        assertEquals(3.0 / 12, p[core(a, 0, 0)], 1e-15);
        assertEquals(6.0 / 12, p[core(a, 11, 5)], 1e-15);
        assertTrue(tl.summary().contains("HDF5 trace " + dir.resolve("p.h5") + " /power (die level, W as written"),
                tl.summary());

        CaseSpec s = trace(dir, "1 s", "file: p.h5, interval: \"100 ms\", dataset: /load");
        PowerTimeline ts = PowerTimeline.of(s, a, hdf5("/load", new double[] {0, 1, 0.5}, 3));
        assertEquals(300, ts.totalAt(0.05), 1e-9);
        assertEquals(450, ts.totalAt(0.15), 1e-9);
        assertArrayEquals(new double[] {0.1, 0.2}, ts.breakpoints(), 1e-15);
    }

    @Test
    void hdf5ScaleTraceOnAnHdf5Map() throws IOException {
        // the distribution comes from an HDF5 die map, the total over time from an HDF5 trace: one reader for both
        CaseSpec c = load(dir, TimelineCases.NO_SPARES, "map: p.h5, map_dataset: /map", TRANSIENT + "transient: {end:"
                + " \"1 s\", profile: trace, trace: {file: p.h5, interval: \"1 s\", dataset: /load}}");
        CoreArray a = CoreArray.of(c);
        Hdf5Table both = (file, ds) -> ds.equals("/map")
                ? new Hdf5Table.Data(new double[] {1, 0, 0, 0, 0, 2}, new int[] {2, 3})
                : new Hdf5Table.Data(new double[] {1, 0.5}, new int[] {2});
        PowerTimeline tl = PowerTimeline.of(c, a, both);
        double[] p = consistent(tl, a, 1);
        assertEquals(300, tl.totalAt(1), 1e-12);
        assertEquals(100.0 / 12, p[core(a, 0, 0)], 1e-12);        // die (0, 0): 1/3 of 300 W
        assertEquals(200.0 / 12, p[core(a, 11, 5)], 1e-12);       // die (2, 1): 2/3
    }

    @Test
    void badHdf5Traces() throws IOException {
        CaseSpec c = trace(dir, "1 s", "file: p.h5, interval: \"100 ms\"");
        CoreArray a = CoreArray.of(c);
        Path f = dir.resolve("p.h5");
        fails(() -> PowerTimeline.of(c, a, hdf5("/power", new double[14], 2, 7)), f, "/power",
                "has 7 values per sample; this case needs 1 (a scale factor on power.total), 6 (W per die", "72 (W");
        fails(() -> PowerTimeline.of(c, a, hdf5("/power", new double[8], 2, 2, 2)), f, "/power", "has 3 dimensions");
        double[] v = new double[12];
        v[7] = -1;
        fails(() -> PowerTimeline.of(c, a, hdf5("/power", v, 2, 6)), f, "/power", "entry [1][1] is negative");
        CaseSpec core = trace(dir, "1 s", "file: p.h5, interval: \"100 ms\", level: core");
        fails(() -> PowerTimeline.of(core, a, hdf5("/power", new double[12], 2, 6)), f, "/power",
                "but transient.trace.level is core");
    }

    // ------------------------------------------------------------------------------------ CSV: bad input

    @Test
    void timesMustIncrease() throws IOException {
        badCsv("time [s], scale\n0, 1\n10, 1\n10, 1\n", "line 4", "column 1 (time [s]): time 10 is not after the"
                + " previous sample's (line 3); times must increase strictly");
        badCsv("time [s], scale\n0, 1\n10, 1\n5, 1\n", "line 4", "time 5 is not after");
    }

    @Test
    void negativeTime() throws IOException {
        badCsv("time [s], scale\n-1, 1\n", "line 2", "time -1 is negative; the run starts at t = 0");
    }

    @Test
    void missingColumnsInARow() throws IOException {
        badCsv("time [s], " + DIES + "\n0, 1, 1, 1, 1, 1, 1\n1, 1, 1, 1, 1, 1\n", "line 3",
                "has 6 entries, the header (line 1) names 7 columns");
    }

    @Test
    void extraColumnsInARow() throws IOException {
        badCsv("time [s], scale\n0, 1, 2\n", "line 2", "has 3 entries, the header (line 1) names 2 columns");
    }

    @Test
    void unknownColumnName() throws IOException {
        badCsv("time [s], power\n0, 1\n", "line 1", "column 2 (power) is not a trace column; expected scale",
                "die_<column>_<row>", "core_<index>");
    }

    @Test
    void dieColumnOutOfRange() throws IOException {
        badCsv("time [s], die_3_0\n0, 1\n", "line 1", "column 2 (die_3_0): there is no such die; the wafer has die"
                + " columns 0..2 and die rows 0..1");
    }

    @Test
    void coreColumnOutOfRange() throws IOException {
        badCsv("time [s], core_72\n0, 1\n", "line 1", "column 2 (core_72): there is no such core; the wafer has"
                + " cores 0..71");
    }

    @Test
    void negativePower() throws IOException {
        badCsv("time [s], " + DIES + "\n0, 1, 1, 1, 1, 1, 1\n1, 1, 1, -3, 1, 1, 1\n", "line 3",
                "column 4 (die_2_0): negative power -3 W; trace values must be >= 0");
    }

    @Test
    void negativeScale() throws IOException {
        badCsv("time [s], scale\n0, -0.5\n", "line 2", "column 2 (scale): negative scale factor -0.5");
    }

    @Test
    void nonNumericValues() throws IOException {
        badCsv("time [s], scale\n0, 1\n1, full\n", "line 3", "column 2 (scale): \"full\" is not a number");
        badCsv("time [s], scale\n0, NaN\n", "line 2", "\"NaN\" is not a number");
        badCsv("time [s], scale\nzero, 1\n", "line 2", "column 1 (time [s]): \"zero\" is not a number");
        badCsv("time [s], scale\n0,\n", "line 2", "column 2 (scale) is empty");
    }

    @Test
    void oneLevelPerTrace() throws IOException {
        badCsv("time [s], die_0_0, core_5\n0, 1, 1\n", "line 1", "column 3 (core_5) is a core-level column but"
                + " column 2 (die_0_0) is a die-level column; a trace has one level");
        badCsv("time [s], scale, die_0_0\n0, 1, 1\n", "line 1", "column 3 (die_0_0) is a die-level column but"
                + " column 2 (scale) is a global-level column");
    }

    @Test
    void levelKeyMustMatchTheHeader() throws IOException {
        file(dir, "load/t.csv", "time [s], " + DIES + "\n0, 1, 1, 1, 1, 1, 1\n");
        CaseSpec c = wattTrace(dir, "1 h", "file: load/t.csv, level: core");
        fails(() -> timeline(c), traceFile(), "line 1", "the columns are die level (column 2 (die_0_0)), but"
                + " transient.trace.level of " + dir.resolve("case.yaml") + " is core");
    }

    @Test
    void everyDieNeedsAColumn() throws IOException {
        badCsv("time [s], die_0_0, die_1_0, die_2_0, die_0_1\n0, 1, 1, 1, 1\n", "line 1", "no column for die_1_1,"
                + " die_2_1 (2 of 6 dies); a die-level trace gives absolute W, so every die needs a column");
        badCsv("time [s], core_0\n0, 1\n", "line 1", "no column for core_1, core_2", ", ... (71 of 72 cores)");
    }

    @Test
    void repeatedColumns() throws IOException {
        badCsv("time [s], die_0_0, die_0_0\n0, 1, 1\n", "line 1", "column 3 (die_0_0) repeats column 2");
        badCsv("time [s], die_0_0, die_00_0\n0, 1, 1\n", "line 1", "column 3 (die_00_0) is the same die as column 2"
                + " (die_0_0)");
    }

    @Test
    void badHeaders() throws IOException {
        badCsv("time, scale\n0, 1\n", "line 1", "column 1 (\"time\") must be the time with its unit, e.g."
                + " \"time [s]\"");
        badCsv("0, 1\n1, 1\n", "line 1", "must be the time with its unit");
        badCsv("time [kg], scale\n0, 1\n", "line 1", "'kg' is not a unit of time");
        badCsv("time [s]\n0\n", "line 1", "the header names only the time");
        badCsv("time [s], scale,\n0, 1, 1\n", "line 1", "column 3 has no name");
    }

    @Test
    void emptyTraces() throws IOException {
        badCsv("# nothing\n\n", null, "the trace is empty");
        badCsv("time [s], scale\n", null, "the trace has a header (line 1) but no samples");
    }

    @Test
    void missingTraceFile() throws IOException {
        CaseSpec c = trace(dir, "1 h", "file: load/none.csv");
        fails(() -> timeline(c), dir.resolve("load/none.csv"), null, "no such file (named by transient.trace.file of "
                + dir.resolve("case.yaml") + ")");
    }

    @Test
    void builtinCycleCaseBuildsItsTimeline() {
        CaseSpec c = CaseLoader.builtin("wse-cycle", List.of());
        PowerTimeline tl = PowerTimeline.of(c, CoreArray.of(c), null);
        assertEquals(6 * 3600, tl.period(), 1e-9);
        assertEquals(15000, tl.totalAt(c.transientSpec().snapshots().get(1)), 0);
    }
}
