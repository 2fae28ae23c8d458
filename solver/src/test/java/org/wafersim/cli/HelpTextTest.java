package org.wafersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every verb's --help renders without picocli warnings: picocli formats descriptions with String.format, so a lone
 * '%' makes it print "[picocli WARN] Could not format ..." on System.err (its tracer), once per rendering.
 */
class HelpTextTest {
    @Test
    void helpOfEveryVerbIsClean() {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            CommandLine root = Cli.commandLine();
            for (var e : root.getSubcommands().entrySet()) {
                CliHarness.Outcome o = CliHarness.run(e.getKey(), "--help");
                assertEquals(0, o.code(), e.getKey());
                assertTrue(o.out().startsWith("Usage: wafersim " + e.getKey()), e.getKey() + ": " + o.out());
                assertFalse(o.out().contains("%n") || o.out().contains("%%"), e.getKey() + " help shows a raw format: " + o.out());
            }
        } finally {
            System.setErr(saved);
        }
        String err = captured.toString(StandardCharsets.UTF_8);
        assertFalse(err.contains("picocli WARN"), err);
    }
}
