package org.wafersim.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line under hostile outputs (issue 13 reproducers): no file is left or overwritten, and what a run
 * prints as JSON is JSON. Option and case errors (one line, exit 2, before any work) are rows of
 * {@code bad-input.yaml} (BadInputTableTest).
 */
class HostileInputCliTest {
    @TempDir Path dir;

    /** A case that solves in about a second. */
    static final String[] TINY = {"--set", "grid.cells_per_core=0.1"};

    private static String[] args(String... a) {
        List<String> l = new ArrayList<>(List.of(a));
        l.addAll(List.of(TINY));
        return l.toArray(new String[0]);
    }

    @Test
    void anExistingResultIsNotOverwritten() throws IOException {
        Path out = dir.resolve("keep.h5");
        Files.writeString(out, "precious");
        CliHarness.Outcome o = CliHarness.run("run", "wse-coarse", "-q", "-o", out.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("keep.h5") && o.err().contains("--force"), o.err());
        assertEquals("precious", Files.readString(out));
    }

    @Test
    void anExistingSidecarIsNotOverwrittenWithoutForce() throws IOException {
        Path side = Files.writeString(dir.resolve("out.xdmf"), "mine");
        CliHarness.Outcome o = CliHarness.run(args("run", "wse-coarse", "-q", "-o", dir.resolve("out.h5").toString()));
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("out.xdmf") && o.err().contains("--force"), o.err());
        assertEquals("mine", Files.readString(side));
        assertFalse(Files.exists(dir.resolve("out.h5")), "nothing computed or written");
        CliHarness.Outcome forced = CliHarness.run(args("run", "wse-coarse", "-q", "--force", "-o",
                dir.resolve("out.h5").toString()));
        assertEquals(0, forced.code(), forced.err());
        assertTrue(Files.readString(side).contains("<Xdmf"));
    }

    @Test
    void staleTemporariesOfTheSameTargetAreRemovedOnTheNextRun() throws IOException {
        // a killed writer's litter: the old form without a pid and a pid that no longer runs; another target's stays
        Path oldForm = Files.writeString(dir.resolve(".out.h5.tmp-5eed1e55"), "partial");
        Path deadPid = Files.writeString(dir.resolve(".out.h5.tmp-" + deadPid() + "-abc"), "partial");
        Path sidecarTmp = Files.writeString(dir.resolve(".out.xdmf.tmp-" + deadPid() + "-abd"), "partial");
        Path live = Files.writeString(dir.resolve(".out.h5.tmp-" + ProcessHandle.current().parent().orElseThrow().pid()
                + "-abe"), "someone else's write in progress");
        Path other = Files.writeString(dir.resolve(".other.h5.tmp-5eed1e55"), "another target");
        CliHarness.Outcome o = CliHarness.run(args("run", "wse-coarse", "-q", "-o", dir.resolve("out.h5").toString()));
        assertEquals(0, o.code(), o.err());
        assertFalse(Files.exists(oldForm));
        assertFalse(Files.exists(deadPid));
        assertFalse(Files.exists(sidecarTmp));
        assertTrue(Files.exists(live), "a live process's temporary is left alone");
        assertTrue(Files.exists(other), "another target's temporary is left alone");
    }

    /** A process id that is not running (the largest Linux pid_max is 2^22). */
    static long deadPid() {
        for (long p = (1L << 22) + 12345; ; p++) if (ProcessHandle.of(p).isEmpty()) return p;
    }

    @Test
    void jsonCarriesNoNaNStrings() throws Exception {
        // vertical cooling has no coolant channel: its outlet temperature is not a number
        CliHarness.Outcome o = CliHarness.run(args("run", "wse-coarse", "-q", "--json", "-o",
                dir.resolve("out.h5").toString()));
        assertEquals(0, o.code(), o.err());
        JsonNode s = new ObjectMapper().readTree(o.out());
        List<String> strings = new ArrayList<>();
        collectNonFiniteStrings(s, "", strings);
        assertEquals(List.of(), strings, o.out());
    }

    static void collectNonFiniteStrings(JsonNode n, String path, List<String> out) {
        if (n.isTextual() && List.of("NaN", "Infinity", "-Infinity").contains(n.textValue())) out.add(path);
        if (n.isContainerNode()) {
            if (n.isObject()) n.properties().forEach(e -> collectNonFiniteStrings(e.getValue(), path + "." + e.getKey(), out));
            else for (int i = 0; i < n.size(); i++) collectNonFiniteStrings(n.get(i), path + "[" + i + "]", out);
        }
    }

    @Test
    void jsonWritesNonFiniteNumbersAsNull() throws Exception {
        record R(double a, Double b, double[] c, Map<String, Object> d) { }
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("x", Double.POSITIVE_INFINITY);
        inner.put("y", List.of(1.5, Double.NaN));
        JsonNode n = new ObjectMapper().readTree(JsonOutput.write(new R(Double.NaN, Double.NEGATIVE_INFINITY,
                new double[] {1, Double.NaN}, inner)));
        assertTrue(n.get("a").isNull() && n.get("b").isNull() && n.get("c").get(1).isNull(), n.toString());
        assertEquals(1.0, n.get("c").get(0).asDouble());
        assertTrue(n.get("d").get("x").isNull() && n.get("d").get("y").get(1).isNull(), n.toString());
    }

    @Test
    void aCaseWith1500ProbesGivesAResultThatInfoReads() throws Exception {
        StringBuilder probes = new StringBuilder();
        for (int i = 0; i < 1500; i++)
            probes.append(String.format("--set=probes[%d]={name: probe_%04d, layer: wafer, at: [\"%d mm\", \"%d mm\"]}", i, i,
                    20 + i % 170, 20 + i / 10)).append('\n');
        List<String> a = new ArrayList<>(List.of(args("run", "wse-coarse", "-q", "-o", dir.resolve("p.h5").toString())));
        a.addAll(probes.toString().lines().toList());
        CliHarness.Outcome o = CliHarness.run(a.toArray(new String[0]));
        assertEquals(0, o.code(), o.err());
        CliHarness.Outcome info = CliHarness.run("info", dir.resolve("p.h5").toString());
        assertEquals(0, info.code(), info.err());
        CliHarness.Outcome text = CliHarness.run("info", "--case", dir.resolve("p.h5").toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("probe_1499"), "the stored case is complete");
        assertTrue(text.out().length() > 64 * 1024, "longer than an attribute may be: " + text.out().length());
    }
}
