package org.wafersim.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.io.ResultReader;

/**
 * {@code wafersim run} end to end on a small case: exit 0, the result and its XDMF sidecar exist, the JSON summary
 * is parseable and consistent, and an outside reader (Debian's h5dump) reads the temperature field with its shape,
 * a value and its units.
 */
class RunEndToEndTest {
    @TempDir Path dir;

    @Test
    void smallCaseWritesAResultThatOutsideToolsRead() throws Exception {
        Path out = dir.resolve("small.h5");
        CliHarness.Outcome o = CliHarness.run("run", "wse-coarse", "-q", "--json", "-o", out.toString(),
                "--set", "grid.cells_per_core=0.1");
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.isRegularFile(out));
        assertTrue(Files.isRegularFile(dir.resolve("small.xdmf")));
        JsonNode s = new ObjectMapper().readTree(o.out());
        // power.total: 15 kW is the total at the operating point: dynamic + leakage there
        double power = s.get("powerW").asDouble();
        assertEquals(15000, power, 1e-6 * 15000);
        JsonNode pw = s.get("powerCoolant").get("power");
        assertEquals(power, pw.get("dynamicW").asDouble() + pw.get("leakageW").asDouble(), 1e-6 * power);
        assertEquals(s.get("leakageW").asDouble(), pw.get("leakageW").asDouble(), 1e-6 * power);
        assertTrue(Math.abs(s.get("balanceRelError").asDouble()) < 1e-9, o.out());
        double out3 = 0;
        for (var e : s.get("heatOutW").properties()) out3 += e.getValue().asDouble();
        assertEquals(power, out3, power * 1e-9);

        int nz, ny, nx;
        double sample;
        try (ResultReader r = ResultReader.open(out)) {
            ResultReader.Data t = r.read("/thermal/temperature");
            nz = t.shape()[0];
            ny = t.shape()[1];
            nx = t.shape()[2];
            // a cell in the middle of the wafer's active layer
            int[] active = (int[]) r.attribute("/mesh", "active_k");
            int k = active[0];
            sample = t.flat()[(k * ny + ny / 2) * nx + nx / 2];
            assertTrue(sample > 30 && sample < 100, "active-layer temperature " + sample + " degC");
        }
        Process p = new ProcessBuilder("h5dump", "-d", "/thermal/temperature", "-A", out.toString())
                .redirectErrorStream(true).start();
        String dump = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), dump);
        assertTrue(dump.contains("( " + nz + ", " + ny + ", " + nx + " )"), dump.substring(0, Math.min(500, dump.length())));
        assertTrue(dump.contains("\"degC\""), "units attribute");
        Process v = new ProcessBuilder("h5dump", "-d", "/thermal/temperature[" + 0 + ",0,0;;1,1,1;1,1,1]", out.toString())
                .redirectErrorStream(true).start();
        String one = new String(v.getInputStream().readAllBytes());
        assertTrue(v.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, v.exitValue(), one);
    }

    @Test
    void summaryNamesEveryHeatPath() {
        Path out = dir.resolve("s.h5");
        CliHarness.Outcome o = CliHarness.run("run", "wse-coarse", "-q", "-o", out.toString(),
                "--set", "grid.cells_per_core=0.1");
        assertEquals(0, o.code(), o.err());
        for (String w : List.of("coolant", "board", "energy balance", "hottest core", "wall time"))
            assertTrue(o.out().contains(w), "summary mentions " + w + ":\n" + o.out());
    }
}
