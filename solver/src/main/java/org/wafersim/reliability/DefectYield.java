package org.wafersim.reliability;

import org.wafersim.geometry.CoreArray;
import org.wafersim.reliability.ReliabilityParameters.DefectModel;

/**
 * Manufacturing yield of the wafer with spare cores (DESIGN §4, issue 6 item 4). Defects land uniformly on the
 * cores' area (scribe lines excluded) and each kills the core it lands in; a die is good while its defective cores
 * X ≤ its spares s, the wafer while every die is good:
 * <pre>
 *   Y_die = P(X ≤ s),   Y_wafer = Π_d Y_die(d).
 * </pre>
 * The number of defects K on a die's core area λ = D0·A is Poisson(λ), or negative-binomial with clustering α
 * (Stapper: the defect density varies from die to die as a gamma distribution of mean D0 and shape α), and X is
 * the number of distinct cores among the n equal cores of the die that K uniform defects hit. The distribution of X
 * is computed exactly by mixing the occupancy distribution over K:
 * <pre>
 *   P(X = x | K = k+1) = P(X = x | k)·x/n + P(X = x−1 | k)·(n − x + 1)/n,
 *   P(X = x) = Σ_k P(K = k)·P(X = x | k),
 * </pre>
 * with the sum over k stopped when the remaining mixing mass cannot change the total by 1e-17 relative (so entries of
 * P(X = x) far below 1e-17 may be cut; the yield and the spares left are exact to rounding). Closed forms
 * it must equal (verified in {@code DefectYieldTest} to 1e-12): for Poisson defects each core is hit independently
 * with p = 1 − e^(−D0·A_core), so Y_die = Σ_{j≤s} C(n,j)·p^j·(1−p)^(n−j); for negative-binomial defects
 * Y_die = Σ_{j≤s} C(n,j) Σ_{i≤j} (−1)^i C(j,i)·(1 + (n−j+i)·A_core·D0/α)^(−α).
 *
 * <p>A die may also have a non-redundant area A_nr (I/O, clocking, the fabric's non-redundant logic) where any defect
 * kills it whatever its spares. For Poisson defects the two areas are independent:
 * Y_die = e^(−D0·A_nr)·P(X ≤ s). For clustered defects they share the die's density λ ~ Gamma(α, D0/α), and
 * E[e^(−λ·A_nr)·f(λ)] = (1 + D0·A_nr/α)^(−α)·E'[f(λ')] with λ' ~ Gamma(α, D0'/α), D0' = D0 / (1 + D0·A_nr/α) (the
 * gamma tilted by e^(−λ·A_nr)): the cores' part is evaluated at the reduced density D0'. P(X = x) below is then the
 * joint probability of x dead cores and a clean non-redundant area.
 *
 * <p>Clustering is per die (the gamma-distributed density is drawn independently for every die); wafer-to-wafer
 * variation, which would correlate the dies, is not modelled. Cores of a die are equal by construction of the
 * {@link CoreArray} (a regular array that fills the die).
 */
public final class DefectYield {
    private DefectYield() { }

    /** Below this, a probability is treated as no mass (double underflow). */
    private static final double TINY = 1e-300;

    /**
     * The yield.
     *
     * @param dieYield               P(X ≤ s) per die
     * @param defectiveCores         [die][x], P(X = x) for x = 0..s (unconditional)
     * @param expectedDefectiveCores E[X] per die (unconditional)
     * @param expectedSparesLeft     E[s − X | X ≤ s] per die: spares left for field repair on a good die
     * @param waferYield             Π_d dieYield
     * @param lnNonRedundantYield    ln P(no defect in a die's non-redundant area) (0 without one)
     */
    public record Result(double[] dieYield, double[][] defectiveCores, double[] expectedDefectiveCores,
                         double[] expectedSparesLeft, double waferYield, double lnNonRedundantYield) {

        /**
         * 1 − wafer yield. Poisson defects hit each of a die's n cores independently with p = E[X]/n, so a die's tail
         * P(X &gt; s) = I_p(s + 1, n − s) (the regularised beta: the binomial tail) is computed directly, and the wafer's
         * 1 − Y = −expm1(Σ_d log1p(−q_d)) without the cancellation of 1 − Π_d P(X ≤ s). For clustered
         * (negative-binomial) defects the cores are not independent and no closed-form tail is used: 1 − Y there.
         */
        public double waferYieldLoss(DefectModel model, int coresPerDie) {
            if (model == DefectModel.NEGATIVE_BINOMIAL) return 1 - waferYield;
            double lr = 0;
            for (int d = 0; d < dieYield.length; d++) {
                int s = defectiveCores[d].length - 1;
                int n = coresPerDie;
                double p = expectedDefectiveCores[d] / n;
                double q = p <= 0 || s >= n ? 0 : org.apache.commons.math3.special.Beta.regularizedBeta(p, s + 1, n - s);
                lr += lnNonRedundantYield + Math.log1p(-q);
            }
            return -Math.expm1(lr);
        }

        /** Expected spares left for field repair on a good wafer, summed over the dies. */
        public double totalSparesLeft() {
            double s = 0;
            for (double v : expectedSparesLeft) s += v;
            return s;
        }

        /** P(X = x | die good), x = 0..s, for die d: the spares already used when the wafer ships. */
        public double[] usedSparesGivenGood(int d) {
            double[] w = defectiveCores[d].clone();
            for (int x = 0; x < w.length; x++) w[x] /= dieYield[d];
            return w;
        }
    }

    /** The yield of {@code cores} with the defect density and model of {@code p}. */
    public static Result evaluate(CoreArray cores, ReliabilityParameters p) {
        return evaluate(cores, p.defectDensity(), p.defectModel(), p.clusteringAlpha(), p.nonRedundantArea());
    }

