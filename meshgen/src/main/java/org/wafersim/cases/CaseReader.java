package org.wafersim.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.wafersim.cases.CaseSpec.AnalysisSpec;
import org.wafersim.cases.BoundarySpec;
import org.wafersim.cases.SourceSpec;
import org.wafersim.cases.CaseSpec.CoolingSpec;
import org.wafersim.cases.CaseSpec.CoresSpec;
import org.wafersim.cases.CaseSpec.CyclingSpec;
import org.wafersim.cases.CaseSpec.DiesSpec;
import org.wafersim.cases.CaseSpec.GridSpec;
import org.wafersim.cases.CaseSpec.LayerSpec;
import org.wafersim.cases.CaseSpec.MechanicsSpec;
import org.wafersim.cases.PowerSpec;
import org.wafersim.cases.CaseSpec.ProbeSpec;
import org.wafersim.cases.CaseSpec.SolverSpec;
import org.wafersim.cases.CaseSpec.ThermalAnalysis;
import org.wafersim.cases.CaseSpec.WaferSpec;
import org.wafersim.errors.InputException;
import org.wafersim.materials.MaterialLibrary;
import org.wafersim.units.Dimension;
import org.wafersim.units.Units;

/**
 * Walks the case tree (after overrides), checks every key against {@link CaseSchema}, converts every value to SI
 * and builds the {@link CaseSpec}. While reading it writes the resolved case (values as given, defaults filled in)
 * into a parallel tree, which becomes {@link CaseSpec#resolvedText()}.
 *
 * <p>Every error is an {@link InputException} naming the source, the key path and the reason; when the value came
 * from a {@code --set} override, the message says so.
 */
final class CaseReader {
    /** Names that end up in file names and HDF5 paths. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    /**
     * Range of any layer (and the wafer): thicker than 1 m or wider than 2 m is not a package but a typo (a unit
     * slip such as "6e9 mm"); outside it the grid's z faces and the plate model lose their meaning in double precision.
     */
    static final double MAX_THICKNESS_M = 1.0, MAX_SIZE_M = 2.0;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    // Defaults live in the key table (CaseSchema); reference-data section D, sources in wse-default.yaml.

    private final String source;
    private final Map<String, String> origins;

    /** The case file's name, for messages and for resolving files it names. */
    String source() { return source; }

    CaseReader(String source, Map<String, String> origins) {
        this.source = source;
        this.origins = origins;
    }

    // ------------------------------------------------------------------------------------------------ errors

    InputException error(String path, String reason) {
        return new InputException(source, path, reason + originNote(path));
    }

    InputException rekey(InputException e, String path) {
        InputException r = e.under(path);
        String note = originNote(r.keyPath());
        if (note.isEmpty()) note = originNote(path);
        return new InputException(source, r.keyPath(), r.reason() + note, e);
    }

    /** " (set by --set k=v)" when the value at {@code path} (or around it) came from an override. */
    private String originNote(String path) {
        if (origins.isEmpty() || path == null) return "";
        List<String> hits = new ArrayList<>();
        for (Map.Entry<String, String> o : origins.entrySet()) {
            String k = o.getKey();
            if (path.equals(k) || under(path, k) || under(k, path)) hits.add(o.getValue());
        }
        if (hits.isEmpty()) return "";
        return " (from --set " + abbreviate(String.join(", --set ", hits)) + ")";
    }

    private static boolean under(String path, String prefix) {
        return path.startsWith(prefix + ".") || path.startsWith(prefix + "[");
    }

    InputException missing(String path, String key, String what) {
        return error(path, "missing required key '" + key + "'" + (what == null ? "" : " (" + what + ")"));
    }

    static String describe(JsonNode n) {
        if (n == null || n.isNull()) return "nothing";
        if (n.isTextual()) return "\"" + abbreviate(n.textValue()) + "\"";
        if (n.isNumber()) return "the number " + n.asText();
        if (n.isBoolean()) return n.asText();
        if (n.isArray()) return "a list";
        if (n.isObject()) return "a mapping";
        return n.toString();
    }

