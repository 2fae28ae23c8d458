package org.wafersim.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.wafersim.cases.CaseLoader;

/**
 * A seeded generator of hostile case inputs: one embedded case, mutated in its tree (type confusion, missing and
 * extra keys, units stripped or of the wrong kind, 0/negative/NaN/Inf/1e308, empty and huge lists, unicode, sibling
 * swaps) and in its text (deep nesting, YAML anchors and alias bombs, duplicate keys, binary garbage, truncation,
 * tabs), sometimes as JSON, sometimes with hostile {@code --set} overrides. The same seed gives the same input, so a
 * failure is reproduced from the seed printed with it.
 */
final class CaseMutator {
    /** One generated input: the case text, its format, the overrides and what was done to it. */
    record Input(long seed, String base, String format, String text, List<String> overrides, List<String> steps) {
        @Override public String toString() {
            return "seed " + seed + " (" + base + ", " + format + "): " + String.join("; ", steps) + " overrides "
                    + overrides;
        }
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    static final String[] NUMBERS = {"0", "-0", "-1", "1e308", "-1e308", "1e-308", "4.9e-324", "1e999", ".nan",
            ".inf", "-.inf", "NaN", "Infinity", "9223372036854775808", "2147483648", "-2147483649", "1e9", "1e-9",
            "0x1F", "1_000", "007", "0.0000000000000000000001", "3.4e38"};
    static final String[] UNITS = {"", "W", "K", "kg", "s", "m^2", "Pa", "degC", "1/K", "furlong", "mil", "degF",
            "gpm", "m2", "(((m)))", "m/s/s", "J/kg*K", "%", "ppm", "°C", "µm", "m^1e308", "m^-0", "m^NaN", "mK"};
    static final String[] STRINGS = {"", " ", "\u0000", "\uFEFF", "wafer", "silicon", "copper", "é", "\u202Eevil",
            "\uD83D\uDE00", "a\u0301", "\uD800", "../../etc/passwd", "CON", "x:y", "a/b", "${HOME}", "%s%n",
            "null", "~", "true", "yes", "no", "on", "- a", "{a: 1}", "[1, 2", "'", "\"", "#x", "&a", "*a", "!!binary AA=="};
    static final String[] KEYS = {"nmae", "wafers", "power", "extra", "__proto__", "<<", "", "stack", "probes",
            "materials", "analysis", "grid", "solver", "transient", "cycling", "mechanics", "reliability", "cooling"};

    private final List<String> bases;
    private final List<String> baseTexts = new ArrayList<>();

    CaseMutator(List<String> bases) {
        this.bases = bases;
        for (String b : bases) baseTexts.add(CaseLoader.builtinText(b));
    }

    Input next(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int bi = r.nextInt(bases.size());
        List<String> steps = new ArrayList<>();
        ObjectNode tree;
        try {
            tree = (ObjectNode) YAML.readTree(baseTexts.get(bi));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        int treeMutations = r.nextInt(4);
        for (int i = 0; i < treeMutations; i++) steps.add(mutateTree(tree, r));
        boolean json = r.nextInt(5) == 0;
        String text;
        try {
            text = json ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree) : YAML.writeValueAsString(tree);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (r.nextInt(3) == 0) {
            String[] t = {text};
            steps.add(mutateText(t, r, json));
            text = t[0];
        }
        List<String> overrides = new ArrayList<>();
        if (r.nextInt(3) == 0) {
            int n = 1 + r.nextInt(3);
            List<String> paths = paths(tree);
            for (int i = 0; i < n; i++) overrides.add(override(paths, r));
            steps.add("overrides");
        }
        return new Input(seed, bases.get(bi), json ? "json" : "yaml", text, overrides, steps);
    }

    // ------------------------------------------------------------------------------------------------ tree

    /** Every path to a node, as (parent, key or index). */
    private record Site(JsonNode parent, String key, int index, String path) { }

    private static void sites(JsonNode n, String path, List<Site> out) {
        if (n instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                var e = it.next();
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                out.add(new Site(o, e.getKey(), -1, p));
                sites(e.getValue(), p, out);
            }
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                String p = path + "[" + i + "]";
                out.add(new Site(a, null, i, p));
                sites(a.get(i), p, out);
            }
        }
    }

    private static JsonNode get(Site s) {
        return s.key() != null ? s.parent().get(s.key()) : s.parent().get(s.index());
    }

