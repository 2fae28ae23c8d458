package org.wafersim.run;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.mechanics.MechanicsState;
import org.wafersim.mechanics.PlateMesh;
import org.wafersim.reliability.Durations;

/**
 * Test-to-field translation in a run ({@code reliability.qualification}): the implied field life at the
 * first-failure point is Norris–Landzberg written out here on that point's joint temperatures, next to the model's
 * prediction; bad test profiles are exit code 2 naming the key.
 */
class QualificationRunTest {
    private static final double KELVIN = 273.15;
    private static final String[] TEST = {"reliability.qualification.low=-40 degC",
            "reliability.qualification.high=125 degC", "reliability.qualification.dwell=10 min",
            "reliability.qualification.per_day=48"};

    @TempDir Path dir;

    private static String[] with(String[] a, String... more) {
        List<String> l = new ArrayList<>(List.of(a));
        l.addAll(List.of(more));
        return l.toArray(new String[0]);
    }

    /**
     * N = 1000 cycles at −40/125 °C, 2 cycles per hour: at the first-failure point with joint temperatures T_idle,
     * T_full, the workload cycle's AF = (165/(T_full − T_idle))^2.65 · (4/48)^0.136 · exp(2185·(1/T_full − 1/398.15)),
     * the power cycle's (off at 25 °C) the same with T_full − 298.15 and 1/7 per day, and the implied life is Miner's
     * 1/(f_A/(AF_A·N) + f_B/(AF_B·N)).
     */
    @Test
    void aTestResultGivesTheFieldLifeAtTheFirstFailurePoint() {
        CaseRun.Result r = ConnectorFatigueRunTest.run(with(TEST, "reliability.qualification.cycles_to_failure=1000"));
        ReliabilityRun.Outcome o = r.reliability();
        assertNotNull(o.qualification());
        var ff = o.connector().fatigue().firstFailure();
        PlateMesh mesh = r.mechanics().model().model().mesh();
        int e = mesh.element(ff.x(), ff.y());
        MechanicsState full = r.mechanics().state("full"), idle = r.mechanics().state("idle");
        double tf = full.connectorTemperature()[e], ti = idle.connectorTemperature()[e];
        assertTrue(tf > ti);
        double afA = Math.pow(165 / (tf - ti), 2.65) * Math.pow(4.0 / 48, 0.136)
                * Math.exp(2185 * (1 / tf - 1 / (125 + KELVIN)));
        double afB = Math.pow(165 / (tf - (25 + KELVIN)), 2.65) * Math.pow((1.0 / 7) / 48, 0.136)
                * Math.exp(2185 * (1 / tf - 1 / (125 + KELVIN)));
        assertEquals(afA, o.qualification().workloadFactor(), 1e-12 * afA);
        assertEquals(afB, o.qualification().offOnFactor(), 1e-12 * afB);
        double life = 1 / (4 / 86400.0 / (1000 * afA) + (1.0 / 7) / 86400.0 / (1000 * afB));
        assertEquals(life, o.qualification().lifeSeconds(), 1e-12 * life);
        ReliabilitySummary s = ReliabilitySummary.of(o, r.cores());
        assertEquals(Durations.years(life), s.connector().qualification().fieldLifeYears(), 1e-9);
        assertEquals(afA, s.connector().qualification().accelerationFactor(), 1e-9 * afA);
        assertEquals(afB, s.connector().qualification().powerCycleAccelerationFactor(), 1e-9 * afB);
        String text = s.text();
        assertTrue(text.contains("qualification test implies"), text);
        assertTrue(o.notes().stream().anyMatch(n -> n.contains("Norris-Landzberg (1969)")), o.notes().toString());
        // a Weibull result enters by its median: eta (ln 2)^(1/beta) = 1000 gives the same life
        double eta = 1000 / Math.pow(Math.log(2), 1 / 8.0);
        CaseRun.Result w = ConnectorFatigueRunTest.run(with(TEST, "reliability.qualification.characteristic_life="
                + eta, "reliability.qualification.weibull_slope=8"));
        assertEquals(life, w.reliability().qualification().lifeSeconds(), 1e-9 * life);
    }

    @Test
    void badTestProfilesAreExitCodeTwo() {
        Path out = dir.resolve("x.h5");
        String[] n = with(TEST, "reliability.qualification.cycles_to_failure=1000");
        for (String[] bad : new String[][]{
                // 48 per day: 30 min period; two dwells of 20 min do not fit
                {"reliability.qualification.dwell=20 min", "reliability.qualification.dwell", "period"},
                {"reliability.qualification.dwell=2 h", "reliability.qualification.dwell", "period"},
                {"reliability.qualification.high=-50 degC", "reliability.qualification.high", "above low"},
                {"reliability.qualification.per_day=0", "reliability.qualification.per_day", "must be > 0"},
                {"reliability.qualification.characteristic_life=900", "reliability.qualification.characteristic_life",
                        "not both"},
                {"reliability.qualification.cycles_to_failure=-5", "reliability.qualification.cycles_to_failure",
                        "must be > 0"}}) {
            List<String> a = new ArrayList<>(List.of("run", "wse-coarse", "-q", "-o", out.toString()));
            for (String s : ConnectorFatigueRunTest.BASE) a.addAll(List.of("--set", s));
            for (String s : n) a.addAll(List.of("--set", s));
            a.addAll(List.of("--set", bad[0]));
            var run = org.wafersim.cli.CliHarness.run(a.toArray(new String[0]));
            assertEquals(2, run.code(), run.err());
            String line = run.err().strip();
            assertEquals(1, line.lines().count(), line);
            assertTrue(line.contains(bad[1] + ": ") && line.contains(bad[2]), line);
            assertFalse(Files.exists(out));
        }
    }
}
