package org.wafersim.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cases.CaseSpec.MapFormat;
import org.wafersim.cases.CaseSpec.MapLevel;
import org.wafersim.cases.CaseSpec.PowerPattern;
import org.wafersim.cases.CaseSpec.PowerSpec;
import org.wafersim.cases.CaseSpec.PowerSpec.HotSpotSource;
import org.wafersim.cases.CaseSpec.PowerSpec.MapSource;
import org.wafersim.cases.CaseSpec.PowerSpec.PatternSource;
import org.wafersim.cases.CaseSpec.PowerSpec.UtilisationSource;
import org.wafersim.errors.InputException;

/**
 * The {@code power} keys that choose the power source (pattern, utilisation, map, HotSpot trace): what the loader
 * accepts, what it fills in, and the errors (each naming the file, the key path and the reason).
 */
class PowerSourceKeysTest {
    /** A small case (3 x 2 dies); {@code %s} is the rest of the power block, indented by two spaces. */
    static final String CASE = """
            name: power-keys
            wafer: {size: ["36 mm", "18 mm"], thickness: "0.5 mm"}
            dies: {columns: 3, rows: 2}
            cores: {per_die: [4, 3], spare_fraction: 0}
            stack: [{name: wafer}]
            power:
              total: "600 W"
            %s
            cooling: {mode: vertical, coolant: {inlet: "25 degC", flow: "30 L/min", h: "1000 W/(m^2*K)"}}
            """;

    @TempDir
    Path dir;

    private Path write(String power) throws IOException {
        Path p = dir.resolve("case.yaml");
        Files.writeString(p, CASE.formatted(power.strip().indent(2).stripTrailing()), StandardCharsets.UTF_8);
        return p;
    }

    private CaseSpec load(String power, String... overrides) throws IOException {
        return CaseLoader.load(write(power), List.of(overrides));
    }

    private InputException fails(String power, String keyPath, String... reasonParts) throws IOException {
        Path p = write(power);
        InputException e = assertThrows(InputException.class, () -> CaseLoader.load(p, List.of()));
        assertEquals(p.toString(), e.source(), e.getMessage());
        assertEquals(keyPath, e.keyPath(), e.getMessage());
        assertTrue(e.getMessage().startsWith(p + ": " + keyPath + ": "), e.getMessage());
        for (String r : reasonParts) assertTrue(e.getMessage().contains(r), "expected '" + r + "' in: " + e.getMessage());
        return e;
    }

    private void roundTrips(CaseSpec c) {
        CaseLoaderTest.assertSameCase(c, CaseLoader.parse(c.resolvedText(), "yaml", c.source(), List.of()));
    }

    // ---------------------------------------------------------------------------------------------- pattern

    @Test
    void noSourceKeyIsTheUniformPattern() throws IOException {
        CaseSpec c = load("");
        assertEquals(new PatternSource(PowerPattern.UNIFORM), c.power().source());
        assertNull(c.power().mapFile());
    }

    @Test
    void patternIsAPatternSource() throws IOException {
        CaseSpec c = load("pattern: checkerboard");
        assertEquals(PowerPattern.CHECKERBOARD, c.power().pattern());
        assertEquals(new PatternSource(PowerPattern.CHECKERBOARD), c.power().source());
    }

    @Test
    void fiveComponentConstructorStillWorks() {
        PowerSpec p = new PowerSpec(100, 30, PowerPattern.HOT_BAND, null, null);
        assertEquals(new PatternSource(PowerPattern.HOT_BAND), p.source());
        PowerSpec m = new PowerSpec(100, 30, PowerPattern.UNIFORM, null, "p.csv");
        assertEquals(new MapSource("p.csv", null, null, null), m.source());
    }

    // ------------------------------------------------------------------------------------------ utilisation

    @Test
    void utilisationTableIsRead() throws IOException {
        CaseSpec c = load("utilisation: [[1, 0.5, 0], [0.25, 1, \"75 %\"]]\nidle_fraction: 0.2");
        UtilisationSource u = assertInstanceOf(UtilisationSource.class, c.power().source());
        assertEquals(List.of(List.of(1.0, 0.5, 0.0), List.of(0.25, 1.0, 0.75)), u.table());
        assertNull(u.file());
        assertEquals(0.2, u.idleFraction(), 0);
        assertEquals(PowerPattern.UNIFORM, c.power().pattern());
        roundTrips(c);
    }

