package org.wafersim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** info, plot and sweep through the command line, on a real (coarse) result: output, and exit code 2 for bad input. */
class VerbsTest {
    @TempDir static Path dir;
    static Path result;
    static JsonNode runSummary;

    record Run(int code, String out, String err) { }

    static Run cli(String... args) {
        CommandLine cl = Cli.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    @BeforeAll
    static void runACase() throws IOException {
        result = dir.resolve("r.h5");
        Run r = cli("run", "wse-coarse", "--set", "grid.cells_per_core=0.05", "-o", result.toString(), "--json", "-q");
        assertEquals(0, r.code(), r.err());
        runSummary = new ObjectMapper().readTree(r.out());
    }

    @Test
    void infoListsTheDatasetsWithUnitsAndTheHeadline() {
        Run r = cli("info", result.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*\\n  /thermal/temperature +\\[\\d+, \\d+, \\d+] +float64 +degC\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\n  /mesh/x +\\[\\d+] +float64 +m\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\n  /cores/power +\\[\\d+] +float64 +W\\n.*"), r.out());
        assertTrue(r.out().contains("case      wse-coarse (from built-in wse-coarse)"), r.out());
        assertTrue(r.out().contains("wafer T           max "), r.out());
        assertTrue(r.out().contains("energy balance"), r.out());
    }

    @Test
    void infoJsonAgreesWithTheRunSummary() throws IOException {
        Run r = cli("info", result.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode info = new ObjectMapper().readTree(r.out());
        assertEquals("wse-coarse", info.path("caseName").asText());
        boolean found = false;
        for (JsonNode d : info.path("datasets"))
            if (d.path("path").asText().equals("/thermal/power_density")) {
                assertEquals("W/m^3", d.path("units").asText());
                found = true;
            }
        assertTrue(found);
        JsonNode h = info.path("headline");
        assertEquals(runSummary.path("waferMaxC").asDouble(), h.path("waferMaxC").asDouble(), 1e-9);
        assertEquals(runSummary.path("waferMeanC").asDouble(), h.path("waferMeanC").asDouble(), 1e-9);
        assertEquals(runSummary.path("powerW").asDouble(), h.path("powerW").asDouble(), 1e-9);
        assertEquals(runSummary.path("picardIterations").asInt(), h.path("picardIterations").asInt());
        assertTrue(cli("info", result.toString(), "--case").out().contains("name: wse-coarse"));
    }

    @Test
    void plotWritesAPngOfTheRequestedSize() throws IOException {
        Path png = dir.resolve("t.png");
        Run r = cli("plot", result.toString(), "temperature", "--layer", "wafer", "-o", png.toString(),
                "--width", "820", "--height", "610");
        assertEquals(0, r.code(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "readable PNG");
        assertEquals(820, img.getWidth());
        assertEquals(610, img.getHeight());
        assertEquals(0, cli("plot", result.toString(), "cores/temperature", "-o", dir.resolve("c.png").toString(), "-q").code());
        assertEquals(0, cli("plot", result.toString(), "power_density", "--z", "7 mm", "-o", dir.resolve("p.png").toString()).code());
    }

    /** Bad input: exit code 2, one line on stderr naming the problem, nothing on stdout, no stack trace. */
    private static void badInput(String expected, String... args) {
        Run r = cli(args);
        assertEquals(2, r.code(), () -> String.join(" ", args) + "\n" + r.err());
        assertTrue(r.err().contains(expected), () -> "expected '" + expected + "' in: " + r.err());
        assertEquals("", r.out());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void badInputToInfoAndPlot() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.h5"), "not hdf5\n");
        String missing = dir.resolve("missing.h5").toString();
        String png = dir.resolve("x.png").toString();
        badInput("missing.h5: file does not exist", "info", missing);
        badInput("notes.h5: not an HDF5 file", "info", text.toString());
        badInput("missing.h5: file does not exist", "plot", missing, "temperature", "-o", png);
        badInput("notes.h5: not an HDF5 file", "plot", text.toString(), "temperature", "-o", png);
        badInput("nosuch: no such field in the result", "plot", result.toString(), "nosuch", "-o", png);
        badInput("--layer: no layer 'tim2'", "plot", result.toString(), "temperature", "--layer", "tim2", "-o", png);
        badInput("--z: z = 40 mm is outside the grid", "plot", result.toString(), "temperature", "--z", "40 mm", "-o", png);
        badInput("must end in .png", "plot", result.toString(), "temperature", "-o", dir.resolve("x.jpg").toString());
        badInput("--width: must be between", "plot", result.toString(), "temperature", "-o", png, "--width", "10");
        badInput("Missing required option", "plot", result.toString(), "temperature");
        assertFalse(Files.exists(Path.of(png)), "no image for bad input");
    }

    @Test
    void badInputToSweep() throws IOException {
        Path ok = Files.writeString(dir.resolve("ok.yaml"), "base: wse-coarse\naxes:\n  power.total: [\"10 kW\"]\n");
        badInput("nope.yaml: no such sweep file", "sweep", dir.resolve("nope.yaml").toString());
        badInput("result.h5", "sweep", Files.copy(result, dir.resolve("result.h5")).toString());
        Path unknownTop = Files.writeString(dir.resolve("u.yaml"), "base: wse-coarse\nsamples: 3\nseeds: 2\naxes:\n  power.total: [\"10 kW\"]\n");
        badInput("u.yaml: seeds: unknown key", "sweep", unknownTop.toString());
        Path unknownAxis = Files.writeString(dir.resolve("a.yaml"),
                "base: wse-coarse\naxes:\n  power.total: [\"10 kW\"]\n  cooling.mod: [edge]\n");
        badInput("a.yaml: axes.cooling.mod: unknown key 'mod'", "sweep", unknownAxis.toString());
        badInput("--shard: shard index 3 is outside 1..2", "sweep", ok.toString(), "--shard", "3/2");
        badInput("--shard: shard index 0 is outside 1..2", "sweep", ok.toString(), "--shard", "0/2");
        badInput("--jobs: must be at least 1", "sweep", ok.toString(), "--jobs", "0");
        badInput("no such sweep output folder", "sweep", ok.toString(), "--summary-only", "-o", dir.resolve("none").toString());
        badInput("'nowhere.yaml' is neither a case file", "sweep",
                Files.writeString(dir.resolve("b.yaml"), "base: nowhere.yaml\naxes:\n  power.total: [\"10 kW\"]\n").toString());
    }

    @Test
    void everyPointIsCheckedBeforeAnyRuns() throws IOException {
        // only the last point is bad; nothing may have run when the sweep refuses it
        Path s = Files.writeString(dir.resolve("late.yaml"), "base: wse-coarse\nset: {grid.cells_per_core: 0.05}\n"
                + "axes:\n  power.total: [\"10 kW\", \"12 kW\", \"5 kg\"]\n");
        badInput("axes.power.total", "sweep", s.toString());
        assertFalse(Files.exists(dir.resolve("late.out")), "no output folder, no point ran");
    }
}
