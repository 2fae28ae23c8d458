package org.wafersim.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cases.PowerSpec.MapFormat;
import org.wafersim.cases.PowerSpec.MapLevel;
import org.wafersim.cases.PowerSpec.PowerPattern;
import org.wafersim.cases.PowerSpec;
import org.wafersim.cases.PowerSpec.HotSpotSource;
import org.wafersim.cases.PowerSpec.MapSource;
import org.wafersim.cases.PowerSpec.PatternSource;
import org.wafersim.cases.PowerSpec.UtilisationSource;

/**
 * The {@code power} keys that choose the power source (pattern, utilisation, map, HotSpot trace): what the loader
 * accepts and what it fills in. The errors are a table: solver's {@code bad-input.yaml} (BadInputTableTest).
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

    private CaseSpec load(String power, String... overrides) {
        return new SmallCase(CASE, 2).load(dir, power, overrides);
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
    void allIdleDiesWithAnIdleFractionAreAllowed() throws IOException {
        // without the idle fraction no die would get any power: bad-input.yaml
        load("utilisation: [[0, 0, 0], [0, 0, 0]]\nidle_fraction: 0.1");   // every die the same: allowed
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

}
