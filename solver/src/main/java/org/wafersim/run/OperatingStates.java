package org.wafersim.run;

import org.wafersim.cases.PowerSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.wafersim.cases.CaseSpec;
import org.wafersim.geometry.CoreArray;
import org.wafersim.grid.Grid;
import org.wafersim.linalg.Parallel;
import org.wafersim.power.CoreCellMap;
import org.wafersim.thermal.OperatingPoint;
import org.wafersim.thermal.PackageThermalModel;
import org.wafersim.thermal.SteadyResult;
import org.wafersim.thermal.SteadySolver;
import org.wafersim.units.Units;

/**
 * Stage 3 of a run: the operating states other stages need besides the run's own steady state: the dynamic power at
 * each level of a transient profile given as totals, and the temperature fields the mechanics solves (full load and
 * idle, and the transient's snapshots). Each steady solve is warm-started from the run's field, on the run's
 * thread pool, and its energy balance checked.
 */
final class OperatingStates {
    private OperatingStates() { }

    /**
     * The named temperature fields (K) for the mechanics: the case's {@code mechanics.states} (full load: the run's
     * own field in a steady run; idle: a steady solve at {@code power.idle}) and the transient's snapshots.
     */
    static Map<String, double[]> mechanicsFields(CaseSpec spec, MeshStage mesh, ThermalStage th,
                                                 TransientRun.Outcome tr, Parallel par, Consumer<String> progress) {
        boolean transientRun = spec.analysis().thermal() != CaseSpec.ThermalAnalysis.STEADY;
        Map<String, double[]> fields = new LinkedHashMap<>();
        for (CaseSpec.OperatingState st : spec.mechanics().states()) {
            switch (st) {
                case FULL -> fields.put("full", transientRun
                        ? steadyAt(spec, mesh, spec.power().total(), par, th, progress)
                        : th.result().temperature());
                case IDLE -> fields.put("idle", steadyAt(spec, mesh, spec.power().idle(), par, th, progress));
            }
        }
        th.solver().release();     // the steady solves are done: the operator and hierarchy go back to the heap
        if (tr != null)
            for (int i = 0; i < tr.snapshots().size(); i++) {
                double[] tc = tr.snapshots().get(i).temperatureC();
                double[] tk = new double[tc.length];
                for (int c = 0; c < tc.length; c++) tk[c] = tc[c] + Units.ZERO_CELSIUS_K;
                fields.put(String.format(java.util.Locale.ROOT, "snapshot_%04d", i), tk);
            }
        return fields;
    }

