package org.wafersim.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.geometry.CoreArray;

class WearOutTest {
    /** k_B/e in eV/K from the exact 2019-SI constants (CODATA 2018: 8.617333262...e-5). */
    private static final double K_B = 1.380649e-23 / 1.602176634e-19;

    @Test
    void tddbAndNbtiShareOneRecordButKeepTheirKeysAndSlots() {
        assertEquals("tddb", Mechanism.ArrheniusLife.TDDB.key());
        assertEquals("nbti", Mechanism.ArrheniusLife.NBTI.key());
        assertEquals(List.of("electromigration", "tddb", "nbti", "stress_migration", "thermal_cycling"),
                WearOutParameters.DEFAULT.all().stream().map(Mechanism::key).toList());
        assertThrows(IllegalArgumentException.class, () -> WearOutParameters.DEFAULT.withTddb(Mechanism.ArrheniusLife.NBTI));
    }

    @Test
    void arrheniusRatioEqualsTheFormula() {
        for (double ea : new double[] {0.6, 0.7, 0.9}) {
            double t1 = 330, t2 = 378.15;
            double expected = Math.exp(ea / K_B * (1 / t1 - 1 / t2));
            assertEquals(expected, Arrhenius.accelerationFactor(ea, t1, t2), 1e-12 * expected);
        }
        assertEquals(8.617333262e-5, Arrhenius.BOLTZMANN_EV, 1e-14);
    }

    @Test
    void mechanismMttfRatioBetweenTwoTemperaturesIsArrhenius() {
        double t1 = 320, t2 = 360;
        DutyCycle duty = DutyCycle.DEFAULT;
        for (Mechanism m : List.of(Mechanism.Electromigration.DEFAULT, Mechanism.ArrheniusLife.TDDB, Mechanism.ArrheniusLife.NBTI)) {
            double ea = m instanceof Mechanism.Electromigration e ? e.activationEnergyEv()
                    : ((Mechanism.ArrheniusLife) m).activationEnergyEv();
            double ratio = m.mttf(t1, 0, 0, 1, duty) / m.mttf(t2, 0, 0, 1, duty);
            double expected = Math.exp(ea / K_B * (1 / t1 - 1 / t2));
            assertEquals(expected, ratio, 1e-12 * expected, m.key());
        }
        // Black's current exponent n = 2: doubling j quarters the MTTF
        Mechanism em = Mechanism.Electromigration.DEFAULT;
        assertEquals(0.25, em.mttf(340, 0, 0, 2, duty) / em.mttf(340, 0, 0, 1, duty), 1e-14);
        // McPherson–Dunn: Arrhenius times the stress term ((T0 − T1)/(T0 − T2))^(−N)
        Mechanism.StressMigration sm = Mechanism.StressMigration.DEFAULT;
        double t0 = sm.stressFreeTemperatureK();
        double expected = Math.exp(0.75 / K_B * (1 / t1 - 1 / t2)) * Math.pow((t0 - t1) / (t0 - t2), -2.5);
        assertEquals(expected, sm.mttf(t1, 0, 0, 1, duty) / sm.mttf(t2, 0, 0, 1, duty), 1e-12 * expected);
        // thermal cycling: Coffin–Manson q = 6 in the swing, Miner over the two cycles
        Mechanism.ThermalCycling tc = Mechanism.ThermalCycling.DEFAULT;
        double nA = tc.referenceCycles() * Math.pow(17 / tc.referenceSwingK(), -6);
        double nB = tc.referenceCycles() * Math.pow(31 / tc.referenceSwingK(), -6);
        double life = 1 / (4 / Durations.DAY / nA + 1 / Durations.WEEK / nB);
        assertEquals(life, tc.mttf(330, 17, 31, 1, duty), 1e-12 * life);
    }

    @Test
    void defaultCalibrationMeetsItsQualificationTarget() {
        // each time-based mechanism alone: per-core F(10 y, 105 °C) = 1 − (1 − 1e-3)^(1/4823)
        double f = -Math.expm1(Math.log1p(-1e-3) / 4823);
        double t = 10 * Durations.YEAR;
        for (Mechanism m : WearOutParameters.DEFAULT.all()) {
            if (m.needsSwing()) continue;
            double mttf = m.mttf(378.15, 0, 0, 1, DutyCycle.DEFAULT);
            assertEquals(f, m.distribution().failureProbability(t, mttf), 1e-9 * f, m.key());
        }
    }

