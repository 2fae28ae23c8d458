package org.wafersim.cases;

/**
 * {@code reliability.qualification}: an accelerated thermal-cycling qualification test of the connector (air-to-air
 * temperature cycling per JEDEC JESD22-A104, e.g. condition G, −40/125 °C) and its observed result, from which the
 * run derives the field life the test implies (Norris–Landzberg, in the solver). SI units: K, s.
 *
 * <p>The result is either the median cycles to failure N50 ({@code cycles_to_failure}), or a Weibull fit of the
 * failures, characteristic life η (cycles to 63.2 % failed) and slope β, whose median is η·(ln 2)^(1/β).
 *
 * @param lowK               lower chamber temperature, K
 * @param highK              upper chamber temperature, K (&gt; low)
 * @param dwell              dwell (soak) at each extreme, s (two dwells fit in the period)
 * @param cyclesPerDay       test cycles per day (&gt; 0)
 * @param cyclesToFailure    observed median cycles to failure N50, or NaN when given as η and β
 * @param characteristicLife Weibull η in cycles, or NaN
 * @param weibullSlope       Weibull β, or NaN
 */
public record QualificationSpec(double lowK, double highK, double dwell, double cyclesPerDay, double cyclesToFailure,
                                double characteristicLife, double weibullSlope) {

    /** Period of one test cycle, s. */
    public double period() { return 86400.0 / cyclesPerDay; }

    /** Temperature range of the test cycle, K. */
    public double deltaT() { return highK - lowK; }

    /** Median cycles to failure N50 of the test: as given, or η·(ln 2)^(1/β) of the Weibull fit. */
    public double medianCycles() {
        return Double.isNaN(cyclesToFailure) ? characteristicLife * Math.pow(Math.log(2), 1 / weibullSlope)
                : cyclesToFailure;
    }
}
