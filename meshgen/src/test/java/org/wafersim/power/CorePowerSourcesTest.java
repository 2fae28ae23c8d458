package org.wafersim.power;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wafersim.power.SmallWafer.checkTotal;
import static org.wafersim.power.SmallWafer.core;
import static org.wafersim.power.SmallWafer.fails;
import static org.wafersim.power.SmallWafer.file;
import static org.wafersim.power.SmallWafer.load;
import static org.wafersim.power.SmallWafer.power;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.cases.PowerSpec.PowerPattern;
import org.wafersim.geometry.CoreArray;

/**
 * Per-core powers of every source on the small wafer ({@link SmallWafer}: 3 x 2 dies of 4 x 3 cores, 3 x 3 mm each)
 * against hand-computed values, the normalisation to {@code power.total}, idle spares, and the CSV map errors.
 */
class CorePowerSourcesTest {
    @TempDir
    Path dir;

    /** Every core of die (col, row) has power {@code perCore}. */
    private static void assertDie(CoreArray a, double[] p, int col, int row, double perCore) {
        int d = a.dieIndex(col, row);
        for (int c = a.firstCore(d); c < a.firstCore(d) + a.coresPerDie(); c++) {
            assertEquals(perCore, p[c], 1e-12 * perCore, "die (" + col + ", " + row + ") core " + c);
        }
    }

    // ------------------------------------------------------------------------------------------------ patterns

    @Test
    void patternsAreWorkloadPowerUnchanged() throws IOException {
        for (PowerPattern pat : PowerPattern.values()) {
            CaseSpec c = load(dir, "600 W", "pattern: " + pat.key);
            CoreArray a = CoreArray.of(c);
            double[] p = power(c);
            assertArrayEquals(WorkloadPower.corePower(a, pat, 600), p, pat.key);
            checkTotal(c, p);
        }
        CaseSpec hb = load(dir, "600 W", "pattern: hot-band");
        PowerDistribution d = CorePowerSources.load(hb, CoreArray.of(hb), null);
        assertTrue(d.isPattern());
        assertEquals("power: pattern hot-band, 600 W in total", d.summary(600));
    }

    // --------------------------------------------------------------------------------------------- utilisation

    @Test
    void utilisationTable() throws IOException {
        // weights f + (1 - f) u with f = 0.2: 1.0 0.6 0.2 / 0.4 1.0 0.8, sum 4 -> dies 150 90 30 / 60 150 120 W
        CaseSpec c = load(dir, "600 W", "utilisation: [[1, 0.5, 0], [0.25, 1, 0.75]]\nidle_fraction: 0.2");
        CoreArray a = CoreArray.of(c);
        double[] p = power(c);
        double[][] die = {{150, 90, 30}, {60, 150, 120}};
        for (int r = 0; r < 2; r++) for (int col = 0; col < 3; col++) assertDie(a, p, col, r, die[r][col] / 12);
        checkTotal(c, p);
    }

    @Test
    void utilisationWithoutIdleFractionLeavesIdleDiesCold() throws IOException {
        CaseSpec c = load(dir, "300 W", "utilisation: [[1, 0, 0], [0, 0, 0.5]]");
        CoreArray a = CoreArray.of(c);
        double[] p = power(c);
        assertDie(a, p, 0, 0, 200.0 / 12);
        assertDie(a, p, 2, 1, 100.0 / 12);
        assertDie(a, p, 1, 0, 0);
        checkTotal(c, p);
    }

    @Test
    void utilisationCsvFile() throws IOException {
        file(dir, "load/u.csv", "# utilisation per die, first line = lowest die row\n1, 0.5, 0\n\n0.25,1,0.75 # top\n");
        CaseSpec c = load(dir, "600 W", "utilisation: load/u.csv\nidle_fraction: 0.2");
        CoreArray a = CoreArray.of(c);
        double[] p = power(c);
        assertDie(a, p, 0, 0, 150.0 / 12);
        assertDie(a, p, 2, 0, 30.0 / 12);
        assertDie(a, p, 2, 1, 120.0 / 12);
        checkTotal(c, p);
    }

    @Test
    void utilisationCsvErrors() throws IOException {
        Path u = file(dir, "u.csv", "1, 1, 1\n1, 1.2, 1\n");
        CaseSpec c = load(dir, "600 W", "utilisation: u.csv");
        fails(() -> power(c), u, "line 2", "entry 2 (1.2) is not a utilisation in [0, 1]");
        file(dir, "u.csv", "1, 1, 1\n");
        fails(() -> power(c), u, null, "the utilisation table is 1 x 3", "this case has 2 x 3 dies");
        file(dir, "u.csv", "0, 0, 0\n0,0,0\n");
        fails(() -> power(c), u, null, "every die has utilisation 0");
    }

