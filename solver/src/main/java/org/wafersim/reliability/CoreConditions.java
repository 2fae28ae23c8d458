package org.wafersim.reliability;

import java.util.Arrays;
import org.wafersim.geometry.CoreArray;

/**
 * The operating conditions of every core of a {@link CoreArray}, indexed by its core index: what the thermal
 * solver provides ({@code /cores/temperature}) plus, optionally, the temperature swing of each core over the workload
 * and off/on cycles and the core's current density relative to the reference. Arrays are copied.
 *
 * @param temperatureK           steady (or cycle-mean) core temperature, K, length = core count
 * @param workloadSwingK         temperature range over the workload cycle, K (≥ 0), or null when unknown
 * @param offOnSwingK            temperature range over the off/on cycle, K (≥ 0), or null when unknown
 * @param relativeCurrentDensity j/j_ref per core (≥ 0; e.g. core power over the reference core power at fixed supply
 *                               voltage), or null for 1 everywhere
 */
public record CoreConditions(double[] temperatureK, double[] workloadSwingK, double[] offOnSwingK,
                             double[] relativeCurrentDensity) {

    public CoreConditions {
        if (temperatureK == null || temperatureK.length == 0) throw new IllegalArgumentException("temperatures are missing");
        temperatureK = check(temperatureK, temperatureK.length, "temperature", true);
        workloadSwingK = check(workloadSwingK, temperatureK.length, "workload swing", false);
        offOnSwingK = check(offOnSwingK, temperatureK.length, "off/on swing", false);
        relativeCurrentDensity = check(relativeCurrentDensity, temperatureK.length, "relative current density", false);
    }

    /** Every core at the same temperature (K), no swing information, reference current density. */
    public static CoreConditions uniform(CoreArray cores, double temperatureK) {
        double[] t = new double[cores.coreCount()];
        Arrays.fill(t, temperatureK);
        return new CoreConditions(t, null, null, null);
    }

    /** The given temperatures (K), no swing information, reference current density. */
    public static CoreConditions of(double[] temperatureK) {
        return new CoreConditions(temperatureK, null, null, null);
    }

    /** These conditions with swings (K; either may be null). */
    public CoreConditions withSwings(double[] workload, double[] offOn) {
        return new CoreConditions(temperatureK, workload, offOn, relativeCurrentDensity);
    }

    public int coreCount() { return temperatureK.length; }

    /** Temperature of core c, K. */
    public double temperature(int c) { return temperatureK[c]; }

    /** Workload swing of core c, K, or NaN when unknown. */
    public double workloadSwing(int c) { return workloadSwingK == null ? Double.NaN : workloadSwingK[c]; }

    /** Off/on swing of core c, K, or NaN when unknown. */
    public double offOnSwing(int c) { return offOnSwingK == null ? Double.NaN : offOnSwingK[c]; }

    /** j/j_ref of core c. */
    public double currentDensity(int c) { return relativeCurrentDensity == null ? 1.0 : relativeCurrentDensity[c]; }

    private static double[] check(double[] a, int n, String what, boolean positive) {
        if (a == null) return null;
        if (a.length != n) throw new IllegalArgumentException(what + " has " + a.length + " values for " + n + " cores");
        for (int i = 0; i < n; i++) {
            double v = a[i];
            if (!Double.isFinite(v) || (positive ? !(v > 0) : !(v >= 0))) {
                throw new IllegalArgumentException(what + " of core " + i + " is " + v);
            }
        }
        return a.clone();
    }
}
