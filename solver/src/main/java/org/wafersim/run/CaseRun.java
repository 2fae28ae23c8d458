package org.wafersim.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.wafersim.cases.CaseSpec;
import org.wafersim.errors.EnergyBalanceException;
import org.wafersim.geometry.CoreArray;
import org.wafersim.grid.Grid;
import org.wafersim.grid.GridBuilder;
import org.wafersim.grid.GridPlan;
import org.wafersim.linalg.Parallel;
import org.wafersim.power.CoreCellMap;
import org.wafersim.power.WorkloadPower;
import org.wafersim.thermal.CoolantModel;
import org.wafersim.thermal.ManifoldCoolant;
import org.wafersim.thermal.HeatBudget;
import org.wafersim.thermal.OperatingPoint;
import org.wafersim.thermal.PackageThermalModel;
import org.wafersim.thermal.SteadyResult;
import org.wafersim.thermal.SteadySolver;
import org.wafersim.thermal.ThermalProblem;
import org.wafersim.units.Units;

/**
 * One run of a case, on one shared model of the wafer (DESIGN section 1): the CoreArray is built once, the grid
 * from the case, the heat sources from the per-core power, then the steady thermal solve; the per-core temperatures
 * are read back through the same core-to-cell map. Fails with {@link EnergyBalanceException} if the energy balance
 * of the solution is off by more than {@link #BALANCE_LIMIT}.
 */
public final class CaseRun {
    /** Largest accepted |power in - heat out| / power in; a converged solve is many orders below it. */
    public static final double BALANCE_LIMIT = 1e-6;
    private static final double KELVIN = Units.ZERO_CELSIUS_K;

    /** Everything a run produced, for the result file and the summary. */
    public record Result(CaseSpec spec, Grid grid, CoreArray cores, double[] corePower, double[] q,
                         SteadyResult thermal, double[] coreTemperature, RunSummary summary,
                         CoolantModel coolant, double[] interfaceHeat, TransientRun.Outcome transientOutcome,
                         ReliabilityRun.Outcome reliability, MechanicsRun.Outcome mechanics) { }

    /**
     * Junction temperature limit (degC) above which a design is flagged infeasible: the usual qualification
     * temperature of 125 degC (reference-data.md A.4: design limit ~85 degC, qualification 105-125 degC).
     */
    public static final double JUNCTION_LIMIT_C = 125;

