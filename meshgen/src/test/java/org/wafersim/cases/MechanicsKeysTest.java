package org.wafersim.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cases.CaseSpec.LayerTreatment;
import org.wafersim.cases.CaseSpec.MechanicsSpec;
import org.wafersim.cases.CaseSpec.OperatingState;
import org.wafersim.cases.CaseSpec.Point;
import org.wafersim.cases.CaseSpec.SupportSpec;
import org.wafersim.cases.CaseSpec.SupportType;
import org.wafersim.materials.MaterialLibrary;

/**
 * The {@code mechanics} block: the defaults of the embedded cases, every key, overrides and the JSON form. Bad input
 * to the block is a table: solver's {@code bad-input.yaml} (BadInputTableTest).
 */
class MechanicsKeysTest {
    /**
     * A small case with the default stack's materials: a 40 mm wafer under 50 mm plates (the plates span -5 .. 45 mm
     * in the wafer frame); {@code %s} is appended at the top level.
     */
    static final String CASE = """
            name: mechanics-keys
            wafer: {size: "40 mm", thickness: "0.5 mm"}
            dies: {columns: 2, rows: 2}
            cores: {per_die: [4, 4]}
            stack:
              - {name: coldplate, material: copper, thickness: "3 mm", size: "50 mm"}
              - {name: tim, material: tim_grease, thickness: "50 um"}
              - {name: wafer}
              - {name: connector, material: connector_elastomer, thickness: "1 mm"}
              - {name: board, material: mainboard, thickness: "6 mm", size: "50 mm"}
            power: {total: "600 W"}
            cooling: {mode: vertical, coolant: {inlet: "25 degC", flow: "30 L/min", h: "1000 W/(m^2*K)"}}
            %s
            """;
    static final String ON = "analysis: {mechanics: true}\n";

    @TempDir
    Path dir;

    private CaseSpec load(String more, String... overrides) {
        return new SmallCase(CASE).load(dir, more, overrides);
    }

    private static void roundTrips(CaseSpec c) {
        assertEquals(c.mechanics(), SmallCase.readBack(c).mechanics());
    }

    private static Map<String, LayerTreatment> defaultStack() {
        Map<String, LayerTreatment> m = new LinkedHashMap<>();
        m.put("coldplate", LayerTreatment.PLATE);
        m.put("tim", LayerTreatment.SLIDING);
        m.put("wafer", LayerTreatment.PLATE);
        m.put("connector", LayerTreatment.BONDED);
        m.put("board", LayerTreatment.PLATE);
        return m;
    }

    // ------------------------------------------------------------------------------------------------ defaults

    @Test
    void wseDefaultHasTheDefaults() {
        CaseSpec c = CaseLoader.builtin("wse-default", List.of());
        assertTrue(c.analysis().mechanics());
        MechanicsSpec m = c.mechanics();
        assertEquals(298.15, m.stressFree(), 1e-9);
        assertEquals(2.5e-3, m.spacing(), 1e-15);
        assertEquals(MechanicsSpec.DEFAULT_SPACING, m.spacing(), 0);
        assertEquals(defaultStack(), m.layers());
        assertEquals(List.copyOf(defaultStack().keySet()), List.copyOf(m.layers().keySet()));   // stack order
        assertEquals(SupportSpec.FREE, m.support());
        assertEquals(SupportType.FREE, m.support().type());
        assertNull(m.support().layer());
        assertEquals(List.of(), m.support().points());
        assertEquals(List.of(OperatingState.FULL, OperatingState.IDLE), m.states());
        assertEquals(LayerTreatment.SLIDING, m.treatment("tim"));
        assertThrows(UnsupportedOperationException.class, () -> m.layers().put("tim", LayerTreatment.PLATE));
        assertThrows(UnsupportedOperationException.class, () -> m.states().add(OperatingState.FULL));
        String t = c.resolvedText();
        for (String s : List.of("stress_free: 25 degC", "spacing: 2.5 mm", "support:\n    type: free",
                "states:\n  - full\n  - idle")) {
            assertTrue(t.contains(s), "expected '" + s + "' in:\n" + t);
        }
        assertFalse(t.contains("layers:"), t);
        roundTrips(c);
    }

    @Test
    void everyEmbeddedCaseLoadsWithTheMechanicsOn() {
        for (String name : CaseLoader.builtinNames()) {
            CaseSpec c = CaseLoader.builtin(name, List.of("analysis.mechanics=true"));
            assertTrue(c.analysis().mechanics());
            assertEquals(defaultStack(), c.mechanics().layers(), name);
        }
    }

    @Test
    void oneArgumentConstructorGivesTheDefaults() {
        MechanicsSpec m = new MechanicsSpec(300.0);
        assertEquals(300.0, m.stressFree(), 0);
        assertEquals(2.5e-3, m.spacing(), 0);
        assertEquals(Map.of(), m.layers());
        assertEquals(SupportSpec.FREE, m.support());
        assertEquals(List.of(OperatingState.FULL, OperatingState.IDLE), m.states());
    }

