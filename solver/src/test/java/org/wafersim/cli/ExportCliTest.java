package org.wafersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.io.ResultFile;

/** {@code wafersim export} and {@code zth} on a small hand-made result: the tables hold what the file holds. */
class ExportCliTest {
    @TempDir Path dir;

    private Path result() throws Exception {
        double[] t = {0, 0.5, 1.5, 3.0};
        ResultFile f = new ResultFile()
                .attribute("/", "case_name", "tiny")
                .dataset("/cores/x", new double[]{1e-3, 3e-3, 5e-3, 7e-3}, new int[]{4}, "m")
                .dataset("/cores/y", new double[]{1e-3, 1e-3, 1e-3, 1e-3}, new int[]{4}, "m")
                .intDataset("/cores/die", new int[]{0, 0, 1, 1}, new int[]{4}, "1")
                .dataset("/cores/temperature", new double[]{40, 42, 41, 45}, new int[]{4}, "degC")
                .dataset("/cores/power", new double[]{1, 2, 3, 4}, new int[]{4}, "W")
                .attribute("/cores", "dies", new int[]{2, 1})
                .dataset("/transient/time", t, new int[]{4}, "s")
                .dataset("/transient/power", new double[]{Double.NaN, 10, 10, 10}, new int[]{4}, "W")
                .dataset("/transient/probes/centre", new double[]{30, 31, 32, 32.5}, new int[]{4}, "degC")
                .attribute("/transient", "steps", 3);
        Path p = dir.resolve("r.h5");
        f.writeAtomically(p, false);
        return p;
    }

    @Test
    void tables() throws Exception {
        Path h5 = result();
        Path csv = dir.resolve("p.csv");
        CliHarness.Outcome o = CliHarness.run("export", h5.toString(), "probes", "-o", csv.toString());
        assertEquals(0, o.code(), o.err());
        List<String> lines = Files.readAllLines(csv).stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals("time_s,power_W,centre_degC", lines.get(0));
        assertEquals("0,nan,30", lines.get(1));
        assertEquals("1.5,10,32", lines.get(3));

        Path cores = dir.resolve("c.csv");
        assertEquals(0, CliHarness.run("export", h5.toString(), "cores", "-o", cores.toString()).code());
        lines = Files.readAllLines(cores).stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals("core,die,power_W,temperature_degC,x_mm,y_mm", lines.get(0));
        assertEquals("3,1,4,45,7,1", lines.get(4));

        Path dies = dir.resolve("d.csv");
        assertEquals(0, CliHarness.run("export", h5.toString(), "dies", "-o", dies.toString()).code());
        lines = Files.readAllLines(dies).stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals("die,column,row,cores,core_temperature_max_degC,core_temperature_mean_degC,"
                + "core_temperature_min_degC,power_W", lines.get(0));
        assertEquals("1,1,0,2,45,43,41,7", lines.get(2));

        Path sum = dir.resolve("s.csv");
        assertEquals(0, CliHarness.run("export", h5.toString(), "summary", "-o", sum.toString()).code());
        String s = Files.readString(sum);
        assertTrue(s.contains("/transient,steps,3\n"), s);
        assertTrue(s.contains("/,case_name,tiny\n"), s);
    }

    @Test
    void badRequestsAreOneLineErrorsAndWriteNothing() throws Exception {
        Path h5 = result();
        Path csv = dir.resolve("x.csv");
        CliHarness.Outcome o = CliHarness.run("export", h5.toString(), "everything", "-o", csv.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("choose one of probes, cores, dies, summary"), o.err());
        o = CliHarness.run("zth", h5.toString(), "-o", csv.toString(), "--probe", "centre");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("no stored case"), o.err());
        o = CliHarness.run("zth", h5.toString(), "-o", csv.toString());
        assertTrue(o.err().contains("no probe 'hottest_core'") && o.err().contains("probes: centre"), o.err());
        o = CliHarness.run("zth", h5.toString(), "-o", dir.resolve("x.txt").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("must end in .csv"), o.err());
        o = CliHarness.run("zth", h5.toString(), "-o", csv.toString(), "--foster", "0");
        assertEquals(2, o.code());
        assertFalse(Files.exists(csv));
        Files.writeString(csv, "keep");
        o = CliHarness.run("export", h5.toString(), "probes", "-o", csv.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("use --force"), o.err());
        assertEquals("keep", Files.readString(csv));
        for (String err : List.of(o.err())) assertFalse(err.contains("\tat "), "no stack trace");
    }
}
