package org.wafersim.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With {@code --json}, a command line that picocli refuses (an unknown option, a value of the wrong type, a missing
 * option value, a surplus argument) still prints exactly one JSON object on stdout: status "bad_input", exit code 2
 * and the message of the one stderr line; nothing is written. A verb's own failures after parsing do the same.
 */
class JsonUsageErrorTest {
    @TempDir Path dir;

    private static JsonNode oneObject(String out) throws Exception {
        ObjectMapper m = new ObjectMapper();
        var it = m.readerFor(JsonNode.class).readValues(out);
        JsonNode j = (JsonNode) it.next();
        assertFalse(it.hasNext(), "more than one JSON value on stdout: " + out);
        return j;
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "--threads=many", "--threads", "extra-argument"})
    void runUsageErrorsPrintOneJsonObject(String bad) throws Exception {
        Path out = dir.resolve("r.h5");
        CliHarness.Outcome o = bad.equals("extra-argument")
                ? CliHarness.run("run", "wse-coarse", "surplus", "--json", "-o", out.toString())
                : CliHarness.run("run", "wse-coarse", "--json", "-o", out.toString(), bad);
        assertEquals(2, o.code(), o.err());
        JsonNode j = oneObject(o.out());
        assertEquals("bad_input", j.get("status").asText());
        assertEquals(2, j.get("exit_code").asInt());
        String line = o.err().strip();
        assertEquals(1, line.lines().count(), o.err());
        assertEquals("wafersim: error: " + j.get("message").asText(), line);
        assertTrue(j.has("summary") && j.get("summary").isNull(), o.out());
        assertFalse(Files.exists(out));
    }

    @Test
    void withoutJsonAUsageErrorPrintsNothingOnStdout() {
        CliHarness.Outcome o = CliHarness.run("run", "wse-coarse", "--bogus");
        assertEquals(2, o.code());
        assertEquals("", o.out());
        assertTrue(o.err().startsWith("wafersim: error: Unknown option: '--bogus'"), o.err());
    }

    @Test
    void otherVerbsAnswerInJsonToo() throws Exception {
        // a usage error of another verb with --json
        CliHarness.Outcome u = CliHarness.run("info", "--json", "--bogus");
        assertEquals(2, u.code(), u.err());
        assertEquals("bad_input", oneObject(u.out()).get("status").asText());
        // a failure after parsing (a missing result file) of a verb that prints its own JSON on success
        CliHarness.Outcome f = CliHarness.run("info", "--json", dir.resolve("missing.h5").toString());
        assertEquals(2, f.code(), f.err());
        JsonNode j = oneObject(f.out());
        assertEquals("bad_input", j.get("status").asText());
        assertTrue(j.get("message").asText().contains("missing.h5"), f.out());
        // --json after "--" is an argument, not the option: no JSON
        CliHarness.Outcome a = CliHarness.run("run", "--bogus", "--", "--json");
        assertEquals(2, a.code());
        assertEquals("", a.out());
    }
}
