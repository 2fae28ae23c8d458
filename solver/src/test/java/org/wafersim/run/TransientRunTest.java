package org.wafersim.run;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.cli.Cli;
import org.wafersim.io.ResultReader;

/** Transient and cycle runs end to end (issue 4): outputs, adaptive stepping, bad input. */
class TransientRunTest {
    @TempDir Path dir;

    static CaseRun.Result cycle(String... sets) {
        List<String> o = new ArrayList<>(List.of("grid.cells_per_core=0.1", "transient.snapshots=[\"4 h\"]"));
        o.addAll(List.of(sets));
        CaseSpec spec = CaseLoader.builtin("wse-cycle", o);
        return CaseRun.run(spec, 0, m -> { });
    }

    static double peak(CaseRun.Result r) {
        double p = -Double.MAX_VALUE;
        for (double v : r.transientOutcome().series().probes().get("hottest_core")) p = Math.max(p, v);
        return p;
    }

    /** One idle/full-load cycle: its step count, and halving the tolerance moves the peak by less than it. */
    @Test
    void adaptiveSteppingIsConvergedInItsTolerance() {
        CaseRun.Result a = cycle("transient.tolerance=0.05 K");
        CaseRun.Result b = cycle("transient.tolerance=0.025 K");
        TransientRun.Outcome oa = a.transientOutcome(), ob = b.transientOutcome();
        System.out.printf("cycle: %d steps (%d rejected) at 0.05 K, %d steps at 0.025 K; peak %.5f / %.5f degC; swing %.3f K; periodic %s after %d cycle(s)%n",
                oa.totals().steps(), oa.totals().rejected(), ob.totals().steps(), peak(a), peak(b),
                max(oa.coreSwingK()), oa.periodic(), oa.cycles());
        assertTrue(oa.periodic());
        assertTrue(Math.abs(peak(a) - peak(b)) < 0.05, "peak moved by " + Math.abs(peak(a) - peak(b)) + " K");
        assertTrue(ob.totals().steps() > oa.totals().steps());
        assertTrue(Math.abs(oa.totals().balanceRelError()) < 1e-6);
        // the swing of the hottest cores is about the full/idle difference of D.6 (~17 K for the mean core)
        double mean = 0;
        for (double v : oa.coreSwingK()) mean += v;
        mean /= oa.coreSwingK().length;
        assertTrue(mean > 10 && mean < 25, "mean core swing " + mean + " K");
    }

    @Test
    void resultFileHoldsTheTransient() throws Exception {
        Path out = dir.resolve("c.h5");
        int code = Cli.execute(new String[]{"run", "wse-cycle", "-q", "-o", out.toString(),
                "--set", "grid.cells_per_core=0.1", "--set", "transient.snapshots=[\"10 s\", \"4 h\"]"});
        assertEquals(0, code);
        try (ResultReader r = ResultReader.open(out)) {
            var time = r.read("/transient/time");
            var hot = r.read("/transient/probes/hottest_core");
            assertEquals(time.flat().length, hot.flat().length);
            assertEquals(0, time.flat()[0]);
            assertEquals(6 * 3600, time.flat()[time.flat().length - 1], 1e-6);
            var snap = r.read("/transient/snapshots/0001/temperature");
            assertEquals(3, snap.shape().length);
            assertEquals(4 * 3600.0, ((Number) r.attribute("/transient/snapshots/0001/temperature", "time_s")).doubleValue(), 1e-9);
            var units = new java.util.HashMap<String, String>();
            for (var d : r.datasets()) units.put(d.path(), d.units());
            assertEquals("s", units.get("/transient/time"));
            assertEquals("degC", units.get("/transient/probes/centre"));
            assertEquals("K", units.get("/cores/temperature_swing"));
            assertEquals("degC", units.get("/transient/die_max"));
        }
    }

    @Test
    void badTransientInputIsExitCodeTwo() throws Exception {
        Path trace = dir.resolve("trace.csv");
        Files.writeString(trace, "time [s], scale\n0, 0.5\n10, 1.0\n5, 0.7\n");
        String text = CaseLoader.builtinText("wse-coarse")
                .replace("  thermal: steady", "  thermal: transient")
                + "\ntransient:\n  end: \"20 s\"\n  profile: trace\n  trace: {file: trace.csv}\n";
        Path c = dir.resolve("case.yaml");
        Files.writeString(c, text);
        Path out = dir.resolve("x.h5");
        var err = new java.io.StringWriter();
        var cl = Cli.commandLine();
        cl.setErr(new java.io.PrintWriter(err, true));
        int code = cl.execute("run", c.toString(), "-q", "-o", out.toString());
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("trace.csv") && err.toString().contains("line 4"), err.toString());
        assertFalse(Files.exists(out));
        // a snapshot outside the run
        Files.writeString(c, text.replace("profile: trace\n  trace: {file: trace.csv}", "snapshots: [\"30 s\"]"));
        err.getBuffer().setLength(0);
        code = cl.execute("run", c.toString(), "-q", "-o", out.toString());
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("transient.snapshots"), err.toString());
    }

    private static double max(double[] v) {
        double m = -Double.MAX_VALUE;
        for (double x : v) m = Math.max(m, x);
        return m;
    }
}
