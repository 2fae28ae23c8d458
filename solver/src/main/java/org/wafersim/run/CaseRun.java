package org.wafersim.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleUnaryOperator;
import org.wafersim.cases.CaseSpec;
import org.wafersim.cases.TransientSpec;
import org.wafersim.errors.EnergyBalanceException;
import org.wafersim.geometry.CoreArray;
import org.wafersim.grid.Grid;
import org.wafersim.grid.GridBuilder;
import org.wafersim.grid.GridPlan;
import org.wafersim.grid.MemoryEstimate;
import org.wafersim.linalg.Parallel;
import org.wafersim.mechanics.PackageMechanics;
import org.wafersim.power.CoreCellMap;
import org.wafersim.reliability.ReliabilityParameters;
import org.wafersim.thermal.CoolantModel;
import org.wafersim.thermal.SteadyResult;

/**
 * One run of a case: a pipeline of stages on one shared model of the wafer (DESIGN section 1) and one thread pool:
 * mesh ({@link MeshStage}: cores, grid, core-to-cell map) → steady thermal ({@link ThermalStage}) → transient or
 * cycle ({@link TransientRun}, with the mechanics along it when asked) → operating states ({@link OperatingStates})
 * → mechanics ({@link MechanicsRun}) → reliability ({@link ReliabilityRun}) → summary and verdict
 * ({@link SummaryStage}). Each stage takes the typed outcomes of those before it. Every steady solve fails the run
 * with {@link EnergyBalanceException} if its energy balance is off by more than {@link #BALANCE_LIMIT}.
 */
public final class CaseRun {
    /** Largest accepted |power in - heat out| / power in; a converged solve is many orders below it. */
    public static final double BALANCE_LIMIT = 1e-6;

    /** Everything a run produced, for the result file and the summary. */
    public record Result(CaseSpec spec, Grid grid, CoreArray cores, double[] corePower, double[] q,
                         SteadyResult thermal, double[] coreTemperature, RunSummary summary,
                         CoolantModel coolant, double[] interfaceHeat, TransientRun.Outcome transientOutcome,
                         ReliabilityRun.Outcome reliability, MechanicsRun.Outcome mechanics,
                         org.wafersim.thermal.FixedSources fixedSources) { }

    /**
     * Junction temperature limit (degC) above which a design is flagged infeasible: the usual qualification
     * temperature of 125 degC (reference-data.md A.4: design limit ~85 degC, qualification 105-125 degC).
     */
    public static final double JUNCTION_LIMIT_C = 125;

    /**
     * What a run that stopped on a failed check (thermal runaway, no convergence, infeasible) had after its grid was built, so
     * that the command can still write a result with {@code /status}, the mesh and the last iterate. Handed to the
     * caller's hook just before the failure (a {@link org.wafersim.errors.WafersimException}, which decides the exit
     * code and the message) is rethrown unchanged.
     *
     * @param lastIterateK the temperature field of the last iterate, K, or null
     * @param cause        the failure
     */
    public record Partial(CaseSpec spec, Grid grid, CoreArray cores, CoreCellMap map, double[] lastIterateK,
                          Map<String, Double> stages, RuntimeException cause) { }

    private CaseRun() { }

    /** Plans the grid only (no field allocated): dimensions and memory estimate. */
    public static GridPlan plan(CaseSpec spec) { return GridBuilder.plan(spec); }

    /** Estimated heap of the whole run (bytes): the thermal grid's estimate plus the mechanics mesh's. */
    public static long estimatedBytes(CaseSpec spec) { return estimatedBytes(spec, plan(spec)); }

