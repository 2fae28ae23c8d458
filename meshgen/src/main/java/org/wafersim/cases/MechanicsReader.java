package org.wafersim.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wafersim.cases.CaseReader.Q;
import org.wafersim.cases.CaseReader.Section;
import org.wafersim.cases.CaseSpec.AnalysisSpec;
import org.wafersim.cases.CaseSpec.LayerSpec;
import org.wafersim.cases.CaseSpec.LayerTreatment;
import org.wafersim.cases.CaseSpec.MechanicsSpec;
import org.wafersim.cases.CaseSpec.OperatingState;
import org.wafersim.cases.CaseSpec.Point;
import org.wafersim.cases.CaseSpec.SupportSpec;
import org.wafersim.cases.CaseSpec.SupportType;
import org.wafersim.cases.CaseSpec.WaferSpec;
import org.wafersim.materials.Material;
import org.wafersim.materials.MaterialLibrary;
import org.wafersim.materials.MechanicalRole;
import org.wafersim.materials.Property;
import org.wafersim.units.Dimension;
import org.wafersim.units.Units;

/**
 * Reads the {@code mechanics} block into a {@link MechanicsSpec}: stress-free temperature, the spacing of the
 * mechanics grid, the treatment of every layer (plate, bonded or sliding interface), the support and the operating
 * states. Every key is optional; the scalar keys, the support type and the states get their defaults written into
 * the resolved case, {@code layers} is written only as given (the defaults follow the stack's materials, so a later
 * {@code --set stack[i].material=...} still changes them).
 *
 * <p>What is written is always checked. What follows from defaults (the treatments implied by the materials) and
 * the elastic constants the solver will need are checked only when {@code analysis.mechanics} is true, so that a
 * thermal-only case with materials that make no sense mechanically still runs.
 */
final class MechanicsReader {
    /** Points closer than this fraction of the support layer's larger side count as the same point. */
    static final double SAME_POINT = 1e-9;
    /** Bosses whose largest distance from one line is below this fraction of the layer's larger side are collinear. */
    static final double COLLINEAR = 1e-6;

    private final CaseReader r;

    MechanicsReader(CaseReader r) { this.r = r; }

    /**
     * @param m        the mechanics block (empty when absent)
     * @param analysis {@code analysis.mechanics} switches on the checks of defaults and elastic constants
     * @param wafer    the wafer (its size bounds the spacing; layers are centred on it)
     * @param stack    the layers, top to bottom
     * @param lib      the case's material library
     */
    MechanicsSpec read(Section m, AnalysisSpec analysis, WaferSpec wafer, List<LayerSpec> stack, MaterialLibrary lib) {
        boolean mech = analysis.mechanics();
        Q stressFree = m.quantity("stress_free");
        Q spacing = m.quantity("spacing");
        double waferSide = Math.min(wafer.sizeX(), wafer.sizeY());
        r.check(spacing.v() <= waferSide, spacing, "spacing must not exceed the wafer size ("
                + CaseReader.mm(waferSide) + ")");

        Map<String, LayerTreatment> layers = layers(m, mech, stack, lib);
        SupportSpec support = support(m.section("support", false), wafer, stack, layers);
        LoadSpec load = new MechanicsLoadReader(r).read(m, analysis, stressFree.v());
        List<OperatingState> states;
        HistorySpec history;
        if (load.prescribed()) {
            // a prescribed field is the one state: the thermal operating states and the history do not apply
            for (String k : List.of("states", "history")) {
                reject(m, k, k + " applies to mechanics.load.type: thermal (the run's thermal operating states); a "
                        + load.type().key() + " load is solved once, as the state 'load'");
            }
            states = List.of();
            history = HistorySpec.DEFAULT;
        } else {
            states = states(m);
            history = history(m);
        }
        CornerSpec corner = corner(m.optionalSection("corner"), mech, wafer, stack, layers);
        m.done();
        return new MechanicsSpec(stressFree.v(), spacing.v(), layers, support, states, history, corner, load);
    }