    @Test
    void utilisationFileIsResolvedAgainstTheCaseFile() throws IOException {
        CaseSpec c = load("utilisation: load/u.csv");
        UtilisationSource u = assertInstanceOf(UtilisationSource.class, c.power().source());
        assertEquals("load/u.csv", u.file());
        assertNull(u.table());
        assertEquals(0.0, u.idleFraction(), 0);
        assertEquals(dir.resolve("load/u.csv"), c.inputPath(u.file()));
        assertTrue(c.resolvedText().contains("idle_fraction: 0"), c.resolvedText());
        roundTrips(c);
    }

    @Test
    void utilisationTableMustMatchTheDies() throws IOException {
        fails("utilisation: [[1, 1, 1]]", "power.utilisation", "has 1 rows, the wafer has 2 die rows");
        fails("utilisation: [[1, 1, 1], [1, 1]]", "power.utilisation[1]", "must be a list of 3 numbers",
                "of 2 entries");
        fails("utilisation: [[1, 1, 1], 1]", "power.utilisation[1]", "must be a list of 3 numbers");
    }

    @Test
    void utilisationValuesMustBeFractions() throws IOException {
        fails("utilisation: [[1, 1, 1], [1, 1.5, 1]]", "power.utilisation[1][1]", "must be in [0, 1]", "1.5");
        fails("utilisation: [[1, 1, 1], [1, -0.1, 1]]", "power.utilisation[1][1]", "must be in [0, 1]");
        fails("utilisation: [[1, 1, 1], [1, busy, 1]]", "power.utilisation[1][1]");
        fails("utilisation: {a: 1}", "power.utilisation", "must be a list of 2 rows");
    }

    @Test
    void allIdleDiesWithoutIdleFractionIsAnError() throws IOException {
        fails("utilisation: [[0, 0, 0], [0, 0, 0]]", "power.utilisation", "no die would get any of power.total");
        load("utilisation: [[0, 0, 0], [0, 0, 0]]\nidle_fraction: 0.1");   // every die the same: allowed
    }

    @Test
    void utilisationFileMustBeCsv() throws IOException {
        fails("utilisation: u.xlsx", "power.utilisation", "must be a CSV file (.csv) of 2 rows x 3 columns");
    }

    @Test
    void idleFractionOnlyWithUtilisationAndInRange() throws IOException {
        fails("utilisation: [[1, 1, 1], [1, 1, 1]]\nidle_fraction: 1.2", "power.idle_fraction",
                "idle_fraction must be in [0, 1]");
        fails("pattern: hot-band\nidle_fraction: 0.1", "power.idle_fraction", "applies only to power.utilisation",
                "power.pattern (hot-band)");
    }

    // ------------------------------------------------------------------------------------------------ maps

    @Test
    void mapFormatIsInferredFromTheExtension() throws IOException {
        CaseSpec c = load("map: maps/p.csv");
        assertEquals(new MapSource("maps/p.csv", MapFormat.CSV, null, null), c.power().source());
        assertEquals("maps/p.csv", c.power().mapFile());
        assertEquals(dir.resolve("maps/p.csv"), c.powerMapPath());
        assertTrue(c.resolvedText().contains("map_format: csv"), c.resolvedText());
        roundTrips(c);
        assertEquals(new MapSource("p.H5", MapFormat.HDF5, null, "/power"), load("map: p.H5").power().source());
        assertEquals(new MapSource("p.hdf5", MapFormat.HDF5, MapLevel.CORE, "/maps/p"),
                load("map: p.hdf5\nmap_level: core\nmap_dataset: /maps/p").power().source());
    }

    @Test
    void explicitMapFormatWins() throws IOException {
        CaseSpec c = load("map: power.txt\nmap_format: csv\nmap_level: die");
        assertEquals(new MapSource("power.txt", MapFormat.CSV, MapLevel.DIE, null), c.power().source());
        roundTrips(c);
    }

    @Test
    void unknownMapExtensionNeedsAFormat() throws IOException {
        fails("map: power.dat", "power.map", "cannot tell the format", "map_format: csv | hdf5 | hotspot");
        fails("map: power.dat\nmap_format: xlsx", "power.map_format", "unknown map format 'xlsx'");
    }

