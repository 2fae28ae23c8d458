package org.wafersim.errors;

/**
 * No steady state exists: temperature-dependent leakage grows faster than the package can remove heat (the
 * linearised operator lost positive definiteness, or the temperature left every material's range). Exit code 1.
 */
public final class ThermalRunawayException extends CheckFailedException {
    private final double powerW;

    public ThermalRunawayException(String message, double powerW) {
        this(message, powerW, null);
    }

    /**
     * @param lastIterateK the temperature field of the last iterate, K (cell order of the run's grid), or null; a run
     *                     writes it to its result so that the runaway can be looked at
     */
    public ThermalRunawayException(String message, double powerW, double[] lastIterateK) {
        super(message, lastIterateK);
        this.powerW = powerW;
    }

    /** Total power (W) at the last iterate before the runaway was detected. */
    public double powerW() { return powerW; }

    @Override public String kind() { return "thermal_runaway"; }
}