    /**
     * What a run that stopped on a failed check (thermal runaway, no convergence) had after its grid was built, so
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
    public static long estimatedBytes(CaseSpec spec) {
        GridPlan p = plan(spec);
        return p.estimatedBytes() + MechanicsRun.estimateBytes(spec, p);
    }

    public static Result run(CaseSpec spec, int threads, Consumer<String> progress) {
        return run(spec, threads, progress, p -> { });
    }

    /**
     * A run; {@code onFailure} is handed what the run had when a failed check stops it after the grid was built
     * ({@link Partial}), before the failure is rethrown.
     */
    public static Result run(CaseSpec spec, int threads, Consumer<String> progress, Consumer<Partial> onFailure) {
        long t0 = System.nanoTime();
        Map<String, Double> stages = new LinkedHashMap<>();
        // reliability parameters first: bad values are input errors, reported before any solve
        org.wafersim.reliability.ReliabilityParameters relParams = spec.analysis().reliability()
                ? ReliabilityCaseParameters.of(spec) : null;
        progress.accept("building grid and core model");
        CoreArray cores = CoreArray.of(spec);
        GridPlan plan = GridBuilder.plan(spec);
        Grid g = GridBuilder.build(spec, cores);
        CoreCellMap map = CoreCellMap.of(g, cores);
        boolean transientRun = spec.analysis().thermal() != CaseSpec.ThermalAnalysis.STEADY;
        org.wafersim.power.PowerTimeline timeline = null;
        double[] corePower;
        if (transientRun) {
            // the steady state before t = 0 is the transient's initial condition (and the steady part of the result)
            timeline = org.wafersim.power.PowerTimeline.of(spec, cores, org.wafersim.io.Hdf5PowerMap.READER);
            corePower = new double[cores.coreCount()];
            timeline.corePowerBefore(0, corePower);
        } else {
            corePower = org.wafersim.power.CorePowerSources.corePower(spec, cores, spec.power().total(),
                    org.wafersim.io.Hdf5PowerMap.READER, progress);
        }
        PackageThermalModel.Model model = PackageThermalModel.build(spec, g, cores, map, corePower);
        ThermalProblem problem = model.problem();
        long t1 = System.nanoTime();
        stages.put("mesh", (t1 - t0) / 1e9);
        progress.accept(String.format("steady thermal solve on %,d cells", g.cells()));
        OperatingPoint.Solution op;
        var s = spec.solver();
        try (Parallel par = new Parallel(threads > 0 ? threads : s.threads())) {
            op = OperatingPoint.solve(new SteadySolver(par, new SteadySolver.Options(s.tolerance(), s.maxIterations(),
                    s.picardTolerance(), s.maxPicard(), false), outerRounds(progress)), model, null);
        } catch (org.wafersim.errors.WafersimException e) {
            if (e.exitCode() != org.wafersim.errors.WafersimException.EXIT_CHECK_FAILED) throw e;
            stages.put("thermal", (System.nanoTime() - t1) / 1e9);
            onFailure.accept(new Partial(spec, g, cores, map, e instanceof org.wafersim.errors.ThermalRunawayException r
                    ? r.lastIterateK() : null, stages, e));
            throw e;
        }
        SteadyResult th = op.result();
        if (model.coolant() instanceof ManifoldCoolant mc) mc.update(th.temperature(), th.faceConductance());
        long t2 = System.nanoTime();
        stages.put("thermal", (t2 - t1) / 1e9);
        if (!(Math.abs(th.balanceRelError()) <= BALANCE_LIMIT))
            throw new EnergyBalanceException(String.format(
                    "energy balance violated: power in %.6e W, heat out %.6e W, relative error %.3e > %.0e",
                    th.powerIn(), th.totalHeatOut(), th.balanceRelError(), BALANCE_LIMIT));
        double[] coreT = map.coreMean(g, th.temperature());
        // Per-core power as solved: dynamic plus leakage at the core's final temperature.
        double[] totalCorePower = model.dynamicCorePower().clone();
        for (int c = 0; c < totalCorePower.length; c++) totalCorePower[c] *= op.dynamicScale();
        double[] leak = model.leakage() == null ? null : model.leakage().corePowers(th.temperature());
        if (leak != null) for (int c = 0; c < leak.length; c++) totalCorePower[c] += leak[c];
        double[] q = map.depositPower(g, totalCorePower);
        double[] iface = HeatBudget.interfaceHeat(problem, th.temperature());
        TransientRun.Outcome tr = null;
        // mechanics along the transient: the plate model is built before it, so that every step's field can be
        // restricted to its mesh as the integrator produces it
        boolean history = transientRun && spec.analysis().mechanics();
        Parallel mechPar = history ? new Parallel(threads > 0 ? threads : s.threads()) : null;
        org.wafersim.mechanics.PackageMechanics pm = null;
        MechanicsHistory hist = null;
        long tm0 = System.nanoTime(), tm1 = tm0;
        MechanicsRun.Outcome mech = null;
        try {
        if (history) {
            pm = MechanicsRun.build(spec, g, plan, mechPar, progress);
            tm1 = System.nanoTime();
            hist = new MechanicsHistory(pm, spec.mechanics().history(),
                    spec.analysis().thermal() == CaseSpec.ThermalAnalysis.CYCLE, spec.cycling().period(),
                    connectorLayer(spec, g));
        }
        if (transientRun) {
            long t3 = System.nanoTime();
            double[] init = th.temperature();
            if (spec.transientSpec().initial() == org.wafersim.cases.TransientSpec.InitialState.AMBIENT) {
                init = new double[g.cells()];
                for (int c = 0; c < init.length; c++)
                    init[c] = g.isVoid(c) ? Double.NaN : spec.cooling().coolant().inlet();
            }
            java.util.function.DoubleUnaryOperator dyn = levelToDynamic(spec, g, cores, map, timeline, threads, th,
                    progress);
            tr = TransientRun.run(spec, cores, g, map, model, timeline, init, threads > 0 ? threads : s.threads(),
                    progress, dyn, hist);
            stages.put("transient", (System.nanoTime() - t3) / 1e9);
        }
        if (spec.analysis().mechanics()) {
            long t5 = System.nanoTime();
            Map<String, double[]> fields = new LinkedHashMap<>();
            for (CaseSpec.OperatingState st : spec.mechanics().states()) {
                switch (st) {
                    case FULL -> fields.put("full", transientRun
                            ? steadyAt(spec, g, cores, map, spec.power().total(), threads, th, progress)
                            : th.temperature());
                    case IDLE -> fields.put("idle", steadyAt(spec, g, cores, map, spec.power().idle(), threads, th,
                            progress));
                }
            }
            if (tr != null)
                for (int i = 0; i < tr.snapshots().size(); i++) {
                    double[] tc = tr.snapshots().get(i).temperatureC();
                    double[] tk = new double[tc.length];
                    for (int c = 0; c < tc.length; c++) tk[c] = tc[c] + KELVIN;
                    fields.put(String.format(java.util.Locale.ROOT, "snapshot_%04d", i), tk);
                }
            stages.put("mechanics_thermal_states", (System.nanoTime() - t5) / 1e9);
            progress.accept("mechanics: " + String.join(", ", fields.keySet()));
            if (pm == null) {
                mech = MechanicsRun.run(spec, g, plan, fields, threads > 0 ? threads : s.threads(), progress);
            } else {
                long now = System.nanoTime();
                mech = MechanicsRun.solve(pm, fields, hist, now - (tm1 - tm0), now, progress);
                stages.put("mechanics_history", mech.history().seconds());
            }
            stages.put("mechanics", mech.seconds());
        }
        } finally {
            if (mechPar != null) mechPar.close();
        }
        ReliabilityRun.Outcome rel = null;
        if (relParams != null) {
            progress.accept(String.format("reliability: wear-out, redundancy and yield of %,d cores%s", cores.coreCount(),
                    mech != null ? ", connector fatigue" : ""));
            rel = ReliabilityRun.run(spec, relParams, cores, coreT, tr, mech, threads > 0 ? threads : s.threads());
            stages.put("reliability", rel.seconds());
        }
        RunSummary summary = summarize(spec, g, cores, th, coreT, plan, stages, (System.nanoTime() - t0) / 1e9,
                model.coolant(), iface, op.leakageW());
        summary = summary.withPowerCoolant(new PowerCoolantSummary(powerOf(spec, op), coolantOf(spec, model.coolant()),
                notesWithGrid(notesOf(spec), plan)));
        if (tr != null) summary = summary.withTransient(TransientRun.summaryOf(tr));
        if (mech != null) summary = summary.withMechanics(MechanicsRun.summaryOf(mech));
        if (rel != null) summary = summary.withReliability(ReliabilityRun.summaryOf(rel, cores));
        Verdict verdict = Verdict.of(spec, summary, tr, mech, rel, cores);
        summary = summary.withVerdict(verdict.toMap(), spec.criteria().junctionLimit() - KELVIN);
        return new Result(spec, g, cores, totalCorePower, q, th, coreT, summary, model.coolant(), iface, tr, rel, mech);
    }

