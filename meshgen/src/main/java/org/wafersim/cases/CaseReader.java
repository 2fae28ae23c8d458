package org.wafersim.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.wafersim.cases.CaseSpec.AnalysisSpec;
import org.wafersim.cases.CaseSpec.CoolantSpec;
import org.wafersim.cases.CaseSpec.CoolingMode;
import org.wafersim.cases.CaseSpec.CoolingSpec;
import org.wafersim.cases.CaseSpec.CoreRef;
import org.wafersim.cases.CaseSpec.CoresSpec;
import org.wafersim.cases.CaseSpec.CyclingSpec;
import org.wafersim.cases.CaseSpec.DiesSpec;
import org.wafersim.cases.CaseSpec.FlowDirection;
import org.wafersim.cases.CaseSpec.GridSpec;
import org.wafersim.cases.CaseSpec.LayerSpec;
import org.wafersim.cases.CaseSpec.LeakageSpec;
import org.wafersim.cases.CaseSpec.MechanicsSpec;
import org.wafersim.cases.CaseSpec.MapAs;
import org.wafersim.cases.CaseSpec.PowerBasis;
import org.wafersim.cases.CaseSpec.PowerPattern;
import org.wafersim.cases.CaseSpec.PowerSpec;
import org.wafersim.cases.CaseSpec.PowerSpec.PatternSource;
import org.wafersim.cases.CaseSpec.PowerSpec.Source;
import org.wafersim.cases.CaseSpec.ProbeSpec;
import org.wafersim.cases.CaseSpec.SolverSpec;
import org.wafersim.cases.CaseSpec.SurfaceSpec;
import org.wafersim.cases.CaseSpec.ThermalAnalysis;
import org.wafersim.cases.CaseSpec.WaferSpec;
import org.wafersim.errors.InputException;
import org.wafersim.materials.MaterialLibrary;
import org.wafersim.power.WattMaps;
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

        DiesSpec dies = readDies(top.section("dies", true), wafer);
        CoresSpec cores = readCores(top.section("cores", true), dies);

        StackReader stackReader = new StackReader(this);
        MaterialLibrary lib = stackReader.readMaterials(top);
        waferMaterial = checkMaterial(lib, waferMaterial, "wafer.material");
        w.out.put("material", waferMaterial);
        wafer = new WaferSpec(waferSize[0], waferSize[1], wt.v(), waferMaterial, active.v());

        List<LayerSpec> stack = stackReader.readStack(top, wafer, waferSizeNode, lib);

        Section p = top.section("power", true);
        WattTraceReader.Peek trace = WattTraceReader.peek(root, source);
        PowerSpec power = readPower(p, dies, trace);
        p.done();

        Section c = top.section("cooling", true);
        CoolingSpec cooling = new CoolingReader(this).readCooling(c, lib);

        // mechanics: its keys are checked here, its values once analysis.mechanics is known
        Section m = top.section("mechanics", false);

        Section cy = top.section("cycling", false);
        CyclingSpec cycling = readCycling(cy, p);

        Section a = top.section("analysis", false);
        ThermalAnalysis thermal = a.choice("thermal", ThermalAnalysis::fromKey);
        boolean mech = a.bool("mechanics");
        boolean rel = a.bool("reliability");
        a.done();
        AnalysisSpec analysis = new AnalysisSpec(thermal, mech, rel);

        MechanicsReader mechanicsReader = new MechanicsReader(this);
        MechanicsSpec mechanics = mechanicsReader.read(m, analysis, wafer, stack, lib);

        // transient: a steady run without the block gets the defaults but no block in the resolved case, since
        // nothing in it applies to the run (and a written default profile would fight a later --set of the analysis)
        boolean transientGiven = top.has("transient");
        Section tr = top.section("transient", false);
        TransientSpec transientSpec = new TransientReader(this).read(tr, thermal, p, cycling, trace);
        tr.done();
        if (!transientGiven && thermal == ThermalAnalysis.STEADY) top.out.remove("transient");
        mechanicsReader.checkHistory(mechanics, analysis, cycling, transientSpec);

        // reliability: as transient, a run without reliability and without the block writes no block
        boolean reliabilityGiven = top.has("reliability");
        // criteria.design_life, when given, is the design life of the reliability block too
        Section cr = top.section("criteria", false);
        String lifeText = DesignReader.designLifeText(cr);
        Section rs = top.section("reliability", false);
        double dieArea = (dies.pitchX(wafer) - dies.scribe()) * (dies.pitchY(wafer) - dies.scribe());
        ReliabilitySpec reliability = new ReliabilityReader(this).read(rs, analysis,
                lifeText != null ? lifeText : cy.out.get("life").asText(), dieArea);
        rs.done();
        if (!reliabilityGiven && !rel) top.out.remove("reliability");
        DesignReader design = new DesignReader(this);
        CriteriaSpec criteria = design.criteria(cr, reliability.designLife(), rs.out.has("design_life")
                ? rs.out.get("design_life").asText() : cy.out.get("life").asText());
        ConnectorTechSpec connectorTech = design.connector(top.section("connector", false), reliability);

        List<ProbeSpec> probes = readProbes(top, stack, wafer);
        GridReader gridReader = new GridReader(this);
        GridSpec grid = gridReader.readGrid(top.section("grid", false), stack);
        SolverSpec solver = gridReader.readSolver(top.section("solver", false));
        top.done();

        JsonNode resolved = canonical(top.out, CaseSchema.ROOT);
        return new CaseSpec(name, wafer, dies, cores, stack, power, cooling, mechanics, cycling, analysis,
                transientSpec, reliability, probes, grid, solver, lib, CaseLoader.toYaml(resolved), source,
                connectorTech, criteria);
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

    private DiesSpec readDies(Section d, WaferSpec wafer) {
        int columns = d.integer("columns");
        int rows = d.integer("rows");
        Q scribe = d.quantity("scribe");
        DiesSpec dies = new DiesSpec(columns, rows, scribe.v());
        double px = dies.pitchX(wafer), py = dies.pitchY(wafer);
        check(scribe.v() < Math.min(px, py), scribe, "scribe must be narrower than the die pitch (" + mm(px) + " x "
                + mm(py) + ")");
        d.done();
        return dies;
    }

    private CoresSpec readCores(Section c, DiesSpec dies) {
        JsonNode pd = c.raw("per_die");
        String pdPath = c.sub("per_die");
        if (pd == null) throw missing(pdPath, "per_die", "a list [nx, ny] of cores per die along x and y");
        if (!pd.isArray() || pd.size() != 2) {
            throw error(pdPath, "per_die must be a list [nx, ny] of two whole numbers, got " + describe(pd)
                    + (pd.isArray() ? " of " + pd.size() + " entries" : ""));
        }
        int nx = intOf(pd.get(0), pdPath + "[0]");
        int ny = intOf(pd.get(1), pdPath + "[1]");
        if (nx < 1) throw error(pdPath + "[0]", "cores per die must be >= 1, got " + nx);
        if (ny < 1) throw error(pdPath + "[1]", "cores per die must be >= 1, got " + ny);
        c.out.set("per_die", F.arrayNode().add(nx).add(ny));

        JsonNode spares = c.raw("spares");
        List<CoreRef> explicit = new ArrayList<>();
        double fraction;
        if (spares != null) {
            if (c.has("spare_fraction")) {
                throw error(c.sub("spare_fraction"), "give either spare_fraction or an explicit list of spares,"
                        + " not both");
            }
            c.raw("spare_fraction");
            String sp = c.sub("spares");
            if (!spares.isArray()) {
                throw error(sp, "spares must be a list of core positions [die_col, die_row, core_col, core_row],"
                        + " got " + describe(spares));
            }
            Map<CoreRef, String> seen = new HashMap<>();
            int[] limits = {dies.columns(), dies.rows(), nx, ny};
            String[] names = {"die_col", "die_row", "core_col", "core_row"};
            for (int i = 0; i < spares.size(); i++) {
                String ep = sp + "[" + i + "]";
                JsonNode e = spares.get(i);
                if (!e.isArray() || e.size() != 4) {
                    throw error(ep, "a spare is a list [die_col, die_row, core_col, core_row] of four whole numbers,"
                            + " got " + describe(e) + (e.isArray() ? " of " + e.size() + " entries" : ""));
                }
                int[] v = new int[4];
                for (int k = 0; k < 4; k++) {
                    v[k] = intOf(e.get(k), ep + "[" + k + "]");
                    if (v[k] < 0 || v[k] >= limits[k]) {
                        throw error(ep + "[" + k + "]", names[k] + " must be in 0.." + (limits[k] - 1) + ", got "
                                + v[k]);
                    }
                }
                CoreRef ref = new CoreRef(v[0], v[1], v[2], v[3]);
                String prev = seen.put(ref, ep);
                if (prev != null) throw error(ep, "duplicate spare core (same as " + prev + ")");
                explicit.add(ref);
            }
            c.out.set("spares", spares.deepCopy());
            long total = (long) dies.columns() * dies.rows() * nx * ny;
            fraction = explicit.size() / (double) total;
        } else {
            Q f = c.number("spare_fraction");
            fraction = f.v();
        }
        c.done();
        return new CoresSpec(nx, ny, fraction, explicit);
    }

    private PowerSpec readPower(Section p, DiesSpec dies, WattTraceReader.Peek trace) {
        if (p.has("total") && p.has("dynamic")) {
            throw error(p.sub("dynamic"), "give either power.total (the total, dynamic + leakage, at the operating"
                    + " point) or power.dynamic (the dynamic power, leakage on top), not both (to drop one from the"
                    + " command line: --set power.total=null)");
        }
        // the source first: a map in watts may set the level itself
        String[] map = new String[1];
        Source source = new PowerSourceReader(this).read(p, dies, map);
        PowerPattern pattern = source instanceof PatternSource ps ? ps.pattern() : PowerPattern.UNIFORM;
        MapAs mapAs = null;
        if (p.has("map_as")) {
            if (map[0] == null) {
                throw error(p.sub("map_as"), "map_as applies only to a power map or trace (power.map); this case's"
                        + " power comes from " + (p.has("utilisation") ? "power.utilisation" : "a pattern"));
            }
            mapAs = p.choice("map_as", MapAs::fromKey);
        } else {
            p.raw("map_as");
        }
        String levelKey = p.has("total") ? "total" : p.has("dynamic") ? "dynamic" : null;
        // (a map used as a distribution is not opened here: its unit does not matter)
        WattMaps.Info units = map[0] == null || mapAs == MapAs.DISTRIBUTION ? null
                : WattMaps.of(source, f -> CaseSpec.inputPath(this.source, f), this.source);
        boolean watts = units != null && units.unit() == WattMaps.Unit.WATTS;
        Q total;
        PowerBasis basis;
        // a trace in W (transient.trace) used as written sets the level as a map in W does
        Q traceLevel = WattTraceReader.level(this, p, trace, levelKey, watts && mapAs != MapAs.DISTRIBUTION);
        if (traceLevel != null) {
            p.raw("total");
            p.raw("dynamic");
            total = traceLevel;
            basis = PowerBasis.DYNAMIC;
            p.out.put("dynamic", traceLevel.text());
        } else if (watts && (mapAs == MapAs.WATTS || mapAs == null && levelKey == null)) {
            // watts as written: the file's sum is the dynamic power (leakage, if any, on top)
            String sumText = exact(units.sumW()) + " W";
            if (levelKey != null && !(levelKey.equals("dynamic")
                    && Math.abs(p.quantity("dynamic").v() - units.sumW()) <= 1e-9 * units.sumW()))
                throw error(p.sub(levelKey), "power.map_as: watts uses the map's watts as written (their sum, "
                        + num(units.sumW()) + " W, is the dynamic power); drop power." + levelKey + ", or say"
                        + " power.map_as: distribution to scale the map to it");
            if (!(units.sumW() > 0)) throw error(p.sub("map"), "the power map's watts sum to 0");
            p.raw("total");
            p.raw("dynamic");
            p.out.put("map_as", MapAs.WATTS.key);
            mapAs = MapAs.WATTS;
            total = new Q(units.sumW(), sumText, p.sub("map"));
            basis = PowerBasis.DYNAMIC;
            p.out.put("dynamic", sumText);
        } else {
            if (watts && mapAs == null) {
                throw error(p.sub(levelKey), "power.map " + map[0] + " is in W (" + num(units.sumW()) + " W in all) and"
                        + " power." + levelKey + " is given too: say power.map_as: distribution to use the map as a"
                        + " shape scaled to power." + levelKey + ", or drop power." + levelKey + " to use its watts as"
                        + " written");
            }
            if (mapAs == MapAs.WATTS) {
                throw error(p.sub("map_as"), "map_as: watts needs a map in W (a HotSpot .ptrace, a CSV with the header"
                        + " comment '# units: W', an HDF5 dataset with units = W); power.map " + map[0] + " has "
                        + (units == null || units.unitText() == null ? "no unit" : "unit " + units.unitText()));
            }
            if (levelKey == null) {
                throw missing(p.sub("total"), "total", "the total power at the operating point, dynamic + leakage,"
                        + " such as \"15 kW\"; or power.dynamic, the dynamic power with the leakage on top");
            }
            basis = levelKey.equals("dynamic") ? PowerBasis.DYNAMIC : PowerBasis.TOTAL;
            p.raw(basis == PowerBasis.TOTAL ? "dynamic" : "total");
            total = p.quantity(levelKey);
        }
        String key = basis.key;
        Q idle = p.quantity("idle", exact(total.v() / 3) + " W");
        check(idle.v() <= total.v(), idle, "idle must not exceed " + key + " (" + total.text() + ")");
        LeakageSpec leakage = null;
        Section lk = p.optionalSection("leakage");
        if (lk != null) {
            Q share = lk.number("share_at_ref");
            Q ref = lk.quantity("ref");
            Q beta = lk.quantity("beta");
            lk.done();
            leakage = new LeakageSpec(share.v(), ref.v(), beta.v());
        }
        return new PowerSpec(total.v(), idle.v(), pattern, leakage, map[0], source, basis, mapAs);
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

    private CyclingSpec readCycling(Section s, Section power) {
        // D.6 cycle A: idle <-> full load; defaults follow this case's power block.
        String idleText = power.out.get("idle").asText();
        String totalText = fullLoadText(power);
        Q low = s.quantity("low", idleText);
        Q high = s.quantity("high", totalText);
        check(high.v() >= low.v(), high, "high must be >= low (" + low.text() + ")");
        Q perDay = s.number("per_day");
        Q duty = s.number("duty");
        Q ramp = s.quantity("ramp");
        // duty is counted between ramp midpoints: each flat part is its dwell minus one ramp, and must not be < 0
        // (a ramp equal to a dwell, up to round-off in duty * period, leaves no flat part: allowed)
        double period = CyclingSpec.SECONDS_PER_DAY / perDay.v();
        double highTime = duty.v() * period, lowTime = (1 - duty.v()) * period;
        check(ramp.v() <= Math.min(highTime, lowTime) * (1 + 1e-9), ramp, "ramp must not be longer than the time"
                + " at high (duty x period = " + TransientReader.time(highTime) + ") nor the time at low ("
                + TransientReader.time(lowTime) + "); the period is 1 day / per_day = " + TransientReader.time(period));
        Q life = s.quantity("life");
        s.done();
        return new CyclingSpec(low.v(), high.v(), perDay.v(), life.v(), duty.v(), ramp.v());
    }

    private List<ProbeSpec> readProbes(Section top, List<LayerSpec> stack, WaferSpec wafer) {
        JsonNode pr = top.raw("probes");
        List<ProbeSpec> probes = new ArrayList<>();
        ArrayNode out = top.out.putArray("probes");
        if (pr == null) return probes;
        if (!pr.isArray()) {
            throw error("probes", "probes must be a list of {name, at: [x, y], layer}, got " + describe(pr));
        }
        CaseSchema.Obj shape = (CaseSchema.Obj) ((CaseSchema.ListOf) CaseSchema.ROOT.keys().get("probes")).element();
        Map<String, String> names = new HashMap<>();
        List<String> layerNames = stack.stream().map(LayerSpec::name).toList();
        for (int i = 0; i < pr.size(); i++) {
            Section s = new Section("probes[" + i + "]", pr.get(i), shape, "");
            String name = s.text("name");
            if (!NAME.matcher(name).matches()) {
                throw error(s.sub("name"), "a probe name must consist of letters, digits, '.', '_' and '-',"
                        + " starting with a letter or digit, at most 100 characters, got \"" + abbreviate(name) + "\"");
            }
            String prev = names.put(name, s.path);
            if (prev != null) throw error(s.sub("name"), "duplicate probe name '" + name + "' (also " + prev + ")");
            JsonNode at = s.raw("at");
            String ap = s.sub("at");
            if (at == null) throw missing(ap, "at", "a list [x, y] of two lengths");
            if (!at.isArray() || at.size() != 2) {
                throw error(ap, "at must be a list [x, y] of two lengths, got " + describe(at)
                        + (at.isArray() ? " of " + at.size() + " entries" : ""));
            }
            Q x = quantityOf(at.get(0), ap + "[0]", Dimension.LENGTH);
            Q y = quantityOf(at.get(1), ap + "[1]", Dimension.LENGTH);
            s.out.set("at", at.deepCopy());
            String layer = s.text("layer");
            LayerSpec l = stack.stream().filter(ls -> ls.name().equals(layer)).findFirst().orElse(null);
            if (l == null) {
                throw error(s.sub("layer"), "unknown layer '" + layer + "'" + Suggest.didYouMean(layer, layerNames)
                        + "; layers: " + String.join(", ", layerNames));
            }
            double x0 = (wafer.sizeX() - l.sizeX()) / 2, x1 = x0 + l.sizeX();
            double y0 = (wafer.sizeY() - l.sizeY()) / 2, y1 = y0 + l.sizeY();
            if (x.v() < x0 || x.v() > x1 || y.v() < y0 || y.v() > y1) {
                throw error(ap, "probe '" + name + "' at (" + x.text() + ", " + y.text() + ") lies outside layer '"
                        + layer + "', which spans x " + mm(x0) + " .. " + mm(x1) + ", y " + mm(y0) + " .. " + mm(y1)
                        + " (the wafer spans 0 .. " + mm(wafer.sizeX()) + " in x and 0 .. " + mm(wafer.sizeY())
                        + " in y; layers are centred on it)");
            }
            s.done();
            out.add(s.out);
            probes.add(new ProbeSpec(name, x.v(), y.v(), layer));
        }
        return probes;
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
