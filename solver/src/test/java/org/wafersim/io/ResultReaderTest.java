package org.wafersim.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.errors.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class ResultReaderTest {
    @TempDir
    Path dir;

    @Test
    void missingFileNamesTheFile() {
        Path file = dir.resolve("nope.h5");
        InputException e = assertThrows(InputException.class, () -> ResultReader.open(file));
        assertEquals(file.toString(), e.source());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void nonHdf5FileIsAnInputError() throws IOException {
        Path text = Files.writeString(dir.resolve("case.yaml"), "name: not hdf5\n");
        InputException e = assertThrows(InputException.class, () -> ResultReader.open(text));
        assertEquals(text.toString(), e.source());
        assertTrue(e.getMessage().contains("not an HDF5 file"), e.getMessage());

        Path empty = Files.createFile(dir.resolve("empty.h5"));
        assertThrows(InputException.class, () -> ResultReader.open(empty));
        assertThrows(InputException.class, () -> ResultReader.open(dir));
    }

    @Test
    void truncatedFileIsDetected() throws IOException {
        // jhdf alone would happily return garbage for the part of a dataset past the end of the file
        Path file = dir.resolve("run.h5");
        Samples.result().writeAtomically(file, false);
        byte[] all = Files.readAllBytes(file);
        Path cut = Files.write(dir.resolve("cut.h5"), Arrays.copyOf(all, all.length - 8));
        InputException e = assertThrows(InputException.class, () -> ResultReader.open(cut));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void missingDatasetOrAttributeIsAnInputError() throws IOException {
        Path file = dir.resolve("run.h5");
        Samples.result().writeAtomically(file, false);
        try (ResultReader r = ResultReader.open(file)) {
            InputException e = assertThrows(InputException.class, () -> r.read("/thermal/nope"));
            assertEquals(file.toString(), e.source());
            assertEquals("/thermal/nope", e.keyPath());
            assertThrows(InputException.class, () -> r.read("/thermal"), "a group is not a dataset");
            assertThrows(InputException.class, () -> r.read("thermal/temperature"), "relative path");
            assertThrows(InputException.class, () -> r.attribute("/thermal/temperature", "nope"));
            assertThrows(InputException.class, () -> r.attributes("/nope"));
            // the file stays usable after an error
            assertEquals(Samples.temperature(2, 3, 4), r.read("/thermal/temperature").flat()[59]);
        }
    }
}
