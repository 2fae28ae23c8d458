package org.wafersim.validation.validate;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.validation.regression.StoredFields;

/**
 * {@code wafersim validate} end to end: the committed references pass (this is how CI runs the validation), a
 * perturbed reference fails in exactly the right rows, bad input exits 2 naming the file, and
 * {@code --update-references} rewrites and reports.
 */
class ValidateCommandTest {
    @TempDir Path tmp;

    /**
     * Every committed regression case passes, with one analytical check in the same table (AnalyticChecksTest runs
     * each analytical check once, with its own failure message; running them here too would double their cost).
     */
    @Test
    void passesOnTheCommittedReferences() throws Exception {
        List<String> cases;
        try (Stream<Path> s = Files.list(ValidateHarness.committedCases())) {
            cases = s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertTrue(cases.containsAll(List.of("vertical", "lateral", "edge", "hot-spot", "hotspot-import", "utilisation",
                "transient-cycle", "mechanics", "reliability")), cases.toString());
        ValidateHarness.Outcome o = ValidateHarness.run("validate", "--only", "slab-1d," + String.join(",", cases));
        System.out.print(o.out());
        assertEquals(0, o.code(), o.out() + o.err());
        String last = o.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.startsWith("PASS: ") && last.contains(" 0 failed"), last);
        for (String c : cases) assertTrue(o.out().lines().anyMatch(l -> l.startsWith(c + " ")), "a row of " + c);
        assertTrue(o.out().lines().anyMatch(l -> l.startsWith("slab-1d ")), "a row of slab-1d");
        assertFalse(o.out().contains("FAIL "), o.out());
    }

    /** Changes one value of the stored reference of a copy of "vertical" (through ResultFile) by {@code delta}. */
    Path perturbed(String dataset, int index, double delta) throws Exception {
        Path c = ValidateHarness.copyCase("vertical", tmp);
        Path ref = c.resolve("reference.h5");
        StoredFields s = StoredFields.read(ref);
        double[] v = s.datasets().get(dataset).values();
        v[index] = delta == 0 ? Double.NaN : v[index] + delta;
        s.write(ref, true);
        return c;
    }

    @Test
    void perturbedReferenceFailsInTheRightRow() throws Exception {
        perturbed("/cores/temperature", 700, 0.05);   // one core 0.05 K off: 5000 x the tolerance
        ValidateHarness.Outcome o = ValidateHarness.run("validate", "--cases", tmp.toString(), "--only", "vertical", "-q");
        assertEquals(1, o.code(), o.out() + o.err());
        String max = o.row("vertical", "/cores/temperature max abs"), rel = o.row("vertical", "/cores/temperature rel L2");
        assertTrue(max != null && max.contains("FAIL") && max.contains("0.05"), max);
        assertTrue(rel != null && rel.contains("FAIL"), rel);
        long failing = o.out().lines().filter(l -> l.contains(" FAIL")).count();
        assertEquals(2, failing, "only the perturbed field fails:\n" + o.out());
        assertTrue(o.out().contains("FAIL: 1 checks, 26 rows: 24 passed, 2 failed"), o.out());
    }

    @Test
    void nanInTheWrongPlaceFails() throws Exception {
        perturbed("/thermal/temperature", 20000, 0);   // a solid cell (the active layer area) made NaN
        ValidateHarness.Outcome o = ValidateHarness.run("validate", "--cases", tmp.toString(), "--only", "vertical", "-q");
        assertEquals(1, o.code());
        String max = o.row("vertical", "/thermal/temperature max abs");
        assertTrue(max != null && max.contains("FAIL") && max.contains("NaN positions differ at 1 entries"), max);
    }

