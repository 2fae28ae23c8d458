package org.wafersim.reliability;

import org.apache.commons.math3.special.Gamma;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A lifetime distribution placed by its mean (the MTTF), as the wear-out mechanisms need: each mechanism's physics
 * gives an MTTF per core, the distribution gives its spread (reference-data C.3).
 * <ul>
 * <li>Weibull of shape β: F(t) = 1 − exp[−(t/η)^β], η = MTTF/Γ(1 + 1/β);</li>
 * <li>lognormal of log-standard deviation σ: F(t) = Φ((ln t − μ)/σ), μ = ln MTTF − σ²/2.</li>
 * </ul>
 * Times in s. Validation of the shape happens in the owning record (it knows the case-file key); here a
 * non-positive shape is an {@link IllegalArgumentException}.
 *
 * @param kind  Weibull or lognormal
 * @param shape β (Weibull) or σ (lognormal), &gt; 0
 */
public record LifetimeDistribution(Kind kind, double shape) {

    public enum Kind {
        WEIBULL("weibull_shape"), LOGNORMAL("lognormal_sigma");
        /** The case-file key of the shape parameter. */
        public final String shapeKey;
        Kind(String shapeKey) { this.shapeKey = shapeKey; }
    }

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    public LifetimeDistribution {
        if (kind == null) throw new IllegalArgumentException("distribution kind is missing");
        if (!(shape > 0) || !Double.isFinite(shape)) {
            throw new IllegalArgumentException(kind.shapeKey + " must be positive and finite, got " + shape);
        }
    }

    public static LifetimeDistribution weibull(double beta) { return new LifetimeDistribution(Kind.WEIBULL, beta); }

    public static LifetimeDistribution lognormal(double sigma) { return new LifetimeDistribution(Kind.LOGNORMAL, sigma); }

    /** MTTF divided by the scale (η for Weibull, the median e^μ for lognormal). */
    public double meanOverScale() {
        return kind == Kind.WEIBULL ? Gamma.gamma(1 + 1.0 / shape) : Math.exp(0.5 * shape * shape);
    }

    /** The scale for a given MTTF: η (Weibull) or the median (lognormal), s. */
    public double scale(double mttf) { return mttf / meanOverScale(); }

    /** F(t) for a given MTTF (both in s); accurate in the lower tail. */
    public double failureProbability(double t, double mttf) {
        if (t <= 0 || mttf == Double.POSITIVE_INFINITY) return 0.0;
        double s = scale(mttf);
        if (kind == Kind.WEIBULL) return -Math.expm1(-Math.pow(t / s, shape));
        return STANDARD_NORMAL.cumulativeProbability(Math.log(t / s) / shape);
    }

    /** R(t) = 1 − F(t) for a given MTTF (both in s); accurate in the upper tail. */
    public double reliability(double t, double mttf) {
        if (t <= 0 || mttf == Double.POSITIVE_INFINITY) return 1.0;
        double s = scale(mttf);
        if (kind == Kind.WEIBULL) return Math.exp(-Math.pow(t / s, shape));
        return STANDARD_NORMAL.survivalProbability(Math.log(t / s) / shape);
    }

    /**
     * Calibration: the MTTF (s) for which a fraction {@code fraction} has failed by time {@code t} (s), i.e. F(t) =
     * fraction. Weibull: η = t/(−ln(1−F))^(1/β); lognormal: μ = ln t − σ·Φ⁻¹(F); then MTTF = scale·meanOverScale.
     */
    public double mttfForFailureFraction(double t, double fraction) {
        if (!(fraction > 0 && fraction < 1)) throw new IllegalArgumentException("fraction must be in (0, 1)");
        double scale = kind == Kind.WEIBULL
                ? t / Math.pow(-Math.log1p(-fraction), 1.0 / shape)
                : t * Math.exp(-shape * STANDARD_NORMAL.inverseCumulativeProbability(fraction));
        return scale * meanOverScale();
    }
}
