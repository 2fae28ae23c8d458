package org.wafersim.reliability;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.WeibullDistribution;
import org.wafersim.geometry.CoreArray;

/**
 * Monte Carlo cross-check of the wafer's R(t) (issue 6): in each trial every core gets a lifetime per mechanism,
 * drawn from that mechanism's distribution at the core's MTTF (Weibull: η·W with W ~ Weibull(β, 1); lognormal:
 * median·e^(σZ) with Z ~ N(0, 1), both from commons-statistics samplers on a seeded
 * {@link RandomSource#XO_RO_SHI_RO_128_PP} stream); the core's lifetime is the shortest; a die survives while at most
 * its spares have failed by t, the wafer while every die survives. The estimate is the surviving fraction with its
 * binomial standard error √(R(1−R)/trials). All spares are available (the model of
 * {@link ReliabilityParameters.SpareAccounting#ALL_SPARES}). The sampling is independent of the analytical route
 * (no DP, no Φ), which is the point of the check.
 */
public final class MonteCarloCheck {
    private MonteCarloCheck() { }

    /**
     * @param reliability   estimated R_wafer(t)
     * @param standardError √(R(1−R)/trials)
     * @param survived      surviving trials
     * @param trials        trials
     */
    public record Estimate(double reliability, double standardError, long survived, int trials) {
        /** |value − R| in standard errors. */
        public double deviation(double value) { return Math.abs(value - reliability) / standardError; }
    }

    /**
     * R_wafer(t) by sampling.
     *
     * @param life   per-core lifetimes
     * @param t      time, s
     * @param trials number of sampled wafers
     * @param seed   seed of the random stream (same seed, same result)
     */
    public static Estimate waferReliability(CoreLifetimes life, double t, int trials, long seed) {
        if (trials < 1) throw new IllegalArgumentException("trials must be >= 1");
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        List<Mechanism> mechs = life.mechanisms();
        int nm = mechs.size();
        CoreArray cores = life.cores();
        ContinuousDistribution.Sampler[] samplers = new ContinuousDistribution.Sampler[nm];
        boolean[] weibull = new boolean[nm];
        double[] shape = new double[nm];
        double[][] scale = new double[nm][cores.coreCount()];
        for (int m = 0; m < nm; m++) {
            LifetimeDistribution d = mechs.get(m).distribution();
            weibull[m] = d.kind() == LifetimeDistribution.Kind.WEIBULL;
            shape[m] = d.shape();
            samplers[m] = weibull[m] ? WeibullDistribution.of(d.shape(), 1.0).createSampler(rng)
                    : NormalDistribution.of(0, 1).createSampler(rng);
            for (int c = 0; c < cores.coreCount(); c++) scale[m][c] = life.scale(m, c);
        }
        int n = cores.coresPerDie();
        long survived = 0;
        for (int trial = 0; trial < trials; trial++) {
            boolean alive = true;
            for (int d = 0; d < cores.dieCount() && alive; d++) {
                int allowed = cores.sparesInDie(d), failed = 0;
                for (int c = cores.firstCore(d), e = c + n; c < e && failed <= allowed; c++) {
                    for (int m = 0; m < nm; m++) {
                        double x = samplers[m].sample();
                        double lifetime = weibull[m] ? scale[m][c] * x : scale[m][c] * Math.exp(shape[m] * x);
                        if (lifetime <= t) {
                            failed++;
                            break;
                        }
                    }
                }
                alive = failed <= allowed;
            }
            if (alive) survived++;
        }
        double r = (double) survived / trials;
        return new Estimate(r, Math.sqrt(r * (1 - r) / trials), survived, trials);
    }
}
