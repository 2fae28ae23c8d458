package org.wafersim.run;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.errors.InputException;
import org.wafersim.io.ResultReader;
import org.wafersim.reliability.Durations;
import org.wafersim.reliability.LifetimeDistribution;
import org.wafersim.reliability.Mechanism;
import org.wafersim.reliability.ReliabilityParameters;
import org.wafersim.reliability.WearOutCalibration;
import org.wafersim.reliability.WearOutParameters;

/**
 * Reliability as part of a run (issue 6 wiring): the {@code /reliability} layout with units and plausible numbers,
 * the summary, monotonicity on the run level (a hotter package never lives longer, more spares never lower yield
 * or R(t)), a cycle run's swings, the mapping of the case block onto the library, and bad input (exit code 2).
 *
 * <p>The runs use the embedded coarse wafer (84 dies, 405,132 cores) on a 0.1-cell-per-core grid, and an NBTI
 * reference life shortened to 1 year at 105 °C, so that the cores wear out within the R(t) horizon and the curves
 * have something to show (with the calibrated defaults R stays 1 to many digits for decades).
 */
class ReliabilityRunTest {
    @TempDir Path dir;

    static final List<String> BASE = List.of("grid.cells_per_core=0.1", "analysis.reliability=true",
            "reliability.wear_out.nbti.reference_mttf=1 year", "reliability.horizon=16 years",
            "reliability.time_points=33");

    static CaseSpec spec(String builtin, String... sets) {
        List<String> o = new ArrayList<>(BASE);
        o.addAll(List.of(sets));
        return CaseLoader.builtin(builtin, o);
    }

    static CaseRun.Result run(String... sets) {
        return CaseRun.run(spec("wse-coarse", sets), 0, m -> { });
    }

    private static String[] cli(Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("run", "wse-coarse", "-q", "-o", out.toString()));
        for (String s : BASE) a.addAll(List.of("--set", s));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    // ------------------------------------------------------------------------------------------------ outputs

    @Test
    void resultFileAndSummaryHoldTheEstimate() throws Exception {
        Path out = dir.resolve("r.h5");
        var run = org.wafersim.cli.CliHarness.run(cli(out, "--json"));
        assertEquals(0, run.code(), run.err());
        int cores = 405_132, dies = 84;
        try (ResultReader r = ResultReader.open(out)) {
            var layout = org.wafersim.io.ResultLayoutInfo.read(out);
            Map<String, String> units = layout.units();
            Map<String, int[]> shapes = layout.shapes();
            String g = "/reliability/";
            assertEquals("h", units.get(g + "core_mttf"));
            assertEquals("1", units.get(g + "core_dominant_mechanism"));
            assertEquals("1", units.get(g + "die_reliability_at_design_life"));
            assertEquals("h", units.get(g + "time"));
            assertEquals("1", units.get(g + "wafer_reliability"));
            assertEquals("1", units.get(g + "die_reliability"));
            assertEquals("1", units.get(g + "die_yield"));
            assertArrayEquals(new int[]{cores}, shapes.get(g + "core_mttf"));
            assertArrayEquals(new int[]{dies}, shapes.get(g + "die_reliability_at_design_life"));
            assertArrayEquals(new int[]{33, dies}, shapes.get(g + "die_reliability"));
            assertFalse(units.keySet().stream().anyMatch(p -> p.contains("connector")), "no connector output");

            double[] t = r.read(g + "time").flat(), w = r.read(g + "wafer_reliability").flat();
            double[] dr = r.read(g + "die_reliability").flat();
            assertEquals(0, t[0]);
            assertEquals(16 * Durations.YEAR / 3600, t[32], 1e-6);
            assertEquals(1.0, w[0]);
            for (int k = 1; k < t.length; k++) {
                assertTrue(w[k] >= 0 && w[k] <= w[k - 1], "R_wafer falls with time at " + k);
                for (int d = 0; d < dies; d++) {
                    double v = dr[k * dies + d];
                    assertTrue(v >= 0 && v <= dr[(k - 1) * dies + d], "R_die " + d + " falls with time at " + k);
                    assertTrue(w[k] <= v + 1e-15, "the wafer is no more reliable than any die");
                }
            }
            // the shortened NBTI life shows: the wafer survives 5 years, not 16 (the transition is steep: NBTI's
            // lognormal sigma of 0.2 over 4,823 cores per die is nearly deterministic)
            assertTrue(w[10] > 0.9 && w[32] < 0.1, "R(5 y) " + w[10] + ", R(16 y) " + w[32]);
            for (double m : r.read(g + "core_mttf").flat()) assertTrue(m > 0);
            String[] names = (String[]) r.attribute(g + "core_dominant_mechanism", "mechanism_names");
            assertEquals(List.of("electromigration", "tddb", "nbti", "stress_migration", "thermal_cycling"),
                    List.of(names));
            for (double c : r.read(g + "core_dominant_mechanism").flat()) assertEquals(2, c);  // nbti everywhere

            Map<String, Object> a = r.attributes("/reliability");
            double yield = ((Number) a.get("yield")).doubleValue();
            assertTrue(yield > 0 && yield <= 1, "yield " + yield);
            double r1 = num(a, "reliability_at_1y"), r3 = num(a, "reliability_at_3y"), r5 = num(a, "reliability_at_5y");
            assertTrue(r1 <= 1 && r3 <= r1 && r5 <= r3 && r5 >= 0);
            assertEquals(r5, num(a, "reliability_at_design_life"), 0);        // design life = cycling.life = 5 years
            assertEquals(5 * Durations.YEAR / 3600, num(a, "design_life_h"), 1e-6);
            double mttf = num(a, "wafer_mttf_h");
            assertTrue(mttf > 5 * 8766 && mttf < 40 * 8766, "wafer MTTF " + mttf + " h");
            assertEquals("nbti", a.get("dominant_mechanism"));
            assertEquals(5, ((int[]) a.get("limiting_dies")).length);
            int worst = ((int[]) a.get("limiting_dies"))[0];
            double[] atLife = r.read(g + "die_reliability_at_design_life").flat();
            for (double v : atLife) assertTrue(atLife[worst] <= v);
            double left = num(a, "expected_spares_left");
            assertTrue(left > 0 && left <= 84 * 72, "spares left " + left);
            assertTrue(a.get("connector_fatigue").toString().contains("needs the connector strain of the mechanics"));
        }
        JsonNode j = new ObjectMapper().readTree(run.out());
        JsonNode ri = j.get("reliabilityInfo");
        assertNotNull(ri, run.out());
        assertTrue(ri.get("yield").asDouble() > 0);
        assertTrue(ri.get("wafer_mttf_h").asDouble() > 0);
        assertEquals("nbti", ri.get("dominant_mechanism").asText());
        assertEquals(5, ri.get("limiting_dies").size());
        assertTrue(ri.get("connector_fatigue").asText().startsWith("not evaluated"));
        assertTrue(j.get("stageSeconds").has("reliability"));
    }

