package org.wafersim.reliability;

import org.wafersim.reliability.LifetimeDistribution.Kind;
import org.wafersim.units.Units;

/**
 * A wear-out mechanism of a core: its MTTF from the core's operating conditions, and the distribution of its
 * lifetimes (RAMP, J. Srinivasan, S. V. Adve, P. Bose, J. A. Rivers, "The case for lifetime reliability-aware
 * microprocessors", ISCA 2004; parameters from reference-data C.1–C.3). Every time-based mechanism is calibrated by a
 * reference MTTF at a reference temperature, so only the <em>ratios</em> come from the physics:
 * <ul>
 * <li>{@link Electromigration} (Black): MTTF = MTTF_ref·(j/j_ref)^(−n)·exp[E_a/k·(1/T − 1/T_ref)];</li>
 * <li>{@link ArrheniusLife} (TDDB and NBTI): MTTF = MTTF_ref·exp[E_a/k·(1/T − 1/T_ref)] at the nominal supply voltage;</li>
 * <li>{@link StressMigration} (McPherson–Dunn): MTTF = MTTF_ref·((T0 − T)/(T0 − T_ref))^(−N)·exp[E_a/k·(1/T − 1/T_ref)]
 *     for T &lt; T0 (no tensile stress, no failure, at T ≥ T0);</li>
 * <li>{@link ThermalCycling} (Coffin–Manson in ΔT): N(ΔT) = N_ref·(ΔT/ΔT_ref)^(−q), and with the duty cycle's
 *     workload and off/on cycles by Miner's rule MTTF = 1/(f_A/N(ΔT_A) + f_B/N(ΔT_B)).</li>
 * </ul>
 * Temperatures in K, MTTFs in s, activation energies in eV. The compact constructors validate with
 * {@link org.wafersim.errors.InputException} naming {@code reliability.wear_out.<mechanism>.<key>}.
 */
