package org.wafersim.run;

import org.wafersim.cases.PowerSpec;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.errors.InputException;

/**
 * Power files in watts are used as written: a HotSpot trace of 1.1 kW on the default package runs at 1.1 kW (no
 * leakage block), and its blocks given as a density map (W/m^2, a distribution scaled to power.total = its sum) give
 * the same temperatures.
 */
class WattsAsWrittenTest {
    @TempDir Path dir;

    static final int COLS = 12, ROWS = 7;

    /** One HotSpot unit per die of the default wafer (pitch 215/12 x 215/7 mm), powers summing to 1.1 kW. */
    double[] writeHotSpot() throws Exception {
        double px = 0.215 / COLS, py = 0.215 / ROWS;
        StringBuilder flp = new StringBuilder("# one unit per die\n");
        StringBuilder names = new StringBuilder(), row = new StringBuilder();
        double[] p = new double[COLS * ROWS];
        double sum = 0;
        for (int r = 0; r < ROWS; r++)
            for (int c = 0; c < COLS; c++) {
                int d = r * COLS + c;
                p[d] = 5 + (d * 37 % 23);          // 5 .. 27 W, uneven
                sum += p[d];
            }
        for (int d = 0; d < p.length; d++) p[d] *= 1100 / sum;  // exactly 1.1 kW up to round-off
        for (int r = 0; r < ROWS; r++)
            for (int c = 0; c < COLS; c++) {
                String n = "d" + c + "_" + r;
                flp.append(String.format(Locale.ROOT, "%s %.17g %.17g %.17g %.17g%n", n, px, py, c * px, r * py));
                names.append(n).append(' ');
                row.append(String.format(Locale.ROOT, "%.17g ", p[r * COLS + c]));
            }
        Files.writeString(dir.resolve("dies.flp"), flp.toString());
        Files.writeString(dir.resolve("run.ptrace"), names + "\n" + row + "\n");
        // the same blocks as densities (W/m^2 over each die's pitch area): a die-level map, row 0 = lowest y
        StringBuilder csv = new StringBuilder("# units: W/m^2\n");
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++)
                csv.append(c == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.17g", p[r * COLS + c] / (px * py)));
            csv.append('\n');
        }
        Files.writeString(dir.resolve("density.csv"), csv.toString());
        return p;
    }

    CaseSpec spec(String... power) throws Exception {
        String text = CaseLoader.builtinText("wse-default");
        Path c = dir.resolve("case.yaml");
        Files.writeString(c, text);
        List<String> o = new java.util.ArrayList<>(List.of("grid.cells_per_core=0.15", "analysis.mechanics=false",
                "analysis.reliability=false", "power.leakage=null", "power.pattern=null", "power.total=null",
                "power.idle=null", "cycling.low=0 W", "cycling.high=1 W"));
        o.addAll(List.of(power));
        return CaseLoader.load(c, o);
    }

    @Test
    void hotSpotTraceInWattsRunsAtItsSum() throws Exception {
        double[] p = writeHotSpot();
        double sum = 0;
        for (double v : p) sum += v;
        CaseSpec s = spec("power.map=run.ptrace", "power.floorplan=dies.flp");
        assertEquals(PowerSpec.MapAs.WATTS, s.power().mapAs());
        assertEquals(PowerSpec.PowerBasis.DYNAMIC, s.power().basis());
        CaseRun.Result r = CaseRun.run(s, 0, m -> { });
        double cores = kahan(r.corePower());
        System.out.printf("HotSpot 1.1 kW: trace sum %.15g W, core powers %.15g W, run %.15g W, max %.3f degC%n",
                sum, cores, r.summary().powerW(), r.summary().waferMaxC());
        assertEquals(sum, cores, 1e-12 * sum);
        assertEquals(sum, r.summary().powerCoolant().power().totalW(), 1e-12 * sum);
        assertEquals(0, r.summary().powerCoolant().power().leakageW());

        // the same blocks as a density map, a distribution scaled to power.total = the sum
        CaseSpec d = spec("power.map=density.csv", "power.map_as=distribution", "power.total=" + sum + " W");
        assertEquals(PowerSpec.MapAs.DISTRIBUTION, d.power().mapAs());
        CaseRun.Result rd = CaseRun.run(d, 0, m -> { });
        double worst = 0;
        for (int c = 0; c < r.coreTemperature().length; c++)
            worst = Math.max(worst, Math.abs(r.coreTemperature()[c] - rd.coreTemperature()[c]));
        System.out.printf("HotSpot blocks vs density map: core temperatures differ by at most %.3e K%n", worst);
        assertTrue(worst < 1e-9, "core temperatures differ by " + worst + " K");
    }

    /** A compensated sum (405k core powers: a plain sum drifts by ~1e-12 relative). */
    static double kahan(double[] v) {
        double s = 0, c = 0;
        for (double x : v) {
            double y = x - c, t = s + y;
            c = (t - s) - y;
            s = t;
        }
        return s;
    }

    @Test
    void wattMapWithATotalNeedsMapAs() throws Exception {
        writeHotSpot();
        InputException e = assertThrows(InputException.class,
                () -> spec("power.map=run.ptrace", "power.floorplan=dies.flp", "power.total=15 kW"));
        String m = e.getMessage();
        assertTrue(m.contains("power.total") && m.contains("map_as") && m.contains("power.map"), m);
        assertFalse(m.contains("\n"), m);
        // a CSV map without unit is weights: it needs a level
        Files.writeString(dir.resolve("w.csv"), "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12\n".repeat(ROWS));
        InputException n = assertThrows(InputException.class, () -> spec("power.map=w.csv"));
        assertTrue(n.getMessage().contains("total"), n.getMessage());
        // map_as: watts on a map without a W unit
        InputException w = assertThrows(InputException.class,
                () -> spec("power.map=w.csv", "power.map_as=watts", "power.total=1 kW"));
        assertTrue(w.getMessage().contains("map_as"), w.getMessage());
        // a CSV map in W: used as written
        Files.writeString(dir.resolve("watts.csv"), "# units: W\n" + "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12\n".repeat(ROWS));
        CaseSpec ok = spec("power.map=watts.csv");
        assertEquals(78.0 * ROWS, ok.power().fullLoad(), 1e-12);
        assertEquals(PowerSpec.PowerBasis.DYNAMIC, ok.power().basis());
    }

    // ------------------------------------------------------------------------------------------ transient traces

    static final double INTERVAL = 10;                            // s between trace rows
    static final double[] ROW_TOTALS = {1100, 1300, 900, 1100};  // W: mean 1.1 kW, first = last

    /**
     * A HotSpot trace on the default wafer, one unit per die, rows summing to {@link #ROW_TOTALS} with a different
     * distribution in every row. Returns the trace's sum over rows and units (W).
     */
    double writeTransientHotSpot() throws Exception {
        double px = 0.215 / COLS, py = 0.215 / ROWS;
        StringBuilder flp = new StringBuilder(), names = new StringBuilder(), rows = new StringBuilder();
        for (int r = 0; r < ROWS; r++)
            for (int c = 0; c < COLS; c++) {
                String n = "d" + c + "_" + r;
                flp.append(String.format(Locale.ROOT, "%s %.17g %.17g %.17g %.17g%n", n, px, py, c * px, r * py));
                names.append(n).append(' ');
            }
        double sum = 0;
        for (int k = 0; k < ROW_TOTALS.length; k++) {
            double[] p = new double[COLS * ROWS];
            double s = 0;
            for (int d = 0; d < p.length; d++) {
                p[d] = 5 + ((d + 7 * k) * 37 % 23);
                s += p[d];
            }
            for (int d = 0; d < p.length; d++) {
                p[d] *= ROW_TOTALS[k] / s;
                // the file's values as the run reads them back
                String v = String.format(Locale.ROOT, "%.17g", p[d]);
                rows.append(v).append(' ');
                sum += Double.parseDouble(v);
            }
            rows.append('\n');
        }
        Files.writeString(dir.resolve("dies.flp"), flp.toString());
        Files.writeString(dir.resolve("run.ptrace"), names + "\n" + rows);
        return sum;
    }

    /** The default package, a transient of the HotSpot trace over its rows (each held for one interval). */
    CaseSpec transientSpec(String... more) throws Exception {
        List<String> o = new java.util.ArrayList<>(List.of("analysis.thermal=transient",
                "transient.end=" + (ROW_TOTALS.length * INTERVAL) + " s", "transient.profile=trace",
                "transient.trace.file=run.ptrace", "transient.trace.floorplan=dies.flp",
                "transient.trace.interval=" + INTERVAL + " s"));
        o.addAll(List.of(more));
        return spec(o.toArray(new String[0]));
    }

    @Test
    void transientHotSpotTraceRunsAtItsWatts() throws Exception {
        double sum = writeTransientHotSpot();
        CaseSpec s = transientSpec();
        var tp = (org.wafersim.cases.TransientSpec.TraceProfile) s.transientSpec().profile();
        assertEquals(PowerSpec.MapAs.WATTS, tp.mapAs());
        assertEquals(PowerSpec.PowerBasis.DYNAMIC, s.power().basis());
        assertEquals(sum / ROW_TOTALS.length, s.power().total(), 1e-12 * sum);
        CaseRun.Result r = CaseRun.run(s, 0, m -> { });
        // piecewise linear between rows, exact under TR-BDF2 (its weights integrate linear functions exactly), the
        // last row held for one interval; first row = last row, so the integral is the rows' sum x the interval
        double e = r.transientOutcome().totals().energyInJ();
        System.out.printf("transient HotSpot trace: energy in %.15g J, trace sum x interval %.15g J, rel %.2e%n",
                e, sum * INTERVAL, (e - sum * INTERVAL) / (sum * INTERVAL));
        assertEquals(sum * INTERVAL, e, 1e-11 * sum * INTERVAL);
        assertEquals(0, r.summary().powerCoolant().power().leakageW());
        assertTrue(r.transientOutcome().powerSummary().contains("W as written, mean of the samples 1.1 kW, no leakage"
                + " block"), r.transientOutcome().powerSummary());
        assertTrue(r.summary().powerCoolant().power().source().startsWith("transient.trace.file run.ptrace in W as"
                + " written"), r.summary().powerCoolant().power().source());

        // as a shape: map_as: distribution scales the mean of the rows to power.total
        CaseSpec d = transientSpec("power.total=2200 W", "transient.trace.map_as=distribution");
        CaseRun.Result rd = CaseRun.run(d, 0, m -> { });
        double ed = rd.transientOutcome().totals().energyInJ();
        System.out.printf("as a distribution scaled to 2.2 kW: energy in %.15g J (expected %.15g J)%n", ed,
                2 * sum * INTERVAL);
        assertEquals(2 * sum * INTERVAL, ed, 1e-11 * sum * INTERVAL);

        // a watt trace and a level without map_as: one line naming both keys
        InputException c = assertThrows(InputException.class, () -> transientSpec("power.total=15 kW"));
        String m = c.getMessage();
        assertTrue(m.contains("power.total") && m.contains("transient.trace.file") && m.contains("map_as"), m);
        assertFalse(m.contains("\n"), m);
        // ... and from the command line: exit 2, one line, nothing written
        Path out = dir.resolve("out.h5");
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = org.wafersim.cli.Cli.commandLine();
        cl.setErr(new java.io.PrintWriter(err));
        cl.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
        List<String> args = new java.util.ArrayList<>(List.of("run", dir.resolve("case.yaml").toString(), "-o",
                out.toString(), "-q"));
        for (String o : List.of("analysis.thermal=transient", "transient.end=40 s", "transient.profile=trace",
                "transient.trace.file=run.ptrace", "transient.trace.floorplan=dies.flp",
                "transient.trace.interval=10 s")) {
            args.add("--set");
            args.add(o);
        }
        assertEquals(org.wafersim.cli.Cli.BAD_INPUT, cl.execute(args.toArray(new String[0])));
        String line = err.toString().strip();
        assertTrue(line.contains("power.total") && line.contains("transient.trace.file"), line);
        assertFalse(line.contains("\n"), line);
        assertFalse(Files.exists(out));
    }

    @Test
    void transientTraceWithALeakageBlockAddsLeakageOnTop() throws Exception {
        double sum = writeTransientHotSpot();
        CaseSpec s = transientSpec("power.leakage.share_at_ref=0.2", "power.leakage.ref=60 degC",
                "power.leakage.beta=0.02 1/K");
        CaseRun.Result r = CaseRun.run(s, 0, m -> { });
        double e = r.transientOutcome().totals().energyInJ();
        assertTrue(e > sum * INTERVAL * 1.01, "leakage on top: " + e + " J vs the trace's " + sum * INTERVAL + " J");
        assertTrue(r.transientOutcome().powerSummary().contains("leakage from power.leakage on top"),
                r.transientOutcome().powerSummary());
        assertTrue(r.summary().powerCoolant().power().source().contains("leakage from power.leakage on top"),
                r.summary().powerCoolant().power().source());
    }
}
