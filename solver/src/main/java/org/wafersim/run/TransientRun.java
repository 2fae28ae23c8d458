package org.wafersim.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.wafersim.cases.CaseSpec;
import org.wafersim.cases.CaseSpec.ThermalAnalysis;
import org.wafersim.cases.TransientSpec;
import org.wafersim.errors.EnergyBalanceException;
import org.wafersim.geometry.CoreArray;
import org.wafersim.grid.Grid;
import org.wafersim.grid.GridBuilder;
import org.wafersim.linalg.Parallel;
import org.wafersim.power.CoreCellMap;
import org.wafersim.power.PowerTimeline;
import org.wafersim.thermal.*;
import org.wafersim.units.Units;

/**
 * A transient or power-cycling run of a case (issue 4): the same CoreArray, grid and package model as a steady run;
 * the dynamic power follows the case's {@link PowerTimeline}; temperatures are integrated by {@link TransientSolver}
 * from the steady state at t = 0 (or the coolant temperature); probes are recorded at every step and full fields at
 * the snapshot times. For {@code analysis.thermal: cycle} the run goes cycle by cycle until every probe repeats the
 * previous cycle within {@code transient.periodic_tolerance} and reports each core's temperature swing and mean
 * over the last cycle. Profile powers are totals at the leakage reference temperature, like {@code power.total}:
 * the dynamic part is the profile power minus the reference leakage (never below zero).
 */
public final class TransientRun {
    private static final double KELVIN = Units.ZERO_CELSIUS_K;

    /** Probe series: named point probes, then the hottest core, per-die max and mean, coolant outlet. */
    public record Series(List<Double> time, List<Double> dt, List<Double> power, List<Double> heatOut,
                         Map<String, List<Double>> probes, List<double[]> dieMax, List<double[]> dieMean,
                         List<Integer> hottestCore) { }

    /** A saved field. */
    public record Snapshot(double time, double[] temperatureC) { }

    /** Outcome of the transient part of a run. */
    public record Outcome(Series series, List<Snapshot> snapshots, TransientSolver.Result totals, int cycles,
                          boolean periodic, double periodicChangeK, double[] coreSwingK, double[] coreMeanC,
                          Map<String, Double> timeConstants, String powerSummary) { }

    private TransientRun() { }

    public static Outcome run(CaseSpec spec, CoreArray cores, Grid g, CoreCellMap map, PackageThermalModel.Model model,
                              PowerTimeline tl, double[] initialK, Parallel par, Consumer<String> progress,
                              java.util.function.DoubleUnaryOperator levelToDynamic) {
        return run(spec, cores, g, map, model, tl, initialK, par, progress, levelToDynamic, null);
    }

