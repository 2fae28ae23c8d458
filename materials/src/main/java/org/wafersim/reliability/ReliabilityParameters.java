package org.wafersim.reliability;

/**
 * All parameters of the reliability estimator, immutable, with defaults from reference-data C and D.6. Constructing
 * a record <em>is</em> validating it: every record of this package checks its values in its compact constructor and
 * throws {@link org.wafersim.errors.InputException} with no source and the key path {@code reliability.<key>} (the
 * case-file loader attributes it to the file with {@code inSource}); the CLI turns that into exit code 2. So the
 * validation runs on its own, before any solver, as soon as the loader builds the record.
 *
 * <h2>Keys (for the {@code reliability:} section of a case file)</h2>
 * The key paths of this library's checks. The case file reads {@code reliability.connector.{power_cycles_per_week,
 * fatigue_ductility_coefficient, engelmaier_c0, engelmaier_c_temperature, engelmaier_c_frequency, weibull_shape}}
 * (power_cycles_per_week = the duty cycle's off/on cycles per week), the workload cycles per day from
 * {@code cycling.per_day}, and the rest of the connector's constants from its material; the other keys below have
 * no case-file key yet.
 * <pre>
 * reliability.connector.{fatigue_ductility_coefficient, engelmaier_c0, engelmaier_c_temperature,
 *                        engelmaier_c_frequency, coffin_manson_exponent, weibull_shape, strain_factor,
 *                        norris_landzberg_dt_exponent, norris_landzberg_frequency_exponent, norris_landzberg_ea_over_k}
 * reliability.duty_cycle.{cycles_per_day | period, off_cycles_per_week}
 * reliability.wear_out.{electromigration, tddb, nbti, stress_migration, thermal_cycling}.{enabled,
 *                        activation_energy, current_exponent, exponent, stress_free_temperature, distribution,
 *                        weibull_shape | lognormal_sigma, reference_mttf, reference_temperature, reference_cycles,
 *                        reference_swing}
 * reliability.{defect_density, defect_model, clustering_alpha, spare_accounting, design_life, curve_points,
 *              curve_horizon}
 * </pre>
 *
 * @param connector       connector fatigue constants ({@link ConnectorParameters#DEFAULT})
 * @param dutyCycle       operating cycle (D.6: 4 workload cycles per day, 1 off/on cycle per week)
 * @param wearOut         wear-out mechanisms ({@link WearOutParameters#DEFAULT})
 * @param defectDensity   D0, defects per m² (900 /m² = 0.09 /cm², reference-data C.5 [E], range 0.05–0.2 /cm²)
 * @param defectModel     Poisson or negative-binomial (clustered) defects
 * @param clusteringAlpha α of the negative-binomial model (3; C.5 [E] range 2–5); used only with that model
 * @param spareAccounting whether field failures may use all spares or only those left after manufacturing repair
 * @param designLife      design life, s (5 years, D.6)
 * @param curvePoints     number of points of the R(t) curve (≥ 2), from t = 0 to {@code curveHorizon}
 * @param curveHorizon    end of the R(t) curve, s (10 years: twice the design life)
 * @param nonRedundantArea area of each die, m², where a defect kills the die whatever its spares (I/O, clocking,
 *                        the fabric's non-redundant logic); 0 by default: the cores' area alone decides
 */