    @Test
    void rampSumsRatesAndDistributionsMultiplySurvivals() {
        CoreArray a = Wafers.smallWafer();
        double[] temp = Wafers.temperatures(a, 330, 20, 10);
        double[] swing = new double[temp.length];
        Arrays.fill(swing, 17);
        WearOutParameters p = WearOutParameters.DEFAULT.scaledReferenceLives(1e-3);
        CoreLifetimes life = new WearOutModel(p).evaluate(a, CoreConditions.of(temp).withSwings(swing, Wafers.scaled(swing, 31.0 / 17)),
                DutyCycle.DEFAULT);
        assertEquals(5, life.mechanisms().size());
        for (int c = 0; c < a.coreCount(); c += 7) {
            double rate = 0;
            for (int m = 0; m < 5; m++) rate += 1 / life.mttf(m, c);
            assertEquals(1 / rate, life.rampMttf(c), 1e-12 / rate);
            for (double years : new double[] {0.01, 0.3, 1, 3, 10, 30}) {
                double t = years * Durations.YEAR, surv = 1;
                for (int m = 0; m < 5; m++) {
                    // independent evaluation through commons-statistics distributions
                    surv *= life.mechanisms().get(m).distribution().reliability(t, life.mttf(m, c));
                }
                double fExact = 1 - surv;
                double fLow = 0;        // 1 − Π(1 − F_m) without cancellation, for tiny values
                for (int m = 0; m < 5; m++) {
                    double fm = life.mechanisms().get(m).distribution().failureProbability(t, life.mttf(m, c));
                    fLow = fLow + fm - fLow * fm;
                }
                double fast = life.failureProbability(c, t);
                assertEquals(fLow, fast, 1e-12 * fLow + 1e-300, "core " + c + " at " + years + " y");
                assertEquals(fExact, fast, 1e-13);
            }
        }
    }

    @Test
    void thermalCyclingNeedsSwings() {
        CoreArray a = Wafers.smallWafer();
        CoreLifetimes life = new WearOutModel(WearOutParameters.DEFAULT).evaluate(a, CoreConditions.uniform(a, 330),
                DutyCycle.DEFAULT);
        assertEquals(4, life.mechanisms().size());
        assertTrue(life.notes().get(0).contains("thermal_cycling"));
    }

    @Test
    void hotterCoresNeverLiveLonger() {
        // every mechanism, and RAMP's combination, from 0 °C to 200 °C (stress migration peaks near 230 °C)
        DutyCycle duty = DutyCycle.DEFAULT;
        double prevRamp = Double.POSITIVE_INFINITY;
        double[] prev = new double[5];
        Arrays.fill(prev, Double.POSITIVE_INFINITY);
        for (double t = 273.15; t <= 473.15; t += 2.5) {
            double rate = 0;
            List<Mechanism> all = WearOutParameters.DEFAULT.all();
            for (int m = 0; m < all.size(); m++) {
                double swing = 17 + 0.1 * (t - 273.15);       // hotter running also swings more
                double v = all.get(m).mttf(t, swing, swing + 14, 1, duty);
                assertTrue(v <= prev[m], all.get(m).key() + " at " + t + " K");
                prev[m] = v;
                rate += 1 / v;
            }
            assertTrue(1 / rate <= prevRamp);
            prevRamp = 1 / rate;
        }
        // above T0 the McPherson–Dunn stress term vanishes: no stress migration
        assertEquals(Double.POSITIVE_INFINITY, Mechanism.StressMigration.DEFAULT.mttf(600, 0, 0, 1, duty));
        assertNull(new WearOutModel(new WearOutParameters(Mechanism.Electromigration.DEFAULT.withEnabled(false),
                Mechanism.ArrheniusLife.TDDB.withEnabled(false), Mechanism.ArrheniusLife.NBTI.withEnabled(false),
                Mechanism.StressMigration.DEFAULT.withEnabled(false), Mechanism.ThermalCycling.DEFAULT.withEnabled(false)))
                .evaluate(Wafers.smallWafer(), CoreConditions.uniform(Wafers.smallWafer(), 330), duty).dominantMechanism());
    }
}
