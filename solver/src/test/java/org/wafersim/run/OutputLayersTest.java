package org.wafersim.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.io.ResultReader;
import org.wafersim.io.ResultSchema;
import org.wafersim.io.XdmfWriter;

/**
 * {@code output.layers}: the cell fields of a run, written for some adjacent layers only, are exactly the full file's
 * fields on those layers' cell planes, and the stored grid (z faces, layer tables, active planes) describes the
 * window, so that every reader of the file (info, plot, the XDMF sidecar) sees a consistent smaller grid.
 */
class OutputLayersTest {
    @TempDir static Path dir;
    static Path full, wafer, three;

    @BeforeAll
    static void runOnce() throws Exception {
        Path c = dir.resolve("case.yaml");
        Files.writeString(c, CaseLoader.builtinText("wse-default"));
        List<String> base = List.of("grid.cells_per_core=0.1", "analysis.mechanics=false", "analysis.reliability=false",
                "analysis.thermal=transient", "transient.end=20 s", "transient.snapshots=[10 s]");
        CaseSpec s = CaseLoader.load(c, base);
        CaseRun.Result r = CaseRun.run(s, 0, m -> { });
        full = write(r, s, "full.h5");
        wafer = write(r, with(c, base, "output.layers=[wafer]"), "wafer.h5");
        three = write(r, with(c, base, "output.layers=[tim, wafer, connector]"), "three.h5");
    }

    private static CaseSpec with(Path c, List<String> base, String extra) {
        List<String> o = new java.util.ArrayList<>(base);
        o.add(extra);
        return CaseLoader.load(c, o);
    }

    /** The same solution laid out under another case's output options. */
    private static Path write(CaseRun.Result r, CaseSpec s, String name) throws Exception {
        CaseRun.Result as = new CaseRun.Result(s, r.grid(), r.cores(), r.corePower(), r.q(), r.thermal(),
                r.coreTemperature(), r.summary(), r.coolant(), r.interfaceHeat(), r.transientOutcome(), r.reliability(),
                r.mechanics(), r.fixedSources());
        Path p = dir.resolve(name);
        ResultLayout.of(as).writeAtomically(p, false);
        return p;
    }

    @Test
    void cellFieldsAreTheFullFilesPlanesOfTheChosenLayers() {
        try (ResultReader f = ResultReader.open(full); ResultReader w = ResultReader.open(wafer)) {
            int[] window = (int[]) w.attributes("/").get("output_k_window");
            int nz = f.read(ResultSchema.MESH_Z.path()).flat().length - 1;
            assertEquals(nz, window[2]);
            // the wafer's planes: its bulk and the active slab, 6 of 17 at this grid
            double[] lk = f.read(ResultSchema.MESH_LAYER_K.path()).flat();
            assertEquals((int) lk[2 * 2], window[0]);
            assertEquals((int) lk[2 * 2 + 1], window[1]);
            assertArrayEquals(new String[]{"wafer"}, (String[]) w.attributes("/").get("output_layers"));
            int n = 0;
            for (String p : List.of(ResultSchema.THERMAL_TEMPERATURE.path(), ResultSchema.THERMAL_POWER_DENSITY.path(),
                    ResultSchema.MESH_MATERIAL_ID.path(), ResultSchema.MESH_VTK_GHOST_TYPE.path(),
                    ResultSchema.TRANSIENT_FINAL_TEMPERATURE.path(), ResultSchema.TRANSIENT_SNAPSHOT_TEMPERATURE.path("0000"))) {
                ResultReader.Data a = f.read(p), b = w.read(p);
                int plane = a.shape()[1] * a.shape()[2];
                assertArrayEquals(new int[]{window[1] - window[0], a.shape()[1], a.shape()[2]}, b.shape(), p);
                double[] expect = Arrays.copyOfRange(a.flat(), window[0] * plane, window[1] * plane);
                for (int i = 0; i < expect.length; i++)
                    assertEquals(Double.doubleToLongBits(expect[i]), Double.doubleToLongBits(b.flat()[i]), p + " at " + i);
                n++;
            }
            assertEquals(6, n);
            // what is not a cell field is untouched
            for (String p : List.of(ResultSchema.CORES_TEMPERATURE.path(), ResultSchema.MESH_X.path(),
                    ResultSchema.THERMAL_HEAT_PATHS.path(), ResultSchema.TRANSIENT_DIE_MAX.path()))
                assertArrayEquals(f.read(p).flat(), w.read(p).flat(), p);
        }
    }

    @Test
    void theStoredGridDescribesTheWindow() {
        try (ResultReader f = ResultReader.open(full); ResultReader w = ResultReader.open(three)) {
            int[] window = (int[]) w.attributes("/").get("output_k_window");
            double[] zf = f.read(ResultSchema.MESH_Z.path()).flat(), zw = w.read(ResultSchema.MESH_Z.path()).flat();
            assertArrayEquals(Arrays.copyOfRange(zf, window[0], window[1] + 1), zw);
            Map<String, Object> mf = f.attributes(ResultSchema.MESH.path()), mw = w.attributes(ResultSchema.MESH.path());
            assertArrayEquals(new String[]{"tim", "wafer", "connector"}, (String[]) mw.get("layer_names"));
            // the layer tables: the same z, k counted from the window's bottom, covering it without a gap
            double[] lk = w.read(ResultSchema.MESH_LAYER_K.path()).flat(), lz = w.read(ResultSchema.MESH_LAYER_Z.path()).flat();
            double[] fullLz = f.read(ResultSchema.MESH_LAYER_Z.path()).flat();
            assertArrayEquals(Arrays.copyOfRange(fullLz, 2, 8), lz);   // layers 1..3 of coldplate, tim, wafer, connector, board
            // listed top first, as the stack: the bottom layer starts at plane 0, the top one ends at the window's top
            assertEquals(0, lk[lk.length - 2]);
            assertEquals(zw.length - 1, (int) lk[1]);
            for (int l = 0; l < 2; l++) assertEquals(lk[2 * l], lk[2 * (l + 1) + 1], "layer " + l + " starts where the next ends");
            int[] af = (int[]) mf.get("active_k"), aw = (int[]) mw.get("active_k");
            assertArrayEquals(new int[]{af[0] - window[0], af[1] - window[0]}, aw);
            assertNull(f.attributes("/").get("output_k_window"));
        }
    }

    @Test
    void theSidecarDescribesTheCroppedGrid() throws Exception {
        Path x = XdmfWriter.forResult(wafer, true);
        String text = Files.readString(x);
        int nz;
        int ny, nx;
        try (ResultReader w = ResultReader.open(wafer)) {
            int[] s = w.read(ResultSchema.THERMAL_TEMPERATURE.path()).shape();
            nz = s[0];
            ny = s[1];
            nx = s[2];
        }
        assertTrue(text.contains("Dimensions=\"" + (nz + 1) + " " + (ny + 1) + " " + (nx + 1) + "\""), text);
        assertFalse(text.contains("Dimensions=\"18 "), "a full-grid dimension is left in the sidecar");
    }
}
