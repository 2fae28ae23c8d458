package org.wafersim.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.junit.jupiter.api.Test;
import org.wafersim.errors.InputException;

/**
 * The connector technologies' fatigue models against hand calculations: the beam strain of a spring contact, the
 * strain-life inversion against an independent root finder, the S-N curve, and the solder path against Engelmaier.
 */
class FatigueModelTest {
    private static final double C0 = 273.15;

    @Test
    void cantileverSurfaceStrainIsThreeTDeltaOverTwoLSquared() {
        double l = 1.2e-3, t = 0.08e-3, delta = 20e-6;
        SpringContact s = new SpringContact(SpringContact.Shape.CANTILEVER, l, t,
                ContactAlloy.BERYLLIUM_COPPER.strainLife(), "spring");
        // hand: 3 * 0.08e-3 * 20e-6 / (2 * 1.44e-6) = 4.8e-9 / 2.88e-6 = 1.6666...e-3
        assertEquals(1.0 / 600, s.contactStrain(delta, 1e-3), 1e-15);
        // from the beam equations themselves: P = 3 E I delta / L^3, M = P L, eps = M (t/2) / (E I)
        double e = 128e9, i = 1e-3 * t * t * t / 12;       // any width and modulus: they cancel
        double p = 3 * e * i * delta / (l * l * l);
        assertEquals(p * l * (t / 2) / (e * i), s.contactStrain(delta, 1e-3), 1e-15);
        // the strain is linear in delta: a range of delta gives the range of the strain
        assertEquals(2 * s.contactStrain(delta, 1e-3), s.contactStrain(2 * delta, 1e-3), 1e-18);
    }

    @Test
    void guidedBeamStrainIsThreeTDeltaOverLSquared() {
        double l = 1.0e-3, t = 0.1e-3, delta = 10e-6;
        SpringContact s = new SpringContact(SpringContact.Shape.GUIDED, l, t,
                ContactAlloy.PHOSPHOR_BRONZE.strainLife(), "spring");
        // fixed-guided: P = 12 E I delta / L^3, M_max = P L / 2  ->  eps = 3 t delta / L^2 = 3e-3
        assertEquals(3e-3, s.contactStrain(delta, 1e-3), 1e-15);
    }

    /** Δε/2 = (σ_f'/E)(2N)^b + ε_f'(2N)^c, written out again. */
    private static double amplitude(double sf, double e, double b, double ef, double c, double n) {
        return sf / e * Math.pow(2 * n, b) + ef * Math.pow(2 * n, c);
    }

    @Test
    void strainLifeInvertsTheCoffinMansonBasquinCurveAtThreeAmplitudes() {
        // a generic steel-like curve (low-cycle, transition and high-cycle amplitudes)
        double sf = 1000e6, e = 200e9, b = -0.1, ef = 0.5, c = -0.6;
        StrainLife sl = new StrainLife("test", sf, e, b, ef, c, "test", false, "connector.custom");
        BrentSolver brent = new BrentSolver(1e-14, 1e-14);
        for (double ea : new double[] {0.02, 3e-3, 1.2e-3}) {
            double n = sl.cyclesToFailure(2 * ea);
            // independent: Brent on log10 N over [0, 12]
            double log10N = brent.solve(1000, x -> amplitude(sf, e, b, ef, c, Math.pow(10, x)) - ea, -1, 12);
            double ref = Math.pow(10, log10N);
            assertEquals(ref, n, 1e-9 * ref, "amplitude " + ea);
            assertEquals(ea, amplitude(sf, e, b, ef, c, n), 1e-12 * ea, "plugged back, amplitude " + ea);
        }
        assertEquals(Double.POSITIVE_INFINITY, sl.cyclesToFailure(0));
    }

