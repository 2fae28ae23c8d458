package org.wafersim.io;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.errors.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.wafersim.io.Samples.*;

class ResultFileTest {
    @TempDir
    Path dir;

    @Test
    void roundTripThroughJhdf() throws IOException {
        Path file = dir.resolve("run.h5");
        result().writeAtomically(file, false);

        try (HdfFile h = new HdfFile(file)) {
            Dataset t = h.getDatasetByPath("/thermal/temperature");
            assertArrayEquals(new int[]{NZ, NY, NX}, t.getDimensions());
            double[][][] data = (double[][][]) t.getData();
            for (int k = 0; k < NZ; k++)
                for (int j = 0; j < NY; j++)
                    for (int i = 0; i < NX; i++) assertEquals(temperature(k, j, i), data[k][j][i]);
            assertEquals("degC", t.getAttribute("units").getData());

            Dataset mat = h.getDatasetByPath("/mesh/material_id");
            assertEquals(int.class, mat.getJavaType());
            assertEquals(2, ((int[][][]) mat.getData())[0][1][0]); // flat index 5 -> 5 % 3
            assertArrayEquals(new String[]{"si", "cu", "underfill"},
                    (String[]) mat.getAttribute("material_names").getData());

            double[][] warp = (double[][]) h.getDatasetByPath("/mechanics/warpage").getData();
            assertEquals(-0.5 * (2 * NX + 3), warp[2][3]);
            assertArrayEquals(X, (double[]) h.getDatasetByPath("/mesh/x").getData());
            assertEquals(3.5, h.getDatasetByPath("/solver/wall_seconds").getData());

            assertEquals("sample", h.getAttribute("case_name").getData());
            assertEquals(1234567890123L, h.getAttribute("seed").getData());
            assertEquals(1, h.getAttribute("schema").getData());
            assertArrayEquals(new int[]{NZ, NY, NX}, (int[]) h.getAttribute("grid_cells").getData());
            Map<String, ?> heat = h.getByPath("/thermal/heat_paths").getAttributes();
            assertEquals(15000.5, ((io.jhdf.api.Attribute) heat.get("total_W")).getData());
            assertArrayEquals(new double[]{14000.0, 1000.5},
                    (double[]) ((io.jhdf.api.Attribute) heat.get("split_W")).getData());
        }

        try (ResultReader r = ResultReader.open(file)) {
            List<ResultReader.DatasetInfo> all = r.datasets();
            assertEquals(List.of("/mechanics/warpage", "/mesh/material_id", "/mesh/x", "/mesh/y", "/mesh/z",
                    "/solver/wall_seconds", "/thermal/temperature"),
                    all.stream().map(ResultReader.DatasetInfo::path).collect(Collectors.toList()));
            for (ResultReader.DatasetInfo d : all) assertNotNull(d.units(), "units on " + d.path());
            ResultReader.DatasetInfo mat = all.get(1);
            assertEquals("int32", mat.type());
            assertArrayEquals(new int[]{NZ, NY, NX}, mat.shape());
            assertEquals("float64", all.get(6).type());
            assertArrayEquals(new int[0], all.get(5).shape()); // scalar

            ResultReader.Data t = r.read("/thermal/temperature");
            assertArrayEquals(new int[]{NZ, NY, NX}, t.shape());
            assertArrayEquals(temperatureFlat(), t.flat());
            assertEquals(5.0 % 3, r.read("/mesh/material_id").flat()[5]);
            assertEquals(3.5, r.read("/solver/wall_seconds").flat()[0]);
            assertEquals("um", r.attribute("/mechanics/warpage", "units"));
            assertEquals(15000.5, r.attribute("/thermal/heat_paths", "total_W"));
            assertTrue(r.attributes("/").containsKey("wafersim_version"));
        }
    }

    @Test
    void dataIsCopiedWhenAdded() throws IOException {
        double[] live = temperatureFlat();
        int[] ids = new int[NZ * NY * NX];
        double[] axis = {0, 1, 2};
        int[] attr = {7, 8};
        ResultFile rf = new ResultFile()
                .dataset("/a/t", live, new int[]{NZ, NY, NX}, "K")
                .intDataset("/a/id", ids, new int[]{NZ, NY, NX}, "1")
                .dataset("/a/axis", axis, new int[]{3}, "m")
                .attribute("/a", "pair", attr);
        // the solver keeps using its arrays after handing them over
        live[0] = -1;
        ids[0] = 99;
        axis[0] = 42;
        attr[0] = 0;
        Path file = dir.resolve("copy.h5");
        rf.writeAtomically(file, false);
        try (ResultReader r = ResultReader.open(file)) {
            assertEquals(temperature(0, 0, 0), r.read("/a/t").flat()[0]);
            assertEquals(0.0, r.read("/a/id").flat()[0]);
            assertEquals(0.0, r.read("/a/axis").flat()[0]);
            assertArrayEquals(new int[]{7, 8}, (int[]) r.attribute("/a", "pair"));
        }
    }