    /** The stack index of the connector (the layer right below the wafer, when there is one), else -1. */
    static int connectorLayer(CaseSpec spec, Grid g) {
        int w = spec.waferLayerIndex();
        return w + 1 < g.layerCount() ? w + 1 : -1;
    }

    /**
     * The steady temperature field (K) at another total power with the case's distribution (an operating state for
     * the mechanics: full load in a transient run, idle), warm-started from {@code near}; the energy balance is
     * checked as for the run's own solve.
     */
    static double[] steadyAt(CaseSpec spec, Grid g, CoreArray cores, CoreCellMap map, double power, int threads,
                             SteadyResult near, Consumer<String> progress) {
        progress.accept(String.format(java.util.Locale.ROOT, "steady thermal solve at %.4g W for the mechanics", power));
        double[] cp = org.wafersim.power.CorePowerSources.corePower(spec, cores, power,
                org.wafersim.io.Hdf5PowerMap.READER, m -> { });
        PackageThermalModel.Model model = PackageThermalModel.build(spec, g, cores, map, cp);
        var s = spec.solver();
        SteadyResult r;
        try (Parallel par = new Parallel(threads > 0 ? threads : s.threads())) {
            r = OperatingPoint.solve(new SteadySolver(par, new SteadySolver.Options(s.tolerance(), s.maxIterations(),
                    s.picardTolerance(), s.maxPicard(), false)), model, near.temperature()).result();
        }
        if (!(Math.abs(r.balanceRelError()) <= BALANCE_LIMIT))
            throw new EnergyBalanceException(String.format(
                    "energy balance violated at %.4g W: relative error %.3e > %.0e", power, r.balanceRelError(),
                    BALANCE_LIMIT));
        return r.temperature();
    }

