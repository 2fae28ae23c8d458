package org.wafersim.reliability;

import org.apache.commons.math3.special.Gamma;

/**
 * The connector as a population of independent contact points in series: it fails at its first failing point. Each
 * point's life is Weibull with shape β and its median at the point's life L_i from Engelmaier's N_f (a median,
 * IPC-D-279), so R_i(t) = exp[−ln2·(t/L_i)^β], and with w_i contacts at point i (default 1)
 * <pre>
 *   R(t) = Π_i R_i(t)^{w_i} = exp[−ln2·S·t^β],   S = Σ_i w_i·L_i^(−β)
 * </pre>
 * — itself a Weibull distribution of shape β and scale η = (ln2·S)^(−1/β), so its MTTF is η·Γ(1 + 1/β).
 * β = 6 for solder thermal fatigue (reference-data C.3, [E] range 4–10).
 *
 * <p>Why weights: the map has one value per mechanics cell, and a cell holds many contacts; with w_i = contacts per
 * cell the result does not depend on the mesh (the weakest-link scaling R_cell = R_contact^w). With the default
 * w = 1 every map point counts as one contact.
 */
public final class ConnectorPopulation {
    private static final double LN2 = Math.log(2.0);

    private final double beta;
    private final double scale;     // η of the connector, s (∞ when no point can fail)

    private ConnectorPopulation(double beta, double scale) {
        this.beta = beta;
        this.scale = scale;
    }

    /**
     * The population of points with median lives {@code life[y][x]} (s; ∞ = never fails) and contact counts
     * {@code weights[y][x]} (null = 1 each).
     */
    public static ConnectorPopulation of(double[][] life, double[][] weights, double beta) {
        Check.positive(beta, "connector.weibull_shape");
        double lmin = Double.POSITIVE_INFINITY;
        for (double[] row : life) for (double l : row) {
            if (!(l > 0)) throw new IllegalArgumentException("point life must be positive, got " + l);
            lmin = Math.min(lmin, l);
        }
        if (lmin == Double.POSITIVE_INFINITY) return new ConnectorPopulation(beta, Double.POSITIVE_INFINITY);
        // S = lmin^-β · Σ w (lmin/L)^β, scaled by the shortest life so that nothing under- or overflows
        double sum = 0;
        for (int y = 0; y < life.length; y++) {
            for (int x = 0; x < life[y].length; x++) {
                double w = weights == null ? 1.0 : weights[y][x];
                if (!(w >= 0) || !Double.isFinite(w)) throw new IllegalArgumentException("weight [" + y + "][" + x + "] is " + w);
                sum += w * Math.pow(lmin / life[y][x], beta);
            }
        }
        if (sum == 0) return new ConnectorPopulation(beta, Double.POSITIVE_INFINITY);
        return new ConnectorPopulation(beta, lmin * Math.pow(LN2 * sum, -1.0 / beta));
    }

    /** Weibull shape β. */
    public double shape() { return beta; }

    /** Characteristic life η of the whole connector, s (R(η) = 1/e). */
    public double characteristicLife() { return scale; }

    /** R(t) of the whole connector; t in s. */
    public double reliability(double t) {
        if (scale == Double.POSITIVE_INFINITY) return 1.0;
        return Math.exp(-Math.pow(t / scale, beta));
    }

    /** 1 − R(t), accurate for small values; t in s. */
    public double unreliability(double t) {
        if (scale == Double.POSITIVE_INFINITY) return 0.0;
        return -Math.expm1(-Math.pow(t / scale, beta));
    }

    /** Mean time to the first connector failure, η·Γ(1 + 1/β), s. */
    public double mttf() {
        return scale == Double.POSITIVE_INFINITY ? scale : scale * Gamma.gamma(1 + 1.0 / beta);
    }

    /** Time (s) by which a fraction {@code f} (0 &lt; f &lt; 1) of connectors has failed: η·(−ln(1−f))^(1/β). */
    public double timeToFailureFraction(double f) {
        if (!(f > 0 && f < 1)) throw new IllegalArgumentException("fraction must be in (0, 1), got " + f);
        return scale * Math.pow(-Math.log1p(-f), 1.0 / beta);
    }
}
