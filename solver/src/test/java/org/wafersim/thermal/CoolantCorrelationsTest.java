package org.wafersim.thermal;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.cli.CliHarness;
import org.wafersim.errors.InputException;
import org.wafersim.run.CaseRun;

/** The cold-plate correlations against published values and a hand calculation of a straight-channel plate. */
class CoolantCorrelationsTest {
    @TempDir Path dir;

    /**
     * Shah &amp; London (1978), fully developed laminar flow in rectangular ducts, their tabulated exact values for
     * aspect ratios 1, 0.5, 0.25, 0.125 (Darcy f Re = 4 x their Fanning values 14.227, 15.548, 18.233, 20.585):
     * the polynomial fits within 0.5 %.
     */
    @Test
    void shahLondonFullyDevelopedTable() {
        double[] alpha = {1, 0.5, 0.25, 0.125};
        double[] nuH1 = {3.608, 4.123, 5.331, 6.490};
        double[] nuT = {2.976, 3.391, 4.439, 5.597};
        double[] fRe = {56.91, 62.19, 72.93, 82.34};
        for (int i = 0; i < alpha.length; i++) {
            double a = alpha[i];
            assertEquals(nuH1[i], CoolantCorrelations.nuH1(a), 5e-3 * nuH1[i], "Nu_H1 at " + a);
            assertEquals(nuT[i], CoolantCorrelations.nuT(a), 5e-3 * nuT[i], "Nu_T at " + a);
            assertEquals(fRe[i], CoolantCorrelations.fReLaminar(a), 5e-3 * fRe[i], "f Re at " + a);
        }
        // the parallel-plate limit of the fits: Nu_H1 -> 8.235, f Re -> 96
        assertEquals(8.235, CoolantCorrelations.nuH1(1e-9), 1e-6);
        assertEquals(96, CoolantCorrelations.fReLaminar(1e-9), 1e-6);
        // a long channel is fully developed; a short one gains the thermal entrance (Leveque) enhancement
        assertEquals(CoolantCorrelations.nuH1(0.5), CoolantCorrelations.nuLaminarMean(0.5, 500, 5, 1e6), 1e-3);
        assertTrue(CoolantCorrelations.nuLaminarMean(0.5, 500, 5, 10) > 2 * CoolantCorrelations.nuH1(0.5));
    }

    /**
     * Gnielinski (1976) with Petukhov's f at two points, against the formula evaluated by hand:
     * Re 1e4, Pr 7: f = (0.790 ln 1e4 - 1.64)^-2 = 0.0314798, Nu = 79.4926;
     * Re 1e5, Pr 0.7: f = 0.0179920, Nu = 178.623.
     */
    @Test
    void gnielinskiAtTwoPoints() {
        assertEquals(0.0314798, CoolantCorrelations.fPetukhov(1e4), 1e-6);
        assertEquals(79.4926, CoolantCorrelations.nuGnielinski(1e4, 7), 1e-3);
        assertEquals(178.623, CoolantCorrelations.nuGnielinski(1e5, 0.7), 1e-3);
        // the transition blends continuously: laminar at 2300, Gnielinski at 1e4
        double a = 0.25, l = 50;
        assertEquals(CoolantCorrelations.nuLaminarMean(a, 2300, 5, l), CoolantCorrelations.nuChannel(a, 2300, 5, l), 1e-12);
        assertEquals(CoolantCorrelations.nuGnielinski(1e4, 5), CoolantCorrelations.nuChannel(a, 1e4, 5, l), 1e-12);
        assertEquals("transitional", CoolantCorrelations.regime(5000));
    }

    /**
     * Martin (1977), square array of round jets, D = 5 mm, S = 25 mm (Ar = pi/100 = 0.031416), H = 25 mm (H/D = 5),
     * Re = 1e4, Pr = 7: K = 0.885493, G = 0.224209, F = 0.5 Re^(2/3) = 232.079, Nu = K G F Pr^0.42 = 104.332.
     */
    @Test
    void martinJetArrayPoint() {
        assertEquals(104.332, CoolantCorrelations.nuMartinArray(1e4, 7, 5e-3, 25e-3, 25e-3), 1e-3);
        assertEquals(Math.PI / 100, CoolantCorrelations.jetArea(5e-3, 25e-3), 1e-15);
    }

    @Test
    void finEfficiency() {
        // mL = sqrt(2 h / (k t)) L = sqrt(2 * 20000 / (400 * 1e-3)) * 4e-3 = 1.26491: eta = tanh(mL) / mL = 0.673891
        assertEquals(0.673891, CoolantCorrelations.finEfficiency(20000, 400, 1e-3, 4e-3), 1e-5);
    }

    static final String PLATE = String.join("\n",
            "name: plate",
            "wafer:   { size: \"40 mm\", thickness: \"0.775 mm\", material: silicon, active_layer: \"20 um\" }",
            "dies:    { columns: 4, rows: 3, scribe: \"0.1 mm\" }",
            "cores:   { per_die: [10, 12], spare_fraction: 0.015 }",
            "stack:",
            "  - { name: coldplate, material: copper, thickness: \"3 mm\", size: \"50 mm\" }",
            "  - { name: tim, material: tim_grease, thickness: \"50 um\" }",
            "  - { name: wafer }",
            "  - { name: board, material: mainboard, thickness: \"6 mm\", size: \"50 mm\" }",
            "power: { dynamic: \"%s\", pattern: uniform }",
            "cooling: { mode: lateral, coolant: { fluid: water, inlet: \"30 degC\", flow: \"1 L/min\", direction: \"+x\",",
            "           channels: { width: \"1 mm\", height: \"2 mm\", wall: \"1 mm\" } },",
            "           board_back: { h: \"0 W/(m^2*K)\" }, other_faces: { h: \"0 W/(m^2*K)\" } }",
            "grid: { cells_per_core: 0.5 }", "");

