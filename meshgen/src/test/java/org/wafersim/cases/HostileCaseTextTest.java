package org.wafersim.cases;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.errors.InputException;

/** Case texts and overrides that were silently misread or parsed in superlinear time (issue 13 reproducers). */
class HostileCaseTextTest {
    @Test
    void theDocumentedRemovalsStillRemove() {
        for (String v : new String[] {"", "null", "~"})
            assertDoesNotThrow(() -> CaseLoader.builtin("wse-default", List.of("cooling.edge=" + v)), v);
    }

    @Test
    void aMisspeltEmbeddedCaseGetsADidYouMean() {
        assertEquals(" (did you mean 'wse-coarse'?)", CaseLoader.suggestBuiltin("wse-corse"));
        assertEquals("", CaseLoader.suggestBuiltin("something-else"));
    }

    @Test
    void aTenMegabyteLineIsRefusedEarlyWithTheLimitNamed() {
        String text = CaseLoader.builtinText("wse-default").replace("name: wse-default",
                "name: wse-default\n# " + "x".repeat(10_000_000));
        InputException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(InputException.class, () -> CaseLoader.parse(text, "yaml", "case.yaml", List.of())));
        assertTrue(e.getMessage().contains(String.format("%,d", CaseLoader.MAX_CASE_CHARS))
                || e.getMessage().contains(String.format("%,d", CaseLoader.MAX_LINE_CHARS)), e.getMessage());
    }

    @Test
    void aLongLineWithinTheLimitParsesInTime() {
        // one line just under the limit: a quoted scalar in a comment-free position
        String text = CaseLoader.builtinText("wse-default").replace("name: wse-default",
                "name: wse-default\n# " + "x".repeat(CaseLoader.MAX_LINE_CHARS - 10));
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> CaseLoader.parse(text, "yaml", "case.yaml", List.of()));
    }

    @Test
    void aJsonCaseMayBeOneLongLine() throws Exception {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) CaseLoader.YAML.readTree(
                CaseLoader.builtinText("wse-coarse"));
        var probes = tree.putArray("probes");
        for (int i = 0; i < 1500; i++) {
            var p = probes.addObject().put("name", "p" + i).put("layer", "wafer");
            p.putArray("at").add("20 mm").add("20 mm");
        }
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(tree);
        assertFalse(json.contains("\n"));
        assertTrue(json.length() > CaseLoader.MAX_LINE_CHARS, "longer than a YAML line may be: " + json.length());
        assertEquals(1500, CaseLoader.parse(json, "json", "case.json", List.of()).probes().size());
    }

    @Test
    void aVeryLongNameIsRefusedWithAShortMessage() {
        InputException e = assertThrows(InputException.class,
                () -> CaseLoader.builtin("wse-default", List.of("name=" + "n".repeat(100_000))));
        assertEquals("name", e.keyPath());
        assertTrue(e.getMessage().length() < 400, "short: " + e.getMessage().length());
    }
}
