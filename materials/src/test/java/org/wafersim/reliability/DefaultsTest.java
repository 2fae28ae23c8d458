package org.wafersim.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wafersim.reliability.LifetimeDistribution.Kind;

/** The defaults are the values of reference-data C and D.6 (each cited in the record that holds it). */
class DefaultsTest {

    @Test
    void defaultsFollowTheReferenceData() {
        ReliabilityParameters p = ReliabilityParameters.DEFAULT;
        assertEquals(0.09, p.defectDensity() * 1e-4, 1e-15);                 // C.5: 0.09 /cm²
        assertEquals(3, p.clusteringAlpha());                                 // C.5: α 2–5
        assertEquals(5 * 365.25 * 86400, p.designLife(), 1e-6);               // D.6: 5 years
        assertEquals(4, p.dutyCycle().cyclesPerDay());                        // D.6 cycle A
        assertEquals(1, p.dutyCycle().offCyclesPerWeek());                    // D.6 cycle B
        ConnectorParameters c = p.connector();
        assertEquals(0.325, c.ductilityCoefficient());                        // C.4
        assertEquals(-0.442, c.c0());
        assertEquals(-6e-4, c.cPerKelvin());
        assertEquals(1.74e-2, c.cLogFrequency());
        assertEquals(6, c.weibullShape());                                    // C.3 solder fatigue
        assertEquals(new NorrisLandzberg(2.65, 0.136, 2185), c.acceleration()); // C.2, Pan et al. 2005
        assertEquals(new NorrisLandzberg(1.9, 1.0 / 3, 1414), NorrisLandzberg.SNPB);

        WearOutParameters w = p.wearOut();
        assertEquals(0.9, w.electromigration().activationEnergyEv());         // C.1
        assertEquals(2, w.electromigration().currentExponent());
        assertEquals(Kind.LOGNORMAL, w.electromigration().distributionKind());
        assertEquals(0.4, w.electromigration().shape());
        assertEquals(0.7, w.tddb().activationEnergyEv());
        assertEquals(Kind.WEIBULL, w.tddb().distributionKind());
        assertEquals(1.3, w.tddb().shape());
        assertEquals(0.6, w.nbti().activationEnergyEv());
        assertEquals(0.75, w.stressMigration().activationEnergyEv());
        assertEquals(2.5, w.stressMigration().exponent());
        assertEquals(573.15, w.stressMigration().stressFreeTemperatureK(), 1e-12);
        assertEquals(0.7, w.stressMigration().shape());                       // C.3
        assertEquals(6, w.thermalCycling().exponent());                       // C.2 Si/BEOL
        for (Mechanism m : w.all()) assertTrue(m.enabled());
        // the calibration [E] in years, as documented in WearOutCalibration
        assertEquals(82.05, Durations.years(w.electromigration().referenceMttf()), 0.01);
        assertEquals(1.2774e6, Durations.years(w.tddb().referenceMttf()), 1e2);
        assertEquals(28.08, Durations.years(w.nbti().referenceMttf()), 0.01);
        assertEquals(441.9, Durations.years(w.stressMigration().referenceMttf()), 0.1);
        System.out.printf("default reference lives at 105 C: EM %.4g y, TDDB %.4g y, NBTI %.4g y, SM %.4g y;"
                        + " TC %.4g cycles at 165 K%n", Durations.years(w.electromigration().referenceMttf()),
                Durations.years(w.tddb().referenceMttf()), Durations.years(w.nbti().referenceMttf()),
                Durations.years(w.stressMigration().referenceMttf()), w.thermalCycling().referenceCycles());
    }
}
