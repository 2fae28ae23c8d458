package org.wafersim.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.reliability.LifetimeDistribution;
import org.wafersim.reliability.LifetimeDistribution.Kind;
import org.wafersim.reliability.Mechanism;
import org.wafersim.reliability.ReliabilityParameters;
import org.wafersim.reliability.ReliabilityParameters.DefectModel;
import org.wafersim.reliability.ReliabilityParameters.SpareAccounting;
import org.wafersim.reliability.WearOutCalibration;
import org.wafersim.reliability.WearOutParameters;

/**
 * The {@code reliability} block: defaults (and when they appear in the resolved case), every key, the wear-out
 * mechanisms built over the library's defaults. Bad input to the block is a table: solver's {@code bad-input.yaml} (BadInputTableTest).
 */
class ReliabilityKeysTest {
    static final double YEAR = 365.25 * 86400;

    static final String ON = "analysis: {reliability: true}\n";

    @TempDir
    Path dir;

    private CaseSpec load(String more, String... overrides) {
        return SmallCase.WAFER.load(dir, more, overrides);
    }

    private static void roundTrips(CaseSpec c) {
        assertEquals(c.reliabilitySpec(), SmallCase.readBack(c).reliabilitySpec());
    }

    // ------------------------------------------------------------------------------------------------ defaults

    @Test
    void defaultsWithoutTheBlockAndNoBlockInTheResolvedText() throws IOException {
        CaseSpec c = load("");
        ReliabilityParameters r = c.reliabilitySpec().parameters();
        assertFalse(c.analysis().reliability());
        assertEquals(900, r.defectDensity(), 1e-9);                  // 0.09 /cm^2
        assertEquals(DefectModel.POISSON, r.defectModel());
        assertEquals(SpareAccounting.ALL_SPARES, r.spareAccounting());
        assertEquals(5 * YEAR, r.designLife(), 1e-3);
        assertEquals(101, r.curvePoints());
        assertEquals(10 * YEAR, r.curveHorizon(), 1e-3);
        assertEquals(WearOutParameters.DEFAULT, r.wearOut());
        assertEquals(4, r.dutyCycle().cyclesPerDay(), 0);            // cycling.per_day
        assertEquals(1, r.dutyCycle().offCyclesPerWeek(), 0);        // reliability.connector.power_cycles_per_week
        assertEquals(1e-3, c.reliabilitySpec().pitch(), 0);
        assertEquals(List.of(), c.reliabilitySpec().connectorOverrides());
        assertFalse(c.resolvedText().contains("\nreliability:"), c.resolvedText());
        roundTrips(c);
    }

    @Test
    void reliabilityRunWritesTheDefaults() throws IOException {
        CaseSpec c = load(ON);
        assertTrue(c.analysis().reliability());
        assertEquals(load("").reliabilitySpec(), c.reliabilitySpec());
        String t = c.resolvedText();
        for (String s : List.of("\nreliability:", "defect_density: 0.09 /cm^2", "clustering: poisson",
                "spares_after_manufacturing: false", "design_life: 5 years", "time_points: 101", "horizon: 10 year")) {
            assertTrue(t.contains(s), "expected '" + s + "' in:\n" + t);
        }
        assertFalse(t.contains("wear_out"), t);
        assertFalse(t.contains("alpha"), t);
        roundTrips(c);
    }

    @Test
    void designLifeFollowsTheCyclingLife() throws IOException {
        CaseSpec c = load(ON + "cycling: {life: \"3 years\"}");
        assertEquals(3 * YEAR, c.reliabilitySpec().designLife(), 1e-3);
        assertEquals(6 * YEAR, c.reliabilitySpec().parameters().curveHorizon(), 1e-3);
        roundTrips(c);
    }

    @Test
    void everyTopLevelKeyIsRead() throws IOException {
        CaseSpec c = load(ON + """
                reliability:
                  defect_density: "0.2 /cm^2"
                  clustering: negative_binomial
                  alpha: 2.5
                  spares_after_manufacturing: true
                  design_life: "7 years"
                  time_points: 21
                  horizon: "20 years"
                  non_redundant_area: "20 mm^2"
                """);
        ReliabilityParameters r = c.reliabilitySpec().parameters();
        assertEquals(2000, r.defectDensity(), 1e-9);
        assertEquals(DefectModel.NEGATIVE_BINOMIAL, r.defectModel());
        assertEquals(2.5, r.clusteringAlpha(), 0);
        assertEquals(SpareAccounting.AFTER_MANUFACTURING_REPAIR, r.spareAccounting());
        assertEquals(7 * YEAR, r.designLife(), 1e-3);
        assertEquals(21, r.curvePoints());
        assertEquals(20 * YEAR, r.curveHorizon(), 1e-3);
        assertEquals(20e-6, r.nonRedundantArea(), 1e-18);
        roundTrips(c);
    }

