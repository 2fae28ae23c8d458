package org.wafersim.reliability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.wafersim.geometry.CoreArray;
import org.wafersim.linalg.Parallel;
import org.wafersim.reliability.ReliabilityParameters.SpareAccounting;

/**
 * Field reliability of the wafer with spare cores (DESIGN §4, issue 6 item 3). A die of n cores with s spares is an
 * (n − s)-out-of-n system ({@link KOutOfN}): it survives while its failed cores N ≤ s, with N Poisson-binomial over
 * the cores' own failure probabilities F_c(t) from {@link CoreLifetimes} (exact DP, {@link PoissonBinomial}); the
 * wafer survives while every die does:
 * <pre>
 *   R_die(t) = P(N_die(t) ≤ s_die),   R_wafer(t) = Π_d R_die(t).
 * </pre>
 * Spares age like the other cores (they are powered), so all n cores count. With
 * {@link SpareAccounting#AFTER_MANUFACTURING_REPAIR} the spares already used by manufacturing defects are not
 * available: R_die = Σ_j P(X = j | die good)·P(N ≤ s − j), with X from {@link DefectYield} (the cores killed by
 * defects are still counted among those that can fail, a slightly conservative simplification).
 *
 * <h2>Cost</h2>
 * The DP costs O(n·(s+1)) per die and time. Where a die's expected failures λ are so small that
 * P(N ≥ k) ≤ λ^k/k! (Poisson-binomial tail bound) is below {@link #PROBABILITY_FLOOR}, the states from k on are
 * dropped, and with all spares available the die is skipped altogether (Q = 0) — the bounds of λ cost a few Φ per
 * die ({@link DieBounds}). At the other end, where a lower bound λ' of the expected failures makes the Chernoff bound
 * P(N ≤ s) ≤ e^(−λ')·(e·λ'/s)^s fall below the floor, the die is dead (R = 0) without a DP,
 * and a dead die stays dead at later times. Dies run in parallel on a {@link Parallel} pool; the wafer product is
 * summed in die order, so results do not depend on the thread count. The MTTF integral uses
 * {@link #waferReliability}, which stops at the first certainly dead die.
 */
public final class DieRedundancy {
    /**
     * Die probabilities below this are reported as 0: Q_die when the upper bound of P(N &gt; s) is below it, R_die
     * (the die is dead) when the Chernoff bound of P(N ≤ s) is. So R_die and Q_die are exact to 1e-20 absolute and
     * R_wafer and Q_wafer to 84·1e-20 (otherwise to rounding) — far below anything a reliability figure can mean —
     * and the exact DP runs only where a die is genuinely in its wear-out transition.
     */
    public static final double PROBABILITY_FLOOR = 1e-20;
    private static final double LN_NEGLIGIBLE = Math.log(PROBABILITY_FLOOR);

    private final CoreLifetimes life;
    private final CoreArray cores;
    private final SpareAccounting accounting;
    private final DefectYield.Result yield;
    private final double[][] usedSpares;        // per die: P(X = j | good), or null with all spares
    private final double[] lnFactorial;         // ln k!, k = 0..max spares + 1

    /**
     * @param life       per-core lifetimes
     * @param accounting which spares field failures may use
     * @param yield      the manufacturing yield (required for {@link SpareAccounting#AFTER_MANUFACTURING_REPAIR},
     *                   ignored otherwise)
     */
    public DieRedundancy(CoreLifetimes life, SpareAccounting accounting, DefectYield.Result yield) {
        this.life = life;
        this.cores = life.cores();
        this.accounting = java.util.Objects.requireNonNull(accounting, "accounting");
        if (accounting == SpareAccounting.AFTER_MANUFACTURING_REPAIR && yield == null) {
            throw new IllegalArgumentException("spare accounting after manufacturing repair needs the yield result");
        }
        this.yield = yield;
        int dies = cores.dieCount();
        if (accounting == SpareAccounting.AFTER_MANUFACTURING_REPAIR) {
            usedSpares = new double[dies][];
            for (int d = 0; d < dies; d++) usedSpares[d] = yield.usedSparesGivenGood(d);
        } else {
            usedSpares = null;
        }
        int maxS = maxSpares();
        lnFactorial = new double[maxS + 2];
        for (int k = 1; k < lnFactorial.length; k++) lnFactorial[k] = lnFactorial[k - 1] + Math.log(k);
    }