    /** Most operating-point solves spent on the levels of a transient profile given as totals. */
    static final int MAX_LEVEL_SOLVES = 8;

    /**
     * The dynamic power (W) at each level of a transient profile. With {@code power.dynamic} (or without leakage) a
     * level is its dynamic power. With {@code power.total} and leakage a level is the total at the steady operating
     * point: the dynamic power of each distinct level of the profile is found by an operating-point solve
     * ({@link OperatingPoint}, warm-started), and levels in between (ramps, traces) are interpolated linearly; a
     * profile with more than {@link #MAX_LEVEL_SOLVES} distinct levels is sampled at that many evenly spaced ones.
     */
    static java.util.function.DoubleUnaryOperator levelToDynamic(CaseSpec spec, Grid g, CoreArray cores,
            CoreCellMap map, org.wafersim.power.PowerTimeline tl, int threads, SteadyResult near,
            Consumer<String> progress) {
        if (spec.power().basis() != CaseSpec.PowerBasis.TOTAL || spec.power().leakageAtRef() == 0)
            return x -> x;
        java.util.TreeSet<Double> levels = new java.util.TreeSet<>();
        levels.add(tl.totalBefore(0));
        for (double b : tl.breakpoints()) {
            levels.add(tl.totalAt(b));
            levels.add(tl.totalBefore(b));
        }
        levels.removeIf(v -> !(v > 0));
        double[] lv = levels.stream().mapToDouble(Double::doubleValue).toArray();
        if (lv.length > MAX_LEVEL_SOLVES) {
            double lo = lv[0], hi = lv[lv.length - 1];
            lv = new double[MAX_LEVEL_SOLVES];
            for (int i = 0; i < lv.length; i++) lv[i] = lo + (hi - lo) * i / (lv.length - 1);
        }
        double[] dy = new double[lv.length];
        var s = spec.solver();
        double[] warm = near.temperature();
        for (int i = 0; i < lv.length; i++) {
            progress.accept(String.format(java.util.Locale.ROOT, "operating point at a total of %.6g W (transient profile level)", lv[i]));
            double[] cp = org.wafersim.power.CorePowerSources.corePower(spec, cores, lv[i],
                    org.wafersim.io.Hdf5PowerMap.READER, m -> { });
            PackageThermalModel.Model m = PackageThermalModel.build(spec, g, cores, map, cp);
            try (Parallel par = new Parallel(threads > 0 ? threads : s.threads())) {
                OperatingPoint.Solution op = OperatingPoint.solve(new SteadySolver(par, new SteadySolver.Options(
                        s.tolerance(), s.maxIterations(), s.picardTolerance(), s.maxPicard(), false)), m, warm);
                dy[i] = op.dynamicW();
                warm = op.result().temperature();
            }
        }
        final double[] x = lv, y = dy;
        return v -> {
            if (!(v > 0)) return 0;
            if (x.length == 1) return y[0] * v / x[0];
            int i = java.util.Arrays.binarySearch(x, v);
            if (i >= 0) return y[i];
            int k = Math.min(Math.max(-i - 2, 0), x.length - 2);
            return Math.max(0, y[k] + (y[k + 1] - y[k]) * (v - x[k]) / (x[k + 1] - x[k]));
        };
    }

