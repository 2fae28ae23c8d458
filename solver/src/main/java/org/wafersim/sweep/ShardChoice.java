package org.wafersim.sweep;

import java.nio.file.Path;
import org.wafersim.errors.InputException;

/**
 * The shard this process runs, from {@code --shard} and {@code --shards} and, for {@code auto}, the Slurm array
 * variables and the output folder's {@link ShardRecord}. Without {@code --shard}, a process inside a Slurm array task
 * takes {@code auto} (every task running the whole sweep at once would compute each point many times over), and any
 * other process the whole sweep.
 *
 * @param shard      the shard to run, or null if this array task has none
 * @param assignment how an array task was mapped (null for an explicit {@code i/n} or the whole sweep)
 * @param task       the array task, or null
 * @param requested  {@code --shards}, or null
 * @param points     points of the sweep
 */
public record ShardChoice(Shard shard, AutoShard.Assignment assignment, ArrayTask task, Integer requested, int points) {
    public static ShardChoice resolve(String text, Integer requested, SweepEnvironment env, int points, Path dir) {
        String t = text == null ? null : text.strip();
        if (t == null) {
            ArrayTask task = ArrayTask.of(env);
            if (task != null) return auto(task, requested, points, dir);
            if (requested != null)
                throw new InputException("--shards", null, "only applies with --shard auto inside a Slurm job array, or "
                        + "with --plan");
            return new ShardChoice(Shard.ALL, null, null, null, points);
        }
        if (t.equalsIgnoreCase("auto")) {
            ArrayTask task = ArrayTask.of(env);
            if (task == null)
                throw new InputException("--shard", null, "auto needs a Slurm job array task, but SLURM_ARRAY_TASK_ID "
                        + "is not set; outside a job array give i/n (e.g. --shard 1/3)");
            return auto(task, requested, points, dir);
        }
        Shard s = Shard.parse(t);
        if (requested != null && requested != s.n())
            throw new InputException("--shards", null, "is " + requested + " but --shard " + s + " says " + s.n() + " shards");
        return new ShardChoice(s, null, null, requested, points);
    }

    private static ShardChoice auto(ArrayTask task, Integer requested, int points, Path dir) {
        AutoShard.Assignment a = AutoShard.assign(task, ShardRecord.read(dir), requested, points, dir);
        return new ShardChoice(a.shard(), a, task, requested, points);
    }

    /** The same task mapped by a record another task wrote first. */
    ShardChoice with(ShardRecord recorded, Path dir) {
        AutoShard.Assignment a = AutoShard.assign(task, recorded, requested, points, dir);
        return new ShardChoice(a.shard(), a, task, requested, points);
    }
}