    /**
     * {@code mechanics.corner}: off unless {@code enabled}; its other keys apply only when it is on, and it needs the
     * mechanics and a connector (a bonded layer right below the wafer). A given centre must lie on the wafer, and the
     * box around it inside the layer below the connector (the board), whose plate solution drives the box's faces.
     */
    private CornerSpec corner(Section c, boolean mech, WaferSpec wafer, List<LayerSpec> stack,
                              Map<String, LayerTreatment> layers) {
        if (c == null) return CornerSpec.DEFAULT;
        boolean on = c.bool("enabled");
        if (!on) {
            for (String k : List.of("size", "resolution", "at"))
                reject(c, k, k + " applies when mechanics.corner.enabled is true");
            c.done();
            return CornerSpec.DEFAULT;
        }
        if (!mech) {
            throw r.error(c.sub("enabled"), "the corner model is part of the mechanics: it needs analysis.mechanics:"
                    + " true (or set mechanics.corner.enabled: false)");
        }
        int w = -1;
        for (int i = 0; i < stack.size(); i++) if (stack.get(i).isWafer()) w = i;
        if (w < 0 || w + 2 >= stack.size() || layers.get(stack.get(w + 1).name()) != LayerTreatment.BONDED) {
            throw r.error(c.sub("enabled"), "the corner model needs a connector: a bonded layer right below the wafer"
                    + " with a plate below it" + (w >= 0 && w + 1 < stack.size() ? " ('" + stack.get(w + 1).name()
                    + "' is " + layers.get(stack.get(w + 1).name()).key() + ")" : ""));
        }
        Q size = c.quantity("size");
        Q res = c.quantity("resolution");
        r.check(size.v() <= Math.min(wafer.sizeX(), wafer.sizeY()), size, "size must not exceed the wafer ("
                + CaseReader.mm(Math.min(wafer.sizeX(), wafer.sizeY())) + ")");
        r.check(res.v() <= size.v() / 4, res, "resolution must be at most a quarter of size ("
                + CaseReader.mm(size.v() / 4) + "): the box needs a few elements across");
        CaseSpec.Point at = null;
        JsonNode n = c.raw("at");
        LayerSpec below = stack.get(w + 2);
        if (n == null) {
            // the default centre is the plate's worst connector point, anywhere on the wafer: the box must fit
            // around every point of it
            double over = Math.min(below.sizeX() - wafer.sizeX(), below.sizeY() - wafer.sizeY()) / 2;
            r.check(size.v() / 2 <= over, size, "the corner box around the most strained connector point (which may lie"
                    + " anywhere on the wafer) reaches beyond layer '" + below.name() + "', which overhangs the wafer by "
                    + CaseReader.mm(Math.max(over, 0)) + ": size must be at most twice that, or give mechanics.corner.at");
        }
        if (n != null) {
            String ap = c.sub("at");
            if (!n.isArray() || n.size() != 2) {
                throw r.error(ap, "at is a point [x, y] of two lengths, got " + CaseReader.describe(n)
                        + (n.isArray() ? " of " + n.size() + " entries" : ""));
            }
            Q x = r.quantityOf(n.get(0), ap + "[0]", Dimension.LENGTH);
            Q y = r.quantityOf(n.get(1), ap + "[1]", Dimension.LENGTH);
            if (x.v() < 0 || x.v() > wafer.sizeX() || y.v() < 0 || y.v() > wafer.sizeY()) {
                throw r.error(ap, "the corner box's centre (" + x.text() + ", " + y.text() + ") lies outside the wafer,"
                        + " which spans 0 .. " + CaseReader.mm(wafer.sizeX()) + " in x and 0 .. "
                        + CaseReader.mm(wafer.sizeY()) + " in y");
            }
            LayerSpec b = below;
            double bx0 = (wafer.sizeX() - b.sizeX()) / 2, by0 = (wafer.sizeY() - b.sizeY()) / 2, h = size.v() / 2;
            if (x.v() - h < bx0 || x.v() + h > bx0 + b.sizeX() || y.v() - h < by0 || y.v() + h > by0 + b.sizeY()) {
                throw r.error(ap, "the corner box (" + CaseReader.mm(size.v()) + " around (" + x.text() + ", "
                        + y.text() + ")) reaches beyond layer '" + b.name() + "', which spans x "
                        + CaseReader.mm(bx0) + " .. " + CaseReader.mm(bx0 + b.sizeX()) + ", y " + CaseReader.mm(by0)
                        + " .. " + CaseReader.mm(by0 + b.sizeY()) + ": the plate solution below the connector drives"
                        + " the box's faces; move it or make it smaller");
            }
            at = new CaseSpec.Point(x.v(), y.v());
            c.out.set("at", n.deepCopy());
        }
        c.done();
        return new CornerSpec(true, size.v(), res.v(), at);
    }

