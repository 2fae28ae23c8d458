package org.wafersim.reliability;

/**
 * The Coffin–Manson temperature-range law for thermal-cycling fatigue, N_f ∝ ΔT^(−q) (JEDEC JEP122;
 * reference-data C.2: q = 2.65 for SAC305 joints (Pan et al. 2005), 1.9 for SnPb, 6 for Si die / BEOL dielectric
 * cracking, 4 for interface delamination, 2.5 for Cu vias in the board):
 * <pre>
 *   N_2 = N_1·(ΔT_1/ΔT_2)^q
 * </pre>
 * Temperature ranges in K.
 */
public final class CoffinManson {
    private CoffinManson() { }

    /**
     * Cycles to failure at range {@code deltaT} from a reference life {@code referenceCycles} at
     * {@code referenceDeltaT} (both ranges in K; a zero range gives ∞).
     */
    public static double cyclesToFailure(double referenceCycles, double referenceDeltaT, double deltaT, double q) {
        if (!(deltaT >= 0) || !(referenceDeltaT > 0)) {
            throw new IllegalArgumentException("temperature ranges must be >= 0 (reference > 0), got " + deltaT
                    + " K and " + referenceDeltaT + " K");
        }
        return referenceCycles * Math.pow(referenceDeltaT / deltaT, q);
    }

    /** Acceleration factor N_field/N_test = (ΔT_test/ΔT_field)^q (ranges in K). */
    public static double accelerationFactor(double testDeltaT, double fieldDeltaT, double q) {
        return Math.pow(testDeltaT / fieldDeltaT, q);
    }
}
