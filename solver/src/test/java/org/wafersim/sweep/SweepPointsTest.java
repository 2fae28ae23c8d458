package org.wafersim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.errors.InputException;

class SweepPointsTest {
    @TempDir Path dir;

    private List<SweepPoint> points(String text) throws IOException {
        return SweepPoints.of(SweepFile.read(Files.writeString(dir.resolve("s.yaml"), text)));
    }

    @Test
    void productRunsTheLastAxisFastestAndNamesFilesFromParameters() throws IOException {
        List<SweepPoint> p = points("""
                base: wse-coarse
                set: {power.idle: "0.1 kW"}
                axes:
                  cooling.mode: [vertical, edge]
                  power.total: ["0.3 kW", "0.5 kW"]
                """);
        assertEquals(4, p.size());
        assertEquals("p0000_cooling.mode=vertical_power.total=0.3kW", p.get(0).stem());
        assertEquals("p0001_cooling.mode=vertical_power.total=0.5kW", p.get(1).stem());
        assertEquals("p0003_cooling.mode=edge_power.total=0.5kW", p.get(3).stem());
        assertEquals(List.of("power.idle=\"0.1 kW\"", "cooling.mode=\"edge\"", "power.total=\"0.3 kW\""), p.get(2).overrides());
        assertEquals("cooling.mode=edge, power.total=0.3 kW", p.get(2).describe());
    }

    @Test
    void zipPairsValuesAndNonTextValuesPassAsYaml() throws IOException {
        List<SweepPoint> p = points("base: b\nmode: zip\naxes:\n  grid.cells_per_core: [0.1, 0.2]\n  cores.per_die: [[2, 3], [4, 5]]\n");
        assertEquals(2, p.size());
        assertEquals(List.of("grid.cells_per_core=0.2", "cores.per_die=[4,5]"), p.get(1).overrides());
        assertEquals("p0001_grid.cells_per_core=0.2_cores.per_die=4-5", p.get(1).stem());
    }

    @Test
    void unsafeCharactersNeverReachFileNames() {
        String s = SweepPoints.stem(7, 4, new java.util.LinkedHashMap<>(java.util.Map.of("cooling.coolant.h", "20000 W/(m^2*K)")));
        assertEquals("p0007_cooling.coolant.h=20000W-m2-K", s);
    }

    @Test
    void latinHypercubeUsesEveryStratumOnceAndIsReproducible() throws IOException {
        String text = "base: b\nmode: lhs\nsamples: 10\nseed: 42\naxes:\n  power.total: [\"10 kW\", \"20 kW\"]\n  grid.cells_per_core: [0.1, 0.3]\n  dies.columns: [2, 11]\n";
        List<SweepPoint> a = points(text), b = points(text);
        assertEquals(a, b, "same seed, same points");
        Set<Integer> strataP = new HashSet<>(), strataG = new HashSet<>(), cols = new HashSet<>();
        for (SweepPoint p : a) {
            String pt = p.parameters().get("power.total");
            assertTrue(pt.endsWith(" kW"), "the unit is kept: " + pt);
            double kw = Double.parseDouble(pt.replace(" kW", ""));
            strataP.add((int) Math.floor((kw - 10) / 1.0));
            strataG.add((int) Math.floor((Double.parseDouble(p.parameters().get("grid.cells_per_core")) - 0.1) / 0.02 + 1e-9));
            cols.add(Integer.parseInt(p.parameters().get("dies.columns")));
        }
        assertEquals(10, strataP.size(), "10 samples in 10 different strata of power");
        assertEquals(10, strataG.size());
        assertEquals(10, cols.size(), "whole numbers 2..11, each once");
        assertNotEquals(a, points(text.replace("seed: 42", "seed: 43")));
    }

    @Test
    void rangesConvertBetweenUnitsOfOneDimension() {
        var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        Range r = new Range(f.textNode("500 W"), f.textNode("2 kW"), "s.yaml", "axes.power.total");
        assertEquals("1.25 kW", r.at(0.5).asText());
        InputException e = assertThrows(InputException.class,
                () -> new Range(f.textNode("500 W"), f.textNode("2 mm"), "s.yaml", "axes.power.total"));
        assertEquals("axes.power.total", e.keyPath());
        assertThrows(InputException.class, () -> new Range(f.textNode("edge"), f.textNode("vertical"), "s", "k"));
    }
}
