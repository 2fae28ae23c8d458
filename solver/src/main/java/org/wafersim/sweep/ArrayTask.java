package org.wafersim.sweep;

import org.wafersim.errors.InputException;

/**
 * This process's place in a Slurm job array, from the variables Slurm sets in every array task
 * ({@code SLURM_ARRAY_TASK_ID}, {@code _MIN}, {@code _MAX}, {@code _COUNT}, {@code _STEP}, {@code SLURM_ARRAY_JOB_ID};
 * Slurm documentation, sbatch, "OUTPUT ENVIRONMENT VARIABLES"). The range describes <em>this submission</em>:
 * resubmitting one task ({@code sbatch --array=5}) gives min = max = 5 and count 1, which is why the shard count is
 * not taken from it (see {@link AutoShard}).
 *
 * @param id    SLURM_ARRAY_TASK_ID
 * @param min   SLURM_ARRAY_TASK_MIN, or -1 if not set
 * @param max   SLURM_ARRAY_TASK_MAX, or -1 if not set
 * @param count SLURM_ARRAY_TASK_COUNT, or -1 if not set
 * @param step  SLURM_ARRAY_TASK_STEP, or 1 if not set
 * @param jobId SLURM_ARRAY_JOB_ID (the array's job id, shared by all its tasks), or null
 */
public record ArrayTask(int id, int min, int max, int count, int step, String jobId) {
    /** The array task this process is, or null outside a job array (no {@code SLURM_ARRAY_TASK_ID}). */
    public static ArrayTask of(SweepEnvironment e) {
        String id = e.get("SLURM_ARRAY_TASK_ID");
        if (id == null) return null;
        int min = number(e, "SLURM_ARRAY_TASK_MIN", -1), max = number(e, "SLURM_ARRAY_TASK_MAX", -1);
        return new ArrayTask(number(e, "SLURM_ARRAY_TASK_ID", -1), min, max, number(e, "SLURM_ARRAY_TASK_COUNT", -1),
                number(e, "SLURM_ARRAY_TASK_STEP", 1), e.get("SLURM_ARRAY_JOB_ID"));
    }

    private static int number(SweepEnvironment e, String name, int absent) {
        String v = e.get(name);
        if (v == null) return absent;
        if (!v.matches("\\d{1,9}"))
            throw new InputException("--shard", null, "auto: " + name + "='" + v + "' is not a task number");
        return Integer.parseInt(v);
    }

    /**
     * Whether this submission is one contiguous array of at least {@code n} tasks (step 1, every id from min to max):
     * then its own numbering (first id = min) tells which task is which shard, whatever the ids start at.
     */
    public boolean contiguousWith(int n) {
        if (min < 0 || max < min || step != 1) return false;
        int span = max - min + 1;
        return (count < 0 || count == span) && span >= n;
    }

    /** "array job 123 task 2 of tasks 1-3", for the log. */
    public String describe() {
        return "array job " + (jobId == null ? "?" : jobId) + " task " + id
                + (min < 0 ? "" : " of tasks " + min + (max != min ? "-" + max : "") + (step != 1 ? ":" + step : ""));
    }
}