    /**
     * As {@link #estimatedBytes(CaseSpec)} on the case's planned grid: the larger of the two stages that hold the
     * most. The thermal stages: the steady solve ({@link GridPlan#estimatedBytes()}; a run without a thermal solve
     * holds the prescribed field and its copies only, {@link org.wafersim.grid.MemoryEstimate#bytesWithoutSolve}),
     * plus {@value #STATE_BYTES_PER_CELL} B per cell for each further steady state the mechanics asks for (its field,
     * and the solver's workspace grown around it). The mechanics stage, which starts with a collection: the fields
     * the run keeps ({@value #KEPT_BYTES_PER_CELL} B per cell) plus the mechanics' own
     * ({@link MechanicsRun#estimateBytes}).
     */
    static long estimatedBytes(CaseSpec spec, GridPlan p) {
        long cells = p.cells();
        boolean solves = spec.analysis().thermal() != CaseSpec.ThermalAnalysis.NONE;
        long thermal = solves ? p.estimatedBytes() : MemoryEstimate.bytesWithoutSolve(cells);
        long mech = MechanicsRun.estimateBytes(spec, p);
        if (mech == 0) return thermal;
        int extraStates = 0;
        if (solves) for (CaseSpec.OperatingState st : spec.mechanics().states())
            if (st == CaseSpec.OperatingState.IDLE || spec.analysis().thermal().timeDependent()) extraStates++;
        thermal = MemoryEstimate.saturated(thermal, STATE_BYTES_PER_CELL * extraStates, cells);
        long mechanicsStage = MemoryEstimate.saturated(MemoryEstimate.FIXED_MIB << 20, KEPT_BYTES_PER_CELL, cells);
        return Math.max(thermal, MemoryEstimate.saturated(mechanicsStage, mech, 1));
    }

    /** Heap per cell of each further steady state for the mechanics (its field and the solver's growth), bytes. */
    static final long STATE_BYTES_PER_CELL = 30;
    /** Heap per cell the run keeps into the mechanics stage (fields, maps, result copies), bytes. */
    static final long KEPT_BYTES_PER_CELL = 40;

    public static Result run(CaseSpec spec, int threads, Consumer<String> progress) {
        return run(spec, threads, progress, p -> { });
    }

    /**
     * A run on {@code threads} worker threads (0: the case's {@code solver.threads}, whose 0 is all processors);
     * {@code onFailure} is handed what the run had when a failed check stops it after the grid was built
     * ({@link Partial}), before the failure is rethrown.
     */
    public static Result run(CaseSpec spec, int threads, Consumer<String> progress, Consumer<Partial> onFailure) {
        long t0 = System.nanoTime();
        Map<String, Double> stages = new LinkedHashMap<>();
        HeapPeaks heap = new HeapPeaks();
        // reliability parameters first: bad values are input errors, reported before any solve
        ReliabilityParameters relParams = spec.analysis().reliability() ? spec.reliabilitySpec().parameters() : null;
        MeshStage mesh = MeshStage.build(spec, progress);
        stages.put("mesh", (System.nanoTime() - t0) / 1e9);
        heap.close("mesh");
        if (spec.analysis().thermal() == CaseSpec.ThermalAnalysis.NONE) return prescribed(spec, mesh, threads, progress,
                stages, heap, t0);
        boolean transientRun = spec.analysis().thermal().timeDependent();
        try (Parallel par = new Parallel(threads > 0 ? threads : spec.solver().threads())) {
            ThermalStage th = ThermalStage.solve(spec, mesh, par, progress, stages, onFailure);
            heap.close("thermal");

            // mechanics along the transient: the plate model is built before it, so that every step's field can be
            // restricted to its mesh as the integrator produces it
            PackageMechanics pm = null;
            MechanicsHistory hist = null;
            long tm0 = System.nanoTime(), tm1 = tm0;
            if (transientRun && spec.analysis().mechanics()) {
                pm = MechanicsRun.build(spec, mesh.grid(), mesh.plan(), par, progress);
                tm1 = System.nanoTime();
                hist = new MechanicsHistory(pm, spec.mechanics().history(),
                        spec.analysis().thermal() == CaseSpec.ThermalAnalysis.CYCLE, spec.cycling().period(),
                        MeshStage.connectorLayer(spec, mesh.grid()));
            }

            TransientRun.Outcome tr = null;
            if (transientRun) {
                long t3 = System.nanoTime();
                double[] init = th.result().temperature();
                if (spec.transientSpec().initial() == TransientSpec.InitialState.AMBIENT) {
                    Grid g = mesh.grid();
                    init = new double[g.cells()];
                    for (int c = 0; c < init.length; c++)
                        init[c] = g.isVoid(c) ? Double.NaN : spec.cooling().coolant().inlet();
                }
                DoubleUnaryOperator dyn = OperatingStates.levelToDynamic(spec, mesh, th.timeline(), par, th,
                        progress);
                tr = TransientRun.run(spec, mesh.cores(), mesh.grid(), mesh.map(), th.model(), th.timeline(), init, par,
                        progress, dyn, hist);
                stages.put("transient", (System.nanoTime() - t3) / 1e9);
                heap.close("transient");
            }

            MechanicsRun.Outcome mech = null;
            if (!spec.analysis().mechanics()) th.solver().release();   // no further steady solve on this grid
            if (spec.analysis().mechanics()) {
                long t5 = System.nanoTime();
                Map<String, double[]> fields = OperatingStates.mechanicsFields(spec, mesh, th, tr, par, progress);
                stages.put("mechanics_thermal_states", (System.nanoTime() - t5) / 1e9);
                heap.close("mechanics_thermal_states");
                progress.accept("mechanics: " + String.join(", ", fields.keySet()));
                if (pm == null) {
                    mech = MechanicsRun.run(spec, mesh.grid(), mesh.plan(), fields, par, progress);
                } else {
                    long now = System.nanoTime();
                    mech = MechanicsRun.solve(pm, fields, hist, now - (tm1 - tm0), now, progress);
                    stages.put("mechanics_history", mech.history().seconds());
                }
                stages.put("mechanics", mech.seconds());
                mech = corner(spec, mech, fields, par, progress, stages);
                heap.close("mechanics");
            }

            ReliabilityRun.Outcome rel = null;
            if (relParams != null) {
                progress.accept(String.format("reliability: wear-out, redundancy and yield of %,d cores%s",
                        mesh.cores().coreCount(), mech != null ? ", connector fatigue" : ""));
                rel = ReliabilityRun.run(spec, relParams, mesh.cores(), th.coreT(), tr, mech, par);
                stages.put("reliability", rel.seconds());
                heap.close("reliability");
            }

            RunSummary summary = SummaryStage.of(spec, mesh, th, stages, (System.nanoTime() - t0) / 1e9, heap, tr, mech,
                    rel);
            return new Result(spec, mesh.grid(), mesh.cores(), th.corePower(), th.q(), th.result(), th.coreT(),
                    summary, th.model().coolant(), th.interfaceHeat(), tr, rel, mech, th.model().problem().fixed());
        }
    }

