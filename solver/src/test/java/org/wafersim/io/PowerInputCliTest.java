package org.wafersim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cli.Cli;
import picocli.CommandLine;

/**
 * {@code wafersim run} with power inputs from files, end to end: bad inputs exit with code 2, one message naming the
 * file and the entry, and no result file; a good HotSpot import runs and its core powers reach the result.
 */
class PowerInputCliTest {
    static final String CASE = """
            name: cli-power
            wafer: {size: ["36 mm", "18 mm"], thickness: "0.5 mm"}
            dies: {columns: 3, rows: 2}
            cores: {per_die: [4, 3], spare_fraction: 0}
            stack:
              - {name: plate, material: copper, thickness: "2 mm"}
              - {name: wafer}
            power:
              total: "124 W"
            %s
            cooling: {mode: vertical, coolant: {inlet: "25 degC", flow: "30 L/min", h: "20000 W/(m^2*K)"}}
            """;
    static final String FLP = "cpu0 0.006 0.003 0 0\ncpu1 0.0045 0.006 0.0105 0.003\nl2 0.012 0.009 0.024 0.009\n"
            + "io 0.003 0.003 0.030 0\n";
    static final String TRACE = "cpu0 cpu1 l2 io\n10 27 12 1\n20 27 24 3\n";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private Path caseWith(String power) throws IOException {
        return write("case.yaml", CASE.formatted(power.strip().indent(2).stripTrailing()));
    }

    /** Runs the CLI; returns {exit code, stderr}. */
    private static Object[] run(String... args) {
        CommandLine cl = Cli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        int rc = cl.execute(args);
        return new Object[] {rc, err.toString()};
    }

    @Test
    void mapOfTheWrongSizeExitsWithTwoAndWritesNothing() throws IOException {
        Path map = write("p.csv", "1, 2\n3, 4\n");
        Path c = caseWith("map: p.csv");
        Path out = dir.resolve("out.h5");
        assertEquals(Cli.BAD_INPUT, Cli.execute(new String[] {"run", c.toString(), "-o", out.toString(), "-q"}));
        assertFalse(Files.exists(out));
        Object[] r = run("run", c.toString(), "-o", out.toString(), "-q");
        assertEquals(Cli.BAD_INPUT, r[0]);
        String err = (String) r[1];
        assertTrue(err.startsWith("wafersim: error: " + map + ": the power map is 2 x 2"), err);
        assertTrue(err.contains("2 x 3 for a die-level map"), err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
        assertFalse(Files.exists(out));
    }

    @Test
    void overlappingFloorplanUnitsExitWithTwo() throws IOException {
        Path flp = write("chip.flp", "a 0.003 0.003 0 0\nb 0.003 0.003 0.002 0.002\n");
        write("run.ptrace", "a b\n1 1\n");
        Path c = caseWith("map: run.ptrace\nfloorplan: chip.flp\nmap_as: distribution");
        Path out = dir.resolve("out.h5");
        Object[] r = run("run", c.toString(), "-o", out.toString(), "-q");
        assertEquals(Cli.BAD_INPUT, r[0]);
        assertTrue(((String) r[1]).startsWith("wafersim: error: " + flp + ": line 2: unit 'b' overlaps unit 'a'"),
                (String) r[1]);
        assertFalse(Files.exists(out));
    }

    @Test
    void negativeTracePowerExitsWithTwo() throws IOException {
        write("chip.flp", FLP);
        Path trace = write("run.ptrace", "cpu0 cpu1 l2 io\n10 27 12 1\n20 27 -24 3\n");
        Path c = caseWith("map: run.ptrace\nfloorplan: chip.flp\nmap_as: distribution");
        Path out = dir.resolve("out.h5");
        Object[] r = run("run", c.toString(), "-o", out.toString(), "-q");
        assertEquals(Cli.BAD_INPUT, r[0]);
        assertTrue(((String) r[1]).startsWith("wafersim: error: " + trace + ": line 3: unit 'l2': negative power"),
                (String) r[1]);
        assertFalse(Files.exists(out));
    }

    @Test
    void hotSpotImportRunsAndItsPowerReachesTheResult() throws IOException {
        write("chip.flp", FLP);
        write("run.ptrace", TRACE);
        Path c = caseWith("map: run.ptrace\nfloorplan: chip.flp\nmap_as: distribution");
        Path out = dir.resolve("out.h5");
        Object[] r = run("run", c.toString(), "-o", out.toString());
        String err = (String) r[1];
        assertEquals(Cli.OK, r[0], err);
        assertTrue(err.contains("wafersim: power: HotSpot trace "), err);
        assertTrue(err.contains("distribution normalised to power.total = 124 W"), err);
        try (ResultReader rr = ResultReader.open(out)) {
            double[] p = rr.read("/cores/power").flat();
            double[] col = rr.read("/cores/column").flat(), row = rr.read("/cores/row").flat();
            double[] die = rr.read("/cores/die").flat();
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                sum += p[i];
                int gc = (int) die[i] % 3 * 4 + (int) col[i], gr = (int) die[i] / 3 * 3 + (int) row[i];
                if (gc == 0 && gr == 0 || gc == 1 && gr == 0) assertEquals(15, p[i], 1e-12);   // cpu0: 2 x 7.5 W
                if (gc == 4 && gr == 1) assertEquals(18, p[i], 1e-12);                         // cpu1: 2 x 9 W
                if (gc == 10 && gr == 0) assertEquals(4, p[i], 1e-12);                         // io: 2 x 2 W
            }
            assertEquals(124, sum, 1e-10);
        }
    }
}
