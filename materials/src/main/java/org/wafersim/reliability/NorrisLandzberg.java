package org.wafersim.reliability;

import java.util.Optional;
import org.wafersim.materials.Material;
import org.wafersim.materials.Property;

/**
 * Norris–Landzberg acceleration between a test and a field thermal cycle (K. C. Norris, A. H. Landzberg, IBM J. Res.
 * Dev. 13(3), 1969; reference-data C.2):
 * <pre>
 *   AF = N_field/N_test = (ΔT_t/ΔT_f)^n · (f_f/f_t)^m · exp[(E_a/k)·(1/T_max,f − 1/T_max,t)]
 * </pre>
 * with ΔT the temperature ranges (K), f the cycling frequencies (cycles per day; only their ratio enters) and
 * T_max the peak temperatures (K).
 *
 * @param deltaTExponent    n
 * @param frequencyExponent m
 * @param eaOverK           E_a/k, K
 */
public record NorrisLandzberg(double deltaTExponent, double frequencyExponent, double eaOverK) {

    /** SAC (Sn-Ag-Cu) solder: n = 2.65, m = 0.136, E_a/k = 2185 K (Pan et al., SMTA International 2005 [S 48]). */
    public static final NorrisLandzberg SAC = new NorrisLandzberg(2.65, 0.136, 2185);
    /**
     * Eutectic SnPb: n = 1.9, m = 1/3, E_a/k = 1414 K (E_a = 0.122 eV; Norris & Landzberg 1969; TI E2E example
     * [S 49]).
     */
    public static final NorrisLandzberg SNPB = new NorrisLandzberg(1.9, 1.0 / 3.0, 1414);

    public NorrisLandzberg {
        Check.nonNegative(deltaTExponent, "connector.norris_landzberg_dt_exponent");
        Check.nonNegative(frequencyExponent, "connector.norris_landzberg_frequency_exponent");
        Check.nonNegative(eaOverK, "connector.norris_landzberg_ea_over_k");
    }

    /**
     * One thermal cycle profile.
     *
     * @param deltaT          temperature range, K (&gt; 0)
     * @param cyclesPerDay    frequency, cycles per day (&gt; 0)
     * @param maxTemperatureK peak temperature, K (&gt; 0)
     */
    public record Profile(double deltaT, double cyclesPerDay, double maxTemperatureK) {
        public Profile {
            if (!(deltaT > 0) || !(cyclesPerDay > 0) || !(maxTemperatureK > 0)
                    || !Double.isFinite(deltaT + cyclesPerDay + maxTemperatureK)) {
                throw new IllegalArgumentException("a cycle profile needs positive finite ΔT, frequency and T_max, got "
                        + deltaT + " K, " + cyclesPerDay + " /day, " + maxTemperatureK + " K");
            }
        }
    }

    /** AF = N_field/N_test (dimensionless) between a test and a field profile. */
    public double accelerationFactor(Profile test, Profile field) {
        return Math.pow(test.deltaT() / field.deltaT(), deltaTExponent)
                * Math.pow(field.cyclesPerDay() / test.cyclesPerDay(), frequencyExponent)
                * Math.exp(eaOverK * (1.0 / field.maxTemperatureK() - 1.0 / test.maxTemperatureK()));
    }

    /** Field cycles to failure from test cycles to failure (both dimensionless counts). */
    public double fieldCycles(double testCycles, Profile test, Profile field) {
        return testCycles * accelerationFactor(test, field);
    }

    /**
     * The constants of a library material ({@code norris_landzberg_dt_exponent}, {@code _frequency_exponent},
     * {@code _ea_over_k}), if it has all three.
     */
    public static Optional<NorrisLandzberg> of(Material m) {
        Optional<Property> n = m.property("norris_landzberg_dt_exponent");
        Optional<Property> f = m.property("norris_landzberg_frequency_exponent");
        Optional<Property> e = m.property("norris_landzberg_ea_over_k");
        if (n.isEmpty() || f.isEmpty() || e.isEmpty()) return Optional.empty();
        return Optional.of(new NorrisLandzberg(n.get().nominal(), f.get().nominal(), e.get().nominal()));
    }
}