    @Test
    void alloyCurvesComeFromTheModifiedUniversalSlopes() {
        StrainLife be = ContactAlloy.BERYLLIUM_COPPER.strainLife();
        double r = 1300e6 / 128e9;
        // Muralidharan-Manson in range form: d_eps = 1.17 r^0.832 N^-0.09 + 0.0266 eps_f^0.155 r^-0.53 N^-0.56
        for (double n : new double[] {1e3, 1e5, 1e7}) {
            double range = 1.17 * Math.pow(r, 0.832) * Math.pow(n, -0.09)
                    + 0.0266 * Math.pow(0.05, 0.155) * Math.pow(r, -0.53) * Math.pow(n, -0.56);
            assertEquals(range / 2, be.strainAmplitude(n), 1e-12 * range);
            assertEquals(n, be.cyclesToFailure(range), 1e-9 * n);
        }
        assertTrue(be.estimated());
    }

    @Test
    void snCurveIsAPowerLawInTheStressAmplitude() {
        SnCurve sn = new SnCurve(300e6, 1e7, 10, 120e9, "connector.custom");
        // S_a = 120e9 * 0.005 / 2 = 300 MPa -> N_ref; half the stress -> 2^10 times the life
        assertEquals(1e7, sn.cyclesToFailure(0.005), 1e-6);
        assertEquals(1e7 * 1024, sn.cyclesToFailure(0.0025), 1e-3);
    }

    @Test
    void solderPathReproducesEngelmaierForTheSameJointStrain() {
        Engelmaier e = Engelmaier.ipcDefaults();
        SolderJoint j = new SolderJoint(Double.NaN, e, false);
        for (double g : new double[] {0.005, 0.01842, 0.03665}) {
            for (double f : new double[] {4, 1.0 / 7}) {
                assertEquals(e.cyclesToFailure(g, C0 + 45, f), j.cyclesToFailure(g, C0 + 45, f), 0.0);
            }
        }
        // a joint spanning the 1 mm layer sees the layer's shear strain; a 0.5 mm joint twice it
        assertEquals(0.03665, j.contactStrain(0.03665 * 1e-3, 1e-3), 1e-17);
        assertEquals(2 * 0.03665, new SolderJoint(0.5e-3, e, false).contactStrain(0.03665 * 1e-3, 1e-3), 1e-16);
        // the 8-argument ConnectorParameters is this joint with its own constants: runs before technologies agree
        FatigueModel m = ConnectorParameters.DEFAULT.model();
        assertEquals("solder", m.technology());
        assertEquals(e.cyclesToFailure(0.02, C0 + 50, 4), m.cyclesToFailure(0.02, C0 + 50, 4), 0.0);
        assertSame(m, ConnectorParameters.DEFAULT.withWeibullShape(4).model());
    }

    @Test
    void badConstantsAndGeometryNameTheirKey() {
        assertEquals("connector.custom.fatigue_strength_exponent", assertThrows(InputException.class,
                () -> new StrainLife("x", 1e9, 2e11, 0.1, 0.5, -0.6, "s", false, "connector.custom")).keyPath());
        assertEquals("connector.custom.fatigue_ductility_exponent", assertThrows(InputException.class,
                () -> new StrainLife("x", 1e9, 2e11, -0.1, 0.5, 0.6, "s", false, "connector.custom")).keyPath());
        assertEquals("connector.custom.exponent", assertThrows(InputException.class,
                () -> new SnCurve(3e8, 1e7, -10, 1.2e11, "connector.custom")).keyPath());
        assertEquals("connector.spring.length", assertThrows(InputException.class,
                () -> SpringContact.checkFits(1.5e-3, 1e-3)).keyPath());
        SpringContact.checkFits(1.4e-3, 1e-3);
        assertEquals("connector.spring.thickness", assertThrows(InputException.class,
                () -> new SpringContact(SpringContact.Shape.CANTILEVER, 1e-3, 0.3e-3,
                        ContactAlloy.BERYLLIUM_COPPER.strainLife(), "spring")).keyPath());
    }
}