    // ------------------------------------------------------------------------------------------------ CSV maps

    @Test
    void dieLevelCsvMap() throws IOException {
        file(dir, "maps/dies.csv", "# relative die powers\n1, 2, 3\n4, 5, 5\n");
        CaseSpec c = load(dir, "600 W", "map: maps/dies.csv");
        CoreArray a = CoreArray.of(c);
        double[] p = power(c);
        double[] die = {30, 60, 90, 120, 150, 150};
        for (int d = 0; d < 6; d++) assertDie(a, p, d % 3, d / 3, die[d] / 12);
        checkTotal(c, p);
        PowerDistribution dist = CorePowerSources.load(c, a, null);
        assertEquals("power: map " + dir.resolve("maps/dies.csv") + " (CSV), die level, 2 x 3; distribution"
                + " normalised to power.total = 600 W", dist.summary(600));
        // the same distribution at any total
        assertEquals(1.5 * 30 / 12, dist.corePower(1.5 * 600)[0], 1e-12);
    }

    @Test
    void coreLevelCsvMapPlacesEachEntryOnItsCore() throws IOException {
        // 6 lines of 12: entry [gr][gc] = gr*12 + gc + 1; sum 2628
        StringBuilder sb = new StringBuilder();
        for (int gr = 0; gr < 6; gr++) {
            List<String> row = new ArrayList<>();
            for (int gc = 0; gc < 12; gc++) row.add(Integer.toString(gr * 12 + gc + 1));
            sb.append(String.join(",", row)).append('\n');
        }
        file(dir, "cores.csv", sb.toString());
        CaseSpec c = load(dir, "2628 W", "map: cores.csv\nmap_level: core");
        CoreArray a = CoreArray.of(c);
        double[] p = power(c);
        for (int gr = 0; gr < 6; gr++) {
            for (int gc = 0; gc < 12; gc++) assertEquals(gr * 12 + gc + 1, p[core(a, gc, gr)], 1e-12 * 72);
        }
        assertEquals(5 * 12 + 11 + 1, p[a.coreIndex(a.dieIndex(2, 1), 3, 2)], 1e-12 * 72);   // top right core
        checkTotal(c, p);
    }

    @Test
    void coreLevelCsvRoundTripWithSpares() throws IOException {
        // a hot-spot pattern with one spare per die, written as a core-level map and read back
        String cores = "{per_die: [4, 3], spares: [[0, 0, 1, 1], [2, 1, 3, 2]]}";
        CaseSpec pc = load(dir, "0.1 mm", cores, "600 W", "pattern: hot-spot");
        CoreArray a = CoreArray.of(pc);
        double[] want = power(pc);
        Path csv = file(dir, "rt.csv", CoreMapCsv.write(a, want));
        CaseSpec c = load(dir, "0.1 mm", cores, "600 W", "map: " + csv.getFileName());
        double[] got = power(c);
        for (int i = 0; i < want.length; i++) assertEquals(want[i], got[i], 1e-12 * 600, "core " + i);
        checkTotal(c, got);
    }

    @Test
    void powerOnASpareGoesToTheActiveCoresOfItsDie() throws IOException {
        // every core 1, spare (1, 1) of die (0, 0): its unit goes to the other 11 cores of that die
        StringBuilder sb = new StringBuilder();
        for (int gr = 0; gr < 6; gr++) sb.append("1,1,1,1,1,1,1,1,1,1,1,1\n");
        file(dir, "ones.csv", sb.toString());
        CaseSpec c = load(dir, "0 mm", "{per_die: [4, 3], spares: [[0, 0, 1, 1]]}", "72 W", "map: ones.csv");
        CoreArray a = CoreArray.of(c);
        double[] p = power(c);
        int spare = a.coreIndex(0, 1, 1);
        assertEquals(0.0, p[spare]);
        for (int i = 0; i < 12; i++) if (i != spare) assertEquals(12.0 / 11, p[i], 1e-14);
        for (int i = 12; i < 72; i++) assertEquals(1.0, p[i], 1e-14);
        checkTotal(c, p);
        // a die whose only power sits on its spare: spread over the active cores by area
        StringBuilder one = new StringBuilder();
        for (int gr = 0; gr < 6; gr++) one.append(gr == 1 ? "0,1,0,0,0,0,0,0,0,0,0,0\n" : "0,0,0,0,0,0,0,0,0,0,0,0\n");
        file(dir, "ones.csv", one.toString());
        double[] q = power(c);
        for (int i = 0; i < 12; i++) assertEquals(i == spare ? 0 : 72.0 / 11, q[i], 1e-12);
    }