    @Test
    void summaryTextHasTheReliabilityLines() {
        CaseRun.Result r = run();
        String text = r.summary().text();
        assertTrue(text.contains("reliability     yield "), text);
        assertTrue(text.contains("limiting dies   die "), text);
        assertTrue(text.contains("connector       fatigue not evaluated: needs the connector strain of the mechanics"), text);
        assertTrue(text.contains("note: wear-out: thermal_cycling not evaluated: a steady run"), text);
        assertFalse(r.reliability().cycleSwings());
        assertFalse(r.reliability().lifetimes().mechanisms().stream().anyMatch(m -> m.key().equals("thermal_cycling")));
        System.out.print(text);
    }

    // ----------------------------------------------------------------------------------------- monotonicity

    /** A hotter package (weaker coolant film, warmer inlet) never lengthens life: per core, per die, the wafer. */
    @Test
    void aHotterWaferNeverLivesLonger() {
        CaseRun.Result base = run();
        for (String hotter : List.of("cooling.coolant.h=14000 W/(m^2*K)", "cooling.coolant.inlet=40 degC")) {
            CaseRun.Result hot = run(hotter);
            ReliabilityRun.Outcome b = base.reliability(), h = hot.reliability();
            assertTrue(hot.summary().coreMaxC() > base.summary().coreMaxC(), hotter);
            assertTrue(h.waferMttf() < b.waferMttf(), hotter + ": MTTF " + h.waferMttf() + " vs " + b.waferMttf());
            double[] rb = b.curve().waferReliability(), rh = h.curve().waferReliability();
            for (int k = 0; k < rb.length; k++) assertTrue(rh[k] <= rb[k], hotter + ": R(t) at " + k);
            for (int i = 0; i < b.waferAtMilestones().length; i++) {
                assertTrue(h.waferAtMilestones()[i] <= b.waferAtMilestones()[i], hotter + ": milestone " + i);
            }
            int worse = 0;
            for (int c = 0; c < base.cores().coreCount(); c++) {
                if (h.lifetimes().rampMttf(c) > b.lifetimes().rampMttf(c)) worse++;
            }
            assertEquals(0, worse, hotter + ": cores whose MTTF grew in the hotter package");
            System.out.printf("%s: core max %.2f -> %.2f degC, wafer MTTF %.2f -> %.2f y%n", hotter,
                    base.summary().coreMaxC(), hot.summary().coreMaxC(), Durations.years(b.waferMttf()),
                    Durations.years(h.waferMttf()));
        }
    }