    /**
     * {@code mechanics.history}: {@code count} (whole number, 2 .. {@link HistorySpec#MAX_COUNT}) or {@code times}
     * (a list of distinct times &gt;= 0), not both. Whether the times lie inside the run is checked by
     * {@link #checkHistory} once the run's length is known.
     */
    private HistorySpec history(Section m) {
        Section h = m.optionalSection("history");
        if (h == null) return HistorySpec.DEFAULT;
        List<Double> times = new ArrayList<>();
        JsonNode n = h.raw("times");
        String path = h.sub("times");
        if (n != null) {
            if (!n.isArray() || n.isEmpty()) {
                throw r.error(path, "times must be a non-empty list of times, e.g. [\"0 s\", \"10 min\", \"4 h\"], got "
                        + (n.isArray() ? "an empty list" : CaseReader.describe(n)));
            }
            if (h.has("count")) {
                throw r.error(h.sub("count"), "count applies to the automatic placement; give either count or times");
            }
            for (int i = 0; i < n.size(); i++) {
                Q q = r.quantityOf(n.get(i), path + "[" + i + "]", Dimension.TIME);
                r.check(q.v() >= 0, q, "an output time must be >= 0");
                if (times.contains(q.v())) throw r.error(q.path(), "output time " + q.text() + " is given twice");
                times.add(q.v());
            }
            times.sort(null);
            h.out.set("times", n.deepCopy());
            h.raw("count");
            h.done();
            return new HistorySpec(times.size(), times, true);
        }
        int count = h.integer("count");
        h.done();
        return new HistorySpec(count, List.of(), true);
    }