    /** All spares available to field failures. */
    public DieRedundancy(CoreLifetimes life) {
        this(life, SpareAccounting.ALL_SPARES, null);
    }

    public CoreLifetimes lifetimes() { return life; }

    /** The curve at {@code times} (s, finite, ≥ 0, any order), single-threaded. */
    public ReliabilityCurve curve(double[] times) {
        try (Parallel p = Parallel.serial()) {
            return curve(times, p);
        }
    }

    /** The curve at {@code times} (s, finite, ≥ 0, any order), dies in parallel on {@code par}. */
    public ReliabilityCurve curve(double[] times, Parallel par) {
        int nt = times.length, dies = cores.dieCount();
        Integer[] order = new Integer[nt];
        for (int k = 0; k < nt; k++) order[k] = k;
        java.util.Arrays.sort(order, Comparator.comparingDouble(k -> times[k]));
        CoreLifetimes.TimePoint[] tp = new CoreLifetimes.TimePoint[nt];
        for (int k = 0; k < nt; k++) tp[k] = life.at(times[k]);
        double[][] r = new double[dies][nt], q = new double[dies][nt];
        par.forEach(dies, d -> {
            Scratch sc = scratch.get();
            boolean dead = false;
            for (int idx : order) {
                if (!dead) dead = !evaluate(d, tp[idx], sc);
                r[d][idx] = dead ? 0.0 : sc.r;
                q[d][idx] = dead ? 1.0 : sc.q;
            }
        });
        double[] rw = new double[nt], qw = new double[nt];
        for (int k = 0; k < nt; k++) {
            double lnR = 0;
            for (int d = 0; d < dies; d++) lnR += lnReliability(r[d][k], q[d][k]);
            rw[k] = Math.exp(lnR);
            qw[k] = lnR == 0 ? 0.0 : -Math.expm1(lnR);
        }
        return new ReliabilityCurve(times.clone(), r, q, rw, qw);
    }

    /**
     * R_wafer only, at {@code times} (s, finite, ≥ 0, any order) — what the MTTF integral needs, faster than
     * {@link #curve}: at each time the die most likely to have failed is evaluated first, and when it (or the wafer
     * at an earlier time) is certainly dead the other dies are not evaluated.
     */
    public double[] waferReliability(double[] times, Parallel par) {
        int nt = times.length, dies = cores.dieCount();
        Integer[] order = new Integer[nt];
        for (int k = 0; k < nt; k++) order[k] = k;
        java.util.Arrays.sort(order, Comparator.comparingDouble(k -> times[k]));
        double[] out = new double[nt];
        double[] lnR = new double[dies];
        boolean dead = false;
        for (int idx : order) {
            if (dead) continue;                          // out[idx] = 0
            CoreLifetimes.TimePoint tp = life.at(times[idx]);
            int weakest = 0;
            double worst = -1;
            for (int d = 0; d < dies; d++) {
                double b = life.bounds.upperCoarse(d, tp) / (cores.sparesInDie(d) + 1);
                if (b > worst) {
                    worst = b;
                    weakest = d;
                }
            }
            // the weakest die goes first, on the pool with the others (alone before them it was a serial step as
            // long as the parallel rest whenever it was the one die in its wear-out transition); a dead die makes
            // R_wafer 0 whatever the others are, so once one is found the dies not yet started are skipped
            final int first = weakest;
            java.util.concurrent.atomic.AtomicBoolean anyDead = new java.util.concurrent.atomic.AtomicBoolean();
            par.forEach(dies, i -> {
                int d = i == 0 ? first : i <= first ? i - 1 : i;
                if (anyDead.get()) return;
                Scratch s2 = scratch.get();
                if (evaluate(d, tp, s2)) lnR[d] = lnReliability(s2.r, s2.q);
                else anyDead.set(true);
            });
            if (anyDead.get()) {
                dead = true;                             // out[idx] = 0
                continue;
            }
            double sum = 0;
            for (int d = 0; d < dies; d++) sum += lnR[d];
            out[idx] = Math.exp(sum);
            if (out[idx] < PROBABILITY_FLOOR) {
                out[idx] = 0;
                dead = true;
            }
        }
        return out;
    }

