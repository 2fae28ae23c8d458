package org.wafersim.cases;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.wafersim.errors.InputException;

/**
 * Reads a case file (YAML or JSON), applies {@code --set key=value} overrides, validates every key and returns the
 * {@link CaseSpec}. Any problem is an {@link InputException} naming the source (file path, "built-in NAME" or
 * "--set"), the key path (e.g. {@code stack[1].thickness}) and the reason.
 *
 * <p>Strictness: unknown keys anywhere, duplicate keys, trailing content after the document, a dimensional value
 * without its unit, a value of the wrong dimension, out-of-range values and unknown materials are all errors.
 *
 * <p>Overrides: {@code key=value}, where the key is a dotted path with optional list indices
 * ({@code cooling.coolant.flow}, {@code stack[1].thickness}) that must exist in the schema at that place, and the
 * value is read as YAML ({@code 20 kW}, {@code 0.25}, {@code true}, {@code ["1 mm", "2 mm"]}). A value inside one
 * pair of quotes is taken as literal text; an empty value, {@code null} or {@code ~} removes the key (its default
 * applies again). Overrides are applied in order, before validation. Index {@code n} of a list of {@code n} entries
 * appends one (e.g. a new probe).
 */
public final class CaseLoader {
    private CaseLoader() { }

    /**
     * Largest case text read (characters; a file is checked by its size in bytes before it is read): 3 MiB, the
     * YAML parser's own code-point limit. A case with 1,500 probes is ~0.1 MB; big inputs (power maps, traces) live
     * in their own files.
     */
    public static final int MAX_CASE_CHARS = 3 << 20;
    /**
     * Longest line of a YAML case (characters). The YAML scanner's cost grows faster than linearly with the length
     * of one line (measured: 64 K characters 0.1-0.3 s, 256 K 1.4-2.3 s, 1 M 3.3-4.4 s, 10 M 46 s), while a line of
     * a real case is short. JSON is read by a linear parser and may be one long line.
     */
    public static final int MAX_LINE_CHARS = 64 << 10;

    /** The embedded cases, loadable with {@link #builtin(String, List)}. */
    public static final List<String> BUILTIN_NAMES = List.of("wse-default", "wse-coarse", "wse-cycle", "wse-mechanics");

    static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private static final YAMLMapper YAML_OUT = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();

    /**
     * Loads a case file: YAML for {@code .yaml}/{@code .yml}, JSON for {@code .json}.
     *
     * @param file      the case file; relative paths inside it (e.g. {@code power.map}) are relative to it
     * @param overrides {@code key=value} strings from {@code --set}, applied in order (may be null or empty)
     * @throws InputException for any problem with the file, its contents or the overrides
     */
    public static CaseSpec load(Path file, List<String> overrides) {
        String source = file.toString();
        Path fn = file.getFileName();
        String name = fn == null ? "" : fn.toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!ext.equals("yaml") && !ext.equals("yml") && !ext.equals("json")) {
            throw new InputException(source, null, "unsupported case file type"
                    + (ext.isEmpty() ? " (no extension)" : " '." + ext + "'")
                    + ": a case file must end in .yaml, .yml or .json");
        }
        String text;
        try {
            long bytes = Files.size(file);
            if (bytes > MAX_CASE_CHARS) {
                throw new InputException(source, null, String.format(Locale.ROOT, "the case file is %,d bytes, more "
                        + "than the %,d a case may have (put large data such as power maps in their own files)",
                        bytes, MAX_CASE_CHARS));
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(source, null, "cannot read case file: no such file");
        } catch (CharacterCodingException e) {
            throw new InputException(source, null, "cannot read case file: it is not UTF-8 text");
        } catch (IOException e) {
            throw new InputException(source, null, "cannot read case file: " + e.getMessage());
        }
        return parse(text, ext, source, overrides);
    }

    /**
     * Loads an embedded case ({@link #BUILTIN_NAMES}); its source is reported as "built-in NAME".
     *
     * @throws InputException for an unknown name (listing the known ones) or bad overrides
     */
    public static CaseSpec builtin(String name, List<String> overrides) {
        return parse(builtinText(name), "yaml", "built-in " + name, overrides);
    }

    /** The embedded cases' names. */
    public static List<String> builtinNames() { return BUILTIN_NAMES; }

