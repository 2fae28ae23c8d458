package org.wafersim.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.wafersim.cases.HistorySpec;
import org.wafersim.mechanics.LayerStrains;
import org.wafersim.mechanics.MechanicsState;
import org.wafersim.mechanics.PackageMechanics;
import org.wafersim.units.Units;

/**
 * Mechanics along a transient or cycle run ({@code mechanics.history}, issue 19 item 1): the thermal load of every
 * accepted time step of the current cycle (or of the whole transient) is restricted to the plate mesh and kept;
 * when the thermal run ends, output times are chosen among them and the plate model is solved at each, warm-started
 * from the previous output (same factorisation or multigrid hierarchy as the operating states).
 *
 * <p>Output times: the user's ({@code times}; phases within the periodic cycle, which the integrator is made to
 * step to exactly), or {@code count} placed automatically where the temperature field changes most: with m_k the
 * vector of mean layer temperatures of every plate element at step k and the arc length
 * s_k = Σ_{i≤k} |m_i − m_{i−1}|₂, the steps nearest to s = j·S/count (j = 0 … count−1) are taken, and the steps of
 * the highest and lowest mean connector temperature are always among them (the turning points of the strain that
 * rainflow counting needs). In a cycle run the samples are those of the last (periodic) cycle, the end of the
 * period left out (it is the start again).
 */
public final class MechanicsHistory {
    private static final double KELVIN = Units.ZERO_CELSIUS_K;

    /** A sample: time (s, absolute) and its restricted thermal load. */
    public record Sample(double time, LayerStrains load) { }

    /** The solved history. */
    public record Result(double[] times, double cycleStart, boolean periodic, boolean automatic,
                         List<MechanicsState> states, int[] iterations, double seconds, int candidates) {
        /** Time of output k within the cycle (cycle runs) or of the run, s. */
        public double phase(int k) { return times[k] - cycleStart; }

        public int size() { return times.length; }
    }

    private final PackageMechanics pm;
    private final HistorySpec spec;
    private final boolean periodic;
    private final double period;
    private final int connectorLayer;
    private final List<Sample> samples = new ArrayList<>();
    private double start;

    /**
     * @param pm             the plate model (its restriction of a temperature field to the mesh)
     * @param spec           the case's output times
     * @param periodic       a cycle run (times are phases of the last cycle)
     * @param period         the cycle's period, s (cycle runs)
     * @param connectorLayer the stack index of the connector layer (for the extremes), or -1
     */
    public MechanicsHistory(PackageMechanics pm, HistorySpec spec, boolean periodic, double period,
                            int connectorLayer) {
        this.pm = pm;
        this.spec = spec;
        this.periodic = periodic;
        this.period = period;
        this.connectorLayer = connectorLayer;
    }

    /** A cycle (or the transient) starts at t0 with the field tK (K): the samples of a previous cycle are dropped. */
    public void start(double t0, double[] tK) {
        samples.clear();
        start = t0;
        samples.add(new Sample(t0, pm.restrict(tK)));
    }

    /** The field (K) after an accepted step at time t. */
    public void accept(double t, double[] tK) {
        if (spec.userTimes() && !wanted(t)) return;
        samples.add(new Sample(t, pm.restrict(tK)));
    }

    /** The times (absolute) the integrator must step to in [t0, t1]: the user's, shifted to the cycle. */
    public double[] stops(double t0, double t1) {
        if (!spec.userTimes()) return new double[0];
        double shift = periodic ? t0 : 0;
        return spec.times().stream().mapToDouble(t -> t + shift).filter(t -> t >= t0 && t <= t1).toArray();
    }

    private boolean wanted(double t) {
        double tol = 1e-9 * Math.max(1, periodic ? period : t);
        for (double w : spec.times()) if (Math.abs(t - (w + (periodic ? start : 0))) <= tol) return true;
        return false;
    }

