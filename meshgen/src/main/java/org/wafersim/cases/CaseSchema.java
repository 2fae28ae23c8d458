package org.wafersim.cases;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.wafersim.cases.CaseSpec.CoolingMode;
import org.wafersim.cases.CaseSpec.FlowDirection;
import org.wafersim.cases.CaseSpec.LayerTreatment;
import org.wafersim.cases.PowerSpec.MapAs;
import org.wafersim.cases.PowerSpec.MapFormat;
import org.wafersim.cases.PowerSpec.MapLevel;
import org.wafersim.cases.CaseSpec.OperatingState;
import org.wafersim.cases.PowerSpec.PowerPattern;
import org.wafersim.cases.CaseSpec.SupportType;
import org.wafersim.cases.CaseSpec.ThermalAnalysis;
import org.wafersim.cases.TransientSpec.InitialState;
import org.wafersim.cases.TransientSpec.ProfileKind;
import org.wafersim.cases.TransientSpec.TraceFormat;
import org.wafersim.cases.TransientSpec.TraceLevel;
import org.wafersim.units.Dimension;

/**
 * The key table of the case file: every block, every key, and for each key its value type (with the unit's
 * dimension), default, single-key check and one documentation line. Everything that knows about a key derives from
 * this table: the reader ({@link CaseReader}: types, defaults, range checks, unknown-key errors with did-you-mean),
 * the {@code --set} path checks ({@link Overrides}), the order of the resolved case text and the generated key
 * reference ({@link KeyReference}, {@code docs/case-keys.md}). The readers keep only what couples several keys
 * (a default that follows another key, a key that applies in one mode only, a value bounded by another).
 *
 * <p>Adding a key is one row here plus its use in the reader. The lifetime blocks ({@code reliability},
 * {@code connector}, {@code criteria}) have their rows in {@link ReliabilityKeys}, built with the same methods.
 */
final class CaseSchema {
    private CaseSchema() { }

    /** A node of the schema. */
    sealed interface Shape permits Obj, ListOf, MapOf, Leaf { }

