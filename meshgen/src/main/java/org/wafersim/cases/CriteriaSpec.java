package org.wafersim.cases;

/**
 * The {@code criteria} block of a case: the limits a design must meet (read by {@link DesignReader}; the solver's
 * verdict judges a run against them). Each has a default, so every run has a verdict; SI units.
 *
 * @param junctionLimit           largest junction (wafer) temperature over the whole run, K (default 125 degC:
 *                                the usual qualification temperature, reference-data A.4)
 * @param designLife              design life, s (default {@code reliability.design_life}, itself {@code cycling.life})
 * @param minReliability          least wafer reliability at the design life (default 0.9 [E])
 * @param maxConnectorStrain      largest strain range of a connector contact in its technology's own measure, or
 *                                null: not judged (default; the connector life judges the connector)
 * @param minConnectorLife        least life of the first connector contact to fail, s (default the design life)
 * @param maxWarpage              largest peak-to-valley warpage of the wafer, m (default 200 um [E]: the order of
 *                                the compliant connector's pre-compression, 10-25 % of 1 mm, reference-data B.9)
 * @param maxSiliconStress        largest silicon principal stress as a fraction of its fracture strength (default
 *                                0.25 [E]: a factor 4 on the characteristic strength for its Weibull scatter)
 * @param maxCoolantPressureDrop  largest coolant pressure drop, Pa, or null: not judged (default)
 */
public record CriteriaSpec(double junctionLimit, double designLife, double minReliability, Double maxConnectorStrain,
                           double minConnectorLife, double maxWarpage, double maxSiliconStress,
                           Double maxCoolantPressureDrop) {

    public static final String DEFAULT_JUNCTION_LIMIT = "125 degC";
    public static final double DEFAULT_MIN_RELIABILITY = 0.9;
    public static final String DEFAULT_MAX_WARPAGE = "200 um";
    public static final double DEFAULT_MAX_SILICON_STRESS = 0.25;

    /** The defaults for a design life of {@code designLife} s. */
    public static CriteriaSpec defaults(double designLife) {
        return new CriteriaSpec(125 + org.wafersim.units.Units.ZERO_CELSIUS_K, designLife, DEFAULT_MIN_RELIABILITY, null, designLife, 200e-6,
                DEFAULT_MAX_SILICON_STRESS, null);
    }
}
