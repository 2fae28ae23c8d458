package org.wafersim.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wafersim.cases.CaseReader.Q;
import org.wafersim.cases.CaseReader.Section;
import org.wafersim.cases.CaseSpec.*;
import org.wafersim.cases.BoundarySpec.*;
import org.wafersim.cases.SourceSpec.*;
import org.wafersim.units.Dimension;

/**
 * Reads {@code boundaries} (general boundary conditions on any face) and {@code sources} (fixed heat sources
 * anywhere). Each type takes exactly its own keys: a key the type does not use is an error. Where a face or box lies
 * on the grid (which faces exist, whether a box holds solid) is checked when the grid is built.
 */
final class BoundaryReader {
    private final CaseReader r;

    BoundaryReader(CaseReader r) { this.r = r; }

    /** Most entries of {@code boundaries}: each is a heat path, and the budget holds at most 127 paths. */
    static final int MAX_BOUNDARIES = 100;

    /** The keys each boundary type needs (every other value key is refused). */
    private static final Map<BoundaryType, List<String>> NEEDS = Map.of(
            BoundaryType.CONVECTION, List.of("h", "ambient"),
            BoundaryType.FIXED_TEMPERATURE, List.of("temperature"),
            BoundaryType.FLUX, List.of("flux"),
            BoundaryType.POWER, List.of("power"),
            BoundaryType.ADIABATIC, List.of(),
            BoundaryType.RESISTANCE, List.of("resistance", "ambient"),
            BoundaryType.RADIATION, List.of("emissivity", "surroundings"));
    private static final List<String> VALUE_KEYS = List.of("h", "ambient", "temperature", "flux", "power",
            "resistance", "emissivity", "surroundings");