    @Test
    void jsonReport() throws Exception {
        ValidateHarness.Outcome o = ValidateHarness.run("validate", "--only", "leakage-lambert-w,slab-1d", "--json", "-q");
        assertEquals(0, o.code(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertEquals("PASS", j.get("verdict").asText());
        assertEquals(2, j.get("checks").size());
        assertEquals(10, j.get("rows").size());
        assertEquals("slab-1d", j.get("rows").get(0).get("check").asText());
        assertTrue(j.get("rows").get(0).get("error").isNumber());
    }

    @Test
    void badInputExitsTwoNamingTheProblem() throws Exception {
        ValidateHarness.Outcome o = ValidateHarness.run("validate", "--only", "nope");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--only: unknown check 'nope'") && o.err().contains("vertical"), o.err());

        Path c = ValidateHarness.copyCase("vertical", tmp);
        Files.writeString(c.resolve("tolerances.yaml"), "requirement: r\nfields:\n  /thermal/temperature: { max_abs: 1e-5 }\n");
        o = ValidateHarness.run("validate", "--cases", tmp.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains(c.resolve("tolerances.yaml").toString()) && o.err().contains("rel_l2: missing"), o.err());
        assertEquals("", o.out(), "nothing runs on bad input");

        Files.writeString(c.resolve("tolerances.yaml"), "requirement: r\nfields:\n  /thermal/nothing: { max_abs: 1, rel_l2: 1 }\n");
        o = ValidateHarness.run("validate", "--cases", tmp.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("reference.h5: /thermal/nothing: not in the reference"), o.err());

        Files.delete(c.resolve("reference.h5"));
        o = ValidateHarness.run("validate", "--cases", tmp.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains(c.resolve("reference.h5") + ": missing reference result")
                && o.err().contains("--update-references --only vertical"), o.err());

        Files.writeString(c.resolve("reference.h5"), "not HDF5");
        o = ValidateHarness.run("validate", "--cases", tmp.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains(c.resolve("reference.h5").toString()) && o.err().contains("not an HDF5 file"), o.err());

        Files.writeString(c.resolve("case.yaml"), "name: x\nbogus: 1\n");
        o = ValidateHarness.run("validate", "--cases", tmp.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains(c.resolve("case.yaml").toString()), o.err());

        o = ValidateHarness.run("validate", "--cases", tmp.resolve("absent").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("cases folder does not exist"), o.err());

        o = ValidateHarness.run("validate", "--update-references", "--only", "slab-1d");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("analytical check"), o.err());
    }

    @Test
    void updateReferencesRewritesAndReportsWhatChanged() throws Exception {
        // First make the copy's reference this machine's own result: Math.exp/pow may differ in the last bit between
        // CPUs, and the "unchanged" rows below compare bitwise.
        Path c0 = ValidateHarness.copyCase("vertical", tmp);
        assertEquals(0, ValidateHarness.run("validate", "--cases", tmp.toString(), "--update-references", "-q").code());
        StoredFields s = StoredFields.read(c0.resolve("reference.h5"));
        s.datasets().get("/cores/temperature").values()[700] += 0.05;
        s.write(c0.resolve("reference.h5"), true);
        Path c = c0;
        ValidateHarness.Outcome o = ValidateHarness.run("validate", "--cases", tmp.toString(), "--update-references", "-q");
        assertEquals(0, o.code(), o.out() + o.err());
        String line = o.out().lines().filter(l -> l.contains("/cores/temperature")).findFirst().orElseThrow();
        assertTrue(line.contains("changed") && line.contains("max abs 0.05") && line.contains("degC"), line);
        assertTrue(o.out().lines().filter(l -> l.startsWith("vertical ") && l.contains("unchanged")).count() >= 10, o.out());
        assertTrue(o.out().contains(c.resolve("reference.h5") + ": rewritten"), o.out());
        // the rewritten reference passes, and a second update leaves the file alone
        assertEquals(0, ValidateHarness.run("validate", "--cases", tmp.toString(), "-q").code());
        o = ValidateHarness.run("validate", "--cases", tmp.toString(), "--update-references", "-q");
        assertEquals(0, o.code());
        assertTrue(o.out().contains("every field bitwise equal, left as it was"), o.out());
        // a new field in the tolerance file is reported as new and stored
        Files.writeString(c.resolve("tolerances.yaml"), Files.readString(c.resolve("tolerances.yaml"))
                + "  /thermal/power_density: { max_abs: 1.0e-3, rel_l2: 1.0e-6 }\n");
        o = ValidateHarness.run("validate", "--cases", tmp.toString(), "--update-references", "-q");
        assertTrue(o.out().lines().anyMatch(l -> l.contains("/thermal/power_density") && l.contains("new")), o.out());
        assertTrue(StoredFields.read(c.resolve("reference.h5")).datasets().containsKey("/thermal/power_density"));
        // and one no longer listed is reported as dropped and removed
        Files.writeString(c.resolve("tolerances.yaml"), Files.readString(c.resolve("tolerances.yaml"))
                .replace("  /thermal/power_density: { max_abs: 1.0e-3, rel_l2: 1.0e-6 }\n", ""));
        o = ValidateHarness.run("validate", "--cases", tmp.toString(), "--update-references", "-q");
        assertTrue(o.out().lines().anyMatch(l -> l.contains("/thermal/power_density") && l.contains("dropped")), o.out());
        assertFalse(StoredFields.read(c.resolve("reference.h5")).datasets().containsKey("/thermal/power_density"));
    }
}
