package org.wafersim.reliability;

import java.util.List;
import java.util.Locale;
import org.wafersim.errors.InputException;

/**
 * Strain-life (Coffin–Manson–Basquin) curve of a metal, for fully reversed strain cycles (Basquin 1910; Coffin 1954;
 * Manson 1953; e.g. Dowling, <i>Mechanical Behavior of Materials</i>, §14.2):
 * <pre>
 *   Δε/2 = (σ_f'/E)·(2N_f)^b + ε_f'·(2N_f)^c          (b, c &lt; 0)
 * </pre>
 * with σ_f' the fatigue strength coefficient, E Young's modulus, b the fatigue strength (Basquin) exponent, ε_f' the
 * fatigue ductility coefficient and c the fatigue ductility (Coffin–Manson) exponent. N_f is found from Δε by
 * Newton's method on x = ln(2N_f): the right-hand side is a sum of two decreasing exponentials in x, so it is convex
 * and decreasing, and Newton steps from the left of the root (bracket below) converge monotonically.
 *
 * <p>Where no measured constants are published, {@link #modifiedUniversalSlopes} estimates them from tensile data by
 * the modified universal slopes of Muralidharan &amp; Manson (J. Eng. Mater. Technol. 110, 1988, 55–58), which
 * Park &amp; Song (Int. J. Fatigue 17, 1995, 365–373) found the best of the estimation methods they compared:
 * <pre>
 *   Δε = 1.17·(σ_u/E)^0.832·N_f^−0.09 + 0.0266·ε_f^0.155·(σ_u/E)^−0.53·N_f^−0.56
 * </pre>
 * (σ_u the tensile strength, ε_f the true fracture ductility), which is the form above with b = −0.09, c = −0.56,
 * σ_f'/E = ½·1.17·2^0.09·(σ_u/E)^0.832 and ε_f' = ½·0.0266·2^0.56·ε_f^0.155·(σ_u/E)^−0.53.
 * Mean strain and mean stress are not corrected for (the contact's strain cycles about its pre-load position).
 *
 * @param name                      what the curve is of (an alloy and temper, or "user curve")
 * @param fatigueStrengthCoefficient σ_f', Pa (&gt; 0)
 * @param youngsModulus             E, Pa (&gt; 0)
 * @param strengthExponent          b (&lt; 0)
 * @param ductilityCoefficient      ε_f' (≥ 0; 0 = elastic term only)
 * @param ductilityExponent         c (&lt; 0)
 * @param source                    where the constants come from
 * @param estimated                 whether the constants are estimates ([E])
 * @param keyPrefix                 case-file key of the block the constants come from, for error messages
 */
