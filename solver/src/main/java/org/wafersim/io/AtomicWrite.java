package org.wafersim.io;

import org.wafersim.errors.InputException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes an output file through a temporary sibling ({@code .NAME.tmp-RANDOM}) and an atomic rename, so that a
 * reader never sees a half-written file and a failed write leaves nothing behind. Shared by the HDF5 result and
 * the XDMF sidecar.
 */
final class AtomicWrite {
    /** Fills the (empty, freshly created) temporary file. */
    @FunctionalInterface
    interface Content {
        void writeTo(Path tmp) throws IOException;
    }

    private AtomicWrite() {
    }

    static void write(Path target, boolean force, Content content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InputException(target.toString(), null, "output folder does not exist");
        }
        if (Files.isDirectory(abs)) {
            throw new InputException(target.toString(), null, "is a folder; expected a file name");
        }
        refuseExisting(target, abs, force);

        Path tmp = createTemp(dir, abs.getFileName().toString());
        try {
            content.writeTo(tmp);
            // Flush the data before the rename: otherwise a crash could persist the rename but not the bytes.
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            // Checked again: the target may have appeared while we were writing. On Linux rename() replaces an
            // existing file even without REPLACE_EXISTING, so this re-check is what protects it (a tiny window remains).
            refuseExisting(target, abs, force);
            if (force) {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (Throwable t) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                t.addSuppressed(e);
            }
            throw t;
        }
        syncDirectory(dir);
    }

    private static void refuseExisting(Path target, Path abs, boolean force) {
        if (!force && Files.exists(abs)) {
            throw new InputException(target.toString(), null,
                    "exists; refusing to overwrite an existing result (use --force)");
        }
    }

    /**
     * Creates the temporary file with CREATE_NEW, so we never write into a file someone else owns; this also matters
     * because jhdf does not truncate an existing file.
     */
    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + name + ".tmp-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) throw e;
            }
        }
    }

    /** Makes the rename itself durable where the platform allows it (Linux); elsewhere this is a no-op. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // Best effort only: the file is complete and in place; some platforms cannot open a directory.
        }
    }
}
