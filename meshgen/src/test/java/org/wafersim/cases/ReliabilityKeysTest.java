package org.wafersim.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cases.ReliabilitySpec.Clustering;
import org.wafersim.cases.ReliabilitySpec.Distribution;
import org.wafersim.cases.ReliabilitySpec.MechanismSpec;

/**
 * The {@code reliability} block: defaults (and when they appear in the resolved case), every key, the wear-out
 * overrides. Bad input to the block is a table: solver's {@code bad-input.yaml} (BadInputTableTest).
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
        ReliabilitySpec r = c.reliabilitySpec();
        assertFalse(c.analysis().reliability());
        assertEquals(ReliabilitySpec.defaults(), r);
        assertEquals(900, r.defectDensity(), 1e-9);                  // 0.09 /cm^2
        assertEquals(Clustering.POISSON, r.clustering());
        assertFalse(r.sparesAfterManufacturing());
        assertEquals(5 * YEAR, r.designLife(), 1e-3);
        assertEquals(101, r.timePoints());
        assertEquals(10 * YEAR, r.horizon(), 1e-3);
        assertEquals(Map.of(), r.wearOut());
        assertFalse(c.resolvedText().contains("\nreliability:"), c.resolvedText());
        roundTrips(c);
    }

    @Test
    void reliabilityRunWritesTheDefaults() throws IOException {
        CaseSpec c = load(ON);
        assertTrue(c.analysis().reliability());
        assertEquals(ReliabilitySpec.defaults(), c.reliabilitySpec());
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
        assertEquals(6 * YEAR, c.reliabilitySpec().horizon(), 1e-3);
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
        ReliabilitySpec r = c.reliabilitySpec();
        assertEquals(2000, r.defectDensity(), 1e-9);
        assertEquals(Clustering.NEGATIVE_BINOMIAL, r.clustering());
        assertEquals(2.5, r.alpha(), 0);
        assertTrue(r.sparesAfterManufacturing());
        assertEquals(7 * YEAR, r.designLife(), 1e-3);
        assertEquals(21, r.timePoints());
        assertEquals(20 * YEAR, r.horizon(), 1e-3);
        assertEquals(20e-6, r.nonRedundantArea(), 1e-18);
        roundTrips(c);
    }

    @Test
    void negativeBinomialDefaultsAlpha() throws IOException {
        CaseSpec c = load(ON + "reliability: {clustering: negative_binomial}");
        assertEquals(3.0, c.reliabilitySpec().alpha(), 0);
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
        Map<String, MechanismSpec> w = c.reliabilitySpec().wearOut();
        assertEquals(List.copyOf(ReliabilitySpec.MECHANISMS), List.copyOf(w.keySet()));
        MechanismSpec em = w.get("electromigration");
        assertEquals(0.8, em.activationEnergyEv(), 1e-12);
        assertEquals(1.5, em.currentExponent(), 0);
        assertEquals(Distribution.LOGNORMAL, em.distribution());
        assertEquals(0.5, em.shape(), 0);
        assertNull(em.enabled());
        assertNull(em.referenceLife());
        MechanismSpec tddb = w.get("tddb");
        assertEquals(Distribution.WEIBULL, tddb.distribution());
        assertEquals(2, tddb.shape(), 0);
        assertEquals(1e6 * YEAR, tddb.referenceLife(), 1e6 * YEAR * 1e-12);
        assertEquals(398.15, tddb.referenceCondition(), 1e-9);
        assertEquals(new MechanismSpec(false, null, null, null, null, null, null, null, null), w.get("nbti"));
        MechanismSpec sm = w.get("stress_migration");
        assertEquals(3, sm.exponent(), 0);
        assertEquals(523.15, sm.stressFreeTemperature(), 1e-9);
        MechanismSpec tc = w.get("thermal_cycling");
        assertEquals(5, tc.exponent(), 0);
        assertEquals(50000, tc.referenceLife(), 0);
        assertEquals(100, tc.referenceCondition(), 1e-12);
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
        assertEquals(5000, c.reliabilitySpec().defectDensity(), 1e-9);
        assertEquals(1.1, c.reliabilitySpec().wearOut().get("tddb").shape(), 0);
    }

    @Test
    void aSteadyRunWithoutReliabilityStillChecksTheBlock() throws IOException {
        CaseSpec c = load("reliability: {defect_density: \"0.1 /cm^2\"}");
        assertFalse(c.analysis().reliability());
        assertEquals(1000, c.reliabilitySpec().defectDensity(), 1e-9);     // a bad one is refused: bad-input.yaml
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
                .reliabilitySpec().wearOut().get("electromigration").activationEnergyEv(), 1e-12);
    }

}
