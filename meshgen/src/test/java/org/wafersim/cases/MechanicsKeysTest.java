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
import org.wafersim.errors.InputException;
import org.wafersim.materials.MaterialLibrary;

/**
 * The {@code mechanics} block: the defaults of the embedded cases, every key, overrides, the JSON form, and one test
 * per kind of bad input, each naming the file, the key path and the reason.
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
    static final String HYBRID = "needs a hybrid (mixed displacement-pressure) formulation, which wafersim's plate"
            + " model does not have";

    @TempDir
    Path dir;

    private Path write(String more) throws IOException {
        Path p = dir.resolve("case.yaml");
        Files.writeString(p, CASE.formatted(more.strip()), StandardCharsets.UTF_8);
        return p;
    }

    private CaseSpec load(String more, String... overrides) throws IOException {
        return CaseLoader.load(write(more), List.of(overrides));
    }

    private InputException fails(String more, String keyPath, String... reasonParts) throws IOException {
        return failsWith(more, List.of(), keyPath, reasonParts);
    }

    private InputException failsWith(String more, List<String> overrides, String keyPath, String... reasonParts)
            throws IOException {
        Path p = write(more);
        InputException e = assertThrows(InputException.class, () -> CaseLoader.load(p, overrides));
        assertEquals(p.toString(), e.source(), e.getMessage());
        assertEquals(keyPath, e.keyPath(), e.getMessage());
        assertTrue(e.getMessage().startsWith(p + ": " + keyPath + ": "), e.getMessage());
        for (String r : reasonParts) {
            assertTrue(e.getMessage().contains(r), "expected '" + r + "' in: " + e.getMessage());
        }
        return e;
    }

    private static void roundTrips(CaseSpec c) {
        CaseSpec again = CaseLoader.parse(c.resolvedText(), "yaml", "again.yaml", List.of());
        CaseLoaderTest.assertSameCase(c, again);
        assertEquals(c.mechanics(), again.mechanics());
        assertEquals(c.resolvedText(), again.resolvedText());
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
    void setTimBondedLoadsForAThermalRunAndNamesTheMissingConstantsForAMechanicsRun() {
        CaseSpec c = CaseLoader.builtin("wse-default", List.of("mechanics.layers.tim=bonded", "analysis.mechanics=false"));
        assertEquals(LayerTreatment.BONDED, c.mechanics().layers().get("tim"));
        assertTrue(c.resolvedText().contains("tim: bonded"), c.resolvedText());
        InputException e = assertThrows(InputException.class, () -> CaseLoader.builtin("wse-default",
                List.of("mechanics.layers.tim=bonded", "analysis.mechanics=true")));
        assertEquals("mechanics.layers.tim", e.keyPath(), e.getMessage());
        for (String s : List.of("layer 'tim' (material tim_grease) is bonded", "tim_grease has no elastic constants",
                "missing youngs_modulus, poisson_ratio, cte", "mechanical role sliding",
                "--set mechanics.layers.tim=bonded")) {
            assertTrue(e.getMessage().contains(s), "expected '" + s + "' in: " + e.getMessage());
        }
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
        JsonNode tree = CaseLoader.YAML.readTree(CASE.formatted(more.strip()));
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

    @Test
    void unknownKeys() throws IOException {
        fails("mechanics: {spacin: \"1 mm\"}", "mechanics.spacin", "unknown key 'spacin'",
                "did you mean 'spacing'", "stress_free, spacing, layers, support, states");
        fails("mechanics: {support: {typ: free}}", "mechanics.support.typ", "unknown key 'typ'",
                "did you mean 'type'");
    }

    @Test
    void spacing() throws IOException {
        fails("mechanics: {spacing: \"0 mm\"}", "mechanics.spacing", "spacing must be > 0 (the in-plane element size of the mechanics grid), got 0 mm");
        fails("mechanics: {spacing: \"-1 mm\"}", "mechanics.spacing", "must be > 0");
        fails("mechanics: {spacing: 2.5}", "mechanics.spacing", "missing unit");
        fails("mechanics: {spacing: \"2.5 K\"}", "mechanics.spacing");
        fails("mechanics: {spacing: \"41 mm\"}", "mechanics.spacing",
                "spacing must not exceed the wafer size (40 mm), got 41 mm");
    }

    // ------------------------------------------------------------------------------------------- bad: layers

    @Test
    void unknownLayerNameWithASuggestion() throws IOException {
        fails("mechanics: {layers: {timm: sliding}}", "mechanics.layers.timm", "unknown layer 'timm'",
                "did you mean 'tim'", "layers: coldplate, tim, wafer, connector, board");
    }

    @Test
    void unknownTreatment() throws IOException {
        fails("mechanics: {layers: {tim: glued}}", "mechanics.layers.tim", "unknown layer treatment 'glued'",
                "allowed: plate | bonded | sliding");
        fails("mechanics: {layers: {tim: slidng}}", "mechanics.layers.tim", "did you mean 'sliding'");
        fails("mechanics: {layers: {tim: 3}}", "mechanics.layers.tim", "unknown layer treatment the number 3");
        fails("mechanics: {layers: [tim]}", "mechanics.layers", "layers must be a mapping");
    }

    @Test
    void topAndBottomLayersCannotBeInterfaces() throws IOException {
        fails("mechanics: {layers: {coldplate: sliding}}", "mechanics.layers.coldplate",
                "layer 'coldplate' is the first (top) layer of the stack and cannot be sliding",
                "an interface (bonded or sliding) needs a layer on each side");
        fails("mechanics: {layers: {board: bonded}}", "mechanics.layers.board",
                "layer 'board' is the last (bottom) layer of the stack and cannot be bonded",
                "needs a layer on each side");
    }

    @Test
    void adjacentInterfaces() throws IOException {
        fails("mechanics: {layers: {wafer: bonded}}", "mechanics.layers.wafer",
                "interface layers 'tim' (sliding, the default for material tim_grease (mechanical role sliding))"
                        + " and 'wafer' (bonded) are adjacent", "two interfaces must not touch");
    }

    @Test
    void atLeastOnePlate() throws IOException {
        fails("mechanics: {layers: {coldplate: sliding, wafer: sliding, board: bonded}}",
                "mechanics.layers.coldplate", "no plate layer: the mechanics needs at least one plate",
                "coldplate (sliding), tim (sliding), wafer (sliding), connector (bonded), board (bonded)");
    }

    @Test
    void defaultsAreCheckedOnlyWhenTheMechanicsRuns() throws IOException {
        // a sliding TIM on top of the stack: fine for a thermal run, refused for a mechanics run
        CaseSpec c = load("", "stack[0].material=tim_grease");
        assertEquals(LayerTreatment.SLIDING, c.mechanics().layers().get("coldplate"));
        failsWith(ON, List.of("stack[0].material=tim_grease"), "mechanics.layers.coldplate",
                "layer 'coldplate' is the first (top) layer of the stack and cannot be sliding, the default for"
                        + " material tim_grease (mechanical role sliding)");
    }

    @Test
    void plateOrBondedLayerWithoutElasticConstants() throws IOException {
        assertEquals(LayerTreatment.BONDED, load("mechanics: {layers: {tim: bonded}}").mechanics().layers().get("tim"));
        fails(ON + "mechanics: {layers: {tim: plate}}", "mechanics.layers.tim",
                "layer 'tim' (material tim_grease) is plate", "tim_grease has no elastic constants",
                "missing youngs_modulus, poisson_ratio, cte", "or make the layer sliding");
        // elastic constants given but the role stays sliding
        failsWith(ON + """
                mechanics: {layers: {tim: bonded}}
                materials: {half_tim: {base: tim_grease, youngs_modulus: "1 GPa", poisson_ratio: 0.3, cte: "30 ppm/K"}}
                """.strip(), List.of("stack[1].material=half_tim"), "mechanics.layers.tim", "half_tim has no elastic constants",
                "its mechanical role is sliding (set mechanics: solid");
    }

    @Test
    void waferMaterialComesFromTheWaferBlock() throws IOException {
        waferMaterialIs("tim_grease", "mechanics: {layers: {wafer: plate}}", "mechanics.layers.wafer",
                "layer 'wafer' (material tim_grease, from wafer.material) is plate",
                "tim_grease has no elastic constants");
    }

    private InputException waferMaterialIs(String material, String more, String keyPath, String... reason)
            throws IOException {
        Path p = dir.resolve("case.yaml");
        Files.writeString(p, CASE.formatted(ON + more).replace("thickness: \"0.5 mm\"}",
                "thickness: \"0.5 mm\", material: " + material + "}"), StandardCharsets.UTF_8);
        InputException e = assertThrows(InputException.class, () -> CaseLoader.load(p, List.of()));
        assertEquals(keyPath, e.keyPath(), e.getMessage());
        for (String r : reason) assertTrue(e.getMessage().contains(r), "expected '" + r + "' in: " + e.getMessage());
        return e;
    }

    @Test
    void waferOfASlidingMaterialIsReportedAgainstTheWaferLayer() throws IOException {
        // the wafer's material defaults its treatment like any layer's: tim_grease → sliding, next to the TIM
        waferMaterialIs("tim_grease", "", "mechanics.layers.wafer", "are adjacent");
    }

    @Test
    void slidingLayerNeedsNoElasticConstants() throws IOException {
        CaseSpec c = load(ON + "mechanics: {layers: {connector: sliding}}");
        assertEquals(LayerTreatment.SLIDING, c.mechanics().layers().get("connector"));
    }

    @Test
    void materialWithoutMechanicalRoleOnlyWithoutTheMechanics() throws IOException {
        assertEquals(LayerTreatment.PLATE, load("", "stack[0].material=water").mechanics().layers().get("coldplate"));
        failsWith(ON, List.of("stack[0].material=water"), "mechanics.layers.coldplate",
                "layer 'coldplate' (material water): the material has no mechanical role (mechanics: none");
        failsWith(ON + "mechanics: {layers: {tim: sliding}}", List.of("stack[1].material=water"),
                "mechanics.layers.tim", "material water", "no mechanical role");
    }

    @Test
    void poissonRatioOfHalfOrMore() throws IOException {
        // the library refuses an in-plane ratio >= 0.5 when the material is defined
        fails("materials: {rubber: {base: copper, poisson_ratio: 0.5}}", "materials.rubber.poisson_ratio",
                "must be below 0.5", "hybrid formulation");
        // a through-thickness ratio >= 0.5 passes the library (positive definite with a soft z) and is refused here
        String soft = "materials: {soft: {base: copper, youngs_modulus_through: \"10 GPa\", poisson_ratio_through: 0.6,"
                + " shear_modulus_through: \"40 GPa\"}}\n";
        CaseSpec thermal = load(soft, "stack[0].material=soft");
        assertEquals(LayerTreatment.PLATE, thermal.mechanics().layers().get("coldplate"));
        failsWith(ON + soft, List.of("stack[0].material=soft"), "mechanics.layers.coldplate",
                "layer 'coldplate' (material soft): poisson_ratio_through is 0.6; Poisson ratio 0.6 >= 0.5 " + HYBRID);
        failsWith(ON + soft, List.of("stack[3].material=soft"), "mechanics.layers.connector", "Poisson ratio 0.6");
        // a sliding layer takes no shear and needs no ratio
        assertEquals(LayerTreatment.SLIDING, load(ON + soft + "mechanics: {layers: {tim: sliding}}",
                "stack[1].material=soft").mechanics().layers().get("tim"));
    }

    // ------------------------------------------------------------------------------------------ bad: support

    @Test
    void supportType() throws IOException {
        fails("mechanics: {support: {type: fixed}}", "mechanics.support.type", "unknown support type 'fixed'",
                "allowed: free | clamped | bosses");
        fails("mechanics: {support: {type: clampd}}", "mechanics.support.type", "did you mean 'clamped'");
    }

    @Test
    void supportLayer() throws IOException {
        fails("mechanics: {support: {type: clamped, layer: bord}}", "mechanics.support.layer", "unknown layer 'bord'",
                "did you mean 'board'");
        fails("mechanics: {support: {type: clamped, layer: tim}}", "mechanics.support.layer",
                "the support layer 'tim' is sliding; a support holds a plate layer");
        fails("mechanics: {support: {type: clamped, layer: connector}}", "mechanics.support.layer",
                "'connector' is bonded");
    }

    @Test
    void keysThatDoNotApplyToTheSupportType() throws IOException {
        fails("mechanics: {support: {layer: board}}", "mechanics.support.layer", "layer applies only to type: clamped"
                + " or bosses");
        fails("mechanics: {support: {at: [[\"0 mm\", \"0 mm\"]]}}", "mechanics.support.at",
                "at applies only to type: bosses");
        fails("mechanics: {support: {type: clamped, at: [[\"0 mm\", \"0 mm\"]]}}", "mechanics.support.at",
                "at applies only to type: bosses");
    }

    @Test
    void bossesNeedTheirPoints() throws IOException {
        fails("mechanics: {support: {type: bosses}}", "mechanics.support.at", "missing required key 'at'");
        fails("mechanics: {support: {type: bosses, at: \"0 mm\"}}", "mechanics.support.at",
                "at must be a list of [x, y] points");
        fails("mechanics: {support: {type: bosses, at: [[\"0 mm\", \"0 mm\", \"0 mm\"]]}}", "mechanics.support.at[0]",
                "a boss is a point [x, y] of two lengths");
        fails("mechanics: {support: {type: bosses, at: [[\"0 mm\", 3]]}}", "mechanics.support.at[0][1]",
                "missing unit");
    }

    @Test
    void bossOutsideTheLayer() throws IOException {
        fails("mechanics: {support: {type: bosses, at: [[\"0 mm\", \"0 mm\"], [\"46 mm\", \"0 mm\"],"
                + " [\"0 mm\", \"40 mm\"]]}}", "mechanics.support.at[1]",
                "boss at (46 mm, 0 mm) lies outside layer 'board', which spans x -5 mm .. 45 mm, y -5 mm .. 45 mm");
        // the wafer is smaller than the board: a point on the board's overhang is outside the wafer
        fails("mechanics: {support: {type: bosses, layer: wafer, at: [[\"-1 mm\", \"0 mm\"], [\"40 mm\", \"0 mm\"],"
                + " [\"0 mm\", \"40 mm\"]]}}", "mechanics.support.at[0]", "outside layer 'wafer'",
                "spans x 0 mm .. 40 mm");
    }

    @Test
    void tooFewOrCollinearBosses() throws IOException {
        fails("mechanics: {support: {type: bosses, at: [[\"0 mm\", \"0 mm\"], [\"40 mm\", \"0 mm\"]]}}",
                "mechanics.support.at", "supports leave rigid-body motion unconstrained: 2 bosses on layer 'board'",
                "at least three not on one line are needed");
        fails("mechanics: {support: {type: bosses, at: []}}", "mechanics.support.at", "0 bosses");
        fails("mechanics: {support: {type: bosses, at: [[\"0 mm\", \"0 mm\"], [\"20 mm\", \"20 mm\"],"
                + " [\"40 mm\", \"40 mm\"], [\"10 mm\", \"10 mm\"]]}}", "mechanics.support.at",
                "supports leave rigid-body motion unconstrained: 4 bosses all on one line",
                "at least three not on one line are needed");
    }

    @Test
    void duplicateBosses() throws IOException {
        fails("mechanics: {support: {type: bosses, at: [[\"0 mm\", \"0 mm\"], [\"40 mm\", \"0 mm\"],"
                + " [\"0 cm\", \"0 um\"], [\"0 mm\", \"40 mm\"]]}}", "mechanics.support.at[2]",
                "duplicate boss (the same point as mechanics.support.at[0])");
    }

    @Test
    void collinearWithinAToleranceOfTheFootprint() {
        double l = 0.25;
        assertTrue(MechanicsReader.collinear(List.of(new Point(0, 0), new Point(0.1, 0), new Point(0.2, 1e-8)), l));
        assertFalse(MechanicsReader.collinear(List.of(new Point(0, 0), new Point(0.1, 0), new Point(0.2, 1e-5)), l));
        assertTrue(MechanicsReader.collinear(List.of(new Point(0, 0), new Point(0, 0)), l));
    }

    // ------------------------------------------------------------------------------------------- bad: states

    @Test
    void states() throws IOException {
        fails("mechanics: {states: []}", "mechanics.states", "states must be a non-empty list", "got an empty list");
        fails("mechanics: {states: full}", "mechanics.states", "states must be a non-empty list", "got \"full\"");
        fails("mechanics: {states: [full, ful]}", "mechanics.states[1]", "unknown operating state 'ful'",
                "did you mean 'full'", "allowed: full | idle");
        fails("mechanics: {states: [\"off\"]}", "mechanics.states[0]", "unknown operating state 'off'");
        fails("mechanics: {states: [off]}", "mechanics.states[0]", "unknown operating state false",
                "YAML reads off, on, yes and no as true or false");
        fails("mechanics: {states: [idle, idle]}", "mechanics.states[1]",
                "duplicate operating state 'idle' (also mechanics.states[0])");
    }
}
