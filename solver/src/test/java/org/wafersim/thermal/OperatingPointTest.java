package org.wafersim.thermal;

import org.wafersim.errors.ThermalRunawayException;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.errors.InputException;
import org.wafersim.geometry.CoreArray;
import org.wafersim.grid.Grid;
import org.wafersim.grid.GridBuilder;
import org.wafersim.linalg.Parallel;
import org.wafersim.power.CoreCellMap;
import org.wafersim.power.WorkloadPower;

/**
 * Power at the operating point: power.total is dynamic + leakage at the converged temperatures, power.dynamic a fixed
 * dynamic power with the leakage on top; the two describe the same steady states.
 */
class OperatingPointTest {
    /** A small vertically cooled wafer with leakage (the "vertical" regression case at a quarter of its cells). */
    static String caseText(String power) {
        return String.join("\n",
                "name: op",
                "wafer:   { size: \"40 mm\", thickness: \"0.775 mm\", material: silicon, active_layer: \"20 um\" }",
                "dies:    { columns: 4, rows: 3, scribe: \"0.1 mm\" }",
                "cores:   { per_die: [10, 12], spare_fraction: 0.015 }",
                "stack:",
                "  - { name: coldplate, material: copper, thickness: \"3 mm\", size: \"50 mm\" }",
                "  - { name: tim, material: tim_grease, thickness: \"50 um\" }",
                "  - { name: wafer }",
                "  - { name: connector, material: connector_elastomer, thickness: \"1 mm\" }",
                "  - { name: board, material: mainboard, thickness: \"6 mm\", size: \"50 mm\" }",
                "power: { " + power + ", pattern: hot-band,",
                "         leakage: { share_at_ref: 0.25, ref: \"60 degC\", beta: \"0.025 1/K\" } }",
                "cooling: { mode: vertical, coolant: { fluid: water, inlet: \"30 degC\", flow: \"1 L/min\","
                        + " h: \"20000 W/(m^2*K)\" } }",
                "grid: { cells_per_core: 0.5 }", "");
    }

    static CaseSpec spec(String power) {
        return CaseLoader.parse(caseText(power), "yaml", "op.yaml", List.of());
    }

    /** The case's thermal model on its grid, the cores at {@code level} W in the case's pattern. */
    static PackageThermalModel.Model model(CaseSpec spec, double level) {
        CoreArray cores = CoreArray.of(spec);
        Grid g = GridBuilder.build(spec, cores);
        CoreCellMap map = CoreCellMap.of(g, cores);
        return PackageThermalModel.build(spec, g, cores, map, WorkloadPower.corePower(cores, spec.power().pattern(), level));
    }

    static OperatingPoint.Solution solve(CaseSpec spec, double level, double[] warm) {
        PackageThermalModel.Model m = model(spec, level);
        try (Parallel par = new Parallel(2)) {
            return OperatingPoint.solve(new SteadySolver(par, SteadySolver.Options.defaults()), m, warm);
        }
    }

    @Test
    void totalIsReachedAtTheOperatingPoint() {
        CaseSpec spec = spec("total: \"520 W\"");
        OperatingPoint.Solution op = solve(spec, 520, null);
        assertEquals(520, op.totalW(), 1e-6 * 520, "dynamic + leakage at the converged temperatures");
        // the balanced power of the solve is the same total (the linearised source at convergence)
        assertEquals(520, op.result().powerIn(), 1e-6 * 520);
        assertTrue(Math.abs(op.result().balanceRelError()) < 1e-9);
        assertTrue(op.iterations() > 1 && op.iterations() == op.result().picardIterations() + 1
                || op.iterations() >= op.result().picardIterations(), "scale updated every outer iteration");
        // the leakage is not the reference share: the chip runs above or below 60 degC
        assertNotEquals(130, op.leakageW(), 1.0);
    }

    /** The operating point found for a total is the steady state of its dynamic power given as power.dynamic. */
    @Test
    void totalAndDynamicDescribeTheSameState() {
        OperatingPoint.Solution byTotal = solve(spec("total: \"520 W\""), 520, null);
        // the chip's reference leakage is the same in both: 0.25 x 520 = 130 W = 0.25 / 0.75 x 390 W
        CaseSpec dynSpec = spec("dynamic: \"" + byTotal.dynamicW() + " W\"");
        assertEquals(130, spec("dynamic: \"390 W\"").power().leakageAtRef(), 1e-12);
        // same leakage law requires the same reference: scale the share so that leakageAtRef = 130 W
        double share = 130 / (130 + byTotal.dynamicW());
        CaseSpec same = CaseLoader.parse(caseText("dynamic: \"" + byTotal.dynamicW() + " W\"")
                .replace("share_at_ref: 0.25", "share_at_ref: " + share), "yaml", "op.yaml", List.of());
        assertEquals(130, same.power().leakageAtRef(), 1e-9);
        OperatingPoint.Solution byDyn = solve(same, byTotal.dynamicW(), null);
        assertEquals(0, byDyn.iterations());
        assertEquals(byTotal.totalW(), byDyn.totalW(), 1e-6 * 520);
        double[] a = byTotal.result().temperature(), b = byDyn.result().temperature();
        double worst = 0;
        for (int c = 0; c < a.length; c++) if (!Double.isNaN(a[c])) worst = Math.max(worst, Math.abs(a[c] - b[c]));
        assertTrue(worst < 2e-5, "temperatures differ by " + worst + " K");
        assertNotNull(dynSpec);
    }

    @Test
    void dynamicBasisPutsTheLeakageOnTop() {
        OperatingPoint.Solution op = solve(spec("dynamic: \"390 W\""), 390, null);
        assertEquals(390, op.dynamicW(), 1e-9 * 390);
        assertTrue(op.leakageW() > 0);
        assertEquals(390 + op.leakageW(), op.result().powerIn(), 1e-6 * 520);
    }

    /**
     * A total that no stable state reaches: runaway, with the largest converging total from the bisection, which is
     * itself reachable (a run at that total converges) and below the target.
     */
    @Test
    void unreachableTotalIsRunawayWithTheLargestConvergingTotal() {
        // beta 0.2/K: this package runs away near 1 kW
        CaseSpec spec = CaseLoader.parse(caseText("total: \"20 kW\"").replace("0.025 1/K", "0.2 1/K"), "yaml",
                "op.yaml", List.of());
        ThermalRunawayException e = assertThrows(ThermalRunawayException.class, () -> solve(spec, 20000, null));
        String m = e.getMessage();
        assertTrue(m.contains("no steady state reaches power.total = 20000 W"), m);
        java.util.regex.Matcher mm = java.util.regex.Pattern.compile("largest total that converges is ([0-9.]+) W")
                .matcher(m);
        assertTrue(mm.find(), m);
        double largest = Double.parseDouble(mm.group(1));
        assertTrue(largest > 0 && largest < 20000, m);
        // 90 % of it is reached as a total (near the fold the total is steep in the dynamic power)
        OperatingPoint.Solution ok = solve(spec, 0.9 * largest, null);
        assertEquals(0.9 * largest, ok.totalW(), 1e-6 * largest);
    }

    @Test
    void totalAndDynamicTogetherIsAnError() {
        InputException e = assertThrows(InputException.class, () -> spec("total: \"520 W\", dynamic: \"390 W\""));
        assertTrue(e.getMessage().contains("power.dynamic") && e.getMessage().contains("power.total"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        InputException none = assertThrows(InputException.class, () -> spec("idle: \"10 W\""));
        assertTrue(none.getMessage().contains("total"), none.getMessage());
    }

    static List<String> unused() { return new ArrayList<>(); }
}
