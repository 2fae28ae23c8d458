package org.wafersim.validation.regression;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wafersim.errors.InputException;

/**
 * Reads a regression case's {@code tolerances.yaml}, strictly (an unknown key, a missing or negative tolerance,
 * a malformed field path, a missing requirement is an {@link InputException} naming the file and the key):
 * <pre>
 * requirement: what the case pins, in one line (shown by validate --list)
 * fields:
 *   /thermal/temperature:          { max_abs: 1.0e-4, rel_l2: 1.0e-6 }   # degC
 *   /thermal/heat_paths@total_W:   { max_abs: 1.0e-6, rel_l2: 1.0e-9 }   # an attribute
 * </pre>
 * {@code max_abs} is in the field's own units; {@code rel_l2} is dimensionless.
 */
public final class ToleranceFile {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> ENTRY_KEYS = Set.of("max_abs", "rel_l2");
    private static final Set<String> TOP_KEYS = Set.of("requirement", "fields");

    private ToleranceFile() { }

    /** A tolerance file: the requirement the case verifies and the compared fields in file order. */
    public record Tolerances(String requirement, List<FieldTolerance> fields) { }

    public static Tolerances read(Path file) {
        String src = file.toString();
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new InputException(src, null, "tolerance file does not exist");
        } catch (JsonProcessingException e) {
            throw new InputException(src, null, "malformed YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(src, null, "cannot read the tolerance file: " + e.getMessage());
        }
        if (root == null || !root.isObject())
            throw new InputException(src, null, "must be a mapping with the keys 'requirement' and 'fields'");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!TOP_KEYS.contains(k))
                throw new InputException(src, k, "unknown key; the top-level keys are 'requirement' and 'fields'");
        }
        JsonNode req = root.get("requirement");
        if (req == null || !req.isTextual() || req.textValue().isBlank())
            throw new InputException(src, "requirement", "missing: one line saying what the case pins and why");
        JsonNode fields = root.get("fields");
        if (fields == null || !fields.isObject() || fields.isEmpty())
            throw new InputException(src, "fields", "must map at least one field path to {max_abs, rel_l2}");
        List<FieldTolerance> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = "fields." + e.getKey();
            FieldPath path = FieldPath.parse(e.getKey());
            if (path == null)
                throw new InputException(src, key, "not a field path: use /group/dataset or /group/dataset@attribute");
            JsonNode v = e.getValue();
            if (!v.isObject()) throw new InputException(src, key, "must be a mapping {max_abs: ..., rel_l2: ...}");
            for (Iterator<String> ks = v.fieldNames(); ks.hasNext(); ) {
                String k = ks.next();
                if (!ENTRY_KEYS.contains(k))
                    throw new InputException(src, key + "." + k, "unknown key; expected max_abs and rel_l2");
            }
            out.add(new FieldTolerance(path, number(v, "max_abs", src, key), number(v, "rel_l2", src, key)));
        }
        return new Tolerances(req.textValue().trim(), List.copyOf(out));
    }

    /** A non-negative finite number (YAML may give {@code 1e-4} as text: it is parsed too). */
    private static double number(JsonNode entry, String name, String src, String key) {
        JsonNode n = entry.get(name);
        if (n == null) throw new InputException(src, key + "." + name, "missing");
        double v;
        if (n.isNumber()) v = n.doubleValue();
        else if (n.isTextual()) {
            try {
                v = Double.parseDouble(n.textValue().trim());
            } catch (NumberFormatException ex) {
                throw new InputException(src, key + "." + name, "not a number: '" + n.textValue() + "'");
            }
        } else throw new InputException(src, key + "." + name, "must be a number, got " + n.getNodeType());
        if (!Double.isFinite(v) || v < 0)
            throw new InputException(src, key + "." + name, "must be a finite number >= 0, got " + v);
        return v;
    }
}
