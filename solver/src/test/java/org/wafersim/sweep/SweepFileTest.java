package org.wafersim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.errors.InputException;

class SweepFileTest {
    @TempDir Path dir;

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("study.yaml"), text);
    }

    private InputException bad(String text) throws IOException {
        Path f = file(text);
        return assertThrows(InputException.class, () -> SweepFile.read(f));
    }

    @Test
    void readsAProductSweepWithDefaults() throws IOException {
        SweepSpec s = SweepFile.read(file("""
                base: wse-coarse
                set:
                  grid.cells_per_core: 0.05
                axes:
                  cooling.mode: [vertical, edge]
                  power.total: ["0.3 kW", "0.5 kW"]
                """));
        assertEquals("study", s.name(), "name from the file name");
        assertEquals(SweepMode.PRODUCT, s.mode());
        assertEquals(2, s.axes().size());
        assertEquals("cooling.mode", s.axes().get(0).key());
        assertEquals(dir.resolve("study.out").toAbsolutePath(), s.defaultOutput());
    }

    @Test
    void readsZipAndLhs() throws IOException {
        assertEquals(SweepMode.ZIP, SweepFile.read(file("base: b\nmode: zip\naxes:\n  a: [1, 2]\n  b: [3, 4]\n")).mode());
        SweepSpec l = SweepFile.read(file("base: b\nname: lat\nmode: lhs\nsamples: 8\nseed: 3\naxes:\n  power.total: [\"10 kW\", \"20 kW\"]\n"));
        assertEquals(8, l.samples());
        assertEquals(3, l.seed());
        assertEquals("lat", l.name());
    }

    @Test
    void badFilesAreRefusedWithTheKey() throws IOException {
        InputException missing = assertThrows(InputException.class, () -> SweepFile.read(dir.resolve("nope.yaml")));
        assertTrue(missing.getMessage().contains("no such sweep file"), missing.getMessage());
        assertEquals("axis", bad("base: b\naxis:\n  a: [1]\n").keyPath(), "unknown top-level key");
        assertEquals("base", bad("axes:\n  a: [1]\n").keyPath());
        assertEquals("axes", bad("base: b\n").keyPath());
        assertEquals("axes.b", bad("base: b\nmode: zip\naxes:\n  a: [1, 2]\n  b: [3]\n").keyPath(), "zip lengths differ");
        assertEquals("axes.a", bad("base: b\nmode: lhs\nsamples: 3\naxes:\n  a: [1, 2, 3]\n").keyPath(), "lhs takes a range");
        assertEquals("samples", bad("base: b\nmode: lhs\naxes:\n  a: [1, 2]\n").keyPath());
        assertEquals("samples", bad("base: b\nsamples: 4\naxes:\n  a: [1, 2]\n").keyPath(), "samples without lhs");
        assertEquals("mode", bad("base: b\nmode: grid\naxes:\n  a: [1]\n").keyPath());
        assertEquals("axes.a", bad("base: b\nset:\n  a: 1\naxes:\n  a: [1, 2]\n").keyPath(), "fixed and swept");
        assertEquals("axes.a", bad("base: b\naxes:\n  a: 1\n").keyPath(), "not a list");
        assertTrue(bad("base: b\naxes:\n  a: [1]\n  a: [2]\n").getMessage().contains("study.yaml"), "duplicate key");
        assertTrue(bad("base: [\n").getMessage().contains("malformed YAML"));
    }
}
