package org.wafersim.reliability;

import java.util.Locale;

/**
 * Test-to-field translation of a connector qualification result by the Norris–Landzberg acceleration factor (K. C.
 * Norris, A. H. Landzberg, "Reliability of controlled collapse interconnections", IBM J. Res. Dev. 13(3), 1969;
 * {@link NorrisLandzberg}): a thermal-cycling test (JEDEC JESD22-A104, e.g. condition G, −40/125 °C) that gave a
 * median of N_test cycles to failure implies, for a field cycle of range ΔT_f, frequency f_f and peak T_max,f,
 * <pre>
 *   N_field = AF · N_test,   AF = (ΔT_t/ΔT_f)^n · (f_f/f_t)^m · exp[(E_a/k)·(1/T_max,f − 1/T_max,t)]
 * </pre>
 * with the connector technology's constants (n, m, E_a/k). The field has two cycles (the workload cycle A and the
 * off/on cycle B, {@link DutyCycle}); each is translated with its own profile and Miner's rule combines them into
 * the implied field life L = 1/(f_A/N_A + f_B/N_B), the same combination as the model's own prediction. A Weibull
 * result (characteristic life η, slope β) enters as its median η·(ln 2)^(1/β), the statistic Engelmaier's N_f
 * also is.
 *
 * <p>Assumptions: the test and the field fail by the same mechanism (creep–fatigue of the contacts), and the field
 * ΔT of a point is its joint-temperature swing; the chamber test cycles the whole assembly uniformly, the field
 * strains the connector by the gradients through the stack as well, which the translation does not see and the
 * mechanics-based prediction does: the two numbers side by side show how far apart the two views are.
 */
public final class TestToField {
    private TestToField() { }

    /**
     * A qualification test.
     *
     * @param lowK         lower chamber temperature, K
     * @param highK        upper chamber temperature, K
     * @param cyclesPerDay test cycles per day
     * @param medianCycles observed median cycles to failure N50
     */
    public record Test(double lowK, double highK, double cyclesPerDay, double medianCycles) {
        public Test {
            if (!(highK > lowK) || !(lowK > 0) || !(cyclesPerDay > 0) || !(medianCycles > 0)
                    || !Double.isFinite(highK + cyclesPerDay + medianCycles)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "a test needs 0 < low < high, a positive"
                        + " frequency and a positive cycle count, got %g K, %g K, %g /day, %g", lowK, highK,
                        cyclesPerDay, medianCycles));
            }
        }

        /** The test's Norris–Landzberg profile. */
        public NorrisLandzberg.Profile profile() { return new NorrisLandzberg.Profile(highK - lowK, cyclesPerDay, highK); }

        /** Median of a Weibull fit: η·(ln 2)^(1/β). */
        public static double weibullMedian(double characteristicLife, double slope) {
            return characteristicLife * Math.pow(Math.log(2), 1 / slope);
        }
    }

    /**
     * The translation at one connector point.
     *
     * @param workloadFactor   AF of the workload cycle (∞ when the point has no swing)
     * @param offOnFactor      AF of the off/on cycle (NaN without off/on cycles)
     * @param workloadCycles   implied field cycles to failure of the workload cycle alone, AF_A·N_test
     * @param offOnCycles      of the off/on cycle alone (NaN without)
     * @param lifeSeconds      implied field life, Miner over the duty cycle, s
     * @param workloadProfile  the field profile of the workload cycle (null when it has no swing)
     * @param offOnProfile     of the off/on cycle (null without, or without a swing)
     */
    public record Result(double workloadFactor, double offOnFactor, double workloadCycles, double offOnCycles,
                         double lifeSeconds, NorrisLandzberg.Profile workloadProfile,
                         NorrisLandzberg.Profile offOnProfile) { }

    /**
     * Translates a test result to one point of the field.
     *
     * @param nl      the technology's Norris–Landzberg constants
     * @param test    the test and its median cycles to failure
     * @param minK    the point's lowest joint temperature over the workload cycle, K
     * @param maxK    its highest, K
     * @param offK    the joint temperature of the off state (the stress-free temperature), K
     * @param duty    the duty cycle (f_A, f_B)
     */
    public static Result translate(NorrisLandzberg nl, Test test, double minK, double maxK, double offK, DutyCycle duty) {
        NorrisLandzberg.Profile t = test.profile();
        NorrisLandzberg.Profile a = maxK > minK ? new NorrisLandzberg.Profile(maxK - minK, duty.cyclesPerDay(), maxK)
                : null;
        double afA = a == null ? Double.POSITIVE_INFINITY : nl.accelerationFactor(t, a);
        double nA = afA * test.medianCycles();
        double rate = duty.cyclesPerSecond() / nA;
        NorrisLandzberg.Profile b = null;
        double afB = Double.NaN, nB = Double.NaN;
        if (duty.offCyclesPerWeek() > 0) {
            // off -> on: from the off temperature to the operating extreme farthest from it
            double far = Math.abs(maxK - offK) >= Math.abs(minK - offK) ? maxK : minK;
            b = far != offK ? new NorrisLandzberg.Profile(Math.abs(far - offK), duty.offCyclesPerDay(),
                    Math.max(far, offK)) : null;
            afB = b == null ? Double.POSITIVE_INFINITY : nl.accelerationFactor(t, b);
            nB = afB * test.medianCycles();
            rate += duty.offCyclesPerSecond() / nB;
        }
        return new Result(afA, afB, nA, nB, 1.0 / rate, a, b);
    }
}