public record StrainLife(String name, double fatigueStrengthCoefficient, double youngsModulus,
                         double strengthExponent, double ductilityCoefficient, double ductilityExponent,
                         String source, boolean estimated, String keyPrefix) implements FatigueCurve {

    public StrainLife {
        positive(fatigueStrengthCoefficient, keyPrefix, "fatigue_strength_coefficient");
        positive(youngsModulus, keyPrefix, "youngs_modulus");
        negativeExponent(strengthExponent, keyPrefix, "fatigue_strength_exponent");
        if (!(ductilityCoefficient >= 0) || !Double.isFinite(ductilityCoefficient)) {
            throw new InputException(null, keyPrefix + ".fatigue_ductility_coefficient", "must be >= 0, got "
                    + Check.show(ductilityCoefficient));
        }
        negativeExponent(ductilityExponent, keyPrefix, "fatigue_ductility_exponent");
    }

    /**
     * The constants estimated from tensile data by the modified universal slopes (Muralidharan &amp; Manson 1988);
     * always marked estimated.
     *
     * @param ultimateStrength σ_u, Pa
     * @param youngsModulus    E, Pa
     * @param trueFractureDuctility ε_f = ln(1/(1 − RA))
     */
    public static StrainLife modifiedUniversalSlopes(String name, double ultimateStrength, double youngsModulus,
                                                     double trueFractureDuctility, String source, String keyPrefix) {
        double r = ultimateStrength / youngsModulus;
        double sigmaF = youngsModulus * 0.5 * 1.17 * Math.pow(2, 0.09) * Math.pow(r, 0.832);
        double epsF = 0.5 * 0.0266 * Math.pow(2, 0.56) * Math.pow(trueFractureDuctility, 0.155) * Math.pow(r, -0.53);
        return new StrainLife(name, sigmaF, youngsModulus, -0.09, epsF, -0.56, source
                + "; strain-life by the modified universal slopes (Muralidharan & Manson 1988)", true, keyPrefix);
    }

    /** Strain amplitude Δε/2 at N cycles (2N reversals). */
    public double strainAmplitude(double cycles) {
        double rev = 2 * cycles;
        return fatigueStrengthCoefficient / youngsModulus * Math.pow(rev, strengthExponent)
                + ductilityCoefficient * Math.pow(rev, ductilityExponent);
    }

    @Override public double cyclesToFailure(double strainRange) {
        if (!(strainRange >= 0) || !Double.isFinite(strainRange)) {
            throw new IllegalArgumentException("strain range must be finite and >= 0, got " + strainRange);
        }
        if (strainRange == 0) return Double.POSITIVE_INFINITY;
        double ea = 0.5 * strainRange;
        double a = fatigueStrengthCoefficient / youngsModulus, b = strengthExponent;
        double e = ductilityCoefficient, c = ductilityExponent;
        // x = ln(2N); f(x) = a e^{bx} + e e^{cx} - ea is convex and decreasing. Each term alone reaching ea gives a
        // point left of the root (the other term is still positive there): start at the larger one.
        double x = Math.log(ea / a) / b;
        if (e > 0) x = Math.max(x, Math.log(ea / e) / c);
        for (int it = 0; it < 200; it++) {
            double te = a * Math.exp(b * x), tp = e > 0 ? e * Math.exp(c * x) : 0;
            double f = te + tp - ea;
            double df = b * te + c * tp;
            double dx = -f / df;
            x += dx;
            if (Math.abs(dx) <= 1e-15 * Math.max(1, Math.abs(x))) break;
        }
        return 0.5 * Math.exp(x);
    }

    @Override public String describe() {
        return String.format(Locale.ROOT, "Coffin-Manson-Basquin strain-life of %s: d_eps/2 = (sigma_f'/E)(2N)^b +"
                        + " eps_f'(2N)^c with sigma_f' %.4g MPa, E %.4g GPa, b %.4g, eps_f' %.4g, c %.4g%s (%s)", name,
                fatigueStrengthCoefficient / 1e6, youngsModulus / 1e9, strengthExponent, ductilityCoefficient,
                ductilityExponent, estimated ? " [E]" : "", source);
    }

    @Override public List<FatigueConstant> constants() {
        return List.of(new FatigueConstant("sigma_f'", fatigueStrengthCoefficient, "Pa", source, estimated),
                new FatigueConstant("E", youngsModulus, "Pa", source, estimated),
                new FatigueConstant("b", strengthExponent, "", source, estimated),
                new FatigueConstant("eps_f'", ductilityCoefficient, "", source, estimated),
                new FatigueConstant("c", ductilityExponent, "", source, estimated));
    }

    static void positive(double v, String prefix, String key) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new InputException(null, prefix + "." + key, "must be > 0, got " + Check.show(v));
        }
    }

    /** Strain-life exponents are negative by convention (life falls as the strain grows). */
    static void negativeExponent(double v, String prefix, String key) {
        if (!(v < 0) || !Double.isFinite(v)) {
            throw new InputException(null, prefix + "." + key, "must be < 0 (strain-life exponents are negative:"
                    + " the life falls as the strain grows; e.g. b -0.09, c -0.56), got " + Check.show(v));
        }
    }
}