    @Test
    void defaultWaferCoreMapRoundTrip() throws IOException {
        // 637 x 636 entries: the shape the issue names for the default case
        CaseSpec ref = CaseLoader.builtin("wse-default", List.of());
        CoreArray a = CoreArray.of(ref);
        assertEquals(637, a.globalRows());
        assertEquals(636, a.globalColumns());
        double[] want = WorkloadPower.corePower(a, PowerPattern.HOT_SPOT, ref.power().total());
        Path csv = file(dir, "wafer.csv", CoreMapCsv.write(a, want));
        CaseSpec c = CaseLoader.builtin("wse-default", List.of("power.pattern=null", "power.map=" + csv));
        double[] got = CorePowerSources.corePower(c, a, c.power().total(), null);
        double worst = 0, max = 0;
        for (int i = 0; i < want.length; i++) {
            worst = Math.max(worst, Math.abs(got[i] - want[i]));
            max = Math.max(max, want[i]);
        }
        assertTrue(worst <= 1e-13 * max, "largest difference " + worst);
        assertEquals(15000, Sums.of(got), 1e-12 * 15000);
    }

    // ------------------------------------------------------------------------------------------ CSV map errors

    @Test
    void mapOfTheWrongSizeNamesBothShapes() throws IOException {
        Path m = file(dir, "p.csv", "1,2\n3,4\n");
        CaseSpec c = load(dir, "600 W", "map: p.csv");
        fails(() -> power(c), m, null, "the power map is 2 x 2 (rows x columns)",
                "2 x 3 for a die-level map (dies.rows x dies.columns)", "6 x 12 for a core-level map");
        file(dir, "p.csv", "1,2,3\n3,4,5\n");
        CaseSpec core = load(dir, "600 W", "map: p.csv\nmap_level: core");
        fails(() -> power(core), m, null, "the power map is 2 x 3", "needs 6 x 12 for a core-level map",
                "(power.map_level: core)");
    }

    @Test
    void negativePowerNamesLineAndEntry() throws IOException {
        Path m = file(dir, "p.csv", "# header comment\n1, 2, 3\n4, -5, 6\n");
        CaseSpec c = load(dir, "600 W", "map: p.csv");
        fails(() -> power(c), m, "line 3", "entry 2 is negative (-5.0)");
    }

    @Test
    void csvSyntaxErrorsNameLineAndEntry() throws IOException {
        CaseSpec c = load(dir, "600 W", "map: p.csv");
        Path m = file(dir, "p.csv", "1, 2, 3\n4, five, 6\n");
        fails(() -> power(c), m, "line 2", "entry 2 (\"five\") is not a number");
        file(dir, "p.csv", "1, 2, 3\n4, 5\n");
        fails(() -> power(c), m, "line 2", "has 2 entries, the first row (line 1) has 3");
        file(dir, "p.csv", "1, 2, 3\n4, 5, 6,\n");
        fails(() -> power(c), m, "line 2", "entry 4 is empty");
        file(dir, "p.csv", "a, b, c\n1, 2, 3\n4, 5, 6\n");
        fails(() -> power(c), m, "line 1", "entry 1 (\"a\") is not a number", "no header line allowed");
        file(dir, "p.csv", "1 2 3\n4 5 6\n");
        fails(() -> power(c), m, "line 1", "separated by commas");
        file(dir, "p.csv", "1, 2, NaN\n4, 5, 6\n");
        fails(() -> power(c), m, "line 1", "entry 3 (\"NaN\") is not a number");
        file(dir, "p.csv", "1, 2, 1e999\n4, 5, 6\n");
        fails(() -> power(c), m, "line 1", "out of range");
        file(dir, "p.csv", "# nothing\n\n");
        fails(() -> power(c), m, null, "holds no numbers");
        file(dir, "p.csv", "0, 0, 0\n0, 0, 0\n");
        fails(() -> power(c), m, null, "every value is 0");
    }

    @Test
    void missingMapFileNamesTheFileAndTheKey() throws IOException {
        CaseSpec c = load(dir, "600 W", "map: nowhere/p.csv");
        fails(() -> power(c), dir.resolve("nowhere/p.csv"), null, "no such file", "power.map of "
                + dir.resolve("case.yaml"));
    }

    @Test
    void hdf5MapNeedsAReader() throws IOException {
        CaseSpec c = load(dir, "600 W", "map: p.h5");
        assertThrows(IllegalStateException.class, () -> power(c));
    }
}
