package org.wafersim.reliability;

import java.util.List;
import java.util.Locale;
import org.wafersim.errors.InputException;

/**
 * A user's stress-life (S-N) curve in power-law form, for elastic contacts (Basquin):
 * <pre>
 *   N_f = N_ref·(S_ref/S_a)^k,     S_a = E·Δε/2
 * </pre>
 * with S_a the stress amplitude of a fully reversed cycle, (S_ref, N_ref) a point of the curve and k &gt; 0 its
 * inverse slope on log-log axes (k = −1/b of Basquin's exponent). The strain enters through Young's modulus: the
 * contact is assumed to stay elastic, which an S-N curve presumes anyway.
 *
 * @param referenceAmplitude S_ref, Pa (&gt; 0)
 * @param referenceCycles    N_ref (&gt; 0)
 * @param exponent           k (&gt; 0)
 * @param youngsModulus      E, Pa (&gt; 0)
 * @param keyPrefix          case-file key of the block, for error messages
 */
public record SnCurve(double referenceAmplitude, double referenceCycles, double exponent, double youngsModulus,
                      String keyPrefix) implements FatigueCurve {

    public SnCurve {
        StrainLife.positive(referenceAmplitude, keyPrefix, "stress_amplitude");
        StrainLife.positive(referenceCycles, keyPrefix, "cycles");
        if (!(exponent > 0) || !Double.isFinite(exponent)) {
            throw new InputException(null, keyPrefix + ".exponent", "must be > 0 (N = N_ref (S_ref/S_a)^k: the"
                    + " life falls as the stress grows; e.g. 8-12 for copper alloys), got " + Check.show(exponent));
        }
        StrainLife.positive(youngsModulus, keyPrefix, "youngs_modulus");
    }

    @Override public double cyclesToFailure(double strainRange) {
        if (!(strainRange >= 0) || !Double.isFinite(strainRange)) {
            throw new IllegalArgumentException("strain range must be finite and >= 0, got " + strainRange);
        }
        if (strainRange == 0) return Double.POSITIVE_INFINITY;
        double sa = youngsModulus * 0.5 * strainRange;
        return referenceCycles * Math.pow(referenceAmplitude / sa, exponent);
    }

    @Override public String describe() {
        return String.format(Locale.ROOT, "user S-N curve N = %.4g (%.4g MPa / S_a)^%.4g, S_a = E d_eps/2 with E %.4g"
                + " GPa (case file)", referenceCycles, referenceAmplitude / 1e6, exponent, youngsModulus / 1e9);
    }

    @Override public List<FatigueConstant> constants() {
        return List.of(new FatigueConstant("S_ref", referenceAmplitude, "Pa", "case file", false),
                new FatigueConstant("N_ref", referenceCycles, "", "case file", false),
                new FatigueConstant("k", exponent, "", "case file", false),
                new FatigueConstant("E", youngsModulus, "Pa", "case file", false));
    }
}