public record ReliabilityParameters(ConnectorParameters connector, DutyCycle dutyCycle, WearOutParameters wearOut,
                                    double defectDensity, DefectModel defectModel, double clusteringAlpha,
                                    SpareAccounting spareAccounting, double designLife, int curvePoints,
                                    double curveHorizon, double nonRedundantArea) {

    /** Without non-redundant area. */
    public ReliabilityParameters(ConnectorParameters connector, DutyCycle dutyCycle, WearOutParameters wearOut,
                                 double defectDensity, DefectModel defectModel, double clusteringAlpha,
                                 SpareAccounting spareAccounting, double designLife, int curvePoints,
                                 double curveHorizon) {
        this(connector, dutyCycle, wearOut, defectDensity, defectModel, clusteringAlpha, spareAccounting, designLife,
                curvePoints, curveHorizon, 0);
    }

    /** How defects are spread over the dies. */
    public enum DefectModel {
        /** Independent, uniform defects (no clustering). */
        POISSON("poisson"),
        /** Defect density varying from die to die as a gamma distribution of shape α (Stapper's clustering). */
        NEGATIVE_BINOMIAL("negative_binomial");
        public final String key;
        DefectModel(String key) { this.key = key; }
        /** The model named {@code key} in a case file ({@code reliability.clustering}), or null. */
        public static DefectModel fromKey(String key) {
            for (DefectModel m : values()) if (m.key.equals(key)) return m;
            return null;
        }
    }

    /** Which spares the field failures of a die may use. */
    public enum SpareAccounting {
        /** All of the die's spares (the die as built, before repair of manufacturing defects). */
        ALL_SPARES("all_spares"),
        /**
         * The spares left after manufacturing defects were repaired, averaged over the defect distribution of a die
         * that passed test (reference-data C.5: "repair at reboot" while spares remain).
         */
        AFTER_MANUFACTURING_REPAIR("after_manufacturing_repair");
        public final String key;
        SpareAccounting(String key) { this.key = key; }
    }

    /** 0.09 /cm² in /m² (reference-data C.5). */
    public static final double DEFAULT_DEFECT_DENSITY = 0.09e4;
    /** C.5: α = 2–5 [E]. */
    public static final double DEFAULT_CLUSTERING_ALPHA = 3.0;

    public static final ReliabilityParameters DEFAULT = new ReliabilityParameters(ConnectorParameters.DEFAULT,
            DutyCycle.DEFAULT, WearOutParameters.DEFAULT, DEFAULT_DEFECT_DENSITY, DefectModel.POISSON,
            DEFAULT_CLUSTERING_ALPHA, SpareAccounting.ALL_SPARES, 5 * Durations.YEAR, 101, 10 * Durations.YEAR);

    public ReliabilityParameters {
        Check.notNull(connector, "connector");
        Check.notNull(dutyCycle, "duty_cycle");
        Check.notNull(wearOut, "wear_out");
        Check.nonNegative(defectDensity, "defect_density");
        Check.notNull(defectModel, "defect_model");
        Check.positive(clusteringAlpha, "clustering_alpha");
        Check.notNull(spareAccounting, "spare_accounting");
        Check.positive(designLife, "design_life");
        if (curvePoints < 2) throw Check.bad("curve_points", "needs at least 2 points, got " + curvePoints);
        Check.positive(curveHorizon, "curve_horizon");
        Check.nonNegative(nonRedundantArea, "non_redundant_area");
    }

    public static ReliabilityParameters defaults() { return DEFAULT; }

    /** The time points of the R(t) curve, s: {@code curvePoints} evenly spaced from 0 to {@code curveHorizon}. */
    public double[] curveTimes() {
        double[] t = new double[curvePoints];
        for (int i = 0; i < curvePoints; i++) t[i] = curveHorizon * i / (curvePoints - 1);
        return t;
    }

    public ReliabilityParameters withConnector(ConnectorParameters c) {
        return new ReliabilityParameters(c, dutyCycle, wearOut, defectDensity, defectModel, clusteringAlpha,
                spareAccounting, designLife, curvePoints, curveHorizon, nonRedundantArea);
    }

    public ReliabilityParameters withDutyCycle(DutyCycle d) {
        return new ReliabilityParameters(connector, d, wearOut, defectDensity, defectModel, clusteringAlpha,
                spareAccounting, designLife, curvePoints, curveHorizon, nonRedundantArea);
    }

    public ReliabilityParameters withWearOut(WearOutParameters w) {
        return new ReliabilityParameters(connector, dutyCycle, w, defectDensity, defectModel, clusteringAlpha,
                spareAccounting, designLife, curvePoints, curveHorizon, nonRedundantArea);
    }

    /** D0 in defects per m². */
    public ReliabilityParameters withDefectDensity(double d0) {
        return new ReliabilityParameters(connector, dutyCycle, wearOut, d0, defectModel, clusteringAlpha,
                spareAccounting, designLife, curvePoints, curveHorizon, nonRedundantArea);
    }

    public ReliabilityParameters withDefectModel(DefectModel model, double alpha) {
        return new ReliabilityParameters(connector, dutyCycle, wearOut, defectDensity, model, alpha,
                spareAccounting, designLife, curvePoints, curveHorizon, nonRedundantArea);
    }

    public ReliabilityParameters withSpareAccounting(SpareAccounting s) {
        return new ReliabilityParameters(connector, dutyCycle, wearOut, defectDensity, defectModel, clusteringAlpha,
                s, designLife, curvePoints, curveHorizon, nonRedundantArea);
    }

    /** Design life in s. */
    public ReliabilityParameters withDesignLife(double seconds) {
        return new ReliabilityParameters(connector, dutyCycle, wearOut, defectDensity, defectModel, clusteringAlpha,
                spareAccounting, seconds, curvePoints, curveHorizon, nonRedundantArea);
    }

    /** Curve of {@code points} points from 0 to {@code horizon} s. */
    public ReliabilityParameters withCurve(int points, double horizon) {
        return new ReliabilityParameters(connector, dutyCycle, wearOut, defectDensity, defectModel, clusteringAlpha,
                spareAccounting, designLife, points, horizon, nonRedundantArea);
    }

    /** Non-redundant area per die, m². */
    public ReliabilityParameters withNonRedundantArea(double area) {
        return new ReliabilityParameters(connector, dutyCycle, wearOut, defectDensity, defectModel, clusteringAlpha,
                spareAccounting, designLife, curvePoints, curveHorizon, area);
    }
}
