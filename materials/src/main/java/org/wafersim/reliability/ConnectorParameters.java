package org.wafersim.reliability;

import org.wafersim.materials.FatigueParameters;
import org.wafersim.materials.Material;

/**
 * Fatigue constants of the wafer-to-board connector's contacts: Engelmaier's ε_f' and exponent constants
 * ({@link Engelmaier}), the Coffin–Manson ΔT exponent, the Weibull shape of the contacts' lives, Engelmaier's strain
 * factor F, and the Norris–Landzberg constants for translating test to field cycles. The defaults are those of the
 * built-in material {@code connector_elastomer} (solder values applied to its contacts, see reference-data C.4).
 *
 * @param ductilityCoefficient ε_f' (0.325; IPC-SM-785/IPC-D-279 [S 45, 47])
 * @param c0                   Engelmaier c0 (−0.442; IPC-SM-785 [S 47])
 * @param cPerKelvin           Engelmaier c_T, 1/K (−6e-4; IPC-SM-785 [S 47])
 * @param cLogFrequency        Engelmaier c_f (1.74e-2; IPC-SM-785 [S 47])
 * @param coffinMansonExponent q of N_f ∝ ΔT^(−q) (2.65; SAC305, Pan et al. 2005 [S 48], reference-data C.2)
 * @param weibullShape         β of the contacts' lives (6, range 4–10; solder thermal fatigue, reference-data C.3 [E])
 * @param strainFactor         F in Δγ = F·L_D·Δα·ΔT/h (1.0 [E]; IPC-D-279 gives ≈ 0.5–1.5)
 * @param acceleration         Norris–Landzberg constants (SAC, Pan et al. 2005 [S 48])
 * @param model                the contact's fatigue model by connector technology ({@link FatigueModel}); null (and
 *                             the 8-argument form) = a {@link SolderJoint} spanning the connector layer with the
 *                             Engelmaier constants above
 */
