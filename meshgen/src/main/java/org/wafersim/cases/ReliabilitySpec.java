package org.wafersim.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code reliability} block of a case (read by {@link ReliabilityReader}): manufacturing defects, the spare
 * accounting, the design life, the R(t) time axis and optional overrides of the wear-out mechanisms. SI units:
 * defect density per m², times in s, temperatures in K, activation energies in eV.
 *
 * <p>meshgen cannot see the solver's {@code org.wafersim.reliability} library, so the wear-out parameters are kept
 * as <em>overrides</em>: a null field means "the library's default" (reference-data C, and the calibrated
 * reference lives of {@code WearOutCalibration}); the solver maps this record onto {@code ReliabilityParameters}.
 * The top-level values always hold a number (their defaults are reference-data C.5 and D.6).
 *
 * @param defectDensity            D0, defects per m² (≥ 0; default 0.09 /cm²)
 * @param clustering               Poisson or negative-binomial defects
 * @param alpha                    clustering α of the negative-binomial model (&gt; 0; 3 by default, unused for Poisson)
 * @param sparesAfterManufacturing field failures may use only the spares left after manufacturing repair (true) or
 *                                 all of a die's spares (false)
 * @param designLife               design life, s (&gt; 0; default {@code cycling.life})
 * @param timePoints               points of the R(t) curve from t = 0 to {@code horizon} (≥ 2)
 * @param horizon                  end of the R(t) curve, s (&gt; 0; default twice the design life)
 * @param wearOut                  overrides per mechanism, keyed by the mechanism's case-file name
 *                                 ({@link #MECHANISMS}); mechanisms without overrides are absent
 * @param connector                connector fatigue: the power-cycle frequency and overrides of the connector
 *                                 material's fatigue constants ({@code reliability.connector})
 * @param qualification            a connector qualification test and its result ({@code reliability.qualification}),
 *                                 or null
 * @param nonRedundantArea         area of each die, m², where a defect kills the die whatever its spares (≥ 0)
 */
public record ReliabilitySpec(double defectDensity, Clustering clustering, double alpha,
                              boolean sparesAfterManufacturing, double designLife, int timePoints, double horizon,
                              Map<String, MechanismSpec> wearOut, ConnectorSpec connector,
                              QualificationSpec qualification, double nonRedundantArea) {

    /** Without non-redundant area. */
    public ReliabilitySpec(double defectDensity, Clustering clustering, double alpha, boolean sparesAfterManufacturing,
                           double designLife, int timePoints, double horizon, Map<String, MechanismSpec> wearOut,
                           ConnectorSpec connector, QualificationSpec qualification) {
        this(defectDensity, clustering, alpha, sparesAfterManufacturing, designLife, timePoints, horizon, wearOut,
                connector, qualification, 0);
    }

    /** Reference-data C.5 [E]: 0.09 defects per cm², in /m². */
    public static final double DEFAULT_DEFECT_DENSITY = 0.09e4;
    /** Reference-data C.5 [E]: α = 2–5. */
    public static final double DEFAULT_ALPHA = 3.0;
    /** Points of the R(t) curve. */
    public static final int DEFAULT_TIME_POINTS = 101;
    /** A Julian year, s (as {@code org.wafersim.units.Units} reads "years"). */
    static final double YEAR = 365.25 * 86400.0;

    /** The wear-out mechanisms in the order of the library (and of the {@code core_dominant_mechanism} codes). */
    public static final List<String> MECHANISMS =
            List.of("electromigration", "tddb", "nbti", "stress_migration", "thermal_cycling");

    public ReliabilitySpec {
        wearOut = wearOut == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(wearOut));
        if (connector == null) connector = ConnectorSpec.DEFAULT;
    }

    /** Without a qualification test. */
    public ReliabilitySpec(double defectDensity, Clustering clustering, double alpha, boolean sparesAfterManufacturing,
                           double designLife, int timePoints, double horizon, Map<String, MechanismSpec> wearOut,
                           ConnectorSpec connector) {
        this(defectDensity, clustering, alpha, sparesAfterManufacturing, designLife, timePoints, horizon, wearOut,
                connector, null);
    }

    /** The defaults with a design life of {@code designLife} s (a case's {@code cycling.life}). */
    public static ReliabilitySpec defaults(double designLife) {
        return new ReliabilitySpec(DEFAULT_DEFECT_DENSITY, Clustering.POISSON, DEFAULT_ALPHA, false, designLife,
                DEFAULT_TIME_POINTS, 2 * designLife, Map.of(), ConnectorSpec.DEFAULT);
    }

    /** The defaults with the D.6 design life of 5 years. */
    public static ReliabilitySpec defaults() { return defaults(5 * YEAR); }

    /** {@code reliability.clustering}. */
    public enum Clustering {
        /** Independent, uniform defects. */
        POISSON("poisson"),
        /** Stapper's clustering: the defect density varies from die to die as a gamma distribution of shape α. */
        NEGATIVE_BINOMIAL("negative_binomial");
        public final String key;
        Clustering(String key) { this.key = key; }
        public static Clustering fromKey(String k) {
            for (Clustering c : values()) if (c.key.equals(k)) return c;
            return null;
        }
    }

    /** The lifetime distribution of a mechanism, named by its shape key. */
    public enum Distribution {
        WEIBULL("weibull_shape"), LOGNORMAL("lognormal_sigma");
        /** The case-file key of the shape (β or σ). */
        public final String shapeKey;
        Distribution(String shapeKey) { this.shapeKey = shapeKey; }
    }

    /**
     * Overrides of one wear-out mechanism ({@code reliability.wear_out.<mechanism>}); every null field keeps the
     * library's default. Not every field applies to every mechanism (the reader refuses the others).
     *
     * @param enabled               whether the mechanism counts
     * @param activationEnergyEv    E_a, eV (EM, TDDB, NBTI, SM)
     * @param currentExponent       Black's n (EM)
     * @param exponent              N of stress migration, or the Coffin–Manson q of thermal cycling
     * @param stressFreeTemperature T0 of stress migration, K
     * @param distribution          the lifetime distribution, set together with {@code shape}
     * @param shape                 Weibull β or lognormal σ (&gt; 0)
     * @param referenceLife         MTTF_ref, s (time-based mechanisms) or mean cycles to failure N_ref (thermal
     *                              cycling); when null the library's calibration is used for the distribution in
     *                              effect
     * @param referenceCondition    temperature of MTTF_ref, K, or the swing ΔT_ref of N_ref, K; only with
     *                              {@code referenceLife}
     */
    public record MechanismSpec(Boolean enabled, Double activationEnergyEv, Double currentExponent, Double exponent,
                                Double stressFreeTemperature, Distribution distribution, Double shape,
                                Double referenceLife, Double referenceCondition) { }

    /**
     * {@code reliability.connector}: the off ↔ full-load power cycle that, with the workload cycle
     * ({@code cycling.per_day}), fatigues the connector, and overrides of the connector material's Engelmaier
     * constants (null = the material's value, or the IPC-SM-785 default when the material has none).
     *
     * @param powerCyclesPerWeek    off ↔ full-load cycles per week (≥ 0; 0 = none). Default 1: cycle B of
     *                              reference-data D.6 (maintenance or power-down to the 25 °C stress-free state once a
     *                              week; range 1 per month to 1 per day)
     * @param ductilityCoefficient  ε_f' (&gt; 0)
     * @param c0                    Engelmaier c0
     * @param cPerKelvin            Engelmaier c_T, 1/K
     * @param cLogFrequency         Engelmaier c_f
     * @param weibullShape          β of the contacts' lives (&gt; 0)
     * @param pitch                 contact pitch p, m (&gt; 0): the connector has 1/p² contacts per unit area, so a
     *                              mechanics element of area A holds A/p² of them (the Weibull population counts
     *                              contacts, not elements, and does not depend on the mechanics spacing)
     */
    public record ConnectorSpec(double powerCyclesPerWeek, Double ductilityCoefficient, Double c0, Double cPerKelvin,
                                Double cLogFrequency, Double weibullShape, double pitch) {
        /** Reference-data D.6 cycle B: one off ↔ on cycle per week. */
        public static final double DEFAULT_POWER_CYCLES_PER_WEEK = 1.0;
        /**
         * Contact pitch, 1 mm: an engineering estimate [E]. No public geometry of a wafer-scale compliant connector
         * exists (reference-data says so); 1 mm is the pitch of a coarse LGA/BGA field, a plausible order for power and
         * I/O contacts spread over 46,000 mm².
         */
        public static final String DEFAULT_PITCH_TEXT = "1 mm";
        public static final double DEFAULT_PITCH = 1e-3;
        public static final ConnectorSpec DEFAULT =
                new ConnectorSpec(DEFAULT_POWER_CYCLES_PER_WEEK, null, null, null, null, null, DEFAULT_PITCH);
    }
}