    @Test
    void nonAsciiAndEmptyStringsSurvive() throws IOException {
        Path file = dir.resolve("text.h5");
        new ResultFile()
                .attribute("/", "note", "T in °C, Δ≤5")
                .attribute("/", "empty", "")
                .attribute("/", "names", new String[]{"abc", "éé€"})
                .dataset("/x", new double[]{1}, new int[]{1}, "°C")
                .writeAtomically(file, false);
        try (ResultReader r = ResultReader.open(file)) {
            assertEquals("T in °C, Δ≤5", r.attribute("/", "note"));
            assertEquals("", r.attribute("/", "empty"));
            assertArrayEquals(new String[]{"abc", "éé€"}, (String[]) r.attribute("/", "names"));
            assertEquals("°C", r.datasets().get(0).units());
        }
    }

    @Test
    void pathsAreValidated() {
        ResultFile rf = new ResultFile();
        double[] one = {1};
        int[] s1 = {1};
        for (String bad : new String[]{"a", "", "/", "a/b", "/a//b", "/a/", "//a", "/a b", "/a/../b", "/./a", "/a\\b",
                "/ä", "/a:b", null}) {
            assertThrows(IllegalArgumentException.class, () -> rf.dataset(bad, one, s1, "1"), "dataset path " + bad);
        }
        for (String bad : new String[]{"a/b", "", "x y", "..", null}) {
            assertThrows(IllegalArgumentException.class, () -> rf.attribute("/", bad, 1), "attribute name " + bad);
        }
        assertThrows(IllegalArgumentException.class, () -> rf.attribute("g", "n", 1));
        assertThrows(IllegalArgumentException.class, () -> rf.attribute("/", "_jHDF", "mine"));
        // valid: digits first, dots, dashes, underscores
        rf.dataset("/transient/snapshots/0001/temperature", one, s1, "degC");
        rf.dataset("/a.b-c_d", one, s1, "1");
    }

    @Test
    void duplicatesAndCollisionsAreRefused() {
        ResultFile rf = new ResultFile().dataset("/g/d", new double[]{1}, new int[]{1}, "m")
                .attribute("/g", "n", 1);
        assertThrows(IllegalArgumentException.class, () -> rf.dataset("/g/d", new double[]{2}, new int[]{1}, "m"));
        assertThrows(IllegalArgumentException.class, () -> rf.intDataset("/g/d", new int[]{2}, new int[]{1}, "m"));
        assertThrows(IllegalArgumentException.class, () -> rf.dataset("/g/d", 2.0, "m"));
        assertThrows(IllegalArgumentException.class, () -> rf.dataset("/g", 2.0, "m"), "a group is not a dataset");
        assertThrows(IllegalArgumentException.class, () -> rf.dataset("/g/d/e", 2.0, "m"), "a dataset is not a group");
        assertThrows(IllegalArgumentException.class, () -> rf.attribute("/g/d", "x", 1), "use datasetAttribute");
        assertThrows(IllegalArgumentException.class, () -> rf.attribute("/g", "n", 2), "duplicate attribute");
        assertThrows(IllegalArgumentException.class, () -> rf.datasetAttribute("/g/d", "units", "K"), "units taken");
        assertThrows(IllegalArgumentException.class, () -> rf.datasetAttribute("/g/missing", "x", 1));
        assertThrows(IllegalArgumentException.class, () -> rf.datasetAttribute("/nope/d", "x", 1));
    }

    @Test
    void dataAndAttributeValuesAreChecked() {
        ResultFile rf = new ResultFile();
        assertThrows(IllegalArgumentException.class, () -> rf.dataset("/a", new double[6], new int[]{2, 2}, "m"),
                "shape product differs from length");
        assertThrows(IllegalArgumentException.class, () -> rf.dataset("/a", new double[0], new int[]{0}, "m"),
                "zero-length");
        assertThrows(IllegalArgumentException.class, () -> rf.dataset("/a", new double[0], new int[]{3, 0}, "m"));
        assertThrows(IllegalArgumentException.class, () -> rf.dataset("/a", new double[1], new int[0], "m"));
        assertThrows(IllegalArgumentException.class, () -> rf.dataset("/a", new double[1], new int[]{1}, null));
        assertThrows(IllegalArgumentException.class, () -> rf.dataset("/a", new double[1], new int[]{1}, ""));
        assertThrows(IllegalArgumentException.class, () -> rf.dataset("/a", 1.0, "a\0b"));
        assertThrows(NullPointerException.class, () -> rf.dataset("/a", null, new int[]{1}, "m"));

        assertThrows(IllegalArgumentException.class, () -> rf.attribute("/", "b", true), "booleans");
        assertThrows(IllegalArgumentException.class, () -> rf.attribute("/", "f", 1.5f), "float");
        assertThrows(IllegalArgumentException.class, () -> rf.attribute("/", "n", null));
        assertThrows(IllegalArgumentException.class, () -> rf.attribute("/", "e", new int[0]));
        assertThrows(IllegalArgumentException.class, () -> rf.attribute("/", "e", new double[0]));
        assertThrows(IllegalArgumentException.class, () -> rf.attribute("/", "e", new String[0]));
        assertThrows(IllegalArgumentException.class, () -> rf.attribute("/", "e", new String[]{"a", null}));
        assertThrows(IllegalArgumentException.class, () -> rf.attribute("/", "z", "cut\0here"));
        // nothing half-added: the failed calls left no groups or datasets
        assertEquals(new ResultFile().estimatedBytes(), rf.estimatedBytes());
    }

