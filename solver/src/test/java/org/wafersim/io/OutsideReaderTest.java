package org.wafersim.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.wafersim.io.Samples.*;

/**
 * Checks the written file with the reference HDF5 implementation, not only with jhdf (which could read back its
 * own mistakes). Uses h5dump (Debian hdf5-tools) and, where available, h5py; fails when neither is installed so
 * that a CI image without them is noticed instead of silently skipping the check.
 */
class OutsideReaderTest {
    /** Debian's h5py only imports from the system interpreter, not a pyenv python3 earlier on the PATH. */
    private static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    @Test
    void referenceToolsSeeShapeValueAndUnits() throws Exception {
        Path file = dir.resolve("run.h5");
        result().writeAtomically(file, false);
        // a cell away from every edge and with k, j, i all different, so a transposed read would show
        int k = 1, j = 2, i = 3;
        double expected = temperature(k, j, i);

        List<String> checkedWith = new ArrayList<>();
        Optional<Path> h5dump = onPath("h5dump");
        if (h5dump.isPresent()) {
            String out = run(List.of(h5dump.get().toString(), "-d", "/thermal/temperature",
                    "-s", k + "," + j + "," + i, "-c", "1,1,1", file.toString()));
            assertTrue(out.contains("DATASPACE  SIMPLE { ( 3, 4, 5 ) / ( 3, 4, 5 ) }"), out);
            assertTrue(out.contains("(" + k + "," + j + "," + i + "): " + fmt(expected)), out);
            assertTrue(out.matches("(?s).*ATTRIBUTE \"units\".*\"degC\".*"), out);
            String ids = run(List.of(h5dump.get().toString(), "-H", "-d", "/mesh/material_id", file.toString()));
            assertTrue(ids.contains("H5T_STD_I32LE") && ids.contains("material_names"), ids);
            checkedWith.add("h5dump");
        }
        if (Files.isExecutable(SYSTEM_PYTHON) && pythonHasH5py()) {
            String script = String.join("\n",
                    "import sys, h5py",
                    "f = h5py.File(sys.argv[1], 'r')",
                    "d = f['/thermal/temperature']",
                    "print(d.shape)",
                    "print(repr(float(d[" + k + ", " + j + ", " + i + "])))",
                    "print(d.attrs['units'].decode())",
                    "print(all('units' in f[n].attrs for n in ['/mesh/x', '/mesh/material_id', '/solver/wall_seconds']))");
            String out = run(List.of(SYSTEM_PYTHON.toString(), "-c", script, file.toString()));
            assertEquals(List.of("(3, 4, 5)", fmt(expected), "degC", "True"), out.lines().toList(), out);
            checkedWith.add("h5py");
        }
        assertFalse(checkedWith.isEmpty(),
                "no outside HDF5 reader found: install hdf5-tools (h5dump), e.g. apt-get install hdf5-tools");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static boolean pythonHasH5py() throws Exception {
        Process p = new ProcessBuilder(SYSTEM_PYTHON.toString(), "-c", "import h5py").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static Optional<Path> onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String d : path.split(File.pathSeparator)) {
            if (d.isEmpty()) continue;
            Path p = Path.of(d, exe);
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, p.exitValue(), command + " failed:\n" + out);
        return out;
    }
}