    /**
     * Outer (Picard/Newton) rounds of the steady solve as progress updates: the fraction is how far the change has
     * come down, on a log scale, from the first round's to the tolerance.
     */
    static SteadySolver.Rounds outerRounds(Consumer<String> lines) {
        RunProgress p = RunProgress.of(lines);
        double[] first = {Double.NaN};
        return (round, change, tol, its) -> {
            if (round == 1 || !(first[0] > 0)) first[0] = change;
            double f = change <= tol ? 1 : first[0] > tol && change > 0
                    ? Math.max(0, Math.min(1, Math.log(first[0] / change) / Math.log(first[0] / tol))) : Double.NaN;
            p.update("thermal", f, String.format(java.util.Locale.ROOT, "outer round %d: change %.2e K (tolerance %.0e K), "
                    + "%d CG iterations", round, change, tol, its));
        };
    }

    /** The notes plus the grid's z-grading warning, if any. */
    static List<String> notesWithGrid(List<String> notes, GridPlan plan) {
        if (plan.zGrowthWarning() == null) return notes;
        List<String> n = new java.util.ArrayList<>(notes);
        n.add("grid: " + plan.zGrowthWarning());
        return n;
    }

    /** The cooling block's notes and those of the plate correlations (used outside their ranges). */
    static List<String> notesOf(CaseSpec spec) {
        List<String> n = new java.util.ArrayList<>(spec.cooling().notes());
        if (spec.cooling().mode() != CaseSpec.CoolingMode.EDGE) {
            org.wafersim.thermal.PlateHydraulics ph = org.wafersim.thermal.PlateHydraulics.of(spec);
            if (ph != null) n.addAll(ph.notes());
        }
        return n;
    }

    /** The coolant for the summary (null in edge mode). */
    static PowerCoolantSummary.Coolant coolantOf(CaseSpec spec, CoolantModel c) {
        if (c == null) return null;
        org.wafersim.thermal.PlateHydraulics ph = org.wafersim.thermal.PlateHydraulics.of(spec);
        if (ph == null)
            return new PowerCoolantSummary.Coolant(c.inlet() - KELVIN, c.outlet() - KELVIN, c.maxLocal() - KELVIN,
                    c.meanLocal() - KELVIN, c.massFlow(), spec.cooling().coolant().h(), "given (cooling.coolant.h)",
                    Double.NaN, Double.NaN, null);
        Map<String, Object> d = new LinkedHashMap<>(ph.details());
        d.put("film_h_W_per_m2K", ph.hFilm());
        return new PowerCoolantSummary.Coolant(c.inlet() - KELVIN, c.outlet() - KELVIN, c.maxLocal() - KELVIN,
                c.meanLocal() - KELVIN, c.massFlow(), ph.hFootprint(), ph.correlation(), ph.pressureDropPa(),
                ph.pumpingPowerW(), d);
    }

