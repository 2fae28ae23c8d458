package org.wafersim.run;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.errors.InputException;
import org.wafersim.io.ResultFile;

/**
 * {@code mechanics.load.type: file}: what a file must hold (a 3-D temperature with units K or degC on its own
 * faces with a length unit, covering the model), each failure an input error naming the key; and the field's units
 * mean what they say (a field in degC and the same in K load the plate alike).
 */
class PrescribedTemperatureTest {
    @TempDir Path dir;

    static final String CASE = """
            name: file-load
            wafer: {size: "20 mm", thickness: "0.5 mm"}
            dies: {columns: 1, rows: 1}
            cores: {per_die: [4, 4], spare_fraction: 0}
            stack: [{name: wafer}, {name: base, material: copper, thickness: "0.5 mm"}]
            analysis: {thermal: none, mechanics: true}
            mechanics: {spacing: "2.5 mm", load: {type: file, file: "%s", dataset: /T, x: /x, y: /y, z: /z}}
            """;

    /** A field of n x n x 4 cells over [0, side] x [0, side] x [0, 1 mm] at t (in the given units). */
    Path write(String name, double t, String units, double side, int[] shape, String lengthUnits) throws Exception {
        int n = 4, nz = 4;
        double[] xf = new double[n + 1], zf = new double[nz + 1];
        double scale = lengthUnits.equals("mm") ? 1e3 : 1;
        for (int i = 0; i <= n; i++) xf[i] = scale * side * i / n;
        for (int k = 0; k <= nz; k++) zf[k] = scale * 1e-3 * k / nz;
        int cells = 1;
        for (int s : shape) cells *= s;
        double[] v = new double[cells];
        java.util.Arrays.fill(v, t);
        Path p = dir.resolve(name);
        new ResultFile().dataset("/T", v, shape, units).dataset("/x", xf, new int[]{n + 1}, lengthUnits)
                .dataset("/y", xf, new int[]{n + 1}, lengthUnits).dataset("/z", zf, new int[]{nz + 1}, lengthUnits)
                .writeAtomically(p, true);
        return p;
    }

    CaseRun.Result run(Path p) {
        CaseSpec spec = CaseLoader.parse(CASE.formatted(p.toAbsolutePath()), "yaml", "file-load.yaml", List.of());
        return CaseRun.run(spec, 1, m -> { });
    }

    InputException refused(Path p) {
        return assertThrows(InputException.class, () -> run(p));
    }

    @Test
    void unitsMeanWhatTheySay() throws Exception {
        CaseRun.Result c = run(write("c.h5", 125, "degC", 0.02, new int[]{4, 4, 4}, "m"));
        CaseRun.Result k = run(write("k.h5", 398.15, "K", 0.02, new int[]{4, 4, 4}, "mm"));
        double a = c.mechanics().states().get(0).warpagePeakToValley(0);
        double b = k.mechanics().states().get(0).warpagePeakToValley(0);
        assertTrue(a > 1e-6, "a bilayer 100 K above stress-free warps: " + a);
        assertEquals(a, b, 1e-9 * a);
        assertEquals(125.0, c.summary().waferMaxC(), 1e-9);
    }

    @Test
    void aFieldNotInATemperatureUnitIsRefused() throws Exception {
        InputException e = refused(write("w.h5", 1, "W", 0.02, new int[]{4, 4, 4}, "m"));
        assertEquals("mechanics.load.dataset", e.keyPath());
        assertTrue(e.getMessage().contains("is not a temperature (K or degC)"), e.getMessage());
    }

    @Test
    void aDimensionlessFieldIsRefused() throws Exception {
        InputException e = refused(write("u.h5", 300, "1", 0.02, new int[]{4, 4, 4}, "m"));
        assertEquals("mechanics.load.dataset", e.keyPath());
        assertTrue(e.getMessage().contains("units \"1\" is not a temperature"), e.getMessage());
    }

    @Test
    void aFieldThatIsNot3dIsRefused() throws Exception {
        InputException e = refused(write("s.h5", 300, "K", 0.02, new int[]{4, 16}, "m"));
        assertEquals("mechanics.load.dataset", e.keyPath());
        assertTrue(e.getMessage().contains("must be 3-D [nz][ny][nx]"), e.getMessage());
    }

    @Test
    void facesThatDoNotMatchTheShapeAreRefused() throws Exception {
        InputException e = refused(write("f.h5", 300, "K", 0.02, new int[]{4, 4, 5}, "m"));
        assertEquals("mechanics.load.x", e.keyPath());
        assertTrue(e.getMessage().contains("must hold the field's 6 cell faces"), e.getMessage());
    }

    @Test
    void aFieldThatDoesNotCoverTheModelIsRefused() throws Exception {
        InputException e = refused(write("p.h5", 300, "K", 0.015, new int[]{4, 4, 4}, "m"));
        assertEquals("mechanics.load.file", e.keyPath());
        assertTrue(e.getMessage().contains("covers only"), e.getMessage());
    }

    @Test
    void belowAbsoluteZeroIsRefused() throws Exception {
        InputException e = refused(write("z.h5", -300, "degC", 0.02, new int[]{4, 4, 4}, "m"));
        assertEquals("mechanics.load.dataset", e.keyPath());
        assertTrue(e.getMessage().contains("below absolute zero"), e.getMessage());
    }
}
