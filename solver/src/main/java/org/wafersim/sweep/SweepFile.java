package org.wafersim.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.wafersim.errors.InputException;

/**
 * Reads a sweep file (YAML). Format:
 * <pre>
 * name: cooling-vs-power        # optional; default: the file name without extension
 * base: wse-coarse              # a case file (relative to this file) or an embedded case name
 * set:                          # optional: fixed overrides for every point
 *   grid.cells_per_core: 0.05
 *   power.idle: "0.1 kW"
 * mode: product                 # product (default), zip or lhs
 * axes:                         # case key: list of values (product, zip) or [low, high] (lhs)
 *   cooling.mode: [vertical, edge]
 *   power.total: ["0.3 kW", "0.5 kW"]
 * samples: 20                   # lhs only: number of points
 * seed: 7                       # lhs only: random seed (default 1)
 * </pre>
 * Keys are checked strictly (unknown or duplicate keys are errors); whether the case keys exist is checked later,
 * by loading every point's case ({@link SweepPlan}).
 */
public final class SweepFile {
    static final Set<String> TOP_KEYS = Set.of("name", "base", "set", "mode", "axes", "samples", "seed");
    static final long DEFAULT_SEED = 1;

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private SweepFile() { }

    /** Reads and checks a sweep file; any problem is an {@link InputException} naming the file and the key. */
    public static SweepSpec read(Path file) {
        String src = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(src, null, "no such sweep file");
        } catch (IOException e) {
            throw new InputException(src, null, "cannot read the sweep file: " + e.getMessage());
        }
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new InputException(src, null, "malformed YAML" + (line > 0 ? " at line " + line : "") + ": "
                    + msg.lines().findFirst().orElse(msg));
        }
        if (!(tree instanceof ObjectNode root))
            throw new InputException(src, null, "a sweep file must be a mapping with the keys base and axes (and "
                    + "optionally name, set, mode, samples, seed)");
        return parse(root, file);
    }

    private static SweepSpec parse(ObjectNode root, Path file) {
        String src = file.toString();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!TOP_KEYS.contains(k))
                throw new InputException(src, k, "unknown key; a sweep file has the keys "
                        + String.join(", ", List.of("name", "base", "set", "mode", "axes", "samples", "seed"))
                        + " (case keys go under set: or axes:)");
        }
        String name = root.has("name") ? text(root.get("name"), src, "name") : stem(file);
        if (!name.matches("[A-Za-z0-9._+-]+"))
            throw new InputException(src, "name", "'" + name + "' is not usable as a folder name: use letters, digits, . _ + -");
        if (!root.has("base")) throw new InputException(src, "base", "missing: give a case file or an embedded case name");
        String base = text(root.get("base"), src, "base");
        Map<String, JsonNode> set = new LinkedHashMap<>();
        if (root.has("set") && !root.get("set").isNull()) {
            if (!root.get("set").isObject())
                throw new InputException(src, "set", "must be a mapping of case keys to values, e.g. power.idle: \"1 kW\"");
            root.get("set").fields().forEachRemaining(e -> set.put(e.getKey(), e.getValue()));
        }
        SweepMode mode = mode(root, src);
        List<SweepSpec.Axis> axes = axes(root, src, mode);
        for (SweepSpec.Axis a : axes)
            if (set.containsKey(a.key()))
                throw new InputException(src, "axes." + a.key(), "is also under set:; a key is either fixed or swept");
        int samples = 0;
        long seed = DEFAULT_SEED;
        if (mode == SweepMode.LHS) {
            if (!root.has("samples")) throw new InputException(src, "samples", "missing: mode lhs needs the number of points");
            JsonNode s = root.get("samples");
            if (!s.canConvertToInt() || !s.isIntegralNumber() || s.asInt() < 1)
                throw new InputException(src, "samples", "must be a whole number >= 1, got " + s);
            samples = s.asInt();
            if (root.has("seed")) {
                JsonNode sd = root.get("seed");
                if (!sd.isIntegralNumber() || !sd.canConvertToLong())
                    throw new InputException(src, "seed", "must be a whole number, got " + sd);
                seed = sd.asLong();
            }
        } else {
            for (String k : List.of("samples", "seed"))
                if (root.has(k)) throw new InputException(src, k, "only applies to mode lhs (this sweep is " + mode.key() + ")");
        }
        return new SweepSpec(file, name, base, set, mode, axes, samples, seed);
    }

    private static SweepMode mode(ObjectNode root, String src) {
        if (!root.has("mode")) return SweepMode.PRODUCT;
        String m = text(root.get("mode"), src, "mode");
        for (SweepMode s : SweepMode.values()) if (s.key().equals(m.toLowerCase(Locale.ROOT))) return s;
        throw new InputException(src, "mode", "unknown mode '" + m + "'; use product, zip or lhs");
    }

    private static List<SweepSpec.Axis> axes(ObjectNode root, String src, SweepMode mode) {
        JsonNode a = root.get("axes");
        if (a == null || a.isNull() || !a.isObject() || a.isEmpty())
            throw new InputException(src, "axes", "missing or empty: give at least one case key with a list of values,"
                    + " e.g. power.total: [\"10 kW\", \"15 kW\"]");
        List<SweepSpec.Axis> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = "axes." + e.getKey();
            JsonNode v = e.getValue();
            if (!v.isArray() || v.isEmpty())
                throw new InputException(src, where, mode == SweepMode.LHS
                        ? "must be a range [low, high], e.g. [\"10 kW\", \"20 kW\"]"
                        : "must be a non-empty list of values, e.g. [\"10 kW\", \"15 kW\"]");
            List<JsonNode> values = new ArrayList<>();
            v.forEach(values::add);
            if (mode == SweepMode.LHS && values.size() != 2)
                throw new InputException(src, where, "mode lhs takes a range [low, high] per axis, got " + values.size() + " values");
            out.add(new SweepSpec.Axis(e.getKey(), values));
        }
        if (mode == SweepMode.ZIP) {
            int n = out.get(0).values().size();
            for (SweepSpec.Axis ax : out)
                if (ax.values().size() != n)
                    throw new InputException(src, "axes." + ax.key(), "mode zip needs lists of equal length: "
                            + out.get(0).key() + " has " + n + " values, " + ax.key() + " has " + ax.values().size());
        }
        return out;
    }

    private static String text(JsonNode n, String src, String key) {
        if (n == null || !n.isValueNode() || n.isNull() || n.asText().isBlank())
            throw new InputException(src, key, "must be a non-empty text value");
        return n.asText().strip();
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
