package org.wafersim.cases;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.errors.InputException;

/** YAML anchors and aliases in case files resolve to the anchored values; alias bombs, recursion and merges are refused. */
class YamlAliasesTest {
    static final String BASE = CaseLoader.builtinText("wse-coarse");

    /** The embedded case with its coolant and board-back blocks written once and aliased. */
    @Test
    void aliasesTakeTheAnchoredValues() {
        String text = """
                name: aliased
                wafer: { size: "40 mm", thickness: "0.775 mm", material: silicon, active_layer: "20 um" }
                dies: { columns: 4, rows: 3, scribe: "0.1 mm" }
                cores: { per_die: [10, 12], spare_fraction: 0.015 }
                sizes: &plate "50 mm"
                stack:
                  - { name: coldplate, material: copper, thickness: "3 mm", size: *plate }
                  - { name: tim, material: tim_grease, thickness: "50 um" }
                  - { name: wafer }
                  - { name: connector, material: connector_elastomer, thickness: "1 mm" }
                  - { name: board, material: mainboard, thickness: "6 mm", size: *plate }
                power: { total: "520 W", idle: "170 W", pattern: hot-band }
                cooling:
                  mode: vertical
                  coolant: { fluid: water, inlet: "30 degC", flow: "1 L/min", h: "20000 W/(m^2*K)", direction: "+x" }
                  board_back: &air { h: "10 W/(m^2*K)", ambient: "35 degC" }
                  other_faces: *air
                analysis: { thermal: steady, mechanics: false, reliability: false }
                """;
        // 'sizes' is not a case key: the anchor must be on a used value; move it onto the first use
        String t = text.replace("sizes: &plate \"50 mm\"\n", "").replace("size: *plate }\n  - { name: tim",
                "size: &plate \"50 mm\" }\n  - { name: tim");
        CaseSpec spec = CaseLoader.parse(t, "yaml", "aliased.yaml", List.of());
        assertEquals(0.050, spec.stack().get(4).sizeX(), 1e-15, "the board takes the aliased 50 mm");
        assertEquals(10.0, spec.cooling().otherFaces().h(), 1e-12, "other_faces is the board_back mapping");
        assertEquals(spec.cooling().boardBack().ambient(), spec.cooling().otherFaces().ambient());
        assertTrue(spec.resolvedText().contains("50 mm"), spec.resolvedText());
        assertFalse(spec.resolvedText().contains("*air") || spec.resolvedText().contains("*plate"),
                "no alias text left in the stored case");
    }

    @Test
    void textWithoutAliasesIsUntouched() {
        assertSame(BASE, YamlAliases.expand(BASE, "x"));
        String starsInUnits = "a: \"20000 W/(m^2*K)\"\nb: [1, 2]\n";
        assertSame(starsInUnits, YamlAliases.expand(starsInUnits, "x"));
    }

    @Test
    void scalarsKeepTheirTypes() {
        String out = YamlAliases.expand("a: &v [1e-10, \"1e-10\", true, 'on', 0.25, x]\nb: *v\n", "x");
        assertTrue(out.contains("b: [1e-10, \"1e-10\", true, 'on', 0.25, x]")
                || out.contains("b:\n- 1e-10\n- \"1e-10\"\n- true\n- 'on'\n- 0.25\n- x"), out);
    }

    @Test
    void anAliasBombIsRefusedQuickly() {
        StringBuilder b = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            b.append("a").append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 10; k++) b.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
            b.append("]\n");
        }
        String bomb = b.toString();   // 10^12 leaves
        InputException e = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> assertThrows(InputException.class, () -> CaseLoader.parse(bomb, "yaml", "bomb.yaml", List.of())));
        assertTrue(e.getMessage().startsWith("bomb.yaml: ") && e.getMessage().contains("alias bomb"), e.getMessage());
        // few aliases, each of a big list: the expansion limit, not the alias count, refuses it
        StringBuilder big = new StringBuilder("a: &a [");
        for (int k = 0; k < 60_000; k++) big.append(k == 0 ? "" : ", ").append(k);
        big.append("]\nb: *a\nc: *a\n");
        e = assertThrows(InputException.class, () -> YamlAliases.expand(big.toString(), "big.yaml"));
        assertTrue(e.getMessage().contains("more than 100000 values"), e.getMessage());
    }

    @Test
    void recursionAndMergeKeysAreRefusedWithAReason() {
        InputException e = assertThrows(InputException.class, () -> YamlAliases.expand("a: &a [1, *a]\n", "r.yaml"));
        assertTrue(e.getMessage().contains("recursive"), e.getMessage());
        e = assertThrows(InputException.class,
                () -> YamlAliases.expand("base: &b { h: 1 }\nother: { <<: *b, ambient: 2 }\n", "m.yaml"));
        assertTrue(e.getMessage().contains("merge keys") && e.getMessage().contains("write the keys out"), e.getMessage());
    }
}
