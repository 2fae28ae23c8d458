package org.wafersim.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.wafersim.geometry.CoreArray;
import org.wafersim.reliability.ReliabilityParameters.DefectModel;

class DefectYieldTest {

    private static double coreArea(CoreArray a, int d) {
        return (a.dieX1(d) - a.dieX0(d)) / a.perDieX() * ((a.dieY1(d) - a.dieY0(d)) / a.perDieY());
    }

    @Test
    void poissonYieldEqualsTheBinomialSum() {
        CoreArray a = Wafers.defaultWafer();
        int n = a.coresPerDie(), s = a.sparesInDie(0);
        // the default 0.09 /cm² (λ ≈ 0.49 defects per die) and 150× that (λ ≈ 74 ≈ s: yield near ½)
        for (double d0 : new double[] {900, 900 * 150.0}) {
            DefectYield.Result r = DefectYield.evaluate(a, d0, DefectModel.POISSON, 3);
            double p = -Math.expm1(-d0 * coreArea(a, 0));
            BigDecimal exact = ClosedForms.binomialCdf(n, p, s);
            for (int d = 0; d < a.dieCount(); d++) assertEquals(exact.doubleValue(), r.dieYield()[d], 1e-12, "D0 " + d0);
            double lnW = a.dieCount() * Math.log(exact.doubleValue());
            assertEquals(Math.exp(lnW), r.waferYield(), 1e-12);
            // the distribution of defective cores itself: P(X = x) = C(n,x) p^x q^(n−x)
            for (int x : new int[] {0, 1, s / 2, s}) {
                double px = ClosedForms.binomialCdf(n, p, x).subtract(x == 0 ? BigDecimal.ZERO
                        : ClosedForms.binomialCdf(n, p, x - 1)).doubleValue();
                // entries far below the total are cut by the sum's stopping rule (1e-17 of the total), hence the absolute floor
                assertEquals(px, r.defectiveCores()[0][x], 1e-12 * px + 1e-17);
            }
            assertEquals(n * p, r.expectedDefectiveCores()[0], 1e-9 * n * p);
        }
    }

    @Test
    void negativeBinomialYieldEqualsTheClosedForm() {
        CoreArray a = Wafers.defaultWafer();
        int n = a.coresPerDie(), s = a.sparesInDie(0);
        for (int alpha : new int[] {2, 3}) {
            for (double d0 : new double[] {900, 900 * 150.0}) {
                DefectYield.Result r = DefectYield.evaluate(a, d0, DefectModel.NEGATIVE_BINOMIAL, alpha);
                double c = coreArea(a, 0) * d0 / alpha;
                double exact = ClosedForms.negativeBinomialYield(n, s, c, alpha).doubleValue();
                assertEquals(exact, r.dieYield()[0], 1e-12, "alpha " + alpha + " D0 " + d0);
            }
        }
    }

    @Test
    void clusteringRaisesTheYieldOfTheSameMeanDensity() {
        // same mean defects, more variance: more dies with few defects (the classic clustering effect)
        CoreArray a = Wafers.defaultWafer();
        double d0 = 900 * 150.0;
        double poisson = DefectYield.evaluate(a, d0, DefectModel.POISSON, 3).dieYield()[0];
        double nb = DefectYield.evaluate(a, d0, DefectModel.NEGATIVE_BINOMIAL, 3).dieYield()[0];
        assertTrue(nb > poisson, nb + " vs " + poisson);
    }

    @Test
    void sparesLeftForFieldRepair() {
        CoreArray a = Wafers.defaultWafer();
        DefectYield.Result r = DefectYield.evaluate(a, 900, DefectModel.POISSON, 3);
        int s = a.sparesInDie(0);
        double ex = r.expectedDefectiveCores()[0];
        // P(X > s) is negligible, so E[s − X | good] = s − E[X]
        assertEquals(s - ex, r.expectedSparesLeft()[0], 1e-12);
        assertEquals(a.dieCount() * (s - ex), r.totalSparesLeft(), 1e-9);
        // reference-data C.5: ≈ 42 random defects per WSE, ≈ 0.5 per die (λ over the core area, slightly below)
        assertEquals(0.49, ex, 0.01);
        double[] w = r.usedSparesGivenGood(0);
        double sum = 0;
        for (double v : w) sum += v;
        assertEquals(1.0, sum, 1e-14);
    }

    @Test
    void moreSparesNeverLowerTheYield() {
        double[] fractions = {0.0, 0.002, 0.005, 0.01, 0.015, 0.02};
        for (double d0 : new double[] {900, 900 * 20.0, 900 * 150.0}) {
            for (DefectModel model : DefectModel.values()) {
                double prev = -1;
                for (double f : fractions) {
                    double y = DefectYield.evaluate(Wafers.defaultWafer(f), d0, model, 3).waferYield();
                    assertTrue(y >= prev * (1 - 1e-13) && y <= 1,   // equal up to summation rounding at most
                             model + " D0 " + d0 + " fraction " + f + ": " + y + " < " + prev);
                    prev = y;
                }
            }
        }
        // without spares a defect anywhere kills the wafer: Y = exp(−D0·A_cores)
        CoreArray none = Wafers.defaultWafer(0.0);
        double area = 0;
        for (int c = 0; c < none.coreCount(); c++) area += none.area(c);
        assertEquals(Math.exp(-900 * area), DefectYield.evaluate(none, 900, DefectModel.POISSON, 3).waferYield(), 1e-12);
    }

    @Test
    void yieldLossIsOneMinusTheYieldComputedDirectly() {
        CoreArray a = Wafers.smallWafer();
        // where 1 - Y is large, the direct tail agrees with 1 - Y; where Y rounds near 1 it still resolves it
        for (DefectModel m : DefectModel.values()) {
            for (double d0 : new double[] {2e5, 5e5, 2e6}) {
                DefectYield.Result r = DefectYield.evaluate(a, d0, m, 3);
                double q = r.waferYieldLoss(m, a.coresPerDie());
                assertEquals(1 - r.waferYield(), q, 1e-9 * q + 1e-15, m + " d0 " + d0);
            }
            DefectYield.Result tiny = DefectYield.evaluate(Wafers.defaultWafer(), 900, m, 3);
            double q = tiny.waferYieldLoss(m, Wafers.defaultWafer().coresPerDie());
            org.junit.jupiter.api.Assertions.assertTrue(q > 0 && q < 1e-6, m + " " + q);
            if (1 - tiny.waferYield() > 1e-13) assertEquals(1 - tiny.waferYield(), q, 0.05 * q, m.toString());
        }
    }
}
