package org.wafersim.thermal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.errors.InputException;
import org.wafersim.run.CaseRun;

/** Contact (interface) resistance between two layers ({@code stack[i].contact_below}): its budget and bad input. */
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

    /**
     * The heat-path budget of a contact: all 100 W cross it, and the summary gives the mean temperature step
     * q'' R_c = 2.5e5 W/m^2 x 0.25e-4 m^2 K/W = 6.25 K. (That every cell below the contact moves by exactly that and none
     * above is the analytic check {@code contact-resistance} of {@code wafersim validate}, run in CI.)
     */
    @Test
    void theBudgetCarriesTheContact() {
        CaseRun.Result with = run(", contact_below: \"0.25 K*cm^2/W\"");
        int plate = with.grid().layerNames().indexOf("plate");
        assertEquals(100, with.interfaceHeat()[plate], 1e-6);
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