    /** A user's text for a one-line message: at most 60 characters, the rest elided. */
    static String abbreviate(String t) {
        return t == null || t.length() <= 60 ? t : t.substring(0, 57) + "...";
    }

    /** A number for messages: 6 significant digits, no trailing zeros. */
    static String num(double v) {
        if (!Double.isFinite(v)) return Double.toString(v);
        if (v == 0) return "0";
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** A number for the resolved text: exact (shortest round-trip form), no trailing zeros. */
    static String exact(double v) {
        if (v == 0) return "0";
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static String mm(double metres) { return num(metres * 1e3) + " mm"; }

    /** "a length, e.g. \"0.775 mm\"" */
    static String what(Dimension d) {
        return d.label() + ", e.g. \"" + d.example() + "\"";
    }

    // ------------------------------------------------------------------------------------------- values

    /** A parsed dimensional or dimensionless value: SI value, the text as written, and its key path. */
    record Q(double v, String text, String path) { }

    Q quantityOf(JsonNode n, String path, Dimension dim) {
        String key = path.substring(Math.max(path.lastIndexOf('.'), path.lastIndexOf('[')) + 1);
        if (n.isNumber()) {
            throw error(path, "missing unit: " + key + " is the bare number " + n.asText() + "; expected "
                    + dim.label() + " with its unit, such as \"" + dim.example() + "\"");
        }
        if (!n.isTextual()) {
            throw error(path, "expected " + what(dim) + ", got " + describe(n));
        }
        String text = n.textValue();
        double v;
        try {
            v = Units.parse(text, dim);
        } catch (InputException e) {
            throw rekey(e, path);
        }
        if (!Double.isFinite(v)) throw error(path, key + " must be a finite value, got " + text);
        return new Q(v, text, path);
    }

    Q numberOf(JsonNode n, String path) {
        if (n.isNumber()) {
            double v = n.doubleValue();
            if (!Double.isFinite(v)) throw error(path, "must be a finite number, got " + n.asText());
            return new Q(v, n.asText(), path);
        }
        if (n.isTextual()) {
            try {
                return new Q(Units.parse(n.textValue(), Dimension.DIMENSIONLESS), n.textValue(), path);
            } catch (InputException e) {
                throw rekey(e, path);
            }
        }
        throw error(path, "expected a number, got " + describe(n));
    }

    int intOf(JsonNode n, String path) {
        if (n.isIntegralNumber()) {
            if (!n.canConvertToInt()) throw error(path, "the number " + n.asText() + " is too large");
            return n.intValue();
        }
        if (n.isNumber()) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE) return (int) d;
            throw error(path, "expected a whole number, got " + n.asText());
        }
        throw error(path, "expected a whole number, got " + describe(n));
    }

    String textOf(JsonNode n, String path) {
        if (!n.isTextual()) {
            throw error(path, "expected text, got " + describe(n) + (n.isValueNode() ? "; put it in quotes" : ""));
        }
        return n.textValue();
    }

    void check(boolean ok, Q q, String reason) {
        if (!ok) throw error(q.path(), reason + ", got " + q.text());
    }

    static String last(String path) {
        return path.substring(Math.max(path.lastIndexOf('.'), path.lastIndexOf('[')) + 1);
    }

    /**
     * One mapping of the case: checks its keys against the schema on construction, reads values (recording which
     * keys were used) and writes the resolved values into {@link #out}.
     */
    final class Section {
        final String path;
        final ObjectNode in;
        final ObjectNode out = F.objectNode();
        final CaseSchema.Obj shape;
        private final Set<String> used = new HashSet<>();

        Section(String path, JsonNode node, CaseSchema.Obj shape, String hint) {
            this.path = path;
            this.shape = shape;
            if (node == null || node.isNull()) {
                in = F.objectNode();
            } else if (node instanceof ObjectNode on) {
                in = on;
            } else {
                throw error(path, "expected a mapping with keys " + String.join(", ", shape.names()) + ", got "
                        + describe(node));
            }
            for (Iterator<String> it = in.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!shape.keys().containsKey(k)) throw unknownKey(k, hint);
            }
        }

