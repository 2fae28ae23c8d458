package org.wafersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wafersim.cases.KeyReference;

/** {@code wafersim keys} prints the generated case-key reference, the text of docs/case-keys.md. */
class KeysCommandTest {
    @Test
    void printsTheGeneratedReference() {
        CliHarness.Outcome o = CliHarness.run("keys");
        assertEquals(0, o.code(), o.err());
        assertEquals(KeyReference.markdown(), o.out());
        assertTrue(o.out().contains("| `power.total` | a power, e.g. \"15 kW\" |"), "a row with its unit");
        assertTrue(o.out().contains("| `cooling.mode` | `vertical` \\| `lateral` \\| `edge` |"), "choices listed");
    }
}
