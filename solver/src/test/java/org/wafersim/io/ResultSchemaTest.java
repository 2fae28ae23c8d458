package org.wafersim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The result schema is one unambiguous table, and docs/results.md shows it as generated. */
class ResultSchemaTest {
    /** A concrete path of each entry: placeholders filled with sample names (the first mechanics state and a later one). */
    private static String sample(ResultSchema e, boolean laterState) {
        String t = e.template();
        int n = (int) t.chars().filter(c -> c == '{').count();
        String[] parts = new String[n];
        for (int i = 0, at = 0; i < n; i++) {
            int b = t.indexOf('{', at), c = t.indexOf('}', b);
            parts[i] = t.substring(b + 1, c).equals("state") ? (laterState ? "/states/idle" : "") : "x" + i;
            at = c + 1;
        }
        return e.path(parts);
    }

    @Test
    void everyEntryIsFoundByItsOwnPathsAndByNoOtherEntry() {
        for (ResultSchema e : ResultSchema.values())
            for (boolean later : new boolean[]{false, true}) {
                String p = sample(e, later);
                assertEquals(Optional.of(e), ResultSchema.of(p), "the path " + p + " of " + e);
                assertTrue(p.startsWith("/") && (p.equals("/") || !p.endsWith("/")), p);
                assertEquals(e.isGroup(), e.units().isEmpty(), "groups and only groups have no units: " + e);
            }
        assertEquals("/transient/probes/centre", ResultSchema.TRANSIENT_PROBE.path("centre"));
        assertEquals("/mechanics/states/idle/slip/tim", ResultSchema.MECHANICS_SLIP.path(ResultSchema.stateGroup(1, "idle"), "tim"));
        assertEquals("/mechanics/slip/tim", ResultSchema.MECHANICS_SLIP.path(ResultSchema.stateGroup(0, "full"), "tim"));
        assertEquals("/transient/snapshots/0012/temperature",
                ResultSchema.TRANSIENT_SNAPSHOT_TEMPERATURE.path(ResultSchema.snapshotNumber(12)));
        assertThrows(IllegalStateException.class, ResultSchema.TRANSIENT_PROBE::path, "a template needs its parts");
        assertThrows(IllegalArgumentException.class, () -> ResultSchema.MESH_X.path("x"));
        assertFalse(ResultSchema.of("/thermal/temperature_2").isPresent(), "a path outside the schema");
        assertFalse(ResultSchema.of("/mechanics/states/idle/history/time").isPresent());
    }

    @Test
    void docsResultsShowsTheGeneratedTable() throws Exception {
        Path page = Path.of("..", "docs", "results.md");
        if (!Files.exists(page)) fail("docs/results.md is missing");
        String text = Files.readString(page, StandardCharsets.UTF_8);
        String generated = ResultSchemaDoc.update(text);
        if (!generated.equals(text))
            fail("docs/results.md's result table differs from org.wafersim.io.ResultSchema; regenerate with "
                    + ResultSchemaDoc.COMMAND);
        assertTrue(text.contains("| `/mechanics[/states/STATE]/connector_shear_strain` | `1` |"), "a state row");
    }
}