public record ConnectorParameters(double ductilityCoefficient, double c0, double cPerKelvin, double cLogFrequency,
                                  double coffinMansonExponent, double weibullShape, double strainFactor,
                                  NorrisLandzberg acceleration, FatigueModel model) {

    /** Weibull shape of solder thermal fatigue, reference-data C.3 ([E], range 4–10). */
    public static final double DEFAULT_WEIBULL_SHAPE = 6.0;

    public static final ConnectorParameters DEFAULT = new ConnectorParameters(
            FatigueParameters.DEFAULT_DUCTILITY, FatigueParameters.DEFAULT_C0, FatigueParameters.DEFAULT_C_PER_KELVIN,
            FatigueParameters.DEFAULT_C_LOG_FREQUENCY, FatigueParameters.DEFAULT_Q, DEFAULT_WEIBULL_SHAPE, 1.0,
            NorrisLandzberg.SAC);

    public ConnectorParameters {
        Check.positive(ductilityCoefficient, "connector.fatigue_ductility_coefficient");
        Check.finite(c0, "connector.engelmaier_c0");
        Check.finite(cPerKelvin, "connector.engelmaier_c_temperature");
        Check.finite(cLogFrequency, "connector.engelmaier_c_frequency");
        Check.positive(coffinMansonExponent, "connector.coffin_manson_exponent");
        Check.positive(weibullShape, "connector.weibull_shape");
        Check.positive(strainFactor, "connector.strain_factor");
        Check.notNull(acceleration, "connector.norris_landzberg");
        if (model == null) {
            model = new SolderJoint(Double.NaN, new Engelmaier(new FatigueParameters(ductilityCoefficient,
                    coffinMansonExponent, c0, cPerKelvin, cLogFrequency)), false);
        }
    }

    /** The constants with the Engelmaier solder joint spanning the connector layer as the fatigue model. */
    public ConnectorParameters(double ductilityCoefficient, double c0, double cPerKelvin, double cLogFrequency,
                               double coffinMansonExponent, double weibullShape, double strainFactor,
                               NorrisLandzberg acceleration) {
        this(ductilityCoefficient, c0, cPerKelvin, cLogFrequency, coffinMansonExponent, weibullShape, strainFactor,
                acceleration, null);
    }

    /** The same constants with another fatigue model (technology). */
    public ConnectorParameters withModel(FatigueModel m) {
        return new ConnectorParameters(ductilityCoefficient, c0, cPerKelvin, cLogFrequency, coffinMansonExponent,
                weibullShape, strainFactor, acceleration, m);
    }

    /**
     * The constants of a library material: its fatigue parameters (required), its {@code weibull_shape} if it has
     * one (else 6) and its Norris–Landzberg constants if it has them (else SAC).
     *
     * @throws org.wafersim.errors.InputException naming {@code reliability.connector.material} if the material has
     *                                            no fatigue constants
     */
    public static ConnectorParameters of(Material m) {
        FatigueParameters f = Engelmaier.of(m).parameters();
        double beta = m.property("weibull_shape").map(p -> p.nominal()).orElse(DEFAULT_WEIBULL_SHAPE);
        return new ConnectorParameters(f.ductilityCoefficient(), f.engelmaierC0(), f.engelmaierCPerKelvin(),
                f.engelmaierCLogFrequency(), f.coffinMansonExponent(), beta, 1.0,
                NorrisLandzberg.of(m).orElse(NorrisLandzberg.SAC));
    }

    /** These constants as the materials module's record. */
    public FatigueParameters fatigue() {
        return new FatigueParameters(ductilityCoefficient, coffinMansonExponent, c0, cPerKelvin, cLogFrequency);
    }

    /** Engelmaier's model with these constants. */
    public Engelmaier engelmaier() { return new Engelmaier(fatigue()); }

    /**
     * Checks Engelmaier's exponent c(T, f) = c0 + c_T·T[°C] + c_f·ln(1 + f) over joint temperatures [loK, hiK] at the
     * frequencies of {@code duty}: it must be negative, since N_f = ½(Δγ/2ε_f')^(1/c) falls with the strain range
     * only then (IPC-SM-785). c is linear in T and in ln(1 + f), so the ends of the range at each cycle frequency
     * (clamped to the guideline's 1–1000 per day, as {@link Engelmaier} evaluates them) cover every point.
     *
     * @param what the temperature range in words, for the message
     * @return null when c &lt; 0 everywhere, else the reason (the caller names the key that set the constants)
     */
    public String engelmaierExponentViolation(DutyCycle duty, double loK, double hiK, String what) {
        java.util.List<Double> perDay = new java.util.ArrayList<>(java.util.List.of(duty.cyclesPerDay()));
        if (duty.offCyclesPerWeek() > 0) perDay.add(duty.offCyclesPerDay());
        for (double f : perDay) {
            double fc = Engelmaier.clampFrequency(f);
            for (double tK : new double[] {loK, hiK}) {
                double c = fatigue().engelmaierExponent(tK, fc);
                if (c < 0) continue;
                double tC = tK - org.wafersim.units.Units.ZERO_CELSIUS_K;
                return String.format(java.util.Locale.ROOT, "Engelmaier's exponent"
                        + " c = c0 + c_T*T + c_f*ln(1 + f) = %.4g + %.4g*%.1f + %.4g*ln(1 + %.4g) = %.4g is not negative"
                        + " (at T = %.1f degC, f = %.4g /day; checked for %s): N_f would not fall with the strain"
                        + " range; IPC-SM-785: c0 -0.442, c_T -6e-4 1/K, c_f 0.0174", c0, cPerKelvin, tC,
                        cLogFrequency, fc, c, tC, fc, what);
            }
        }
        return null;
    }

    public ConnectorParameters withWeibullShape(double beta) {
        return new ConnectorParameters(ductilityCoefficient, c0, cPerKelvin, cLogFrequency, coffinMansonExponent,
                beta, strainFactor, acceleration, model);
    }

    public ConnectorParameters withDuctilityCoefficient(double epsF) {
        return new ConnectorParameters(epsF, c0, cPerKelvin, cLogFrequency, coffinMansonExponent, weibullShape,
                strainFactor, acceleration);
    }
}