        InputException unknownKey(String k, String hint) {
            return error(sub(k), "unknown key '" + k + "'" + Suggest.didYouMean(k, shape.names()) + "; allowed keys"
                    + (path.isEmpty() ? "" : " in " + path) + ": " + String.join(", ", shape.names()) + hint);
        }

        String sub(String key) { return path.isEmpty() ? key : path + "." + key; }

        boolean has(String key) {
            JsonNode n = in.get(key);
            return n != null && !n.isNull();
        }

        /** The raw value (null when absent or explicitly null); marks the key as used. */
        JsonNode raw(String key) {
            if (!shape.keys().containsKey(key)) throw new IllegalStateException("not in schema: " + sub(key));
            used.add(key);
            JsonNode n = in.get(key);
            return n == null || n.isNull() ? null : n;
        }

        /** A nested mapping; absent → an empty section (so that defaults apply), or an error if required. */
        Section section(String key, boolean required) {
            JsonNode n = raw(key);
            if (n == null && required) throw missing(sub(key), key, "a mapping with keys "
                    + String.join(", ", ((CaseSchema.Obj) shape.keys().get(key)).names()));
            Section s = new Section(sub(key), n, (CaseSchema.Obj) shape.keys().get(key), "");
            out.set(key, s.out);
            return s;
        }

        /** A nested mapping that has no defaults: null when absent. */
        Section optionalSection(String key) {
            return raw(key) == null ? null : section(key, false);
        }

        /** The key's row in the key table. */
        CaseSchema.Leaf leaf(String key) { return shape.leaf(key); }

        /** The row's single-key check: "key must be > 0 (note), got value". */
        private Q ranged(CaseSchema.Leaf l, String key, Q q) {
            if (l.range() != null) check(l.range().test(q.v()), q, l.rule(key));
            return q;
        }

        /** A quantity of the row's dimension, with the row's default (none: required) and check. */
        Q quantity(String key) { return quantity(key, leaf(key).dflt()); }

        /** A quantity with a default the reader derives from other keys (the row documents the rule). */
        Q quantity(String key, String dflt) {
            CaseSchema.Leaf l = leaf(key);
            JsonNode n = raw(key);
            Q q;
            if (n == null) {
                if (dflt == null) throw missing(sub(key), key, what(l.dim()));
                out.put(key, dflt);
                q = quantityOf(TextNode.valueOf(dflt), sub(key), l.dim());
            } else {
                q = quantityOf(n, sub(key), l.dim());
                out.set(key, n.deepCopy());
            }
            return ranged(l, key, q);
        }

        /** An optional quantity without a default: null when absent (nothing written to the resolved case). */
        Q optionalQuantity(String key) {
            return has(key) ? quantity(key, null) : markUsed(key);
        }

        private Q markUsed(String key) {
            raw(key);
            return null;
        }

        /** An optional number without a default: null when absent. */
        Q optionalNumber(String key) {
            return has(key) ? number(key, null) : markUsed(key);
        }

        Q number(String key) {
            String d = leaf(key).dflt();
            return number(key, d == null ? null : Double.valueOf(d));
        }

        Q number(String key, Double dflt) {
            CaseSchema.Leaf l = leaf(key);
            JsonNode n = raw(key);
            Q q;
            if (n == null) {
                if (dflt == null) throw missing(sub(key), key, "a number");
                out.put(key, dflt);
                q = new Q(dflt, exact(dflt), sub(key));
            } else {
                q = numberOf(n, sub(key));
                out.set(key, n.deepCopy());
            }
            return ranged(l, key, q);
        }

        int integer(String key) {
            String d = leaf(key).dflt();
            return integer(key, d == null ? null : Integer.valueOf(d));
        }

