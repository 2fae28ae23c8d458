package org.wafersim.thermal;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.cases.CaseLoader;
import org.wafersim.errors.InputException;
import org.wafersim.grid.Grid;
import org.wafersim.run.CaseRun;

/**
 * General boundary conditions and fixed sources on a case: each against the closed form of a 1-D stack (the
 * finite-volume conductances of a layered stack are exact, so identities hold to the solver's tolerance) or
 * against another way of writing the same problem.
 */
class CaseBoundariesTest {
    /** A 20 mm x 20 mm, 3-layer stack whose every face is adiabatic unless a test's boundaries say otherwise. */
    static final String CASE = """
            name: bc
            wafer: {size: "20 mm", thickness: "0.5 mm", material: si_const}
            materials: {si_const: {base: silicon, conductivity: "148 W/(m*K)"}, cu_const: {base: copper, conductivity: "400 W/(m*K)"}}
            dies: {columns: 1, rows: 1}
            cores: {per_die: [4, 4], spare_fraction: 0}
            stack:
              - {name: plate, material: cu_const, thickness: "2 mm"}
              - {name: mid, material: si_const, thickness: "1 mm"}
              - {name: wafer}
            power: {total: "0 W"}
            cooling:
              mode: vertical
              coolant: {inlet: "25 degC", flow: "30 L/min", h: "20000 W/(m^2*K)"}
              board_back: {h: "0 W/(m^2*K)"}
              other_faces: {h: "0 W/(m^2*K)"}
            solver: {tolerance: 1e-13}
            %s
            """;
    static final double A = 0.02 * 0.02, K_CU = 400, K_SI = 148, T0 = 298.15;

    static CaseRun.Result run(String extra) {
        return CaseRun.run(CaseLoader.parse(CASE.formatted(extra), "yaml", "bc.yaml", List.of()), 1, m -> { });
    }

    static InputException refused(String extra) {
        return assertThrows(InputException.class, () -> run(extra));
    }

    /** Mean temperature of the cells of plane k. */
    static double plane(CaseRun.Result r, int k) {
        Grid g = r.grid();
        double s = 0;
        int n = 0;
        for (int j = 0; j < g.ny; j++)
            for (int i = 0; i < g.nx; i++) {
                s += r.thermal().temperature()[g.index(i, j, k)];
                n++;
            }
        return s / n;
    }

    @Test
    void fixedTemperatureAndVolumeSourceMatchTheSlab() {
        // q''' in mid, adiabatic below: all of it goes up through the plate to the fixed top face
        CaseRun.Result r = run("""
                boundaries: [{face: top, type: fixed_temperature, temperature: "25 degC", replace: true}]
                sources: [{layer: mid, density: "1e8 W/m^3"}]""");
        double flux = 1e8 * 1e-3;
        assertEquals(flux * A, r.thermal().fixedPower(), 1e-9 * flux * A);
        assertEquals(flux * A, r.thermal().heatOut("boundaries[0]"), 1e-9 * flux * A);
        Grid g = r.grid();
        // the wafer below mid carries no heat: every wafer cell at T(mid bottom) = T0 + q'' L_p/k_cu + q''' L^2/(2 k)
        double expected = T0 + flux * 2e-3 / K_CU + 1e8 * 1e-6 / (2 * K_SI);
        assertEquals(expected, plane(r, 0), 1e-9);
        assertTrue(Math.abs(r.thermal().balanceRelError()) < 1e-9);
    }

    @Test
    void lumpedResistanceEqualsTheEquivalentH() {
        // HotSpot's r_convec: R = 1/(h A) over the top face gives the same field as h
        String src = "sources: [{layer: mid, power: \"40 W\"}]";
        double h = 5000, rTot = 1 / (h * A);
        CaseRun.Result a = run("boundaries: [{face: top, type: convection, h: \"5000 W/(m^2*K)\", ambient: \"25 degC\","
                + " replace: true}]\n" + src);
        CaseRun.Result b = run("boundaries: [{face: top, type: resistance, resistance: \"" + rTot + " K/W\", ambient:"
                + " \"25 degC\", replace: true}]\n" + src);
        double[] ta = a.thermal().temperature(), tb = b.thermal().temperature();
        for (int c = 0; c < ta.length; c++) assertEquals(ta[c], tb[c], 1e-10 * (ta[c] - T0));
        assertEquals(40, a.thermal().heatOut("boundaries[0]"), 1e-9);
    }

