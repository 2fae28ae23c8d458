package org.wafersim.thermal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.errors.InputException;
import org.wafersim.grid.Grid;
import org.wafersim.run.CaseRun;

/**
 * Contact (interface) resistance between two layers ({@code stack[i].contact_below}). In a one-dimensional stack
 * (adiabatic sides and back, a uniform source) every watt crosses the contact, so the contact adds q'' R_c to every
 * temperature below it and changes nothing above it. The finite-volume conductance A / (dz1/(2 k1) + R_c +
 * dz2/(2 k2)) is exact for such a layered stack, so the shift holds to the solver's tolerance on any grid (no
 * discretisation error to refine away).
 */
class ContactResistanceTest {
    static final String CASE = """
            name: contact
            wafer: {size: "20 mm", thickness: "0.5 mm", material: si_const}
            materials: {si_const: {base: silicon, conductivity: "148 W/(m*K)"}}
            dies: {columns: 1, rows: 1}
            cores: {per_die: [4, 4], spare_fraction: 0}
            stack:
              - {name: plate, material: copper, thickness: "2 mm"%s}
              - {name: tim, material: tim_grease, thickness: "50 um"}
              - {name: wafer}
            power: {dynamic: "100 W"}
            cooling:
              mode: vertical
              coolant: {inlet: "25 degC", flow: "30 L/min", h: "20000 W/(m^2*K)"}
              board_back: {h: "0 W/(m^2*K)"}
              other_faces: {h: "0 W/(m^2*K)"}
            solver: {tolerance: 1e-12}
            """;

    private static CaseRun.Result run(String contact) {
        CaseSpec s = CaseLoader.parse(CASE.formatted(contact), "yaml", "contact.yaml", List.of());
        return CaseRun.run(s, 1, m -> { });
    }

    @Test
    void aContactShiftsEverythingBelowItByFluxTimesResistance() {
        CaseRun.Result none = run(""), with = run(", contact_below: \"0.25 K*cm^2/W\"");
        double rc = 0.25e-4, flux = 100 / (0.02 * 0.02), jump = flux * rc;     // 6.25 K
        Grid g = none.grid();
        double[] a = none.thermal().temperature(), b = with.thermal().temperature();
        int plate = g.layerNames().indexOf("plate");
        double worstAbove = 0, worstBelow = 0;
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) {
                    int c = g.index(i, j, k);
                    if (g.isVoid(c)) continue;
                    if (k >= g.layerK0(plate)) worstAbove = Math.max(worstAbove, Math.abs(b[c] - a[c]));
                    else worstBelow = Math.max(worstBelow, Math.abs(b[c] - a[c] - jump));
                }
        System.out.printf("[contact] worst shift above %.3e K, worst error below %.3e K (of %.4f K)%n", worstAbove,
                worstBelow, jump);
        // linear solves to 1e-12 relative residual: the jump holds to 1e-9 of itself (the requirement)
        assertTrue(worstAbove < 1e-9 * jump, "the plate does not see the contact: " + worstAbove);
        assertTrue(worstBelow < 1e-9 * jump, "below the contact every cell is q'' R_c = 6.25 K hotter: " + worstBelow);
        // the heat-path budget: all 100 W cross the plate/tim interface (its conductance includes the contact)
        assertEquals(100, with.interfaceHeat()[plate], 1e-6);
        assertEquals(with.thermal().powerIn(), 100, 1e-9);
        assertTrue(Math.abs(with.thermal().balanceRelError()) < 1e-9);
        assertTrue(with.summary().powerCoolant().notes().stream().anyMatch(n -> n.startsWith("contact plate/tim:"
                + " R_c 0.25 K*cm^2/W, 100 W through it, mean temperature step 6.25 K")),
                with.summary().powerCoolant().notes().toString());
    }

    @Test
    void theBottomLayerHasNoContactBelow() {
        String bad = CASE.formatted("").replace("  - {name: wafer}", "  - {name: wafer, contact_below: \"1 K*cm^2/W\"}");
        InputException e = assertThrows(InputException.class,
                () -> CaseLoader.parse(bad, "yaml", "contact.yaml", List.of()));
        assertEquals("stack[2].contact_below", e.keyPath());
        assertTrue(e.getMessage().contains("bottom layer"), e.getMessage());
        InputException neg = assertThrows(InputException.class, () -> CaseLoader.parse(CASE.formatted(
                ", contact_below: \"-1 K*cm^2/W\""), "yaml", "contact.yaml", List.of()));
        assertTrue(neg.getMessage().contains("contact_below must be >= 0"), neg.getMessage());
    }
}