        int integer(String key, Integer dflt) {
            CaseSchema.Leaf l = leaf(key);
            JsonNode n = raw(key);
            int v;
            if (n == null) {
                if (dflt == null) throw missing(sub(key), key, "a whole number");
                v = dflt;
            } else {
                v = intOf(n, sub(key));
            }
            if (l.range() != null && !l.range().test(v)) throw error(sub(key), l.rule(key) + ", got " + v);
            out.put(key, v);
            return v;
        }

        boolean bool(String key) {
            JsonNode n = raw(key);
            if (n == null) {
                boolean d = Boolean.parseBoolean(leaf(key).dflt());
                out.put(key, d);
                return d;
            }
            if (!n.isBoolean()) throw error(sub(key), "expected true or false, got " + describe(n));
            out.put(key, n.booleanValue());
            return n.booleanValue();
        }

        String text(String key) { return text(key, leaf(key).dflt()); }

        String text(String key, String dflt) {
            JsonNode n = raw(key);
            if (n == null) {
                if (dflt == null) throw missing(sub(key), key, null);
                out.put(key, dflt);
                return dflt;
            }
            String t = textOf(n, sub(key));
            if (t.isBlank()) throw error(sub(key), key + " must not be empty");
            out.put(key, t);
            return t;
        }

        /** One of the row's choices, mapped by {@code fromKey}; the row's default. */
        <E> E choice(String key, Function<String, E> fromKey) { return choice(key, fromKey, leaf(key).dflt()); }

        <E> E choice(String key, Function<String, E> fromKey, String dflt) {
            CaseSchema.Leaf l = leaf(key);
            List<String> allowed = l.choices();
            String what = l.label();
            JsonNode n = raw(key);
            String t;
            if (n == null) {
                if (dflt == null) throw missing(sub(key), key, "one of " + String.join(" | ", allowed));
                t = dflt;
            } else if (n.isTextual()) {
                t = n.textValue();
            } else {
                throw error(sub(key), "unknown " + what + " " + describe(n) + "; allowed: " + String.join(" | ", allowed));
            }
            E e = allowed.contains(t) ? fromKey.apply(t) : null;
            if (e == null) {
                throw error(sub(key), "unknown " + what + " '" + t + "'" + Suggest.didYouMean(t, allowed)
                        + "; allowed: " + String.join(" | ", allowed));
            }
            out.put(key, t);
            return e;
        }

        /** A choice kept as its text (choices that are not an enum: alloys, shapes). */
        String choice(String key) { return choice(key, t -> t); }