    @Test
    void fluxFaceIsASourceInTheBudget() {
        // 1e5 W/m^2 into the board side, out through the fixed top: the stack conducts q'' through all three layers
        CaseRun.Result r = run("""
                boundaries:
                  - {face: top, type: fixed_temperature, temperature: "25 degC", replace: true}
                  - {face: bottom, type: flux, flux: "1e5 W/m^2"}""");
        double q = 1e5;
        assertEquals(q * A, r.thermal().fixedPower(), 1e-9 * q * A);
        assertEquals(q * A, r.thermal().heatOut("boundaries[0]"), 1e-9 * q * A);
        assertEquals(0, r.thermal().heatOut("boundaries[1]"));
        Grid g = r.grid();
        // bottom cell centre: T0 + q (L_plate/k_cu + L_mid/k_si + (L_wafer - dz0/2)/k_si)
        double expected = T0 + q * (2e-3 / K_CU + 1e-3 / K_SI + (0.5e-3 - g.dz(0) / 2) / K_SI);
        assertEquals(expected, plane(r, 0), 1e-9);
        // a total power on the face is the same flux
        CaseRun.Result p = run("""
                boundaries:
                  - {face: top, type: fixed_temperature, temperature: "25 degC", replace: true}
                  - {face: bottom, type: power, power: "40 W"}""");
        assertEquals(expected, plane(p, 0), 1e-9);
    }

    @Test
    void radiationBalancesAtTheFaceTemperature() {
        CaseRun.Result r = run("""
                boundaries: [{face: top, type: radiation, emissivity: 0.8, surroundings: "25 degC", replace: true}]
                sources: [{layer: mid, power: "4 W"}]""");
        Grid g = r.grid();
        int k = g.nz - 1;
        double tc = plane(r, k);
        // the face temperature behind the half cell: T_f = T_c - q'' (dz/2)/k_cu; grey-body law at T_f
        double qf = 4 / A;
        double tf = tc - qf * g.dz(k) / 2 / K_CU;
        double law = 0.8 * RadiationFaces.SIGMA * (Math.pow(tf, 4) - Math.pow(T0, 4)) * A;
        assertEquals(4, r.thermal().heatOut("boundaries[0]"), 1e-9);
        // the outer loop stops when T_f moves by < 1e-6 K: h_rad is then consistent to dh/dT 1e-6 K
        assertEquals(4, law, 1e-6 * 4 * 10);
        assertTrue(r.thermal().picardIterations() > 1);
    }

    @Test
    void boxPowerIsExactOnAnyGrid() {
        // a box that cuts cells in every direction: the overlap-volume weighting still deposits exactly 7 W
        CaseRun.Result r = run("""
                boundaries: [{face: top, type: fixed_temperature, temperature: "25 degC", replace: true}]
                sources: [{box: {x: ["3.3 mm", "11.7 mm"], y: ["1.1 mm", "9.9 mm"], z: ["0.2 mm", "1.1 mm"]}, power: "7 W"}]""");
        assertEquals(7, r.thermal().fixedPower(), 1e-12);
        assertEquals(7, r.thermal().heatOut("boundaries[0]"), 1e-9);
    }

    @Test
    void regionSelectsPartOfAFace() {
        // the left half of the top fixed, the right half adiabatic: all heat leaves through the left half
        CaseRun.Result r = run("""
                boundaries:
                  - {face: top, region: {x: ["0 mm", "10 mm"]}, type: fixed_temperature, temperature: "25 degC", replace: true}
                  - {face: top, region: {x: ["10 mm", "20 mm"]}, type: adiabatic, replace: true}
                sources: [{layer: mid, power: "4 W"}]""");
        assertEquals(4, r.thermal().heatOut("boundaries[0]"), 1e-9);
    }

