package org.wafersim.cases;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a case file: which keys exist where. One description serves both the validator ({@link CaseReader},
 * which rejects unknown keys and lists the allowed ones) and the {@code --set} overrides ({@link Overrides}, which
 * may only name keys that exist at that place). Key order here is the order of the resolved case text.
 */
final class CaseSchema {
    private CaseSchema() { }

    /** A node of the schema. */
    sealed interface Shape permits Obj, ListOf, MapOf, Leaf { }

    /** A mapping with a fixed set of keys. */
    record Obj(Map<String, Shape> keys) implements Shape {
        Obj { keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys)); }
        List<String> names() { return List.copyOf(keys.keySet()); }
    }

    /** A list whose entries all have the same shape. */
    record ListOf(Shape element) implements Shape { }

    /** A mapping with free keys (e.g. material names), all values of the same shape. */
    record MapOf(Shape value) implements Shape { }

    /** A value: a scalar, or a short list of scalars such as {@code ["215 mm", "215 mm"]}. */
    record Leaf() implements Shape { }

    static final Leaf LEAF = new Leaf();

    static Obj obj(Object... keyShapePairs) {
        Map<String, Shape> m = new LinkedHashMap<>();
        for (int i = 0; i < keyShapePairs.length; i++) {
            String k = (String) keyShapePairs[i];
            Shape s = LEAF;
            if (i + 1 < keyShapePairs.length && keyShapePairs[i + 1] instanceof Shape sh) {
                s = sh;
                i++;
            }
            m.put(k, s);
        }
        return new Obj(m);
    }

    static final Obj SURFACE = obj("h", "ambient");

    static final Obj LAYER = obj("name", "material", "thickness", "size");
    /** The wafer's entry in the stack: only its name; material, thickness and size come from the wafer block. */
    static final Obj WAFER_LAYER = obj("name");

    static final Obj ROOT = obj(
            "name",
            "wafer", obj("size", "thickness", "material", "active_layer"),
            "dies", obj("columns", "rows", "scribe"),
            "cores", obj("per_die", "spare_fraction", "spares"),
            "stack", new ListOf(LAYER),
            "materials", new MapOf(new MapOf(LEAF)),
            "power", obj("total", "dynamic", "idle", "pattern", "utilisation", "idle_fraction",
                    "map", "map_format", "map_level", "map_dataset", "floorplan", "trace_row", "floorplan_origin", "map_as",
                    "leakage", obj("share_at_ref", "ref", "beta")),
            "cooling", obj("mode",
                    "coolant", obj("fluid", "inlet", "flow", "h", "direction",
                            "channels", obj("width", "height", "wall", "length"),
                            "jets", obj("diameter", "pitch", "distance")),
                    "board_back", SURFACE,
                    "other_faces", SURFACE,
                    "edge", SURFACE),
            // mechanics (MechanicsReader, CaseSpec.MechanicsSpec): stress_free (temperature), spacing (length),
            // layers.<layer name> (plate | bonded | sliding), support {type (free | clamped | bosses), layer, at (list
            // of [x, y] lengths; bosses only)}, states (list of full | idle)
            // history {count (whole number) | times (list of times)}: output times along a transient or cycle run
            "mechanics", obj("stress_free", "spacing", "layers", new MapOf(LEAF),
                    "support", obj("type", "layer", "at"), "states", "history", obj("count", "times")),
            // cycling: low, high (power), per_day (number), duty (fraction of the period at high, between ramp
            // midpoints), ramp (time of each transition), life (time); see CaseSpec.CyclingSpec
            "cycling", obj("low", "high", "per_day", "duty", "ramp", "life"),
            "analysis", obj("thermal", "mechanics", "reliability"),
            // transient (TransientReader, TransientSpec): end (time; required for analysis.thermal: transient,
            // refused for cycle), initial (steady | ambient), profile (step | ramp | cycle | trace), one block for
            // the profile: step {from, to (power), at (time)}, ramp {from, to, start, duration}, trace {file,
            // format (csv | hotspot | hdf5), level (global | die | core), interval (time; hotspot, hdf5), dataset
            // (hdf5), floorplan, floorplan_origin (hotspot), map_as (watts | distribution, a trace in W)};
            // tolerance (temperature difference), dt_initial,
            // dt_max (time), snapshots (list of times), periodic_tolerance (temperature difference) and max_cycles
            // (whole number) for analysis.thermal: cycle
            "transient", obj("end", "initial", "profile",
                    "step", obj("from", "to", "at"),
                    "ramp", obj("from", "to", "start", "duration"),
                    "trace", obj("file", "format", "level", "interval", "dataset", "floorplan", "floorplan_origin",
                            "map_as"),
                    "tolerance", "dt_initial", "dt_max", "snapshots", "periodic_tolerance", "max_cycles"),
            // reliability (ReliabilityReader, ReliabilitySpec): defect_density (area density), clustering
            // (poisson | negative_binomial), alpha (number; negative_binomial only), spares_after_manufacturing
            // (bool), design_life, horizon (time), time_points (whole number), wear_out.<mechanism> overrides,
            // connector {power_cycles_per_week (number), fatigue_ductility_coefficient, engelmaier_c0,
            // engelmaier_c_frequency, weibull_shape (numbers), engelmaier_c_temperature (inverse temperature),
            // pitch (length)}; qualification {low, high (temperatures), dwell (time), per_day, cycles_to_failure,
            // characteristic_life, weibull_slope (numbers)}: a connector thermal-cycling test (QualificationReader)
            "reliability", obj("defect_density", "clustering", "alpha", "spares_after_manufacturing", "design_life",
                    "time_points", "horizon",
                    "connector", obj("power_cycles_per_week", "fatigue_ductility_coefficient", "engelmaier_c0",
                            "engelmaier_c_temperature", "engelmaier_c_frequency", "weibull_shape", "pitch"),
                    "qualification", obj("low", "high", "dwell", "per_day", "cycles_to_failure",
                            "characteristic_life", "weibull_slope"),
                    "wear_out", obj(
                            "electromigration", obj("enabled", "activation_energy", "current_exponent",
                                    "weibull_shape", "lognormal_sigma", "reference_mttf", "reference_temperature"),
                            "tddb", obj("enabled", "activation_energy", "weibull_shape", "lognormal_sigma",
                                    "reference_mttf", "reference_temperature"),
                            "nbti", obj("enabled", "activation_energy", "weibull_shape", "lognormal_sigma",
                                    "reference_mttf", "reference_temperature"),
                            "stress_migration", obj("enabled", "activation_energy", "exponent",
                                    "stress_free_temperature", "weibull_shape", "lognormal_sigma", "reference_mttf",
                                    "reference_temperature"),
                            "thermal_cycling", obj("enabled", "exponent", "weibull_shape", "lognormal_sigma",
                                    "reference_cycles", "reference_swing"))),
            // connector (DesignReader, ConnectorTechSpec): technology (spring | solder | custom) and its block:
            // spring {alloy (beryllium_copper | phosphor_bronze), length, thickness (lengths), shape (cantilever |
            // guided)}, solder {height (length)}, custom {kinematics (bending | shear), length, thickness, shape
            // (bending), height (shear), curve (strain_life | s_n), youngs_modulus, fatigue_strength_coefficient,
            // stress_amplitude (stresses), fatigue_strength_exponent, fatigue_ductility_coefficient,
            // fatigue_ductility_exponent, cycles, exponent (numbers)}
            "connector", obj("technology",
                    "spring", obj("alloy", "length", "thickness", "shape"),
                    "solder", obj("height"),
                    "custom", obj("kinematics", "length", "thickness", "shape", "height", "curve", "youngs_modulus",
                            "fatigue_strength_coefficient", "fatigue_strength_exponent", "fatigue_ductility_coefficient",
                            "fatigue_ductility_exponent", "stress_amplitude", "cycles", "exponent")),
            // criteria (DesignReader, CriteriaSpec): junction_limit (temperature), design_life, min_connector_life
            // (times), min_reliability, max_silicon_stress (fractions), max_connector_strain (dimensionless),
            // max_warpage (length), max_coolant_pressure_drop (pressure)
            "criteria", obj("junction_limit", "design_life", "min_reliability", "max_connector_strain",
                    "min_connector_life", "max_warpage", "max_silicon_stress", "max_coolant_pressure_drop"),
            "probes", new ListOf(obj("name", "at", "layer")),
            // grid: cells_per_core (number), min_cells_per_layer (whole number), max_growth (number), layers.<layer
            // name>.cells (whole number: exactly that many z-cells through the layer)
            "grid", obj("cells_per_core", "min_cells_per_layer", "max_growth", "layers", new MapOf(obj("cells"))),
            "solver", obj("tolerance", "max_iterations", "picard_tolerance", "max_picard", "threads"));

    /** A short description of a shape for messages ("a mapping", "a list", ...). */
    static String describe(Shape s) {
        if (s instanceof Obj || s instanceof MapOf) return "a mapping";
        if (s instanceof ListOf) return "a list";
        return "a value";
    }
}
