package org.wafersim.cases;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wafersim.materials.Category;
import org.wafersim.materials.Material;
import org.wafersim.materials.MaterialLibrary;
import org.wafersim.materials.MechanicalRole;

/**
 * A validated case: everything one run needs, in SI units (lengths m, temperatures K, power W, h W/(m^2 K),
 * volume flow m^3/s). Built only by {@link CaseLoader}, which checks every key; the solver never sees raw text.
 *
 * <p>Coordinates: x, y in the wafer plane with the origin at the wafer's lower-left corner (the wafer spans
 * [0, wafer.sizeX] x [0, wafer.sizeY]); every layer is centred on the wafer. z points up from the bottom of the
 * stack (the board's back face is z = 0, the cold plate's top face is the largest z). The stack list is ordered
 * top (coolant side) to bottom, as in the case file.
 *
 * @param name         case name (used in output file names and the HDF5 root attribute)
 * @param wafer        the wafer (its layer in {@link #stack} has {@link LayerSpec#isWafer()} true)
 * @param dies         die grid on the wafer
 * @param cores        cores per die and spares
 * @param stack        layers from the coolant side (index 0) down to the board
 * @param power        total power, workload pattern or other power source, leakage
 * @param cooling      cooling mode and boundary conditions
 * @param mechanics    mechanics settings: stress-free temperature, mechanics grid spacing, per-layer treatment,
 *                     support, operating states
 * @param cycling      power cycling description
 * @param analysis     which analyses to run
 * @param transientSpec settings of a transient or cycle run (run length, initial state, power over time, time
 *                     stepping, snapshots, periodic steady state); never null from the loader: defaults fill it in
 *                     even for a steady run (named so because {@code transient} is a Java keyword)
 * @param reliabilitySpec settings of the reliability estimate ({@code reliability} block): defects, spares, design
 *                     life, R(t) time axis, wear-out overrides; never null from the loader (defaults fill it in)
 * @param probes       named probe points
 * @param grid         grid resolution settings
 * @param solver       linear/nonlinear solver settings
 * @param materials    the material library for this run (built-ins plus the case's own definitions/overrides)
 * @param resolvedText the case after overrides, as YAML text (stored in the HDF5 root attribute "case")
 * @param source       where the case came from (file path or "built-in wse-default"), for messages
 * @param connectorTech the connector's technology and fatigue-model geometry ({@code connector}; default spring)
 * @param criteria     the design criteria of the verdict ({@code criteria}; defaults when absent)
 * @param output       what the result file holds ({@code output}; everything in double precision when absent)
 */