    @Test
    void refusals() {
        InputException two = refused("""
                boundaries:
                  - {face: top, type: fixed_temperature, temperature: "25 degC", replace: true}
                  - {face: top, type: convection, h: "10 W/(m^2*K)", ambient: "25 degC", replace: true}""");
        assertTrue(two.getMessage().contains("boundaries[0] and boundaries[1]"), two.getMessage());
        InputException cool = refused("boundaries: [{face: top, type: fixed_temperature, temperature: \"25 degC\"}]");
        assertTrue(cool.getMessage().contains("cooling.coolant"), cool.getMessage());
        InputException covered = refused("""
                boundaries: [{layer: mid, face: top, type: fixed_temperature, temperature: "25 degC"}]""");
        assertEquals("boundaries[0].face", covered.keyPath());
        InputException outside = refused("""
                sources: [{box: {z: ["10 mm", "11 mm"]}, power: "1 W"}]""");
        assertEquals("sources[0].box", outside.keyPath());
        InputException adiabatic = refused("""
                boundaries: [{face: top, type: adiabatic, replace: true}]""");
        assertTrue(adiabatic.getMessage().contains("no face lets heat out"), adiabatic.getMessage());
    }

    @Test
    void aHeatedLayerIsResolvedByDefault() {
        String src = "boundaries: [{face: top, type: fixed_temperature, temperature: \"25 degC\", replace: true}]\n"
                + "sources: [{layer: mid, density: \"1e8 W/m^3\"}]";
        Grid g = run(src).grid();
        int mid = g.layerIndex("mid");
        assertEquals(8, g.layerK1(mid) - g.layerK0(mid));
        Grid given = run(src + "\ngrid: {layers: {mid: {cells: 3}}}").grid();
        assertEquals(3, given.layerK1(mid) - given.layerK0(mid));
        Grid none = run("").grid();
        assertTrue(none.layerK1(mid) - none.layerK0(mid) < 8, "without the source the grading decides");
    }

    @Test
    void mapIsRemappedConservatively(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // a 5 x 3 x 4 map on its own faces, not aligned with the grid, inside the model (20 x 20 x 3.5 mm)
        double[] xf = {1e-3, 4.2e-3, 7.7e-3, 11e-3, 15.5e-3, 19e-3}, yf = {0, 6.1e-3, 13e-3, 20e-3};
        double[] zfMm = {0.3, 0.9, 1.4, 2.6, 3.3};
        double[] q = new double[4 * 3 * 5];
        double total = 0;
        for (int k = 0; k < 4; k++)
            for (int j = 0; j < 3; j++)
                for (int i = 0; i < 5; i++) {
                    double v = 1e6 * (1 + ((i * 7 + j * 3 + k * 5) % 11));   // W/m^3, then written in W/cm^3
                    q[(k * 3 + j) * 5 + i] = v * 1e-6;
                    total += v * (xf[i + 1] - xf[i]) * (yf[j + 1] - yf[j]) * (zfMm[k + 1] - zfMm[k]) * 1e-3;
                }
        org.wafersim.io.ResultFile f = new org.wafersim.io.ResultFile();
        f.dataset("/q", q, new int[]{4, 3, 5}, "W/cm^3");
        f.dataset("/x", xf, new int[]{6}, "m");
        f.dataset("/y", yf, new int[]{4}, "m");
        f.dataset("/z", zfMm, new int[]{5}, "mm");
        java.nio.file.Path file = dir.resolve("q.h5");
        f.writeAtomically(file, false);
        CaseRun.Result r = run("boundaries: [{face: top, type: fixed_temperature, temperature: \"25 degC\","
                + " replace: true}]\nsources: [{map: {file: \"" + file + "\", dataset: q}}]");
        assertEquals(total, r.thermal().fixedPower(), 1e-12 * total);
        assertEquals(total, r.thermal().heatOut("boundaries[0]"), 1e-9 * total);
        // a map reaching outside the model's solid is refused
        double[] zOut = {0.3, 0.9, 1.4, 2.6, 4.0};
        org.wafersim.io.ResultFile g = new org.wafersim.io.ResultFile();
        g.dataset("/q", q, new int[]{4, 3, 5}, "W/cm^3");
        g.dataset("/x", xf, new int[]{6}, "m");
        g.dataset("/y", yf, new int[]{4}, "m");
        g.dataset("/z", zOut, new int[]{5}, "mm");
        java.nio.file.Path out = dir.resolve("out.h5");
        g.writeAtomically(out, false);
        InputException e = refused("sources: [{map: {file: \"" + out + "\", dataset: q}}]");
        assertEquals("sources[0].map", e.keyPath());
    }

    @Test
    void defaultRuleUnchangedWithoutNewKeys() {
        // without boundaries and sources the problem has no fixed sources and the cooling block's faces only
        CaseRun.Result r = run("");
        assertNull(r.fixedSources());
        assertEquals(0, r.thermal().fixedPower());
    }
}