        /** Every key present must have been read: a key allowed by the schema but not read is a bug. */
        void done() {
            for (Iterator<String> it = in.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!used.contains(k)) throw unknownKey(k, " (the key is not used here)");
            }
        }
    }

    /** The material's library name (an alias such as silicon_100 becomes silicon); an error if unknown. */
    String checkMaterial(MaterialLibrary lib, String name, String path) {
        if (lib.contains(name)) return lib.canonicalName(name);
        List<String> known = new ArrayList<>();
        for (String n : lib.names()) known.add(n);
        throw error(path, "unknown material '" + name + "'" + Suggest.didYouMean(name, known) + "; known materials: "
                + String.join(", ", known) + " (or define it under 'materials')");
    }

    // -------------------------------------------------------------------------------------------- the case

    CaseSpec read(ObjectNode root) {
        Section top = new Section("", root, CaseSchema.ROOT, "");

        String name = top.text("name");
        if (!NAME.matcher(name).matches()) {
            throw error("name", "name must consist of letters, digits, '.', '_' and '-', starting with a letter or"
                    + " digit, at most 100 characters (it names output files), got \"" + abbreviate(name) + "\"");
        }

        // wafer (its material is checked once the case's own materials are known)
        Section w = top.section("wafer", true);
        JsonNode waferSizeNode = w.raw("size");
        double[] waferSize = size(w, "size", null);
        Q wt = w.quantity("thickness");
        check(wt.v() <= MAX_THICKNESS_M, wt, "thickness must be at most " + MAX_THICKNESS_M + " m");
        String waferMaterial = w.text("material");
        Q active = w.quantity("active_layer");
        check(active.v() < wt.v(), active, "active_layer must be thinner than the wafer (" + wt.text() + ")");
        w.done();
        WaferSpec wafer = new WaferSpec(waferSize[0], waferSize[1], wt.v(), waferMaterial, active.v());

        CoresReader coresReader = new CoresReader(this);
        DiesSpec dies = coresReader.readDies(top.section("dies", true), wafer);
        CoresSpec cores = coresReader.readCores(top.section("cores", true), dies);

        StackReader stackReader = new StackReader(this);
        MaterialLibrary lib = stackReader.readMaterials(top);
        waferMaterial = checkMaterial(lib, waferMaterial, "wafer.material");
        w.out.put("material", waferMaterial);
        wafer = new WaferSpec(waferSize[0], waferSize[1], wt.v(), waferMaterial, active.v());

        List<LayerSpec> stack = stackReader.readStack(top, wafer, waferSizeNode, lib);

        boolean noThermal = NoThermal.requested(root);
        if (noThermal) NoThermal.checkBlocks(this, top);
        Section p = noThermal ? NoThermal.power(this) : top.section("power", true);
        WattTraceReader.Peek trace = noThermal ? null : WattTraceReader.peek(root, source);
        PowerSpec power = new PowerReader(this).readPower(p, dies, trace);
        p.done();
        Section c = noThermal ? NoThermal.cooling(this) : top.section("cooling", true);
        CoolingSpec cooling = new CoolingReader(this).readCooling(c, lib);

        // mechanics: its keys are checked here, its values once analysis.mechanics is known
        Section m = top.section("mechanics", false);

        Section cy = top.section("cycling", false);
        CyclingSpec cycling = new TransientReader(this).readCycling(cy, p);

        Section a = top.section("analysis", false);
        ThermalAnalysis thermal = a.choice("thermal", ThermalAnalysis::fromKey);
        boolean mech = a.bool("mechanics");
        boolean rel = a.bool("reliability");
        a.done();
        AnalysisSpec analysis = new AnalysisSpec(thermal, mech, rel);
        NoThermal.checkAnalysis(this, analysis);
        MechanicsReader mechanicsReader = new MechanicsReader(this);
        MechanicsSpec mechanics = mechanicsReader.read(m, analysis, wafer, stack, lib);

        // transient: a steady run without the block gets the defaults but no block in the resolved case, since
        // nothing in it applies to the run (and a written default profile would fight a later --set of the analysis)
        boolean transientGiven = top.has("transient");
        Section tr = top.section("transient", false);
        TransientSpec transientSpec = new TransientReader(this).read(tr, thermal, p, cycling, trace);
        tr.done();
        if (!transientGiven && !thermal.timeDependent()) top.out.remove("transient");
        mechanicsReader.checkHistory(mechanics, analysis, cycling, transientSpec);

        // reliability: as transient, a run without reliability and without the block writes no block
        boolean reliabilityGiven = top.has("reliability");
        // criteria.design_life, when given, is the design life of the reliability block too
        Section cr = top.section("criteria", false);
        String lifeText = DesignReader.designLifeText(cr);
        Section rs = top.section("reliability", false);
        double dieArea = (dies.pitchX(wafer) - dies.scribe()) * (dies.pitchY(wafer) - dies.scribe());
        ReliabilityReader reliabilityReader = new ReliabilityReader(this);
        ReliabilitySpec reliability = reliabilityReader.read(rs, analysis,
                lifeText != null ? lifeText : cy.out.get("life").asText(), dieArea, cycling, stack, lib);
        rs.done();
        if (!reliabilityGiven && !rel) top.out.remove("reliability");
        DesignReader design = new DesignReader(this);
        CriteriaSpec criteria = design.criteria(cr, reliability.designLife(), rs.out.has("design_life")
                ? rs.out.get("design_life").asText() : cy.out.get("life").asText());
        ConnectorTechSpec connectorTech = design.connector(top.section("connector", false), reliability);
        reliability = reliabilityReader.withConnector(reliability, connectorTech, rel, stack);

        List<ProbeSpec> probes = new ProbeReader(this).readProbes(top, stack, wafer);
        BoundaryReader boundaryReader = new BoundaryReader(this);
        List<BoundarySpec> boundaries = boundaryReader.readBoundaries(top, stack);
        List<SourceSpec> sources = boundaryReader.readSources(top, stack, source);
        GridReader gridReader = new GridReader(this);
        GridSpec grid = gridReader.readGrid(top.section("grid", false), stack);
        SolverSpec solver = gridReader.readSolver(top.section("solver", false));
        CaseSpec.OutputSpec output = gridReader.readOutput(top.section("output", false), stack);
        // the complete file is the default: the resolved text of a case without output options stays as it was
        if (output.isDefault()) top.out.remove("output");
        top.done();

        JsonNode resolved = canonical(top.out, CaseSchema.ROOT);
        return new CaseSpec(name, wafer, dies, cores, stack, power, cooling, mechanics, cycling, analysis,
                transientSpec, reliability, probes, grid, solver, lib, CaseLoader.toYaml(resolved), source,
                connectorTech, criteria, boundaries, sources, output);
    }

    /** A footprint: one length (square) or a list of two lengths [x, y]; each > 0. */
    double[] size(Section s, String key, JsonNode dflt) {
        JsonNode n = s.raw(key);
        String path = s.sub(key);
        if (n == null) {
            if (dflt == null) throw missing(path, key, "a length such as \"215 mm\" or a list [x, y] of two lengths");
            n = dflt;
        }
        double[] r = new double[2];
        if (n.isArray()) {
            if (n.size() != 2) {
                throw error(path, key + " must be one length or a list of two lengths [x, y], got a list of "
                        + n.size() + " entries");
            }
            for (int i = 0; i < 2; i++) {
                Q q = quantityOf(n.get(i), path + "[" + i + "]", Dimension.LENGTH);
                check(q.v() > 0, q, key + " must be > 0");
                check(q.v() <= MAX_SIZE_M, q, key + " must be at most " + MAX_SIZE_M + " m");
                r[i] = q.v();
            }
        } else {
            Q q = quantityOf(n, path, Dimension.LENGTH);
            check(q.v() > 0, q, key + " must be > 0");
            check(q.v() <= MAX_SIZE_M, q, key + " must be at most " + MAX_SIZE_M + " m");
            r[0] = r[1] = q.v();
        }
        s.out.set(key, n.deepCopy());
        return r;
    }

    /** The text of the full-load level of a read power block (power.total or power.dynamic): default of later levels. */
    static String fullLoadText(Section power) {
        JsonNode n = power.out.get("total");
        if (n == null) n = power.out.get("dynamic");
        return n.asText();
    }

    void absolute(Q t) {
        check(t.v() > 0, t, last(t.path()) + " must be above absolute zero");
    }

    static <E> List<String> keys(E[] values, Function<E, String> key) {
        List<String> r = new ArrayList<>();
        for (E v : values) r.add(key.apply(v));
        return r;
    }

    /** The tree with its keys in schema order (the resolved case reads the same whatever the input order). */
    static JsonNode canonical(JsonNode n, CaseSchema.Shape s) {
        if (s instanceof CaseSchema.Obj o && n instanceof ObjectNode on) {
            ObjectNode r = F.objectNode();
            for (Map.Entry<String, CaseSchema.Shape> e : o.keys().entrySet()) {
                JsonNode v = on.get(e.getKey());
                if (v != null) r.set(e.getKey(), canonical(v, e.getValue()));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = on.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!r.has(e.getKey())) r.set(e.getKey(), e.getValue());
            }
            return r;
        }
        if (s instanceof CaseSchema.ListOf l && n instanceof ArrayNode a) {
            ArrayNode r = F.arrayNode();
            for (JsonNode e : a) r.add(canonical(e, l.element()));
            return r;
        }
        return n;
    }
}
