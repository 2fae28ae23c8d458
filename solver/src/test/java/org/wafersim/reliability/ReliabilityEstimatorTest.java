package org.wafersim.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wafersim.geometry.CoreArray;
import org.wafersim.linalg.Parallel;

/**
 * The one-call estimate on the default wafer, and the loose timing of the full-wafer evaluation (84 dies × 4,823
 * cores × 101 times). Timings are printed, not asserted: the project measures speed with JMH.
 */
class ReliabilityEstimatorTest {
    private static final double C0 = 273.15;

    /** Connector loads from Engelmaier's Δγ = F·L_D·Δα·ΔT/h over a 43 × 43 map of the 215 mm connector. */
    static ConnectorLoad connectorLoad(double deltaT, double meanC) {
        int n = 43;
        double[][] g = new double[n][n], t = new double[n][n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double dx = (x + 0.5) * 0.215 / n - 0.1075, dy = (y + 0.5) * 0.215 / n - 0.1075;
                // Si (2.6 ppm/K) against the board (≈ 16 ppm/K) over a 1 mm connector; F = 1
                g[y][x] = Engelmaier.shearStrainRange(1.0, Math.hypot(dx, dy), 13.4e-6, deltaT, 1e-3) * 0.01;
                t[y][x] = C0 + meanC;
            }
        }
        return new ConnectorLoad(g, t);
    }

    @Test
    void defaultWaferEstimate() {
        CoreArray a = Wafers.defaultWafer();
        CoreConditions cond = DieRedundancyTest.conditions(a, 0);
        ReliabilityEstimator.Inputs in = new ReliabilityEstimator.Inputs(a, cond, connectorLoad(7, 45), connectorLoad(12, 38), null);
        ReliabilityParameters p = ReliabilityParameters.DEFAULT;
        ReliabilityEstimator.Report r;
        long t0 = System.nanoTime();
        try (Parallel par = new Parallel(2)) {
            r = ReliabilityEstimator.estimate(in, p, par);
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        assertEquals(DefectYield.evaluate(a, p).waferYield(), r.yield().waferYield(), 0);
        assertEquals(p.curvePoints(), r.curve().times().length);
        assertNotNull(r.connector());
        // the connector fails first at a corner of the map
        int fx = r.connector().firstFailure().x(), fy = r.connector().firstFailure().y();
        assertTrue((fx == 0 || fx == 42) && (fy == 0 || fy == 42), fx + ", " + fy);
        assertTrue(r.systemMttf().mttf() <= r.waferMttf().mttf());
        double fiveYears = 5 * Durations.YEAR;
        assertTrue(r.systemReliabilityAt(fiveYears) <= r.connector().population().reliability(fiveYears));
        assertEquals(ReliabilityEstimator.LIMITING_DIES, r.limitingDies().size());
        System.out.printf(java.util.Locale.ROOT, "default wafer: yield %.6f, spares left %.1f of %d, wafer-core MTTF %.1f y"
                        + " (rel. error %.1e), connector MTTF %.1f y, first connector failure %.1f y at [%d][%d],"
                        + " system R(1/3/5 y) = %.6f / %.6f / %.6f, dominant %s; %.0f ms%n",
                r.yield().waferYield(), r.yield().totalSparesLeft(), a.coreCount() - a.activeCoreCount(),
                Durations.years(r.waferMttf().mttf()), r.waferMttf().relativeError(),
                Durations.years(r.connector().population().mttf()), r.connector().firstFailureYears(), fy, fx,
                r.systemReliabilityAt(Durations.YEAR), r.systemReliabilityAt(3 * Durations.YEAR),
                r.systemReliabilityAt(fiveYears), r.dominantMechanism().key(), ms);
        r.notes().forEach(n -> System.out.println("  note: " + n));
    }

    /**
     * A connector that outlives the cores by orders of magnitude leaves the wafer's MTTF at the cores' own: the
     * system integral runs at the cores' times (their R remembered) and the connector factor is 1 there.
     */
    @Test
    void aConnectorOutlivingTheCoresLeavesTheWaferMttfAtTheCores() {
        CoreArray a = Wafers.smallWafer();
        CoreConditions cond = CoreConditions.of(Wafers.temperatures(a, 360, 10, 5));
        ReliabilityEstimator.Inputs in = new ReliabilityEstimator.Inputs(a, cond, ConnectorLoad.uniform(5, 5, 1e-7,
                320), ConnectorLoad.uniform(5, 5, 2e-7, 315), null);
        ReliabilityEstimator.Report r;
        try (Parallel par = new Parallel(2)) {
            r = ReliabilityEstimator.estimate(in, ReliabilityParameters.DEFAULT, par);
        }
        double cores = r.waferMttf().mttf();
        assertTrue(r.connector().population().mttf() > 1e6 * cores, r.connector().population().mttf() + " s");
        assertEquals(cores, r.systemMttf().mttf(), 1e-15 * cores);
        assertEquals(r.waferMttf().evaluations(), r.systemMttf().evaluations());
    }
}
