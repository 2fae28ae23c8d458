package org.wafersim.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;
import org.wafersim.geometry.CoreArray;
import org.wafersim.linalg.Parallel;
import org.wafersim.reliability.ReliabilityParameters.DefectModel;
import org.wafersim.reliability.ReliabilityParameters.SpareAccounting;

class DieRedundancyTest {
    /** Reference lives scaled so that the default wafer wears out within the 10-year curve (a stressed technology). */
    static final double STRESSED = 0.08;

    static CoreConditions conditions(CoreArray a, double dt) {
        double[] t = Wafers.plus(Wafers.temperatures(a, 330, 15, 8), dt);
        double[] swing = new double[t.length], off = new double[t.length];
        for (int c = 0; c < t.length; c++) {
            swing[c] = 0.6 * (t[c] - 303.15);       // idle ↔ full load: ≈ 17 K at 58 °C (reference-data D.6)
            off[c] = t[c] - 298.15;                 // off (25 °C) ↔ on
        }
        return CoreConditions.of(t).withSwings(swing, off);
    }

    static CoreLifetimes lifetimes(CoreArray a, double scale, double dt) {
        return new WearOutModel(WearOutParameters.DEFAULT.scaledReferenceLives(scale)).evaluate(a, conditions(a, dt),
                DutyCycle.DEFAULT);
    }

    static double[] years(double... y) {
        double[] t = new double[y.length];
        for (int i = 0; i < y.length; i++) t[i] = y[i] * Durations.YEAR;
        return t;
    }

    @Test
    void eachDieIsAKOutOfNSystemAndTheWaferTheirProduct() {
        CoreArray a = Wafers.defaultWafer();
        CoreLifetimes life = lifetimes(a, STRESSED, 0);
        double[] t = years(2, 4, 5, 6, 8);
        ReliabilityCurve curve;
        try (Parallel par = new Parallel(2)) {
            curve = new DieRedundancy(life).curve(t, par);
        }
        int n = a.coresPerDie();
        for (int k = 0; k < t.length; k++) {
            double lnR = 0;
            for (int d = 0; d < a.dieCount(); d += 1) {
                double[] p = new double[n];
                for (int i = 0; i < n; i++) p[i] = life.failureProbability(a.firstCore(d) + i, t[k]);
                double r = KOutOfN.reliability(p, n - a.sparesInDie(d)), q = KOutOfN.unreliability(p, n - a.sparesInDie(d));
                lnR += Math.log(r);
                // the floor: die probabilities below 1e-20 are reported as 0
                assertEquals(r, curve.dieReliability()[d][k], 1e-12 + DieRedundancy.PROBABILITY_FLOOR, "die " + d + " t " + k);
                assertEquals(q, curve.dieUnreliability()[d][k], 1e-12 * q + DieRedundancy.PROBABILITY_FLOOR);
            }
            assertEquals(Math.exp(lnR), curve.waferReliability()[k], 1e-12);
        }
        // something happens in this window, so the check has teeth
        assertTrue(curve.waferReliability()[0] > 0.9 && curve.waferReliability()[4] < 0.1,
                Arrays.toString(curve.waferReliability()));
    }