    List<BoundarySpec> readBoundaries(Section top, List<LayerSpec> stack) {
        JsonNode n = top.raw("boundaries");
        if (n == null) return List.of();
        if (!n.isArray()) throw r.error("boundaries", "boundaries must be a list of {face, type, ...}, got "
                + CaseReader.describe(n));
        CaseSchema.Obj shape = (CaseSchema.Obj) ((CaseSchema.ListOf) CaseSchema.ROOT.keys().get("boundaries")).element();
        if (n.size() > MAX_BOUNDARIES)
            throw r.error("boundaries", "at most " + MAX_BOUNDARIES + " boundary conditions (each is a heat path of its"
                    + " own), got " + n.size());
        ArrayNode out = top.out.putArray("boundaries");
        List<BoundarySpec> list = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            String key = "boundaries[" + i + "]";
            Section s = r.new Section(key, n.get(i), shape, "");
            BoxFace face = s.choice("face", BoxFace::fromKey);
            String layer = s.has("layer") ? layer(s, "layer", stack) : null;
            if (layer == null) s.raw("layer");
            BoxSpec region = s.has("region") ? box(s.section("region", false)) : null;
            if (region == null) s.raw("region");
            BoundaryType type = s.choice("type", BoundaryType::fromKey);
            List<String> needs = NEEDS.get(type);
            for (String k : VALUE_KEYS) {
                if (!needs.contains(k) && s.has(k))
                    throw r.error(s.sub(k), k + " is not used by a " + type.key + " condition" + (needs.isEmpty()
                            ? " (it takes no value)" : " (it takes " + String.join(", ", needs) + ")"));
            }
            double[] v = new double[VALUE_KEYS.size()];
            java.util.Arrays.fill(v, Double.NaN);
            for (int k = 0; k < VALUE_KEYS.size(); k++) {
                String name = VALUE_KEYS.get(k);
                if (needs.contains(name)) {
                    Q q = name.equals("emissivity") ? s.number(name, null) : s.quantity(name, null);
                    v[k] = q.v();
                } else {
                    s.raw(name);
                }
            }
            double temperature = type == BoundaryType.RADIATION ? v[7]
                    : type == BoundaryType.FIXED_TEMPERATURE ? v[2] : v[1];
            boolean replace = s.bool("replace");
            s.done();
            out.add(s.out);
            list.add(new BoundarySpec(key, layer, face, region, type, v[0], temperature, v[3], v[4], v[5], v[6],
                    replace));
        }
        return list;
    }

    List<SourceSpec> readSources(Section top, List<LayerSpec> stack, String source) {
        JsonNode n = top.raw("sources");
        if (n == null) return List.of();
        if (!n.isArray()) throw r.error("sources", "sources must be a list of {layer | box | map, density | power"
                + " | flux}, got " + CaseReader.describe(n));
        CaseSchema.Obj shape = (CaseSchema.Obj) ((CaseSchema.ListOf) CaseSchema.ROOT.keys().get("sources")).element();
        ArrayNode out = top.out.putArray("sources");
        List<SourceSpec> list = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            String key = "sources[" + i + "]";
            Section s = r.new Section(key, n.get(i), shape, "");
            List<String> where = new ArrayList<>();
            for (String k : List.of("layer", "box", "map")) if (s.has(k)) where.add(k);
            if (where.size() != 1)
                throw r.error(key, where.isEmpty() ? "a source needs where it is: layer (with face: a surface"
                        + " source), box or map" : "give one of layer, box and map, not " + String.join(" and ", where));
            String layer = s.has("layer") ? layer(s, "layer", stack) : null;
            if (layer == null) s.raw("layer");
            BoxSpec box = s.has("box") ? box(s.section("box", false)) : null;
            if (box == null) s.raw("box");
            BoxFace face = null;
            if (s.has("face")) {
                if (layer == null) throw r.error(s.sub("face"), "face makes a surface source on a layer's face: give"
                        + " it with layer");
                face = s.choice("face", BoxFace::fromKey);
            } else {
                s.raw("face");
            }
            SourceMapSpec map = null;
            if (s.has("map")) {
                Section m = s.section("map", false);
                String file = m.text("file"), ds = m.text("dataset");
                String x = m.text("x"), y = m.text("y"), z = m.text("z");
                m.done();
                if (!java.nio.file.Files.isRegularFile(CaseSpec.inputPath(source, file)))
                    throw r.error(m.sub("file"), "no such file: " + CaseReader.abbreviate(file) + " (relative to the"
                            + " case file)");
                map = new SourceMapSpec(CaseSpec.inputPath(source, file).toString(), ds, x, y, z);
            } else {
                s.raw("map");
            }
            // the amount: a map carries its own; a surface takes flux or power, a volume density or power
            List<String> allowed = map != null ? List.of() : face != null ? List.of("flux", "power")
                    : List.of("density", "power");
            List<String> given = new ArrayList<>();
            for (String k : List.of("density", "power", "flux")) {
                if (!s.has(k)) { s.raw(k); continue; }
                if (!allowed.contains(k))
                    throw r.error(s.sub(k), k + " is not used by " + (map != null ? "a map source (the map holds the"
                            + " density)" : face != null ? "a surface source (it takes flux or power)"
                            : "a volume source (it takes density or power)"));
                given.add(k);
            }
            if (map == null && given.size() != 1)
                throw r.error(key, given.isEmpty() ? "a source needs its amount: " + String.join(" or ", allowed)
                        : "give one of " + String.join(" and ", given) + ", not both");
            double density = Double.NaN, power = Double.NaN, flux = Double.NaN;
            if (given.contains("density")) density = s.quantity("density", null).v();
            if (given.contains("power")) power = s.quantity("power", null).v();
            if (given.contains("flux")) flux = s.quantity("flux", null).v();
            s.done();
            out.add(s.out);
            list.add(new SourceSpec(key, layer, box, face, map, density, power, flux));
        }
        return list;
    }

    private String layer(Section s, String k, List<LayerSpec> stack) {
        String name = s.text(k);
        List<String> names = stack.stream().map(LayerSpec::name).toList();
        if (!names.contains(name))
            throw r.error(s.sub(k), "unknown layer '" + name + "'" + Suggest.didYouMean(name, names) + "; layers: "
                    + String.join(", ", names));
        return name;
    }

    /** A box: each axis given a pair [from, to] of lengths with from < to; axes left out are unbounded. */
    private BoxSpec box(Section b) {
        double[] v = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        String[] axes = {"x", "y", "z"};
        boolean any = false;
        for (int a = 0; a < 3; a++) {
            JsonNode n = b.raw(axes[a]);
            if (n == null) continue;
            any = true;
            String p = b.sub(axes[a]);
            if (!n.isArray() || n.size() != 2)
                throw r.error(p, axes[a] + " must be a list [from, to] of two lengths, got " + CaseReader.describe(n)
                        + (n.isArray() ? " of " + n.size() + " entries" : ""));
            Q lo = r.quantityOf(n.get(0), p + "[0]", Dimension.LENGTH), hi = r.quantityOf(n.get(1), p + "[1]", Dimension.LENGTH);
            r.check(hi.v() > lo.v(), hi, axes[a] + " must run from a lower to a higher value (" + lo.text() + " first)");
            v[2 * a] = lo.v();
            v[2 * a + 1] = hi.v();
            b.out.set(axes[a], n.deepCopy());
        }
        if (!any) throw r.error(b.path, "a box needs at least one of x, y, z as [from, to]");
        b.done();
        return new BoxSpec(v[0], v[1], v[2], v[3], v[4], v[5]);
    }
}
