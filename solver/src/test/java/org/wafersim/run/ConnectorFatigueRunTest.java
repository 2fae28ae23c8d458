package org.wafersim.run;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.io.ResultReader;
import org.wafersim.mechanics.MechanicsState;
import org.wafersim.mechanics.PlateMesh;
import org.wafersim.errors.InputException;
import org.wafersim.reliability.ConnectorFatigue;
import org.wafersim.reliability.ConnectorLoad;
import org.wafersim.reliability.ConnectorParameters;
import org.wafersim.reliability.ConnectorPopulation;
import org.wafersim.reliability.Durations;
import org.wafersim.reliability.DutyCycle;
import org.wafersim.reliability.ReliabilityParameters;

/**
 * Connector fatigue in a run (issue 6 item 1) on the strain of the mechanics (issue 5): the per-point numbers are
 * Engelmaier's formula for that point's strain range, mean temperature and frequency, combined by Miner's rule; the
 * first failure is at a wafer corner; the monotonicity that holds for a compliant connector; the HDF5 maps with
 * units; the summary; bad input for the new keys.
 *
 * <p>The runs use the embedded coarse wafer on a 0.1-cell-per-core thermal grid and a 10 mm mechanics spacing
 * (26 x 26 plate elements), which keeps each run to seconds; the corners are still resolved as the most strained
 * elements. They pin the solder (Engelmaier) technology whose numbers they check; the spring contact of the default
 * case is tested in {@link SpringConnectorRunTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectorFatigueRunTest {
    private static final double KELVIN = 273.15;
    static final List<String> BASE = List.of("grid.cells_per_core=0.1", "analysis.mechanics=true",
            "analysis.reliability=true", "mechanics.spacing=10 mm", "connector.technology=solder");

    @TempDir Path dir;
    private CaseRun.Result base;

    static CaseSpec spec(String... sets) {
        List<String> o = new ArrayList<>(BASE);
        o.addAll(List.of(sets));
        return CaseLoader.builtin("wse-coarse", o);
    }

    static CaseRun.Result run(String... sets) {
        return CaseRun.run(spec(sets), 0, m -> { });
    }

    @BeforeAll
    void runBase() {
        base = run();
    }

    // ------------------------------------------------------------------------------------------ the formula

    /** N_f = ½·(Δγ/2ε_f')^(1/c), c = c0 + c_T·T[°C] + c_f·ln(1 + f), written out here, at every connector point. */
    @Test
    void perPointNumbersAreEngelmaiersFormula() {
        ReliabilityRun.Outcome o = base.reliability();
        ReliabilityRun.ConnectorMap c = o.connector();
        assertNotNull(c, "connector fatigue evaluated");
        MechanicsRun.Outcome mech = base.mechanics();
        MechanicsState full = mech.state("full"), idle = mech.state("idle");
        PlateMesh mesh = mech.model().model().mesh();
        ConnectorParameters k = o.parameters().connector();
        // the defaults of connector_elastomer (IPC-SM-785 solder values for its contacts)
        assertEquals(0.325, k.ductilityCoefficient(), 0);
        assertEquals(-0.442, k.c0(), 0);
        assertEquals(-6e-4, k.cPerKelvin(), 0);
        assertEquals(1.74e-2, k.cLogFrequency(), 0);
        DutyCycle d = o.parameters().dutyCycle();
        assertEquals(4, d.cyclesPerDay(), 0);        // cycling.per_day
        assertEquals(1, d.offCyclesPerWeek(), 0);    // reliability.connector.power_cycles_per_week default (D.6)
        double t0 = spec().mechanics().stressFree();
        double fA = 4, fB = 1;     // power cycle 1/7 per day, clamped to the guideline's 1 per day
        double[] gxf = full.connectorShearStrainXz(), gyf = full.connectorShearStrainYz(), tf = full.connectorTemperature();
        double[] gxi = idle.connectorShearStrainXz(), gyi = idle.connectorShearStrainYz(), ti = idle.connectorTemperature();
        int points = 0;
        for (int j = 0; j < mesh.ny; j++) {
            for (int i = 0; i < mesh.nx; i++) {
                int e = mesh.element(i, j);
                assertEquals(full.connectorAt(e), c.present()[e]);
                if (!c.present()[e]) {
                    assertEquals(Double.POSITIVE_INFINITY, c.fatigue().lifeSeconds()[j][i]);
                    continue;
                }
                points++;
                double dgA = Math.hypot(gxf[e] - gxi[e], gyf[e] - gyi[e]), tA = 0.5 * (tf[e] + ti[e]);
                double dgB = Math.hypot(gxf[e], gyf[e]), tB = 0.5 * (tf[e] + t0);
                double nA = engelmaier(dgA, tA, fA), nB = engelmaier(dgB, tB, fB);
                double life = 1 / (fA / 86400 / nA + fB / 7 / 86400 / nB);
                assertEquals(dgA, c.workloadRange()[j][i], 1e-15);
                assertEquals(dgB, c.offOnRange()[j][i], 1e-15);
                assertEquals(nA, c.fatigue().workloadCycles()[j][i], nA * 1e-12);
                assertEquals(nB, c.fatigue().offOnCycles()[j][i], nB * 1e-12);
                assertEquals(life, c.fatigue().lifeSeconds()[j][i], life * 1e-12);
            }
        }
        assertTrue(points > 0.6 * mesh.elements(), "connector points " + points + " of " + mesh.elements());
        // the power cycle (off = stress-free) has the larger range and fewer cycles to failure at the corner
        int x = c.fatigue().firstFailure().x(), y = c.fatigue().firstFailure().y();
        assertTrue(c.offOnRange()[y][x] > c.workloadRange()[y][x]);
        assertTrue(c.fatigue().offOnCycles()[y][x] < c.fatigue().workloadCycles()[y][x]);
    }

    private static double engelmaier(double dg, double tK, double perDay) {
        double c = -0.442 - 6e-4 * (tK - KELVIN) + 1.74e-2 * Math.log(1 + perDay);
        return 0.5 * Math.pow(dg / (2 * 0.325), 1 / c);
    }

    /** The first failure is the most strained point: a wafer corner (the largest distance from the centre). */
    @Test
    void theFirstFailureIsAtAWaferCorner() {
        ReliabilityRun.ConnectorMap c = base.reliability().connector();
        CaseSpec s = spec();
        double hx = 0.5 * s.wafer().sizeX(), hy = 0.5 * s.wafer().sizeY(), cx = c.waferCentreX(), cy = c.waferCentreY();
        double dnpMax = 0, spacing = 0.010;
        for (int j = 0; j < c.ny(); j++)
            for (int i = 0; i < c.nx(); i++)
                if (c.present()[j * c.nx() + i])
                    dnpMax = Math.max(dnpMax, Math.hypot(c.elementX()[i] - cx, c.elementY()[j] - cy));
        // within one element of a corner of the wafer, and at the largest DNP of any connector point
        assertEquals(hx, Math.abs(c.firstFailureX() - cx), spacing, "x " + c.firstFailureX());
        assertEquals(hy, Math.abs(c.firstFailureY() - cy), spacing, "y " + c.firstFailureY());
        assertEquals(dnpMax, c.firstFailureDnp(), 1e-12);
        // and it is the shortest life of the map
        double min = Double.POSITIVE_INFINITY;
        for (double[] row : c.fatigue().lifeSeconds()) for (double l : row) min = Math.min(min, l);
        assertEquals(min, c.firstFailureLife(), 0);
        System.out.printf("connector: first failure at (%.1f, %.1f) mm, DNP %.1f mm, %.4g years%n",
                1e3 * c.firstFailureX(), 1e3 * c.firstFailureY(), 1e3 * c.firstFailureDnp(),
                Durations.years(c.firstFailureLife()));
    }

    /** The connector is in series with the cores: R_wafer = R_cores·R_connector, and the MTTF is no longer. */
    @Test
    void theConnectorEntersTheWafersReliabilityInSeries() {
        ReliabilityRun.Outcome o = base.reliability();
        double[] cores = o.curve().waferReliability(), wafer = o.waferCurve(), t = o.curve().times();
        for (int k = 0; k < t.length; k++) {
            double rc = o.connector().fatigue().population().reliability(t[k]);
            assertEquals(cores[k] * rc, wafer[k], 1e-15);
        }
        for (int i = 0; i < o.milestoneTimes().length; i++) {
            double expected = o.report().systemReliabilityAt(o.milestoneTimes()[i]);
            assertEquals(expected, o.waferAtMilestones()[i], 1e-12 + 1e-9 * expected);
        }
        assertTrue(o.waferMttf() <= o.coresMttf());
        assertTrue(o.waferMttf() <= o.connector().fatigue().population().mttf() * (1 + 1e-6));
    }

    // ----------------------------------------------------------------------------------- contacts by area

    /**
     * Closed form: under a uniform load every contact has the same median life L, so a connector of area A with
     * pitch p is A/p² contacts and R(t) = exp[−ln2·(A/p²)·(t/L)^β] — on any mesh of it, uniform or not, and with
     * holes where the connector is absent (the area counted is the area present).
     */
    @Test
    void aUniformLoadGivesTheClosedFormOnAnyMesh() {
        double dg = 0.02, tK = 330, pitch = 1e-3, beta = 6;
        DutyCycle duty = new DutyCycle(4, 1);
        ConnectorParameters k = ConnectorParameters.DEFAULT;
        double nA = engelmaier(dg, tK, 4), nB = engelmaier(dg, tK, 1);
        double life = 1 / (4 / 86400.0 / nA + 1 / 7.0 / 86400 / nB);
        // 200 x 150 mm with a 40 x 30 mm hole at [60, 100] x [30, 60] mm: node lines through the hole's edges
        double area = 0.200 * 0.150 - 0.040 * 0.030;
        for (double spacing : new double[]{0.010, 0.005, 0.0037}) {
            PlateMesh mesh = PlateMesh.covering(new double[]{0, 0.060, 0.100, 0.200}, new double[]{0, 0.030, 0.060, 0.150},
                    spacing);
            boolean[] present = new boolean[mesh.elements()];
            for (int j = 0; j < mesh.ny; j++)
                for (int i = 0; i < mesh.nx; i++)
                    present[mesh.element(i, j)] = !(mesh.xc(i) > 0.060 && mesh.xc(i) < 0.100
                            && mesh.yc(j) > 0.030 && mesh.yc(j) < 0.060);
            double[][] n = org.wafersim.reliability.ConnectorLoads.contactsPerElement(mesh, present, pitch);
            double total = 0;
            for (double[] row : n) for (double v : row) total += v;
            assertEquals(area / (pitch * pitch), total, 1e-9 * total, "contacts at spacing " + spacing);
            ConnectorFatigue.Result f = ConnectorFatigue.evaluate(ConnectorLoad.uniform(mesh.ny, mesh.nx, dg, tK),
                    ConnectorLoad.uniform(mesh.ny, mesh.nx, dg, tK), duty, k, n);
            for (double years : new double[]{0.5, 1, 2}) {
                double t = years * Durations.YEAR;
                double expected = Math.exp(-Math.log(2) * total * Math.pow(t / life, beta));
                assertEquals(expected, f.population().reliability(t), 1e-12, spacing + " m, " + years + " y");
            }
            // as a Weibull of shape β: η = L·(ln2·A/p²)^(−1/β)
            double eta = life * Math.pow(Math.log(2) * area / (pitch * pitch), -1 / beta);
            assertEquals(eta, f.population().characteristicLife(), 1e-12 * eta);
        }
    }

    /**
     * The connector's population no longer depends on the mechanics spacing. From 10 mm to 5 mm (26 x 26 to
     * 43 x 43 elements) the sum Σ_e n_e·L_e^(−β) is a midpoint rule for ∫ L^(−β) dA/p² over the connector; L^(−β) grows
     * steeply towards the corners (β = 6 on a life that falls as a high power of the DNP), and the strain field
     * itself converges with the mesh, so the sum is not exact at 10 mm: it changes by +2.0 % from 10 to 5 mm
     * (measured). The cumulative hazard −ln R(1 y) = (1 y/η)^β is proportional to the sum (R(1 y) itself underflows
     * to 0 on this case, so its logarithm is compared); the MTTF ∝ η ∝ sum^(−1/β) changes by a sixth of that
     * (−0.3 % measured). Tolerances: 12 % on the hazard (6x the measured change, room for another machine's
     * rounding of the factorisation and for the O(h²) error at 10 mm) and 2 % on the MTTF (the same bound divided
     * by β = 6). Counting each element as one contact, as before, the hazard would change by the ratio of the
     * element counts, (43/26)² ≈ 2.7, far outside. The first failure's life is the corner element's value, which
     * moves with the element's size (its centre moves half a spacing closer to the corner, a larger DNP and
     * strain): −3.3 % measured, asked within 10 %.
     */
    @Test
    void theConnectorPopulationDoesNotDependOnTheMechanicsSpacing() {
        CaseRun.Result fine = run("mechanics.spacing=5 mm");
        ReliabilityRun.ConnectorMap c10 = base.reliability().connector(), c5 = fine.reliability().connector();
        assertTrue(c5.nx() > 1.5 * c10.nx(), c5.nx() + " vs " + c10.nx());
        double m10 = c10.fatigue().population().mttf(), m5 = c5.fatigue().population().mttf();
        double h10 = hazard(c10, Durations.YEAR), h5 = hazard(c5, Durations.YEAR);
        double l10 = c10.firstFailureLife(), l5 = c5.firstFailureLife();
        System.out.printf("connector population, spacing 10 mm / 5 mm: MTTF %.5g / %.5g years (%+.2f %%), -ln R(1 y)"
                        + " %.5g / %.5g (%+.2f %%), first failure %.4g / %.4g years%n", Durations.years(m10),
                Durations.years(m5), 100 * (m5 / m10 - 1), h10, h5, 100 * (h5 / h10 - 1), Durations.years(l10),
                Durations.years(l5));
        assertEquals(m10, m5, 0.02 * m10, "population MTTF");
        assertEquals(h10, h5, 0.12 * h10, "cumulative hazard at 1 year");
        assertEquals(l10, l5, 0.10 * l10, "first-failure life");
        // the R at 1 year that the outputs report, and the wafer's MTTF (connector-limited here), agree as well
        assertEquals(c10.atMilestones()[0], c5.atMilestones()[0], 1e-12 + 0.12 * c10.atMilestones()[0]);
        assertEquals(base.reliability().waferMttf(), fine.reliability().waferMttf(), 0.02 * base.reliability().waferMttf());
    }

    /** −ln R_connector(t) = (t/η)^β, exact where R underflows. */
    private static double hazard(ReliabilityRun.ConnectorMap c, double t) {
        ConnectorPopulation p = c.fatigue().population();
        return Math.pow(t / p.characteristicLife(), p.shape());
    }

    /** The pitch is read (default 1 mm), changes the contact count as 1/p², and a bad pitch is an input error. */
    @Test
    void thePitchSetsTheContactCount() {
        assertEquals(1e-3, spec().reliabilitySpec().pitch(), 0);
        CaseSpec s = spec("reliability.connector.pitch=2 mm");
        assertEquals(2e-3, s.reliabilitySpec().pitch(), 1e-18);
        ReliabilityRun.Outcome o = ReliabilityRun.run(s, s.reliabilitySpec().parameters(), base.cores(),
                base.coreTemperature(), null, base.mechanics(), org.wafersim.linalg.Parallel.serial());
        // a quarter of the contacts: η grows by 4^(1/β)
        double beta = o.connector().fatigue().population().shape();
        assertEquals(Math.pow(4, 1 / beta), o.connector().fatigue().population().characteristicLife()
                / base.reliability().connector().fatigue().population().characteristicLife(), 1e-12);
        assertTrue(o.notes().stream().anyMatch(n -> n.contains("reliability.connector.pitch 2 mm")), o.notes().toString());
    }

    // ----------------------------------------------------------------------------------------- monotonicity

    /** More workload or power cycles per day never lengthen the life of any point (same strain, same states). */
    @Test
    void moreCyclesNeverLengthenLife() {
        CaseSpec s = spec();
        ReliabilityParameters p0 = s.reliabilitySpec().parameters();
        ReliabilityRun.Outcome prev = null;
        // the reliability stage alone on the base run's temperatures and mechanics: the frequency does not change
        // a steady state
        for (double[] f : new double[][]{{1, 1}, {4, 1}, {24, 1}, {24, 7}, {200, 7}, {1000, 30}}) {
            ReliabilityParameters p = p0.withDutyCycle(new DutyCycle(f[0], f[1]));
            ReliabilityRun.Outcome o = ReliabilityRun.run(s, p, base.cores(), base.coreTemperature(), null,
                    base.mechanics(), org.wafersim.linalg.Parallel.serial());
            if (prev != null) {
                double[][] l = o.connector().fatigue().lifeSeconds(), lp = prev.connector().fatigue().lifeSeconds();
                for (int j = 0; j < l.length; j++)
                    for (int i = 0; i < l[0].length; i++)
                        assertTrue(l[j][i] <= lp[j][i], f[0] + "/day, " + f[1] + "/week at [" + j + "][" + i + "]");
                assertTrue(o.connector().firstFailureLife() < prev.connector().firstFailureLife());
                assertTrue(o.connector().fatigue().population().mttf() < prev.connector().fatigue().population().mttf());
            }
            prev = o;
        }
    }

    /**
     * What "a softer connector never shortens connector life" means for a compliant connector. Its shear stiffness
     * is ~10^4 below silicon's, so the wafer and the board expand nearly freely and the connector's strain is
     * displacement-controlled: γ ≈ DNP·Δ(α·ΔT)/h. A lower shear modulus lets the two plates expand still more
     * freely, so the strain grows towards that free-mismatch limit and a strain-based life (Engelmaier) gets
     * slightly shorter, while the shear stress (the load the connector puts on the wafer and the board) falls. The
     * statement that holds is therefore about compliance by height: a thicker connector (the same material) takes
     * the same mismatch over a larger h, its strain falls and its life never shortens. Both are checked here.
     */
    @Test
    void aMoreCompliantConnectorNeverShortensLifeUnderDisplacementControl() {
        MechanicsState b = base.mechanics().state("full");
        ReliabilityRun.ConnectorMap cb = base.reliability().connector();

        // compliance by height: 2 mm instead of 1 mm
        CaseRun.Result thick = run("stack[3].thickness=2 mm");
        ReliabilityRun.ConnectorMap ct = thick.reliability().connector();
        assertEquals("connector", thick.mechanics().state("full").connectorLayer());
        assertTrue(thick.mechanics().state("full").maxConnectorShearStrain() < b.maxConnectorShearStrain());
        assertTrue(ct.firstFailureLife() > cb.firstFailureLife(), "thicker: " + ct.firstFailureLife() + " vs "
                + cb.firstFailureLife());
        assertTrue(ct.fatigue().population().mttf() > cb.fatigue().population().mttf());

        // a softer material (shear_modulus_through 1 MPa -> 0.3 MPa): less stress, strain towards the free limit
        CaseRun.Result soft = run("materials.soft_connector.base=connector_elastomer",
                "materials.soft_connector.shear_modulus_through=0.3 MPa", "stack[3].material=soft_connector");
        MechanicsState s = soft.mechanics().state("full");
        ReliabilityRun.ConnectorMap cs = soft.reliability().connector();
        double stressB = b.maxConnectorShearStrain() * 1.0e6, stressS = s.maxConnectorShearStrain() * 0.3e6;
        assertTrue(stressS < stressB, "softer connector, lower shear stress");
        assertTrue(s.maxConnectorShearStrain() >= b.maxConnectorShearStrain(), "strain towards the free mismatch");
        // bounded by the free-mismatch hand estimate (within the factor 1.5 that issue 5 allows for it)
        assertTrue(s.maxConnectorShearStrain() <= 1.5 * s.connectorHandEstimate());
        assertTrue(cs.firstFailureLife() <= cb.firstFailureLife());
        // nearly displacement-controlled: a 3.3x softer material changes the life by well under a factor of 2
        assertTrue(cs.firstFailureLife() > 0.5 * cb.firstFailureLife(), cs.firstFailureLife() + " vs "
                + cb.firstFailureLife());
        System.out.printf("connector life: base %.4g y, 2 mm %.4g y, G 0.3 MPa %.4g y (max strain %.4g, %.4g, %.4g)%n",
                Durations.years(cb.firstFailureLife()), Durations.years(ct.firstFailureLife()),
                Durations.years(cs.firstFailureLife()), b.maxConnectorShearStrain(),
                thick.mechanics().state("full").maxConnectorShearStrain(), s.maxConnectorShearStrain());
    }

    // --------------------------------------------------------------------------------------------- outputs

    @Test
    void resultFileHasTheConnectorMapsWithUnits() throws Exception {
        Path out = dir.resolve("c.h5");
        ResultLayout.of(base).writeAtomically(out, true);
        ReliabilityRun.ConnectorMap c = base.reliability().connector();
        try (ResultReader r = ResultReader.open(out)) {
            var layout = org.wafersim.io.ResultLayoutInfo.read(out);
            Map<String, String> units = layout.units();
            Map<String, int[]> shapes = layout.shapes();
            String g = "/reliability/";
            int[] map = {c.ny(), c.nx()};
            assertEquals("1", units.get(g + "connector_cycles_to_failure"));
            assertEquals("1", units.get(g + "connector_cycles_to_failure_power_cycle"));
            assertEquals("years", units.get(g + "connector_life"));
            assertEquals("1", units.get(g + "connector_strain_range"));
            assertEquals("degC", units.get(g + "connector_mean_temperature"));
            assertEquals("1", units.get(g + "connector_reliability"));
            assertArrayEquals(map, shapes.get(g + "connector_cycles_to_failure"));
            assertArrayEquals(map, shapes.get(g + "connector_life"));
            assertArrayEquals(new int[]{2, c.ny(), c.nx()}, shapes.get(g + "connector_strain_range"));
            // the maps lie on the mechanics' element centres
            assertArrayEquals(new int[]{c.nx()}, shapes.get("/mechanics/element_x"));
            assertEquals("workload: idle <-> full load", r.attribute(g + "connector_cycles_to_failure", "cycle"));

            double[] life = r.read(g + "connector_life").flat();
            int x = c.fatigue().firstFailure().x(), y = c.fatigue().firstFailure().y();
            double min = Double.POSITIVE_INFINITY;
            for (int e = 0; e < life.length; e++) {
                assertEquals(c.present()[e], !Double.isNaN(life[e]), "NaN exactly where there is no connector");
                if (!Double.isNaN(life[e])) min = Math.min(min, life[e]);
            }
            assertEquals(min, life[y * c.nx() + x], 0);
            Map<String, Object> a = r.attributes("/reliability");
            assertEquals(Durations.years(c.firstFailureLife()), num(a, "connector_life_years"), 1e-9);
            assertEquals(c.firstFailureX(), num(a, "connector_first_failure_x_m"), 0);
            assertEquals(c.firstFailureY(), num(a, "connector_first_failure_y_m"), 0);
            assertEquals(c.firstFailureDnp(), num(a, "connector_first_failure_dnp_m"), 0);
            assertEquals(c.firstFailureLife() * 4 / 86400, num(a, "connector_cycles_to_first_failure"), 1e-6);
            for (String k : List.of("connector_reliability_at_1y", "connector_reliability_at_3y",
                    "connector_reliability_at_5y")) {
                double v = num(a, k);
                assertTrue(v >= 0 && v <= 1, k + " " + v);
            }
            assertTrue(num(a, "connector_reliability_at_3y") <= num(a, "connector_reliability_at_1y"));
            assertTrue(a.get("connector_fatigue").toString().startsWith("evaluated"));
            assertEquals(Durations.hours(base.reliability().waferMttf()), num(a, "wafer_mttf_h"), 1e-6);
        }
        ReliabilitySummary.ConnectorSummary info = base.summary().reliabilityInfo().connector();
        assertNotNull(info);
        ReliabilityRun.ConnectorMap cm = base.reliability().connector();
        assertEquals(cm.firstFailureLife() * 4 / 86400, info.cyclesToFirstFailure(), 1e-6);
        assertEquals(Durations.years(cm.firstFailureLife()), info.lifeYears(), 0);
        String text = base.summary().text();
        assertTrue(text.contains("connector       fatigue evaluated"), text);
        assertTrue(text.contains("first failure at ("), text);
        assertTrue(text.contains("R_connector 1 y "), text);
    }

    /** Without the mechanics there is no strain: connector fatigue is not evaluated and the outputs say why. */
    @Test
    void withoutTheMechanicsConnectorFatigueIsNotEvaluated() {
        CaseRun.Result r = CaseRun.run(spec("analysis.mechanics=false"), 0, m -> { });
        assertNull(r.reliability().connector());
        assertEquals(ReliabilityRun.CONNECTOR_FATIGUE, r.reliability().connectorStatus());
        assertTrue(r.summary().text().contains("connector       fatigue not evaluated: needs the connector strain of"
                + " the mechanics (set analysis.mechanics: true)"), r.summary().text());
        assertEquals(r.reliability().coresMttf(), r.reliability().waferMttf(), 0);
        assertEquals(0, r.reliability().parameters().dutyCycle().offCyclesPerWeek(), 0);
    }

    // ---------------------------------------------------------------------------------------------- input

    @Test
    void connectorKeysMapOntoTheLibrary() {
        CaseSpec s = spec("reliability.connector.power_cycles_per_week=0.25",
                "reliability.connector.fatigue_ductility_coefficient=0.3", "reliability.connector.engelmaier_c0=-0.4",
                "reliability.connector.engelmaier_c_temperature=-5e-4 1/K",
                "reliability.connector.engelmaier_c_frequency=0.02", "reliability.connector.weibull_shape=4");
        ReliabilityParameters p = s.reliabilitySpec().parameters();
        assertEquals(0.25, p.dutyCycle().offCyclesPerWeek(), 0);
        ConnectorParameters c = p.connector();
        assertEquals(0.3, c.ductilityCoefficient(), 0);
        assertEquals(-0.4, c.c0(), 0);
        assertEquals(-5e-4, c.cPerKelvin(), 1e-18);
        assertEquals(0.02, c.cLogFrequency(), 0);
        assertEquals(4, c.weibullShape(), 0);
        // a case-defined connector material's own constants are used when not overridden
        CaseSpec m = spec("materials.my_connector.base=connector_elastomer",
                "materials.my_connector.fatigue_ductility_coefficient=0.5", "stack[3].material=my_connector");
        assertEquals(0.5, m.reliabilitySpec().parameters().connector().ductilityCoefficient(), 0);
    }

    @Test
    void badConnectorInputIsExitCodeTwo() throws Exception {
        Path out = dir.resolve("x.h5");
        for (String[] bad : new String[][]{
                {"reliability.connector.power_cycles_per_week=-1", "reliability.connector.power_cycles_per_week",
                        "power_cycles_per_week must be in [0, 168]"},
                {"reliability.connector.fatigue_ductility_coefficient=0",
                        "reliability.connector.fatigue_ductility_coefficient", "must be > 0"},
                {"reliability.connector.engelmaier_c0=0.1", "reliability.connector.engelmaier_c0", "must be < 0"},
                {"reliability.connector.engelmaier_c_temperature=-6e-4",
                        "reliability.connector.engelmaier_c_temperature", "missing unit"},
                {"reliability.connector.weibull_shape=-2", "reliability.connector.weibull_shape", "must be > 0"},
                {"reliability.connector.pitch=0 mm", "reliability.connector.pitch", "must be > 0"},
                {"reliability.connector.pitch=1", "reliability.connector.pitch", "missing unit"},
                // c = c0 + c_T*T + c_f*ln(1+f) >= 0: at 150 degC with c_T > 0, at -55 degC with a large c_f
                {"reliability.connector.engelmaier_c_temperature=0.01 1/K",
                        "reliability.connector.engelmaier_c_temperature", "is not negative"},
                {"reliability.connector.engelmaier_c_frequency=0.3", "reliability.connector.engelmaier_c_frequency",
                        "is not negative"},
                {"reliability.connector.cycles=3", "reliability.connector.cycles", "unknown key"}}) {
            List<String> a = new ArrayList<>(List.of("run", "wse-coarse", "-q", "-o", out.toString()));
            for (String s : BASE) a.addAll(List.of("--set", s));
            a.addAll(List.of("--set", bad[0]));
            var run = org.wafersim.cli.CliHarness.run(a.toArray(new String[0]));
            int code = run.code();
            String err = run.err();
            assertEquals(2, code, err);
            String line = err.strip();
            assertEquals(1, line.lines().count(), line);
            // the source: the case file for a bad value; an unknown key is refused while applying the override
            assertTrue(line.contains(bad[1].endsWith("cycles") ? "--set" : "built-in wse-coarse"), line);
            assertTrue(line.contains(bad[1] + ": ") && line.contains(bad[2]), line);
            assertFalse(Files.exists(out));
        }
    }

    /**
     * The exponent is checked again on the run's own joint temperatures (for a run hotter than the range checked
     * up front): constants valid up to 150 degC but not at 250 degC are an input error there, naming the key.
     */
    @Test
    void theExponentIsCheckedOnTheRunsTemperaturesToo() {
        // c(150 degC, 4/day) = -0.442 + 0.002*150 + 0.0174*ln 5 = -0.114; c(250 degC) = +0.086
        CaseSpec s = spec("reliability.connector.engelmaier_c_temperature=0.002 1/K");
        ReliabilityParameters p = s.reliabilitySpec().parameters();
        InputException e = assertThrows(InputException.class, () -> ReliabilityRun.checkExponent(
                s, p, KELVIN + 20, KELVIN + 250, "the run's mean joint temperatures"));
        assertEquals("reliability.connector.engelmaier_c_temperature", e.keyPath());
        assertEquals(s.source(), e.source());
        assertTrue(e.reason().contains("is not negative") && e.reason().contains("250.0 degC"), e.getMessage());
        // the base run's temperatures pass
        assertDoesNotThrow(() -> ReliabilityRun.run(s, p, base.cores(), base.coreTemperature(), null, base.mechanics(), org.wafersim.linalg.Parallel.serial()));
    }

    /** A connector material without fatigue constants: the IPC-SM-785 defaults, and the notes say so. */
    @Test
    void withoutMaterialFatigueConstantsTheNotesSayTheIpcDefaultsWereUsed() {
        assertTrue(base.reliability().notes().stream().noneMatch(n -> n.contains("IPC-SM-785 defaults")));
        CaseSpec s = spec("materials.plain_connector.base=fr4", "stack[3].material=plain_connector");
        ReliabilityParameters p = s.reliabilitySpec().parameters();
        assertEquals(ConnectorParameters.DEFAULT.fatigue(), p.connector().fatigue());
        ReliabilityRun.Outcome o = ReliabilityRun.run(s, p, base.cores(), base.coreTemperature(), null,
                base.mechanics(), org.wafersim.linalg.Parallel.serial());
        assertTrue(o.notes().stream().anyMatch(n -> n.contains("no fatigue constants: the IPC-SM-785 defaults were"
                + " used")), o.notes().toString());
    }

    private static double num(Map<String, Object> a, String k) {
        Object v = a.get(k);
        assertNotNull(v, "attribute " + k);
        return ((Number) v).doubleValue();
    }
}
