package org.wafersim.reliability;

import org.wafersim.materials.FatigueParameters;
import org.wafersim.materials.Material;
import org.wafersim.units.Units;

/**
 * Engelmaier's low-cycle fatigue model of a compliant joint (IPC-SM-785, IPC-D-279; W. Engelmaier, "Fatigue life of
 * leadless chip carrier solder joints during power cycling", IEEE Trans. CHMT 6(3), 1983; reference-data C.4):
 * <pre>
 *   N_f = ½·(Δγ/(2·ε_f'))^(1/c),    c = c0 + c_T·T_sj[°C] + c_f·ln(1 + f)
 * </pre>
 * with Δγ the cyclic shear strain range, ε_f' the fatigue ductility coefficient (0.325), T_sj the mean cyclic joint
 * temperature in °C and f the cycling frequency in cycles per day; defaults c0 = −0.442, c_T = −6e-4 /K,
 * c_f = 1.74e-2. N_f is the <em>median</em> cycles to failure (IPC-D-279: N_f(x %) = N_f·[ln(1−x/100)/ln ½]^(1/β)),
 * which {@link ConnectorPopulation} uses to place the Weibull distribution.
 *
 * <p>The guideline states the frequency term for 1 ≤ f ≤ 1000 cycles/day; outside it, {@link #clampFrequency} clamps
 * f to the range and {@link #frequencyClamped} tells the caller so that it can say so in its notes (a weekly on/off
 * cycle, f = 1/7, is evaluated as f = 1).
 *
 * <p>For the wafer's compliant connector these are solder values applied to its metal contacts (materials library,
 * {@code connector_elastomer}); there are no published constants for Cerebras's connector.
 */
public final class Engelmaier {
    /** Lower end of the frequency range of IPC-SM-785, cycles per day. */
    public static final double MIN_CYCLES_PER_DAY = 1.0;
    /** Upper end of the frequency range of IPC-SM-785, cycles per day. */
    public static final double MAX_CYCLES_PER_DAY = 1000.0;

    private final FatigueParameters fatigue;

    public Engelmaier(FatigueParameters fatigue) {
        this.fatigue = java.util.Objects.requireNonNull(fatigue, "fatigue");
    }

    /** The model with the IPC-SM-785 defaults (ε_f' = 0.325, c0 = −0.442, c_T = −6e-4 /K, c_f = 1.74e-2, q = 2.65). */
    public static Engelmaier ipcDefaults() {
        return new Engelmaier(new FatigueParameters(FatigueParameters.DEFAULT_DUCTILITY, FatigueParameters.DEFAULT_Q,
                FatigueParameters.DEFAULT_C0, FatigueParameters.DEFAULT_C_PER_KELVIN,
                FatigueParameters.DEFAULT_C_LOG_FREQUENCY));
    }

    /**
     * The model of a library material's fatigue constants.
     *
     * @throws org.wafersim.errors.InputException naming {@code reliability.connector.material} when the material has
     *                                            no fatigue constants
     */
    public static Engelmaier of(Material m) {
        return new Engelmaier(m.fatigue().orElseThrow(() -> Check.bad("connector.material", "material '" + m.name()
                + "' has no fatigue constants (fatigue_ductility_coefficient); choose a material that has them")));
    }

    public FatigueParameters parameters() { return fatigue; }

    /** Two models are equal when their constants are. */
    @Override public boolean equals(Object o) { return o instanceof Engelmaier e && e.fatigue.equals(fatigue); }

    @Override public int hashCode() { return fatigue.hashCode(); }

    /** f clamped to [1, 1000] cycles/day. */
    public static double clampFrequency(double cyclesPerDay) {
        if (!(cyclesPerDay > 0) || !Double.isFinite(cyclesPerDay)) {
            throw new IllegalArgumentException("cycles per day must be positive and finite, got " + cyclesPerDay);
        }
        return Math.min(MAX_CYCLES_PER_DAY, Math.max(MIN_CYCLES_PER_DAY, cyclesPerDay));
    }

    /** Whether f lies outside [1, 1000] cycles/day and is clamped by this model. */
    public static boolean frequencyClamped(double cyclesPerDay) {
        return cyclesPerDay < MIN_CYCLES_PER_DAY || cyclesPerDay > MAX_CYCLES_PER_DAY;
    }

    /**
     * The fatigue ductility exponent c (negative), with f clamped to [1, 1000].
     *
     * @param meanTemperatureK mean cyclic joint temperature T_sj, K
     * @param cyclesPerDay     cycling frequency, cycles per day
     */
    public double exponent(double meanTemperatureK, double cyclesPerDay) {
        double c = fatigue.engelmaierExponent(meanTemperatureK, clampFrequency(cyclesPerDay));
        if (!(c < 0)) {
            throw new IllegalArgumentException("Engelmaier exponent c = " + c + " is not negative at T_sj = "
                    + (meanTemperatureK - Units.ZERO_CELSIUS_K) + " degC; the model does not apply");
        }
        return c;
    }

    /**
     * Median cycles to failure N_f (dimensionless count; ∞ for Δγ = 0).
     *
     * @param shearStrainRange cyclic shear strain range Δγ (dimensionless, ≥ 0)
     * @param meanTemperatureK mean cyclic joint temperature, K
     * @param cyclesPerDay     cycling frequency, cycles per day (clamped to [1, 1000])
     */
    public double cyclesToFailure(double shearStrainRange, double meanTemperatureK, double cyclesPerDay) {
        if (!(shearStrainRange >= 0) || !Double.isFinite(shearStrainRange)) {
            throw new IllegalArgumentException("shear strain range must be finite and >= 0, got " + shearStrainRange);
        }
        double c = exponent(meanTemperatureK, cyclesPerDay);
        return 0.5 * Math.pow(shearStrainRange / (2 * fatigue.ductilityCoefficient()), 1.0 / c);
    }

    /**
     * Engelmaier's estimate of the cyclic shear strain range of a joint between two plates of different CTE,
     * Δγ = F·L_D·Δα·ΔT/h (IPC-D-279), for use before the mechanics solver provides the strain map.
     *
     * @param strainFactor        F, the empirical non-ideality factor (≈ 0.5–1.5; 1 for an ideal shear joint)
     * @param distanceToNeutral   L_D, distance from the neutral point, m
     * @param cteMismatch         Δα, 1/K
     * @param temperatureRange    ΔT, K
     * @param jointHeight         h, m
     */
    public static double shearStrainRange(double strainFactor, double distanceToNeutral, double cteMismatch,
                                          double temperatureRange, double jointHeight) {
        if (!(jointHeight > 0)) throw new IllegalArgumentException("joint height must be positive, got " + jointHeight);
        return Math.abs(strainFactor * distanceToNeutral * cteMismatch * temperatureRange / jointHeight);
    }
}