    private static double lnReliability(double r, double q) {
        return q < 0.5 ? Math.log1p(-q) : Math.log(r);
    }

    /** Per-thread scratch arrays and the last result. */
    private final class Scratch {
        final double[] p = new double[cores.coresPerDie()];
        final int maxSpares = maxSpares();
        final double[] dist = new double[maxSpares + 2], upper = new double[maxSpares + 1];
        final PoissonBinomial.Workspace ws = new PoissonBinomial.Workspace(maxSpares);
        double r, q;
    }

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    private int maxSpares() {
        int m = 0;
        for (int d = 0; d < cores.dieCount(); d++) m = Math.max(m, cores.sparesInDie(d));
        return m;
    }

    /**
     * R and Q of die d at one time into {@code sc.r}, {@code sc.q}; false when R is below the floor (the die
     * is dead from then on).
     */
    private boolean evaluate(int d, CoreLifetimes.TimePoint tp, Scratch sc) {
        int n = cores.coresPerDie(), s = cores.sparesInDie(d);
        double[] w = usedSpares == null ? null : usedSpares[d];
        DieBounds b = life.bounds;
        // certainly alive: P(N > s) (all spares) or Σ_j w_j·P(N > s − j) (after repair) below the floor
        double up = b.upperCoarse(d, tp);
        if (negligibleFailure(up, s, w)) {
            sc.r = 1;
            sc.q = 0;
            return true;
        }
        up = Math.min(up, b.upperFine(d, tp));
        if (negligibleFailure(up, s, w)) {
            sc.r = 1;
            sc.q = 0;
            return true;
        }
        int m = truncation(up, s);
        if (chernoffDead(b.lowerCoarse(d, tp), s) || chernoffDead(b.lowerFine(d, tp), s)) {
            sc.r = 0;
            sc.q = 1;
            return false;
        }
        life.failureProbabilities(cores.firstCore(d), n, tp, sc.p);
        double[] dist = sc.dist, upper = sc.upper;
        PoissonBinomial.distribution(sc.p, 0, n, m, dist, sc.ws);
        // upper[k] = P(N > k), k = 0..s; beyond the truncation m the tail P(N > m) bounds it
        for (int k = s; k >= 0; k--) upper[k] = k >= m ? dist[m + 1] : upper[k + 1] + dist[k + 1];
        double qd, rd;
        if (w == null) {
            qd = upper[s];
            rd = qd < 0.5 ? 1 - qd : sumTo(dist, s);
        } else {
            qd = 0;
            rd = 0;
            for (int j = 0; j <= s; j++) {
                qd += w[j] * upper[s - j];
                rd += w[j] * (s - j >= m ? 1 - dist[m + 1] : sumTo(dist, s - j));
            }
            if (qd < 0.5) rd = 1 - qd;
        }
        sc.r = rd;
        sc.q = qd;
        return rd >= PROBABILITY_FLOOR;              // R only falls: once negligible it stays so
    }

    /**
     * Whether P(N ≤ s) &lt; floor follows from the Chernoff bound of a sum of independent Bernoulli variables with
     * mean at least λ &gt; s: P(N ≤ s) ≤ e^(−λ)·(e·λ/s)^s (decreasing in λ, so a lower bound of λ suffices).
     */
    static boolean chernoffDead(double lambdaLower, int s) {
        if (!(lambdaLower > s)) return false;
        double ln = s == 0 ? -lambdaLower : -lambdaLower + s * (1 + Math.log(lambdaLower / s));
        return ln < LN_NEGLIGIBLE;
    }

