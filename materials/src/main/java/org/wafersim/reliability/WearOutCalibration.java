package org.wafersim.reliability;
import org.wafersim.units.Units;

/**
 * How the default reference MTTFs of the wear-out mechanisms are derived — an <b>engineering estimate [E]</b>, not a
 * published number: reference-data C gives activation energies, exponents and distribution shapes, but no absolute
 * lifetimes, and foundries do not publish them. The rule mirrors a product qualification target:
 * <ul>
 * <li>time-based mechanisms (EM, TDDB, NBTI, SM): a reticle-sized die of {@value #REFERENCE_CORES_PER_DIE} cores
 *     (the WSE-1 die, reference-data A.1) loses at most {@value #DIE_FAILURE_FRACTION} of dies to each mechanism
 *     alone in {@value #QUALIFICATION_YEARS} years of continuous operation at {@value #QUALIFICATION_TEMPERATURE_C} °C
 *     (the usual 105 °C qualification point, reference-data C.1) at nominal current density and voltage. Per core
 *     that is F = 1 − (1 − 1e-3)^(1/4823) ≈ 2.07e-7, and the MTTF follows from the mechanism's distribution
 *     ({@link LifetimeDistribution#mttfForFailureFraction}): EM (lognormal σ 0.4) ≈ 82 y, TDDB (Weibull β 1.3)
 *     ≈ 1.28e6 y, NBTI (lognormal σ 0.2) ≈ 28 y, SM (lognormal σ 0.7) ≈ 442 y, all at 105 °C;</li>
 * <li>thermal cycling (BEOL/die cracking): at most {@value #TC_DIE_FAILURE_FRACTION} of dies fail in
 *     {@value #TC_QUALIFICATION_CYCLES} cycles of JESD22-A104 condition G (−40/+125 °C, ΔT = 165 K), the
 *     JESD47-style zero-fail sample of 231 parts read as ≈ 1 %; per core F ≈ 2.08e-6, mean ≈ 7.0e4 cycles at
 *     165 K for Weibull β 3.</li>
 * </ul>
 * Why a qualification target: it ties the absolute scale to something a foundry and a product team actually agree
 * on, and it keeps the relative numbers of reference-data C (E_a, n, β, σ) intact. The consequence, consistent with
 * reference-data C.1, is that at the wafer's ≈ 60 °C wear-out contributes little within 5 years; hot spots and the
 * connector dominate. Users with foundry data override the reference MTTFs.
 */
public final class WearOutCalibration {
    private WearOutCalibration() { }

    public static final double QUALIFICATION_TEMPERATURE_C = 105.0;
    /** 105 °C in K. */
    public static final double QUALIFICATION_TEMPERATURE_K = Units.ZERO_CELSIUS_K + QUALIFICATION_TEMPERATURE_C;
    public static final double QUALIFICATION_YEARS = 10.0;
    /** 10 years in s. */
    public static final double QUALIFICATION_TIME = QUALIFICATION_YEARS * Durations.YEAR;
    public static final int REFERENCE_CORES_PER_DIE = 4823;
    public static final double DIE_FAILURE_FRACTION = 1e-3;
    public static final double TC_QUALIFICATION_CYCLES = 1000.0;
    /** ΔT of JESD22-A104 condition G (−40/+125 °C), K. */
    public static final double TC_QUALIFICATION_SWING_K = 165.0;
    public static final double TC_DIE_FAILURE_FRACTION = 1e-2;

    /** Per-core failure fraction equivalent to a per-die fraction: 1 − (1 − F_die)^(1/n). */
    public static double perCore(double dieFraction) {
        return -Math.expm1(Math.log1p(-dieFraction) / REFERENCE_CORES_PER_DIE);
    }

    /** The reference MTTF (s) at 105 °C of a time-based mechanism with distribution {@code d}. */
    public static double referenceMttf(LifetimeDistribution d) {
        return d.mttfForFailureFraction(QUALIFICATION_TIME, perCore(DIE_FAILURE_FRACTION));
    }

    /** The reference mean cycles to failure at 165 K of the thermal-cycling mechanism with distribution {@code d}. */
    public static double referenceCycles(LifetimeDistribution d) {
        return d.mttfForFailureFraction(TC_QUALIFICATION_CYCLES, perCore(TC_DIE_FAILURE_FRACTION));
    }
}