    /**
     * As above, recording the temperature field of every accepted step of the last cycle (or of the whole
     * transient) into {@code history} for the mechanics along the run (null: none).
     */
    public static Outcome run(CaseSpec spec, CoreArray cores, Grid g, CoreCellMap map, PackageThermalModel.Model model,
                              PowerTimeline tl, double[] initialK, Parallel par, Consumer<String> progress,
                              java.util.function.DoubleUnaryOperator levelToDynamic, MechanicsHistory history) {
        TransientSpec ts = spec.transientSpec();
        progress.accept(tl.summary());
        var leak = spec.power().leakage();
        // power.dynamic: the profile's levels are dynamic powers; power.total: totals at the operating point, turned
        // into dynamic powers by the level map (operating-point solves at the profile's levels)
        java.util.function.DoubleUnaryOperator dynOf = levelToDynamic;
        int nCores = cores.coreCount();
        double[] buf = new double[nCores];
        PowerSchedule schedule = new PowerSchedule() {
            public double sourceAt(double t, double[] q) {
                tl.corePowerAt(t, buf);
                return scaleAndDeposit(tl.totalAt(t), q);
            }
            public double sourceBefore(double t, double[] q) {
                tl.corePowerBefore(t, buf);
                return scaleAndDeposit(tl.totalBefore(t), q);
            }
            /** The core powers last deposited, and into which array (see PowerSchedule: q is left as it was). */
            private final double[] lastBuf = new double[nCores];
            private double[] lastQ;
            private double scaleAndDeposit(double tot, double[] q) {
                double f = tot > 0 ? Math.max(0, dynOf.applyAsDouble(tot)) / tot : 0;
                double s = 0;
                for (int c = 0; c < nCores; c++) {
                    buf[c] *= f;
                    s += buf[c];
                }
                // between breakpoints of a dwell the powers repeat: the deposit (a pass over every cell) is skipped
                if (q == lastQ && java.util.Arrays.equals(buf, lastBuf)) return s;
                map.depositPower(g, buf, q);
                System.arraycopy(buf, 0, lastBuf, 0, nCores);
                lastQ = q;
                return s;
            }
            public double[] breakpoints() { return tl.breakpoints(); }
        };
        List<CapacityLaw> capacity = new ArrayList<>();
        for (String name : g.materialNames()) capacity.add(CapacityLaw.of(spec.materials().get(name)));
        ThermalProblem p = model.problem();

        // probes: named points (cell at the layer's mid-plane, the active layer for the wafer)
        Map<String, Integer> probeCells = new LinkedHashMap<>();
        for (var pr : spec.probes()) {
            int l = g.layerIndex(pr.layer());
            int k = pr.layer().equals(g.layerNames().get(spec.waferLayerIndex())) ? g.activeK0()
                    : (g.layerK0(l) + g.layerK1(l) - 1) / 2;
            probeCells.put(pr.name(), g.index(g.locateX(pr.x()), g.locateY(pr.y()), k));
        }
        Series series = new Series(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (String n : probeCells.keySet()) series.probes().put(n, new ArrayList<>());
        series.probes().put("hottest_core", new ArrayList<>());
        series.probes().put("wafer_mean", new ArrayList<>());
        if (model.coolant() instanceof org.wafersim.thermal.CoolantChannel) series.probes().put("coolant_outlet", new ArrayList<>());
        int nd = cores.dieCount();
        double[] coreT = new double[nCores];
        // the cores' areas and each die's total, for the per-die means of every step (fixed: computed once)
        double[] coreArea = new double[nCores], dieArea = new double[nd];
        for (int c = 0; c < nCores; c++) {
            coreArea[c] = cores.area(c);
            dieArea[cores.die(c)] += coreArea[c];
        }
        boolean cycle = spec.analysis().thermal() == ThermalAnalysis.CYCLE;
        double period = tl.period();
        double[] swingMin = new double[nCores], swingMax = new double[nCores], meanAcc = new double[nCores];
        double[] lastCoreT = new double[nCores];
        double[] lastT = {Double.NaN};
        List<Snapshot> snaps = new ArrayList<>();
        List<Double> snapTimes = ts.snapshots();
        int wl = spec.waferLayerIndex();

        RunProgress rp = RunProgress.of(progress);
        double[] window = {0, cycle ? period : ts.end(), 0};   // the solve under way: start, end, cycle number (0: none)
        TransientSolver.Observer obs = (t, tk, step) -> {
            // adaptive steps grow about geometrically after a step in power, so the work done goes with ln t, not t
            double done = window[2] > 0 ? (t - window[0]) / (window[1] - window[0])
                    : Math.log1p(t / ts.dtInitial()) / Math.log1p(window[1] / ts.dtInitial());
            rp.update(window[2] > 0 ? "cycle " + (int) window[2] : "transient", done,
                    String.format(java.util.Locale.ROOT, "step %d, t = %.4g s of %.4g s", series.time().size(), t, window[1]));
            map.coreMean(g, tk, coreT);
            series.time().add(t);
            series.dt().add(step == null ? 0 : step.dt());
            series.power().add(step == null ? Double.NaN : step.powerW());
            series.heatOut().add(step == null ? Double.NaN : step.heatOutW());
            for (var e : probeCells.entrySet()) series.probes().get(e.getKey()).add(tk[e.getValue()] - KELVIN);
            int hot = 0;
            double[] dmax = new double[nd], dmean = new double[nd];
            java.util.Arrays.fill(dmax, -Double.MAX_VALUE);
            for (int c = 0; c < nCores; c++) {
                if (coreT[c] > coreT[hot]) hot = c;
                int d = cores.die(c);
                dmax[d] = Math.max(dmax[d], coreT[c] - KELVIN);
                dmean[d] += (coreT[c] - KELVIN) * coreArea[c];
            }
            for (int d = 0; d < nd; d++) dmean[d] /= dieArea[d];
            series.dieMax().add(dmax);
            series.dieMean().add(dmean);
            series.hottestCore().add(hot);
            series.probes().get("hottest_core").add(coreT[hot] - KELVIN);
            series.probes().get("wafer_mean").add(volumeMean(g, tk, g.layerK0(wl), g.layerK1(wl), par) - KELVIN);
            if (model.coolant() instanceof org.wafersim.thermal.CoolantChannel) series.probes().get("coolant_outlet").add(model.coolant().outlet() - KELVIN);
            for (double st : snapTimes)
                if (Math.abs(st - t) <= 1e-9 * Math.max(1, st)) {
                    double[] f = new double[tk.length];
                    for (int c = 0; c < f.length; c++) f[c] = tk[c] - KELVIN;
                    snaps.add(new Snapshot(t, f));
                }
            // per-core swing and time-averaged temperature over the current cycle (trapezoid in time)
            if (!Double.isNaN(lastT[0])) {
                double h = t - lastT[0];
                for (int c = 0; c < nCores; c++) meanAcc[c] += 0.5 * h * (coreT[c] + lastCoreT[c]);
            }
            for (int c = 0; c < nCores; c++) {
                swingMin[c] = Math.min(swingMin[c], coreT[c]);
                swingMax[c] = Math.max(swingMax[c], coreT[c]);
            }
            System.arraycopy(coreT, 0, lastCoreT, 0, nCores);
            lastT[0] = t;
        };
        double[] stops = snapTimes.stream().mapToDouble(Double::doubleValue).toArray();
        TransientSolver.Options o = TransientSolver.Options.adaptive(ts.tolerance(), ts.dtInitial(), ts.dtMax());
        double[] state = initialK.clone();
        TransientSolver.Result total = null;
        int cycles = 0;
        boolean periodic = false;
        double change = Double.NaN;
        double[] swing = null, meanC = null;
        List<double[]> prevCycle = null;
        {   // on the run's thread pool
            TransientSolver solver = new TransientSolver(par, o);
            if (!cycle) {
                double end = ts.end();
                progress.accept(String.format("transient to t = %.6g s", end));
                if (history != null) history.start(0, state);
                total = solver.run(p, capacity, schedule, state, 0, end, withStops(stops, history, 0, end),
                        history == null ? obs : (t, tk, step) -> {
                            obs.accept(t, tk, step);
                            if (step != null) history.accept(t, tk);
                        });
                rp.done();
            } else {
                double t0 = 0;
                int maxC = ts.maxCycles();
                while (cycles < maxC) {
                    java.util.Arrays.fill(swingMin, Double.MAX_VALUE);
                    java.util.Arrays.fill(swingMax, -Double.MAX_VALUE);
                    java.util.Arrays.fill(meanAcc, 0);
                    int from = series.time().size();
                    double[] cycleStart = state.clone();
                    map.coreMean(g, state, lastCoreT);
                    lastT[0] = t0;
                    for (int c = 0; c < nCores; c++) {
                        swingMin[c] = Math.min(swingMin[c], lastCoreT[c]);
                        swingMax[c] = Math.max(swingMax[c], lastCoreT[c]);
                    }
                    window[0] = t0;
                    window[1] = t0 + period;
                    window[2] = cycles + 1;
                    final boolean first = cycles == 0;   // t = 0 is recorded once, not at every cycle start
                    if (history != null) history.start(t0, state);
                    TransientSolver.Result r = solver.run(p, capacity, schedule, state, t0, t0 + period,
                            withStops(stops, history, t0, t0 + period), (t, tk, step) -> {
                                if (step != null || first) obs.accept(t, tk, step);
                                if (step != null && history != null) history.accept(t, tk);
                            });
                    rp.done();
                    total = sum(total, r);
                    state = r.finalTemperature();
                    cycles++;
                    // probe values at the phase of every step of this cycle, compared with the previous cycle by
                    // interpolation in phase
                    List<double[]> thisCycle = cycleSamples(series, from, t0);
                    // The forcing is periodic and the solution unique, so a field that returns to its start after one
                    // cycle is periodic from then on: compare the whole field first (saves a cycle when the package's
                    // slowest time constant is short against the period, as here: minutes against hours).
                    double fieldChange = 0;
                    for (int c = 0; c < state.length; c++)
                        if (!g.isVoid(c)) fieldChange = Math.max(fieldChange, Math.abs(state[c] - cycleStart[c]));
                    if (fieldChange <= ts.periodicTolerance()) {
                        change = fieldChange;
                        progress.accept(String.format("cycle %d: %d steps; the whole field returned to its start "
                                + "within %.3g K: periodic", cycles, r.steps(), fieldChange));
                        periodic = true;
                        break;
                    }
                    if (prevCycle != null) {
                        change = org.wafersim.thermal.PeriodicState.largestDifference(prevCycle, thisCycle);
                        progress.accept(String.format("cycle %d: %d steps, largest probe change from the previous "
                                + "cycle %.3g K", cycles, r.steps(), change));
                        if (change <= ts.periodicTolerance()) { periodic = true; break; }
                    } else {
                        progress.accept(String.format("cycle %d: %d steps", cycles, r.steps()));
                    }
                    prevCycle = thisCycle;
                    t0 += period;
                }
                swing = new double[nCores];
                meanC = new double[nCores];
                for (int c = 0; c < nCores; c++) {
                    swing[c] = swingMax[c] - swingMin[c];
                    meanC[c] = meanAcc[c] / period - KELVIN;
                }
            }
        }
        if (!(Math.abs(total.balanceRelError()) <= CaseRun.BALANCE_LIMIT))
            throw new EnergyBalanceException(String.format(
                    "transient energy balance violated: in %.6e J, out %.6e J, stored %.6e J, relative error %.3e",
                    total.energyInJ(), total.energyOutJ(), total.energyStoredJ(), total.balanceRelError()));
        Map<String, Double> tc = timeConstants(series, tl);
        return new Outcome(series, snaps, total, cycles, periodic, change, swing, meanC, tc, tl.summary());
    }

    /**
     * {@link Grid#volumeMean} on the run's threads: each grid row of the planes [k0, k1) summed in the cells' order,
     * the rows added in order (the same value on any number of threads; within round-off of the serial sum). The
     * wafer's mean is taken at every step, and on the full wafer its 2.7 M cells took ~10 ms serially.
     */
    static double volumeMean(Grid g, double[] field, int k0, int k1, Parallel par) {
        int nx = g.nx, ny = g.ny, rows = (k1 - k0) * ny;
        double[] dx = new double[nx];
        for (int i = 0; i < nx; i++) dx[i] = g.dx(i);
        double[] sum = new double[rows], vol = new double[rows];
        par.forEach(rows, (long) rows * nx, r -> {
            int k = k0 + r / ny, j = r % ny;
            double dy = g.dy(j), dz = g.dz(k), s = 0, v = 0;
            for (int i = 0, c = g.index(0, j, k); i < nx; i++, c++) {
                if (g.isVoid(c)) continue;
                double cv = dx[i] * dy * dz;
                s += field[c] * cv;
                v += cv;
            }
            sum[r] = s;
            vol[r] = v;
        });
        double s = 0, v = 0;
        for (int r = 0; r < rows; r++) {
            s += sum[r];
            v += vol[r];
        }
        return s / v;
    }

    /** The snapshot stops and the history's output times in [t0, t1], sorted and distinct. */
    private static double[] withStops(double[] stops, MechanicsHistory h, double t0, double t1) {
        if (h == null) return stops;
        double[] extra = h.stops(t0, t1);
        if (extra.length == 0) return stops;
        return java.util.stream.DoubleStream.concat(java.util.Arrays.stream(stops), java.util.Arrays.stream(extra))
                .sorted().distinct().toArray();
    }

    /** Headline numbers of the transient part, for the summary (keys carry their units). */
    /**
     * The hottest core over the whole run: its temperature (core mean), the time and the core.
     *
     * @param temperatureC peak temperature, degC
     * @param time         when, s
     * @param core         which core (core index)
     * @param minC         the hottest core's lowest temperature over the run, degC (peak − min = the swing)
     */
    public record Peak(double temperatureC, double time, int core, double minC) {
        /** "75.3 degC at t = 1234 s, core 5 at die (col 1, row 2), core (col 3, row 4)" */
        public String describe(org.wafersim.geometry.CoreArray cores) {
            int d = cores.die(core);
            return String.format(java.util.Locale.ROOT, "at t = %.6g s, core %d at die (col %d, row %d), core (col %d,"
                    + " row %d)", time, core, cores.dieColumn(d), cores.dieRow(d), cores.coreColumn(core),
                    cores.coreRow(core));
        }
    }

    /** The peak of the hottest core over the run's time steps (t ≥ 0). */
    public static Peak peak(Outcome o) {
        var s = o.series();
        List<Double> hot = s.probes().get("hottest_core");
        int at = 0;
        double min = Double.MAX_VALUE;
        for (int i = 0; i < hot.size(); i++) {
            if (hot.get(i) > hot.get(at)) at = i;
            min = Math.min(min, hot.get(i));
        }
        return new Peak(hot.get(at), s.time().get(at), s.hottestCore().get(at), min);
    }

    private static TransientSolver.Result sum(TransientSolver.Result a, TransientSolver.Result b) {
        if (a == null) return b;
        double in = a.energyInJ() + b.energyInJ(), out = a.energyOutJ() + b.energyOutJ();
        double st = a.energyStoredJ() + b.energyStoredJ();
        double scale = Math.max(Math.abs(in), Math.max(Math.abs(out), Math.abs(st)));
        return new TransientSolver.Result(b.finalTemperature(), a.steps() + b.steps(), a.rejected() + b.rejected(),
                a.cgIterations() + b.cgIterations(), in, out, st, scale > 0 ? (in - out - st) / scale : 0,
                a.seconds() + b.seconds());
    }

    /** Rows {phase, probe values...} of one cycle's steps. */
    private static List<double[]> cycleSamples(Series s, int from, double t0) {
        List<double[]> rows = new ArrayList<>();
        List<List<Double>> cols = new ArrayList<>(s.probes().values());
        for (int i = from; i < s.time().size(); i++) {
            double[] r = new double[cols.size() + 1];
            r[0] = s.time().get(i) - t0;
            for (int k = 0; k < cols.size(); k++) r[k + 1] = cols.get(k).get(i);
            rows.add(r);
        }
        return rows;
    }

    /**
     * Step-response times of the wafer mean and the hottest core after the first power jump or ramp end: the time to
     * 63.2 %, 90 % and 99 % of the change reached at the next breakpoint (a package has several time constants: the
     * wafer and cold plate take about a second, the board minutes; these times are read off the response).
     */
    static Map<String, Double> timeConstants(Series s, PowerTimeline tl) {
        Map<String, Double> out = new LinkedHashMap<>();
        double[] bps = tl.breakpoints();
        List<Double> time = s.time();
        if (time.size() < 3) return out;
        double tStart = 0, tStop = time.get(time.size() - 1);
        // the response to the first change: from the first breakpoint where the power settles (end of the first
        // ramp or the first jump) to the next breakpoint
        if (bps.length >= 1) {
            int m = 0;
            while (m < bps.length - 1 && Math.abs(tl.totalAt(bps[m] + 1e-9) - tl.totalAt(bps[m] - 1e-9)) < 1e-9
                    && m + 1 < bps.length && tl.totalAt(bps[m + 1]) != tl.totalAt(bps[m])) m++;
            tStart = bps[Math.min(m, bps.length - 1)];
            for (double b : bps) if (b > tStart + 1e-9) { tStop = b; break; }
        }
        for (String probe : new String[]{"wafer_mean", "hottest_core"}) {
            List<Double> v = s.probes().get(probe);
            int i0 = -1, i1 = -1;
            for (int i = 0; i < time.size(); i++) {
                if (i0 < 0 && time.get(i) >= tStart - 1e-12) i0 = i;
                if (time.get(i) <= tStop + 1e-12) i1 = i;
            }
            if (i0 < 0 || i1 <= i0) continue;
            double a = v.get(i0), b = v.get(i1);
            if (Math.abs(b - a) < 1e-6) continue;
            for (double frac : new double[]{0.632, 0.9, 0.99}) {
                double t = org.wafersim.thermal.StepResponse.crossingTime(time, v, i0, i1, frac);
                if (!Double.isNaN(t)) out.put(probe + "_t" + Math.round(frac * 100 * 10) / 10.0 + "_s", t - tStart);
            }
        }
        return out;
    }
}