    /**
     * Whether the die's unreliability is certainly below the floor, from an upper bound λ of its expected failures
     * and P(N ≥ k) ≤ λ^k/k!: with all spares P(N &gt; s); after repair Σ_j w_j·P(N &gt; s − j).
     */
    private boolean negligibleFailure(double lambda, int s, double[] w) {
        if (lambda <= 0) return true;
        double lnL = Math.log(lambda);
        if (w == null) return (s + 1) * lnL - lnFactorial[s + 1] < LN_NEGLIGIBLE;
        double q = 0;
        for (int j = 0; j <= s; j++) {
            int k = s - j + 1;
            q += w[j] * Math.min(1.0, Math.exp(k * lnL - lnFactorial[k]));
        }
        return q < PROBABILITY_FLOOR;
    }

    private static double sumTo(double[] dist, int k) {
        double s = 0;
        for (int j = 0; j <= k; j++) s += dist[j];
        return s;
    }

    /**
     * The largest failure count worth tracking: the smallest K with λ^K/K! below the floor (so P(N ≥ K) is negligible),
     * minus one, capped at s.
     */
    static int truncation(double lambda, int s) {
        if (lambda <= 0) return 0;
        double lnL = Math.log(lambda), term = 0;
        for (int k = 1; k <= s; k++) {
            term += lnL - Math.log(k);
            if (term < LN_NEGLIGIBLE) return k - 1;
        }
        return s;
    }

    /** Expected failed cores per die at time t (s): Σ_c F_c(t). */
    public double[] expectedFailures(double t) {
        try (Parallel p = Parallel.serial()) {
            return expectedFailures(t, p);
        }
    }

    /** As {@link #expectedFailures(double)}, the dies in parallel on {@code par} (each die's sum as on one thread). */
    public double[] expectedFailures(double t, Parallel par) {
        CoreLifetimes.TimePoint tp = life.at(t);
        int n = cores.coresPerDie();
        double[] out = new double[cores.dieCount()];
        par.forEach(out.length, d -> out[d] = life.failureProbabilities(cores.firstCore(d), n, tp, scratch.get().p));
        return out;
    }

    /**
     * A die ranked by its reliability at one time.
     *
     * @param die                 die index
     * @param column              die column (along x)
     * @param row                 die row (along y)
     * @param reliability         R_die(t)
     * @param unreliability       1 − R_die(t)
     * @param expectedFailedCores Σ_c F_c(t) over the die's cores
     * @param spares              the die's spares
     */
    public record DieRank(int die, int column, int row, double reliability, double unreliability,
                          double expectedFailedCores, int spares) { }

    /**
     * The {@code count} dies that limit life at time t (s): lowest R first; where R is 1 to double precision, the
     * expected number of failed cores per spare breaks the tie.
     */
    public List<DieRank> limitingDies(double t, int count, Parallel par) {
        ReliabilityCurve c = curve(new double[] {t}, par);
        double[] ef = expectedFailures(t, par);
        List<DieRank> all = new ArrayList<>();
        for (int d = 0; d < cores.dieCount(); d++) {
            all.add(new DieRank(d, cores.dieColumn(d), cores.dieRow(d), c.dieReliability()[d][0],
                    c.dieUnreliability()[d][0], ef[d], cores.sparesInDie(d)));
        }
        all.sort(Comparator.comparingDouble(DieRank::unreliability).reversed()
                .thenComparing(Comparator.comparingDouble((DieRank x) -> x.expectedFailedCores() / (x.spares() + 1)).reversed())
                .thenComparingInt(DieRank::die));
        return List.copyOf(all.subList(0, Math.min(count, all.size())));
    }

    /** Wafer MTTF = ∫₀^∞ R_wafer dt (s) by {@link LifeIntegral}, to relative tolerance {@code relTol}. */
    public LifeIntegral.Result mttf(double guess, double relTol, Parallel par) {
        return LifeIntegral.mttf(times -> waferReliability(times, par), guess, relTol);
    }
}