    /** The yield without non-redundant area. */
    public static Result evaluate(CoreArray cores, double defectDensity, DefectModel model, double alpha) {
        return evaluate(cores, defectDensity, model, alpha, 0);
    }

    /**
     * The yield of {@code cores}.
     *
     * @param defectDensity D0, defects per m² (≥ 0)
     * @param model         Poisson or negative-binomial
     * @param alpha         clustering α (&gt; 0; used only for the negative-binomial model)
     * @param nonRedundant  A_nr, the area of each die where a defect kills it whatever its spares, m² (≥ 0)
     */
    public static Result evaluate(CoreArray cores, double defectDensity, DefectModel model, double alpha,
                                  double nonRedundant) {
        Check.nonNegative(defectDensity, "defect_density");
        Check.positive(alpha, "clustering_alpha");
        Check.nonNegative(nonRedundant, "non_redundant_area");
        // the non-redundant area: ln P(no defect there), and the density the cores then see (the tilted gamma)
        boolean poisson = model == DefectModel.POISSON;
        double t = poisson ? 0 : defectDensity * nonRedundant / alpha;
        double lnKeep = poisson ? -defectDensity * nonRedundant : -alpha * Math.log1p(t);
        double coreDensity = defectDensity / (1 + t);
        int dies = cores.dieCount(), n = cores.coresPerDie();
        double[] y = new double[dies], ex = new double[dies], left = new double[dies];
        double[][] px = new double[dies][];
        double lnWafer = 0;
        for (int d = 0; d < dies; d++) {
            int s = cores.sparesInDie(d);
            double area = 0;
            for (int c = cores.firstCore(d), e = c + n; c < e; c++) area += cores.area(c);
            double lambda = defectDensity * area;
            px[d] = defectiveCoreDistribution(n, s, coreDensity * area, model, alpha);
            if (nonRedundant > 0) for (int x = 0; x <= s; x++) px[d][x] *= Math.exp(lnKeep);
            double yd = 0, sl = 0;
            for (int x = 0; x <= s; x++) {
                yd += px[d][x];
                sl += (s - x) * px[d][x];
            }
            yd = Math.min(1.0, yd);                 // a probability; the sum may exceed 1 by a few ulps
            y[d] = yd;
            left[d] = yd > 0 ? sl / yd : 0;
            // E[X] = n·(1 − E[e^(−D·A_core)]): Poisson e^(−λ/n), negative binomial (1 + λ/(nα))^(−α)
            double hitFree = model == DefectModel.POISSON ? -Math.expm1(-lambda / n)
                    : -Math.expm1(-alpha * Math.log1p(lambda / (n * alpha)));
            ex[d] = n * hitFree;
            lnWafer += Math.log(yd);
        }
        return new Result(y, px, ex, left, Math.exp(lnWafer), lnKeep);
    }

    /**
     * P(X = x) for x = 0..s: distinct cores hit among n equal cores by K defects, K Poisson(λ) or negative-binomial
     * (mean λ, shape α).
     */
    static double[] defectiveCoreDistribution(int n, int s, double lambda, DefectModel model, double alpha) {
        double[] acc = new double[s + 1];
        if (lambda == 0) {
            acc[0] = 1;
            return acc;
        }
        double[] occ = new double[s + 1];          // P(X = x | K = k), x ≤ s; the rest has overflowed
        occ[0] = 1;
        boolean poisson = model == DefectModel.POISSON;
        // pmf of K by the recursion P(k+1) = P(k)·r_k, r_k = λ/(k+1) (Poisson) or (k+α)/(k+1)·λ/(λ+α) (negative
        // binomial), in the linear domain while P(0) is representable (accurate to a few ulps), else in logs
        double lnP0 = poisson ? -lambda : -alpha * Math.log1p(lambda / alpha);
        boolean logs = lnP0 < -700;
        double pk = Math.exp(lnP0), lnP = lnP0;
        double q = poisson ? lambda : lambda / (lambda + alpha);
        double mode = poisson ? Math.floor(lambda) : Math.max(0, Math.floor((alpha - 1) * lambda / alpha));
        for (int k = 0; ; k++) {
            if (logs) pk = Math.exp(lnP);
            double low = 0;
            for (int x = 0; x <= s; x++) {
                acc[x] += pk * occ[x];
                low += occ[x];
            }
            if (low < TINY) break;                  // every later K leaves more than s cores dead
            double r = poisson ? q / (k + 1) : (k + alpha) / (k + 1) * q;
            if (k > mode) {
                // beyond the mode the ratio r_k is below 1 and falls (Poisson, NB with α ≥ 1) or stays below
                // λ/(λ+α) (NB with α < 1); the remaining terms sum to at most P(k)·r̂/(1 − r̂)·low
                double rHat = poisson ? r : Math.max((k + alpha) / (k + 1), 1.0) * q;
                if (rHat < 1) {
                    double rest = pk * rHat / (1 - rHat) * low;
                    double total = 0;
                    for (double v : acc) total += v;
                    if (rest < 1e-17 * total || rest < TINY) break;
                }
            }
            // one more defect on a uniformly chosen core
            for (int x = s; x >= 1; x--) occ[x] = occ[x] * ((double) x / n) + occ[x - 1] * ((double) (n - x + 1) / n);
            occ[0] = 0;
            if (logs) {
                lnP += Math.log(r);
                if (lnP > -700) {
                    logs = false;
                    pk = Math.exp(lnP);
                }
            } else {
                pk *= r;
            }
        }
        return acc;
    }
}