public sealed interface Mechanism permits Mechanism.Electromigration, Mechanism.ArrheniusLife,
        Mechanism.StressMigration, Mechanism.ThermalCycling {

    /** Case-file key of the mechanism (e.g. {@code electromigration}). */
    String key();

    boolean enabled();

    /** Spread of the lifetimes (reference-data C.3). */
    LifetimeDistribution distribution();

    /**
     * MTTF of one core, s (∞ when the mechanism cannot act).
     *
     * @param temperatureK           core temperature, K
     * @param workloadSwingK         core temperature range of the workload cycle, K (NaN when unknown)
     * @param offOnSwingK            core temperature range of the off/on cycle, K (NaN when unknown)
     * @param relativeCurrentDensity j/j_ref (1 = the reference condition)
     * @param duty                   the duty cycle
     */
    double mttf(double temperatureK, double workloadSwingK, double offOnSwingK, double relativeCurrentDensity,
                DutyCycle duty);

    /** Whether the mechanism needs the cores' temperature swings. */
    default boolean needsSwing() { return false; }

    private static String k(String mech, String key) { return "wear_out." + mech + "." + key; }

    private static void checkCommon(String mech, Kind kind, double shape, double refMttf, double refT) {
        Check.notNull(kind, k(mech, "distribution"));
        Check.positive(shape, k(mech, kind.shapeKey));
        Check.positive(refMttf, k(mech, "reference_mttf"));
        Check.positive(refT, k(mech, "reference_temperature"));
    }

    private static double arrhenius(double ea, double t, double tRef) {
        if (!(t > 0) || !Double.isFinite(t)) throw new IllegalArgumentException("core temperature " + t + " K");
        return Math.exp(Arrhenius.exponent(ea, t, tRef));
    }

    /**
     * Electromigration in Cu damascene lines, Black's equation (J. R. Black, IEEE Trans. Electron Devices 16, 1969).
     * Defaults: E_a = 0.9 eV, n = 2, lognormal σ = 0.4 (reference-data C.1, C.3 [S 50, 51, 52]); reference MTTF by
     * {@link WearOutCalibration} [E] at 105 °C.
     */
    record Electromigration(boolean enabled, double activationEnergyEv, double currentExponent, Kind distributionKind,
                            double shape, double referenceMttf, double referenceTemperatureK) implements Mechanism {
        public static final String KEY = "electromigration";
        public static final Electromigration DEFAULT = new Electromigration(true, 0.9, 2.0, Kind.LOGNORMAL, 0.4,
                WearOutCalibration.referenceMttf(LifetimeDistribution.lognormal(0.4)),
                WearOutCalibration.QUALIFICATION_TEMPERATURE_K);

        public Electromigration {
            Check.nonNegative(activationEnergyEv, k(KEY, "activation_energy"));
            Check.nonNegative(currentExponent, k(KEY, "current_exponent"));
            checkCommon(KEY, distributionKind, shape, referenceMttf, referenceTemperatureK);
        }

        @Override public String key() { return KEY; }

        @Override public LifetimeDistribution distribution() { return new LifetimeDistribution(distributionKind, shape); }

        @Override public double mttf(double t, double swingA, double swingB, double j, DutyCycle duty) {
            if (!(j >= 0)) throw new IllegalArgumentException("relative current density " + j);
            if (j == 0) return Double.POSITIVE_INFINITY;
            return referenceMttf * Math.pow(j, -currentExponent) * arrhenius(activationEnergyEv, t, referenceTemperatureK);
        }

        public Electromigration withReferenceMttf(double mttf) {
            return new Electromigration(enabled, activationEnergyEv, currentExponent, distributionKind, shape, mttf,
                    referenceTemperatureK);
        }

        public Electromigration withEnabled(boolean on) {
            return new Electromigration(on, activationEnergyEv, currentExponent, distributionKind, shape,
                    referenceMttf, referenceTemperatureK);
        }
    }

    /**
     * A mechanism whose MTTF is Arrhenius in the core temperature and nothing else at a fixed supply voltage:
     * MTTF = MTTF_ref·exp[E_a/k·(1/T − 1/T_ref)]. Two of the case file's mechanisms have this form:
     * <ul>
     * <li>{@link #TDDB}: time-dependent dielectric breakdown of the HK/MG gate stack at the nominal field (the E- or
     *     power-law voltage term is constant at a fixed supply). Defaults: E_a = 0.7 eV, Weibull β = 1.3
     *     (reference-data C.1, C.3 [S 50, 51]).</li>
     * <li>{@link #NBTI}: negative-bias temperature instability as a lifetime (time for the threshold drift to use up
     *     the timing margin). Defaults: lifetime E_a ≈ E_a(ΔV_th)/n = 0.12/0.2 = 0.6 eV (reference-data C.1
     *     [S 50, 51] / [E]), lognormal σ = 0.2 [E] (C.1: device-to-device σ ≈ 0.1–0.3). Recovery is not modelled
     *     (conservative).</li>
     * </ul>
     * Reference MTTFs by {@link WearOutCalibration} [E].
     *
     * @param key the mechanism's case-file key ({@code tddb} or {@code nbti}), which also names it in errors
     */
    record ArrheniusLife(String key, boolean enabled, double activationEnergyEv, Kind distributionKind, double shape,
                         double referenceMttf, double referenceTemperatureK) implements Mechanism {
        public static final String TDDB_KEY = "tddb";
        public static final String NBTI_KEY = "nbti";
        public static final ArrheniusLife TDDB = new ArrheniusLife(TDDB_KEY, true, 0.7, Kind.WEIBULL, 1.3,
                WearOutCalibration.referenceMttf(LifetimeDistribution.weibull(1.3)),
                WearOutCalibration.QUALIFICATION_TEMPERATURE_K);
        public static final ArrheniusLife NBTI = new ArrheniusLife(NBTI_KEY, true, 0.6, Kind.LOGNORMAL, 0.2,
                WearOutCalibration.referenceMttf(LifetimeDistribution.lognormal(0.2)),
                WearOutCalibration.QUALIFICATION_TEMPERATURE_K);

        public ArrheniusLife {
            Check.notNull(key, "wear_out");
            Check.nonNegative(activationEnergyEv, k(key, "activation_energy"));
            checkCommon(key, distributionKind, shape, referenceMttf, referenceTemperatureK);
        }

        @Override public LifetimeDistribution distribution() { return new LifetimeDistribution(distributionKind, shape); }

        @Override public double mttf(double t, double swingA, double swingB, double j, DutyCycle duty) {
            return referenceMttf * arrhenius(activationEnergyEv, t, referenceTemperatureK);
        }

        public ArrheniusLife withReferenceMttf(double mttf) {
            return new ArrheniusLife(key, enabled, activationEnergyEv, distributionKind, shape, mttf,
                    referenceTemperatureK);
        }

        public ArrheniusLife withShape(double beta) {
            return new ArrheniusLife(key, enabled, activationEnergyEv, distributionKind, beta, referenceMttf,
                    referenceTemperatureK);
        }

        public ArrheniusLife withEnabled(boolean on) {
            return new ArrheniusLife(key, on, activationEnergyEv, distributionKind, shape, referenceMttf,
                    referenceTemperatureK);
        }
    }

    /**
     * Stress migration / stress-induced voiding in Cu (J. W. McPherson, C. F. Dunn, J. Vac. Sci. Technol. B 5, 1987).
     * Defaults: E_a = 0.75 eV, N = 2.5, T0 = 300 °C (the stress-free temperature of the Cu stack), lognormal
     * σ = 0.7 (reference-data C.1, C.3 [S 50, 51]); reference MTTF by {@link WearOutCalibration} [E]. Below T0 the
     * MTTF falls with temperature up to ≈ 200–230 °C, where the failure rate peaks (C.1: 150–225 °C).
     */
    record StressMigration(boolean enabled, double activationEnergyEv, double exponent, double stressFreeTemperatureK,
                           Kind distributionKind, double shape, double referenceMttf, double referenceTemperatureK)
            implements Mechanism {
        public static final String KEY = "stress_migration";
        public static final StressMigration DEFAULT = new StressMigration(true, 0.75, 2.5, Units.ZERO_CELSIUS_K + 300, Kind.LOGNORMAL,
                0.7, WearOutCalibration.referenceMttf(LifetimeDistribution.lognormal(0.7)),
                WearOutCalibration.QUALIFICATION_TEMPERATURE_K);

        public StressMigration {
            Check.nonNegative(activationEnergyEv, k(KEY, "activation_energy"));
            Check.nonNegative(exponent, k(KEY, "exponent"));
            Check.positive(stressFreeTemperatureK, k(KEY, "stress_free_temperature"));
            checkCommon(KEY, distributionKind, shape, referenceMttf, referenceTemperatureK);
            if (!(stressFreeTemperatureK > referenceTemperatureK)) {
                throw Check.bad(k(KEY, "stress_free_temperature"), "must be above reference_temperature ("
                        + Check.show(referenceTemperatureK) + " K), got " + Check.show(stressFreeTemperatureK) + " K");
            }
        }

        @Override public String key() { return KEY; }

        @Override public LifetimeDistribution distribution() { return new LifetimeDistribution(distributionKind, shape); }

        @Override public double mttf(double t, double swingA, double swingB, double j, DutyCycle duty) {
            double a = arrhenius(activationEnergyEv, t, referenceTemperatureK);
            if (t >= stressFreeTemperatureK) return Double.POSITIVE_INFINITY;
            return referenceMttf * Math.pow((stressFreeTemperatureK - t) / (stressFreeTemperatureK - referenceTemperatureK),
                    -exponent) * a;
        }

        public StressMigration withEnabled(boolean on) {
            return new StressMigration(on, activationEnergyEv, exponent, stressFreeTemperatureK, distributionKind, shape,
                    referenceMttf, referenceTemperatureK);
        }

        public StressMigration withReferenceMttf(double mttf) {
            return new StressMigration(enabled, activationEnergyEv, exponent, stressFreeTemperatureK, distributionKind,
                    shape, mttf, referenceTemperatureK);
        }
    }

    /**
     * Thermal-cycling fatigue of the die and its BEOL (dielectric cracking, via fatigue), Coffin–Manson in ΔT
     * (RAMP's TC model). Defaults: q = 6 (brittle Si/BEOL, JEDEC JEP122, reference-data C.2 [S 50]), Weibull β = 3
     * [E] (C.3 has no BEOL row; interface crack growth β 2–5), reference mean life by {@link WearOutCalibration}
     * [E] at ΔT_ref = 165 K. Needs the cores' temperature swings; without them the mechanism is left out (and the
     * estimator says so).
     *
     * @param referenceCycles mean cycles to failure at {@code referenceSwingK}
     * @param referenceSwingK ΔT_ref, K
     */
    record ThermalCycling(boolean enabled, double exponent, Kind distributionKind, double shape, double referenceCycles,
                          double referenceSwingK) implements Mechanism {
        public static final String KEY = "thermal_cycling";
        public static final ThermalCycling DEFAULT = new ThermalCycling(true, 6.0, Kind.WEIBULL, 3.0,
                WearOutCalibration.referenceCycles(LifetimeDistribution.weibull(3.0)),
                WearOutCalibration.TC_QUALIFICATION_SWING_K);

        public ThermalCycling {
            Check.positive(exponent, k(KEY, "exponent"));
            Check.notNull(distributionKind, k(KEY, "distribution"));
            Check.positive(shape, k(KEY, distributionKind.shapeKey));
            Check.positive(referenceCycles, k(KEY, "reference_cycles"));
            Check.positive(referenceSwingK, k(KEY, "reference_swing"));
        }

        @Override public String key() { return KEY; }

        @Override public LifetimeDistribution distribution() { return new LifetimeDistribution(distributionKind, shape); }

        @Override public boolean needsSwing() { return true; }

        @Override public double mttf(double t, double swingA, double swingB, double j, DutyCycle duty) {
            double rate = 0;
            if (swingA > 0) rate += duty.cyclesPerSecond() / cycles(swingA);
            if (swingB > 0 && duty.offCyclesPerWeek() > 0) rate += duty.offCyclesPerSecond() / cycles(swingB);
            return 1.0 / rate;
        }

        /** Mean cycles to failure at temperature range {@code swingK} (K). */
        public double cycles(double swingK) {
            return CoffinManson.cyclesToFailure(referenceCycles, referenceSwingK, swingK, exponent);
        }

        public ThermalCycling withEnabled(boolean on) {
            return new ThermalCycling(on, exponent, distributionKind, shape, referenceCycles, referenceSwingK);
        }

        public ThermalCycling withReferenceCycles(double n) {
            return new ThermalCycling(enabled, exponent, distributionKind, shape, n, referenceSwingK);
        }
    }
}