    /**
     * The steady temperature field (K) at another total power with the case's distribution (an operating state for
     * the mechanics: full load in a transient run, idle), warm-started from the run's field and on the run's
     * operator and multigrid hierarchy (rebuilt in place); the energy balance is checked as for the run's own solve.
     */
    static double[] steadyAt(CaseSpec spec, MeshStage mesh, double power, Parallel par, ThermalStage th,
                             Consumer<String> progress) {
        SteadyResult near = th.result();
        Grid g = mesh.grid();
        CoreArray cores = mesh.cores();
        CoreCellMap map = mesh.map();
        progress.accept(String.format(java.util.Locale.ROOT, "steady thermal solve at %.4g W for the mechanics", power));
        long t0 = System.nanoTime();
        double[] cp = org.wafersim.power.CorePowerSources.corePower(spec, cores, power,
                org.wafersim.io.Hdf5PowerMap.READER, m -> { });
        long t1 = System.nanoTime();
        PackageThermalModel.Model model = PackageThermalModel.rescaled(th.model(), spec, g, cores, map, cp);
        long t2 = System.nanoTime();
        if (Boolean.getBoolean("wafersim.trace"))
            System.err.printf("state: core power %.2f s, model %.2f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        SteadySolver solver = new SteadySolver(par, ThermalStage.options(spec)).takeWorkspace(th.solver());
        SteadyResult r;
        try {
            r = OperatingPoint.solve(solver, model, scaledRise(near.temperature(), spec, power, th, par)).result();
        } finally {
            th.solver().takeWorkspace(solver);
        }
        ThermalStage.checkBalance(r, String.format(java.util.Locale.ROOT, " at %.4g W", power));
        if (Boolean.getBoolean("wafersim.trace"))
            System.err.printf("state: solve and check %.2f s%n", (System.nanoTime() - t2) / 1e9);
        return r.temperature();
    }

    /**
     * The start of a steady solve at another total power: the run's field with its rise over the coolant inlet scaled
     * by the ratio of the powers. Conduction is nearly linear (k(T) and leakage move a rise by a few percent), so the
     * start is within a fraction of a kelvin of the new state rather than the whole difference of the two states,
     * which saves about two outer rounds; the converged state does not depend on the start beyond the outer
     * tolerance. Returns the field unchanged when the ratio is not a finite positive number.
     */
    static double[] scaledRise(double[] t, CaseSpec spec, double power, ThermalStage th, Parallel par) {
        return scaledRise(t, spec, power / th.op().totalW(), par);
    }

    /** The field t (K) with its rise over the coolant inlet scaled by {@code ratio} (t itself when it is not a finite positive number other than 1). */
    static double[] scaledRise(double[] t, CaseSpec spec, double ratio, Parallel par) {
        if (!(ratio > 0) || !Double.isFinite(ratio) || ratio == 1) return t;
        double inlet = spec.cooling().coolant().inlet();
        double[] s = new double[t.length];
        par.forBlocks(s.length, (lo, hi) -> {
            for (int c = lo; c < hi; c++) s[c] = inlet + (t[c] - inlet) * ratio;
        });
        return s;
    }

    /** Whether a and b agree to round-off (1e-12 relative). */
    static boolean sameToRoundOff(double a, double b) {
        return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
    }

    /** Whether a and b agree entry by entry to round-off (1e-12 relative to the largest entry). */
    static boolean sameToRoundOff(double[] a, double[] b) {
        if (a.length != b.length) return false;
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.max(Math.abs(a[i]), Math.abs(b[i])));
        for (int i = 0; i < a.length; i++) if (!(Math.abs(a[i] - b[i]) <= 1e-12 * m)) return false;
        return true;
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
    static java.util.function.DoubleUnaryOperator levelToDynamic(CaseSpec spec, MeshStage mesh,
            org.wafersim.power.PowerTimeline tl, Parallel par, ThermalStage th, Consumer<String> progress) {
        SteadyResult near = th.result();
        Grid g = mesh.grid();
        CoreArray cores = mesh.cores();
        CoreCellMap map = mesh.map();
        if (spec.power().basis() != PowerSpec.PowerBasis.TOTAL || spec.power().leakageAtRef() == 0) {
            th.solver().release();     // no more steady solves before the transient: free its operator
            return x -> x;
        }
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
        double[] warm = near.temperature();
        double warmTotal = th.op().totalW();     // the total power of the state warm is the field of
        PackageThermalModel.Model own = th.model();
        for (int i = 0; i < lv.length; i++) {
            double[] cp = org.wafersim.power.CorePowerSources.corePower(spec, cores, lv[i],
                    org.wafersim.io.Hdf5PowerMap.READER, m -> { });
            PackageThermalModel.Model m = PackageThermalModel.rescaled(own, spec, g, cores, map, cp);
            if (own.problem().couplings().isEmpty() && sameToRoundOff(m.targetTotal(), own.targetTotal())
                    && sameToRoundOff(m.dynamicCorePower(), own.dynamicCorePower())) {
                // the level the run's own steady state was solved at (the profile's level before t = 0, which is
                // the transient's initial condition): the same problem up to the rounding of its core powers (the
                // profile's shape per watt times the level), already solved to the same tolerance; a second solve
                // from its converged field would only repeat it
                dy[i] = th.op().dynamicW();
                continue;
            }
            progress.accept(String.format(java.util.Locale.ROOT, "operating point at a total of %.6g W (transient profile level)", lv[i]));
            SteadySolver solver = new SteadySolver(par, ThermalStage.options(spec)).takeWorkspace(th.solver());
            OperatingPoint.Solution op;
            try {
                // from the nearest solved state with its rise scaled by the ratio of the totals, as the idle
                // state starts (scaledRise): a fraction of a kelvin from the solution instead of the whole
                // difference of the two levels
                op = OperatingPoint.solve(solver, m, scaledRise(warm, spec, lv[i] / warmTotal, par));
            } finally {
                th.solver().takeWorkspace(solver);
            }
            dy[i] = op.dynamicW();
            warm = op.result().temperature();
            warmTotal = lv[i];
        }
        th.solver().release();         // the transient has its own operator: free the steady one before it
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
}
