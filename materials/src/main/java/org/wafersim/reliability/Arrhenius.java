package org.wafersim.reliability;

/**
 * Arrhenius temperature acceleration of a thermally activated failure mechanism: the time to failure scales as
 * exp(E_a/(k_B·T)), so
 * <pre>
 *   AF = MTTF(T_use)/MTTF(T_stress) = exp[(E_a/k_B)·(1/T_use − 1/T_stress)]
 * </pre>
 * (JEDEC JEP122; reference-data C). Temperatures in K, activation energies in eV.
 */
public final class Arrhenius {
    private Arrhenius() { }

    /**
     * Boltzmann constant in eV/K: k_B/e with both exact in the 2019 SI (k_B = 1.380649e-23 J/K,
     * e = 1.602176634e-19 C), CODATA 2018. Reference-data C quotes the rounded 8.617e-5.
     */
    public static final double BOLTZMANN_EV = 1.380649e-23 / 1.602176634e-19;

    /**
     * The acceleration factor MTTF(T_use)/MTTF(T_stress) (dimensionless, &gt; 1 when T_use &lt; T_stress and E_a &gt; 0).
     *
     * @param activationEnergyEv E_a in eV
     * @param useTemperatureK    T_use in K
     * @param stressTemperatureK T_stress in K
     */
    public static double accelerationFactor(double activationEnergyEv, double useTemperatureK, double stressTemperatureK) {
        return Math.exp(exponent(activationEnergyEv, useTemperatureK, stressTemperatureK));
    }

    /** ln of {@link #accelerationFactor}: (E_a/k_B)·(1/T_use − 1/T_stress); E_a in eV, temperatures in K. */
    public static double exponent(double activationEnergyEv, double useTemperatureK, double stressTemperatureK) {
        if (!(useTemperatureK > 0) || !(stressTemperatureK > 0)) {
            throw new IllegalArgumentException("absolute temperatures must be positive, got " + useTemperatureK
                    + " K and " + stressTemperatureK + " K");
        }
        return activationEnergyEv / BOLTZMANN_EV * (1.0 / useTemperatureK - 1.0 / stressTemperatureK);
    }
}
