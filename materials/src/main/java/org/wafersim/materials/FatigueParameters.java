package org.wafersim.materials;
import org.wafersim.units.Units;

/**
 * Low-cycle fatigue constants of a ductile joint (solder, the compliant connector's contacts), after Engelmaier
 * (IPC-SM-785 / IPC-D-279) and reference-data C.2/C.4:
 * <pre>
 *   N_f = ½·(Δγ / (2·ε_f'))^(1/c),   c = c0 + cT·T_sj[°C] + cF·ln(1 + f[cycles/day])
 * </pre>
 * and the Coffin–Manson temperature-range exponent q of {@code N_f ∝ ΔT^(−q)} (Pan et al., SMTA 2005, for
 * SAC305). SI note: {@code cT} is per kelvin, which equals per °C; the formula takes the mean joint temperature
 * in °C, so {@link #engelmaierExponent} converts from kelvin.
 *
 * @param ductilityCoefficient   ε_f', fatigue ductility coefficient (0.325, IPC-SM-785)
 * @param coffinMansonExponent   q of N_f ∝ ΔT^(−q)
 * @param engelmaierC0           c0 (−0.442)
 * @param engelmaierCPerKelvin   cT (−6e-4 per K)
 * @param engelmaierCLogFrequency cF (1.74e-2)
 */
public record FatigueParameters(double ductilityCoefficient, double coffinMansonExponent, double engelmaierC0,
                                double engelmaierCPerKelvin, double engelmaierCLogFrequency) {

    /** IPC-SM-785 defaults, used when a material gives ε_f' but not the exponent constants. */
    public static final double DEFAULT_DUCTILITY = 0.325;
    public static final double DEFAULT_C0 = -0.442;
    public static final double DEFAULT_C_PER_KELVIN = -6e-4;
    public static final double DEFAULT_C_LOG_FREQUENCY = 1.74e-2;
    /** SAC305 solder joints, reference-data C.2 (Pan et al. 2005). */
    public static final double DEFAULT_Q = 2.65;

    public FatigueParameters {
        if (!(ductilityCoefficient > 0) || !Double.isFinite(ductilityCoefficient)) {
            throw new IllegalArgumentException("fatigue ductility coefficient must be positive");
        }
        if (!(coffinMansonExponent > 0) || !Double.isFinite(coffinMansonExponent)) {
            throw new IllegalArgumentException("Coffin-Manson exponent must be positive");
        }
        if (!Double.isFinite(engelmaierC0) || !Double.isFinite(engelmaierCPerKelvin)
                || !Double.isFinite(engelmaierCLogFrequency)) {
            throw new IllegalArgumentException("Engelmaier constants must be finite");
        }
    }

    /**
     * Engelmaier's fatigue ductility exponent c (negative) for a mean cyclic joint temperature (K) and a cycling
     * frequency in cycles per day (IPC-SM-785 states 1 ≤ f ≤ 1000; not clamped here).
     */
    public double engelmaierExponent(double meanJointTemperatureK, double cyclesPerDay) {
        if (!(cyclesPerDay >= 0)) throw new IllegalArgumentException("cycles per day must be >= 0");
        double tC = meanJointTemperatureK - Units.ZERO_CELSIUS_K;
        return engelmaierC0 + engelmaierCPerKelvin * tC + engelmaierCLogFrequency * Math.log1p(cyclesPerDay);
    }
}
