package org.wafersim.badinput;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cli.CliHarness;
import org.wafersim.errors.InputException;

/**
 * Every row of {@code bad-input.yaml} (the file's head says what a row is): the case loader refuses the case naming
 * the file, the key path and the reason, and {@code wafersim} exits 2 with that message as its one error line, no
 * stack trace, and nothing written; option and file errors of the command line likewise.
 */
class BadInputTableTest {
    static final String TABLE = "/org/wafersim/badinput/bad-input.yaml";
    static final String ERROR = "wafersim: error: ";

    /** One row of the table (see its head); unused fields are null or empty. */
    record Row(String base, String file, String caseText, List<List<String>> replace, List<String> set,
               List<String> args, String key, String source, List<String> says, String reason, String found,
               List<String> cliSays) {
        String label() {
            if (!args.isEmpty()) return "wafersim " + String.join(" ", args);
            String what = key != null ? key : String.join(", ", says);
            String first = key != null && !says.isEmpty() ? ": " + says.get(0) : "";
            return (base != null ? base : file) + (set.isEmpty() ? "" : " --set " + String.join(" --set ", set)) + " -> " + what + first;
        }
    }

    @TempDir Path dir;

    static JsonNode table() {
        try (InputStream in = BadInputTableTest.class.getResourceAsStream(TABLE)) {
            assertNotNull(in, TABLE);
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Named<Row>> rows() {
        return stream(table().get("rows")).map(n -> {
            String file = text(n, "file");
            Row r = new Row(text(n, "base"), file != null ? file : "case.yaml", text(n, "case"),
                    stream(n.get("replace")).map(BadInputTableTest::strings).toList(), strings(n.get("set")),
                    strings(n.get("args")), text(n, "key"), text(n, "source"), strings(n.get("says")),
                    text(n, "reason"), text(n, "found"), strings(n.get("cli_says")));
            return Named.of(r.label(), r);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void isRefusedWithOneLineNamingTheKey(Row r) throws IOException {
        if (!r.args().isEmpty()) {
            String err = runCli(r.args().stream().map(a -> a.replace("{dir}", dir.toString())).toList());
            if (r.key() != null) assertTrue(err.contains(r.key()), "names " + r.key() + ": " + err);
            says(err, r.says());
            return;
        }
        JsonNode bases = table().get("bases");
        boolean builtin = r.base() != null && !bases.has(r.base());
        boolean fromFile = !builtin || !r.replace().isEmpty();
        Path file = dir.resolve(r.file());
        if (fromFile && r.base() != null) Files.writeString(file, caseText(bases, r), StandardCharsets.UTF_8);
        String source = fromFile ? file.toString() : "built-in " + r.base();
        List<String> args = new ArrayList<>(List.of("run", fromFile ? file.toString() : r.base(), "-o",
                dir.resolve("out.h5").toString(), "-q"));
        for (String s : r.set()) args.addAll(List.of("--set", s));

        String expected;
        if ("run".equals(r.found())) {
            // the case loads; the run refuses it before allocating or writing
            assertDoesNotThrow(() -> load(fromFile, file, r));
            expected = ERROR + source + ": " + r.key() + ": ";
        } else {
            assertNull(r.found(), "found: run is the only stage a row may name");
            InputException e = assertThrows(InputException.class, () -> load(fromFile, file, r));
            String src = r.source() == null ? source : r.source().equals("none") ? null : r.source();
            assertEquals(src, e.source(), e.getMessage());
            assertEquals(r.key(), e.keyPath(), e.getMessage());
            assertTrue(e.getMessage().startsWith((src == null ? "" : src + ": ") + (r.key() == null ? "" : r.key() + ": ")),
                    e.getMessage());
            says(e.getMessage(), r.says());
            if (r.reason() != null) assertEquals(r.reason(), e.reason(), e.getMessage());
            expected = ERROR + e.getMessage();
        }
        String err = runCli(args);
        if ("run".equals(r.found())) {
            assertTrue(err.startsWith(expected), "starts with '" + expected + "': " + err);
            says(err, r.says());
        } else if (!r.cliSays().isEmpty()) {
            says(err, r.cliSays());         // the command line resolves the case argument before the loader
        } else {
            assertEquals(expected, err, "the command line prints the loader's message");
        }
    }

    private static void load(boolean fromFile, Path file, Row r) {
        if (fromFile) CaseLoader.load(file, r.set());
        else CaseLoader.builtin(r.base(), r.set());
    }

    /** Runs the command line; checks exit code 2, one error line, no stack trace, no file written; the line. */
    private String runCli(List<String> args) throws IOException {
        List<Path> before = listing();
        CliHarness.Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> CliHarness.run(args.toArray(new String[0])), "refused before any work");
        assertEquals(2, o.code(), "exit code; stderr: " + o.err());
        String err = o.err().strip();
        assertEquals(1, err.lines().count(), "exactly one line on stderr: " + err);
        assertTrue(err.startsWith(ERROR), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        assertFalse(err.matches(".*-\\d+(\\.\\d+)? GiB.*"), "no negative estimate: " + err);
        assertEquals(before, listing(), "nothing written");
        return err;
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.sorted().toList();
        }
    }

    private static void says(String message, List<String> fragments) {
        for (String f : fragments) assertTrue(message.contains(f), "expected '" + f + "' in: " + message);
    }

    /** The row's case text: its base template with the row's (and the base's) text in place of %s, then replaced. */
    static String caseText(JsonNode bases, Row r) {
        String text;
        JsonNode b = bases.get(r.base());
        if (b == null) {
            assertNull(r.caseText(), "an embedded case takes replace, not case text");
            text = CaseLoader.builtinText(r.base());
        } else {
            String add = r.caseText() == null ? "" : r.caseText();
            while (b.has("of")) {
                add = b.get("case").asText() + "\n" + add;
                b = bases.get(b.get("of").asText());
            }
            add = add.strip();
            int indent = b.path("indent").asInt(0);
            if (indent > 0) add = add.indent(indent).stripTrailing();
            text = b.get("text").asText().formatted(add);
        }
        for (List<String> p : r.replace()) {
            assertTrue(text.contains(p.get(0)), "the case contains '" + p.get(0) + "'");
            text = text.replace(p.get(0), p.get(1));
        }
        return text;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode n) {
        return stream(n).map(JsonNode::asText).toList();
    }

    private static Stream<JsonNode> stream(JsonNode n) {
        if (n == null) return Stream.empty();
        List<JsonNode> l = new ArrayList<>();
        n.forEach(l::add);
        return l.stream();
    }
}
