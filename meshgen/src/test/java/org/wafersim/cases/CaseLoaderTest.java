package org.wafersim.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cases.CaseSpec.CoolingMode;
import org.wafersim.cases.CaseSpec.FlowDirection;
import org.wafersim.cases.CaseSpec.LayerSpec;
import org.wafersim.cases.CaseSpec.PowerPattern;
import org.wafersim.cases.CaseSpec.ThermalAnalysis;
import org.wafersim.errors.InputException;

/**
 * CaseLoader: one test per kind of bad input (each checks that the message names the file, the key path and the
 * reason), plus the embedded cases, overrides, defaults and the JSON/YAML equivalence.
 */
class CaseLoaderTest {

    /** A complete small case in YAML; tests change one thing in it. */
    static final String BASE = """
            name: test-case
            wafer:
              size: "215 mm"
              thickness: "0.775 mm"
              material: silicon
            dies:
              columns: 12
              rows: 7
              scribe: "0.1 mm"
            cores:
              per_die: [53, 91]
              spare_fraction: 0.015
            stack:
              - name: coldplate
                material: copper
                thickness: "3 mm"
                size: "250 mm"
              - name: tim
                material: tim_grease
                thickness: "50 um"
              - name: wafer
              - name: connector
                material: connector_elastomer
                thickness: "1 mm"
              - name: board
                material: mainboard
                thickness: "6 mm"
                size: "250 mm"
            power:
              total: "15 kW"
              idle: "5 kW"
              pattern: hot-band
            cooling:
              mode: vertical
              coolant:
                fluid: water
                inlet: "30 degC"
                flow: "30 L/min"
                h: "20000 W/(m^2*K)"
                direction: "+x"
              board_back: {h: "1000 W/(m^2*K)", ambient: "35 degC"}
              other_faces: {h: "10 W/(m^2*K)", ambient: "35 degC"}
            probes:
              - {name: centre, at: ["107.5 mm", "107.5 mm"], layer: wafer}
            """;

    @TempDir
    Path dir;

    // ------------------------------------------------------------------------------------------------ helpers