    /** More spare cores never lower the yield, the spares left or R(t). */
    @Test
    void moreSparesNeverLowerYieldOrReliability() {
        ReliabilityRun.Outcome prev = null;
        for (String fraction : List.of("0.002", "0.004", "0.015")) {
            ReliabilityRun.Outcome o = run("cores.spare_fraction=" + fraction,
                    "reliability.defect_density=2 /cm^2").reliability();
            System.out.printf("spare_fraction %s: yield %.6f, spares left %.1f, wafer MTTF %.2f y%n", fraction,
                    o.yield(), o.report().yield().totalSparesLeft(), Durations.years(o.waferMttf()));
            assertTrue(o.yield() > 0 && o.yield() <= 1);
            if (prev != null) {
                assertTrue(o.yield() >= prev.yield(), fraction + ": yield");
                assertTrue(o.report().yield().totalSparesLeft() > prev.report().yield().totalSparesLeft());
                assertTrue(o.waferMttf() >= prev.waferMttf(), fraction + ": MTTF");
                double[] r = o.curve().waferReliability(), p = prev.curve().waferReliability();
                for (int k = 0; k < r.length; k++) assertTrue(r[k] >= p[k], fraction + ": R(t) at " + k);
                for (int i = 0; i < o.waferAtMilestones().length; i++) {
                    assertTrue(o.waferAtMilestones()[i] >= prev.waferAtMilestones()[i], fraction + ": milestone " + i);
                }
            }
            prev = o;
        }
        assertTrue(prev.yield() > 0.999, "1.5 % spares absorb 2 defects/cm^2: " + prev.yield());
    }

    // ------------------------------------------------------------------------------------------- cycle run

    @Test
    void aCycleRunAgesTheCoresAtTheirCycleMeanWithTheirSwings() {
        CaseSpec s = spec("wse-cycle");
        CaseRun.Result r = CaseRun.run(s, 0, m -> { });
        ReliabilityRun.Outcome o = r.reliability();
        assertTrue(o.cycleSwings());
        assertTrue(o.lifetimes().mechanisms().stream().anyMatch(m -> m.key().equals("thermal_cycling")));
        assertEquals(4, o.parameters().dutyCycle().cyclesPerDay(), 0);
        // the conditions are the cycle-mean temperatures: NBTI's MTTF follows them by Arrhenius
        TransientRun.Outcome tr = r.transientOutcome();
        Mechanism.ArrheniusLife nbti = o.parameters().wearOut().nbti();
        int nbtiIndex = o.lifetimes().mechanisms().indexOf(nbti);
        for (int c : new int[]{0, 123_456, 405_131}) {
            double expected = nbti.mttf(tr.coreMeanC()[c] + 273.15, Double.NaN, Double.NaN, 1, o.parameters().dutyCycle());
            assertEquals(expected, o.lifetimes().mttf(nbtiIndex, c), expected * 1e-12);
        }
        assertTrue(r.summary().text().contains("cycle-mean core temperatures"), r.summary().text());
    }

    // -------------------------------------------------------------------------------- parameters and bad input

    @Test
    void caseDefaultsAreTheLibraryDefaults() {
        CaseSpec s = CaseLoader.builtin("wse-coarse", List.of("analysis.reliability=true"));
        ReliabilityParameters p = s.reliabilitySpec().parameters();
        ReliabilityParameters d = ReliabilityParameters.DEFAULT;
        assertEquals(d.defectDensity(), p.defectDensity(), 1e-9);
        assertEquals(d.defectModel(), p.defectModel());
        assertEquals(d.clusteringAlpha(), p.clusteringAlpha(), 0);
        assertEquals(d.spareAccounting(), p.spareAccounting());
        assertEquals(d.designLife(), p.designLife(), 1e-3);
        assertEquals(d.curvePoints(), p.curvePoints());
        assertEquals(d.curveHorizon(), p.curveHorizon(), 1e-3);
        assertEquals(d.wearOut(), p.wearOut());
        assertEquals(d.dutyCycle().cyclesPerDay(), p.dutyCycle().cyclesPerDay(), 0);
        // the off/on power cycle of reference-data D.6 (1 per week): it fatigues the connector when the mechanics
        // runs (the run drops it without the mechanics, see ConnectorFatigueRunTest)
        assertEquals(d.dutyCycle().offCyclesPerWeek(), p.dutyCycle().offCyclesPerWeek(), 0);
        // connector_elastomer's constants are the library defaults; the case's technology (spring by default) sets the
        // fatigue model, and the solder technology is exactly the library's default Engelmaier joint
        assertEquals(d.connector().withModel(p.connector().model()), p.connector());
        assertEquals("spring", p.connector().model().technology());
        CaseSpec solder = CaseLoader.builtin("wse-coarse", List.of("analysis.reliability=true",
                "connector.technology=solder"));
        assertEquals(d.connector(), solder.reliabilitySpec().parameters().connector());
    }