    /** A mapping with a fixed set of keys, and its documentation line. */
    record Obj(Map<String, Shape> keys, String doc) implements Shape {
        Obj { keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys)); }
        List<String> names() { return List.copyOf(keys.keySet()); }
        /** The same mapping with a documentation line. */
        Obj doc(String d) { return new Obj(keys, d); }
        /** The row of a value key of this mapping. */
        Leaf leaf(String key) {
            if (!(keys.get(key) instanceof Leaf l)) throw new IllegalStateException("not a value key: " + key);
            return l;
        }
    }

    /** A list whose entries all have the same shape. */
    record ListOf(Shape element, String doc) implements Shape { }

    /** A mapping with free keys (e.g. material names), all values of the same shape. */
    record MapOf(Shape value, String doc) implements Shape { }

    /** How a value is written. */
    enum Type {
        /** A number with its unit, of the row's dimension. */
        QUANTITY,
        /** A plain number (a fraction may be written "1.5 %"). */
        NUMBER,
        /** A whole number. */
        INTEGER,
        BOOL,
        TEXT,
        /** One of the row's choices. */
        CHOICE,
        /** A list or pair read by the block's reader (its shape is in the documentation line). */
        VALUES
    }

    /**
     * A single-key range check: {@code lo < v} (or {@code <=}), {@code v < hi} (or {@code <=}); infinite bounds are
     * not checked. The message is "KEY must be TEXT[ (note)], got VALUE".
     */
    record Range(double lo, boolean loIncluded, double hi, boolean hiIncluded, boolean absolute) {
        boolean test(double v) {
            if (Double.isNaN(v)) return false;
            if (Double.isFinite(lo) && (loIncluded ? v < lo : v <= lo)) return false;
            return !Double.isFinite(hi) || (hiIncluded ? v <= hi : v < hi);
        }

        String text() {
            if (absolute) return "above absolute zero";
            if (!Double.isFinite(hi)) return (loIncluded ? ">= " : "> ") + num(lo);
            if (!Double.isFinite(lo)) return (hiIncluded ? "<= " : "< ") + num(hi);
            return "in " + (loIncluded ? "[" : "(") + num(lo) + ", " + num(hi) + (hiIncluded ? "]" : ")");
        }
    }

    /**
     * One key: its type, unit dimension (quantities), choices, default as written in a case file (null: no default),
     * the rule of a default that follows other keys (documentation only; the reader supplies the value), the
     * single-key check and its note, and the documentation line. {@code label} names a choice in messages
     * ("unknown cooling mode").
     */
    record Leaf(Type type, Dimension dim, List<String> choices, String dflt, String derived, Range range, String note,
                String label, String doc) implements Shape {
        Leaf def(String d) { return new Leaf(type, dim, choices, d, derived, range, note, label, doc); }
        Leaf derived(String rule) { return new Leaf(type, dim, choices, dflt, rule, range, note, label, doc); }
        Leaf doc(String d) { return new Leaf(type, dim, choices, dflt, derived, range, note, label, d); }
        Leaf note(String n) { return new Leaf(type, dim, choices, dflt, derived, range, n, label, doc); }
        private Leaf range(double lo, boolean li, double hi, boolean hi2) {
            return new Leaf(type, dim, choices, dflt, derived, new Range(lo, li, hi, hi2, false), note, label, doc);
        }
        Leaf gt(double lo) { return range(lo, false, Double.POSITIVE_INFINITY, false); }
        Leaf ge(double lo) { return range(lo, true, Double.POSITIVE_INFINITY, false); }
        Leaf lt(double hi) { return range(Double.NEGATIVE_INFINITY, false, hi, false); }
        /** lo &lt; v &lt; hi, or with the bounds included as flagged. */
        Leaf in(double lo, boolean loIncluded, double hi, boolean hiIncluded) {
            return range(lo, loIncluded, hi, hiIncluded);
        }
        Leaf positive() { return gt(0); }
        Leaf nonNegative() { return ge(0); }
        /** A temperature above 0 K. */
        Leaf absolute() {
            return new Leaf(type, dim, choices, dflt, derived, new Range(0, false, Double.POSITIVE_INFINITY, false,
                    true), note, label, doc);
        }

        /** "a length, e.g. "0.775 mm"" and the like, for the reference and for messages. */
        String what() {
            return switch (type) {
                case QUANTITY -> dim == Dimension.DIMENSIONLESS ? "a number (a fraction may be written \"1.5 %\")"
                        : dim.label() + ", e.g. \"" + dim.example() + "\"";
                case NUMBER -> "a number";
                case INTEGER -> "a whole number";
                case BOOL -> "true or false";
                case TEXT -> "text";
                case CHOICE -> String.join(" | ", choices);
                case VALUES -> "a list";
            };
        }

        /** The check's message for the key {@code key}: "key must be > 0 (note)". */
        String rule(String key) {
            return key + " must be " + range.text() + (note == null ? "" : " (" + note + ")");
        }
    }

    // ------------------------------------------------------------------------------------------------ builders

    static Leaf q(Dimension d) { return new Leaf(Type.QUANTITY, d, null, null, null, null, null, null, null); }
    static Leaf number() { return new Leaf(Type.NUMBER, null, null, null, null, null, null, null, null); }
    static Leaf whole() { return new Leaf(Type.INTEGER, null, null, null, null, null, null, null, null); }
    static Leaf bool(boolean dflt) {
        return new Leaf(Type.BOOL, null, null, Boolean.toString(dflt), null, null, null, null, null);
    }
    static Leaf text() { return new Leaf(Type.TEXT, null, null, null, null, null, null, null, null); }
    /** A list or pair whose shape the block's reader checks. */
    static Leaf values(String doc) { return new Leaf(Type.VALUES, null, null, null, null, null, null, null, doc); }
    static Leaf choice(String label, List<String> choices) {
        return new Leaf(Type.CHOICE, null, List.copyOf(choices), null, null, null, null, label, null);
    }
    static <E> Leaf choice(String label, E[] values, Function<E, String> key) {
        List<String> l = new ArrayList<>();
        for (E v : values) l.add(key.apply(v));
        return choice(label, l);
    }

    /** A mapping from alternating key names and shapes. */
    static Obj obj(Object... keyShapePairs) {
        Map<String, Shape> m = new LinkedHashMap<>();
        for (int i = 0; i < keyShapePairs.length; i += 2) {
            m.put((String) keyShapePairs[i], (Shape) keyShapePairs[i + 1]);
        }
        return new Obj(m, null);
    }

    static String num(double v) {
        if (v == 0) return "0";
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** A list entry of a value key (e.g. one of [x, y]); its reader checks it. */
    static final Leaf ANY = values("a value");

    // ----------------------------------------------------------------------------------------------- the table

    /** An outer face's convection: h and ambient, with this face's defaults. */
    static Obj surface(String h, String ambient, String ambientRule) {
        Leaf amb = q(Dimension.TEMPERATURE).absolute().doc("temperature of the surroundings");
        return obj(
                "h", q(Dimension.HEAT_TRANSFER_COEFFICIENT).def(h).nonNegative().note("0 = adiabatic")
                        .doc("heat transfer coefficient to the surroundings"),
                "ambient", ambient != null ? amb.def(ambient) : amb.derived(ambientRule));
    }

    static final Obj WAFER = obj(
            "size", values("one length (a square) or a list [x, y] of two lengths, each > 0 and at most 2 m"),
            "thickness", q(Dimension.LENGTH).positive().doc("wafer thickness (at most 1 m)"),
            "material", text().def("silicon").doc("the wafer's material (a library name or one under 'materials')"),
            "active_layer", q(Dimension.LENGTH).def("20 um").positive()
                    .doc("thickness of the heat-generating layer on the wafer's board side (flip chip)"))
            .doc("the wafer: the heat source and the model's reference frame (x, y from its lower-left corner)");

    static final Obj DIES = obj(
            "columns", whole().ge(1).doc("dies along x"),
            "rows", whole().ge(1).doc("dies along y"),
            "scribe", q(Dimension.LENGTH).def("0 mm").nonNegative()
                    .doc("width of the scribe line between dies (narrower than the die pitch)"))
            .doc("the die array on the wafer");

    static final Obj CORES = obj(
            "per_die", values("a list [nx, ny] of whole numbers >= 1: cores per die along x and y"),
            "spare_fraction", number().def("0.015").in(0, true, 1, false)
                    .doc("fraction of each die's cores held as spares, spread on a low-discrepancy lattice"
                            + " (1-1.5 % on the WSE)"),
            "spares", values("explicit spare cores, a list of [die_col, die_row, core_col, core_row]; instead of"
                    + " spare_fraction"))
            .doc("the cores of each die and the spares");

    /** A layer's contact (interface) resistance to the layer below it. */
    private static final Leaf CONTACT_BELOW = q(Dimension.THERMAL_RESISTANCE_AREA).nonNegative()
            .derived("none (perfect contact)")
            .doc("contact resistance between this layer and the next one down the stack, in series with both"
                    + " (e.g. a TIM's bulk and its two boundary resistances lumped); not on the bottom layer");

    static final Obj LAYER = obj(
            "name", text().doc("layer name (letters, digits, '.', '_', '-'); {name: wafer} places the wafer"),
            "material", text().doc("the layer's material (a library name or one under 'materials')"),
            "thickness", q(Dimension.LENGTH).positive().doc("layer thickness (at most 1 m)"),
            "size", values("footprint: one length or [x, y]; default the wafer's size; layers are centred on the"
                    + " wafer"),
            "contact_below", CONTACT_BELOW)
            .doc("one layer of the stack, listed from the coolant side to the board");
    /** The wafer's entry in the stack: only its name; material, thickness and size come from the wafer block. */
    static final Obj WAFER_LAYER = obj("name", text().doc("wafer"), "contact_below", CONTACT_BELOW);

    static final Obj LEAKAGE = obj(
            "share_at_ref", number().in(0, true, 1, false)
                    .doc("leakage share of the total power at the reference temperature"),
            "ref", q(Dimension.TEMPERATURE).absolute().doc("reference temperature of share_at_ref"),
            "beta", q(Dimension.INVERSE_TEMPERATURE).nonNegative()
                    .doc("exponential temperature coefficient: P_leak ~ exp(beta (T - ref))"))
            .doc("leakage that grows with each core's temperature (absent: no leakage)");

    static final Obj POWER = obj(
            "total", q(Dimension.POWER).nonNegative().note("0 = the chip is off, e.g. a case heated by its sources")
                    .doc("total electrical power (dynamic + leakage) at the converged operating point; exactly one of"
                    + " total and dynamic (0: the chip is off)"),
            "dynamic", q(Dimension.POWER).positive().doc("dynamic power, with the leakage on top; instead of total"),
            "idle", q(Dimension.POWER).nonNegative().derived("total (or dynamic) / 3")
                    .doc("idle level, on the same basis as total or dynamic (at most that)"),
            "pattern", choice("power pattern", PowerPattern.values(), x -> x.key).def(PowerPattern.UNIFORM.key)
                    .doc("how the power is spread over the cores (when no utilisation or map is given)"),
            "utilisation", values("per-die utilisation: a list of dies.rows rows of dies.columns numbers in [0, 1]"
                    + " (row 0 = lowest y), or a CSV file of that shape"),
            "idle_fraction", number().def("0").in(0, true, 1, true)
                    .doc("with utilisation: the power share of a die at utilisation 0"),
            "map", text().doc("a power map or trace file: CSV, HDF5 or HotSpot .ptrace (in W: used as written;"
                    + " in W/m^2 or unitless: a distribution)"),
            "map_format", choice("map format", MapFormat.values(), x -> x.key)
                    .derived("from the file's extension").doc("format of power.map"),
            "map_level", choice("map level", MapLevel.values(), x -> x.key)
                    .derived("from the table's shape").doc("whether a map's cells are dies or cores"),
            "map_dataset", text().def("/power").doc("the dataset of an HDF5 map"),
            "floorplan", text().doc("the HotSpot floorplan (.flp) that places a .ptrace's units"),
            "trace_row", whole().ge(0).note("0 = the first sample, on the line after the unit names")
                    .derived("the mean over all samples").doc("which sample of a .ptrace to use"),
            "floorplan_origin", values("[x, y]: where the floorplan's (0, 0) lies on the wafer; default [0 mm,"
                    + " 0 mm]"),
            "map_as", choice("map use", MapAs.values(), x -> x.key)
                    .derived("watts for a map in W").doc("watts: the map's watts as written; distribution: only its"
                            + " shape, scaled to total or dynamic"),
            "leakage", LEAKAGE)
            .doc("the heat sources: the cores' power, its spread and its leakage");

    static final Obj CHANNELS = obj(
            "width", q(Dimension.LENGTH).positive().doc("channel width"),
            "height", q(Dimension.LENGTH).positive().doc("channel height"),
            "wall", q(Dimension.LENGTH).positive().doc("wall between channels"),
            "length", q(Dimension.LENGTH).positive().doc("length of one channel between inlet and outlet (required"
                    + " in vertical mode: a manifolded plate)"))
            .doc("a channel plate: h and the pressure drop from Shah & London / Gnielinski; instead of h");

    static final Obj JETS = obj(
            "diameter", q(Dimension.LENGTH).positive().doc("nozzle diameter"),
            "pitch", q(Dimension.LENGTH).positive().doc("nozzle pitch (more than the diameter)"),
            "distance", q(Dimension.LENGTH).positive().doc("nozzle-to-plate distance"))
            .doc("an impingement-jet array: h from Martin's correlation; instead of h");

    static final Obj COOLANT = obj(
            "fluid", text().def("water").doc("the coolant (a fluid of the material library)"),
            "inlet", q(Dimension.TEMPERATURE).absolute().doc("inlet temperature"),
            "flow", q(Dimension.VOLUME_FLOW).positive().doc("volume flow (required unless mode is edge)"),
            "h", q(Dimension.HEAT_TRANSFER_COEFFICIENT).positive()
                    .doc("heat transfer coefficient on the wetted plate (or channels / jets)"),
            "direction", choice("flow direction", FlowDirection.values(), x -> x.key).def("+x")
                    .doc("lateral mode: the edge the coolant enters from, flowing along this direction"),
            "channels", CHANNELS,
            "jets", JETS,
            "flow_map", values("vertical mode: how the manifold shares the flow, a list of rows of weights (relative"
                    + " flow per unit area over equal regions of the plate's footprint, row 0 = lowest y; 0 = no"
                    + " coolant) or a CSV file of that shape; default: in proportion to area"))
            .doc("the coolant on the top of the stack");

    static final Obj COOLING = obj(
            "mode", choice("cooling mode", CoolingMode.values(), x -> x.key)
                    .doc("vertical: every region gets fresh coolant (a manifold); lateral: the coolant warms along"
                            + " its flow; edge: no flow over the plate, heat leaves through the wafer's rim"),
            "coolant", COOLANT,
            "board_back", surface("1000 W/(m^2*K)", "35 degC", null).doc("the board's back face (reference-data D.3)"),
            "other_faces", surface("10 W/(m^2*K)", "35 degC", null).doc("every other outer face (D.3)"),
            "edge", surface("50000 W/(m^2*K)", null, "the coolant inlet").doc("edge mode only: the wafer's rim (D.3)"))
            .doc("how heat leaves the package");

    static final Obj HISTORY = obj(
            "count", whole().def(Integer.toString(HistorySpec.DEFAULT_COUNT)).in(2, true, HistorySpec.MAX_COUNT, true)
                    .note("output times placed automatically")
                    .doc("output times placed where the temperature changes most"),
            "times", values("a list of output times (>= 0, inside the run or the periodic cycle); instead of count"))
            .doc("mechanics along a transient or cycle run");

    static final Obj CORNER = obj(
            "enabled", bool(false).doc("solve the 3-D local model at the connector's critical corner (after the plate"
                    + " model, for the first operating state; costs seconds to a minute)"),
            "size", q(Dimension.LENGTH).def("10 mm").positive().note("the side of the corner box")
                    .doc("side of the square box around the corner (in-plane), through wafer, connector and board"),
            "resolution", q(Dimension.LENGTH).def("0.2 mm").positive()
                    .note("the finest element size of the corner box")
                    .doc("finest element size, at the free edges and the connector's faces (at most a quarter of size)"),
            "at", values("the box's centre [x, y] in the wafer frame; default: the plate's most strained connector"
                    + " point, moved onto the wafer's edges when within one plate element of them"))
            .doc("3-D corner model (submodel driven by the plate solution)");

    /** One edge's condition. */
    private static Leaf edge(String which) {
        return choice("edge support", EdgeSupports.Kind.values(), EdgeSupports.Kind::key)
                .def(EdgeSupports.Kind.FREE.key()).doc("the outline's " + which + " edge");
    }

    static final Obj SUPPORT = obj(
            "type", choice("support type", SupportType.values(), SupportType::key).def(SupportType.FREE.key())
                    .doc("free: no support; clamped: the rim of a layer held; bosses: a layer held at points; edges:"
                            + " a condition per edge of the model's outline (see docs/mechanics-loads.md)"),
            "layer", text().derived("the bottom layer").doc("the supported layer (a plate layer)"),
            "at", values("bosses: a list of [x, y] points (at least three, not on one line) in the wafer frame"),
            "edges", obj(
                    "xmin", edge("x = min"),
                    "xmax", edge("x = max"),
                    "ymin", edge("y = min"),
                    "ymax", edge("y = max"))
                    .doc("type edges: free | clamped | simply_supported | symmetric per edge of the box around all"
                            + " layers; clamped and simply_supported hold the support layer, symmetric every layer"),
            "in_plane", choice("in-plane condition", List.of("free", "held")).def("free")
                    .doc("type edges with a simply_supported edge: free (slides in-plane, the classical simple"
                            + " support) or held (u = v = 0 too)"))
            .doc("how the stack is held");

    static final Obj LOAD = obj(
            "type", choice("load type", LoadSpec.Type.values(), LoadSpec.Type::key)
                    .derived("thermal; with analysis.thermal: none it must be given (uniform or file)")
                    .doc("thermal: the run's thermal solution; uniform: one temperature everywhere; file: a 3-D"
                            + " field from HDF5 (both need analysis.thermal: none)"),
            "delta", q(Dimension.TEMPERATURE_DIFFERENCE)
                    .doc("uniform: the change from mechanics.stress_free (e.g. \"100 K\"); instead of temperature"),
            "temperature", q(Dimension.TEMPERATURE).absolute().doc("uniform: the temperature of every cell"),
            "file", text().doc("file: the HDF5 file (relative to the case file), e.g. a wafersim result"),
            "dataset", text().def("/thermal/temperature")
                    .doc("file: the temperatures, [nz][ny][nx], with a units attribute K or degC"),
            "x", text().def("/mesh/x").doc("file: the dataset of the field's x cell faces (nx + 1, with units)"),
            "y", text().def("/mesh/y").doc("file: the dataset of the field's y cell faces (ny + 1, with units)"),
            "z", text().def("/mesh/z").doc("file: the dataset of the field's z cell faces (nz + 1, with units; up"
                    + " from the board's back face)"))
            .doc("the temperatures the mechanics is solved for (see docs/mechanics-loads.md)");

    static final Obj MECHANICS = obj(
            "stress_free", q(Dimension.TEMPERATURE).def("25 degC").absolute()
                    .doc("the temperature at which the stack is free of stress (assembly)"),
            "spacing", q(Dimension.LENGTH).def("2.5 mm").positive()
                    .note("the in-plane element size of the mechanics grid")
                    .doc("in-plane element size of the plate grid (at most the wafer size)"),
            "layers", new MapOf(choice("layer treatment", LayerTreatment.values(), LayerTreatment::key)
                    .doc("plate, bonded or sliding"), "a layer's treatment by name: plate (membrane and bending),"
                    + " bonded (a compliant shear layer) or sliding (no shear transfer); default from the material"),
            "support", SUPPORT,
            "states", values("operating states to solve, a list of " + String.join(" | ",
                    keysOf(OperatingState.values(), OperatingState::key)) + "; default [full, idle]"),
            "history", HISTORY,
            "corner", CORNER,
            "load", LOAD)
            .doc("thermo-mechanics of the stack (with analysis.mechanics: true)");

    static final Obj CYCLING = obj(
            "low", q(Dimension.POWER).nonNegative().derived("power.idle").doc("power of the low part of the cycle"),
            "high", q(Dimension.POWER).derived("power.total (or power.dynamic)")
                    .doc("power of the high part (at least low)"),
            "per_day", number().def("4").positive().doc("cycles per day"),
            "duty", number().def(Double.toString(CaseSpec.CyclingSpec.DEFAULT_DUTY)).in(0, false, 1, false)
                    .note("the fraction of each cycle at high").doc("fraction of each cycle at high, between ramp"
                            + " midpoints"),
            "ramp", q(Dimension.TIME).def("10 s").nonNegative().note("0 = sudden steps")
                    .doc("time of each transition (at most each flat part)"),
            "life", q(Dimension.TIME).def("5 years").positive().doc("the design life the cycles accumulate over"))
            .doc("the workload cycle: idle <-> full load");

    static final Obj ANALYSIS = obj(
            "thermal", choice("thermal analysis", ThermalAnalysis.values(), t -> t.key)
                    .def(ThermalAnalysis.STEADY.key)
                    .doc("steady, transient (a power profile over transient.end), cycle (the cycling block until"
                            + " periodic) or none (no thermal solve: the mechanics' temperatures come from"
                            + " mechanics.load)"),
            "mechanics", bool(false).doc("solve the thermo-mechanics"),
            "reliability", bool(false).doc("estimate yield, wear-out and connector fatigue"))
            .doc("which physics run");

    static final Obj STEP = obj(
            "from", q(Dimension.POWER).nonNegative().derived("power.idle").doc("power before the step"),
            "to", q(Dimension.POWER).nonNegative().derived("power.total (or power.dynamic)")
                    .doc("power after the step"),
            "at", q(Dimension.TIME).def("0 s").nonNegative().note("the run starts at t = 0")
                    .doc("time of the step (before transient.end)"))
            .doc("profile: step");

    static final Obj RAMP = obj(
            "from", q(Dimension.POWER).nonNegative().derived("power.idle").doc("power before the ramp"),
            "to", q(Dimension.POWER).nonNegative().derived("power.total (or power.dynamic)")
                    .doc("power after the ramp"),
            "start", q(Dimension.TIME).def("0 s").nonNegative().note("the run starts at t = 0")
                    .doc("start of the ramp"),
            "duration", q(Dimension.TIME).positive().note("for a sudden change use profile: step")
                    .doc("length of the ramp"))
            .doc("profile: ramp");

    static final Obj TRACE = obj(
            "file", text().doc("the power trace file"),
            "format", choice("trace format", TraceFormat.values(), x -> x.key)
                    .derived("from the file's extension").doc("format of the trace"),
            "level", choice("trace level", TraceLevel.values(), x -> x.key)
                    .doc("what each column is: the whole wafer, one die or one core"),
            "interval", q(Dimension.TIME).positive().doc("time between samples (hotspot, hdf5)"),
            "dataset", text().def("/power").doc("hdf5: the dataset"),
            "floorplan", text().doc("hotspot: the floorplan (.flp) that places the trace's units"),
            "floorplan_origin", values("hotspot: [x, y], where the floorplan's (0, 0) lies on the wafer"),
            "map_as", choice("trace use", MapAs.values(), x -> x.key)
                    .derived("watts for a trace in W").doc("a trace in W (hotspot, die or core level, power [W],"
                            + " hdf5 in W): watts = as written; distribution = only its shape, scaled so that the"
                            + " mean of its samples is power.total or power.dynamic"))
            .doc("profile: trace (power samples over time)");

    static final Obj TRANSIENT = obj(
            "end", q(Dimension.TIME).positive().doc("run length (analysis.thermal: transient; refused for cycle)"),
            "initial", choice("initial state", InitialState.values(), x -> x.key).def(InitialState.STEADY.key)
                    .doc("the starting field: the steady state at the first power, or the ambient"),
            "profile", choice("power profile", ProfileKind.values(), x -> x.key)
                    .derived("cycle for analysis.thermal: cycle, else step").doc("the power over time"),
            "step", STEP,
            "ramp", RAMP,
            "trace", TRACE,
            "tolerance", q(Dimension.TEMPERATURE_DIFFERENCE).def("0.05 K").positive()
                    .doc("local error per step (TR-BDF2 step control)"),
            "dt_initial", q(Dimension.TIME).def("1 ms").positive().doc("first step (at most dt_max)"),
            "dt_max", q(Dimension.TIME).def("1 h").positive().doc("largest step"),
            "snapshots", values("a list of times at which the 3-D field is written (inside the run)"),
            "periodic_tolerance", q(Dimension.TEMPERATURE_DIFFERENCE).def("0.01 K").positive()
                    .doc("cycle: largest change of the field from one cycle to the next that counts as periodic"),
            "max_cycles", whole().def(Integer.toString(TransientSpec.DEFAULT_MAX_CYCLES)).ge(1)
                    .doc("cycle: most cycles run before giving up"))
            .doc("time integration (analysis.thermal: transient or cycle)");

    static final Obj PROBE = obj(
            "name", text().doc("probe name (letters, digits, '.', '_', '-'; unique)"),
            "at", values("[x, y]: two lengths in the wafer frame, inside the layer"),
            "layer", text().doc("the layer probed"))
            .doc("a temperature probe");

    /** A box in the wafer frame; each axis a pair of lengths, an axis left out is unbounded. */
    static final Obj BOX = obj(
            "x", values("[from, to]: two lengths in the wafer frame (from the wafer's corner)"),
            "y", values("[from, to]: two lengths in the wafer frame"),
            "z", values("[from, to]: two lengths up from the board's back face (the bottom of the stack)"));

    static final Leaf BOX_FACE = choice("face", BoundarySpec.BoxFace.values(), f -> f.key);

    static final Obj BOUNDARY = obj(
            "face", BOX_FACE.doc("the face: of the model's bounding box, or with layer of that layer (where exposed)"),
            "layer", text().doc("a layer whose face it is (default: the model's bounding box)"),
            "region", BOX.doc("only the part of the face inside this box"),
            "type", choice("boundary type", BoundarySpec.BoundaryType.values(), t -> t.key).doc("the condition"),
            "h", q(Dimension.HEAT_TRANSFER_COEFFICIENT).positive().doc("convection: heat transfer coefficient"),
            "ambient", q(Dimension.TEMPERATURE).absolute()
                    .doc("convection and resistance: the temperature on the far side"),
            "temperature", q(Dimension.TEMPERATURE).absolute().doc("fixed_temperature: the face's temperature"),
            "flux", q(Dimension.HEAT_FLUX).doc("flux: heat flux into the model (negative: out of it)"),
            "power", q(Dimension.POWER).doc("power: heat into the model, spread uniformly over the face"),
            "resistance", q(Dimension.THERMAL_RESISTANCE).positive()
                    .doc("resistance: lumped resistance of the whole face to ambient, spread by area"),
            "emissivity", number().in(0, false, 1, true).doc("radiation: grey-body emissivity"),
            "surroundings", q(Dimension.TEMPERATURE).absolute().doc("radiation: temperature of the surroundings"),
            "replace", bool(false).doc("replace the cooling block's condition on the faces it covers (else"
                    + " covering one is an error; flux and power add to it)"))
            .doc("a boundary condition on a face (see docs/boundary-conditions.md)");

    static final Obj SOURCE = obj(
            "layer", text().doc("a layer: the source fills it (with face: on that face of it)"),
            "box", BOX.doc("a box: the source fills the solid inside it"),
            "face", BOX_FACE.doc("with layer: a surface source on that face of the layer"),
            "map", obj(
                    "file", text().doc("HDF5 file (relative to the case file)"),
                    "dataset", text().doc("the density, [nz][ny][nx], with a units attribute (e.g. W/m^3)"),
                    "x", text().def("x").doc("dataset of the map's x cell faces (m, nx + 1 increasing)"),
                    "y", text().def("y").doc("dataset of the map's y cell faces (m, ny + 1 increasing)"),
                    "z", text().def("z").doc("dataset of the map's z cell faces (m, nz + 1 increasing, up from"
                            + " the board's back face)"))
                    .doc("a 3-D power-density map on its own coordinates (interpolated conservatively)"),
            "density", q(Dimension.POWER_DENSITY).doc("volume sources: power density"),
            "power", q(Dimension.POWER).doc("total power of the source"),
            "flux", q(Dimension.HEAT_FLUX).doc("surface sources: heat flux into the layer"))
            .doc("a fixed heat source on top of the cores' power (see docs/boundary-conditions.md)");

    static final Obj GRID = obj(
            "cells_per_core", number().def("1.0").positive().doc("in-plane cells per core (0.25: one per 4 x 4"
                    + " cores)"),
            "min_cells_per_layer", whole().def("2").ge(2).doc("least z-cells through every layer"),
            "max_growth", number().def("1.5").in(1, false, 2, true)
                    .doc("largest ratio of neighbouring z-cells before the run warns"),
            "layers", new MapOf(obj("cells", whole().doc("exactly this many z-cells through the layer (1 .. 1000;"
                    + " the wafer at least 2)")), "per layer by name: {cells: N}"))
            .doc("the finite-volume grid");

    static final Obj SOLVER = obj(
            "tolerance", number().def("1e-10").in(0, false, 1e-3, true).note("relative residual")
                    .doc("relative residual of the linear solves"),
            "max_iterations", whole().def("200").ge(1).doc("most CG iterations per linear solve"),
            "picard_tolerance", q(Dimension.TEMPERATURE_DIFFERENCE).def("1e-6 K").positive()
                    .doc("largest temperature change of an outer (k(T), leakage) round at convergence"),
            "max_picard", whole().def("50").ge(1).doc("most outer rounds"),
            "threads", whole().def("0").in(0, true, org.wafersim.errors.Limits.MAX_THREADS, true)
                    .note("0 = all processors").doc("worker threads (0 = all processors)"))
            .doc("the numerical solver");

    static final Obj OUTPUT = obj(
            "fields", choice("output fields", CaseSpec.OutputSpec.Fields.values(), f -> f.key)
                    .def(CaseSpec.OutputSpec.Fields.ALL.key)
                    .doc("which datasets the result file holds: all, or cores (per-core, per-die and plate data and"
                            + " the summaries; no [nz][ny][nx] cell fields and no [ny][nx] surfaces: the full wafer's"
                            + " file shrinks from ~190 MB to ~30 MB, a sweep point's size)"),
            "precision", choice("field precision", List.of("double", "float")).def("double")
                    .doc("storage of the floating-point fields (cell fields, surfaces, per-core, per-die and plate"
                            + " arrays): double, or float (32-bit: half the bytes, ~7 significant digits); summaries,"
                            + " coordinates and time axes stay double"),
            "compression", whole().def("0").in(0, true, 9, true).note("0 = none, 1-9 = deflate level")
                    .doc("0: contiguous datasets; 1-9: the arrays as chunked datasets with byte shuffle and deflate"
                            + " at this level (h5py and ParaView read them; HDF5 1.10 or newer)"),
            "layers", values("the stack layers whose cell fields are stored, a list of adjacent layers, e.g. [wafer]:"
                    + " the file's cell grid is then their z range only (/mesh/z and the layer tables cropped to it;"
                    + " the full wafer's [wafer] file holds 6 of 17 cell planes); default: every layer (not with"
                    + " fields: cores, which stores no cell fields)"))
            .doc("what the result file holds (for sweeps: smaller files); the default is the complete file");

    static final Obj ROOT = obj(
            "name", text().doc("the case name (letters, digits, '.', '_', '-'; names the output files)"),
            "wafer", WAFER,
            "dies", DIES,
            "cores", CORES,
            "stack", new ListOf(LAYER, "the layers from the coolant side to the board; one of them is {name: wafer}"),
            "materials", new MapOf(new MapOf(values("a property with its unit (see `wafersim materials`), or base:"
                    + " NAME"), null), "materials defined or overridden by the case"),
            "power", POWER,
            "cooling", COOLING,
            "mechanics", MECHANICS,
            "cycling", CYCLING,
            "analysis", ANALYSIS,
            "transient", TRANSIENT,
            "reliability", ReliabilityKeys.RELIABILITY,
            "connector", ReliabilityKeys.CONNECTOR,
            "criteria", ReliabilityKeys.CRITERIA,
            "probes", new ListOf(PROBE, "temperature probes"),
            "boundaries", new ListOf(BOUNDARY, "boundary conditions on any face, added to or replacing the cooling"
                    + " block's"),
            "sources", new ListOf(SOURCE, "fixed heat sources anywhere, on top of the cores' power"),
            "grid", GRID,
            "solver", SOLVER,
            "output", OUTPUT);

    static <E> List<String> keysOf(E[] values, Function<E, String> key) {
        List<String> r = new ArrayList<>();
        for (E v : values) r.add(key.apply(v));
        return r;
    }

    /** A short description of a shape for messages ("a mapping", "a list", ...). */
    static String describe(Shape s) {
        if (s instanceof Obj || s instanceof MapOf) return "a mapping";
        if (s instanceof ListOf) return "a list";
        return "a value";
    }
}