    /** The 3-D corner model after the plate model, on the first state, when the case asks for it. */
    private static MechanicsRun.Outcome corner(CaseSpec spec, MechanicsRun.Outcome mech, Map<String, double[]> fields,
                                               Parallel par, Consumer<String> progress, Map<String, Double> stages) {
        if (!spec.mechanics().corner().enabled()) return mech;
        long tc = System.nanoTime();
        mech = mech.withCorner(CornerRun.run(spec, mech.model(), mech.states().get(0),
                fields.values().iterator().next(), par, progress));
        stages.put("mechanics_corner", (System.nanoTime() - tc) / 1e9);
        return mech;
    }

    /**
     * A run without a thermal solve ({@code analysis.thermal: none}): the mechanics under {@code mechanics.load}'s
     * prescribed field ({@link PrescribedTemperature}), solved once as the state "load". The result carries that field
     * where a thermal run has its solution (the per-core means of it too), no power and no heat paths.
     */
    private static Result prescribed(CaseSpec spec, MeshStage mesh, int threads, Consumer<String> progress,
                                     Map<String, Double> stages, HeapPeaks heap, long t0) {
        Grid g = mesh.grid();
        try (Parallel par = new Parallel(threads > 0 ? threads : spec.solver().threads())) {
            long t1 = System.nanoTime();
            double[] field = PrescribedTemperature.field(spec, g);
            stages.put("load", (System.nanoTime() - t1) / 1e9);
            heap.close("load");
            progress.accept("mechanics: prescribed load (mechanics.load.type " + spec.mechanics().load().type().key()
                    + "), no thermal solve");
            Map<String, double[]> fields = new LinkedHashMap<>();
            fields.put("load", field);
            MechanicsRun.Outcome mech = MechanicsRun.run(spec, g, mesh.plan(), fields, par, progress);
            stages.put("mechanics", mech.seconds());
            mech = corner(spec, mech, fields, par, progress, stages);
            heap.close("mechanics");
            double[] coreT = mesh.map().coreMean(g, field);
            SteadyResult th = new SteadyResult(field, 0, new double[0], java.util.List.of(), 0, 0, new int[0], 0,
                    new double[0], 0, 0, 0, 0, null);
            RunSummary summary = SummaryStage.prescribed(spec, mesh, th, coreT, stages,
                    (System.nanoTime() - t0) / 1e9, heap, mech);
            return new Result(spec, g, mesh.cores(), new double[mesh.cores().coreCount()], new double[g.cells()], th,
                    coreT, summary, null, new double[Math.max(0, g.layerCount() - 1)], null, null, mech, null);
        }
    }
}
