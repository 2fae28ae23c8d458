package org.wafersim.validation.regression;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.errors.InputException;

class ToleranceFileTest {
    @TempDir Path dir;

    Path write(String text) throws IOException {
        Path p = dir.resolve("tolerances.yaml");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsDatasetsAndAttributes() throws IOException {
        ToleranceFile.Tolerances file = ToleranceFile.read(write("""
                # comment
                requirement: the steady field of a small wafer
                fields:
                  /thermal/temperature: { max_abs: 1.0e-5, rel_l2: 1e-7 }
                  /thermal/heat_paths@total_W: { max_abs: 0, rel_l2: 0 }
                """));
        assertEquals("the steady field of a small wafer", file.requirement());
        List<FieldTolerance> t = file.fields();
        assertEquals(2, t.size());
        assertEquals(new FieldPath("/thermal/temperature", null), t.get(0).field());
        assertEquals(1e-5, t.get(0).maxAbs());
        assertEquals(1e-7, t.get(0).relL2());
        assertEquals(new FieldPath("/thermal/heat_paths", "total_W"), t.get(1).field());
    }

    void bad(String text, String... fragments) throws IOException {
        Path p = write(text);
        InputException e = assertThrows(InputException.class, () -> ToleranceFile.read(p));
        assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
        for (String f : fragments) assertTrue(e.getMessage().contains(f), e.getMessage());
    }

    @Test
    void strict() throws IOException {
        bad("requirement: r\nfields:\n  /a/b: { max_abs: 1, rel_l2: 1, max: 2 }\n", "fields./a/b.max", "unknown key");
        bad("requirement: r\nfields:\n  /a/b: { max_abs: 1 }\n", "fields./a/b.rel_l2", "missing");
        bad("requirement: r\nfields:\n  /a/b: { max_abs: -1, rel_l2: 1 }\n", ">= 0");
        bad("requirement: r\nfields:\n  /a/b: { max_abs: lots, rel_l2: 1 }\n", "not a number");
        bad("requirement: r\nfields:\n  a/b: { max_abs: 1, rel_l2: 1 }\n", "not a field path");
        bad("requirement: r\nfield:\n  /a/b: { max_abs: 1, rel_l2: 1 }\n", "unknown key");
        bad("requirement: r\nfields: {}\n", "at least one field");
        bad("requirement: r\nfields:\n  /a/b: { max_abs: 1, rel_l2: 1 }\n  /a/b: { max_abs: 1, rel_l2: 1 }\n", "malformed YAML");
        bad("requirement: r\nfields: [\n", "malformed YAML");
        bad("fields:\n  /a/b: { max_abs: 1, rel_l2: 1 }\n", "requirement", "missing");
        bad("requirement: '  '\nfields:\n  /a/b: { max_abs: 1, rel_l2: 1 }\n", "requirement", "missing");
        bad("requirement: [a]\nfields:\n  /a/b: { max_abs: 1, rel_l2: 1 }\n", "requirement", "missing");
        Path missing = dir.resolve("nothing.yaml");
        InputException e = assertThrows(InputException.class, () -> ToleranceFile.read(missing));
        assertTrue(e.getMessage().contains("does not exist"));
    }

    @Test
    void fieldPaths() {
        assertEquals(new FieldPath("/mesh", "active_k"), FieldPath.parse("/mesh@active_k"));
        assertNull(FieldPath.parse("/"));
        assertNull(FieldPath.parse("/a@"));
        assertNull(FieldPath.parse("/a@b@c"));
        assertNull(FieldPath.parse("thermal/temperature"));
    }
}
