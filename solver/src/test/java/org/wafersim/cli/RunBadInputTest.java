package org.wafersim.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cases.CaseLoader;

/**
 * Bad input to {@code wafersim run}: exit code 2, one line on stderr naming the file, the key path and the reason,
 * no stack trace, and no output file left behind. One test per case (issue 2).
 */
class RunBadInputTest {
    @TempDir Path dir;

    /** The embedded default case text with one line replaced, written as a case file. */
    private Path caseWith(String find, String replace) throws IOException {
        String text = CaseLoader.builtinText("wse-default");
        assertTrue(text.contains(find), "the default case contains '" + find + "'");
        Path f = dir.resolve("case.yaml");
        Files.writeString(f, text.replace(find, replace));
        return f;
    }

    private void assertBadInput(CliHarness.Outcome o, String... fragments) throws IOException {
        assertEquals(2, o.code(), "exit code; stderr: " + o.err());
        String err = o.err().strip();
        assertEquals(1, err.lines().count(), "exactly one line on stderr: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        for (String f : fragments) assertTrue(err.contains(f), "message names '" + f + "': " + err);
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".h5") || p.toString().contains(".tmp")),
                    "no result file left behind");
        }
    }

    private CliHarness.Outcome run(Path caseFile) {
        return CliHarness.run("run", caseFile.toString(), "-o", dir.resolve("out.h5").toString(), "-q");
    }

    private CliHarness.Outcome runMechanics(Path caseFile) {
        return CliHarness.run("run", caseFile.toString(), "-o", dir.resolve("out.h5").toString(), "-q",
                "--set", "analysis.mechanics=true");
    }

    private static final String STRESS_FREE = "  stress_free: \"25 degC\"";

    @Test
    void mechanicsLayerWithoutElasticConstants() throws IOException {
        // a bonded TIM must carry shear: tim_grease has no elastic constants
        Path f = caseWith(STRESS_FREE, STRESS_FREE + "\n  layers: { tim: bonded }");
        assertBadInput(runMechanics(f), "case.yaml", "mechanics.layers.tim", "tim_grease");
    }

    @Test
    void poissonRatioOfOneHalf() throws IOException {
        Path f = caseWith("name: wse-default", "name: wse-default\nmaterials:\n  rubbery_board: { base: mainboard, "
                + "poisson_ratio: 0.5 }");
        Files.writeString(f, Files.readString(f).replace("    material: mainboard", "    material: rubbery_board"));
        assertBadInput(runMechanics(f), "case.yaml", "poisson_ratio", "0.5");
    }

    @Test
    void bossesThatLeaveARigidBodyMotionFree() throws IOException {
        Path f = caseWith(STRESS_FREE, STRESS_FREE + "\n  support: { type: bosses, at: [[\"0 mm\", \"0 mm\"], "
                + "[\"100 mm\", \"0 mm\"], [\"200 mm\", \"0 mm\"]] }");
        assertBadInput(runMechanics(f), "case.yaml", "mechanics.support", "rigid-body");
    }

    @Test
    void mechanicsMeshTooLargeForMemoryIsRefusedWithTheEstimate() throws IOException {
        Path f = caseWith(STRESS_FREE, STRESS_FREE + "\n  spacing: \"0.5 mm\"");
        assertBadInput(runMechanics(f), "case.yaml", "mechanics.spacing", "GiB");
    }

    @Test
    void malformedYaml() throws IOException {
        Path f = caseWith("  per_die: [53, 91]", "  per_die: [53, 91");
        assertBadInput(run(f), "case.yaml", "line", "column");
    }

    @Test
    void unknownKey() throws IOException {
        Path f = caseWith("    inlet: \"30 degC\"", "    inlet: \"30 degC\"\n    speed: \"2 m/s\"");
        assertBadInput(run(f), "case.yaml", "cooling.coolant.speed");
    }

    @Test
    void missingUnit() throws IOException {
        Path f = caseWith("thickness: \"0.775 mm\"", "thickness: 0.775");
        assertBadInput(run(f), "case.yaml", "wafer.thickness", "unit");
    }

    @Test
    void wrongDimensionUnit() throws IOException {
        Path f = caseWith("thickness: \"0.775 mm\"", "thickness: \"15 kW\"");
        assertBadInput(run(f), "case.yaml", "wafer.thickness", "power");
    }

    @Test
    void zeroThickness() throws IOException {
        Path f = caseWith("thickness: \"50 um\"", "thickness: \"0 um\"");
        assertBadInput(run(f), "case.yaml", "stack[1].thickness");
    }

    @Test
    void negativeThickness() throws IOException {
        Path f = caseWith("thickness: \"50 um\"", "thickness: \"-50 um\"");
        assertBadInput(run(f), "case.yaml", "stack[1].thickness");
    }

    @Test
    void unknownMaterial() throws IOException {
        Path f = caseWith("material: tim_grease", "material: unobtainium");
        assertBadInput(run(f), "case.yaml", "stack[1].material", "unobtainium");
    }

    @Test
    void gridTooLargeForMemoryIsRefusedWithTheEstimate() throws IOException {
        Path f = caseWith("cells_per_core: 1", "cells_per_core: 20");
        assertBadInput(run(f), "case.yaml", "grid.cells_per_core", "GiB");
    }

    @Test
    void outputInMissingFolder() throws IOException {
        CliHarness.Outcome o = CliHarness.run("run", "wse-coarse", "-q", "-o",
                dir.resolve("no/such/folder/out.h5").toString());
        assertBadInput(o, "out.h5", "does not exist");
    }

    @Test
    void existingResultIsNotOverwritten() throws IOException {
        Path out = dir.resolve("keep.h5");
        Files.writeString(out, "precious");
        CliHarness.Outcome o = CliHarness.run("run", "wse-coarse", "-q", "-o", out.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("keep.h5") && o.err().contains("--force"), o.err());
        assertEquals("precious", Files.readString(out));
    }

    @Test
    void badOverride() {
        CliHarness.Outcome o = CliHarness.run("run", "wse-coarse", "-q", "-o", dir.resolve("x.h5").toString(),
                "--set", "cooling.coolant.colour=blue");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("cooling.coolant.colour"), o.err());
    }

    @Test
    void missingCaseFile() {
        CliHarness.Outcome o = CliHarness.run("run", dir.resolve("nope.yaml").toString(), "-q");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("nope.yaml"), o.err());
    }
}
