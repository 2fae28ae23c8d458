package org.wafersim.run;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cli.CliHarness;
import org.wafersim.io.ResultReader;

/**
 * The verdict of a run and the connector technologies end to end, on the embedded coarse wafer with a 0.1-cell-per-core
 * thermal grid and a 10 mm mechanics spacing: the default spring connector passes every criterion; the solder
 * connector fails the connector-life criterion with exit code 1, writes its result, and is reported as the limiting
 * component consistently in the text, the JSON and the HDF5; a transient that peaks above the junction limit exits 1
 * and says when and where.
 */
class VerdictRunTest {
    static final List<String> BASE = List.of("grid.cells_per_core=0.1", "analysis.mechanics=true",
            "analysis.reliability=true", "mechanics.spacing=10 mm");

    @TempDir Path dir;

    private CliHarness.Outcome run(Path out, boolean json, String... sets) {
        List<String> a = new ArrayList<>(List.of("run", "wse-coarse", "-q", "-o", out.toString()));
        if (json) a.add("--json");
        for (String s : BASE) a.addAll(List.of("--set", s));
        for (String s : sets) a.addAll(List.of("--set", s));
        return CliHarness.run(a.toArray(new String[0]));
    }

    @Test
    void springConnectorPassesAndSolderFailsTheConnectorLife() throws Exception {
        Path spring = dir.resolve("spring.h5");
        CliHarness.Outcome s = run(spring, false);
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("verdict         PASS"), s.out());
        assertTrue(s.out().contains("model spring contact: cantilever beam L 1.200 mm, t 0.08000 mm"), s.out());
        assertTrue(s.out().contains("beryllium copper C17200"), s.out());
        // with a spring connector the cores with their spares end the wafer's life (centuries), so the dies are named
        assertTrue(s.out().contains("limiting        dies with spares: die "), s.out());
        assertTrue(s.out().contains("limiting dies   die "), s.out());
        try (ResultReader r = ResultReader.open(spring)) {
            assertEquals(1, ((Number) r.attribute("/verdict", "overall_pass")).intValue());
            assertEquals("ok", r.attribute("/status", "status"));
            assertEquals("spring", r.attribute("/reliability", "connector_technology"));
        }