    /** Time (s) at which R_wafer = target, by bisection on the analytical curve. */
    static double timeAt(DieRedundancy dr, double target) {
        double lo = 0, hi = 1e4 * Durations.YEAR;
        for (int i = 0; i < 80; i++) {
            double mid = 0.5 * (lo + hi);
            if (dr.curve(new double[] {mid}).waferReliability()[0] > target) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /**
     * A mix in which EM, TDDB and SM (and a little TC) all matter at the median wafer life, so the Monte Carlo check
     * exercises Weibull and lognormal sampling together (NBTI off: it would dominate).
     */
    static WearOutParameters mixed() {
        WearOutParameters d = WearOutParameters.DEFAULT;
        return new WearOutParameters(d.electromigration().withReferenceMttf(d.electromigration().referenceMttf() * 1e-2),
                d.tddb().withReferenceMttf(d.tddb().referenceMttf() * 1e-5), d.nbti().withEnabled(false),
                d.stressMigration().withReferenceMttf(d.stressMigration().referenceMttf() * 1e-2),
                d.thermalCycling().withReferenceCycles(d.thermalCycling().referenceCycles() * 2.5e-5));
    }

    @Test
    void monteCarloAgreesWithinThreeStandardErrors() {
        CoreArray a = Wafers.smallWafer();                  // 6 dies of 120 cores, 6 spares each
        WearOutParameters[] cases = {WearOutParameters.DEFAULT.scaledReferenceLives(2e-3), mixed()};
        long seed = 20240611L;
        for (WearOutParameters p : cases) {
            CoreLifetimes life = new WearOutModel(p).evaluate(a, conditions(a, 0), DutyCycle.DEFAULT);
            DieRedundancy dr = new DieRedundancy(life);
            for (double target : new double[] {0.25, 0.5, 0.85}) {
                double t = timeAt(dr, target), r = dr.curve(new double[] {t}).waferReliability()[0];
                assertEquals(target, r, 1e-6);
                MonteCarloCheck.Estimate mc = MonteCarloCheck.waferReliability(life, t, 10000, seed++);
                System.out.printf("Monte Carlo at %.3f y: analytical R = %.5f, sampled %.5f ± %.5f (%.2f SE)%n",
                        t / Durations.YEAR, r, mc.reliability(), mc.standardError(), mc.deviation(r));
                assertTrue(mc.deviation(r) < 3, "R = " + r + ", MC " + mc);
            }
        }
        // in the mixed case every time-based mechanism carries weight at the median life
        CoreLifetimes life = new WearOutModel(mixed()).evaluate(a, conditions(a, 0), DutyCycle.DEFAULT);
        double t = timeAt(new DieRedundancy(life), 0.5);
        double[] expected = new double[life.mechanisms().size()];
        double total = 0;
        for (int m = 0; m < expected.length; m++) {
            for (int c = 0; c < a.coreCount(); c++) {
                expected[m] += life.mechanisms().get(m).distribution().failureProbability(t, life.mttf(m, c));
            }
            total += expected[m];
        }
        for (int m = 0; m < expected.length; m++) {
            if (life.mechanisms().get(m).needsSwing()) continue;
            assertTrue(expected[m] > 0.1 * total, life.mechanisms().get(m).key() + ": " + Arrays.toString(expected));
        }
    }

    @Test
    void mttfEqualsTheClosedFormOfASeriesOfWeibulls() {
        // no spares, TDDB alone at one temperature: the wafer is the minimum of N Weibull(β, η) lifetimes,
        // Weibull(β, η·N^(−1/β)), so MTTF_wafer = MTTF_core·N^(−1/β)
        CoreArray a = CoreArray.of(new org.wafersim.cases.CaseSpec.WaferSpec(0.03, 0.024, 5e-4, "silicon", 1e-5),
                new org.wafersim.cases.CaseSpec.DiesSpec(3, 2, 2e-4),
                new org.wafersim.cases.CaseSpec.CoresSpec(10, 12, 0.0, List.of()), "no spares");
        WearOutParameters only = new WearOutParameters(Mechanism.Electromigration.DEFAULT.withEnabled(false),
                Mechanism.ArrheniusLife.TDDB, Mechanism.ArrheniusLife.NBTI.withEnabled(false),
                Mechanism.StressMigration.DEFAULT.withEnabled(false), Mechanism.ThermalCycling.DEFAULT.withEnabled(false));
        CoreLifetimes life = new WearOutModel(only).evaluate(a, CoreConditions.uniform(a, 340), DutyCycle.DEFAULT);
        double beta = 1.3, mttfCore = life.mttf(0, 0);
        double expected = mttfCore * Math.pow(a.coreCount(), -1 / beta);
        LifeIntegral.Result r;
        try (Parallel par = new Parallel(2)) {
            r = new DieRedundancy(life).mttf(10 * Durations.YEAR, 1e-8, par);
        }
        assertEquals(expected, r.mttf(), 1e-7 * expected);
        assertTrue(Math.abs(r.mttf() - expected) <= Math.max(r.errorBound(), 1e-12 * expected), r.toString());
        assertEquals(Gamma.gamma(1 + 1 / beta), mttfCore / life.mechanisms().get(0).distribution().scale(mttfCore), 1e-14);
    }

    @Test
    void mttfWithSparesEqualsADenseQuadratureOfTheCurve() {
        CoreArray a = Wafers.smallWafer();
        CoreLifetimes life = lifetimes(a, 2e-3, 0);
        DieRedundancy dr = new DieRedundancy(life);
        LifeIntegral.Result r;
        try (Parallel par = new Parallel(2)) {
            r = dr.mttf(Durations.YEAR, 1e-8, par);
        }
        // composite Simpson on [0, T] with R(T) ≈ 0, in 20000 panels
        double tEnd = 40 * r.mttf();
        int panels = 20000;
        double[] t = new double[panels + 1];
        for (int i = 0; i <= panels; i++) t[i] = tEnd * i / panels;
        double[] rw = dr.curve(t).waferReliability();
        assertTrue(rw[panels] < 1e-12);
        double s = rw[0] + rw[panels];
        for (int i = 1; i < panels; i++) s += (i % 2 == 1 ? 4 : 2) * rw[i];
        double simpson = s * (tEnd / panels) / 3;
        assertEquals(simpson, r.mttf(), 1e-6 * simpson, "error bound " + r.errorBound());
        assertTrue(r.relativeError() < 1e-6, r.toString());
    }

    @Test
    void moreSparesNeverLowerReliability() {
        double[] t = years(1, 3, 4, 5, 6, 7, 10);
        double[] prev = null;
        double prevMttf = 0;
        try (Parallel par = new Parallel(2)) {
            for (double f : new double[] {0.005, 0.01, 0.015, 0.02}) {
                CoreArray a = Wafers.defaultWafer(f);
                DieRedundancy dr = new DieRedundancy(lifetimes(a, STRESSED, 0));
                double[] r = dr.curve(t, par).waferReliability();
                double mttf = dr.mttf(5 * Durations.YEAR, 1e-6, par).mttf();
                if (prev != null) {
                    for (int k = 0; k < t.length; k++) assertTrue(r[k] >= prev[k], "fraction " + f + " t " + k);
                    assertTrue(mttf >= prevMttf);
                }
                prev = r;
                prevMttf = mttf;
            }
        }
    }

    @Test
    void sparesUsedByManufacturingDefectsLowerFieldReliability() {
        CoreArray a = Wafers.defaultWafer();
        CoreLifetimes life = lifetimes(a, STRESSED, 0);
        // a dirty process (1.5 /cm², clustered) uses ≈ 8 spares per die before the wafer ships
        DefectYield.Result y = DefectYield.evaluate(a, 1.5e4, DefectModel.NEGATIVE_BINOMIAL, 3);
        double[] t = years(3, 4, 5, 6);
        try (Parallel par = new Parallel(2)) {
            double[] all = new DieRedundancy(life).curve(t, par).waferReliability();
            double[] after = new DieRedundancy(life, SpareAccounting.AFTER_MANUFACTURING_REPAIR, y).curve(t, par)
                    .waferReliability();
            for (int k = 0; k < t.length; k++) assertTrue(after[k] <= all[k], k + ": " + after[k] + " vs " + all[k]);
            assertTrue(after[2] < all[2]);
            // a clean process uses no spares: the two accountings agree
            DefectYield.Result clean = DefectYield.evaluate(a, 0, DefectModel.POISSON, 3);
            ReliabilityCurve c1 = new DieRedundancy(life).curve(t, par);
            ReliabilityCurve c2 = new DieRedundancy(life, SpareAccounting.AFTER_MANUFACTURING_REPAIR, clean).curve(t, par);
            for (int k = 0; k < t.length; k++) {
                assertEquals(c1.waferReliability()[k], c2.waferReliability()[k], 1e-15);
                for (int d = 0; d < a.dieCount(); d++) assertEquals(c1.dieUnreliability()[d][k], c2.dieUnreliability()[d][k], 1e-15);
            }
        }
    }

    @Test
    void hotterWaferNeverLivesLonger() {
        CoreArray a = Wafers.defaultWafer();
        double[] t = years(1, 3, 4, 5, 6, 8, 10);
        double[] prev = null;
        double prevMttf = Double.POSITIVE_INFINITY;
        try (Parallel par = new Parallel(2)) {
            for (double dt : new double[] {0, 2, 5, 10}) {
                DieRedundancy dr = new DieRedundancy(lifetimes(a, STRESSED, dt));
                double[] r = dr.curve(t, par).waferReliability();
                double mttf = dr.mttf(5 * Durations.YEAR, 1e-6, par).mttf();
                if (prev != null) {
                    for (int k = 0; k < t.length; k++) assertTrue(r[k] <= prev[k], "dT " + dt + " t " + k);
                    assertTrue(mttf <= prevMttf, "dT " + dt);
                }
                prev = r;
                prevMttf = mttf;
            }
            // and with the default (unscaled) technology, where wear-out is slow, the same holds for the MTTF
            double m0 = new DieRedundancy(lifetimes(a, 1, 0)).mttf(50 * Durations.YEAR, 1e-6, par).mttf();
            double m1 = new DieRedundancy(lifetimes(a, 1, 10)).mttf(50 * Durations.YEAR, 1e-6, par).mttf();
            assertTrue(m1 < m0, m1 + " vs " + m0);
        }
    }

    @Test
    void theHotBandLimitsLife() {
        CoreArray a = Wafers.defaultWafer();
        DieRedundancy dr = new DieRedundancy(lifetimes(a, STRESSED, 0));
        try (Parallel par = new Parallel(2)) {
            List<DieRedundancy.DieRank> worst = dr.limitingDies(5 * Durations.YEAR, 5, par);
            for (DieRedundancy.DieRank d : worst) assertTrue(d.row() >= 2 && d.row() <= 4, d.toString());
            // the +x gradient: the hottest column is the last
            assertEquals(a.columns() - 1, worst.get(0).column());
            for (int i = 1; i < worst.size(); i++) assertTrue(worst.get(i).unreliability() <= worst.get(i - 1).unreliability());
            // unscaled: every R is 1 at 5 years; the expected failed cores per spare rank the dies
            List<DieRedundancy.DieRank> calm = new DieRedundancy(lifetimes(a, 1, 0)).limitingDies(5 * Durations.YEAR, 3, par);
            assertEquals(1.0, calm.get(0).reliability());
            assertTrue(calm.get(0).row() >= 2 && calm.get(0).row() <= 4);
            assertTrue(calm.get(0).expectedFailedCores() >= calm.get(1).expectedFailedCores());
        }
    }

    /**
     * The MTTF's wafer evaluation (the weakest die first, on the pool with the others; the dies not yet started
     * skipped once one is dead) is the curve's R_wafer bit for bit where that is above the floor and 0 below it, and
     * it, the expected failures and the lifetimes' die bounds are the same on 1, 2 and 3 threads.
     */
    @Test
    void waferEvaluationIsTheCurveAndIndependentOfTheThreads() {
        CoreArray a = Wafers.defaultWafer();
        double[] t = new double[60];
        for (int k = 0; k < t.length; k++) t[k] = Durations.YEAR * 0.05 * Math.pow(1.12, k);   // through the end of life
        double[] curve = null, first = null, ef = null;
        double mttf = 0;
        for (int threads = 1; threads <= 3; threads++) {
            try (Parallel par = new Parallel(threads)) {
                DieRedundancy dr = new DieRedundancy(new WearOutModel(WearOutParameters.DEFAULT
                        .scaledReferenceLives(STRESSED)).evaluate(a, conditions(a, 0), DutyCycle.DEFAULT, par));
                double[] w = dr.waferReliability(t, par);
                if (curve == null) {
                    curve = dr.curve(t, par).waferReliability();
                    int below = 0;
                    for (int k = 0; k < t.length; k++) {
                        if (curve[k] >= DieRedundancy.PROBABILITY_FLOOR) assertEquals(curve[k], w[k], 0.0, "t " + k);
                        else {
                            assertEquals(0.0, w[k], "t " + k);
                            below++;
                        }
                    }
                    assertTrue(below > 5 && below < t.length - 5, "times on both sides of the wafer's end: " + below);
                    first = w;
                    ef = dr.expectedFailures(5 * Durations.YEAR, par);
                    mttf = dr.mttf(5 * Durations.YEAR, 1e-6, par).mttf();
                } else {
                    assertArrayEquals(first, w, threads + " threads");
                    assertArrayEquals(ef, dr.expectedFailures(5 * Durations.YEAR, par), threads + " threads");
                    assertEquals(mttf, dr.mttf(5 * Durations.YEAR, 1e-6, par).mttf(), 0.0, threads + " threads");
                }
                assertArrayEquals(ef, dr.expectedFailures(5 * Durations.YEAR), "serial overload");
            }
        }
    }
}