    @Test
    void estimatedBytesIsCloseToTheFileSize() throws IOException {
        int n = 20 * 30 * 40;
        ResultFile rf = result().dataset("/big", new double[n], new int[]{20, 30, 40}, "K");
        Path file = dir.resolve("size.h5");
        rf.writeAtomically(file, false);
        long actual = Files.size(file);
        long estimate = rf.estimatedBytes();
        assertTrue(estimate > 8L * n && estimate < 8L * n + 64 * 1024, "estimate " + estimate);
        assertTrue(Math.abs(estimate - actual) < 0.2 * actual, "estimate " + estimate + " vs actual " + actual);
    }

    // ---- atomic writing ----

    @Test
    void existingTargetIsNotOverwrittenWithoutForce() throws IOException {
        Path file = dir.resolve("run.h5");
        byte[] before = "precious old result".getBytes();
        Files.write(file, before);
        InputException e = assertThrows(InputException.class, () -> result().writeAtomically(file, false));
        assertEquals(file.toString(), e.source());
        assertTrue(e.getMessage().contains("exists; refusing to overwrite an existing result (use --force)"),
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertOnlyFiles(file);
    }

    @Test
    void forceReplacesTheTarget() throws IOException {
        Path file = dir.resolve("run.h5");
        Files.write(file, new byte[1 << 16]); // bigger than the new file: jhdf alone would not truncate it
        result().writeAtomically(file, true);
        assertTrue(Files.size(file) < 1 << 16);
        try (ResultReader r = ResultReader.open(file)) {
            assertEquals("sample", r.attribute("/", "case_name"));
        }
        assertOnlyFiles(file);
    }

    @Test
    void missingOutputFolderIsAnInputError() {
        Path file = dir.resolve("no-such-folder").resolve("run.h5");
        InputException e = assertThrows(InputException.class, () -> result().writeAtomically(file, true));
        assertTrue(e.getMessage().contains("output folder does not exist"), e.getMessage());
        assertFalse(Files.exists(file.getParent()));
        assertOnlyFiles();
    }

    @Test
    void targetThatIsAFolderIsAnInputError() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("run.h5"));
        assertThrows(InputException.class, () -> result().writeAtomically(folder, true));
        assertOnlyFiles(folder);
    }

    @Test
    void failureInsideJhdfLeavesNoFileBehind() {
        Path file = dir.resolve("run.h5");
        // a zero-length array makes jhdf throw; jhdf would still write a partial file in close()
        ResultFile rf = result().uncheckedDatasetForTest("/broken", new double[0]);
        assertThrows(RuntimeException.class, () -> rf.writeAtomically(file, false));
        assertOnlyFiles();
    }

    @Test
    void failureLeavesAnExistingTargetUntouched() throws IOException {
        Path file = dir.resolve("run.h5");
        byte[] before = "old".getBytes();
        Files.write(file, before);
        ResultFile rf = result().uncheckedDatasetForTest("/broken", new int[0]);
        assertThrows(RuntimeException.class, () -> rf.writeAtomically(file, true));
        assertArrayEquals(before, Files.readAllBytes(file));
        assertOnlyFiles(file);
    }

    @Test
    void failingContentIsCleanedUp() {
        Path file = dir.resolve("side.xdmf");
        IOException e = assertThrows(IOException.class, () -> AtomicWrite.write(file, false, tmp -> {
            assertTrue(tmp.getFileName().toString().startsWith(".side.xdmf.tmp-"), tmp.toString());
            assertEquals(dir, tmp.getParent());
            Files.writeString(tmp, "half");
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertOnlyFiles();
    }

    /** The folder holds exactly these files: no temporary leftovers. */
    private void assertOnlyFiles(Path... expected) {
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(Stream.of(expected).map(Path::getFileName).map(Path::toString).sorted().toList(),
                    s.map(Path::getFileName).map(Path::toString).sorted().toList());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
