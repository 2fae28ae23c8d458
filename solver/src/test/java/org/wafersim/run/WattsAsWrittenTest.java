package org.wafersim.run;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.errors.InputException;

/**
 * Power files in watts are used as written: a HotSpot trace of 1.1 kW on the default package runs at 1.1 kW (no
 * leakage block), and its blocks given as a density map (W/m^2, a distribution scaled to power.total = its sum) give
 * the same temperatures.
 */
class WattsAsWrittenTest {
    @TempDir Path dir;

    static final int COLS = 12, ROWS = 7;

    /** One HotSpot unit per die of the default wafer (pitch 215/12 x 215/7 mm), powers summing to 1.1 kW. */
    double[] writeHotSpot() throws Exception {
        double px = 0.215 / COLS, py = 0.215 / ROWS;
        StringBuilder flp = new StringBuilder("# one unit per die\n");
        StringBuilder names = new StringBuilder(), row = new StringBuilder();
        double[] p = new double[COLS * ROWS];
        double sum = 0;
        for (int r = 0; r < ROWS; r++)
            for (int c = 0; c < COLS; c++) {
                int d = r * COLS + c;
                p[d] = 5 + (d * 37 % 23);          // 5 .. 27 W, uneven
                sum += p[d];
            }
        for (int d = 0; d < p.length; d++) p[d] *= 1100 / sum;  // exactly 1.1 kW up to round-off
        for (int r = 0; r < ROWS; r++)
            for (int c = 0; c < COLS; c++) {
                String n = "d" + c + "_" + r;
                flp.append(String.format(Locale.ROOT, "%s %.17g %.17g %.17g %.17g%n", n, px, py, c * px, r * py));
                names.append(n).append(' ');
                row.append(String.format(Locale.ROOT, "%.17g ", p[r * COLS + c]));
            }
        Files.writeString(dir.resolve("dies.flp"), flp.toString());
        Files.writeString(dir.resolve("run.ptrace"), names + "\n" + row + "\n");
        // the same blocks as densities (W/m^2 over each die's pitch area): a die-level map, row 0 = lowest y
        StringBuilder csv = new StringBuilder("# units: W/m^2\n");
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++)
                csv.append(c == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.17g", p[r * COLS + c] / (px * py)));
            csv.append('\n');
        }
        Files.writeString(dir.resolve("density.csv"), csv.toString());
        return p;
    }

    CaseSpec spec(String... power) throws Exception {
        String text = CaseLoader.builtinText("wse-default");
        Path c = dir.resolve("case.yaml");
        Files.writeString(c, text);
        List<String> o = new java.util.ArrayList<>(List.of("grid.cells_per_core=0.15", "analysis.mechanics=false",
                "analysis.reliability=false", "power.leakage=null", "power.pattern=null", "power.total=null",
                "power.idle=null", "cycling.low=0 W", "cycling.high=1 W"));
        o.addAll(List.of(power));
        return CaseLoader.load(c, o);
    }

    @Test
    void hotSpotTraceInWattsRunsAtItsSum() throws Exception {
        double[] p = writeHotSpot();
        double sum = 0;
        for (double v : p) sum += v;
        CaseSpec s = spec("power.map=run.ptrace", "power.floorplan=dies.flp");
        assertEquals(CaseSpec.MapAs.WATTS, s.power().mapAs());
        assertEquals(CaseSpec.PowerBasis.DYNAMIC, s.power().basis());
        CaseRun.Result r = CaseRun.run(s, 0, m -> { });
        double cores = kahan(r.corePower());
        System.out.printf("HotSpot 1.1 kW: trace sum %.15g W, core powers %.15g W, run %.15g W, max %.3f degC%n",
                sum, cores, r.summary().powerW(), r.summary().waferMaxC());
        assertEquals(sum, cores, 1e-12 * sum);
        assertEquals(sum, r.summary().powerCoolant().power().totalW(), 1e-12 * sum);
        assertEquals(0, r.summary().powerCoolant().power().leakageW());

        // the same blocks as a density map, a distribution scaled to power.total = the sum
        CaseSpec d = spec("power.map=density.csv", "power.map_as=distribution", "power.total=" + sum + " W");
        assertEquals(CaseSpec.MapAs.DISTRIBUTION, d.power().mapAs());
        CaseRun.Result rd = CaseRun.run(d, 0, m -> { });
        double worst = 0;
        for (int c = 0; c < r.coreTemperature().length; c++)
            worst = Math.max(worst, Math.abs(r.coreTemperature()[c] - rd.coreTemperature()[c]));
        System.out.printf("HotSpot blocks vs density map: core temperatures differ by at most %.3e K%n", worst);
        assertTrue(worst < 1e-9, "core temperatures differ by " + worst + " K");
    }

    /** A compensated sum (405k core powers: a plain sum drifts by ~1e-12 relative). */
    static double kahan(double[] v) {
        double s = 0, c = 0;
        for (double x : v) {
            double y = x - c, t = s + y;
            c = (t - s) - y;
            s = t;
        }
        return s;
    }

    @Test
    void wattMapWithATotalNeedsMapAs() throws Exception {
        writeHotSpot();
        InputException e = assertThrows(InputException.class,
                () -> spec("power.map=run.ptrace", "power.floorplan=dies.flp", "power.total=15 kW"));
        String m = e.getMessage();
        assertTrue(m.contains("power.total") && m.contains("map_as") && m.contains("power.map"), m);
        assertFalse(m.contains("\n"), m);
        // a CSV map without unit is weights: it needs a level
        Files.writeString(dir.resolve("w.csv"), "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12\n".repeat(ROWS));
        InputException n = assertThrows(InputException.class, () -> spec("power.map=w.csv"));
        assertTrue(n.getMessage().contains("total"), n.getMessage());
        // map_as: watts on a map without a W unit
        InputException w = assertThrows(InputException.class,
                () -> spec("power.map=w.csv", "power.map_as=watts", "power.total=1 kW"));
        assertTrue(w.getMessage().contains("map_as"), w.getMessage());
        // a CSV map in W: used as written
        Files.writeString(dir.resolve("watts.csv"), "# units: W\n" + "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12\n".repeat(ROWS));
        CaseSpec ok = spec("power.map=watts.csv");
        assertEquals(78.0 * ROWS, ok.power().fullLoad(), 1e-12);
        assertEquals(CaseSpec.PowerBasis.DYNAMIC, ok.power().basis());
    }
}