    @Test
    void mapKeysMustFitTheFormat() throws IOException {
        fails("map: p.csv\nmap_dataset: /power", "power.map_dataset", "applies only to HDF5 maps");
        fails("map: p.h5\nmap_dataset: power", "power.map_dataset", "starts with '/'");
        fails("map: p.csv\nmap_level: wafer", "power.map_level", "unknown map level 'wafer'", "core | die");
        fails("map: p.csv\nfloorplan: chip.flp", "power.floorplan", "applies only to a HotSpot power trace");
        fails("pattern: uniform\nmap_level: die", "power.map_level", "applies only to power.map");
    }

    @Test
    void sourcesAreMutuallyExclusive() throws IOException {
        fails("pattern: hot-band\nmap: p.csv", "power.pattern", "either power.pattern or power.map, not both");
        fails("pattern: hot-band\nutilisation: u.csv", "power.pattern",
                "either power.pattern or power.utilisation, not both");
        fails("utilisation: u.csv\nmap: p.csv", "power.utilisation",
                "either power.utilisation or power.map, not both");
    }

    @Test
    void overridesSwitchTheSource() throws IOException {
        CaseSpec c = load("pattern: hot-band", "power.pattern=null", "power.map=maps/p.h5");
        assertEquals(new MapSource("maps/p.h5", MapFormat.HDF5, null, "/power"), c.power().source());
        CaseSpec u = load("pattern: hot-band", "power.pattern=", "power.utilisation=[[1, 1, 1], [0, 0, 0.5]]",
                "power.utilisation[1][0]=0.25");
        assertEquals(List.of(List.of(1.0, 1.0, 1.0), List.of(0.25, 0.0, 0.5)),
                ((UtilisationSource) u.power().source()).table());
    }

    // ------------------------------------------------------------------------------------------------ HotSpot

    @Test
    void hotSpotTraceIsRead() throws IOException {
        CaseSpec c = load("map: hs/run.ptrace\nfloorplan: hs/chip.flp\ntrace_row: 3\nmap_as: distribution\n"
                + "floorplan_origin: [\"10 mm\", \"2.5 mm\"]");
        HotSpotSource h = assertInstanceOf(HotSpotSource.class, c.power().source());
        assertEquals("hs/run.ptrace", h.trace());
        assertEquals("hs/chip.flp", h.floorplan());
        assertEquals(3, h.traceRow());
        assertEquals(0.010, h.originX(), 1e-15);
        assertEquals(0.0025, h.originY(), 1e-15);
        assertEquals(dir.resolve("hs/chip.flp"), c.inputPath(h.floorplan()));
        assertEquals(dir.resolve("hs/run.ptrace"), c.powerMapPath());
        assertTrue(c.resolvedText().contains("map_format: hotspot"), c.resolvedText());
        roundTrips(c);
    }

    @Test
    void hotSpotDefaultsAreTheMeanAndTheWaferOrigin() throws IOException {
        CaseSpec c = load("map: run.ptrace\nfloorplan: chip.flp\nmap_as: distribution");
        assertEquals(new HotSpotSource("run.ptrace", "chip.flp", null, 0, 0), c.power().source());
        roundTrips(c);
    }

    @Test
    void hotSpotKeysAreChecked() throws IOException {
        fails("map: run.ptrace", "power.floorplan", "missing required key 'floorplan'");
        fails("map: chip.flp\nfloorplan: chip.flp", "power.map", "is a HotSpot floorplan",
                "power.map takes the power trace (.ptrace)");
        fails("map: run.ptrace\nfloorplan: chip.flp\ntrace_row: -1", "power.trace_row", "must be >= 0");
        fails("map: run.ptrace\nfloorplan: chip.flp\ntrace_row: 1.5", "power.trace_row", "whole number");
        fails("map: run.ptrace\nfloorplan: chip.flp\nfloorplan_origin: [1, 2]", "power.floorplan_origin[0]",
                "missing unit");
        fails("map: run.ptrace\nfloorplan: chip.flp\nfloorplan_origin: \"1 mm\"", "power.floorplan_origin",
                "must be a list [x, y] of two lengths");
        fails("map: run.ptrace\nfloorplan: chip.flp\nmap_level: core", "power.map_level",
                "does not apply to a HotSpot trace");
        fails("map: run.ptrace\nfloorplan: chip.flp\nmap_dataset: /p", "power.map_dataset",
                "applies only to HDF5 maps");
        fails("map: p.csv\ntrace_row: 0", "power.trace_row", "applies only to a HotSpot power trace");
        fails("map: p.csv\nflorplan: x.flp", "power.florplan", "unknown key 'florplan'", "did you mean 'floorplan'");
    }
}
