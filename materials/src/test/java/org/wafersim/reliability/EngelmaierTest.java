package org.wafersim.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wafersim.materials.MaterialLibrary;

class EngelmaierTest {
    private static final double C0 = 273.15;

    /** Independent re-computation of IPC-SM-785 with the literal constants. */
    private static double engelmaier(double dGamma, double tMeanC, double f) {
        double c = -0.442 - 6e-4 * tMeanC + 1.74e-2 * Math.log(1 + f);
        return 0.5 * Math.pow(dGamma / (2 * 0.325), 1 / c);
    }

    @Test
    void cyclesToFailureEqualTheFormula() {
        Engelmaier e = Engelmaier.ipcDefaults();
        // Hand computation: Δγ = 0.01, T_sj = 50 °C, f = 4/day:
        // c = −0.442 − 0.03 + 0.0174·ln 5 = −0.443996; Δγ/(2ε_f') = 0.0153846; N_f = ½·0.0153846^(1/c) ≈ 6055.5
        assertEquals(6055.46, e.cyclesToFailure(0.01, C0 + 50, 4), 0.01);
        for (double g : new double[] {1e-4, 3e-3, 0.01, 0.05}) {
            for (double t : new double[] {0, 25, 60, 100}) {
                for (double f : new double[] {1, 4, 24, 500}) {
                    assertEquals(engelmaier(g, t, f), e.cyclesToFailure(g, C0 + t, f),
                            1e-12 * engelmaier(g, t, f), "dGamma " + g + " T " + t + " f " + f);
                }
            }
        }
    }

    @Test
    void frequencyIsClampedToTheGuidelineRange() {
        Engelmaier e = Engelmaier.ipcDefaults();
        assertTrue(Engelmaier.frequencyClamped(1.0 / 7));
        assertFalse(Engelmaier.frequencyClamped(4));
        assertEquals(engelmaier(0.01, 40, 1), e.cyclesToFailure(0.01, C0 + 40, 1.0 / 7), 1e-9);
        assertEquals(engelmaier(0.01, 40, 1000), e.cyclesToFailure(0.01, C0 + 40, 5000), 1e-9);
    }

    @Test
    void libraryConnectorCarriesTheIpcConstants() {
        var lib = MaterialLibrary.builtin();
        ConnectorParameters p = ConnectorParameters.of(lib.get("connector_elastomer"));
        assertEquals(0.325, p.ductilityCoefficient());
        assertEquals(-0.442, p.c0());
        assertEquals(6.0, p.weibullShape());               // no weibull_shape in the library row: C.3 default
        assertEquals(NorrisLandzberg.SAC, p.acceleration());
        ConnectorParameters sac = ConnectorParameters.of(lib.get("sac305"));
        assertEquals(6.0, sac.weibullShape());
        assertEquals(2185, sac.acceleration().eaOverK());
    }

    @Test
    void norrisLandzbergEqualsTheFormulaForTwoProfiles() {
        // JEDEC condition G (−40/+125 °C, 48 cycles/day) to the field cycles A and B of reference-data D.6
        NorrisLandzberg.Profile test = new NorrisLandzberg.Profile(165, 48, C0 + 125);
        NorrisLandzberg.Profile fieldA = new NorrisLandzberg.Profile(17, 4, C0 + 56);
        NorrisLandzberg.Profile fieldB = new NorrisLandzberg.Profile(31, 1.0 / 7, C0 + 56);
        for (NorrisLandzberg.Profile f : new NorrisLandzberg.Profile[] {fieldA, fieldB}) {
            double sac = Math.pow(165 / f.deltaT(), 2.65) * Math.pow(f.cyclesPerDay() / 48, 0.136)
                    * Math.exp(2185 * (1 / f.maxTemperatureK() - 1 / (C0 + 125)));
            assertEquals(sac, NorrisLandzberg.SAC.accelerationFactor(test, f), 1e-12 * sac);
            double snpb = Math.pow(165 / f.deltaT(), 1.9) * Math.pow(f.cyclesPerDay() / 48, 1.0 / 3)
                    * Math.exp(1414 * (1 / f.maxTemperatureK() - 1 / (C0 + 125)));
            assertEquals(snpb, NorrisLandzberg.SNPB.accelerationFactor(test, f), 1e-12 * snpb);
            assertEquals(1000 * sac, NorrisLandzberg.SAC.fieldCycles(1000, test, f), 1e-9 * sac);
        }
        // the same profile: no acceleration
        assertEquals(1.0, NorrisLandzberg.SAC.accelerationFactor(test, test), 1e-15);
    }

    @Test
    void coffinMansonScalesWithTheRangeExponent() {
        assertEquals(1000 * Math.pow(165.0 / 17, 6), CoffinManson.cyclesToFailure(1000, 165, 17, 6), 1e-6);
        assertEquals(Math.pow(2, 2.65), CoffinManson.accelerationFactor(40, 20, 2.65), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, CoffinManson.cyclesToFailure(1000, 165, 0, 6));
    }

    @Test
    void shearStrainEstimateIsFLdDalphaDtOverH() {
        // 100 mm from the centre, Si (2.6 ppm/K) on FR-4 (16 ppm/K), 17 K, 1 mm connector
        assertEquals(1.0 * 0.1 * 13.4e-6 * 17 / 1e-3, Engelmaier.shearStrainRange(1.0, 0.1, 13.4e-6, 17, 1e-3), 1e-15);
    }
}