    private static void set(Site s, JsonNode v) {
        if (s.key() != null) ((ObjectNode) s.parent()).set(s.key(), v);
        else ((ArrayNode) s.parent()).set(s.index(), v);
    }

    private String mutateTree(ObjectNode tree, SplittableRandom r) {
        List<Site> all = new ArrayList<>();
        sites(tree, "", all);
        Site s = all.get(r.nextInt(all.size()));
        JsonNode v = get(s);
        switch (r.nextInt(10)) {
            case 0 -> {
                if (s.key() != null) ((ObjectNode) s.parent()).remove(s.key());
                else ((ArrayNode) s.parent()).remove(s.index());
                return "remove " + s.path();
            }
            case 1 -> {
                JsonNode target = v instanceof ObjectNode ? v : s.parent();
                if (target instanceof ObjectNode o) {
                    String k = KEYS[r.nextInt(KEYS.length)];
                    o.set(k, randomValue(r));
                    return "add key " + k + " at " + s.path();
                }
                ((ArrayNode) target).add(randomValue(r));
                return "append to " + s.path();
            }
            case 2 -> {
                set(s, randomValue(r));
                return "type confusion at " + s.path();
            }
            case 3 -> {
                if (v.isTextual() && v.textValue().contains(" ")) {
                    set(s, F.textNode(v.textValue().substring(0, v.textValue().indexOf(' '))));
                    return "strip unit at " + s.path();
                }
                set(s, F.textNode(NUMBERS[r.nextInt(NUMBERS.length)]));
                return "number as text at " + s.path();
            }
            case 4 -> {
                String num = v.isTextual() && v.textValue().contains(" ") ? v.textValue().substring(0, v.textValue().indexOf(' ')) : "1";
                set(s, F.textNode(num + " " + UNITS[r.nextInt(UNITS.length)]));
                return "unit swapped at " + s.path();
            }
            case 5 -> {
                String n = NUMBERS[r.nextInt(NUMBERS.length)];
                String unit = v.isTextual() && v.textValue().contains(" ") ? v.textValue().substring(v.textValue().indexOf(' ')) : "";
                set(s, unit.isEmpty() && r.nextBoolean() ? numberNode(n) : F.textNode(n + unit));
                return "extreme " + n + " at " + s.path();
            }
            case 6 -> {
                if (v instanceof ArrayNode a) {
                    if (r.nextBoolean() || a.isEmpty()) {
                        a.removeAll();
                        return "empty list at " + s.path();
                    }
                    int n = 1 + r.nextInt(r.nextInt(10) == 0 ? 5000 : 50);
                    JsonNode first = a.get(0);
                    for (int i = 0; i < n; i++) a.add(first.deepCopy());
                    return "list of +" + n + " at " + s.path();
                }
                set(s, F.arrayNode());
                return "empty list for " + s.path();
            }
            case 7 -> {
                StringBuilder sb = new StringBuilder();
                int n = 1 + r.nextInt(r.nextInt(10) == 0 ? 100_000 : 40);
                while (sb.length() < n) sb.append(STRINGS[r.nextInt(STRINGS.length)]);
                set(s, F.textNode(sb.toString()));
                return "unicode text (" + sb.length() + " chars) at " + s.path();
            }
            case 8 -> {
                Site o = all.get(r.nextInt(all.size()));
                JsonNode ov = get(o);
                if (ov == v || ov.has(s.key() == null ? "\u0000" : s.key())) return "no swap";
                try {
                    set(s, ov.deepCopy());
                } catch (RuntimeException e) {
                    return "no swap";
                }
                return "copy " + o.path() + " to " + s.path();
            }
            default -> {
                if (v.isTextual()) {
                    String t = v.textValue();
                    int cut = t.isEmpty() ? 0 : r.nextInt(t.length());
                    set(s, F.textNode(t.substring(0, cut) + t.substring(Math.min(t.length(), cut + 1 + r.nextInt(3)))));
                    return "typo at " + s.path();
                }
                set(s, F.nullNode());
                return "null at " + s.path();
            }
        }
    }

    private static JsonNode numberNode(String n) {
        try {
            return F.numberNode(Double.parseDouble(n));
        } catch (NumberFormatException e) {
            return F.textNode(n);
        }
    }

