package org.wafersim.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;
import org.wafersim.errors.InputException;
import org.wafersim.geometry.CoreArray;
import org.wafersim.reliability.ReliabilityParameters.DefectModel;

/**
 * Yield with a non-redundant area per die (a defect there kills the die whatever its spares), against closed forms:
 * Poisson defects, Y_die = e^(−D0·A_nr)·Y_die(A_nr = 0); clustered defects, the die's density mixed over its gamma
 * distribution by numerical quadrature: Y_die = ∫ g(λ; α, D0/α)·e^(−λ·A_nr)·Y_die^Poisson(λ) dλ.
 */
class NonRedundantAreaTest {
    static final double A_NR = 20e-6;      // 20 mm² of each die

    @Test
    void poissonMultipliesEachDieByTheChanceOfACleanNonRedundantArea() {
        CoreArray a = Wafers.defaultWafer();
        for (double d0 : new double[] {900, 1.5e4}) {
            DefectYield.Result base = DefectYield.evaluate(a, d0, DefectModel.POISSON, 3);
            DefectYield.Result nr = DefectYield.evaluate(a, d0, DefectModel.POISSON, 3, A_NR);
            double keep = Math.exp(-d0 * A_NR);
            for (int d = 0; d < a.dieCount(); d++) {
                assertEquals(keep * base.dieYield()[d], nr.dieYield()[d], 1e-14 * base.dieYield()[d]);
                // the spares a good die has left do not depend on its non-redundant area
                assertEquals(base.expectedSparesLeft()[d], nr.expectedSparesLeft()[d], 1e-12);
            }
            assertEquals(Math.pow(keep, a.dieCount()) * base.waferYield(), nr.waferYield(), 1e-12 * base.waferYield());
            // the direct loss 1 − Y agrees with the yield where 1 − Y is not lost to cancellation
            assertEquals(1 - nr.waferYield(), nr.waferYieldLoss(DefectModel.POISSON, a.coresPerDie()), 1e-12);
        }
    }

    @Test
    void clusteredDefectsMatchTheGammaMixture() {
        CoreArray a = Wafers.defaultWafer();
        double d0 = 1.5e4, alpha = 3;
        DefectYield.Result nr = DefectYield.evaluate(a, d0, DefectModel.NEGATIVE_BINOMIAL, alpha, A_NR);
        double theta = d0 / alpha;
        // ∫ over the gamma density of the Poisson die yield at density λ, with the non-redundant area clean
        org.apache.commons.math3.analysis.UnivariateFunction f = lam -> {
            double g = Math.exp((alpha - 1) * Math.log(lam) - lam / theta - Gamma.logGamma(alpha) - alpha * Math.log(theta));
            return g * Math.exp(-lam * A_NR) * DefectYield.evaluate(a, lam, DefectModel.POISSON, alpha).dieYield()[0];
        };
        double hi = d0 * 12;      // the gamma(3) tail beyond 12 means holds < 1e-10 of the mass
        double y = new IterativeLegendreGaussIntegrator(16, 1e-11, 1e-13).integrate(100_000, f, 1e-9, hi);
        assertEquals(y, nr.dieYield()[0], 1e-8);
        // and it is below the yield without the non-redundant area
        double without = DefectYield.evaluate(a, d0, DefectModel.NEGATIVE_BINOMIAL, alpha).dieYield()[0];
        assertEquals(true, nr.dieYield()[0] < without);
    }

    @Test
    void aNegativeAreaIsRefused() {
        assertThrows(InputException.class,
                () -> DefectYield.evaluate(Wafers.smallWafer(), 900, DefectModel.POISSON, 3, -1e-6));
    }
}
