package org.wafersim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep end to end, in this JVM: two shards cover every point exactly once, a re-run computes nothing, the
 * summary merges the shards; a failing point is recorded and the sweep carries on with exit code 1.
 */
class SweepRunTest {
    @TempDir Path dir;

    @Test
    void twoShardsCoverEveryPointOnceAndAReRunComputesNothing() throws IOException {
        Path sweep = SweepFixtures.write(dir, SweepFixtures.FOUR_POINTS);
        Path out = dir.resolve("cooling-vs-power.out");

        SweepFixtures.Run s1 = SweepFixtures.cli("sweep", sweep.toString(), "--shard", "1/2", "--threads", "1");
        assertEquals(0, s1.code(), s1.err());
        assertEquals(2, s1.errLines(": ok ").size(), s1.err());
        assertEquals(indices(0, 2), recordIndices(out), "shard 1/2: indices 0 and 2");
        Map<String, FileTime> afterShard1 = resultTimes(out);

        SweepFixtures.Run s2 = SweepFixtures.cli("sweep", sweep.toString(), "--shard", "2/2", "--threads", "1", "--jobs", "2");
        assertEquals(0, s2.code(), s2.err());
        assertEquals(2, s2.errLines(": ok ").size(), "shard 2/2 runs its own two points");
        assertEquals(0, s2.errLines("skipped").size(), "and never touches shard 1's");
        assertEquals(indices(0, 1, 2, 3), recordIndices(out));
        afterShard1.forEach((f, t) -> assertEquals(t, resultTimes(out).get(f), f + " rewritten by shard 2"));

        Map<String, FileTime> before = resultTimes(out);
        SweepFixtures.Run again = SweepFixtures.cli("sweep", sweep.toString());
        assertEquals(0, again.code());
        assertEquals(4, again.errLines("finished earlier, skipped").size(), again.err());
        assertEquals(0, again.errLines(": ok ").size(), "nothing computed twice");
        assertEquals(before, resultTimes(out));

        SweepFixtures.Run merged = SweepFixtures.cli("sweep", sweep.toString(), "--summary-only", "--json");
        assertEquals(0, merged.code());
        JsonNode summary = new ObjectMapper().readTree(merged.out());
        assertEquals(4, summary.path("ok").asInt());
        assertEquals(0, summary.path("pending").asInt());
        JsonNode edge = summary.path("points").get(3);
        assertEquals("edge", edge.path("parameters").path("cooling.mode").asText());
        assertTrue(edge.path("heatOutW").size() > 0, "heat paths in the summary");
        assertTrue(edge.path("waferMaxC").asDouble() > summary.path("points").get(1).path("waferMaxC").asDouble(),
                "edge cooling runs hotter than vertical at the same power");

        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(5, csv.size(), "header + 4 points");
        assertTrue(csv.get(0).startsWith("index,name,status,exit_class,cooling.mode,power.total,power_W,wafer_max_C,wafer_mean_C"));
        for (String row : csv.subList(1, 5)) assertTrue(row.contains(",ok,ok,"), row);
    }

    @Test
    void aFailingPointIsRecordedAndTheSweepCarriesOn() throws IOException {
        Path sweep = SweepFixtures.write(dir, """
                base: wse-coarse
                set: {grid.cells_per_core: 0.05, power.idle: "0.1 kW", power.total: "0.3 kW"}
                axes:
                  solver.max_iterations: [1, 200]
                """);
        SweepFixtures.Run r = SweepFixtures.cli("sweep", sweep.toString(), "-o", dir.resolve("out").toString());
        assertEquals(1, r.code(), "a point failed: exit code 1");
        assertEquals(1, r.errLines("FAILED").size(), r.err());
        assertEquals(1, r.errLines(": ok ").size(), "the other point still ran");
        JsonNode rec = new ObjectMapper().readTree(dir.resolve("out/p0000_solver.max_iterations=1.json").toFile());
        assertEquals("failed", rec.path("status").asText());
        assertEquals("check_failed", rec.path("exitClass").asText());
        assertTrue(rec.path("message").asText().contains("did not converge"), rec.toString());
        assertTrue(Files.notExists(dir.resolve("out/p0000_solver.max_iterations=1.h5")));
        List<String> csv = Files.readAllLines(dir.resolve("out/summary.csv"));
        assertTrue(csv.get(1).contains(",failed,check_failed,") && csv.get(1).contains("did not converge"), csv.get(1));

        SweepFixtures.Run again = SweepFixtures.cli("sweep", sweep.toString(), "-o", dir.resolve("out").toString());
        assertEquals(1, again.code(), "a failed point runs again on the next invocation (and fails again)");
        assertEquals(1, again.errLines("finished earlier, skipped").size());
    }

    /** A sweep over the connector's height: the summary carries the mechanics and reliability headline columns. */
    @Test
    void aConnectorSweepTabulatesStrainWarpageAndLife() throws IOException {
        Path sweep = SweepFixtures.write(dir, """
                base: wse-coarse
                set: {grid.cells_per_core: 0.1, analysis.mechanics: true, analysis.reliability: true,
                      mechanics.spacing: "10 mm", "mechanics.states": [full, idle], connector.technology: solder}
                axes:
                  stack[3].thickness: ["1 mm", "2 mm"]
                """);
        SweepFixtures.Run r = SweepFixtures.cli("sweep", sweep.toString(), "-o", dir.resolve("out").toString());
        assertEquals(0, r.code(), r.err());
        List<String> csv = Files.readAllLines(dir.resolve("out/summary.csv"));
        List<String> head = List.of(csv.get(0).split(","));
        int strain = head.indexOf("connector_max_shear_strain"), life = head.indexOf("connector_life_years");
        assertTrue(strain > 0 && life > 0 && head.contains("wafer_warpage_pv_m") && head.contains("wafer_mttf_years"),
                csv.get(0));
        double s1 = Double.parseDouble(csv.get(1).split(",")[strain]), s2 = Double.parseDouble(csv.get(2).split(",")[strain]);
        double l1 = Double.parseDouble(csv.get(1).split(",")[life]), l2 = Double.parseDouble(csv.get(2).split(",")[life]);
        // twice the height: about half the shear strain, and a longer connector life
        assertTrue(s2 < 0.6 * s1 && l2 > l1, "strain " + s1 + " -> " + s2 + ", life " + l1 + " -> " + l2);
        // one verdict per design: an overall column and one per criterion, to filter the sweep to feasible designs
        int pass = head.indexOf("verdict_pass"), cl = head.indexOf("verdict_min_connector_life");
        assertTrue(pass > 0 && cl > pass && head.contains("verdict_junction_limit"), csv.get(0));
        assertEquals("false", csv.get(1).split(",")[pass]);               // solder at 1 mm: about a year
        assertEquals("fail", csv.get(1).split(",")[cl]);
    }

    private static java.util.Set<Integer> indices(Integer... v) {
        return new TreeSet<>(List.of(v));
    }

    /** Indices of the points with an ok record. */
    static java.util.Set<Integer> recordIndices(Path out) throws IOException {
        java.util.Set<Integer> s = new TreeSet<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("p\\d+_.*\\.json")).toList()) {
                JsonNode r = new ObjectMapper().readTree(f.toFile());
                if ("ok".equals(r.path("status").asText())) s.add(r.path("index").asInt());
            }
        }
        return s;
    }

    /** Modification time of every result file. */
    static Map<String, FileTime> resultTimes(Path out) {
        Map<String, FileTime> m = new HashMap<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".h5")).toList())
                m.put(f.getFileName().toString(), Files.getLastModifiedTime(f));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return m;
    }
}
