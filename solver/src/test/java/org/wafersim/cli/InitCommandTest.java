package org.wafersim.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;

/** {@code wafersim init}: the starter case is the embedded case's commented text, loads as a case, never overwrites. */
class InitCommandTest {
    @TempDir Path dir;

    @Test
    void writesEveryTemplateAsALoadableCommentedCase() throws Exception {
        for (String t : CaseLoader.builtinNames()) {
            Path f = dir.resolve(t + ".yaml");
            CliHarness.Outcome o = CliHarness.run("init", f.toString(), "--template", t);
            assertEquals(0, o.code(), o.err());
            assertTrue(o.out().contains("wrote " + f) && o.out().contains("template " + t), o.out());
            String text = Files.readString(f);
            assertEquals(CaseLoader.builtinText(t), text, "the embedded text with its comments");
            assertTrue(text.lines().anyMatch(l -> l.contains("#")), "commented");
            CaseSpec written = CaseLoader.load(f, List.of()), builtin = CaseLoader.builtin(t, List.of());
            assertEquals(builtin.name(), written.name());
            assertEquals(builtin.grid(), written.grid());
        }
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".tmp-")), "no temporary file left");
        }
    }

    @Test
    void defaultsToTheDefaultCaseInCaseYaml() throws Exception {
        Path cwdFile = dir.resolve("x").resolve("case.yaml");
        Files.createDirectories(cwdFile.getParent());
        CliHarness.Outcome o = CliHarness.run("init", cwdFile.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals(CaseLoader.builtinText("wse-default"), Files.readString(cwdFile));
    }

    @Test
    void refusesToOverwriteAndBadInputIsOneLine() throws Exception {
        Path f = dir.resolve("mine.yaml");
        Files.writeString(f, "my own case\n");
        CliHarness.Outcome o = CliHarness.run("init", f.toString());
        assertEquals(2, o.code());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("mine.yaml") && o.err().contains("--force"), o.err());
        assertEquals("my own case\n", Files.readString(f), "left as it was");
        o = CliHarness.run("init", f.toString(), "--force", "--template", "wse-coarse");
        assertEquals(0, o.code(), o.err());
        assertEquals(CaseLoader.builtinText("wse-coarse"), Files.readString(f));

        o = CliHarness.run("init", dir.resolve("a.yaml").toString(), "--template", "wse-corse");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("wse-coarse"), "did you mean / the known names: " + o.err());
        assertFalse(Files.exists(dir.resolve("a.yaml")));
        o = CliHarness.run("init", dir.resolve("a.json").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains(".yaml"), o.err());
        o = CliHarness.run("init", dir.resolve("nofolder").resolve("a.yaml").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("does not exist"), o.err());
    }
}