    /**
     * A straight-channel lateral plate by hand: 50 mm x 50 mm, channels 1 x 2 mm on a 2 mm pitch, 50 mm long: 25
     * channels; 1 L/min of water at 30 degC (rho 995.7 kg/m^3, mu 0.800 mPa s, table points) gives
     * u = 1.6667e-5 / (25 x 2e-6) = 0.33333 m/s, D_h = 1.3333 mm, Re = 553.2 (laminar), f = 62.19 / Re (Shah &amp; London,
     * aspect 0.5), dp = (f L / D_h + 0.5 + 1.0) rho u^2 / 2 = 316.2 Pa, pumping power dp V = 5.27 mW. The run's coolant
     * takes up all the heat: outlet - inlet = P / (m_dot c_p) within 1e-3.
     */
    @Test
    void straightChannelPlateByHand() {
        CaseSpec spec = CaseLoader.parse(PLATE.formatted("1 W"), "yaml", "plate.yaml", List.of());
        PlateHydraulics ph = PlateHydraulics.of(spec);
        double vdot = 1e-3 / 60, rho = 995.7, mu = 0.800e-3;
        double u = vdot / (25 * 1e-3 * 2e-3), dh = 2 * 1e-3 * 2e-3 / 3e-3;
        double re = rho * u * dh / mu;
        double dp = (62.19 / re * 0.05 / dh + 1.5) * rho * u * u / 2;
        System.out.printf("straight channels: Re %.1f, dp %.2f Pa (hand %.2f Pa), pump %.4g W, h_base %.0f W/(m^2 K)%n",
                (double) ph.details().get("reynolds"), ph.pressureDropPa(), dp, ph.pumpingPowerW(), ph.hFootprint());
        assertEquals(re, (double) ph.details().get("reynolds"), 1e-3 * re);
        assertEquals("laminar", ph.details().get("regime"));
        assertEquals(dp, ph.pressureDropPa(), 2e-3 * dp);
        assertEquals(dp * vdot, ph.pumpingPowerW(), 2e-3 * dp * vdot);

        // the energy balance of the plate run: all heat into the coolant, outlet = inlet + P / (m_dot c_p)
        CaseRun.Result r = CaseRun.run(CaseLoader.parse(PLATE.formatted("200 W"), "yaml", "plate.yaml", List.of()),
                1, m -> { });
        CoolantModel c = r.coolant();
        double p = r.thermal().powerIn();
        assertEquals(p / (c.massFlow() * c.specificHeat()), c.outlet() - c.inlet(), 1e-3 * p / (c.massFlow() * c.specificHeat()));
        assertEquals(ph.pressureDropPa(), r.summary().powerCoolant().coolant().pressureDropPa(), 0.05 * dp,
                "the summary reports the plate's pressure drop (at the run's mean coolant temperature)");
    }

    @Test
    void badPlateInputIsExitTwoNamingTheKey() throws Exception {
        String good = PLATE.formatted("1 W");
        // h together with a channel geometry
        assertBad(good.replace("direction: \"+x\",", "direction: \"+x\", h: \"20000 W/(m^2*K)\","),
                "cooling.coolant.channels", "cooling.coolant.h");
        // a negative channel width
        assertBad(good.replace("width: \"1 mm\"", "width: \"-1 mm\""), "cooling.coolant.channels.width", "> 0");
        // a coolant property outside its table: water's tables end at 60 degC
        assertBad(good.replace("inlet: \"30 degC\"", "inlet: \"70 degC\""), "cooling.coolant.fluid", "outside the table");
        // total and dynamic together
        assertBad(good.replace("dynamic: \"1 W\"", "dynamic: \"1 W\", total: \"2 W\""), "power.dynamic", "power.total");
    }

    void assertBad(String text, String key, String reason) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, text);
        CliHarness.Outcome o = CliHarness.run("run", f.toString(), "-q", "-o", dir.resolve("bad.h5").toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(key) && o.err().contains(reason), o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
        assertFalse(Files.exists(dir.resolve("bad.h5")), "nothing written");
    }

    @Test
    void waterGlycolHasTheProperties() {
        CaseSpec spec = CaseLoader.parse(PLATE.formatted("1 W").replace("fluid: water", "fluid: water_glycol_50"),
                "yaml", "plate.yaml", List.of());
        PlateHydraulics ph = PlateHydraulics.of(spec);
        // Pr = mu c_p / k at 30 degC from the MEG 50 table: 1.552e-3 x 3361 / 0.403 = 12.94
        assertEquals(12.94, (double) ph.details().get("prandtl"), 0.01);
        assertThrows(InputException.class, () -> PlateHydraulics.of(CaseLoader.parse(PLATE.formatted("1 W")
                .replace("fluid: water", "fluid: water_glycol_50").replace("30 degC", "45 degC"), "yaml",
                "plate.yaml", List.of())));
    }
}
