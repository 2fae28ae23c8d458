package org.wafersim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.wafersim.errors.InputException;

/**
 * {@code shards.json} in a sweep's output folder: how many shards the sweep is split into and which array task id
 * runs shard 1. Written once, by the first array task that starts ({@code --shard auto}), and read by every later
 * task, so a resubmitted task or a second array over the same folder runs the same points as the first array did,
 * whatever range it was submitted with. Delete the file (when no task of the sweep is running) to split the sweep
 * differently.
 *
 * @param shards     the shard count
 * @param firstTask  the array task id of shard 1 (1 for {@code --array=1-N}, 0 for {@code --array=0-(N-1)})
 * @param points     points of the sweep when the file was written (for people; the shards cover any number)
 * @param arrayJobId the array job that wrote it (null if not known)
 * @param createdUtc when
 */
public record ShardRecord(int shards, int firstTask, int points, String arrayJobId, String createdUtc) {
    public static final String FILE = "shards.json";

    /** The record in {@code dir}, or null if there is none. */
    public static ShardRecord read(Path dir) {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) return null;
        try {
            JsonNode n = PointStore.JSON.readTree(Files.readString(f, StandardCharsets.UTF_8));
            if (!n.path("shards").canConvertToInt() || n.path("shards").asInt() < 1 || !n.path("firstTask").isIntegralNumber())
                throw new IOException("no whole numbers shards >= 1 and firstTask");
            return new ShardRecord(n.get("shards").asInt(), n.get("firstTask").asInt(), n.path("points").asInt(),
                    n.hasNonNull("arrayJobId") ? n.get("arrayJobId").asText() : null, n.path("createdUtc").asText(null));
        } catch (IOException e) {
            throw new InputException(f.toString(), null, "cannot read the shard record (" + e.getMessage()
                    + "); delete it to let the next array job record the shard count again");
        }
    }

    /**
     * Writes this record unless {@code dir} has one already, atomically (a complete file or none: written aside, then
     * hard-linked into place, which fails if the name exists); returns the record that is in the folder afterwards,
     * which is another task's if that one was first.
     */
    public ShardRecord writeIfAbsent(Path dir) throws IOException {
        Path target = dir.resolve(FILE);
        if (Files.exists(target)) return read(dir);
        Path tmp = PointStore.temporary(target);
        try {
            Files.writeString(tmp, PointStore.JSON.writeValueAsString(this) + "\n", StandardCharsets.UTF_8);
            try {
                Files.createLink(target, tmp);
            } catch (FileAlreadyExistsException e) {
                // another task of the array was first: use its record
            } catch (UnsupportedOperationException | IOException e) {
                if (Files.exists(target)) return read(dir);
                // a file system without hard links: a rename (the check above leaves a small window)
                Files.move(tmp, target);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return read(dir);
    }
}
