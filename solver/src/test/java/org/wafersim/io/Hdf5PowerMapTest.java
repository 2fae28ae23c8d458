package org.wafersim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.cases.PowerSpec.PowerPattern;
import org.wafersim.errors.InputException;
import org.wafersim.geometry.CoreArray;
import org.wafersim.power.CorePowerSources;
import org.wafersim.power.WorkloadPower;

/**
 * HDF5 power maps: written with {@link ResultFile}, read back through {@link Hdf5PowerMap} by
 * {@link CorePowerSources}, on a small wafer of 3 x 2 dies with 4 x 3 cores each (one spare per die).
 */
class Hdf5PowerMapTest {
    static final String CASE = """
            name: h5map
            wafer: {size: ["36 mm", "18 mm"], thickness: "0.5 mm"}
            dies: {columns: 3, rows: 2, scribe: "0.2 mm"}
            cores: {per_die: [4, 3], spare_fraction: 0.1}
            stack: [{name: wafer}]
            power:
              total: "600 W"
            %s
            cooling: {mode: vertical, coolant: {inlet: "25 degC", flow: "30 L/min", h: "1000 W/(m^2*K)"}}
            """;

    @TempDir
    Path dir;

    private CaseSpec load(String power) throws IOException {
        Path p = dir.resolve("case.yaml");
        Files.writeString(p, CASE.formatted(power.strip().indent(2).stripTrailing()), StandardCharsets.UTF_8);
        return CaseLoader.load(p, List.of());
    }

    private static double[] power(CaseSpec c) {
        return CorePowerSources.corePower(c, CoreArray.of(c), c.power().total(), Hdf5PowerMap.READER);
    }

    private Path h5(String name, ResultFile f) throws IOException {
        Path p = dir.resolve(name);
        f.writeAtomically(p, true);
        return p;
    }

    private static InputException fails(CaseSpec c, Path file, String dataset, String... parts) {
        InputException e = assertThrows(InputException.class, () -> power(c));
        assertEquals(file.toString(), e.source(), e.getMessage());
        assertEquals(dataset, e.keyPath(), e.getMessage());
        for (String s : parts) assertTrue(e.getMessage().contains(s), "expected '" + s + "' in: " + e.getMessage());
        return e;
    }

    /** Core index of global column gc, global row gr. */
    private static int core(CoreArray a, int gc, int gr) {
        return a.coreIndex(a.dieIndex(gc / a.perDieX(), gr / a.perDieY()), gc % a.perDieX(), gr % a.perDieY());
    }

    @Test
    void dieLevelMapFromTheDefaultDataset() throws IOException {
        h5("dies.h5", new ResultFile().intDataset("/power", new int[] {1, 2, 3, 4, 5, 5}, new int[] {2, 3}, "W"));
        CaseSpec c = load("map_as: distribution\nmap: dies.h5");
        CoreArray a = CoreArray.of(c);
        double[] p = power(c);
        double[] die = {30, 60, 90, 120, 150, 150};
        for (int d = 0; d < 6; d++) {
            double s = 0;
            for (int k = a.firstCore(d); k < a.firstCore(d) + 12; k++) s += p[k];
            assertEquals(die[d], s, 1e-12 * 600, "die " + d);
        }
        assertEquals(600, sum(p), 1e-12 * 600);
    }

    @Test
    void coreLevelMapRoundTrip() throws IOException {
        CaseSpec ref = load("pattern: hot-spot");
        CoreArray a = CoreArray.of(ref);
        double[] want = WorkloadPower.corePower(a, PowerPattern.HOT_SPOT, 600);
        double[] grid = new double[72];
        for (int gr = 0; gr < 6; gr++) for (int gc = 0; gc < 12; gc++) grid[gr * 12 + gc] = want[core(a, gc, gr)];
        h5("cores.h5", new ResultFile().dataset("/maps/core", grid, new int[] {6, 12}, "W"));
        CaseSpec c = load("map_as: distribution\nmap: cores.h5\nmap_dataset: /maps/core\nmap_level: core");
        double[] got = power(c);
        for (int i = 0; i < 72; i++) assertEquals(want[i], got[i], 1e-12 * 600, "core " + i);
        assertEquals(600, sum(got), 1e-12 * 600);
    }

