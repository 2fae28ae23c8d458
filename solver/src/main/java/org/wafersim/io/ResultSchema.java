package org.wafersim.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HDF5 result contract (DESIGN section 7) in one table: every group and dataset a run writes, with its path,
 * units, shape kind, when it is written and what it holds. Writers ({@code run/*Layout}, the transient and verdict
 * writers), {@link ResultReader} users ({@code info}, {@code plot}, {@code export}, {@code zth}, sweep summaries) and
 * the XDMF sidecar name datasets through these constants, so a renamed dataset is a compile error rather than a
 * reader that fails at run time; {@code docs/results.md}'s table is generated from it ({@link #markdownTable()}).
 * <p>
 * A path may hold placeholders: {@code {probe}}, {@code {nnnn}} (a snapshot's four-digit number), {@code {layer}} (an
 * interlayer), {@code {laminate}} and {@code {state}}, the mechanics state's group below {@code /mechanics}: empty for
 * the first state, {@code /states/NAME} for every further one ({@link #stateGroup(int, String)}).
 */
public enum ResultSchema {
    ROOT("/", "", Shape.GROUP, When.ALWAYS, "attributes wafersim_version, case_name, created_utc, case_source; "
            + "with the case's output options also output_fields, output_precision, output_compression, "
            + "omitted_datasets (the paths output.fields: cores left out), and with output.layers output_layers and "
            + "output_k_window [k0, k1, nz] (the solved grid's cell planes the stored grid holds)"),
    CASE("/case", "text", Shape.TEXT, When.ALWAYS, "the resolved case (YAML) the run used (h5py: "
            + "f['case'][()].decode()); older files hold it in the root attribute case"),

    MESH("/mesh", "", Shape.GROUP, When.ALWAYS, "attributes layer_names, active_k (the active layer's k range), "
            + "max_z_growth, z_growth_warning"),
    MESH_X("/mesh/x", "m", Shape.FACES, When.ALWAYS, "cell faces along x (nx + 1)"),
    MESH_Y("/mesh/y", "m", Shape.FACES, When.ALWAYS, "cell faces along y (ny + 1)"),
    MESH_Z("/mesh/z", "m", Shape.FACES, When.ALWAYS, "cell faces along z (nz + 1), upwards from the board's back"),
    MESH_MATERIAL_ID("/mesh/material_id", "1", Shape.CELLS, When.ALWAYS,
            "index into the attribute material_names; void_id (-1) where a cell has no material"),
    MESH_VTK_GHOST_TYPE("/mesh/vtk_ghost_type", "1", Shape.CELLS, When.ALWAYS,
            "VTK ghost flags: 32 (HIDDENCELL) on void cells, for the XDMF sidecar"),
    MESH_LAYER_Z("/mesh/layer_z", "m", Shape.PER_LAYER, When.ALWAYS, "[layer][bottom, top] z of each stack layer"),
    MESH_LAYER_K("/mesh/layer_k", "1", Shape.PER_LAYER, When.ALWAYS,
            "[layer][k_begin, k_end) cell range of each layer"),

    THERMAL("/thermal", "", Shape.GROUP, When.ALWAYS, "attribute state (what the steady field is in a transient run;"
            + " with analysis.thermal: none, that it is mechanics.load's prescribed field)"),
    THERMAL_TEMPERATURE("/thermal/temperature", "degC", Shape.CELLS, When.ALWAYS,
            "steady temperature (NaN in void cells); a stopped run's last iterate; with analysis.thermal: none the"
                    + " prescribed load (mechanics.load) on the grid"),
    THERMAL_POWER_DENSITY("/thermal/power_density", "W/m^3", Shape.CELLS, When.THERMAL,
            "heat generated per cell volume at the operating point (the cores' and the case's sources)"),
    THERMAL_HEAT_PATHS("/thermal/heat_paths", "W", Shape.PER_PATH, When.THERMAL,
            "heat out through each boundary (attribute path_names) and the energy balance, R_junction, power split,"
                    + " fixed sources (fixed_sources_W, fixed_source_names, fixed_source_powers_W)"),
    THERMAL_INTERFACE_HEAT("/thermal/interface_heat", "W", Shape.PER_INTERFACE, When.THERMAL,
            "heat crossing each layer interface, positive upwards (attribute interfaces)"),
    THERMAL_COOLANT_TEMPERATURE("/thermal/coolant_temperature", "degC", Shape.SURFACE, When.COOLANT,
            "local coolant temperature [y][x]; attributes inlet/outlet/mean, flow, h, pressure drop"),

    CORES("/cores", "", Shape.GROUP, When.ALWAYS, "attributes dies [columns, rows], cores_per_die [x, y]"),
    CORES_X("/cores/x", "m", Shape.PER_CORE, When.ALWAYS, "core centre x"),
    CORES_Y("/cores/y", "m", Shape.PER_CORE, When.ALWAYS, "core centre y"),
    CORES_DIE("/cores/die", "1", Shape.PER_CORE, When.ALWAYS, "die index (row-major over the die array)"),
    CORES_ROW("/cores/row", "1", Shape.PER_CORE, When.ALWAYS, "core row within its die"),
    CORES_COLUMN("/cores/column", "1", Shape.PER_CORE, When.ALWAYS, "core column within its die"),
    CORES_SPARE("/cores/spare", "1", Shape.PER_CORE, When.ALWAYS, "1 for a spare core"),
    CORES_POWER("/cores/power", "W", Shape.PER_CORE, When.THERMAL, "dynamic + leakage at the core's solved temperature"),
    CORES_TEMPERATURE("/cores/temperature", "degC", Shape.PER_CORE, When.ALWAYS,
            "mean active-layer temperature under the core"),
    CORES_TEMPERATURE_SWING("/cores/temperature_swing", "K", Shape.PER_CORE, When.CYCLE,
            "peak-to-peak temperature over the last cycle"),
    CORES_TEMPERATURE_MEAN_CYCLE("/cores/temperature_mean_cycle", "degC", Shape.PER_CORE, When.CYCLE,
            "time-mean temperature over the last cycle"),

    SOLVER("/solver", "", Shape.GROUP, When.ALWAYS, "attributes (with a thermal solve) picard_iterations, final_relative_residual, "
            + "multigrid_levels, picard_change_K"),
    SOLVER_CG_ITERATIONS("/solver/cg_iterations", "1", Shape.PER_ITERATION, When.THERMAL,
            "CG iterations per outer round"),
    SOLVER_RESIDUAL_HISTORY("/solver/residual_history", "1", Shape.PER_ITERATION, When.THERMAL,
            "relative residual per outer round"),
    SOLVER_WALL_SECONDS("/solver/wall_seconds", "s", Shape.PER_STAGE, When.ALWAYS,
            "wall time per stage (attribute stages)"),
    SOLVER_HEAP_PEAK("/solver/heap_peak", "B", Shape.PER_STAGE, When.ALWAYS,
            "heap used per stage: the sum of the JVM heap pools' peaks during the stage, what earlier stages still hold "
                    + "included (attribute stages; attributes estimate_bytes, the run's estimate checked before it "
                    + "started, and run_peak_bytes, the sum of each pool's peak over the run)"),

    STATUS("/status", "", Shape.GROUP, When.ALWAYS, "attributes status (ok, criteria_failed or the failure kind), "
            + "exit_code, message"),
    STATUS_EXIT_CODE("/status/exit_code", "1", Shape.SCALAR, When.ALWAYS, "the run's exit code"),

    TRANSIENT("/transient", "", Shape.GROUP, When.TRANSIENT, "the transient's summary as attributes (steps, energy "
            + "balance, peaks, swings, step-response times, power_profile)"),
    TRANSIENT_TIME("/transient/time", "s", Shape.TIME_SERIES, When.TRANSIENT, "time of each output step"),
    TRANSIENT_DT("/transient/dt", "s", Shape.TIME_SERIES, When.TRANSIENT, "step length"),
    TRANSIENT_POWER("/transient/power", "W", Shape.TIME_SERIES, When.TRANSIENT,
            "dynamic + leakage at the end of each step (NaN at t = 0)"),
    TRANSIENT_HEAT_OUT("/transient/heat_out", "W", Shape.TIME_SERIES, When.TRANSIENT, "heat leaving the package"),
    TRANSIENT_DIE_MAX("/transient/die_max", "degC", Shape.TIME_PER_DIE, When.TRANSIENT, "hottest cell of each die"),
    TRANSIENT_DIE_MEAN("/transient/die_mean", "degC", Shape.TIME_PER_DIE, When.TRANSIENT, "mean over each die"),
    TRANSIENT_HOTTEST_CORE_INDEX("/transient/hottest_core_index", "1", Shape.TIME_SERIES, When.TRANSIENT,
            "index of the hottest core"),
    TRANSIENT_PROBES("/transient/probes", "", Shape.GROUP, When.TRANSIENT, "one dataset per probe"),
    TRANSIENT_PROBE("/transient/probes/{probe}", "degC", Shape.TIME_SERIES, When.TRANSIENT,
            "a case probe, or the built-in hottest_core, wafer_mean, coolant_outlet"),
    TRANSIENT_SNAPSHOTS("/transient/snapshots", "", Shape.GROUP, When.SNAPSHOTS, "one group per snapshot"),
    TRANSIENT_SNAPSHOT("/transient/snapshots/{nnnn}", "", Shape.GROUP, When.SNAPSHOTS, "snapshot number nnnn"),
    TRANSIENT_SNAPSHOT_TEMPERATURE("/transient/snapshots/{nnnn}/temperature", "degC", Shape.CELLS, When.SNAPSHOTS,
            "the field at a transient.snapshots time (attribute time_s)"),
    TRANSIENT_FINAL_TEMPERATURE("/transient/final_temperature", "degC", Shape.CELLS, When.TRANSIENT,
            "the field at the end of the run"),

    MECHANICS("/mechanics", "", Shape.GROUP, When.MECHANICS, "attributes model, laminates, states, stress_free_degC, "
            + "support; the first state's summary"),
    MECHANICS_NODE_X("/mechanics/node_x", "m", Shape.FACES, When.MECHANICS, "plate node lines along x"),
    MECHANICS_NODE_Y("/mechanics/node_y", "m", Shape.FACES, When.MECHANICS, "plate node lines along y"),
    MECHANICS_ELEMENT_X("/mechanics/element_x", "m", Shape.FACES, When.MECHANICS, "plate element centres along x"),
    MECHANICS_ELEMENT_Y("/mechanics/element_y", "m", Shape.FACES, When.MECHANICS, "plate element centres along y"),
    MECHANICS_STATES("/mechanics/states", "", Shape.GROUP, When.MECHANICS, "every state after the first"),
    MECHANICS_STATE("/mechanics/states/{state_name}", "", Shape.GROUP, When.MECHANICS,
            "a further state (idle, snapshot_NNNN, ...), with the first state's datasets and summary attributes"),
    MECHANICS_CONNECTOR_SHEAR_STRAIN("/mechanics{state}/connector_shear_strain", "1", Shape.PLATE_ELEMENTS,
            When.CONNECTOR, "|gamma| = hypot(gamma_xz, gamma_yz) of the connector (NaN where there is none)"),
    MECHANICS_CONNECTOR_SHEAR_STRAIN_XZ("/mechanics{state}/connector_shear_strain_xz", "1", Shape.PLATE_ELEMENTS,
            When.CONNECTOR, "connector shear strain gamma_xz"),
    MECHANICS_CONNECTOR_SHEAR_STRAIN_YZ("/mechanics{state}/connector_shear_strain_yz", "1", Shape.PLATE_ELEMENTS,
            When.CONNECTOR, "connector shear strain gamma_yz"),
    MECHANICS_CONNECTOR_SHEAR_STRESS("/mechanics{state}/connector_shear_stress", "Pa", Shape.PLATE_ELEMENTS,
            When.CONNECTOR, "connector shear stress G |gamma|"),
    MECHANICS_CONNECTOR_TEMPERATURE("/mechanics{state}/connector_temperature", "degC", Shape.PLATE_ELEMENTS,
            When.CONNECTOR, "connector temperature the state was solved at"),
    MECHANICS_SLIP_GROUP("/mechanics{state}/slip", "", Shape.GROUP, When.MECHANICS, "one dataset per interlayer"),
    MECHANICS_SLIP("/mechanics{state}/slip/{layer}", "m", Shape.PLATE_XY, When.MECHANICS,
            "[x, y] in-plane slip of an interlayer (gamma = slip / h)"),
    MECHANICS_DISPLACEMENT("/mechanics{state}/displacement", "m", Shape.PLATE_DISPLACEMENT, When.MECHANICS,
            "[laminate][u, v, w][y][x] at nodes; NaN where a laminate is absent"),
    MECHANICS_WARPAGE("/mechanics{state}/warpage", "m", Shape.PLATE_NODES, When.MECHANICS,
            "the wafer's w minus its best-fit plane (attribute peak_to_valley_m; NaN outside the wafer)"),
    MECHANICS_WARPAGE_LAMINATE("/mechanics{state}/warpage_{laminate}", "m", Shape.PLATE_NODES, When.MECHANICS,
            "another laminate's w minus its best-fit plane (attribute peak_to_valley_m)"),
    MECHANICS_SILICON_Z("/mechanics{state}/silicon_z", "1", Shape.PER_SILICON_LEVEL, When.MECHANICS,
            "relative heights of the stress levels: 0 bottom (active side), 0.5, 1 top"),
    MECHANICS_STRESS_XX("/mechanics{state}/stress_xx", "Pa", Shape.PLATE_LEVELS, When.MECHANICS,
            "silicon in-plane stress sigma_xx at bottom/middle/top"),
    MECHANICS_STRESS_YY("/mechanics{state}/stress_yy", "Pa", Shape.PLATE_LEVELS, When.MECHANICS, "silicon sigma_yy"),
    MECHANICS_STRESS_XY("/mechanics{state}/stress_xy", "Pa", Shape.PLATE_LEVELS, When.MECHANICS, "silicon sigma_xy"),
    MECHANICS_VON_MISES("/mechanics{state}/von_mises", "Pa", Shape.PLATE_LEVELS, When.MECHANICS,
            "silicon von Mises stress"),
    MECHANICS_MAX_PRINCIPAL_STRESS("/mechanics{state}/max_principal_stress", "Pa", Shape.PLATE_LEVELS, When.MECHANICS,
            "silicon largest principal stress"),
    MECHANICS_LAYER_VON_MISES("/mechanics{state}/von_mises_{layer}", "Pa", Shape.PLATE_LEVELS, When.MECHANICS,
            "von Mises stress of another plate layer (cold plate, board) at its bottom/middle/top; NaN outside it"),
    MECHANICS_LAYER_MAX_PRINCIPAL_STRESS("/mechanics{state}/max_principal_stress_{layer}", "Pa", Shape.PLATE_LEVELS,
            When.MECHANICS, "largest principal stress of another plate layer at its bottom/middle/top"),
    MECHANICS_HISTORY("/mechanics/history", "", Shape.GROUP, When.MECHANICS_HISTORY,
            "mechanics along a transient or cycle (attributes cycle_start_s, placement, steps_available)"),
    MECHANICS_HISTORY_TIME("/mechanics/history/time", "s", Shape.TIME_SERIES, When.MECHANICS_HISTORY,
            "output times (in a cycle run the phase within the periodic cycle)"),
    MECHANICS_HISTORY_CONNECTOR_SHEAR_STRAIN_XZ("/mechanics/history/connector_shear_strain_xz", "1",
            Shape.PLATE_HISTORY, When.MECHANICS_HISTORY, "[time][y][x] connector gamma_xz"),
    MECHANICS_HISTORY_CONNECTOR_SHEAR_STRAIN_YZ("/mechanics/history/connector_shear_strain_yz", "1",
            Shape.PLATE_HISTORY, When.MECHANICS_HISTORY, "[time][y][x] connector gamma_yz"),
    MECHANICS_HISTORY_CONNECTOR_TEMPERATURE("/mechanics/history/connector_temperature", "degC", Shape.PLATE_HISTORY,
            When.MECHANICS_HISTORY, "[time][y][x] connector temperature"),
    MECHANICS_HISTORY_CONNECTOR_MAX_SHEAR_STRAIN("/mechanics/history/connector_max_shear_strain", "1",
            Shape.TIME_SERIES, When.MECHANICS_HISTORY, "largest connector |gamma| per output time"),
    MECHANICS_HISTORY_WAFER_WARPAGE_PV("/mechanics/history/wafer_warpage_pv", "m", Shape.TIME_SERIES,
            When.MECHANICS_HISTORY, "wafer warpage peak to valley per output time"),
    MECHANICS_HISTORY_SILICON_PEAK_PRINCIPAL_STRESS("/mechanics/history/silicon_peak_principal_stress", "Pa",
            Shape.TIME_SERIES, When.MECHANICS_HISTORY, "silicon's peak principal stress per output time"),
    MECHANICS_HISTORY_SILICON_PEAK_VON_MISES("/mechanics/history/silicon_peak_von_mises", "Pa", Shape.TIME_SERIES,
            When.MECHANICS_HISTORY, "silicon's peak von Mises stress per output time"),
    MECHANICS_HISTORY_CG_ITERATIONS("/mechanics/history/cg_iterations", "1", Shape.TIME_SERIES,
            When.MECHANICS_HISTORY, "CG iterations of each warm-started solve"),
    MECHANICS_CORNER("/mechanics/corner", "", Shape.GROUP, When.CORNER, "the 3-D corner model (attributes: the box,"
            + " resolution, layer_names, state, peak connector shear and peel, silicon free-edge stress, the plate's"
            + " values there, unknowns, seconds)"),
    MECHANICS_CORNER_NODE_X("/mechanics/corner/node_x", "m", Shape.FACES, When.CORNER,
            "node lines of the corner box along x (wafer frame)"),
    MECHANICS_CORNER_NODE_Y("/mechanics/corner/node_y", "m", Shape.FACES, When.CORNER, "node lines along y"),
    MECHANICS_CORNER_NODE_Z("/mechanics/corner/node_z", "m", Shape.FACES, When.CORNER,
            "node lines along z (upwards from the board's back, as /mesh/z)"),
    MECHANICS_CORNER_LAYER("/mechanics/corner/layer", "1", Shape.CORNER_ELEMENTS, When.CORNER,
            "index into the attribute layer_names of each element's layer; -1 where void (beyond a free edge)"),
    MECHANICS_CORNER_TEMPERATURE("/mechanics/corner/temperature", "degC", Shape.CORNER_ELEMENTS, When.CORNER,
            "temperature of each element (the thermal cell at its centre)"),
    MECHANICS_CORNER_DISPLACEMENT("/mechanics/corner/displacement", "m", Shape.CORNER_DISPLACEMENT, When.CORNER,
            "[u, v, w] at the nodes; NaN at nodes of void elements only"),
    MECHANICS_CORNER_STRESS("/mechanics/corner/stress", "Pa", Shape.CORNER_TENSOR, When.CORNER,
            "[xx, yy, zz, yz, xz, xy] stress at element centres"),
    MECHANICS_CORNER_VON_MISES("/mechanics/corner/von_mises", "Pa", Shape.CORNER_ELEMENTS, When.CORNER,
            "von Mises stress at element centres"),
    MECHANICS_CORNER_SILICON_MAX_PRINCIPAL_STRESS("/mechanics/corner/silicon_max_principal_stress", "Pa",
            Shape.CORNER_ELEMENTS, When.CORNER, "largest principal stress of the 3-D tensor in the silicon (the"
            + " free-edge stress); NaN outside the wafer"),
    MECHANICS_CORNER_CONNECTOR_SHEAR_STRESS("/mechanics/corner/connector_shear_stress", "Pa", Shape.CORNER_ROWS,
            When.CORNER, "connector |tau| = hypot(sigma_xz, sigma_yz) at its bottom (board side), middle, top (wafer"
            + " side) element rows"),
    MECHANICS_CORNER_CONNECTOR_PEEL_STRESS("/mechanics/corner/connector_peel_stress", "Pa", Shape.CORNER_ROWS,
            When.CORNER, "connector peel (normal) stress sigma_zz, > 0 in tension, at its bottom/middle/top rows"),
    MECHANICS_CORNER_CONNECTOR_SHEAR_STRAIN("/mechanics/corner/connector_shear_strain", "1", Shape.CORNER_ROWS,
            When.CORNER, "connector |gamma| at its bottom/middle/top rows (the strain at the contact rows)"),
    MECHANICS_CORNER_PLATE_CONNECTOR_SHEAR_STRAIN("/mechanics/corner/plate_connector_shear_strain", "1",
            Shape.CORNER_PLANE, When.CORNER, "the plate model's connector |gamma| at the same points, for comparison"),
    MECHANICS_CORNER_PLATE_CONNECTOR_PEEL_STRESS("/mechanics/corner/plate_connector_peel_stress", "Pa",
            Shape.CORNER_PLANE, When.CORNER, "the plate model's connector normal stress (its spring) at the same"
            + " points"),

    RELIABILITY("/reliability", "", Shape.GROUP, When.RELIABILITY, "the reliability summary as attributes (MTTFs, "
            + "R at 1/3/5 years, yield, limiting component, connector fatigue)"),
    RELIABILITY_CORE_MTTF("/reliability/core_mttf", "h", Shape.PER_CORE, When.RELIABILITY,
            "RAMP sum-of-failure-rates MTTF per core (inf where no mechanism acts)"),
    RELIABILITY_CORE_DOMINANT_MECHANISM("/reliability/core_dominant_mechanism", "1", Shape.PER_CORE, When.RELIABILITY,
            "index into mechanism_names of the dominant mechanism; -1 none"),
    RELIABILITY_DIE_RELIABILITY_AT_DESIGN_LIFE("/reliability/die_reliability_at_design_life", "1", Shape.PER_DIE,
            When.RELIABILITY, "R of each die (with spares) at the design life"),
    RELIABILITY_DIE_YIELD("/reliability/die_yield", "1", Shape.PER_DIE, When.RELIABILITY,
            "manufacturing yield per die"),
    RELIABILITY_DIE_EXPECTED_SPARES_LEFT("/reliability/die_expected_spares_left", "1", Shape.PER_DIE,
            When.RELIABILITY, "expected spares left after repair, given the die is good"),
    RELIABILITY_TIME("/reliability/time", "h", Shape.TIME_SERIES, When.RELIABILITY, "times of the reliability curves"),
    RELIABILITY_WAFER_RELIABILITY("/reliability/wafer_reliability", "1", Shape.TIME_SERIES, When.RELIABILITY,
            "R(t) of the wafer (cores with spares, times the connector's when evaluated)"),
    RELIABILITY_DIE_RELIABILITY("/reliability/die_reliability", "1", Shape.TIME_PER_DIE, When.RELIABILITY,
            "R(t) of each die"),
    RELIABILITY_CONNECTOR_CYCLES_TO_FAILURE("/reliability/connector_cycles_to_failure", "1", Shape.PLATE_ELEMENTS,
            When.CONNECTOR_FATIGUE, "median cycles to failure of the workload cycle per connector point"),
    RELIABILITY_CONNECTOR_DAMAGE_PER_CYCLE("/reliability/connector_damage_per_cycle", "1", Shape.PLATE_ELEMENTS,
            When.CONNECTOR_RAINFLOW, "Miner damage of one periodic workload (rainflow)"),
    RELIABILITY_CONNECTOR_DAMAGE_PER_POWER_CYCLE("/reliability/connector_damage_per_power_cycle", "1",
            Shape.PLATE_ELEMENTS, When.CONNECTOR_RAINFLOW, "Miner damage of one off-on power cycle"),
    RELIABILITY_CONNECTOR_CRITICAL_DIRECTION("/reliability/connector_critical_direction", "deg", Shape.PLATE_ELEMENTS,
            When.CONNECTOR_RAINFLOW, "in-plane direction of the most damaging strain (from +x, 0-180)"),
    RELIABILITY_CONNECTOR_TWO_STATE_LIFE("/reliability/connector_two_state_life", "years", Shape.PLATE_ELEMENTS,
            When.CONNECTOR_RAINFLOW, "the two-state (idle <-> full) life estimate beside the rainflow one"),
    RELIABILITY_CONNECTOR_CYCLES_TO_FAILURE_POWER_CYCLE("/reliability/connector_cycles_to_failure_power_cycle", "1",
            Shape.PLATE_ELEMENTS, When.CONNECTOR_FATIGUE, "median cycles to failure of the off-on power cycle"),
    RELIABILITY_CONNECTOR_LIFE("/reliability/connector_life", "years", Shape.PLATE_ELEMENTS, When.CONNECTOR_FATIGUE,
            "median life per connector point (Miner's rule over the duty)"),
    RELIABILITY_CONNECTOR_STRAIN_RANGE("/reliability/connector_strain_range", "1", Shape.PLATE_XY,
            When.CONNECTOR_FATIGUE, "[workload, power] the contact's strain range"),
    RELIABILITY_CONNECTOR_MEAN_TEMPERATURE("/reliability/connector_mean_temperature", "degC", Shape.PLATE_XY,
            When.CONNECTOR_FATIGUE, "[workload, power] mean temperature of each cycle"),
    RELIABILITY_CONNECTOR_RELIABILITY("/reliability/connector_reliability", "1", Shape.TIME_SERIES,
            When.CONNECTOR_FATIGUE, "R(t) of the connector population (Weibull)"),

    VERDICT("/verdict", "", Shape.GROUP, When.VERDICT, "attributes criteria, units, limit_kind, descriptions, notes, "
            + "overall_pass, failed, design_life_years"),
    VERDICT_VALUE("/verdict/value", "per criterion: see /verdict@units", Shape.PER_CRITERION, When.VERDICT,
            "the criterion's value (NaN when not evaluated)"),
    VERDICT_LIMIT("/verdict/limit", "per criterion: see /verdict@units", Shape.PER_CRITERION, When.VERDICT,
            "its limit"),
    VERDICT_MARGIN("/verdict/margin", "per criterion: see /verdict@units", Shape.PER_CRITERION, When.VERDICT,
            "distance to the limit, positive when met (NaN when not evaluated)"),
    VERDICT_PASS("/verdict/pass", "1", Shape.PER_CRITERION, When.VERDICT, "1 pass, 0 fail, -1 not evaluated"),
    VERDICT_ESTIMATED("/verdict/estimated", "1", Shape.PER_CRITERION, When.VERDICT,
            "1 when the value rests on estimated constants");

    /** What a dataset's dimensions are, for readers and the documentation. */
    public enum Shape {
        GROUP("group"), TEXT("text"), SCALAR("[1]"), FACES("[n] coordinates"),
        CELLS("[nz][ny][nx] cell field"), SURFACE("[ny][nx] of the cell grid"), PER_LAYER("[layer][2]"),
        PER_PATH("[path]"), PER_INTERFACE("[interface]"), PER_CORE("[core]"), PER_DIE("[die]"),
        PER_ITERATION("[round]"), PER_STAGE("[stage]"), TIME_SERIES("[time]"), TIME_PER_DIE("[time][die]"),
        PLATE_ELEMENTS("[ey][ex] plate elements"), PLATE_NODES("[ey + 1][ex + 1] plate nodes"),
        PLATE_XY("[2][ey][ex]"), PLATE_LEVELS("[3][ey][ex] bottom/middle/top"),
        PLATE_DISPLACEMENT("[laminate][3][ey + 1][ex + 1]"), PLATE_HISTORY("[time][ey][ex]"),
        PER_SILICON_LEVEL("[3]"), PER_CRITERION("[criterion]"),
        CORNER_ELEMENTS("[ez][ey][ex] corner-box elements"), CORNER_TENSOR("[6][ez][ey][ex]"),
        CORNER_DISPLACEMENT("[3][ez + 1][ey + 1][ex + 1] corner-box nodes"),
        CORNER_ROWS("[3][ey][ex] connector bottom/middle/top"), CORNER_PLANE("[ey][ex] corner-box elements");

        private final String doc;

        Shape(String doc) {
            this.doc = doc;
        }

        public String doc() {
            return doc;
        }
    }

    /** When a run writes the entry. */
    public enum When {
        ALWAYS("always"), THERMAL("a thermal solve (analysis.thermal other than none)"), COOLANT("a coolant model (lateral or vertical cooling)"), TRANSIENT("a transient run"),
        CYCLE("a cycle run"), SNAPSHOTS("transient.snapshots"), MECHANICS("analysis.mechanics"),
        CONNECTOR("mechanics with a connector layer"), MECHANICS_HISTORY("mechanics along a transient"),
        RELIABILITY("analysis.reliability"), CONNECTOR_FATIGUE("reliability with connector fatigue"),
        CONNECTOR_RAINFLOW("connector fatigue by rainflow (cycle runs)"), VERDICT("a complete run (the criteria)"),
        CORNER("mechanics.corner.enabled");

        private final String doc;

        When(String doc) {
            this.doc = doc;
        }

        public String doc() {
            return doc;
        }
    }

    /** Placeholders in a path; in a holder class because an enum constructor cannot read the enum's statics. */
    private static final class Holder {
        static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    }

    private final String template;
    private final String units;
    private final Shape shape;
    private final When when;
    private final String description;
    private final Pattern regex;

    ResultSchema(String template, String units, Shape shape, When when, String description) {
        this.template = template;
        this.units = units;
        this.shape = shape;
        this.when = when;
        this.description = description;
        StringBuilder re = new StringBuilder();
        Matcher m = Holder.PLACEHOLDER.matcher(template);
        int at = 0;
        while (m.find()) {
            re.append(Pattern.quote(template.substring(at, m.start())));
            re.append(m.group(1).equals("state") ? "(/states/[^/]+)?" : "[^/]+");
            at = m.end();
        }
        re.append(Pattern.quote(template.substring(at)));
        this.regex = Pattern.compile(re.toString());
    }

    /** The path; only for entries without placeholders. */
    public String path() {
        if (template.indexOf('{') >= 0) throw new IllegalStateException(name() + " needs its parts: " + template);
        return template;
    }

    /** The group's path with a trailing '/', to test whether a dataset lies below it ({@code /mechanics/}). */
    public String prefix() {
        return path() + "/";
    }

    /** The path with its placeholders filled in order, e.g. {@code TRANSIENT_PROBE.path("centre")}. */
    public String path(String... parts) {
        Matcher m = Holder.PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        int at = 0, i = 0;
        while (m.find()) {
            if (i >= parts.length) throw new IllegalArgumentException(name() + ": too few parts for " + template);
            sb.append(template, at, m.start()).append(parts[i++]);
            at = m.end();
        }
        if (i != parts.length) throw new IllegalArgumentException(name() + ": too many parts for " + template);
        return sb.append(template.substring(at)).toString();
    }

    /** The path template with its placeholders ({@code /transient/probes/{probe}}). */
    public String template() {
        return template;
    }

    /** The last component of the path (the dataset's name within its group). */
    public String leaf() {
        return template.substring(template.lastIndexOf('/') + 1);
    }

    /** The value of the dataset's {@code units} attribute ("" for groups). */
    public String units() {
        return units;
    }

    public Shape shape() {
        return shape;
    }

    public When when() {
        return when;
    }

    public String description() {
        return description;
    }

    public boolean isGroup() {
        return shape == Shape.GROUP;
    }

    /** Whether {@code path} is an instance of this entry. */
    public boolean matches(String path) {
        return regex.matcher(path).matches();
    }

    /** The entry {@code path} is an instance of (groups and datasets); empty for a path outside the schema. */
    public static Optional<ResultSchema> of(String path) {
        for (ResultSchema e : values()) if (e.matches(path)) return Optional.of(e);
        return Optional.empty();
    }

    /** The {@code {state}} part of a mechanics state's paths: "" for the first state, "/states/NAME" after it. */
    public static String stateGroup(int index, String name) {
        return index == 0 ? "" : "/states/" + name;
    }

    /** The four-digit {@code {nnnn}} of snapshot {@code i}. */
    public static String snapshotNumber(int i) {
        return String.format(java.util.Locale.ROOT, "%04d", i);
    }

    /** The table of docs/results.md: one row per group and dataset, in schema order. */
    public static String markdownTable() {
        List<String> rows = new ArrayList<>();
        rows.add("| path | units | shape | written when | contents |");
        rows.add("| --- | --- | --- | --- | --- |");
        for (ResultSchema e : values()) {
            String path = e.template.replace("{state}", "[/states/STATE]").replace("{state_name}", "STATE")
                    .replace("{probe}", "PROBE").replace("{nnnn}", "NNNN").replace("{layer}", "LAYER")
                    .replace("{laminate}", "LAMINATE");
            rows.add("| `" + path + "` | " + (e.units.isEmpty() ? "" : "`" + e.units + "`") + " | " + e.shape.doc()
                    + " | " + e.when.doc() + " | " + e.description.replace("|", "\\|") + " |");
        }
        return String.join("\n", rows) + "\n";
    }
}
