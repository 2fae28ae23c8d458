package org.wafersim.sweep;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.wafersim.errors.InputException;

/**
 * {@code --shard auto}: which shard an array task runs. The shard count is fixed once per output folder (by
 * {@code --shards N}, or else by the first array to start: its size, at most the number of points) and recorded in
 * {@link ShardRecord shards.json}; the task ids map onto shards 1..N by
 * <pre>
 *   shard = id - first + 1,   first = SLURM_ARRAY_TASK_MIN  if this submission is a contiguous array of >= N tasks,
 *                             first = the recorded first id otherwise (a partial resubmission: --array=5, --array=2-3)
 * </pre>
 * so {@code --array=1-N} and {@code --array=0-(N-1)} both cover every shard, and resubmitting task 5 alone runs what
 * task 5 of the first array ran. A task whose shard would lie outside 1..N has nothing to do: it says so and the sweep
 * exits 0 (more tasks than shards).
 */
public final class AutoShard {
    private AutoShard() { }

    /**
     * The outcome for one task.
     *
     * @param shard    the shard to run, or null if this task has none (more tasks than shards)
     * @param record   the shard record in force (to be written if {@code newRecord})
     * @param newRecord whether the output folder has no record yet and this one should be written
     * @param describe how the task was mapped, for the log
     */
    public record Assignment(Shard shard, ShardRecord record, boolean newRecord, String describe) { }

    /**
     * @param task      this array task (not null)
     * @param recorded  the output folder's shard record, or null
     * @param requested {@code --shards N}, or null
     * @param points    points in the sweep
     * @param folder    the output folder (for messages)
     * @throws InputException on {@code --shard} (or {@code --shards}) when the shard count cannot be known
     */
    public static Assignment assign(ArrayTask task, ShardRecord recorded, Integer requested, int points, Path folder) {
        if (requested != null) checkShardCount(requested, points, "--shards");
        int n, first;
        boolean fresh = recorded == null;
        String recordFile = folder.resolve(ShardRecord.FILE).toString();
        if (!fresh) {
            if (requested != null && requested != recorded.shards())
                throw new InputException("--shards", null, "is " + requested + ", but " + recordFile + " fixes this sweep at "
                        + recorded.shards() + " shards (recorded by " + (recorded.arrayJobId() == null ? "an earlier array"
                        : "array job " + recorded.arrayJobId()) + "); drop --shards, or delete that file once no task of the sweep runs");
            n = recorded.shards();
            first = task.contiguousWith(n) ? task.min() : recorded.firstTask();
        } else if (requested != null) {
            n = requested;
            first = task.contiguousWith(n) || task.min() == 0 ? Math.max(0, task.min()) : 1;
        } else {
            // nothing recorded: this submission must be a whole array, numbered from 0 or 1, to say how many shards
            boolean whole = task.min() >= 0 && task.min() <= 1 && task.contiguousWith(1)
                    && (task.max() > task.min() || points == 1);
            if (!whole)
                throw new InputException("--shard", null, "auto: " + task.describe() + " looks like a resubmission, but "
                        + recordFile + " does not say how many shards the sweep has; submit the whole array first "
                        + "(--array=1-N, see --plan) or give --shards N");
            n = Math.min(task.max() - task.min() + 1, points);
            first = task.min();
        }
        ShardRecord rec = fresh ? new ShardRecord(n, first, points, task.jobId(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()) : recorded;
        int i = task.id() - first + 1;
        String how = String.format("%s -> shard %d/%d (%d shards %s, task %d runs shard 1)", task.describe(), i, n, n,
                fresh ? (requested != null ? "from --shards" : "from this array's size, recorded in " + recordFile)
                        : "recorded in " + recordFile, first);
        if (i < 1 || i > n)
            return new Assignment(null, rec, fresh, String.format("%s: the sweep has %d shards, run by tasks %d-%d (%s); "
                    + "this task has nothing to do", task.describe(), n, first, first + n - 1,
                    fresh ? "this array's first " + n + " tasks" : "as recorded in " + recordFile));
        return new Assignment(new Shard(i, n), rec, fresh, how);
    }

    /** A shard count must be 1..points. */
    public static void checkShardCount(int n, int points, String option) {
        if (n < 1) throw new InputException(option, null, "must be at least 1, got " + n);
        if (n > points)
            throw new InputException(option, null, "is " + n + ", but the sweep has only " + points + " point"
                    + (points == 1 ? "" : "s") + ": at most " + points + " shards");
    }
}