    @Test
    void defaultTreatmentFollowsTheMaterial() {
        MaterialLibrary lib = MaterialLibrary.builtin();
        assertEquals(LayerTreatment.SLIDING, LayerTreatment.defaultFor(lib.get("tim_grease")));
        assertEquals(LayerTreatment.SLIDING, LayerTreatment.defaultFor(lib.get("tim_graphite_pad")));
        assertEquals(LayerTreatment.BONDED, LayerTreatment.defaultFor(lib.get("connector_elastomer")));
        assertEquals(LayerTreatment.PLATE, LayerTreatment.defaultFor(lib.get("copper")));
        assertEquals(LayerTreatment.PLATE, LayerTreatment.defaultFor(lib.get("silicon")));
        assertEquals(LayerTreatment.PLATE, LayerTreatment.defaultFor(lib.get("mainboard")));
        assertEquals("bonded", LayerTreatment.BONDED.key());
        assertEquals("bosses", SupportType.BOSSES.key());
        assertEquals("idle", OperatingState.IDLE.key());
        assertEquals(LayerTreatment.SLIDING, LayerTreatment.fromKey("sliding"));
        assertNull(SupportType.fromKey("Free"));
    }

    @Test
    void aSmallCaseWithTheMechanicsOnResolvesEveryLayer() throws IOException {
        CaseSpec c = load(ON);
        assertEquals(defaultStack(), c.mechanics().layers());
        roundTrips(c);
    }

    // ------------------------------------------------------------------------------------------------ overrides

