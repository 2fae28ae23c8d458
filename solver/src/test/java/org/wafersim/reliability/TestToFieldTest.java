package org.wafersim.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TestToFieldTest {
    private static final double C0 = 273.15;

    /**
     * Norris–Landzberg AF against the formula written out by hand, for two test profiles and SAC constants
     * (n 2.65, m 0.136, E_a/k 2185 K):
     * JESD22-A104 condition G, −40/125 °C at 2 cycles per hour, against a field cycle 45 → 70 °C at 4 per day:
     * AF = (165/25)^2.65 · (4/48)^0.136 · exp(2185·(1/343.15 − 1/398.15));
     * condition J, 0/100 °C at 3 per hour: AF = (100/25)^2.65 · (4/72)^0.136 · exp(2185·(1/343.15 − 1/373.15)).
     */
    @Test
    void accelerationFactorsMatchTheFormulaForTwoProfiles() {
        NorrisLandzberg sac = NorrisLandzberg.SAC;
        DutyCycle duty = new DutyCycle(4, 0);
        TestToField.Test g = new TestToField.Test(C0 - 40, C0 + 125, 48, 1000);
        TestToField.Result rg = TestToField.translate(sac, g, C0 + 45, C0 + 70, C0 + 25, duty);
        double afG = Math.pow(165.0 / 25.0, 2.65) * Math.pow(4.0 / 48.0, 0.136)
                * Math.exp(2185 * (1 / 343.15 - 1 / 398.15));
        assertEquals(afG, rg.workloadFactor(), 1e-12 * afG);
        TestToField.Test j = new TestToField.Test(C0, C0 + 100, 72, 1000);
        TestToField.Result rj = TestToField.translate(sac, j, C0 + 45, C0 + 70, C0 + 25, duty);
        double afJ = Math.pow(100.0 / 25.0, 2.65) * Math.pow(4.0 / 72.0, 0.136)
                * Math.exp(2185 * (1 / 343.15 - 1 / 373.15));
        assertEquals(afJ, rj.workloadFactor(), 1e-12 * afJ);
        // the documentation's numbers (docs/connector-fatigue.md): AF_G = 255.3, AF_J = 44.37
        assertEquals(255.3, afG, 0.05);
        assertEquals(44.37, afJ, 0.005);
        // SnPb constants: (165/25)^1.9 (4/48)^(1/3) exp(1414 (1/343.15 - 1/398.15))
        TestToField.Result rp = TestToField.translate(NorrisLandzberg.SNPB, g, C0 + 45, C0 + 70, C0 + 25, duty);
        double afP = Math.pow(165.0 / 25.0, 1.9) * Math.pow(4.0 / 48.0, 1.0 / 3)
                * Math.exp(1414 * (1 / 343.15 - 1 / 398.15));
        assertEquals(afP, rp.workloadFactor(), 1e-12 * afP);
    }

    /**
     * N = 1000 cycles at −40/125 °C (2 per hour) and the D.6 duty cycle (4 workload cycles a day, 1 off/on cycle a
     * week) for a point swinging 45 → 70 °C, off at 25 °C: N_A = AF_A·1000, N_B = AF_B·1000 with the off/on cycle
     * 25 → 70 °C at 1/7 per day, L = 1/(f_A/N_A + f_B/N_B).
     */
    @Test
    void aTestResultGivesTheFieldLife() {
        TestToField.Test g = new TestToField.Test(C0 - 40, C0 + 125, 48, 1000);
        TestToField.Result r = TestToField.translate(NorrisLandzberg.SAC, g, C0 + 45, C0 + 70, C0 + 25,
                DutyCycle.DEFAULT);
        double afA = Math.pow(165.0 / 25.0, 2.65) * Math.pow(4.0 / 48.0, 0.136)
                * Math.exp(2185 * (1 / 343.15 - 1 / 398.15));
        double afB = Math.pow(165.0 / 45.0, 2.65) * Math.pow((1.0 / 7) / 48.0, 0.136)
                * Math.exp(2185 * (1 / 343.15 - 1 / 398.15));
        assertEquals(afB, r.offOnFactor(), 1e-12 * afB);
        double life = 1 / (4 / 86400.0 / (1000 * afA) + (1.0 / 7) / 86400.0 / (1000 * afB));
        assertEquals(life, r.lifeSeconds(), 1e-12 * life);
        // the documentation's number: 1000 test cycles -> 255,000 workload cycles and 34,000 off/on cycles: 137.9 y
        assertEquals(137.9, Durations.years(r.lifeSeconds()), 0.05);
        // a Weibull fit enters by its median
        assertEquals(1000 * Math.pow(Math.log(2), 1 / 8.0), TestToField.Test.weibullMedian(1000, 8), 1e-9);
    }

    @Test
    void noSwingMeansNoWorkloadDamageAndBadTestsAreRefused() {
        TestToField.Test g = new TestToField.Test(C0 - 40, C0 + 125, 48, 1000);
        TestToField.Result r = TestToField.translate(NorrisLandzberg.SAC, g, C0 + 60, C0 + 60, C0 + 25,
                new DutyCycle(4, 0));
        assertTrue(Double.isInfinite(r.lifeSeconds()));
        assertThrows(IllegalArgumentException.class, () -> new TestToField.Test(C0 + 125, C0 - 40, 48, 1000));
        assertThrows(IllegalArgumentException.class, () -> new TestToField.Test(C0 - 40, C0 + 125, 48, 0));
    }
}