    /** The power breakdown at the operating point for the summary. */
    static PowerCoolantSummary.Power powerOf(CaseSpec spec, OperatingPoint.Solution op) {
        var ps = spec.power();
        String leak = ps.leakage() == null ? "no leakage block" : "leakage from power.leakage on top";
        var trace = spec.transientSpec() != null
                && spec.transientSpec().profile() instanceof org.wafersim.cases.TransientSpec.TraceProfile tp
                && tp.mapAs() == CaseSpec.MapAs.WATTS ? tp : null;
        String source = ps.mapAs() == CaseSpec.MapAs.WATTS ? "power.map " + ps.mapFile() + " in W as written, " + leak
                : trace != null ? "transient.trace.file " + trace.file() + " in W as written (power.dynamic = the mean"
                        + " of its samples), " + leak
                : "power." + ps.basis().key + (op.iterations() > 0 ? " at the operating point" : "")
                        + (ps.leakage() == null ? ", no leakage block" : "");
        return new PowerCoolantSummary.Power(ps.basis().key, source, op.dynamicW(), op.leakageW(), op.totalW(),
                op.targetW(), op.iterations());
    }

    static RunSummary summarize(CaseSpec spec, Grid g, CoreArray cores, SteadyResult th, double[] coreT,
                                GridPlan plan, Map<String, Double> stages, double wall, CoolantModel coolant,
                                double[] iface, double leakageW) {
        double[] t = th.temperature();
        int wl = spec.waferLayerIndex();
        double max = -Double.MAX_VALUE, min = Double.MAX_VALUE;
        for (int k = g.layerK0(wl); k < g.layerK1(wl); k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) {
                    int c = g.index(i, j, k);
                    if (g.isVoid(c)) continue;
                    max = Math.max(max, t[c]);
                    min = Math.min(min, t[c]);
                }
        double waferMean = g.volumeMean(t, g.layerK0(wl), g.layerK1(wl));
        double junctionMean = g.volumeMean(t, g.activeK0(), g.activeK1());     // the active layer
        int hot = 0;
        double cmax = -Double.MAX_VALUE, cmin = Double.MAX_VALUE;
        for (int c = 0; c < coreT.length; c++) {
            if (coreT[c] > cmax) { cmax = coreT[c]; hot = c; }
            cmin = Math.min(cmin, coreT[c]);
        }
        int d = cores.die(hot);
        RunSummary.HottestCore hc = new RunSummary.HottestCore(hot, cores.dieColumn(d), cores.dieRow(d),
                cores.coreColumn(hot), cores.coreRow(hot), cmax - KELVIN);
        Map<String, Double> heat = new LinkedHashMap<>();
        for (int p = 0; p < th.pathNames().size(); p++) heat.put(th.pathNames().get(p), th.pathHeat()[p]);
        int cg = 0;
        for (int it : th.linearIterations()) cg += it;
        double rjc = th.powerIn() > 0 ? (junctionMean - spec.cooling().coolant().inlet()) / th.powerIn() : Double.NaN;
        // Sum of the heap pools' peaks: an upper bound of the run's peak heap use.
        long peak = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans())
            if (pool.getType() == java.lang.management.MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        Map<String, Double> ifaceMap = new LinkedHashMap<>();
        for (int l = 0; l < iface.length; l++)
            ifaceMap.put(g.layerNames().get(l) + "/" + g.layerNames().get(l + 1), iface[l]);
        double rjcMax = th.powerIn() > 0 ? (max - spec.cooling().coolant().inlet()) / th.powerIn() : Double.NaN;
        boolean feasible = max - KELVIN <= JUNCTION_LIMIT_C;
        return new RunSummary(spec.name(), null, g.nx, g.ny, g.nz, g.cells(), th.powerIn(),
                max - KELVIN, waferMean - KELVIN, min - KELVIN, cmax - KELVIN, cmin - KELVIN, cmax - cmin, hc,
                heat, th.balanceRelError(), rjc, th.picardIterations(), cg, th.finalRelResidual(),
                th.multigridLevels(), stages, wall, plan.estimatedBytes(), peak,
                spec.cooling().mode().key, leakageW,
                coolant == null ? Double.NaN : coolant.outlet() - KELVIN, rjcMax, ifaceMap, feasible,
                JUNCTION_LIMIT_C);
    }
}