    @Test
    void negativeBinomialDefaultsAlpha() throws IOException {
        CaseSpec c = load(ON + "reliability: {clustering: negative_binomial}");
        assertEquals(3.0, c.reliabilitySpec().parameters().clusteringAlpha(), 0);
        assertTrue(c.resolvedText().contains("alpha: 3"), c.resolvedText());
        roundTrips(c);
    }

    @Test
    void wearOutOverridesAreReadAndOnlyTheGivenOnesWritten() throws IOException {
        CaseSpec c = load(ON + """
                reliability:
                  wear_out:
                    electromigration: {activation_energy: "0.8 eV", current_exponent: 1.5, lognormal_sigma: 0.5}
                    tddb: {weibull_shape: 2, reference_mttf: "1e6 years", reference_temperature: "125 degC"}
                    nbti: {enabled: false}
                    stress_migration: {exponent: 3, stress_free_temperature: "250 degC"}
                    thermal_cycling: {exponent: 5, weibull_shape: 2.5, reference_cycles: 50000, reference_swing: "100 K"}
                """);
        WearOutParameters w = c.reliabilitySpec().parameters().wearOut();
        Mechanism.Electromigration em = w.electromigration();
        assertEquals(0.8, em.activationEnergyEv(), 1e-12);
        assertEquals(1.5, em.currentExponent(), 0);
        assertEquals(Kind.LOGNORMAL, em.distributionKind());
        assertEquals(0.5, em.shape(), 0);
        assertTrue(em.enabled());
        // a new spread without a new reference life: recalibrated to the library's qualification target
        assertEquals(WearOutCalibration.referenceMttf(LifetimeDistribution.lognormal(0.5)), em.referenceMttf(), 0);
        Mechanism.ArrheniusLife tddb = w.tddb();
        assertEquals(Kind.WEIBULL, tddb.distributionKind());
        assertEquals(2, tddb.shape(), 0);
        assertEquals(0.7, tddb.activationEnergyEv(), 0);                 // the library's default stays
        assertEquals(1e6 * YEAR, tddb.referenceMttf(), 1e6 * YEAR * 1e-12);
        assertEquals(398.15, tddb.referenceTemperatureK(), 1e-9);
        assertEquals(Mechanism.ArrheniusLife.NBTI.withEnabled(false), w.nbti());
        Mechanism.StressMigration sm = w.stressMigration();
        assertEquals(3, sm.exponent(), 0);
        assertEquals(523.15, sm.stressFreeTemperatureK(), 1e-9);
        Mechanism.ThermalCycling tc = w.thermalCycling();
        assertEquals(5, tc.exponent(), 0);
        assertEquals(50000, tc.referenceCycles(), 0);
        assertEquals(100, tc.referenceSwingK(), 1e-12);
        String t = c.resolvedText();
        assertTrue(t.contains("activation_energy: 0.8 eV"), t);
        // only the given overrides: one reference_mttf (tddb's), no calibrated defaults written out
        assertEquals(1, t.split("reference_mttf", -1).length - 1, t);
        roundTrips(c);
    }

    @Test
    void overridesReachTheBlock() throws IOException {
        CaseSpec c = load("", "analysis.reliability=true", "reliability.defect_density=0.5 /cm^2",
                "reliability.wear_out.tddb.weibull_shape=1.1");
        assertEquals(5000, c.reliabilitySpec().parameters().defectDensity(), 1e-9);
        assertEquals(1.1, c.reliabilitySpec().parameters().wearOut().tddb().shape(), 0);
    }

    @Test
    void aSteadyRunWithoutReliabilityStillChecksTheBlock() throws IOException {
        CaseSpec c = load("reliability: {defect_density: \"0.1 /cm^2\"}");
        assertFalse(c.analysis().reliability());
        assertEquals(1000, c.reliabilitySpec().parameters().defectDensity(), 1e-9);     // a bad one is refused: bad-input.yaml
    }

    @Test
    void cycleRunsMayEstimateReliability() throws IOException {
        CaseSpec c = load("analysis: {thermal: cycle, reliability: true}");
        assertTrue(c.analysis().reliability());
    }

    // ----------------------------------------------------------------------------------------------- bad input

    @Test
    void activationEnergyIsAnEnergyInEv() throws IOException {
        assertEquals(0.9, load(ON + "reliability: {wear_out: {electromigration: {activation_energy: \"900 meV\"}}}")
                .reliabilitySpec().parameters().wearOut().electromigration().activationEnergyEv(), 1e-12);
    }

}