        Path solder = dir.resolve("solder.h5");
        CliHarness.Outcome f = run(solder, true, "connector.technology=solder");
        assertEquals(1, f.code(), f.err());
        assertTrue(Files.exists(solder), "the result is written when a criterion fails");
        // the connector fails its life and, through it, the wafer's reliability at the design life
        assertTrue(f.err().contains("the design fails 2 criteria: wafer reliability at the design life"), f.err());
        assertTrue(f.err().contains("; connector life (first contact to fail) "), f.err());
        JsonNode j = new ObjectMapper().readTree(f.out());
        assertFalse(j.get("verdict").get("pass").asBoolean());
        assertEquals("min_reliability", j.get("verdict").get("failed").get(0).asText());
        assertEquals("min_connector_life", j.get("verdict").get("failed").get(1).asText());
        JsonNode ri = j.get("reliabilityInfo");
        assertEquals("connector (solder)", ri.get("limiting_component").asText());
        assertEquals(0, ri.get("limiting_dies").size());
        assertTrue(ri.get("connector_model").asText().startsWith("solder joint: Engelmaier (IPC-SM-785)"));
        double lifeYears = ri.get("connector_life_years").asDouble();
        assertTrue(lifeYears < 5, "solder life " + lifeYears);
        try (ResultReader r = ResultReader.open(solder)) {
            Map<String, Object> a = r.attributes("/reliability");
            assertEquals("connector (solder)", a.get("limiting_component"));
            assertEquals(ri.get("limiting_location").asText(), a.get("limiting_location"));
            assertNull(a.get("limiting_dies"));
            assertEquals(0, ((Number) r.attribute("/verdict", "overall_pass")).intValue());
            assertEquals("min_reliability,min_connector_life", r.attribute("/verdict", "failed"));
            assertEquals("criteria_failed", r.attribute("/status", "status"));
            String[] keys = (String[]) r.attribute("/verdict", "criteria");
            double[] value = r.read("/verdict/value").flat();
            for (int i = 0; i < keys.length; i++) {
                if (keys[i].equals("min_connector_life")) assertEquals(lifeYears, value[i], 1e-12 * lifeYears);
            }
        }
        // the text says the same
        CliHarness.Outcome t = run(dir.resolve("solder2.h5"), false, "connector.technology=solder");
        assertTrue(t.out().contains("limiting        connector (solder): first failure at"), t.out());
        assertTrue(t.out().contains("verdict         FAIL: [min_reliability, min_connector_life]"), t.out());
        assertTrue(t.out().contains("status          criteria_failed (exit 1): the design fails the criteria"
                + " [min_reliability, min_connector_life]"), t.out());
        assertEquals("criteria_failed", j.get("status").asText());
        assertFalse(t.out().contains("limiting dies"), t.out());    // the dies do not limit: the text does not say so
    }

    @Test
    void aTransientPeakingAboveTheJunctionLimitFailsAndSaysWhenAndWhere() throws Exception {
        Path out = dir.resolve("tr.h5");
        List<String> a = new ArrayList<>(List.of("run", "wse-coarse", "-q", "-o", out.toString(), "--set",
                "grid.cells_per_core=0.1", "--set", "analysis.thermal=transient", "--set", "transient.end=120 s",
                "--set", "criteria.junction_limit=55 degC"));
        CliHarness.Outcome o = CliHarness.run(a.toArray(new String[0]));
        assertEquals(1, o.code(), o.err());
        assertTrue(Files.exists(out));
        assertTrue(o.err().contains("junction temperature over the run"), o.err());
        assertTrue(o.err().contains("at t = "), o.err());
        assertTrue(o.err().contains(" at die (col "), o.err());
        // above the junction limit the design is infeasible (not merely failing a criterion)
        assertTrue(o.err().startsWith("wafersim: failed (infeasible): "), o.err());
        try (ResultReader r = ResultReader.open(out)) {
            assertEquals("infeasible", r.attribute("/status", "status"));
        }
    }

    /**
     * Warpage and silicon stress are judged over the mechanics history of a transient, not only its operating
     * states: a step to 20 kW (above power.total, the "full" state) warps the wafer more during the run than at
     * either state, and the verdict fails on the history's value, saying when.
     */
    @Test
    void mechanicsCriteriaCoverTheHistoryOfATransient() throws Exception {
        Path out = dir.resolve("hist.h5");
        CliHarness.Outcome o = CliHarness.run("run", "wse-coarse", "-q", "--json", "-o", out.toString(), "--set",
                "grid.cells_per_core=0.1", "--set", "analysis.thermal=transient", "--set", "transient.end=600 s",
                "--set", "transient.profile=step", "--set", "transient.step.to=20 kW", "--set",
                "transient.step.at=10 s", "--set", "analysis.mechanics=true", "--set", "mechanics.spacing=10 mm",
                "--set", "mechanics.history.count=4");
        JsonNode j = new ObjectMapper().readTree(o.out());
        JsonNode m = j.get("mechanicsInfo");
        double states = Math.max(m.get("wafer_warpage_pv_m").asDouble(), m.get("idle_wafer_warpage_pv_m").asDouble());
        double history = m.get("history_wafer_warpage_pv_max_m").asDouble();
        assertTrue(history > 1.2 * states, "the step must warp beyond the states: " + history + " vs " + states);
        double stress = m.get("history_silicon_peak_principal_max_Pa").asDouble()
                / m.get("silicon_fracture_strength_Pa").asDouble();
        for (JsonNode c : j.get("verdict").get("criteria")) {
            if (c.get("criterion").asText().equals("max_warpage")) {
                assertEquals(1e6 * history, c.get("value").asDouble(), 1e-9 * 1e6 * history, c.toString());
                assertTrue(c.get("note").asText().startsWith("history at t = "), c.toString());
                assertEquals("fail", c.get("status").asText(), c.toString());   // 244 um > 200 um
            }
            if (c.get("criterion").asText().equals("max_silicon_stress"))
                assertEquals(stress, c.get("value").asDouble(), 1e-12 * stress, c.toString());
        }
        assertEquals(1, o.code(), o.err());
        assertEquals("criteria_failed", j.get("status").asText());
    }

    @Test
    void aRunawayWritesAReadableResultWithItsStatusAndJsonSaysSo() throws Exception {
        Path out = dir.resolve("runaway.h5");
        CliHarness.Outcome o = CliHarness.run("run", "wse-coarse", "-q", "--json", "-o", out.toString(), "--set",
                "grid.cells_per_core=0.1", "--set", "cooling.mode=edge");
        assertEquals(1, o.code(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());      // exactly one object on stdout
        assertEquals("thermal_runaway", j.get("status").asText());
        assertEquals(1, j.get("exit_code").asInt());
        assertTrue(j.get("message").asText().contains("hottest core when stopped"), o.out());
        assertTrue(j.get("summary").get("levers").asText().contains("power.total"), o.out());
        assertTrue(j.get("summary").get("lastIterateWaferMaxC").asDouble() > 1000, o.out());
        assertTrue(o.err().contains("result written to " + out), o.err());
        try (ResultReader r = ResultReader.open(out)) {
            assertEquals("thermal_runaway", r.attribute("/status", "status"));
            assertEquals(1, ((Number) r.attribute("/status", "exit_code")).intValue());
            assertTrue(r.read("/thermal/temperature").flat().length > 0);
        }
        Path py = Path.of("/usr/bin/python3");
        if (Files.isExecutable(py)) {
            Process p = new ProcessBuilder(py.toString(), "-c", String.join("\n", "import sys",
                    "try:", "    import h5py", "except ImportError:", "    print('no h5py'); sys.exit(0)",
                    "f = h5py.File(sys.argv[1], 'r')", "print(f['/status'].attrs['status'].decode())",
                    "print(f['/thermal/temperature'].ndim)"), out.toString()).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
            if (!text.startsWith("no h5py")) assertEquals(List.of("thermal_runaway", "3"), text.lines().toList(), text);
        }
    }

    @Test
    void jsonOnBadInputIsOneObjectWithTheStatus() throws Exception {
        CliHarness.Outcome o = CliHarness.run("run", "wse-coarse", "-q", "--json", "-o",
                dir.resolve("bad.h5").toString(), "--set", "criteria.max_warpage=5 K");
        assertEquals(2, o.code(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertEquals("bad_input", j.get("status").asText());
        assertEquals(2, j.get("exit_code").asInt());
        assertTrue(j.get("message").asText().contains("criteria.max_warpage"), o.out());
        assertFalse(Files.exists(dir.resolve("bad.h5")));
    }
}
