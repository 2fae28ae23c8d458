package org.wafersim.validation.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cli.Cli;
import org.wafersim.io.ResultReader;
import org.wafersim.io.ResultSchema;
import picocli.CommandLine;

/**
 * The result schema and a run's file agree both ways: the committed {@code reliability} case (a cycle with
 * mechanics along it, connector fatigue by rainflow, cores, a coolant) with one snapshot and the 3-D corner model
 * (coarse) writes every group and
 * dataset of the schema, and nothing outside it; every dataset carries the schema's units.
 */
class ResultSchemaCoverageTest {
    @TempDir Path dir;

    @Test
    void aRunWritesExactlyTheSchema() {
        Path out = dir.resolve("r.h5");
        CommandLine cl = Cli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        int code = cl.execute("run", Path.of("cases", "reliability", "case.yaml").toString(), "-q", "-o", out.toString(),
                "--set", "transient.snapshots=[\"1 h\"]", "--set", "mechanics.corner.enabled=true",
                "--set", "mechanics.corner.resolution=0.5 mm");
        assertEquals(0, code, err.toString());

        Set<ResultSchema> seen = EnumSet.noneOf(ResultSchema.class);
        List<String> outside = new ArrayList<>(), wrong = new ArrayList<>();
        Set<String> groups = new TreeSet<>();
        groups.add("/");
        try (ResultReader r = ResultReader.open(out)) {
            for (ResultReader.DatasetInfo d : r.datasets()) {
                for (int i = d.path().indexOf('/', 1); i > 0; i = d.path().indexOf('/', i + 1))
                    groups.add(d.path().substring(0, i));
                var e = ResultSchema.of(d.path());
                if (e.isEmpty() || e.get().isGroup()) {
                    outside.add(d.path());
                    continue;
                }
                seen.add(e.get());
                if (!e.get().units().equals(d.units())) wrong.add(d.path() + " has units " + d.units() + ", the schema "
                        + e.get().units());
            }
        }
        for (String g : groups) {
            var e = ResultSchema.of(g);
            if (e.isEmpty() || !e.get().isGroup()) outside.add(g + " (group)");
            else seen.add(e.get());
        }
        assertEquals(List.of(), outside, "written but not in the schema");
        assertEquals(List.of(), wrong, "units");
        Set<ResultSchema> missing = EnumSet.complementOf(EnumSet.copyOf(seen));
        assertTrue(missing.isEmpty(), "in the schema but not written by this run: " + missing);
    }

    /** The regression cases compare datasets and group attributes by path: every path they name is in the schema. */
    @Test
    void everyToleranceFileNamesSchemaPaths() throws Exception {
        List<String> unknown = new ArrayList<>();
        int n = 0;
        try (var cases = java.nio.file.Files.list(Path.of("cases"))) {
            for (Path c : cases.sorted().toList()) {
                Path tol = c.resolve("tolerances.yaml");
                if (!java.nio.file.Files.exists(tol)) continue;
                for (String line : java.nio.file.Files.readAllLines(tol)) {
                    var m = java.util.regex.Pattern.compile("^\\s+(/[^:@\\s]*)(@[^:\\s]+)?\\s*:").matcher(line);
                    if (!m.find()) continue;
                    n++;
                    if (ResultSchema.of(m.group(1)).isEmpty()) unknown.add(c.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertTrue(n > 20, "read the tolerance files' fields: " + n);
        assertEquals(List.of(), unknown, "tolerance fields outside the result schema");
    }
}
