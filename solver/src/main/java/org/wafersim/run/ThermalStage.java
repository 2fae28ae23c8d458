package org.wafersim.run;

import java.util.Map;
import java.util.function.Consumer;
import org.wafersim.cases.CaseSpec;
import org.wafersim.errors.EnergyBalanceException;
import org.wafersim.errors.CheckFailedException;
import org.wafersim.errors.WafersimException;
import org.wafersim.io.Hdf5PowerMap;
import org.wafersim.linalg.Parallel;
import org.wafersim.power.CorePowerSources;
import org.wafersim.power.PowerTimeline;
import org.wafersim.thermal.HeatBudget;
import org.wafersim.thermal.ManifoldCoolant;
import org.wafersim.thermal.OperatingPoint;
import org.wafersim.thermal.PackageThermalModel;
import org.wafersim.thermal.SteadyResult;
import org.wafersim.thermal.SteadySolver;

/**
 * Stage 2 of a run: the steady thermal solve at the operating point (the whole steady run, or the state before
 * t = 0 of a transient), with its energy balance checked against {@link CaseRun#BALANCE_LIMIT}, and the per-core
 * results read back through the core-to-cell map.
 *
 * @param model          the thermal model (operator, sources, coolant, leakage)
 * @param timeline       the power over time of a transient or cycle run, else null
 * @param op             the operating point (dynamic scale, leakage, outer iterations)
 * @param result         the steady field and its budget
 * @param coreT          per-core mean temperature, K
 * @param corePower      per-core power as solved (dynamic at the operating scale plus leakage at the final
 *                       temperatures), W
 * @param q              that power deposited on the grid, W per cell
 * @param interfaceHeat  heat through each layer interface, W
 * @param solver         the steady solver, holding its operator and multigrid hierarchy for the further steady
 *                       solves of the run on the same grid ({@link SteadySolver#takeWorkspace}); released by them
 */
record ThermalStage(PackageThermalModel.Model model, PowerTimeline timeline, OperatingPoint.Solution op,
                    SteadyResult result, double[] coreT, double[] corePower, double[] q, double[] interfaceHeat,
                    SteadySolver solver) {

    /**
     * The solve; a failed check (runaway, no convergence) hands the last iterate to {@code onFailure} before it is
     * rethrown unchanged.
     */
    static ThermalStage solve(CaseSpec spec, MeshStage mesh, Parallel par, Consumer<String> progress,
                              Map<String, Double> stages, Consumer<CaseRun.Partial> onFailure) {
        long t0 = System.nanoTime();
        var cores = mesh.cores();
        var g = mesh.grid();
        var map = mesh.map();
        PowerTimeline timeline = null;
        double[] corePower;
        if (spec.analysis().thermal() != CaseSpec.ThermalAnalysis.STEADY) {
            // the steady state before t = 0 is the transient's initial condition (and the steady part of the result)
            timeline = PowerTimeline.of(spec, cores, Hdf5PowerMap.READER);
            corePower = new double[cores.coreCount()];
            timeline.corePowerBefore(0, corePower);
        } else {
            corePower = CorePowerSources.corePower(spec, cores, spec.power().total(), Hdf5PowerMap.READER, progress);
        }
        long tp = System.nanoTime();
        PackageThermalModel.Model model = PackageThermalModel.build(spec, g, cores, map, corePower);
        long t1 = System.nanoTime();
        if (Boolean.getBoolean("wafersim.trace"))
            System.err.printf("thermal stage: core power %.2f s, model %.2f s%n", (tp - t0) / 1e9, (t1 - tp) / 1e9);
        stages.put("mesh", stages.getOrDefault("mesh", 0.0) + (t1 - t0) / 1e9);
        progress.accept(String.format("steady thermal solve on %,d cells", g.cells()));
        OperatingPoint.Solution op;
        SteadySolver solver = new SteadySolver(par, options(spec), outerRounds(progress));
        try {
            op = OperatingPoint.solve(solver, model, null);
        } catch (WafersimException e) {
            if (e.exitCode() != WafersimException.EXIT_CHECK_FAILED) throw e;
            stages.put("thermal", (System.nanoTime() - t1) / 1e9);
            onFailure.accept(new CaseRun.Partial(spec, g, cores, map, e instanceof CheckFailedException cf
                    ? cf.lastIterateK() : null, stages, e));
            throw e;
        }
        long ts = System.nanoTime();
        SteadyResult th = op.result();
        if (model.coolant() instanceof ManifoldCoolant mc) mc.update(th.temperature(), th.faceConductance());
        stages.put("thermal", (System.nanoTime() - t1) / 1e9);
        checkBalance(th, "");
        double[] coreT = map.coreMean(g, th.temperature());
        double[] total = model.dynamicCorePower().clone();
        for (int c = 0; c < total.length; c++) total[c] *= op.dynamicScale();
        double[] leak = model.leakage() == null ? null : model.leakage().corePowers(th.temperature());
        if (leak != null) for (int c = 0; c < leak.length; c++) total[c] += leak[c];
        double[] qOut = solver.takeSpare(g.cells());
        map.depositPower(g, total, qOut);
        ThermalStage out = new ThermalStage(model, timeline, op, th, coreT, total, qOut,
                HeatBudget.interfaceHeat(model.problem(), th.temperature(), par), solver);
        if (Boolean.getBoolean("wafersim.trace"))
            System.err.printf("thermal stage: solve %.2f s, post %.2f s%n", (ts - t1) / 1e9, (System.nanoTime() - ts) / 1e9);
        return out;
    }

    /** The case's steady-solver options. */
    static SteadySolver.Options options(CaseSpec spec) {
        var s = spec.solver();
        return new SteadySolver.Options(s.tolerance(), s.maxIterations(), s.picardTolerance(), s.maxPicard(), false);
    }

    /** Fails the run (exit 1) when the solution's energy balance is off by more than {@link CaseRun#BALANCE_LIMIT}. */
    static void checkBalance(SteadyResult r, String where) {
        if (!(Math.abs(r.balanceRelError()) <= CaseRun.BALANCE_LIMIT))
            throw new EnergyBalanceException(String.format(
                    "energy balance violated%s: power in %.6e W, heat out %.6e W, relative error %.3e > %.0e", where,
                    r.powerIn(), r.totalHeatOut(), r.balanceRelError(), CaseRun.BALANCE_LIMIT));
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

}
