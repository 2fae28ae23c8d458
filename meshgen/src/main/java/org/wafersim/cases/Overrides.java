package org.wafersim.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wafersim.errors.InputException;

/**
 * {@code --set key=value} overrides: parsed once (syntax errors are attributed to "--set"), then applied in order to
 * the case tree before validation. The key is a path such as {@code cooling.coolant.flow} or
 * {@code stack[1].thickness}; the value is read as a YAML scalar or flow collection ({@code 20 kW},
 * {@code 0.25}, {@code true}, {@code ["1 mm", "2 mm"]}). A value in one pair of quotes is taken literally as text.
 * An empty value, {@code null} or {@code ~} removes the key, so that its default applies again.
 */
final class Overrides {
    static final String SOURCE = "--set";

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_\\-]+)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    /** One step of a key path: a key, followed by zero or more list indices. */
    record Step(String key, List<Integer> indices) { }

    /** One parsed override; {@code value} is null when the key is to be removed. */
    record Override(String text, String key, List<Step> steps, JsonNode value) { }

    private final List<Override> list;

    private Overrides(List<Override> list) { this.list = list; }

    static Overrides parse(List<String> raw) {
        List<Override> out = new ArrayList<>();
        if (raw != null) for (String s : raw) out.add(parseOne(s));
        return new Overrides(out);
    }

    boolean isEmpty() { return list.isEmpty(); }

    /** Key path → override text, for messages that point at a value that came from the command line. */
    Map<String, String> origins() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Override o : list) m.put(o.key(), o.text());
        return m;
    }

    private static Override parseOne(String text) {
        if (text == null) throw new InputException(SOURCE, null, "empty override; expected key=value");
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new InputException(SOURCE, null, "bad override \"" + text
                    + "\": expected key=value, e.g. power.total=\"20 kW\" or stack[1].thickness=\"75 um\"");
        }
        String key = text.substring(0, eq).trim();
        String rawValue = text.substring(eq + 1).trim();
        if (key.isEmpty()) {
            throw new InputException(SOURCE, null, "bad override \"" + text + "\": the key before '=' is empty");
        }
        List<Step> steps = new ArrayList<>();
        for (String seg : key.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(seg);
            if (!m.matches()) {
                throw new InputException(SOURCE, key, "bad key path in override \"" + text
                        + "\": expected names separated by '.', with optional [index], e.g. stack[1].thickness");
            }
            List<Integer> idx = new ArrayList<>();
            Matcher im = INDEX.matcher(m.group(2));
            while (im.find()) {
                try {
                    idx.add(Integer.parseInt(im.group(1)));
                } catch (NumberFormatException e) {
                    throw new InputException(SOURCE, key, "list index too large in override \"" + text + "\"");
                }
            }
            steps.add(new Step(m.group(1), idx));
        }
        return new Override(text, key, steps, parseValue(text, key, rawValue));
    }

    private static JsonNode parseValue(String text, String key, String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return TextNode.valueOf(v.substring(1, v.length() - 1));
        }
        if (v.isEmpty()) return null;
        JsonNode n;
        try {
            n = CaseLoader.YAML.readTree(v);
        } catch (JsonProcessingException e) {
            throw new InputException(SOURCE, key, "cannot read the value in override \"" + text + "\": "
                    + CaseLoader.describeParseError(e) + "; quote text values, e.g. " + key + "=\"...\"");
        }
        if (n == null || n.isMissingNode() || n.isNull()) {
            // only the three spellings documented above remove a key; anything else that YAML reads as nothing
            // (a comment such as "#fff", a lone "---") is a value the user meant, so it must not vanish silently
            if (v.equals("null") || v.equals("~") || v.equals("Null") || v.equals("NULL")) return null;
            throw new InputException(SOURCE, key, "override \"" + text + "\": the value reads as nothing in YAML"
                    + (v.startsWith("#") ? " ('#' starts a comment)" : "") + "; quote it, e.g. " + key + "=\"" + v
                    + "\", or write " + key + "= (empty) to remove the key");
        }
        return n;
    }

    /** Applies every override in order to {@code root}, which must be the top-level mapping of the case. */
    void applyTo(ObjectNode root, String fileSource) {
        for (Override o : list) apply(root, o, fileSource);
    }

    private static void apply(ObjectNode root, Override o, String fileSource) {
        JsonNode cur = root;
        CaseSchema.Shape shape = CaseSchema.ROOT;
        StringBuilder path = new StringBuilder();
        List<Step> steps = o.steps();
        for (int si = 0; si < steps.size(); si++) {
            Step step = steps.get(si);
            boolean lastStep = si == steps.size() - 1;
            String here = path.length() == 0 ? "top level" : path.toString();
            // 1. the key
            CaseSchema.Shape childShape;
            if (shape instanceof CaseSchema.Obj obj) {
                childShape = obj.keys().get(step.key());
                if (childShape == null) {
                    throw new InputException(SOURCE, o.key(), "unknown key '" + step.key() + "' in override \""
                            + o.text() + "\"" + Suggest.didYouMean(step.key(), obj.names())
                            + "; allowed keys at " + here + ": " + String.join(", ", obj.names()));
                }
            } else if (shape instanceof CaseSchema.MapOf map) {
                childShape = map.value();
            } else {
                throw new InputException(SOURCE, o.key(), "override \"" + o.text() + "\": " + here + " is "
                        + CaseSchema.describe(shape) + ", it has no key '" + step.key() + "'");
            }
            if (!(cur instanceof ObjectNode on)) {
                throw new InputException(fileSource, path.toString(), "must be a mapping (cannot apply override \""
                        + o.text() + "\")");
            }
            if (path.length() > 0) path.append('.');
            path.append(step.key());
            boolean lastKey = lastStep && step.indices().isEmpty();
            if (lastKey) {
                set(on, step.key(), o);
                return;
            }
            JsonNode child = on.get(step.key());
            if (child == null || child.isNull()) {
                if (!step.indices().isEmpty()) {
                    if (!(childShape instanceof CaseSchema.ListOf)) {
                        throw new InputException(SOURCE, o.key(), "override \"" + o.text() + "\": " + path
                                + " is not a list, it cannot be indexed");
                    }
                    child = on.putArray(step.key());
                } else if (childShape instanceof CaseSchema.Obj || childShape instanceof CaseSchema.MapOf) {
                    child = on.putObject(step.key());
                } else {
                    throw new InputException(SOURCE, o.key(), "override \"" + o.text() + "\": " + path + " is "
                            + CaseSchema.describe(childShape) + ", it has no key '" + steps.get(si + 1).key() + "'");
                }
            }
            cur = child;
            shape = childShape;
            // 2. the indices
            for (int ii = 0; ii < step.indices().size(); ii++) {
                int index = step.indices().get(ii);
                boolean lastIndex = lastStep && ii == step.indices().size() - 1;
                if (!(cur instanceof ArrayNode arr)) {
                    throw new InputException(SOURCE, o.key(), "override \"" + o.text() + "\": " + path
                            + " is not a list, it cannot be indexed");
                }
                CaseSchema.Shape elemShape = shape instanceof CaseSchema.ListOf l ? l.element() : CaseSchema.ANY;
                boolean canAppend = shape instanceof CaseSchema.ListOf && index == arr.size();
                if (index > arr.size() || (index == arr.size() && !canAppend)) {
                    throw new InputException(SOURCE, o.key(), "override \"" + o.text() + "\": index " + index
                            + " is out of range, " + path + " has " + arr.size() + " entries"
                            + (shape instanceof CaseSchema.ListOf ? " (index " + arr.size() + " appends one)" : ""));
                }
                path.append('[').append(index).append(']');
                if (lastIndex) {
                    if (o.value() == null) {
                        if (index < arr.size()) arr.remove(index);
                    } else if (index < arr.size()) {
                        arr.set(index, o.value().deepCopy());
                    } else {
                        arr.add(o.value().deepCopy());
                    }
                    return;
                }
                if (index == arr.size()) arr.add(JsonNodeFactory.instance.objectNode());
                cur = arr.get(index);
                shape = elemShape;
            }
        }
    }

    private static void set(ObjectNode on, String key, Override o) {
        if (o.value() == null) on.remove(key);
        else on.set(key, o.value().deepCopy());
    }
}
