package org.wafersim.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cases.CaseSpec.OutputSpec;
import org.wafersim.errors.InputException;

/**
 * The case's {@code output} options as {@link ResultFile} applies them: cell-grid fields left out (and named in the
 * root attribute), float32 fields, chunked deflated arrays; the default file is unchanged.
 */
class ResultOutputOptionsTest {
    @TempDir
    Path dir;

    static final int NZ = 3, NY = 40, NX = 50, CORES = 5000;

    private static ResultFile sample(OutputSpec o) {
        ResultFile f = new ResultFile().output(o);
        double[] t = new double[NZ * NY * NX];
        for (int c = 0; c < t.length; c++) t[c] = 40 + Math.sin(c * 0.01) + c * 1e-9;
        int[] mat = new int[t.length];
        for (int c = 0; c < mat.length; c++) mat[c] = c % 3;
        double[] core = new double[CORES];
        for (int c = 0; c < CORES; c++) core[c] = 55 + 1e-3 * c + 1.0 / 3;
        f.dataset(ResultSchema.THERMAL_TEMPERATURE, t, new int[]{NZ, NY, NX});
        f.datasetAttribute(ResultSchema.THERMAL_TEMPERATURE.path(), "state", "steady");
        f.intDataset(ResultSchema.MESH_MATERIAL_ID, mat, new int[]{NZ, NY, NX});
        f.dataset(ResultSchema.CORES_TEMPERATURE, core, new int[]{CORES});
        f.dataset(ResultSchema.MESH_X, new double[]{0, 1e-3, 2.5e-3}, new int[]{3});
        return f;
    }

    @Test
    void theDefaultWritesEverythingInDoubleContiguous() throws IOException {
        Path file = dir.resolve("all.h5");
        sample(OutputSpec.DEFAULT).writeAtomically(file, false);
        try (HdfFile h = new HdfFile(file)) {
            Dataset t = h.getDatasetByPath("/thermal/temperature");
            assertEquals(double.class, t.getJavaType());
            assertEquals("CONTIGUOUS", t.getDataLayout().name());
            assertNull(h.getAttribute("omitted_datasets"));
            assertNull(h.getAttribute("output_fields"));
        }
    }

    @Test
    void coresLeavesOutTheCellFieldsAndReadersSayWhy() throws IOException {
        Path file = dir.resolve("cores.h5");
        ResultFile f = sample(new OutputSpec(OutputSpec.Fields.CORES, false, 0));
        assertEquals(java.util.List.of("/thermal/temperature", "/mesh/material_id"), f.omitted());
        f.writeAtomically(file, false);
        try (ResultReader r = ResultReader.open(file)) {
            assertEquals(CORES, r.read("/cores/temperature").flat().length);
            assertTrue(r.datasets().stream().noneMatch(d -> d.path().equals("/thermal/temperature")));
            InputException e = assertThrows(InputException.class, () -> r.read("/thermal/temperature"));
            assertTrue(e.getMessage().contains("output.fields: cores"), e.getMessage());
            assertNull(r.omittedReason("/cores/temperature"));
            assertEquals("cores", r.attributes("/").get("output_fields"));
        }
    }

    @Test
    void floatStoresFieldsAsTheRoundedDoublesAndKeepsCoordinatesDouble() throws IOException {
        Path file = dir.resolve("float.h5");
        sample(new OutputSpec(OutputSpec.Fields.ALL, true, 0)).writeAtomically(file, false);
        try (HdfFile h = new HdfFile(file); ResultReader r = ResultReader.open(file)) {
            assertEquals(float.class, h.getDatasetByPath("/thermal/temperature").getJavaType());
            assertEquals(float.class, h.getDatasetByPath("/cores/temperature").getJavaType());
            assertEquals(double.class, h.getDatasetByPath("/mesh/x").getJavaType());
            assertEquals(int.class, h.getDatasetByPath("/mesh/material_id").getJavaType());
            double[] core = r.read("/cores/temperature").flat();
            for (int c = 0; c < CORES; c++) assertEquals((float) (55 + 1e-3 * c + 1.0 / 3), core[c]);
            assertArrayEquals(new double[]{0, 1e-3, 2.5e-3}, r.read("/mesh/x").flat());
        }
    }

    @Test
    void compressionWritesChunkedDeflatedArraysThatReadBackExactly() throws IOException {
        Path plain = dir.resolve("plain.h5"), packed = dir.resolve("packed.h5");
        sample(OutputSpec.DEFAULT).writeAtomically(plain, false);
        sample(new OutputSpec(OutputSpec.Fields.ALL, false, 4)).writeAtomically(packed, false);
        try (HdfFile h = new HdfFile(packed); ResultReader a = ResultReader.open(plain);
             ResultReader b = ResultReader.open(packed)) {
            Dataset t = h.getDatasetByPath("/thermal/temperature");
            assertEquals("CHUNKED", t.getDataLayout().name());
            assertFalse(t.getFilters().isEmpty());
            assertEquals("CONTIGUOUS", h.getDatasetByPath("/mesh/x").getDataLayout().name());  // too small to chunk
            for (String p : new String[]{"/thermal/temperature", "/mesh/material_id", "/cores/temperature"})
                assertArrayEquals(a.read(p).flat(), b.read(p).flat(), p);
        }
        assertTrue(Files.size(packed) < Files.size(plain), "deflate shrinks the file");
    }

    @Test
    void chunksAreWholeTrailingRowsOfBoundedSize() {
        assertArrayEquals(new int[]{1, 195, 669}, ResultFile.chunkOf(new int[]{17, 665, 669}));
        assertArrayEquals(new int[]{131072}, ResultFile.chunkOf(new int[]{405132}));
        assertArrayEquals(new int[]{3, 40, 50}, ResultFile.chunkOf(new int[]{3, 40, 50}));
        assertArrayEquals(new int[]{1, 1, 1, 131072}, ResultFile.chunkOf(new int[]{2, 3, 4, 200000}));
    }

    @Test
    void onlyCellGridShapesAreLeftOutAndOnlyFieldShapesGoToFloat() {
        assertTrue(ResultFile.gridField("/thermal/temperature"));
        assertTrue(ResultFile.gridField("/thermal/coolant_temperature"));
        assertFalse(ResultFile.gridField("/cores/temperature"));
        assertFalse(ResultFile.gridField("/mesh/x"));
        assertTrue(ResultFile.floatField("/cores/power"));
        assertFalse(ResultFile.floatField("/solver/residual_history"));
        assertNotNull(ResultSchema.of("/mechanics/warpage").orElse(null));
        assertTrue(ResultFile.floatField("/mechanics/warpage"));
    }
}