public record CaseSpec(
        String name,
        WaferSpec wafer,
        DiesSpec dies,
        CoresSpec cores,
        List<LayerSpec> stack,
        PowerSpec power,
        CoolingSpec cooling,
        MechanicsSpec mechanics,
        CyclingSpec cycling,
        AnalysisSpec analysis,
        TransientSpec transientSpec,
        ReliabilitySpec reliabilitySpec,
        List<ProbeSpec> probes,
        GridSpec grid,
        SolverSpec solver,
        MaterialLibrary materials,
        String resolvedText,
        String source,
        ConnectorTechSpec connectorTech,
        CriteriaSpec criteria,
        List<BoundarySpec> boundaries,
        List<SourceSpec> sources,
        OutputSpec output) {

    public CaseSpec {
        if (output == null) output = OutputSpec.DEFAULT;
        stack = List.copyOf(stack);
        probes = List.copyOf(probes);
        boundaries = boundaries == null ? List.of() : List.copyOf(boundaries);
        sources = sources == null ? List.of() : List.copyOf(sources);
        if (connectorTech == null) connectorTech = ConnectorTechSpec.DEFAULT;
        if (criteria == null) criteria = CriteriaSpec.defaults(reliabilitySpec != null ? reliabilitySpec.designLife()
                : 5 * ReliabilitySpec.YEAR);
    }

    /** The form without the output options: the complete result file. */
    public CaseSpec(String name, WaferSpec wafer, DiesSpec dies, CoresSpec cores, List<LayerSpec> stack,
                    PowerSpec power, CoolingSpec cooling, MechanicsSpec mechanics, CyclingSpec cycling,
                    AnalysisSpec analysis, TransientSpec transientSpec, ReliabilitySpec reliabilitySpec,
                    List<ProbeSpec> probes, GridSpec grid, SolverSpec solver, MaterialLibrary materials,
                    String resolvedText, String source, ConnectorTechSpec connectorTech, CriteriaSpec criteria,
                    List<BoundarySpec> boundaries, List<SourceSpec> sources) {
        this(name, wafer, dies, cores, stack, power, cooling, mechanics, cycling, analysis, transientSpec,
                reliabilitySpec, probes, grid, solver, materials, resolvedText, source, connectorTech, criteria,
                boundaries, sources, null);
    }

    /** The form without the connector technology and criteria (cases built in code): their defaults. */
    public CaseSpec(String name, WaferSpec wafer, DiesSpec dies, CoresSpec cores, List<LayerSpec> stack,
                    PowerSpec power, CoolingSpec cooling, MechanicsSpec mechanics, CyclingSpec cycling,
                    AnalysisSpec analysis, TransientSpec transientSpec, ReliabilitySpec reliabilitySpec,
                    List<ProbeSpec> probes, GridSpec grid, SolverSpec solver, MaterialLibrary materials,
                    String resolvedText, String source) {
        this(name, wafer, dies, cores, stack, power, cooling, mechanics, cycling, analysis, transientSpec,
                reliabilitySpec, probes, grid, solver, materials, resolvedText, source, null, null, null, null);
    }

    /**
     * The form without {@link ReliabilitySpec} (cases built in code before reliability runs existed): the defaults
     * of {@link ReliabilitySpec#defaults(double)} with the design life {@code cycling.life} (5 years without a
     * cycling block).
     */
    public CaseSpec(String name, WaferSpec wafer, DiesSpec dies, CoresSpec cores, List<LayerSpec> stack,
                    PowerSpec power, CoolingSpec cooling, MechanicsSpec mechanics, CyclingSpec cycling,
                    AnalysisSpec analysis, TransientSpec transientSpec, List<ProbeSpec> probes, GridSpec grid,
                    SolverSpec solver, MaterialLibrary materials, String resolvedText, String source) {
        this(name, wafer, dies, cores, stack, power, cooling, mechanics, cycling, analysis, transientSpec,
                cycling == null ? ReliabilitySpec.defaults() : ReliabilitySpec.defaults(cycling.life()), probes, grid,
                solver, materials, resolvedText, source);
    }

    /**
     * The form without {@link TransientSpec} (cases built in code before transient runs existed): the transient
     * settings are the defaults of a step from {@code power.idle} to {@code power.total} at t = 0 without an end
     * ({@link TransientSpec#defaults}), or null when {@code power} is null.
     */
    public CaseSpec(String name, WaferSpec wafer, DiesSpec dies, CoresSpec cores, List<LayerSpec> stack,
                    PowerSpec power, CoolingSpec cooling, MechanicsSpec mechanics, CyclingSpec cycling,
                    AnalysisSpec analysis, List<ProbeSpec> probes, GridSpec grid, SolverSpec solver,
                    MaterialLibrary materials, String resolvedText, String source) {
        this(name, wafer, dies, cores, stack, power, cooling, mechanics, cycling, analysis,
                power == null ? null : TransientSpec.defaults(power), probes, grid, solver, materials, resolvedText,
                source);
    }

    /**
     * The power-map file ({@code power.map}) resolved against the case file's directory, or null when the case
     * uses a pattern. For a built-in case the path is taken relative to the working directory.
     */
    public java.nio.file.Path powerMapPath() {
        return power.mapFile() == null ? null : inputPath(power.mapFile());
    }

    /**
     * A file named in the case (power map, HotSpot floorplan, utilisation CSV) resolved against the case file's
     * directory; absolute paths stay as they are. For a built-in case the path is taken relative to the working
     * directory.
     */
    public java.nio.file.Path inputPath(String file) {
        return inputPath(source, file);
    }

    /** {@link #inputPath(String)} for a case read from {@code source}. */
    public static java.nio.file.Path inputPath(String source, String file) {
        java.nio.file.Path p = java.nio.file.Path.of(file);
        if (p.isAbsolute() || source == null || source.startsWith("built-in ")) return p;
        java.nio.file.Path dir = java.nio.file.Path.of(source).getParent();
        return dir == null ? p : dir.resolve(p);
    }

    /** Index of the wafer layer in {@link #stack}. */
    public int waferLayerIndex() {
        for (int i = 0; i < stack.size(); i++) if (stack.get(i).isWafer()) return i;
        throw new IllegalStateException("case has no wafer layer");
    }

    /** The wafer: size (m), thickness (m), material name, active-layer thickness (m) at its board-facing side. */
    public record WaferSpec(double sizeX, double sizeY, double thickness, String material, double activeLayer) { }

    /** Die grid: columns along x, rows along y, scribe-line width (m). Die pitch = wafer size / count. */
    public record DiesSpec(int columns, int rows, double scribe) {
        public double pitchX(WaferSpec w) { return w.sizeX() / columns; }
        public double pitchY(WaferSpec w) { return w.sizeY() / rows; }
    }

    /**
     * Cores per die (along x and y) and spares: either a fraction spread evenly inside each die, or explicit
     * spare positions (die column, die row, core column, core row). Exactly one of the two is in effect:
     * when {@code explicitSpares} is non-empty, {@code spareFraction} is ignored.
     */
    public record CoresSpec(int perDieX, int perDieY, double spareFraction, List<CoreRef> explicitSpares) {
        public CoresSpec {
            explicitSpares = List.copyOf(explicitSpares);
        }
    }

    /** A core addressed by its die (column, row) and its position in the die (column, row); all 0-based. */
    public record CoreRef(int dieColumn, int dieRow, int coreColumn, int coreRow) { }

    /**
     * One layer of the stack. {@code sizeX, sizeY} are its footprint (m), centred on the wafer; layers narrower
     * than the largest leave void around them. For the wafer layer the material, thickness and size come from
     * {@link WaferSpec}.
     */
    public record LayerSpec(String name, String material, double thickness, double sizeX, double sizeY, boolean isWafer,
                            double contactBelow) {
        /** A layer in perfect contact with the one below. */
        public LayerSpec(String name, String material, double thickness, double sizeX, double sizeY, boolean isWafer) {
            this(name, material, thickness, sizeX, sizeY, isWafer, 0);
        }
    }

    public enum CoolingMode {
        VERTICAL("vertical"), LATERAL("lateral"), EDGE("edge");
        public final String key;
        CoolingMode(String key) { this.key = key; }
        public static CoolingMode fromKey(String k) {
            for (CoolingMode m : values()) if (m.key.equals(k)) return m;
            return null;
        }
    }

    public enum FlowDirection {
        PLUS_X("+x"), MINUS_X("-x"), PLUS_Y("+y"), MINUS_Y("-y");
        public final String key;
        FlowDirection(String key) { this.key = key; }
        public static FlowDirection fromKey(String k) {
            for (FlowDirection d : values()) if (d.key.equals(k)) return d;
            return null;
        }
    }

    /**
     * Cooling: the mode; the coolant on the top face of the stack; the board's back face; every other exposed face
     * (sides, steps between layers of different footprint); the edge coolant used by the {@code edge} mode on
     * the wafer's rim; and one note per key given that the mode does not use (the run goes on and reports them).
     */
    public record CoolingSpec(CoolingMode mode, CoolantSpec coolant, SurfaceSpec boardBack, SurfaceSpec otherFaces,
                              SurfaceSpec edge, List<String> notes) {
        public CoolingSpec {
            notes = notes == null ? List.of() : List.copyOf(notes);
        }

        /** Notes are diagnostics of the input, not part of the cooling it describes: equality ignores them. */
        @Override
        public boolean equals(Object o) {
            return o instanceof CoolingSpec c && mode == c.mode && java.util.Objects.equals(coolant, c.coolant)
                    && java.util.Objects.equals(boardBack, c.boardBack)
                    && java.util.Objects.equals(otherFaces, c.otherFaces) && java.util.Objects.equals(edge, c.edge);
        }

        @Override
        public int hashCode() { return java.util.Objects.hash(mode, coolant, boardBack, otherFaces, edge); }

        /** Without notes. */
        public CoolingSpec(CoolingMode mode, CoolantSpec coolant, SurfaceSpec boardBack, SurfaceSpec otherFaces,
                           SurfaceSpec edge) {
            this(mode, coolant, boardBack, otherFaces, edge, List.of());
        }
    }

    /**
     * Coolant: fluid material name, inlet temperature (K), volume flow (m^3/s), h (W/(m^2 K)), flow direction, and the
     * plate geometry (null when h is given; h is then 0 and comes from the geometry).
     * {@code flow} is 0 when not given (allowed only in the {@code edge} mode; both plate modes need it > 0);
     * {@code h} is 0 only in the {@code edge} mode when not given (the top face then has no coolant).
     * {@code flowMap}: how the {@code vertical} mode's manifold shares the flow over the plate, null = in proportion
     * to area.
     */
    public record CoolantSpec(String fluid, double inlet, double flow, double h, FlowDirection direction,
                              PlateGeometry geometry, FlowMap flowMap) {
        /** With the flow shared by area. */
        public CoolantSpec(String fluid, double inlet, double flow, double h, FlowDirection direction,
                           PlateGeometry geometry) {
            this(fluid, inlet, flow, h, direction, geometry, null);
        }

        /** With h given directly (no plate geometry). */
        public CoolantSpec(String fluid, double inlet, double flow, double h, FlowDirection direction) {
            this(fluid, inlet, flow, h, direction, null);
        }
    }

    /**
     * {@code cooling.coolant.flow_map}: the manifold's relative flow per unit area over the cold plate's coolant face,
     * a table of {@code rows x columns} equal rectangles covering the top layer's footprint, row 0 at the lowest y
     * (as power maps), column 0 at the lowest x. Each region gets the share w A / sum(w A) of the total flow; 0 = no
     * coolant there (an adiabatic face). Values are weights: only their ratios matter.
     *
     * @param weights row-major, {@code rows * columns} values >= 0, at least one > 0
     * @param file    the CSV file the table came from, null when given inline
     */
    public record FlowMap(double[] weights, int rows, int columns, String file) {
        public FlowMap {
            weights = weights.clone();
            if (weights.length != rows * columns) throw new IllegalArgumentException("weights must be rows x columns");
        }

        /** The weight of region (row, column). */
        public double at(int row, int column) { return weights[row * columns + column]; }

        @Override public double[] weights() { return weights.clone(); }

        @Override
        public boolean equals(Object o) {
            return o instanceof FlowMap f && rows == f.rows && columns == f.columns
                    && java.util.Arrays.equals(weights, f.weights) && java.util.Objects.equals(file, f.file);
        }

        @Override
        public int hashCode() { return java.util.Objects.hash(java.util.Arrays.hashCode(weights), rows, columns, file); }

        @Override
        public String toString() { return "FlowMap[" + rows + " x " + columns + (file == null ? "" : ", " + file) + "]"; }
    }

    /**
     * The cold plate's coolant side when the case describes it instead of giving h ({@code cooling.coolant.channels}
     * or {@code cooling.coolant.jets}); h and the pressure drop then come from published correlations.
     */
    public sealed interface PlateGeometry permits Channels, Jets { }

    /**
     * Straight rectangular channels machined into the plate: channel width, height (fin height), wall (fin)
     * thickness between channels, and length along the flow of one channel (m); length NaN = the plate's length
     * along the flow direction (lateral mode only).
     */
    public record Channels(double width, double height, double wall, double length) implements PlateGeometry { }

    /** A square array of round impinging jets: nozzle diameter, pitch between nozzles, nozzle-to-plate distance (m). */
    public record Jets(double diameter, double pitch, double distance) implements PlateGeometry { }

    /** A convective surface: h (W/(m^2 K)) to an ambient temperature (K). h = 0 means adiabatic. */
    public record SurfaceSpec(double h, double ambient) { }

    /**
     * Mechanics settings ({@code mechanics} block; DESIGN §4, issue 5).
     *
     * @param stressFree temperature (K) at which the stack carries no thermal stress
     * @param spacing    target in-plane element size (m) of the mechanics grid, > 0
     * @param layers     the resolved {@link LayerTreatment} of every stack layer, keyed by layer name in stack order
     *                   (top to bottom); unmodifiable. From the loader it always holds every layer: the defaults
     *                   ({@link LayerTreatment#defaultFor}) with the {@code mechanics.layers} overrides applied. Empty
     *                   only in the one-argument form (cases built in code), where the caller applies
     *                   {@link LayerTreatment#defaultFor} itself
     * @param support    how the stack is held ({@link SupportSpec#FREE} by default)
     * @param states     the operating states to solve the mechanics for, distinct, in the order given
     * @param history    output times along a transient or cycle run ({@code mechanics.history})
     * @param corner     the 3-D corner model ({@code mechanics.corner})
     * @param load       the load: the thermal solution, or a prescribed field without one ({@code mechanics.load})
     */
    public record MechanicsSpec(double stressFree, double spacing, Map<String, LayerTreatment> layers,
                                SupportSpec support, List<OperatingState> states, HistorySpec history,
                                CornerSpec corner, LoadSpec load) {
        /**
         * Default in-plane element size of the mechanics grid (m): 2.5 mm (the multigrid-preconditioned plate solver
         * costs about linear time in the unknowns: the default case's 168k unknowns take ~14 CPU-seconds).
         */
        public static final double DEFAULT_SPACING = 2.5e-3;
        /** Default operating states: full load, then idle. */
        public static final List<OperatingState> DEFAULT_STATES = List.of(OperatingState.FULL, OperatingState.IDLE);

        public MechanicsSpec {
            layers = Collections.unmodifiableMap(new LinkedHashMap<>(layers));
            if (support == null) support = SupportSpec.FREE;
            states = List.copyOf(states);
            if (history == null) history = HistorySpec.DEFAULT;
            if (corner == null) corner = CornerSpec.DEFAULT;
            if (load == null) load = LoadSpec.THERMAL;
        }

        /** Without {@code mechanics.corner} (off). */
        public MechanicsSpec(double stressFree, double spacing, Map<String, LayerTreatment> layers,
                             SupportSpec support, List<OperatingState> states, HistorySpec history) {
            this(stressFree, spacing, layers, support, states, history, CornerSpec.DEFAULT, LoadSpec.THERMAL);
        }

        /** Without {@code mechanics.history} (the default output times). */
        public MechanicsSpec(double stressFree, double spacing, Map<String, LayerTreatment> layers,
                             SupportSpec support, List<OperatingState> states) {
            this(stressFree, spacing, layers, support, states, HistorySpec.DEFAULT);
        }

        /**
         * Only the stress-free temperature (cases built in code): spacing {@link #DEFAULT_SPACING}, no per-layer
         * treatments (empty map: use {@link LayerTreatment#defaultFor} per layer), a free support and the states
         * {@link #DEFAULT_STATES}.
         */
        public MechanicsSpec(double stressFree) {
            this(stressFree, DEFAULT_SPACING, Map.of(), SupportSpec.FREE, DEFAULT_STATES);
        }

        /** The treatment of the named layer, or null when the layer is not in {@link #layers}. */
        public LayerTreatment treatment(String layer) { return layers.get(layer); }
    }

    /** How a stack layer takes part in the mechanics ({@code mechanics.layers.<name>}). */
    public enum LayerTreatment {
        /** An elastic layer with membrane and bending stiffness (a plate of the layered model). */
        PLATE,
        /** A compliant interface layer bonded to the plates above and below it (shear transmitted; the connector). */
        BONDED,
        /** An interface that transmits normal pressure but no shear (a thermal grease): the plates slide on it. */
        SLIDING;

        /** The case-file value: plate, bonded, sliding. */
        public String key() { return name().toLowerCase(Locale.ROOT); }

        /** The value for a case-file key, or null when there is none. */
        public static LayerTreatment fromKey(String k) {
            for (LayerTreatment t : values()) if (t.key().equals(k)) return t;
            return null;
        }

        /** Whether this is an interface layer (bonded or sliding), which needs a plate on each side. */
        public boolean isInterface() { return this != PLATE; }

        /**
         * The default for a layer of this material: mechanical role {@code sliding} → SLIDING, category
         * {@code connector} → BONDED, otherwise PLATE (a material without mechanical role, such as water, also maps
         * to PLATE here; the loader refuses such a layer when {@code analysis.mechanics} is true).
         */
        public static LayerTreatment defaultFor(Material m) {
            if (m.mechanicalRole() == MechanicalRole.SLIDING) return SLIDING;
            if (m.category() == Category.CONNECTOR) return BONDED;
            return PLATE;
        }
    }

    /** {@code mechanics.support.type}. */
    public enum SupportType {
        /** No support: the stack floats; the solver removes the rigid-body modes. */
        FREE,
        /** The rim of the support layer is clamped. */
        CLAMPED,
        /** The support layer is held at points (mounting bosses). */
        BOSSES,
        /** Each edge of the model's outline free, clamped, simply supported or symmetric ({@link EdgeSupports}). */
        EDGES;

        /** The case-file value: free, clamped, bosses. */
        public String key() { return name().toLowerCase(Locale.ROOT); }

        /** The value for a case-file key, or null when there is none. */
        public static SupportType fromKey(String k) {
            for (SupportType t : values()) if (t.key().equals(k)) return t;
            return null;
        }
    }

    /**
     * How the stack is held ({@code mechanics.support}).
     *
     * @param type   free, clamped (the rim of {@code layer}) or bosses (points of {@code layer})
     * @param layer  the supported layer (a plate; by default the bottom layer of the stack), null for FREE
     * @param points the boss positions (m, in the wafer frame of {@link CaseSpec}: origin at the wafer's lower-left
     *               corner, like the probes), each inside the layer's footprint; empty unless BOSSES, where there are
     *               at least three, distinct and not all on one line
     */
    public record SupportSpec(SupportType type, String layer, List<Point> points, EdgeSupports edges) {
        /** A free stack. */
        public static final SupportSpec FREE = new SupportSpec(SupportType.FREE, null, List.of());

        public SupportSpec {
            points = points == null ? List.of() : List.copyOf(points);
        }

        /** Any type but {@link SupportType#EDGES}. */
        public SupportSpec(SupportType type, String layer, List<Point> points) { this(type, layer, points, null); }
    }

    /** A point (m) in the wafer plane, in the frame of {@link CaseSpec} (origin at the wafer's lower-left corner). */
    public record Point(double x, double y) { }

    /** An operating state the mechanics is solved for ({@code mechanics.states}). */
    public enum OperatingState {
        /** Full load: {@code power.total}. */
        FULL,
        /** Idle: {@code power.idle}. */
        IDLE;

        /** The case-file value: full, idle. */
        public String key() { return name().toLowerCase(Locale.ROOT); }

        /** The value for a case-file key, or null when there is none. */
        public static OperatingState fromKey(String k) {
            for (OperatingState s : values()) if (s.key().equals(k)) return s;
            return null;
        }
    }

    /**
     * Power cycling (reference-data D.6, cycle A): low and high power (W), cycles per day, design life (s), the
     * fraction {@code duty} of each period spent at {@code high}, and the duration {@code ramp} (s) of each
     * transition (linear in time).
     *
     * <p>One period ({@link #period()} = 1 day / perDay) starts with the ramp up at its beginning: ramp up over
     * [0, ramp], high until {@code duty * period}, ramp down over [duty * period, duty * period + ramp], low until
     * the period ends. {@code duty} is counted between the midpoints of the two ramps, so the mean power is exactly
     * {@code low + duty * (high - low)}; the flat part at high lasts {@code duty * period - ramp}, the flat part at
     * low {@code (1 - duty) * period - ramp}. D.6: 4 h at full load and 2 h idle per 6 h, 10 s ramps.
     */
    public record CyclingSpec(double low, double high, double perDay, double life, double duty, double ramp) {
        /** D.6 cycle A: 4 h at full load per 6 h cycle. */
        public static final double DEFAULT_DUTY = 4.0 / 6.0;
        /** D.6 cycle A: 10 s ramps (s). */
        public static final double DEFAULT_RAMP = 10.0;
        static final double SECONDS_PER_DAY = 86400.0;

        /** The original four-component form, with the D.6 duty (4 h of 6 h) and ramp (10 s). */
        public CyclingSpec(double low, double high, double perDay, double life) {
            this(low, high, perDay, life, DEFAULT_DUTY, DEFAULT_RAMP);
        }

        /** Length of one cycle (s): 1 day / perDay. */
        public double period() { return SECONDS_PER_DAY / perDay; }

        /** Time at high power per cycle (s), between the midpoints of the ramps: duty * period. */
        public double highTime() { return duty * period(); }

        /** Time at low power per cycle (s), between the midpoints of the ramps: (1 - duty) * period. */
        public double lowTime() { return (1 - duty) * period(); }
    }

    public enum ThermalAnalysis {
        STEADY("steady"), TRANSIENT("transient"), CYCLE("cycle"),
        /** No thermal solve: the mechanics' temperatures are {@code mechanics.load}'s. */ NONE("none");
        public final String key;
        ThermalAnalysis(String key) { this.key = key; }
        /** Transient or cycle: a run along time. */
        public boolean timeDependent() { return this == TRANSIENT || this == CYCLE; }
        public static ThermalAnalysis fromKey(String k) {
            for (ThermalAnalysis a : values()) if (a.key.equals(k)) return a;
            return null;
        }
    }

    public record AnalysisSpec(ThermalAnalysis thermal, boolean mechanics, boolean reliability) { }

    /** A named probe at (x, y) in m, in a named layer (at the layer's mid-plane, or the active layer for the wafer). */
    public record ProbeSpec(String name, double x, double y, String layer) { }

    /**
     * Grid resolution: in-plane cells per core and direction (may be fractional: 0.25 = one cell per 4 x 4 cores),
     * minimum cells through every layer (at least 2), and the maximum ratio between neighbouring cell sizes used
     * when grading (e.g. 1.5).
     */
    public record GridSpec(double cellsPerCore, int minCellsPerLayer, double maxGrowth, Map<String, Integer> layerCells) {
        public GridSpec {
            layerCells = layerCells == null ? Map.of() : Map.copyOf(layerCells);
        }

        /** No per-layer cell counts: every layer graded from min_cells_per_layer. */
        public GridSpec(double cellsPerCore, int minCellsPerLayer, double maxGrowth) {
            this(cellsPerCore, minCellsPerLayer, maxGrowth, Map.of());
        }
    }

    /**
     * Solver settings: relative residual tolerance of each linear solve, maximum Krylov iterations, the Picard
     * tolerance on temperature (K) for temperature-dependent conductivity, maximum Picard iterations, and the
     * number of threads (0 = all available processors).
     */
    public record SolverSpec(double tolerance, int maxIterations, double picardTolerance, int maxPicard, int threads) { }

    /**
     * What the result file holds ({@code output}): a sweep of full-wafer runs can keep per-core data and summaries
     * only (a 3-D cell field of the default wafer is 60 MB in double precision), store fields in single precision,
     * and compress them.
     *
     * @param fields    which datasets are written
     * @param single    floating-point fields (cell fields, surfaces, per-core, per-die and plate arrays) as 32-bit
     *                  floats; summaries, coordinates and time axes stay double
     * @param deflate   0: contiguous datasets; 1-9: chunked datasets with byte shuffle and deflate at this level
     * @param layers    the adjacent stack layers whose z range the cell fields are cropped to (empty: every layer)
     */
    public record OutputSpec(Fields fields, boolean single, int deflate, List<String> layers) {
        /** The complete file, every dataset in its own precision, uncompressed. */
        public static final OutputSpec DEFAULT = new OutputSpec(Fields.ALL, false, 0, List.of());

        public OutputSpec {
            java.util.Objects.requireNonNull(fields, "fields");
            if (deflate < 0 || deflate > 9) throw new IllegalArgumentException("deflate level " + deflate);
            layers = layers == null ? List.of() : List.copyOf(layers);
            if (!layers.isEmpty() && fields == Fields.CORES)
                throw new IllegalArgumentException("layers with fields: cores (no cell fields to crop)");
        }

        public OutputSpec(Fields fields, boolean single, int deflate) {
            this(fields, single, deflate, List.of());
        }

        public boolean isDefault() { return equals(DEFAULT); }

        /** Which datasets a run writes. */
        public enum Fields {
            /** Everything, as the result schema lists it. */
            ALL("all"),
            /** No cell-grid fields ([nz][ny][nx] cells, [ny][nx] surfaces): per-core, per-die, plate and summaries. */
            CORES("cores");

            public final String key;

            Fields(String key) { this.key = key; }

            public static Fields fromKey(String k) {
                for (Fields f : values()) if (f.key.equals(k)) return f;
                return null;
            }
        }
    }
}
