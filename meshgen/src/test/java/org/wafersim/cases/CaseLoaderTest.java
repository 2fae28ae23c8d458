package org.wafersim.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cases.CaseSpec.CoolingMode;
import org.wafersim.cases.CaseSpec.FlowDirection;
import org.wafersim.cases.CaseSpec.LayerSpec;
import org.wafersim.cases.PowerSpec.PowerPattern;
import org.wafersim.cases.CaseSpec.ThermalAnalysis;

/**
 * CaseLoader: the embedded cases, overrides, defaults and the JSON/YAML equivalence. Bad input (each message naming
 * the file, the key path and the reason) is a table: solver's {@code bad-input.yaml} (BadInputTableTest).
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

    // ------------------------------------------------------------------------------------- syntax

    @Test
    void byteOrderMarkIsIgnored() throws IOException {
        JsonNode tree = CaseLoader.YAML.readTree(BASE);
        Path p = write("case.json", "\uFEFF" + CaseLoader.JSON.writeValueAsString(tree));
        assertEquals("test-case", CaseLoader.load(p, List.of()).name());
    }

    // ------------------------------------------------------------------------------------- values

    @Test
    void probeInAWiderLayerMayLieOutsideTheWafer() throws IOException {
        CaseSpec c = load(base("layer: wafer}", "layer: coldplate}").replace("\"107.5 mm\", \"107.5 mm\"",
                "\"-10 mm\", \"230 mm\""));
        assertEquals(-0.010, c.probes().get(0).x(), 1e-12);
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

    // ------------------------------------------------------------------------------------- overrides

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
        // the numbers' sources are cited by name; a starter case written by init names no path of this machine
        for (String name : CaseLoader.BUILTIN_NAMES) {
            String text = CaseLoader.builtinText(name);
            assertTrue(text.contains("reference data, section D"), name);
            assertFalse(text.contains("/work/") || text.contains("../shared"), name);
        }
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