    private Path write(String fileName, String text) throws IOException {
        Path p = dir.resolve(fileName);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    /** BASE with exactly one occurrence of {@code from} replaced. */
    private static String base(String from, String to) {
        int i = BASE.indexOf(from);
        assertTrue(i >= 0, "test setup: '" + from + "' not in BASE");
        assertEquals(i, BASE.lastIndexOf(from), "test setup: '" + from + "' occurs more than once in BASE");
        return BASE.replace(from, to);
    }

    private CaseSpec load(String text, String... overrides) throws IOException {
        return CaseLoader.load(write("case.yaml", text), List.of(overrides));
    }

    /** Loading {@code text} as case.yaml fails with a message naming the file, the key path and the reason. */
    private InputException fails(String text, String keyPath, String... reasonParts) throws IOException {
        Path p = write("case.yaml", text);
        return expect(() -> CaseLoader.load(p, List.of()), p.toString(), keyPath, reasonParts);
    }

    private static InputException expect(Executable call, String source, String keyPath, String... reasonParts) {
        InputException e = assertThrows(InputException.class, call);
        String msg = e.getMessage();
        if (source != null) {
            assertEquals(source, e.source(), msg);
            assertTrue(msg.contains(source), msg);
        }
        if (keyPath != null) {
            assertEquals(keyPath, e.keyPath(), msg);
            assertTrue(msg.contains(keyPath + ": "), msg);
        }
        for (String r : reasonParts) assertTrue(msg.contains(r), "expected '" + r + "' in: " + msg);
        return e;
    }

    // ------------------------------------------------------------------------------------- syntax errors

    @Test
    void malformedYamlReportsLineAndColumn() throws IOException {
        String text = base("  per_die: [53, 91]", "  per_die: [53, 91");
        InputException e = fails(text, null, "malformed YAML", "line 12, column 17",
                "expected ',' or ']'");
        assertTrue(e.getMessage().contains("case.yaml"));
    }

    @Test
    void malformedJsonReportsLineAndColumn() throws IOException {
        Path p = write("case.json", "{\n  \"name\": \"x\",\n  \"wafer\": {\"size\": \"215 mm\",}\n}\n");
        expect(() -> CaseLoader.load(p, List.of()), p.toString(), null, "malformed JSON", "line 3, column 30");
    }

    @Test
    void duplicateYamlKeyIsAnError() throws IOException {
        fails(base("  inlet: \"30 degC\"", "  inlet: \"30 degC\"\n    inlet: \"40 degC\""),
                "cooling.coolant.inlet", "duplicate key 'inlet'", "line 38");
    }

    @Test
    void duplicateJsonKeyIsAnError() throws IOException {
        Path p = write("case.json", "{\"name\": \"a\", \"dies\": {\"rows\": 7, \"rows\": 8}}");
        expect(() -> CaseLoader.load(p, List.of()), p.toString(), "dies.rows", "duplicate key 'rows'", "line 1");
    }

    @Test
    void secondYamlDocumentIsAnError() throws IOException {
        fails(BASE + "---\nname: other\n", null, "malformed YAML", "one document");
    }

    @Test
    void trailingJsonIsAnError() throws IOException {
        Path p = write("case.json", "{\"name\": \"a\"} {\"name\": \"b\"}");
        expect(() -> CaseLoader.load(p, List.of()), p.toString(), null, "malformed JSON");
    }

    @Test
    void emptyFileIsAnError() throws IOException {
        fails("# nothing here\n", null, "the case is empty");
    }

    @Test
    void topLevelListIsAnError() throws IOException {
        fails("- a\n- b\n", null, "must be a mapping");
    }

    @Test
    void unsupportedExtensionIsAnError() throws IOException {
        Path p = write("case.txt", BASE);
        expect(() -> CaseLoader.load(p, List.of()), p.toString(), null, "unsupported case file type '.txt'");
    }

    @Test
    void byteOrderMarkIsIgnored() throws IOException {
        JsonNode tree = CaseLoader.YAML.readTree(BASE);
        Path p = write("case.json", "\uFEFF" + CaseLoader.JSON.writeValueAsString(tree));
        assertEquals("test-case", CaseLoader.load(p, List.of()).name());
    }

    @Test
    void missingFileIsAnError() {
        Path p = dir.resolve("nope.yaml");
        expect(() -> CaseLoader.load(p, List.of()), p.toString(), null, "no such file");
    }

    // ------------------------------------------------------------------------------------- unknown / missing keys

    @Test
    void unknownTopLevelKeyIsAnError() throws IOException {
        InputException e = fails(BASE + "colour: blue\n", "colour", "unknown key 'colour'", "allowed keys: name, wafer");
        assertTrue(e.getMessage().contains("solver"), e.getMessage());
    }

    @Test
    void unknownNestedKeyIsAnError() throws IOException {
        fails(base("    direction: \"+x\"", "    direction: \"+x\"\n    speed: \"2 m/s\""), "cooling.coolant.speed",
                "unknown key 'speed'", "allowed keys in cooling.coolant: fluid, inlet, flow, h, direction");
    }

    @Test
    void misspeltKeyGetsASuggestion() throws IOException {
        fails(base("  thickness: \"0.775 mm\"", "  thicknes: \"0.775 mm\""), "wafer.thicknes",
                "unknown key 'thicknes'", "did you mean 'thickness'");
    }

    @Test
    void missingRequiredBlockIsAnError() throws IOException {
        String text = BASE.substring(0, BASE.indexOf("dies:")) + BASE.substring(BASE.indexOf("cores:"));
        fails(text, "dies", "missing required key 'dies'");
    }

    @Test
    void missingNameIsAnError() throws IOException {
        fails(base("name: test-case\n", ""), "name", "missing required key 'name'");
    }

    @Test
    void badNameIsAnError() throws IOException {
        fails(base("name: test-case", "name: \"my case/1\""), "name", "letters, digits", "my case/1");
    }

    // ------------------------------------------------------------------------------------- units and values

    @Test
    void missingUnitIsAnError() throws IOException {
        fails(base("  thickness: \"0.775 mm\"", "  thickness: 0.775"), "wafer.thickness", "missing unit", "0.775",
                "length");
    }

    @Test
    void wrongDimensionIsAnError() throws IOException {
        fails(base("  thickness: \"0.775 mm\"", "  thickness: \"15 kW\""), "wafer.thickness", "15 kW", "power",
                "expected a length");
    }

    @Test
    void zeroThicknessIsAnError() throws IOException {
        fails(base("    thickness: \"1 mm\"", "    thickness: \"0 mm\""), "stack[3].thickness",
                "thickness must be > 0, got 0 mm");
    }

    @Test
    void negativeThicknessIsAnError() throws IOException {
        InputException e = fails(base("    thickness: \"50 um\"", "    thickness: \"-50 um\""), "stack[1].thickness",
                "thickness must be > 0, got -50 um");
        assertTrue(e.getMessage().endsWith("case.yaml: stack[1].thickness: thickness must be > 0, got -50 um"),
                e.getMessage());
    }

    @Test
    void negativeWaferThicknessIsAnError() throws IOException {
        fails(base("  thickness: \"0.775 mm\"", "  thickness: \"-0.775 mm\""), "wafer.thickness",
                "thickness must be > 0");
    }

    @Test
    void activeLayerThickerThanWaferIsAnError() throws IOException {
        fails(base("  material: silicon", "  material: silicon\n  active_layer: \"1 mm\""), "wafer.active_layer",
                "active_layer must be thinner than the wafer");
    }

    @Test
    void scribeWiderThanDiePitchIsAnError() throws IOException {
        fails(base("  scribe: \"0.1 mm\"", "  scribe: \"20 mm\""), "dies.scribe", "narrower than the die pitch");
    }

    @Test
    void zeroDieRowsIsAnError() throws IOException {
        fails(base("  rows: 7", "  rows: 0"), "dies.rows", "rows must be >= 1");
    }

    @Test
    void fractionalDieCountIsAnError() throws IOException {
        fails(base("  columns: 12", "  columns: 12.5"), "dies.columns", "whole number");
    }

    @Test
    void unknownMaterialInStackIsAnError() throws IOException {
        fails(base("    material: tim_grease", "    material: unobtainium"), "stack[1].material",
                "unknown material 'unobtainium'", "known materials:");
    }

    @Test
    void unknownMaterialInWaferIsAnError() throws IOException {
        fails(base("  material: silicon", "  material: germanium_x"), "wafer.material",
                "unknown material 'germanium_x'");
    }

    @Test
    void unknownCoolingModeIsAnError() throws IOException {
        fails(base("  mode: vertical", "  mode: sideways"), "cooling.mode", "unknown cooling mode 'sideways'",
                "vertical | lateral | edge");
    }

    @Test
    void unknownFlowDirectionIsAnError() throws IOException {
        fails(base("    direction: \"+x\"", "    direction: \"+z\""), "cooling.coolant.direction",
                "unknown flow direction '+z'", "+x | -x | +y | -y");
    }

    @Test
    void zeroFlowIsAnError() throws IOException {
        fails(base("    flow: \"30 L/min\"", "    flow: \"0 L/min\""), "cooling.coolant.flow", "flow must be > 0");
    }

    @Test
    void lateralCoolingNeedsAFlow() throws IOException {
        String text = base("    flow: \"30 L/min\"\n", "").replace("mode: vertical", "mode: lateral");
        fails(text, "cooling.coolant.flow", "missing required key 'flow'");
        // vertical too: its coolant warms by P / (m_dot c_p)
        fails(base("    flow: \"30 L/min\"\n", ""), "cooling.coolant.flow", "missing required key 'flow'");
    }

    @Test
    void negativePowerIsAnError() throws IOException {
        fails(base("  total: \"15 kW\"", "  total: \"-15 kW\""), "power.total", "total must be > 0, got -15 kW");
    }

    @Test
    void idleAboveTotalIsAnError() throws IOException {
        fails(base("  idle: \"5 kW\"", "  idle: \"20 kW\""), "power.idle", "idle must not exceed total", "20 kW");
    }

    @Test
    void unknownPowerPatternIsAnError() throws IOException {
        fails(base("  pattern: hot-band", "  pattern: hotband"), "power.pattern", "unknown power pattern 'hotband'",
                "did you mean 'hot-band'");
    }

    @Test
    void spareFractionOfOneIsAnError() throws IOException {
        fails(base("  spare_fraction: 0.015", "  spare_fraction: 1"), "cores.spare_fraction",
                "spare_fraction must be in [0, 1)");
    }

    @Test
    void spareFractionAndExplicitSparesTogetherIsAnError() throws IOException {
        fails(base("  spare_fraction: 0.015", "  spare_fraction: 0.015\n  spares: [[0, 0, 1, 1]]"),
                "cores.spare_fraction", "not both");
    }

    @Test
    void spareOutsideTheDieIsAnError() throws IOException {
        fails(base("  spare_fraction: 0.015", "  spares: [[0, 0, 1, 1], [11, 6, 53, 0]]"), "cores.spares[1][2]",
                "core_col must be in 0..52");
    }

    @Test
    void duplicateLayerNameIsAnError() throws IOException {
        fails(base("  - name: board", "  - name: tim"), "stack[4].name", "duplicate layer name 'tim'", "stack[1]");
    }

    @Test
    void twoWaferEntriesIsAnError() throws IOException {
        fails(base("  - name: wafer\n", "  - name: wafer\n  - name: wafer\n"), "stack[3]", "second wafer entry",
                "stack[2]");
    }

    @Test
    void noWaferEntryIsAnError() throws IOException {
        fails(base("  - name: wafer\n", ""), "stack", "no wafer entry");
    }

    @Test
    void waferEntryTakesNoOtherKeys() throws IOException {
        fails(base("  - name: wafer\n", "  - name: wafer\n    thickness: \"1 mm\"\n"), "stack[2].thickness",
                "unknown key 'thickness'", "set in the 'wafer' block");
    }

    @Test
    void probeOutsideItsLayerIsAnError() throws IOException {
        fails(base("at: [\"107.5 mm\", \"107.5 mm\"]", "at: [\"107.5 mm\", \"230 mm\"]"), "probes[0].at",
                "lies outside layer 'wafer'", "0 .. 215 mm");
    }

    @Test
    void probeInAWiderLayerMayLieOutsideTheWafer() throws IOException {
        CaseSpec c = load(base("layer: wafer}", "layer: coldplate}").replace("\"107.5 mm\", \"107.5 mm\"",
                "\"-10 mm\", \"230 mm\""));
        assertEquals(-0.010, c.probes().get(0).x(), 1e-12);
    }

    @Test
    void probeInAnUnknownLayerIsAnError() throws IOException {
        fails(base("layer: wafer}", "layer: wafr}"), "probes[0].layer", "unknown layer 'wafr'",
                "did you mean 'wafer'");
    }

    @Test
    void badGridAndSolverSettingsAreErrors() throws IOException {
        fails(BASE + "grid: {max_growth: 3}\n", "grid.max_growth", "max_growth must be in (1, 2]");
        fails(BASE + "solver: {tolerance: 0.1}\n", "solver.tolerance", "tolerance must be in (0, 0.001] (relative residual), got 0.1");
        fails(BASE + "solver: {picard_tolerance: 1e-6}\n", "solver.picard_tolerance", "missing unit");
        fails(BASE + "analysis: {mechanics: yes please}\n", "analysis.mechanics", "expected true or false");
    }

    @Test
    void powerMapAndPatternAreExclusive() throws IOException {
        fails(base("  pattern: hot-band", "  pattern: hot-band\n  map: power.csv"), "power.pattern",
                "either power.pattern or power.map");
    }

    // ------------------------------------------------------------------------------------- case materials

    @Test
    void caseMaterialIsDefinedAndUsable() throws IOException {
        String text = base("    material: tim_grease", "    material: my_tim")
                + "materials:\n  my_tim: {base: tim_grease, conductivity: \"3 W/(m*K)\"}\n";
        CaseSpec c = load(text);
        assertEquals("my_tim", c.stack().get(1).material());
        assertTrue(c.materials().contains("my_tim"));
        assertTrue(c.resolvedText().contains("my_tim"), c.resolvedText());
    }

    @Test
    void materialAliasesBecomeLibraryNames() throws IOException {
        CaseSpec c = load(BASE, "wafer.material=silicon_100", "stack[0].material=copper_C110");
        assertEquals("silicon", c.wafer().material());
        assertEquals("silicon", c.stack().get(c.waferLayerIndex()).material());
        assertEquals("copper", c.stack().get(0).material());
        assertTrue(c.resolvedText().contains("material: silicon\n"), c.resolvedText());
    }

    @Test
    void caseMaterialWithABadPropertyIsAnError() throws IOException {
        fails(BASE + "materials:\n  my_tim: {base: tim_grease, conductivity: \"3 W/m\"}\n",
                "materials.my_tim.conductivity", "3 W/m");
        fails(BASE + "materials:\n  my_tim: {base: tim_grease, colour: blue}\n", "materials.my_tim.colour",
                "unknown material property");
    }

    @Test
    void caseMaterialWithUnknownBaseIsAnError() throws IOException {
        fails(BASE + "materials:\n  my_tim: {base: tim_paste}\n", "materials.my_tim.base",
                "unknown material 'tim_paste'");
    }

    // ------------------------------------------------------------------------------------- overrides

    @Test
    void overrideOnAnUnknownKeyIsAnError() throws IOException {
        Path p = write("case.yaml", BASE);
        expect(() -> CaseLoader.load(p, List.of("cooling.coolant.speed=2 m/s")), "--set", "cooling.coolant.speed",
                "unknown key 'speed'", "cooling.coolant.speed=2 m/s", "fluid, inlet, flow, h, direction");
    }

    @Test
    void overrideWithoutEqualsSignIsAnError() throws IOException {
        Path p = write("case.yaml", BASE);
        expect(() -> CaseLoader.load(p, List.of("power.total")), "--set", null, "bad override \"power.total\"",
                "key=value");
    }

    @Test
    void overrideWithBadKeySyntaxIsAnError() throws IOException {
        Path p = write("case.yaml", BASE);
        expect(() -> CaseLoader.load(p, List.of("stack[x].thickness=1 mm")), "--set", "stack[x].thickness",
                "bad key path");
    }

    @Test
    void overrideIndexOutOfRangeIsAnError() throws IOException {
        Path p = write("case.yaml", BASE);
        expect(() -> CaseLoader.load(p, List.of("stack[9].thickness=1 mm")), "--set", "stack[9].thickness",
                "index 9 is out of range", "5 entries");
    }

    @Test
    void overrideWithBadValueNamesTheFileKeyAndTheOverride() throws IOException {
        Path p = write("case.yaml", BASE);
        expect(() -> CaseLoader.load(p, List.of("stack[1].thickness=-50 um")), p.toString(), "stack[1].thickness",
                "thickness must be > 0, got -50 um", "--set stack[1].thickness=-50 um");
    }

    @Test
    void overridesChangeTheValues() throws IOException {
        CaseSpec c = load(BASE, "cooling.mode=lateral", "power.total=\"20 kW\"", "stack[1].thickness=75 um",
                "grid.cells_per_core=0.25", "dies.columns=6", "analysis.thermal=transient", "transient.end=1 h",
                "cooling.coolant.direction=-y", "analysis.mechanics=true", "power.pattern='uniform'");
        assertEquals(CoolingMode.LATERAL, c.cooling().mode());
        assertEquals(20000.0, c.power().total(), 1e-9);
        assertEquals(75e-6, c.stack().get(1).thickness(), 1e-15);
        assertEquals(0.25, c.grid().cellsPerCore(), 0);
        assertEquals(6, c.dies().columns());
        assertEquals(ThermalAnalysis.TRANSIENT, c.analysis().thermal());
        assertEquals(3600.0, c.transientSpec().end(), 0);
        assertEquals(FlowDirection.MINUS_Y, c.cooling().coolant().direction());
        assertTrue(c.analysis().mechanics());
        assertEquals(PowerPattern.UNIFORM, c.power().pattern());
        assertTrue(c.resolvedText().contains("total: 20 kW"), c.resolvedText());
        assertTrue(c.resolvedText().contains("mode: lateral"), c.resolvedText());
    }

    @Test
    void overridesApplyInOrderAndCanAddAndRemoveKeys() throws IOException {
        CaseSpec c = load(BASE, "power.total=10 kW", "power.total=12 kW", "power.idle=null",
                "power.leakage.share_at_ref=0.2", "power.leakage.ref=60 degC", "power.leakage.beta=0.03 1/K",
                "probes[1]={name: corner, at: [\"1 mm\", \"2 mm\"], layer: board}", "cores.per_die[0]=60");
        assertEquals(12000.0, c.power().total(), 1e-9);
        assertEquals(4000.0, c.power().idle(), 1e-9);            // default: total / 3
        assertEquals(0.2, c.power().leakage().shareAtRef(), 0);
        assertEquals(333.15, c.power().leakage().refTemperature(), 1e-9);
        assertEquals(2, c.probes().size());
        assertEquals("board", c.probes().get(1).layer());
        assertEquals(60, c.cores().perDieX());
    }

    @Test
    void overrideWithAMissingUnitIsReportedAgainstTheKey() throws IOException {
        Path p = write("case.yaml", BASE);
        expect(() -> CaseLoader.load(p, List.of("power.total=20000")), p.toString(), "power.total", "missing unit",
                "--set power.total=20000");
    }

    // ------------------------------------------------------------------------------------- equivalence, defaults

    @Test
    void jsonAndYamlOfTheSameCaseAreEqual() throws IOException {
        JsonNode tree = CaseLoader.YAML.readTree(BASE);
        Path json = write("case.json", CaseLoader.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        CaseSpec fromJson = CaseLoader.load(json, List.of());
        CaseSpec fromYaml = load(BASE);
        assertSameCase(fromYaml, fromJson);
        assertEquals(fromYaml.resolvedText(), fromJson.resolvedText());
        assertEquals(json.toString(), fromJson.source());
    }

    @Test
    void resolvedTextLoadsBackToTheSameCase() throws IOException {
        CaseSpec c = CaseLoader.builtin("wse-default", List.of("cooling.mode=lateral"));
        CaseSpec again = CaseLoader.parse(c.resolvedText(), "yaml", "resolved.yaml", List.of());
        assertSameCase(c, again);
        assertEquals(c.resolvedText(), again.resolvedText());
    }

    @Test
    void defaultsAreFilledIn() throws IOException {
        String minimal = """
                name: minimal
                wafer: {size: ["100 mm", "50 mm"], thickness: "0.5 mm"}
                dies: {columns: 2, rows: 1}
                cores: {per_die: [10, 10]}
                stack: [{name: wafer}]
                power: {total: "300 W"}
                cooling: {mode: vertical, coolant: {inlet: "25 degC", flow: "30 L/min", h: "1000 W/(m^2*K)"}}
                """;
        CaseSpec c = load(minimal);
        assertEquals(0.100, c.wafer().sizeX(), 1e-15);
        assertEquals(0.050, c.wafer().sizeY(), 1e-15);
        assertEquals("silicon", c.wafer().material());
        assertEquals(20e-6, c.wafer().activeLayer(), 1e-15);
        assertEquals(0.0, c.dies().scribe(), 0);
        assertEquals(0.015, c.cores().spareFraction(), 0);
        assertEquals(100.0, c.power().idle(), 1e-9);
        assertEquals(PowerPattern.UNIFORM, c.power().pattern());
        assertNull(c.power().leakage());
        assertNull(c.power().mapFile());
        assertEquals("water", c.cooling().coolant().fluid());
        assertEquals(5e-4, c.cooling().coolant().flow(), 1e-15);   // 30 L/min: both plate modes need a flow
        assertEquals(FlowDirection.PLUS_X, c.cooling().coolant().direction());
        assertEquals(1000.0, c.cooling().boardBack().h(), 1e-9);
        assertEquals(308.15, c.cooling().boardBack().ambient(), 1e-9);
        assertEquals(10.0, c.cooling().otherFaces().h(), 1e-9);
        assertEquals(50000.0, c.cooling().edge().h(), 1e-9);
        assertEquals(298.15, c.cooling().edge().ambient(), 1e-9);   // = coolant inlet
        assertEquals(298.15, c.mechanics().stressFree(), 1e-9);
        assertEquals(100.0, c.cycling().low(), 1e-9);               // = idle
        assertEquals(300.0, c.cycling().high(), 1e-9);              // = total
        assertEquals(4.0, c.cycling().perDay(), 0);
        assertEquals(5 * 365.25 * 86400, c.cycling().life(), 1);
        assertEquals(ThermalAnalysis.STEADY, c.analysis().thermal());
        assertFalse(c.analysis().mechanics());
        assertFalse(c.analysis().reliability());
        assertTrue(c.probes().isEmpty());
        assertEquals(1.0, c.grid().cellsPerCore(), 0);
        assertEquals(2, c.grid().minCellsPerLayer());
        assertEquals(1.5, c.grid().maxGrowth(), 0);
        assertEquals(1e-10, c.solver().tolerance(), 0);
        assertEquals(200, c.solver().maxIterations());
        assertEquals(1e-6, c.solver().picardTolerance(), 1e-18);
        assertEquals(50, c.solver().maxPicard());
        assertEquals(0, c.solver().threads());
        // the resolved text carries the defaults and reads back to the same case
        for (String s : new String[] {"active_layer: 20 um", "spare_fraction: 0.015", "idle: 100 W",
                "ambient: 25 degC", "stress_free: 25 degC", "life: 5 years", "max_iterations: 200"}) {
            assertTrue(c.resolvedText().contains(s), s + " not in:\n" + c.resolvedText());
        }
        assertSameCase(c, CaseLoader.parse(c.resolvedText(), "yaml", "again", List.of()));
    }

    @Test
    void explicitSparesAreRead() throws IOException {
        CaseSpec c = load(base("  spare_fraction: 0.015", "  spares: [[0, 0, 1, 1], [11, 6, 52, 90]]"));
        assertEquals(2, c.cores().explicitSpares().size());
        assertEquals(new CaseSpec.CoreRef(11, 6, 52, 90), c.cores().explicitSpares().get(1));
    }

    @Test
    void powerMapIsResolvedAgainstTheCaseFile() throws IOException {
        CaseSpec c = load(base("  pattern: hot-band", "  map: maps/p.csv"));
        assertEquals("maps/p.csv", c.power().mapFile());
        assertEquals(dir.resolve("maps/p.csv"), c.powerMapPath());
    }

    // ------------------------------------------------------------------------------------- embedded cases

    @Test
    void embeddedDefaultHasTheReferenceValues() {
        CaseSpec c = CaseLoader.builtin("wse-default", List.of());
        assertEquals("wse-default", c.name());
        assertEquals("built-in wse-default", c.source());
        assertEquals(0.215, c.wafer().sizeX(), 1e-12);
        assertEquals(0.215, c.wafer().sizeY(), 1e-12);
        assertEquals(7.75e-4, c.wafer().thickness(), 1e-15);
        assertEquals(20e-6, c.wafer().activeLayer(), 1e-15);
        assertEquals(12, c.dies().columns());
        assertEquals(7, c.dies().rows());
        assertEquals(1e-4, c.dies().scribe(), 1e-15);
        assertEquals(0.215 / 12, c.dies().pitchX(c.wafer()), 1e-12);
        assertEquals(53, c.cores().perDieX());
        assertEquals(91, c.cores().perDieY());
        assertEquals(0.015, c.cores().spareFraction(), 0);
        List<String> layers = c.stack().stream().map(LayerSpec::name).toList();
        assertEquals(List.of("coldplate", "tim", "wafer", "connector", "board"), layers);
        assertEquals(2, c.waferLayerIndex());
        LayerSpec cp = c.stack().get(0);
        assertEquals("copper", cp.material());
        assertEquals(3e-3, cp.thickness(), 1e-15);
        assertEquals(0.250, cp.sizeX(), 1e-12);
        assertEquals(50e-6, c.stack().get(1).thickness(), 1e-15);
        assertEquals(0.215, c.stack().get(1).sizeX(), 1e-12);       // default: the wafer size
        LayerSpec w = c.stack().get(2);
        assertTrue(w.isWafer());
        assertEquals(7.75e-4, w.thickness(), 1e-15);
        assertEquals("connector_elastomer", c.stack().get(3).material());
        assertEquals(6e-3, c.stack().get(4).thickness(), 1e-15);
        assertEquals(15000.0, c.power().total(), 1e-9);
        assertEquals(5000.0, c.power().idle(), 1e-9);
        assertEquals(PowerPattern.HOT_BAND, c.power().pattern());
        assertEquals(0.25, c.power().leakage().shareAtRef(), 0);
        assertEquals(333.15, c.power().leakage().refTemperature(), 1e-9);
        assertEquals(0.025, c.power().leakage().beta(), 1e-15);
        assertEquals(CoolingMode.VERTICAL, c.cooling().mode());
        assertEquals("water", c.cooling().coolant().fluid());
        assertEquals(303.15, c.cooling().coolant().inlet(), 1e-9);
        assertEquals(5e-4, c.cooling().coolant().flow(), 1e-12);
        assertEquals(20000.0, c.cooling().coolant().h(), 1e-9);
        assertEquals(FlowDirection.PLUS_X, c.cooling().coolant().direction());
        assertEquals(1000.0, c.cooling().boardBack().h(), 1e-9);
        assertEquals(308.15, c.cooling().boardBack().ambient(), 1e-9);
        assertEquals(10.0, c.cooling().otherFaces().h(), 1e-9);
        assertEquals(50000.0, c.cooling().edge().h(), 1e-9);
        assertEquals(303.15, c.cooling().edge().ambient(), 1e-9);
        assertEquals(298.15, c.mechanics().stressFree(), 1e-9);
        assertEquals(5000.0, c.cycling().low(), 1e-9);
        assertEquals(15000.0, c.cycling().high(), 1e-9);
        assertEquals(4.0, c.cycling().perDay(), 0);
        assertEquals(5 * 365.25 * 86400, c.cycling().life(), 1);
        assertEquals(ThermalAnalysis.STEADY, c.analysis().thermal());
        assertTrue(c.analysis().mechanics());
        assertTrue(c.analysis().reliability());
        assertEquals(1, c.probes().size());
        assertEquals(0.1075, c.probes().get(0).x(), 1e-12);
        assertEquals("wafer", c.probes().get(0).layer());
        assertEquals(1.0, c.grid().cellsPerCore(), 0);
        for (String m : new String[] {"silicon", "copper", "tim_grease", "connector_elastomer", "mainboard", "water"}) {
            assertTrue(c.materials().contains(m), m);
        }
        assertTrue(c.resolvedText().startsWith("name: wse-default\n"), c.resolvedText());
        assertTrue(CaseLoader.builtinText("wse-default").contains("reference-data.md"));
    }

    @Test
    void embeddedCoarseCaseIsTheDefaultOnACoarseGrid() {
        CaseSpec d = CaseLoader.builtin("wse-default", List.of());
        CaseSpec c = CaseLoader.builtin("wse-coarse", List.of());
        assertEquals("wse-coarse", c.name());
        assertEquals(0.25, c.grid().cellsPerCore(), 0);
        CaseSpec d2 = CaseLoader.builtin("wse-default", List.of("name=wse-coarse", "grid.cells_per_core=0.25",
                "analysis.mechanics=false", "analysis.reliability=false"));
        assertSameCase(d2, c);
        assertEquals(d2.resolvedText(), c.resolvedText());
        assertNotEquals(d.resolvedText(), c.resolvedText());
    }

    @Test
    void builtinAcceptsOverrides() {
        CaseSpec c = CaseLoader.builtin("wse-default", List.of("cooling.mode=edge", "power.total=500 W",
                "power.idle=100 W", "cycling.low=100 W", "cycling.high=500 W"));
        assertEquals(CoolingMode.EDGE, c.cooling().mode());
        assertEquals(500.0, c.power().total(), 1e-9);
    }

    @Test
    void builtinErrorsNameTheBuiltinSource() {
        expect(() -> CaseLoader.builtin("wse-default", List.of("wafer.thickness=0 mm")), "built-in wse-default",
                "wafer.thickness", "thickness must be > 0", "--set wafer.thickness=0 mm");
    }

    @Test
    void unknownBuiltinListsTheKnownOnes() {
        expect(() -> CaseLoader.builtin("wse-defualt", List.of()), null, null, "unknown built-in case 'wse-defualt'",
                "wse-default, wse-coarse", "did you mean 'wse-default'");
    }

    // ------------------------------------------------------------------------------------------------ compare

    /** Every resolved value equal (everything but the material library object and the source). */
    static void assertSameCase(CaseSpec a, CaseSpec b) {
        assertEquals(a.name(), b.name());
        assertEquals(a.wafer(), b.wafer());
        assertEquals(a.dies(), b.dies());
        assertEquals(a.cores(), b.cores());
        assertEquals(a.stack(), b.stack());
        assertEquals(a.power(), b.power());
        assertEquals(a.cooling(), b.cooling());
        assertEquals(a.mechanics(), b.mechanics());
        assertEquals(a.cycling(), b.cycling());
        assertEquals(a.analysis(), b.analysis());
        assertEquals(a.transientSpec(), b.transientSpec());
        assertEquals(a.reliabilitySpec(), b.reliabilitySpec());
        assertEquals(a.probes(), b.probes());
        assertEquals(a.grid(), b.grid());
        assertEquals(a.solver(), b.solver());
        assertEquals(List.copyOf(names(a)), List.copyOf(names(b)));
    }

    private static List<String> names(CaseSpec c) {
        java.util.ArrayList<String> l = new java.util.ArrayList<>();
        for (String n : c.materials().names()) l.add(n);
        return l;
    }
}
