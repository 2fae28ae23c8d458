package org.wafersim.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The key tests' fixture: a small case text with {@code %s} where a test puts its keys (indented by {@code indent}
 * spaces when they go inside a block), written as case.yaml into the test's folder and loaded.
 */
record SmallCase(String template, int indent) {
    /** 3 x 2 dies of 4 x 3 cores (a tenth of them spares) on a 36 mm x 18 mm wafer, one layer; keys at the top level. */
    static final SmallCase WAFER = new SmallCase("""
            name: small-wafer
            wafer: {size: ["36 mm", "18 mm"], thickness: "0.5 mm"}
            dies: {columns: 3, rows: 2}
            cores: {per_die: [4, 3], spare_fraction: 0.1}
            stack: [{name: wafer}]
            power: {total: "600 W", idle: "200 W"}
            cooling: {mode: vertical, coolant: {inlet: "25 degC", flow: "30 L/min", h: "1000 W/(m^2*K)"}}
            %s
            """);

    SmallCase(String template) { this(template, 0); }

    String text(String more) {
        String m = more.strip();
        return template.formatted(indent > 0 ? m.indent(indent).stripTrailing() : m);
    }

    CaseSpec load(Path dir, String more, String... overrides) {
        Path p = dir.resolve("case.yaml");
        try {
            Files.writeString(p, text(more), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CaseLoader.load(p, List.of(overrides));
    }

    /** The case read back from its resolved text: the same case and the same text. */
    static CaseSpec readBack(CaseSpec c) {
        CaseSpec again = CaseLoader.parse(c.resolvedText(), "yaml", "again.yaml", List.of());
        CaseLoaderTest.assertSameCase(c, again);
        assertEquals(c.resolvedText(), again.resolvedText());
        return again;
    }
}