    @Test
    void perCoreListOfAResultFeedsBack() throws IOException {
        // /cores/power of a result: one entry per core in core index order
        CaseSpec ref = load("pattern: checkerboard");
        double[] want = WorkloadPower.corePower(CoreArray.of(ref), PowerPattern.CHECKERBOARD, 600);
        h5("result.h5", new ResultFile().dataset("/cores/power", want, new int[] {72}, "W"));
        CaseSpec c = load("map_as: distribution\nmap: result.h5\nmap_dataset: /cores/power");
        double[] got = power(c);
        for (int i = 0; i < 72; i++) assertEquals(want[i], got[i], 1e-12 * 600, "core " + i);
    }

    @Test
    void missingDatasetListsTheDatasets() throws IOException {
        Path f = h5("other.h5", new ResultFile().dataset("/maps/a", new double[6], new int[] {2, 3}, "W")
                .dataset("/maps/b", new double[] {1, 2}, new int[] {2}, "W"));
        fails(load("map_as: distribution\nmap: other.h5"), f, "/power", "no such dataset (power.map_dataset)", "/maps/a [2][3]",
                "/maps/b [2]");
    }

    @Test
    void mapOfTheWrongSize() throws IOException {
        Path f = h5("p.h5", new ResultFile().dataset("/power", new double[16], new int[] {4, 4}, "W"));
        fails(load("map_as: distribution\nmap: p.h5"), f, "/power", "the power map is 4 x 4 (rows x columns)", "2 x 3 for a die-level map",
                "6 x 12 for a core-level map");
        h5("p.h5", new ResultFile().dataset("/power", new double[7], new int[] {7}, "W"));
        fails(load("map_as: distribution\nmap: p.h5"), f, "/power", "the power map is 7 values", "6 values (one per die)",
                "72 values (one per core, in core index order)");
        h5("p.h5", new ResultFile().dataset("/power", new double[12], new int[] {2, 3, 2}, "W"));
        fails(load("map_as: distribution\nmap: p.h5"), f, "/power", "has 3 dimensions");
    }

    @Test
    void negativeAndNonFiniteEntriesAreNamed() throws IOException {
        Path f = h5("p.h5", new ResultFile().dataset("/power", new double[] {1, 2, 3, 4, 5, -6}, new int[] {2, 3}, "W"));
        fails(load("map_as: distribution\nmap: p.h5"), f, "/power", "entry [1][2] is negative (-6.0)");
        h5("p.h5", new ResultFile().dataset("/power", new double[] {1, 2, Double.NaN, 4, 5, 6}, new int[] {2, 3}, "W"));
        fails(load("map_as: distribution\nmap: p.h5"), f, "/power", "entry [0][2] is NaN");
    }

    @Test
    void notAnHdf5File() throws IOException {
        Path f = dir.resolve("fake.h5");
        Files.writeString(f, "1,2,3\n4,5,6\n");
        InputException e = assertThrows(InputException.class, () -> power(load("map_as: distribution\nmap: fake.h5")));
        assertEquals(f.toString(), e.source(), e.getMessage());
        assertTrue(e.getMessage().contains("not an HDF5 file"), e.getMessage());
        // ... but the same text is a fine CSV map when the case says so
        assertEquals(600, sum(power(load("map_as: distribution\nmap: fake.h5\nmap_format: csv"))), 1e-12 * 600);
    }

    private static double sum(double[] a) {
        double s = 0, c = 0;
        for (double v : a) {       // Neumaier, as power.Sums
            double t = s + v;
            c += Math.abs(s) >= Math.abs(v) ? (s - t) + v : (v - t) + s;
            s = t;
        }
        return s + c;
    }
}