    @Test
    void everyKeyIsRead() throws IOException {
        CaseSpec c = load(ON + """
                mechanics:
                  stress_free: "150 degC"
                  spacing: "1 mm"
                  layers: {connector: plate, tim: bonded}
                  support: {type: bosses, layer: board, at: [["-4 mm", "-4 mm"], ["44 mm", "-4 mm"], ["20 mm", "44 mm"]]}
                  states: [idle]
                materials:
                  stiff_tim: {base: tim_grease, mechanics: solid, youngs_modulus: "1 GPa", poisson_ratio: 0.3, cte: "30 ppm/K"}
                """, "stack[1].material=stiff_tim");
        MechanicsSpec m = c.mechanics();
        assertEquals(423.15, m.stressFree(), 1e-9);
        assertEquals(1e-3, m.spacing(), 1e-15);
        Map<String, LayerTreatment> expected = defaultStack();
        expected.put("tim", LayerTreatment.BONDED);
        expected.put("connector", LayerTreatment.PLATE);
        assertEquals(expected, m.layers());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(m.layers().keySet()));
        assertEquals(SupportType.BOSSES, m.support().type());
        assertEquals("board", m.support().layer());
        List<Point> pts = m.support().points();
        assertEquals(3, pts.size());
        assertEquals(-4e-3, pts.get(0).x(), 1e-15);
        assertEquals(-4e-3, pts.get(0).y(), 1e-15);
        assertEquals(44e-3, pts.get(1).x(), 1e-15);
        assertEquals(20e-3, pts.get(2).x(), 1e-15);
        assertEquals(44e-3, pts.get(2).y(), 1e-15);
        assertEquals(List.of(OperatingState.IDLE), m.states());
        String t = c.resolvedText();
        for (String s : List.of("spacing: 1 mm", "connector: plate", "tim: bonded", "type: bosses", "layer: board",
                "- idle")) {
            assertTrue(t.contains(s), "expected '" + s + "' in:\n" + t);
        }
        roundTrips(c);
    }

    @Test
    void clampedDefaultsToTheBottomLayer() throws IOException {
        CaseSpec c = load(ON + "mechanics: {support: {type: clamped}}");
        assertEquals(new SupportSpec(SupportType.CLAMPED, "board", List.of()), c.mechanics().support());
        assertTrue(c.resolvedText().contains("layer: board"), c.resolvedText());
        roundTrips(c);
        CaseSpec w = load("mechanics: {support: {type: clamped, layer: wafer}}");
        assertEquals(new SupportSpec(SupportType.CLAMPED, "wafer", List.of()), w.mechanics().support());
    }

    @Test
    void statesInTheGivenOrder() throws IOException {
        assertEquals(List.of(OperatingState.IDLE, OperatingState.FULL),
                load("mechanics: {states: [idle, full]}").mechanics().states());
    }

    @Test
    void setOverridesTheNewKeys() throws IOException {
        CaseSpec c = load(ON, "mechanics.spacing=5 mm", "mechanics.layers.connector=plate",
                "mechanics.support.type=bosses",
                "mechanics.support.at=[[\"0 mm\", \"0 mm\"], [\"40 mm\", \"0 mm\"], [\"0 mm\", \"40 mm\"]]",
                "mechanics.states=[full]");
        MechanicsSpec m = c.mechanics();
        assertEquals(5e-3, m.spacing(), 1e-15);
        assertEquals(LayerTreatment.PLATE, m.layers().get("connector"));
        assertEquals(SupportType.BOSSES, m.support().type());
        assertEquals("board", m.support().layer());
        assertEquals(List.of(new Point(0, 0), new Point(0.04, 0), new Point(0, 0.04)), m.support().points());
        assertEquals(List.of(OperatingState.FULL), m.states());
        roundTrips(c);
    }

    @Test
    void setTimBondedLoadsForAThermalRun() {
        CaseSpec c = CaseLoader.builtin("wse-default", List.of("mechanics.layers.tim=bonded", "analysis.mechanics=false"));
        assertEquals(LayerTreatment.BONDED, c.mechanics().layers().get("tim"));
        assertTrue(c.resolvedText().contains("tim: bonded"), c.resolvedText());
        // with analysis.mechanics=true it is refused naming the missing constants: bad-input.yaml
    }

    @Test
    void jsonFormEqualsYaml() throws IOException {
        String more = ON + """
                mechanics:
                  spacing: "2 mm"
                  layers: {connector: bonded}
                  support: {type: bosses, at: [["0 mm", "0 mm"], ["40 mm", "0 mm"], ["20 mm", "40 mm"]]}
                  states: [full]
                """;
        CaseSpec fromYaml = load(more);
        JsonNode tree = CaseLoader.YAML.readTree(new SmallCase(CASE).text(more));
        String json = CaseLoader.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        assertTrue(json.contains("\"support\""), json);
        Path p = dir.resolve("case.json");
        Files.writeString(p, json, StandardCharsets.UTF_8);
        CaseSpec fromJson = CaseLoader.load(p, List.of());
        CaseLoaderTest.assertSameCase(fromYaml, fromJson);
        assertEquals(fromYaml.mechanics(), fromJson.mechanics());
        assertEquals(fromYaml.resolvedText(), fromJson.resolvedText());
        assertEquals(SupportType.BOSSES, fromJson.mechanics().support().type());
        assertEquals(2e-3, fromJson.mechanics().spacing(), 1e-15);
    }

    // --------------------------------------------------------------------------------------------- bad: keys

    // ------------------------------------------------------------------------------------------- bad: layers

    @Test
    void defaultsAreCheckedOnlyWhenTheMechanicsRuns() throws IOException {
        // a sliding TIM on top of the stack: fine for a thermal run, refused for a mechanics run
        CaseSpec c = load("", "stack[0].material=tim_grease");
        assertEquals(LayerTreatment.SLIDING, c.mechanics().layers().get("coldplate"));
    }

    @Test
    void aBondedLayerWithoutElasticConstantsLoadsForAThermalRun() throws IOException {
        assertEquals(LayerTreatment.BONDED, load("mechanics: {layers: {tim: bonded}}").mechanics().layers().get("tim"));
    }

    @Test
    void slidingLayerNeedsNoElasticConstants() throws IOException {
        CaseSpec c = load(ON + "mechanics: {layers: {connector: sliding}}");
        assertEquals(LayerTreatment.SLIDING, c.mechanics().layers().get("connector"));
    }

    @Test
    void materialWithoutMechanicalRoleLoadsForAThermalRun() throws IOException {
        assertEquals(LayerTreatment.PLATE, load("", "stack[0].material=water").mechanics().layers().get("coldplate"));
    }

    @Test
    void poissonRatioOfHalfOrMore() throws IOException {
        // the library refuses an in-plane ratio >= 0.5 when the material is defined; a through-thickness ratio
        // >= 0.5 passes the library (positive definite with a soft z) and is refused for a mechanics run
        // (bad-input.yaml), but not for a thermal one
        String soft = "materials: {soft: {base: copper, youngs_modulus_through: \"10 GPa\", poisson_ratio_through: 0.6,"
                + " shear_modulus_through: \"40 GPa\"}}\n";
        CaseSpec thermal = load(soft, "stack[0].material=soft");
        assertEquals(LayerTreatment.PLATE, thermal.mechanics().layers().get("coldplate"));
        // a sliding layer takes no shear and needs no ratio
        assertEquals(LayerTreatment.SLIDING, load(ON + soft + "mechanics: {layers: {tim: sliding}}",
                "stack[1].material=soft").mechanics().layers().get("tim"));
    }

    // ------------------------------------------------------------------------------------------ bad: support

    @Test
    void collinearWithinAToleranceOfTheFootprint() {
        double l = 0.25;
        assertTrue(MechanicsReader.collinear(List.of(new Point(0, 0), new Point(0.1, 0), new Point(0.2, 1e-8)), l));
        assertFalse(MechanicsReader.collinear(List.of(new Point(0, 0), new Point(0.1, 0), new Point(0.2, 1e-5)), l));
        assertTrue(MechanicsReader.collinear(List.of(new Point(0, 0), new Point(0, 0)), l));
    }

    // ------------------------------------------------------------------------------------------- bad: states

}
