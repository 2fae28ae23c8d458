package org.wafersim.run;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cli.CliHarness;
import org.wafersim.io.ResultReader;

/**
 * Every outcome of {@code wafersim run} carries its own status word, the same in the text (the last line), the
 * {@code --json} object and {@code /status} of the HDF5 result, which is written for every outcome after the grid:
 * <ul>
 * <li>{@code not_converged}: the steady solve hits solver.max_picard or solver.max_iterations (with a total power
 *     through the operating-point search, and with a fixed dynamic power directly); the last iterate is written;</li>
 * <li>{@code infeasible}: no operating point reaches power.total (the leakage alone exceeds it; a steady state
 *     exists, so it is neither runaway nor non-convergence), or a completed run above its junction limit;</li>
 * <li>{@code ok}: a completed run that meets every criterion (the {@code criteria_failed} and
 *     {@code thermal_runaway} outcomes are shown in {@link VerdictRunTest}).</li>
 * </ul>
 * On the embedded coarse wafer with a 0.1-cell-per-core grid.
 */
class RunOutcomeStatusTest {
    @TempDir Path dir;

    private CliHarness.Outcome run(Path out, boolean json, String... sets) {
        List<String> a = new ArrayList<>(List.of("run", "wse-coarse", "-q", "-o", out.toString(), "--set",
                "grid.cells_per_core=0.1"));
        if (json) a.add("--json");
        for (String s : sets) a.addAll(List.of("--set", s));
        return CliHarness.run(a.toArray(new String[0]));
    }

    /** The failed run's JSON object, its result file's /status and last iterate, read without h5py. */
    private JsonNode assertStoppedRun(CliHarness.Outcome o, Path out, String status) throws Exception {
        assertEquals(1, o.code(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());      // exactly one object on stdout
        assertEquals(status, j.get("status").asText(), o.out());
        assertEquals(1, j.get("exit_code").asInt());
        assertEquals(out.toString(), j.get("summary").get("output").asText(), o.out());
        assertTrue(o.err().contains("the run stopped (" + status + "); result written to " + out), o.err());
        assertTrue(Files.exists(out));
        try (ResultReader r = ResultReader.open(out)) {
            assertEquals(status, r.attribute("/status", "status"));
            assertEquals(1, ((Number) r.attribute("/status", "exit_code")).intValue());
            assertEquals(j.get("message").asText(), r.attribute("/status", "message"));
            ResultReader.Data t = r.read("/thermal/temperature");
            assertEquals(3, t.shape().length);
            int finite = 0;
            for (double v : t.flat()) {
                if (Double.isNaN(v)) continue;       // void cells
                assertTrue(v > 0 && v < 1000, "last iterate " + v + " degC");
                finite++;
            }
            assertTrue(finite > t.flat().length / 2, finite + " of " + t.flat().length);
            assertTrue(String.valueOf(r.attribute("/thermal/temperature", "state")).contains(status));
            assertEquals(405_132, r.read("/cores/temperature").flat().length);    // the wafer's cores
        }
        return j;
    }

    @Test
    void aSteadySolveStoppedByMaxPicardWritesItsLastIterateAsNotConverged() throws Exception {
        Path out = dir.resolve("picard.h5");
        // power.total with leakage: the operating point, then its robust search, both stopped by the limit; not a
        // runaway (the default wafer has a stable steady state)
        JsonNode j = assertStoppedRun(run(out, true, "solver.max_picard=2"), out, "not_converged");
        assertTrue(j.get("message").asText().contains("did not converge in 2 iterations"), j.toString());
        assertTrue(j.get("summary").get("levers").asText().contains("solver.max_picard"), j.toString());
        // the iterate at the requested power, not the search's zero-power one: the wafer is well above the inlet
        assertTrue(j.get("summary").get("lastIterateWaferMaxC").asDouble() > 40, j.toString());
    }

    @Test
    void aFixedPowerSolveStoppedByMaxIterationsOrMaxPicardIsNotConverged() throws Exception {
        Path cg = dir.resolve("cg.h5");
        JsonNode j = assertStoppedRun(run(cg, true, "power.leakage=", "solver.max_iterations=1"), cg,
                "not_converged");
        assertTrue(j.get("message").asText().startsWith("linear solve did not converge"), j.toString());
        Path picard = dir.resolve("picard1.h5");
        j = assertStoppedRun(run(picard, true, "power.leakage=", "solver.max_picard=1"), picard, "not_converged");
        assertTrue(j.get("message").asText().startsWith("outer iteration"), j.toString());
    }

    @Test
    void aTotalBelowTheLeakageAloneIsInfeasibleNotRunaway() throws Exception {
        Path out = dir.resolve("leak.h5");
        // 99 % of 1 kW leaks at 20 degC: at the coolant's ~32 degC the leakage alone is ~1.35 kW
        JsonNode j = assertStoppedRun(run(out, true, "power.total=1 kW", "power.idle=0.5 kW",
                "power.leakage.share_at_ref=0.99", "power.leakage.ref=20 degC"), out, "infeasible");
        assertTrue(j.get("message").asText().startsWith("no operating point at power.total = 1000 W: the leakage"
                + " alone is "), j.toString());
        assertTrue(j.get("summary").get("levers").asText().contains("power.total"), j.toString());
    }

    @Test
    void aCompletedRunAboveItsJunctionLimitIsInfeasibleInTextJsonAndHdf5() throws Exception {
        Path text = dir.resolve("hot.h5");
        CliHarness.Outcome t = run(text, false, "criteria.junction_limit=50 degC");
        assertEquals(1, t.code(), t.err());
        String last = t.out().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.startsWith("status          infeasible (exit 1): infeasible design: the junction"
                + " temperature reaches "), last);
        assertTrue(t.err().startsWith("wafersim: failed (infeasible): the design fails 1 criterion: junction"), t.err());
        try (ResultReader r = ResultReader.open(text)) {
            assertEquals("infeasible", r.attribute("/status", "status"));
            assertEquals(1, ((Number) r.attribute("/status", "exit_code")).intValue());
            assertEquals("junction_limit", r.attribute("/verdict", "failed"));
        }
        Path json = dir.resolve("hot-json.h5");
        CliHarness.Outcome o = run(json, true, "criteria.junction_limit=50 degC");
        assertEquals(1, o.code(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertEquals("infeasible", j.get("status").asText());
        assertEquals(1, j.get("exit_code").asInt());
        assertTrue(j.get("message").asText().contains("above its 50.00 degC limit"), o.out());

        // the same wafer within its limit: ok, exit 0, in all three
        Path ok = dir.resolve("ok.h5");
        CliHarness.Outcome p = run(ok, true);
        assertEquals(0, p.code(), p.err());
        assertEquals("ok", new ObjectMapper().readTree(p.out()).get("status").asText());
        try (ResultReader r = ResultReader.open(ok)) {
            assertEquals("ok", r.attribute("/status", "status"));
        }
        CliHarness.Outcome pt = run(dir.resolve("ok-text.h5"), false);
        assertTrue(pt.out().endsWith("status          ok (exit 0): the run completed and the design meets every"
                + " criterion" + System.lineSeparator()), pt.out());
    }
}
