package org.wafersim.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.function.Executable;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.errors.InputException;
import org.wafersim.geometry.CoreArray;

/**
 * A small wafer for the power-source tests: 36 x 18 mm, 3 x 2 dies (pitch 12 x 9 mm), 4 x 3 cores per die, so
 * without a scribe every core is a 3 x 3 mm square, the cores form 12 global columns x 6 global rows, and core
 * (gc, gr) spans x [3 gc, 3 gc + 3] mm, y [3 gr, 3 gr + 3] mm.
 */
final class SmallWafer {
    private SmallWafer() { }

    static final String CASE = """
            name: small
            wafer: {size: ["36 mm", "18 mm"], thickness: "0.5 mm"}
            dies: {columns: 3, rows: 2, scribe: "%s"}
            cores: %s
            stack: [{name: wafer}]
            power:
              total: "%s"
            %s
            cooling: {mode: vertical, coolant: {inlet: "25 degC", flow: "30 L/min", h: "1000 W/(m^2*K)"}}
            """;

    /** Writes case.yaml into {@code dir} and loads it. */
    static CaseSpec load(Path dir, String scribe, String cores, String total, String power) throws IOException {
        return CaseLoader.load(write(dir, scribe, cores, total, power), List.of());
    }

    static CaseSpec load(Path dir, String total, String power) throws IOException {
        return load(dir, "0 mm", "{per_die: [4, 3], spare_fraction: 0}", total, power);
    }

    static Path write(Path dir, String scribe, String cores, String total, String power) throws IOException {
        Path p = dir.resolve("case.yaml");
        Files.writeString(p, CASE.formatted(scribe, cores, total, power.strip().indent(2).stripTrailing()),
                StandardCharsets.UTF_8);
        return p;
    }

    static Path file(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** Core index of global column gc, global row gr. */
    static int core(CoreArray a, int gc, int gr) {
        return a.coreIndex(a.dieIndex(gc / a.perDieX(), gr / a.perDieY()), gc % a.perDieX(), gr % a.perDieY());
    }

    static double[] power(CaseSpec c) {
        return CorePowerSources.corePower(c, CoreArray.of(c), c.power().total(), null);
    }

    /** The power sums to the case's total to 1e-12 relative; spares are idle. */
    static void checkTotal(CaseSpec c, double[] p) {
        CoreArray a = CoreArray.of(c);
        assertEquals(a.coreCount(), p.length);
        assertEquals(c.power().total(), Sums.of(p), 1e-12 * c.power().total());
        for (int i = 0; i < p.length; i++) {
            assertTrue(p[i] >= 0, "core " + i);
            if (a.isSpare(i)) assertEquals(0.0, p[i], "spare " + i);
        }
    }

    /** Fails with an InputException whose source is {@code source}, key path {@code key}, reason containing the parts. */
    static InputException fails(Executable call, Object source, String key, String... parts) {
        InputException e = assertThrows(InputException.class, call);
        String m = e.getMessage();
        assertEquals(source.toString(), e.source(), m);
        assertEquals(key, e.keyPath(), m);
        assertTrue(m.startsWith(source + ": " + (key == null ? "" : key + ": ")), m);
        for (String s : parts) assertTrue(m.contains(s), "expected '" + s + "' in: " + m);
        return e;
    }
}