    /** The samples of the output times, in time order. */
    List<Sample> chosen() {
        List<Sample> c = new ArrayList<>(samples);
        if (periodic) {
            // the end of the period is the start again
            c.removeIf(s -> s.time() - start >= period * (1 - 1e-9));
        }
        if (spec.userTimes()) {
            c.removeIf(s -> !wanted(s.time()));       // the start sample stays only when time 0 is asked for
            return c;
        }
        int n = spec.count();
        if (c.size() <= n) return c;
        int m = c.size();
        double[] arc = new double[m];
        for (int k = 1; k < m; k++) arc[k] = arc[k - 1] + distance(c.get(k - 1).load(), c.get(k).load());
        double total = arc[m - 1];
        boolean[] take = new boolean[m];
        for (int j = 0; j < n; j++) {
            double target = total * j / n;
            int best = 0;
            for (int k = 1; k < m; k++) if (Math.abs(arc[k] - target) < Math.abs(arc[best] - target)) best = k;
            take[best] = true;
        }
        if (connectorLayer >= 0) {
            int hi = 0, lo = 0;
            double[] mean = new double[m];
            for (int k = 0; k < m; k++) mean[k] = connectorMean(c.get(k).load());
            for (int k = 1; k < m; k++) {
                if (mean[k] > mean[hi]) hi = k;
                if (mean[k] < mean[lo]) lo = k;
            }
            take[hi] = true;
            take[lo] = true;
        }
        // fill up to n with the steps that split the largest remaining arc gaps (duplicates of the nearest rule)
        while (count(take) < n) {
            int prev = -1, bestK = -1;
            double gap = -1;
            for (int k = 0; k < m; k++) {
                if (!take[k]) continue;
                if (prev >= 0 && k - prev > 1 && arc[k] - arc[prev] > gap) {
                    gap = arc[k] - arc[prev];
                    bestK = (prev + k) / 2;
                }
                prev = k;
            }
            if (bestK < 0) {
                for (int k = 0; k < m; k++) if (!take[k]) { bestK = k; break; }
            }
            take[bestK] = true;
        }
        // the extremes may have pushed the count above n: drop the chosen steps closest in arc to a neighbour
        while (count(take) > n) {
            int drop = -1, prev = -1;
            double gap = Double.MAX_VALUE;
            double[] mean = new double[m];
            for (int k = 0; k < m; k++) mean[k] = connectorLayer >= 0 ? connectorMean(c.get(k).load()) : 0;
            double hiV = Arrays.stream(mean).max().orElse(0), loV = Arrays.stream(mean).min().orElse(0);
            for (int k = 0; k < m; k++) {
                if (!take[k]) continue;
                boolean keep = k == 0 || (connectorLayer >= 0 && (mean[k] == hiV || mean[k] == loV));
                if (prev >= 0 && !keep && arc[k] - arc[prev] < gap) {
                    gap = arc[k] - arc[prev];
                    drop = k;
                }
                prev = k;
            }
            if (drop < 0) break;
            take[drop] = false;
        }
        List<Sample> out = new ArrayList<>();
        for (int k = 0; k < m; k++) if (take[k]) out.add(c.get(k));
        return out;
    }

    private static int count(boolean[] b) {
        int n = 0;
        for (boolean v : b) if (v) n++;
        return n;
    }

    /** |m_a − m_b|₂ over the mean temperatures of every layer and element (K). */
    private double distance(LayerStrains a, LayerStrains b) {
        int nl = pm.model().layers().size(), ne = pm.model().mesh().elements();
        double s = 0;
        for (int l = 0; l < nl; l++)
            for (int e = 0; e < ne; e++) {
                double d = a.meanTemperature(l, e) - b.meanTemperature(l, e);
                if (Double.isFinite(d)) s += d * d;
            }
        return Math.sqrt(s);
    }

    /** Mean temperature of the connector layer over the elements where it exists, K. */
    private double connectorMean(LayerStrains s) {
        int ne = pm.model().mesh().elements();
        double sum = 0;
        int n = 0;
        for (int e = 0; e < ne; e++) {
            double t = s.meanTemperature(connectorLayer, e);
            if (Double.isFinite(t)) {
                sum += t;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** Solves the plate model at the output times, each warm-started from the previous one. */
    public Result solve(Consumer<String> progress) {
        long t0 = System.nanoTime();
        int candidates = samples.size();
        List<Sample> c = chosen();
        double[] times = new double[c.size()];
        int[] its = new int[c.size()];
        List<MechanicsState> states = new ArrayList<>();
        MechanicsState prev = null;
        for (int k = 0; k < c.size(); k++) {
            Sample s = c.get(k);
            times[k] = s.time();
            MechanicsState st = pm.solve(String.format(Locale.ROOT, "history_%04d", k), s.load(), prev);
            var stats = st.solution().stats();
            if (!stats.converged()) {
                throw new org.wafersim.errors.NotConvergedException(String.format(Locale.ROOT, "mechanics: output time"
                        + " %.6g s did not converge (relative residual %.2e after %d iterations)", s.time(),
                        stats.relativeResidual(), stats.iterations()));
            }
            its[k] = stats.iterations();
            states.add(st);
            prev = st;
        }
        Result r = new Result(times, periodic ? start : 0, periodic, !spec.userTimes(), List.copyOf(states), its,
                (System.nanoTime() - t0) / 1e9, candidates);
        progress.accept(String.format(Locale.ROOT, "mechanics history: %d output times (%s) of %d steps, %d CG"
                        + " iterations in all, %.2f s", r.size(), r.automatic() ? "placed where the field changes most"
                        : "mechanics.history.times", candidates, Arrays.stream(its).sum(), r.seconds()));
        samples.clear();
        return r;
    }

    /** The connector temperature at output k and element e, degC (NaN outside the connector). */
    static double connectorC(MechanicsState s, int e) { return s.connectorTemperature()[e] - KELVIN; }
}
