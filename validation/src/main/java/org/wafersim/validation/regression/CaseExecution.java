package org.wafersim.validation.regression;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.wafersim.cases.CaseSpec;
import org.wafersim.run.CaseRun;
import org.wafersim.run.ResultLayout;

/**
 * Runs a regression case in-process exactly as {@code wafersim run} would, writes its result to a temporary HDF5 file
 * and reads it back: the comparison sees the result through the HDF5 contract (DESIGN section 7), so a broken writer
 * shows up as a regression too. Steady thermal runs only for now; transient and mechanics results will add their
 * groups to the same file and be compared by the same field paths.
 */
public final class CaseExecution {
    private CaseExecution() { }

    public static StoredFields run(CaseSpec spec, int threads, Consumer<String> progress) {
        CaseRun.Result r = CaseRun.run(spec, threads, progress);
        Path dir = null, file = null;
        try {
            dir = Files.createTempDirectory("wafersim-validate-");
            file = dir.resolve("result.h5");
            ResultLayout.of(r).writeAtomically(file, false);
            return StoredFields.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the temporary result of " + spec.name(), e);
        } finally {
            try {
                if (file != null) Files.deleteIfExists(file);
                if (dir != null) Files.deleteIfExists(dir);
            } catch (IOException e) {
                // a leftover temporary file is harmless; the comparison has what it needs
            }
        }
    }
}
