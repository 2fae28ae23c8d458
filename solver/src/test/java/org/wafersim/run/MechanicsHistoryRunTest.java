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
import org.wafersim.reliability.ConnectorRainflow;

/**
 * The mechanics along a cycle run ({@code mechanics.history}) and the connector fatigue counted on it: user output
 * times land exactly on the cycle (the history states equal the snapshot states at the same times, solved cold);
 * automatic times include the connector-temperature extremes; /mechanics/history with units; the rainflow damage
 * per point is {@link ConnectorRainflow} of the histories written to the file; bad output times are exit code 2.
 *
 * <p>wse-cycle on a 0.1-cell-per-core grid and a 10 mm mechanics mesh: the cycle is periodic after one period,
 * so the first cycle's snapshots are the periodic cycle's fields.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MechanicsHistoryRunTest {
    static final List<String> BASE = List.of("grid.cells_per_core=0.1", "analysis.mechanics=true",
            "analysis.reliability=true", "mechanics.spacing=10 mm");

    @TempDir Path dir;
    private CaseRun.Result auto, user;

    static CaseSpec spec(String... sets) {
        List<String> o = new ArrayList<>(BASE);
        o.addAll(List.of(sets));
        return CaseLoader.builtin("wse-cycle", o);
    }

    @BeforeAll
    void runBoth() {
        auto = CaseRun.run(spec(), 0, m -> { });
        // the snapshot times of wse-cycle (end of the ramp up, start and end of the ramp down) as output times
        user = CaseRun.run(spec("mechanics.history.times=[\"10 s\", \"4 h\", \"14410 s\"]"), 0, m -> { });
    }

    @Test
    void userTimesGiveTheSnapshotStatesAtTheSameTimes() {
        assertTrue(user.transientOutcome().periodic());
        assertEquals(1, user.transientOutcome().cycles());
        MechanicsHistory.Result h = user.mechanics().history();
        assertNotNull(h);
        assertFalse(h.automatic());
        assertArrayEquals(new double[] {10, 14400, 14410}, new double[] {h.phase(0), h.phase(1), h.phase(2)}, 1e-9);
        for (int k = 0; k < 3; k++) {
            MechanicsState snap = user.mechanics().state(String.format("snapshot_%04d", k));
            MechanicsState his = h.states().get(k);
            double[] a = snap.connectorShearStrainXz(), b = his.connectorShearStrainXz();
            double scale = snap.maxConnectorShearStrain();
            for (int e = 0; e < a.length; e++) {
                if (Double.isNaN(a[e])) continue;
                // both solved to a relative residual of 1e-10 (one warm-started, one from zero)
                assertEquals(a[e], b[e], 1e-8 * scale, "element " + e + " at output " + k);
            }
            assertEquals(snap.peakSiliconPrincipal(), his.peakSiliconPrincipal(), 1e-8 * snap.peakSiliconPrincipal());
        }
    }

    @Test
    void automaticTimesAreSixteenInsideTheCycleAndIncludeTheExtremes() {
        MechanicsHistory.Result h = auto.mechanics().history();
        assertTrue(h.automatic());
        assertEquals(16, h.size());
        double period = auto.spec().cycling().period();
        for (int k = 0; k < h.size(); k++) {
            assertTrue(h.phase(k) >= 0 && h.phase(k) < period, "phase " + h.phase(k));
            if (k > 0) assertTrue(h.phase(k) > h.phase(k - 1));
        }
        // the field changes most right after the two power steps: most outputs lie within 30 min of them
        int near = 0;
        double down = auto.spec().cycling().highTime();
        for (int k = 0; k < h.size(); k++) {
            double p = h.phase(k);
            if (p < 1800 || (p > down - 60 && p < down + 1800)) near++;
        }
        assertTrue(near >= 12, "outputs near the power steps: " + near);
        // the largest connector strain of the history is at least the steady full-load one's (the fields pass
        // through it and the transient overshoots it while the board lags the wafer)
        double hist = 0;
        for (MechanicsState s : h.states()) hist = Math.max(hist, s.maxConnectorShearStrain());
        assertTrue(hist >= 0.99 * auto.mechanics().state("full").maxConnectorShearStrain());
    }

    @Test
    void rainflowDamageIsTheCountOfTheWrittenHistories() throws Exception {
        Path out = dir.resolve("h.h5");
        ResultLayout.of(auto).writeAtomically(out, true);
        ReliabilityRun.Outcome o = auto.reliability();
        assertEquals(ReliabilityRun.CONNECTOR_RAINFLOW, o.connectorStatus());
        assertNotNull(o.rainflow());
        PlateMesh mesh = auto.mechanics().model().model().mesh();
        try (ResultReader r = ResultReader.open(out)) {
            var info = org.wafersim.io.ResultLayoutInfo.read(out);
            Map<String, String> units = info.units();
            String g = "/mechanics/history/";
            assertEquals("s", units.get(g + "time"));
            assertEquals("1", units.get(g + "connector_shear_strain_xz"));
            assertEquals("degC", units.get(g + "connector_temperature"));
            assertEquals("m", units.get(g + "wafer_warpage_pv"));
            assertEquals("Pa", units.get(g + "silicon_peak_principal_stress"));
            assertEquals("1", units.get("/reliability/connector_damage_per_cycle"));
            assertArrayEquals(new int[] {16, mesh.ny, mesh.nx}, info.shapes().get(g + "connector_shear_strain_xz"));
            double[] gx = r.read(g + "connector_shear_strain_xz").flat(), gy = r.read(g + "connector_shear_strain_yz").flat();
            double[] tc = r.read(g + "connector_temperature").flat();
            double[] dmg = r.read("/reliability/connector_damage_per_cycle").flat();
            var ff = o.connector().fatigue().firstFailure();
            int ne = mesh.elements(), n = 16;
            var p = o.parameters();
            double hLayer = auto.mechanics().model().model().layers().get(auto.spec().waferLayerIndex() + 1).thickness();
            for (int e : new int[] {mesh.element(ff.x(), ff.y()), mesh.element(mesh.nx / 2, mesh.ny / 2),
                    mesh.element(3, mesh.ny - 5)}) {
                double[] a = new double[n], b = new double[n], t = new double[n];
                for (int k = 0; k < n; k++) {
                    a[k] = gx[k * ne + e];
                    b[k] = gy[k * ne + e];
                    t[k] = tc[k * ne + e] + 273.15;
                }
                double d = ConnectorRainflow.point(new ConnectorRainflow.History(a, b, t), 298.15,
                        (x, tk, f) -> p.connector().model().cyclesToFailureOfLayerShear(x, hLayer, tk, f),
                        p.dutyCycle()).workloadDamage();
                assertEquals(d, dmg[e], 1e-12 * d, "element " + e);
            }
        }
        ReliabilitySummary s = ReliabilitySummary.of(o, auto.cores());
        assertEquals(o.rainflow().twoState().firstFailureYears(), s.connector().rainflow().twoStateLifeYears(), 0);
        assertTrue(s.text().contains("the two-state estimate gives"), s.text());
    }

    @Test
    void badOutputTimesAreExitCodeTwo() {
        Path out = dir.resolve("x.h5");
        for (String[] bad : new String[][]{
                {"wse-cycle", "mechanics.history.times=[\"1 h\", \"7 h\"]", "mechanics.history.times", "outside the run"},
                {"wse-cycle", "mechanics.history.times=[\"6 h\"]", "mechanics.history.times", "outside the run"},
                {"wse-cycle", "mechanics.history.count=1", "mechanics.history.count", "count must be in [2, 1000]"},
                {"wse-coarse", "mechanics.history.count=8", "mechanics.history", "steady run"}}) {
            List<String> a = new ArrayList<>(List.of("run", bad[0], "-q", "-o", out.toString()));
            for (String s : BASE) a.addAll(List.of("--set", s));
            a.addAll(List.of("--set", bad[1]));
            var run = org.wafersim.cli.CliHarness.run(a.toArray(new String[0]));
            assertEquals(2, run.code(), run.err());
            String line = run.err().strip();
            assertEquals(1, line.lines().count(), line);
            assertTrue(line.contains(bad[2] + ": ") && line.contains(bad[3]), line);
            assertFalse(Files.exists(out));
        }
    }
}
