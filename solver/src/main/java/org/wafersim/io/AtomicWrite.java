package org.wafersim.io;

import org.wafersim.errors.InputException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes an output file through a temporary sibling ({@code .NAME.tmp-PID-RANDOM}) and an atomic rename, so that a
 * reader never sees a half-written file and a failed write leaves nothing behind. Shared by the HDF5 result and
 * the XDMF sidecar. A killed process cannot delete its temporary; the next write of the same target removes every
 * temporary of that target whose process is gone ({@link #removeStale}).
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
        removeStale(abs);

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
     * Deletes the temporaries of {@code target} ({@code .NAME.tmp-*}) left by processes that no longer run: those
     * whose name carries the id of a process that is gone, and those in the older form without an id. A temporary
     * of a live process (another run writing the same name, or this JVM) is left alone. Best effort.
     */
    static void removeStale(Path target) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || abs.getFileName() == null || !Files.isDirectory(dir)) return;
        String prefix = "." + abs.getFileName() + ".tmp-";
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path f : s) {
                String n = f.getFileName().toString();
                if (!n.startsWith(prefix)) continue;
                long pid = pidOf(n.substring(prefix.length()));
                if (pid == self || (pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))) continue;
                Files.deleteIfExists(f);
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a leftover temporary wastes space but does no harm
        }
    }

    /** The process id in "PID-RANDOM", or -1 for the older "RANDOM" form. */
    private static long pidOf(String rest) {
        int dash = rest.indexOf('-');
        if (dash <= 0) return -1;
        try {
            return Long.parseLong(rest.substring(0, dash));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Creates the temporary file with CREATE_NEW, so we never write into a file someone else owns; this also matters
     * because jhdf does not truncate an existing file.
     */
    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + name + ".tmp-" + ProcessHandle.current().pid() + "-"
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()));
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