    private static JsonNode randomValue(SplittableRandom r) {
        return switch (r.nextInt(8)) {
            case 0 -> F.numberNode(r.nextInt());
            case 1 -> F.numberNode(Double.longBitsToDouble(r.nextLong()));
            case 2 -> F.booleanNode(r.nextBoolean());
            case 3 -> F.textNode(STRINGS[r.nextInt(STRINGS.length)]);
            case 4 -> F.arrayNode().add(1).add("2 mm").add(F.objectNode());
            case 5 -> F.objectNode().put("a", 1).put("size", "1 mm");
            case 6 -> F.nullNode();
            default -> F.textNode(NUMBERS[r.nextInt(NUMBERS.length)] + " " + UNITS[r.nextInt(UNITS.length)]);
        };
    }

    // ------------------------------------------------------------------------------------------------ text

    private static String mutateText(String[] t, SplittableRandom r, boolean json) {
        String s = t[0];
        switch (r.nextInt(9)) {
            case 0 -> {
                int depth = 1 + r.nextInt(r.nextInt(4) == 0 ? 20_000 : 300);
                String nest = "[".repeat(depth) + "1" + "]".repeat(depth);
                t[0] = json ? s.replaceFirst("\\{", "{\"deep\": " + nest + ",") : "deep: " + nest + "\n" + s;
                return "nesting " + depth;
            }
            case 1 -> {
                StringBuilder b = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
                int levels = 2 + r.nextInt(8);
                for (int i = 1; i <= levels; i++) {
                    b.append("a").append(i).append(": &a").append(i).append(" [");
                    for (int j = 0; j < 9; j++) b.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
                    b.append("]\n");
                }
                t[0] = b + s;
                return "alias bomb " + levels;
            }
            case 2 -> {
                String[] lines = s.split("\n", -1);
                int i = r.nextInt(lines.length);
                List<String> l = new ArrayList<>(List.of(lines));
                l.add(i, lines[i]);
                t[0] = String.join("\n", l);
                return "duplicate line " + (i + 1);
            }
            case 3 -> {
                byte[] b = new byte[1 + r.nextInt(2000)];
                r.nextBytes(b);
                String garbage = new String(b, StandardCharsets.ISO_8859_1);
                int at = r.nextInt(s.length() + 1);
                t[0] = r.nextInt(4) == 0 ? garbage : s.substring(0, at) + garbage + s.substring(at);
                return "binary garbage " + b.length;
            }
            case 4 -> {
                t[0] = s.substring(0, r.nextInt(s.length() + 1));
                return "truncated";
            }
            case 5 -> {
                t[0] = s.replaceFirst("\n  ", "\n\t");
                return "tab indent";
            }
            case 6 -> {
                t[0] = "base: &b {h: \"1 W/(m^2*K)\"}\n" + s.replaceFirst("cooling:\n", "cooling:\n  <<: *b\n");
                return "merge key";
            }
            case 7 -> {
                int n = 1 + r.nextInt(r.nextInt(20) == 0 ? 2_000_000 : 20_000);
                t[0] = s.replaceFirst("\n", "\n# " + "x".repeat(n) + "\n");
                return "long line " + n;
            }
            default -> {
                t[0] = s + (json ? "{}" : "---\nname: second\n");
                return "second document";
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ --set

    private static List<String> paths(ObjectNode tree) {
        List<Site> all = new ArrayList<>();
        sites(tree, "", all);
        List<String> p = new ArrayList<>();
        for (Site s : all) p.add(s.path());
        return p;
    }

    private static String override(List<String> paths, SplittableRandom r) {
        String key = r.nextInt(8) == 0 ? KEYS[r.nextInt(KEYS.length)] + (r.nextBoolean() ? "[99999999999]" : ".x")
                : paths.isEmpty() ? "name" : paths.get(r.nextInt(paths.size()));
        String value = switch (r.nextInt(6)) {
            case 0 -> NUMBERS[r.nextInt(NUMBERS.length)];
            case 1 -> NUMBERS[r.nextInt(NUMBERS.length)] + " " + UNITS[r.nextInt(UNITS.length)];
            case 2 -> STRINGS[r.nextInt(STRINGS.length)];
            case 3 -> "[" + NUMBERS[r.nextInt(NUMBERS.length)] + ", \"1 mm\"]";
            case 4 -> "{a: " + NUMBERS[r.nextInt(NUMBERS.length)];
            default -> "";
        };
        return r.nextInt(20) == 0 ? key : key + "=" + value;
    }
}