    @Test
    void overridesMapOntoTheLibrary() {
        CaseSpec s = CaseLoader.builtin("wse-coarse", List.of("analysis.reliability=true",
                "reliability.clustering=negative_binomial", "reliability.alpha=2",
                "reliability.spares_after_manufacturing=true",
                "reliability.wear_out.electromigration.activation_energy=0.8 eV",
                "reliability.wear_out.tddb.weibull_shape=2",
                "reliability.wear_out.nbti.reference_mttf=20 years",
                "reliability.wear_out.nbti.reference_temperature=125 degC",
                "reliability.wear_out.stress_migration.enabled=false"));
        ReliabilityParameters p = s.reliabilitySpec().parameters();
        assertEquals(ReliabilityParameters.DefectModel.NEGATIVE_BINOMIAL, p.defectModel());
        assertEquals(2, p.clusteringAlpha(), 0);
        assertEquals(ReliabilityParameters.SpareAccounting.AFTER_MANUFACTURING_REPAIR, p.spareAccounting());
        WearOutParameters w = p.wearOut(), d = WearOutParameters.DEFAULT;
        assertEquals(0.8, w.electromigration().activationEnergyEv(), 1e-12);
        assertEquals(d.electromigration().referenceMttf(), w.electromigration().referenceMttf(), 0);
        // a new shape without a reference life: recalibrated to the same qualification target
        assertEquals(2, w.tddb().shape(), 0);
        assertEquals(WearOutCalibration.referenceMttf(LifetimeDistribution.weibull(2)), w.tddb().referenceMttf(), 0);
        assertNotEquals(d.tddb().referenceMttf(), w.tddb().referenceMttf());
        assertEquals(20 * Durations.YEAR, w.nbti().referenceMttf(), 1e-3);
        assertEquals(398.15, w.nbti().referenceTemperatureK(), 1e-9);
        assertFalse(w.stressMigration().enabled());
        assertEquals(d.thermalCycling(), w.thermalCycling());
    }

    @Test
    void theLibraryChecksRunWhenTheCaseIsReadAndNameTheCaseFile() throws Exception {
        // 100 degC is a valid temperature on its own (the key table's check), but below the default 105 degC
        // reference of the library: the library's record refuses it while the reader builds it, before any solve
        Path c = dir.resolve("case.yaml");
        Files.writeString(c, CaseLoader.builtinText("wse-coarse")
                + "\nreliability:\n  wear_out:\n    stress_migration: {stress_free_temperature: \"100 degC\"}\n");
        InputException e = assertThrows(InputException.class,
                () -> CaseLoader.load(c, List.of("analysis.reliability=true")));
        assertEquals(c.toString(), e.source());
        assertEquals("reliability.wear_out.stress_migration.stress_free_temperature", e.keyPath());
    }

    @Test
    void badReliabilityInputIsExitCodeTwo() throws Exception {
        Path out = dir.resolve("x.h5");
        for (String[] bad : new String[][]{
                {"reliability.defect_density=-0.1 /cm^2", "reliability.defect_density", "must be >= 0"},
                {"reliability.wear_out.tddb.weibull_shape=0", "reliability.wear_out.tddb.weibull_shape", "must be > 0"},
                {"cycling.per_day=0", "cycling.per_day", "must be > 0"}}) {
            var run = org.wafersim.cli.CliHarness.run(cli(out, "--set", bad[0]));
            int code = run.code();
            String err = run.err();
            assertEquals(2, code, err);
            String line = err.strip();
            assertEquals(1, line.lines().count(), line);
            assertTrue(line.contains(bad[1] + ": ") && line.contains(bad[2]), line);
            assertTrue(line.contains("--set " + bad[0]), line);
            assertFalse(Files.exists(out));
        }
    }

    private static double num(Map<String, Object> a, String k) {
        Object v = a.get(k);
        assertNotNull(v, "attribute " + k);
        return ((Number) v).doubleValue();
    }
}