    /**
     * The output times of {@code mechanics.history} against the run: refused in a steady run (no history), and
     * each time must lie in the periodic cycle (0 .. period, the period excluded: it is the cycle's start again) or
     * in the transient run (0 .. end).
     */
    void checkHistory(MechanicsSpec m, CaseSpec.AnalysisSpec analysis, CaseSpec.CyclingSpec cycling,
                      TransientSpec transientSpec) {
        HistorySpec h = m.history();
        if (!h.given()) return;
        if (analysis.thermal() == CaseSpec.ThermalAnalysis.STEADY) {
            throw r.error("mechanics.history", "mechanics.history applies to analysis.thermal: transient or cycle"
                    + " (a steady run has no temperature history); remove it or change the analysis");
        }
        boolean cycle = analysis.thermal() == CaseSpec.ThermalAnalysis.CYCLE;
        double end = cycle ? cycling.period() : transientSpec.end();
        for (int i = 0; i < h.times().size(); i++) {
            double t = h.times().get(i);
            if (cycle ? !(t < end) : !(t <= end)) {
                throw r.error("mechanics.history.times", String.format(java.util.Locale.ROOT, "output time %s lies"
                        + " outside the run: %s", TransientReader.time(t), cycle ? "a cycle run's output times are"
                        + " phases within the periodic cycle, 0 .. " + TransientReader.time(end) + " (the period,"
                        + " excluded)" : "the transient run spans 0 .. " + TransientReader.time(end)));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ layers

    private Map<String, LayerTreatment> layers(Section m, boolean mech, List<LayerSpec> stack, MaterialLibrary lib) {
        String path = m.sub("layers");
        List<String> names = stack.stream().map(LayerSpec::name).toList();
        Map<String, LayerTreatment> explicit = new LinkedHashMap<>();
        JsonNode given = m.raw("layers");
        if (given != null) {
            if (!given.isObject()) {
                throw r.error(path, "layers must be a mapping of layer name to plate | bonded | sliding, e.g."
                        + " {tim: sliding}, got " + CaseReader.describe(given));
            }
            List<String> allowed = ((CaseSchema.Leaf) ((CaseSchema.MapOf) m.shape.keys().get("layers")).value())
                    .choices();
            for (Iterator<Map.Entry<String, JsonNode>> it = given.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = e.getKey();
                String p = path + "." + name;
                if (!names.contains(name)) {
                    throw r.error(p, "unknown layer '" + name + "'" + Suggest.didYouMean(name, names) + "; layers: "
                            + String.join(", ", names));
                }
                JsonNode v = e.getValue();
                LayerTreatment t = v != null && v.isTextual() ? LayerTreatment.fromKey(v.textValue()) : null;
                if (t == null) {
                    String shown = v != null && v.isTextual() ? "'" + v.textValue() + "'" : CaseReader.describe(v);
                    throw r.error(p, "unknown layer treatment " + shown
                            + (v != null && v.isTextual() ? Suggest.didYouMean(v.textValue(), allowed) : "")
                            + "; allowed: " + String.join(" | ", allowed));
                }
                explicit.put(name, t);
            }
            m.out.set("layers", given.deepCopy());
        }

        Map<String, LayerTreatment> resolved = new LinkedHashMap<>();
        List<Material> materials = new ArrayList<>();
        for (LayerSpec l : stack) {
            Material mat = lib.get(l.material());
            materials.add(mat);
            LayerTreatment t = explicit.get(l.name());
            resolved.put(l.name(), t != null ? t : LayerTreatment.defaultFor(mat));
        }
        checkStructure(path, stack, resolved, explicit, materials, mech);
        if (mech) {
            for (int i = 0; i < stack.size(); i++) {
                checkElastic(path, stack.get(i), materials.get(i), resolved.get(stack.get(i).name()),
                        explicit.containsKey(stack.get(i).name()));
            }
        }
        return resolved;
    }

    /**
     * The order of the treatments: a plate somewhere, plates at the top and the bottom, no two interfaces
     * together. A violation is reported when the mechanics runs, or when a treatment involved was written.
     */
    private void checkStructure(String path, List<LayerSpec> stack, Map<String, LayerTreatment> resolved,
                                Map<String, LayerTreatment> explicit, List<Material> materials, boolean mech) {
        int n = stack.size();
        if (!resolved.containsValue(LayerTreatment.PLATE) && (mech || !explicit.isEmpty())) {
            List<String> list = new ArrayList<>();
            for (LayerSpec l : stack) list.add(l.name() + " (" + resolved.get(l.name()).key() + ")");
            String first = explicit.isEmpty() ? stack.get(0).name() : explicit.keySet().iterator().next();
            throw r.error(path + "." + first, "no plate layer: the mechanics needs at least one plate (a layer"
                    + " with membrane and bending stiffness); layers: " + String.join(", ", list));
        }
        for (int end = 0; end < 2; end++) {
            int i = end == 0 ? 0 : n - 1;
            LayerSpec l = stack.get(i);
            LayerTreatment t = resolved.get(l.name());
            if (t.isInterface() && (mech || explicit.containsKey(l.name()))) {
                throw r.error(path + "." + l.name(), "layer '" + l.name() + "' is the " + (end == 0 ? "first (top)"
                        : "last (bottom)") + " layer of the stack and cannot be " + t.key()
                        + origin(l, t, explicit, materials.get(i))
                        + ": an interface (bonded or sliding) needs a layer on each side; make it a plate");
            }
        }
        for (int i = 0; i + 1 < n; i++) {
            LayerSpec a = stack.get(i), b = stack.get(i + 1);
            LayerTreatment ta = resolved.get(a.name()), tb = resolved.get(b.name());
            if (!ta.isInterface() || !tb.isInterface()) continue;
            boolean ea = explicit.containsKey(a.name()), eb = explicit.containsKey(b.name());
            if (!(mech || ea || eb)) continue;
            LayerSpec at = eb || !ea ? b : a;
            throw r.error(path + "." + at.name(), "interface layers '" + a.name() + "' (" + ta.key()
                    + origin(a, ta, explicit, materials.get(i)) + ") and '" + b.name() + "' (" + tb.key()
                    + origin(b, tb, explicit, materials.get(i + 1)) + ") are adjacent: an interface (bonded or"
                    + " sliding) joins the plates above and below it, so two interfaces must not touch");
        }
    }

    /** ", the default for material m (...)" when the treatment was not written. */
    private static String origin(LayerSpec l, LayerTreatment t, Map<String, LayerTreatment> explicit, Material m) {
        if (explicit.containsKey(l.name())) return "";
        String why = m.mechanicalRole() == MechanicalRole.SLIDING ? "mechanical role sliding"
                : t == LayerTreatment.BONDED ? "category connector" : "mechanical role " + m.mechanicalRole().key();
        return ", the default for material " + m.name() + " (" + why + ")";
    }

    /** With the mechanics on: a role, elastic constants for a plate or bonded layer, Poisson ratios below 0.5. */
    private void checkElastic(String path, LayerSpec l, Material m, LayerTreatment t, boolean written) {
        String p = path + "." + l.name();
        String who = "layer '" + l.name() + "' (material " + m.name() + (l.isWafer() ? ", from wafer.material" : "")
                + ")";
        if (m.mechanicalRole() == MechanicalRole.NONE) {
            throw r.error(p, who + ": the material has no mechanical role (mechanics: none, e.g. a fluid), so the"
                    + " layer cannot take part in the mechanics; use a solid material or set analysis.mechanics:"
                    + " false");
        }
        if (t == LayerTreatment.SLIDING) return;    // transmits pressure only: needs no elastic constants
        List<String> missing = new ArrayList<>();
        for (String k : List.of("youngs_modulus", "poisson_ratio", "cte")) {
            if (m.property(k).isEmpty()) missing.add(k);
        }
        if (!m.hasElasticConstants() || !missing.isEmpty()) {
            String lacks = missing.isEmpty() ? "its mechanical role is " + m.mechanicalRole().key()
                    + " (set mechanics: solid in a material based on it)"
                    : "missing " + String.join(", ", missing) + "; mechanical role " + m.mechanicalRole().key();
            throw r.error(p, who + " is " + t.key() + (written ? "" : " (the default)") + ", but " + m.name()
                    + " has no elastic constants (" + lacks + "): a " + t.key() + " layer needs youngs_modulus,"
                    + " poisson_ratio and cte; define a material with them under 'materials' (e.g. {base: "
                    + m.name() + ", mechanics: solid, youngs_modulus: ..., poisson_ratio: ..., cte: ...})"
                    + (m.mechanicalRole() == MechanicalRole.SLIDING ? ", or make the layer sliding" : ""));
        }
        for (String k : List.of("poisson_ratio", "poisson_ratio_through")) {
            Optional<Property> nu = m.property(k);
            if (nu.isEmpty()) continue;
            double[] max = maximum(nu.get());
            if (max[0] >= 0.5) {
                String v = CaseReader.num(max[0]);
                throw r.error(p, who + ": " + k + " is " + v + (nu.get().isConstant() ? ""
                        : " at " + Units.format(max[1], Dimension.TEMPERATURE)) + "; Poisson ratio " + v
                        + " >= 0.5 needs a hybrid (mixed displacement-pressure) formulation, which wafersim's plate"
                        + " model does not have");
            }
        }
    }

    /** {largest value, temperature (K) where it occurs} of a property over its range. */
    private static double[] maximum(Property p) {
        double best = p.at(Property.NOMINAL_TEMPERATURE_K), where = Property.NOMINAL_TEMPERATURE_K;
        if (p.isConstant()) return new double[]{best, where};
        double lo = p.minTemperature(), hi = p.maxTemperature();
        int steps = 256;
        for (int i = 0; i <= steps; i++) {
            double t = lo + (hi - lo) * i / steps;
            double v = p.at(t);
            if (v > best) {
                best = v;
                where = t;
            }
        }
        return new double[]{best, where};
    }

    // ----------------------------------------------------------------------------------------------- support

    private SupportSpec support(Section s, WaferSpec wafer, List<LayerSpec> stack,
                                Map<String, LayerTreatment> layers) {
        SupportType type = s.choice("type", SupportType::fromKey);
        if (type != SupportType.EDGES) {
            reject(s, "edges", "edges applies only to type: edges (the condition of each edge of the outline)");
            reject(s, "in_plane", "in_plane applies only to type: edges with a simply_supported edge");
        }
        if (type == SupportType.FREE) {
            reject(s, "layer", "layer applies only to type: clamped, bosses or edges (a free stack has no support"
                    + " layer)");
            reject(s, "at", "at applies only to type: bosses");
            s.done();
            return SupportSpec.FREE;
        }
        List<String> names = stack.stream().map(LayerSpec::name).toList();
        String layer = s.text("layer", stack.get(stack.size() - 1).name());
        LayerSpec l = stack.stream().filter(x -> x.name().equals(layer)).findFirst().orElse(null);
        if (l == null) {
            throw r.error(s.sub("layer"), "unknown layer '" + layer + "'" + Suggest.didYouMean(layer, names)
                    + "; layers: " + String.join(", ", names));
        }
        LayerTreatment t = layers.get(layer);
        if (t != LayerTreatment.PLATE) {
            throw r.error(s.sub("layer"), "the support layer '" + layer + "' is " + t.key() + "; a support holds a"
                    + " plate layer");
        }
        List<Point> points = List.of();
        EdgeSupports edges = null;
        if (type == SupportType.CLAMPED) {
            reject(s, "at", "at applies only to type: bosses (clamped holds the whole rim of the layer)");
        } else if (type == SupportType.EDGES) {
            reject(s, "at", "at applies only to type: bosses (edges holds edges of the outline)");
            edges = edges(s, wafer, stack, l);
        } else {
            points = bosses(s, wafer, l);
        }
        s.done();
        return new SupportSpec(type, layer, points, edges);
    }

    /**
     * {@code support.edges} and {@code in_plane}: the edges of the box around every layer (layers are centred on the
     * wafer); a clamped or simply supported edge holds the support layer, which must therefore reach it.
     */
    private EdgeSupports edges(Section s, WaferSpec wafer, List<LayerSpec> stack, LayerSpec held) {
        Section e = s.section("edges", true);
        java.util.EnumMap<EdgeSupports.Edge, EdgeSupports.Kind> map = new java.util.EnumMap<>(EdgeSupports.Edge.class);
        double ox0 = Double.MAX_VALUE, ox1 = -Double.MAX_VALUE, oy0 = Double.MAX_VALUE, oy1 = -Double.MAX_VALUE;
        for (LayerSpec l : stack) {
            ox0 = Math.min(ox0, (wafer.sizeX() - l.sizeX()) / 2);
            ox1 = Math.max(ox1, (wafer.sizeX() + l.sizeX()) / 2);
            oy0 = Math.min(oy0, (wafer.sizeY() - l.sizeY()) / 2);
            oy1 = Math.max(oy1, (wafer.sizeY() + l.sizeY()) / 2);
        }
        boolean simple = false;
        for (EdgeSupports.Edge edge : EdgeSupports.Edge.values()) {
            EdgeSupports.Kind k = e.choice(edge.key(), EdgeSupports.Kind::fromKey);
            map.put(edge, k);
            simple |= k == EdgeSupports.Kind.SIMPLY_SUPPORTED;
            if (k != EdgeSupports.Kind.CLAMPED && k != EdgeSupports.Kind.SIMPLY_SUPPORTED) continue;
            double reach = switch (edge) {
                case XMIN -> (wafer.sizeX() - held.sizeX()) / 2 - ox0;
                case XMAX -> ox1 - (wafer.sizeX() + held.sizeX()) / 2;
                case YMIN -> (wafer.sizeY() - held.sizeY()) / 2 - oy0;
                case YMAX -> oy1 - (wafer.sizeY() + held.sizeY()) / 2;
            };
            if (reach > SAME_POINT * Math.max(ox1 - ox0, oy1 - oy0)) {
                throw r.error(e.sub(edge.key()), "a " + k.key() + " edge holds the support layer '" + held.name()
                        + "', which stops " + CaseReader.mm(reach) + " short of the outline's " + edge.key()
                        + " edge (the box around all layers spans x " + CaseReader.mm(ox0) + " .. "
                        + CaseReader.mm(ox1) + ", y " + CaseReader.mm(oy0) + " .. " + CaseReader.mm(oy1)
                        + "); choose a support layer that reaches it (mechanics.support.layer)");
            }
        }
        e.done();
        boolean held2;
        if (simple) {
            held2 = "held".equals(s.choice("in_plane"));
        } else {
            reject(s, "in_plane", "in_plane applies only to simply_supported edges, and no edge is simply_supported");
            held2 = false;
        }
        return new EdgeSupports(map, held2);
    }

    private List<Point> bosses(Section s, WaferSpec wafer, LayerSpec l) {
        String ap = s.sub("at");
        JsonNode at = s.raw("at");
        if (at == null) {
            throw r.error(ap, "missing required key 'at' (the boss positions, a list of [x, y] points, e.g."
                    + " [[\"10 mm\", \"10 mm\"], [\"240 mm\", \"10 mm\"], [\"125 mm\", \"240 mm\"]])");
        }
        if (!at.isArray()) {
            throw r.error(ap, "at must be a list of [x, y] points, got " + CaseReader.describe(at));
        }
        double x0 = (wafer.sizeX() - l.sizeX()) / 2, x1 = x0 + l.sizeX();
        double y0 = (wafer.sizeY() - l.sizeY()) / 2, y1 = y0 + l.sizeY();
        double scale = Math.max(l.sizeX(), l.sizeY());
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < at.size(); i++) {
            String pp = ap + "[" + i + "]";
            JsonNode e = at.get(i);
            if (!e.isArray() || e.size() != 2) {
                throw r.error(pp, "a boss is a point [x, y] of two lengths, got " + CaseReader.describe(e)
                        + (e.isArray() ? " of " + e.size() + " entries" : ""));
            }
            Q x = r.quantityOf(e.get(0), pp + "[0]", Dimension.LENGTH);
            Q y = r.quantityOf(e.get(1), pp + "[1]", Dimension.LENGTH);
            if (x.v() < x0 || x.v() > x1 || y.v() < y0 || y.v() > y1) {
                throw r.error(pp, "boss at (" + x.text() + ", " + y.text() + ") lies outside layer '" + l.name()
                        + "', which spans x " + CaseReader.mm(x0) + " .. " + CaseReader.mm(x1) + ", y "
                        + CaseReader.mm(y0) + " .. " + CaseReader.mm(y1) + " (the wafer spans 0 .. "
                        + CaseReader.mm(wafer.sizeX()) + " in x and 0 .. " + CaseReader.mm(wafer.sizeY())
                        + " in y; layers are centred on it)");
            }
            Point p = new Point(x.v(), y.v());
            for (int j = 0; j < points.size(); j++) {
                Point q = points.get(j);
                if (Math.hypot(p.x() - q.x(), p.y() - q.y()) <= SAME_POINT * scale) {
                    throw r.error(pp, "duplicate boss (the same point as " + ap + "[" + j + "])");
                }
            }
            points.add(p);
        }
        s.out.set("at", at.deepCopy());
        String why = null;
        if (points.size() < 3) {
            why = points.size() + (points.size() == 1 ? " boss" : " bosses");
        } else if (collinear(points, scale)) {
            why = points.size() + " bosses all on one line";
        }
        if (why != null) {
            throw r.error(ap, "supports leave rigid-body motion unconstrained: " + why + " on layer '" + l.name()
                    + "'; at least three not on one line are needed");
        }
        return points;
    }

    /** Whether every point lies within {@link #COLLINEAR} x scale of the line through the two farthest apart. */
    static boolean collinear(List<Point> points, double scale) {
        Point a = null, b = null;
        double best = -1;
        for (int i = 0; i < points.size(); i++) {
            for (int j = i + 1; j < points.size(); j++) {
                Point p = points.get(i), q = points.get(j);
                double d = Math.hypot(p.x() - q.x(), p.y() - q.y());
                if (d > best) {
                    best = d;
                    a = p;
                    b = q;
                }
            }
        }
        if (a == null || best <= 0) return true;
        double dx = b.x() - a.x(), dy = b.y() - a.y();
        for (Point p : points) {
            double dist = Math.abs(dx * (p.y() - a.y()) - dy * (p.x() - a.x())) / best;
            if (dist > COLLINEAR * scale) return false;
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------------ states

    private List<OperatingState> states(Section m) {
        String path = m.sub("states");
        JsonNode n = m.raw("states");
        List<String> allowed = CaseReader.keys(OperatingState.values(), OperatingState::key);
        if (n == null) {
            ArrayNode out = m.out.putArray("states");
            for (OperatingState s : MechanicsSpec.DEFAULT_STATES) out.add(s.key());
            return MechanicsSpec.DEFAULT_STATES;
        }
        if (!n.isArray() || n.isEmpty()) {
            throw r.error(path, "states must be a non-empty list of operating states (" + String.join(" | ", allowed)
                    + "), e.g. [full, idle], got " + (n.isArray() ? "an empty list" : CaseReader.describe(n)));
        }
        List<OperatingState> states = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            String p = path + "[" + i + "]";
            JsonNode e = n.get(i);
            OperatingState s = e.isTextual() ? OperatingState.fromKey(e.textValue()) : null;
            if (s == null) {
                throw r.error(p, "unknown operating state " + (e.isTextual() ? "'" + e.textValue() + "'"
                        + Suggest.didYouMean(e.textValue(), allowed) : CaseReader.describe(e)) + "; allowed: "
                        + String.join(" | ", allowed) + (e.isBoolean() ? " (YAML reads off, on, yes and no as true or"
                        + " false; quote text)" : ""));
            }
            int prev = states.indexOf(s);
            if (prev >= 0) {
                throw r.error(p, "duplicate operating state '" + s.key() + "' (also " + path + "[" + prev + "])");
            }
            states.add(s);
        }
        m.out.set("states", n.deepCopy());
        return states;
    }

    /** {@code key} does not apply here: an error if given, otherwise marked as read. */
    private void reject(Section s, String key, String reason) {
        if (s.has(key)) throw r.error(s.sub(key), reason);
        s.raw(key);
    }
}