    /** The YAML text (with its source comments) of an embedded case, e.g. to write it out as a starting point. */
    public static String builtinText(String name) {
        if (name == null || !BUILTIN_NAMES.contains(name)) {
            throw new InputException(null, null, "unknown built-in case '" + name + "'"
                    + (name == null ? "" : Suggest.didYouMean(name, BUILTIN_NAMES))
                    + "; built-in cases: " + String.join(", ", BUILTIN_NAMES));
        }
        try (InputStream in = CaseLoader.class.getResourceAsStream(name + ".yaml")) {
            if (in == null) throw new IllegalStateException("built-in case resource missing: " + name + ".yaml");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses case text.
     *
     * @param text       the case text
     * @param format     "yaml", "yml" or "json" (case-insensitive)
     * @param sourceName the name used in messages and stored as {@link CaseSpec#source()} (a file path, or e.g.
     *                   "built-in wse-default")
     * @param overrides  {@code key=value} strings, applied in order (may be null or empty)
     */
    public static CaseSpec parse(String text, String format, String sourceName, List<String> overrides) {
        String fmt = format == null ? "" : format.toLowerCase(Locale.ROOT);
        boolean yaml;
        switch (fmt) {
            case "yaml", "yml" -> yaml = true;
            case "json" -> yaml = false;
            default -> throw new InputException(sourceName, null, "unknown case format '" + format
                    + "': use yaml or json");
        }
        Overrides ov = Overrides.parse(overrides);
        if (text != null && text.startsWith("\uFEFF")) text = text.substring(1);   // byte-order mark
        if (text == null) text = "";
        checkSize(text, sourceName, yaml);
        // YAML aliases resolved as YAML defines them (the tree parser alone would read *x as the text "x")
        JsonNode tree = readTree(yaml ? YAML : JSON, yaml ? YamlAliases.expand(text, sourceName) : text, sourceName,
                yaml ? "YAML" : "JSON");
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new InputException(sourceName, null, "the case is empty; it must be a mapping with at least the"
                    + " keys name, wafer, dies, cores, stack, power and cooling");
        }
        if (!(tree instanceof ObjectNode root)) {
            throw new InputException(sourceName, null, "the case must be a mapping of keys (name, wafer, dies, ...),"
                    + " got " + CaseReader.describe(tree));
        }
        ov.applyTo(root, sourceName);
        return new CaseReader(sourceName, ov.origins()).read(root);
    }

    /** Refuses a case text too large or with too long a line before the parser sees it (its cost would not be linear). */
    static void checkSize(String text, String source, boolean yaml) {
        if (text.length() > MAX_CASE_CHARS) {
            throw new InputException(source, null, String.format(Locale.ROOT, "the case text is %,d characters, more "
                    + "than the %,d a case may have", text.length(), MAX_CASE_CHARS));
        }
        if (!yaml) return;
        int line = 1, start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > MAX_LINE_CHARS) {
                    throw new InputException(source, null, String.format(Locale.ROOT, "line %d is %,d characters "
                            + "long, more than the %,d a YAML case line may have (JSON has no line limit)", line,
                            i - start, MAX_LINE_CHARS));
                }
                line++;
                start = i + 1;
            }
        }
    }

    /** {@code " (did you mean 'x'?)"} for a name close to an embedded case's, or an empty string. */
    public static String suggestBuiltin(String name) {
        return name == null ? "" : Suggest.didYouMean(name, BUILTIN_NAMES);
    }

    private static JsonNode readTree(ObjectMapper mapper, String text, String source, String formatName) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            int[] lc = lineColumn(e);
            String where = lc == null ? "" : " at line " + lc[0] + ", column " + lc[1];
            String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (msg.startsWith("Duplicate field '")) {
                String key = msg.substring("Duplicate field '".length(), msg.length() - 1);
                String path = e.getProcessor() instanceof JsonParser p ? pathOf(p.getParsingContext()) : null;
                return throwDuplicate(source, path, key, where);
            }
            throw new InputException(source, null, "malformed " + formatName + where + ": " + describeParseError(e), e);
        }
    }

    private static JsonNode throwDuplicate(String source, String path, String key, String where) {
        throw new InputException(source, path == null || path.isEmpty() ? key : path,
                "duplicate key '" + key + "'" + where + " (each key may appear only once)");
    }

    /** Line and column (1-based) of a parse error, or null. */
    private static int[] lineColumn(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
                return new int[] {m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1};
            }
        }
        JsonLocation loc = e.getLocation();
        if (loc == null || loc.getLineNr() < 1) return null;
        return new int[] {loc.getLineNr(), Math.max(1, loc.getColumnNr())};
    }

    /** A one-line reason for a YAML/JSON syntax error, without Jackson's internals. */
    static String describeParseError(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException m) {
                String problem = m.getProblem() == null ? "syntax error" : m.getProblem();
                if (m.getContext() != null && m.getContextMark() != null) {
                    problem += " (" + m.getContext() + " started at line " + (m.getContextMark().getLine() + 1)
                            + ", column " + (m.getContextMark().getColumn() + 1) + ")";
                }
                return problem;
            }
        }
        String msg = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        if (msg.startsWith("Trailing token")) {
            return "unexpected content after the end of the case (a case file holds exactly one document)";
        }
        msg = msg.replaceAll("\\[Source: .*?; line: (\\d+), column: (\\d+)]", "line $1, column $2");
        int nl = msg.indexOf('\n');
        return (nl < 0 ? msg : msg.substring(0, nl)).trim();
    }

    /** The key path of a parser position, e.g. {@code cooling.coolant.h} or {@code stack[2].name}. */
    private static String pathOf(JsonStreamContext ctx) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) parts.addFirst("." + c.getCurrentName());
            else if (c.inArray()) parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
        }
        String s = String.join("", parts);
        return s.startsWith(".") ? s.substring(1) : s;
    }

    /** YAML text of a tree (used for {@link CaseSpec#resolvedText()}). */
    static String toYaml(JsonNode tree) {
        try {
            return YAML_OUT.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the resolved case", e);
        }
    }
}
