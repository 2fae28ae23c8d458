package org.wafersim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The output folder of a sweep: per point {@code <stem>.h5} (+ {@code .xdmf}) and the record {@code <stem>.json},
 * plus {@code summary.csv} and {@code summary.json}. Everything is written through a temporary file and an atomic
 * rename, so a killed sweep leaves complete files or none (and stray temporaries, removed when the point runs again).
 */
public final class PointStore {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    public PointStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() { return dir; }
    public Path result(SweepPoint p) { return dir.resolve(p.stem() + ".h5"); }
    public Path record(SweepPoint p) { return dir.resolve(p.stem() + ".json"); }

    /** The point's record as stored, or null if there is none or it cannot be read (then the point runs again). */
    public JsonNode readRecord(SweepPoint p) {
        Path f = record(p);
        if (!Files.isRegularFile(f)) return null;
        try {
            return JSON.readTree(Files.readString(f, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Finished: the result file exists and the record says ok for the same overrides. Anything else (no record, a
     * failure, a record from an edited sweep file) means the point runs (again).
     */
    public boolean finished(SweepPoint p) {
        JsonNode r = readRecord(p);
        if (r == null || !Files.isRegularFile(result(p))) return false;
        if (!PointRecord.OK.equals(r.path("status").asText())) return false;
        List<String> stored = new ArrayList<>();
        r.path("overrides").forEach(n -> stored.add(n.asText()));
        return stored.equals(p.overrides());
    }

    /** Writes the record atomically (the last step of a point). */
    public void writeRecord(SweepPoint p, PointRecord rec) throws IOException {
        writeAtomically(record(p), JSON.writeValueAsString(rec) + "\n");
    }

    /** Writes a text file through a temporary sibling and an atomic rename. */
    void writeAtomically(Path target, String text) throws IOException {
        Path tmp = temporary(target);
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A new empty file {@code .NAME.tmp-RANDOM} next to {@code target}. Not {@link Files#createTempFile}: that one is
     * private to the owner (mode 600), and the outputs of a sweep are usually shared with a group.
     */
    static Path temporary(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + target.getFileName() + ".tmp-"
                    + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()));
            try {
                return Files.createFile(tmp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt >= 10) throw e;
            }
        }
    }

    /**
     * Removes temporaries a killed run left for this point ({@code .<stem>.h5.tmp-*} and the like). Only called right
     * before the point runs: this process owns the point then (each point belongs to exactly one shard).
     */
    void removeTemporaries(SweepPoint p) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "." + p.stem() + ".*")) {
            for (Path f : s) if (f.getFileName().toString().contains(".tmp")) Files.deleteIfExists(f);
        } catch (IOException e) {
            // best effort: a leftover temporary wastes space but does no harm
        }
    }
}
