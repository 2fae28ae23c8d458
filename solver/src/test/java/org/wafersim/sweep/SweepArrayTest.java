package org.wafersim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The array path in this JVM with made-up Slurm variables: the first task records the shard count, a single-task
 * resubmission runs its shard, a task beyond the count runs nothing, and the CPUs and memory come from the variables.
 * (scripts/slurm/test-slurm.sh runs the same on a real Slurm.)
 */
class SweepArrayTest {
    @TempDir Path dir;

    private SweepRunner.Outcome task(SweepSpec sweep, Map<String, String> env, StringWriter log) {
        SweepEnvironment e = new SweepEnvironment(env, p -> null, 2, 4L << 30);
        return SweepRunner.run(sweep, new SweepRunner.Options(1, null, null, null, 0, false, false, e),
                new PrintWriter(log, true));
    }

    static Map<String, String> slurm(int id, int min, int max) {
        Map<String, String> m = new HashMap<>();
        m.put("SLURM_JOB_ID", "50" + id);
        m.put("SLURM_ARRAY_JOB_ID", "50");
        m.put("SLURM_ARRAY_TASK_ID", String.valueOf(id));
        m.put("SLURM_ARRAY_TASK_MIN", String.valueOf(min));
        m.put("SLURM_ARRAY_TASK_MAX", String.valueOf(max));
        m.put("SLURM_ARRAY_TASK_COUNT", String.valueOf(max - min + 1));
        m.put("SLURM_CPUS_PER_TASK", "1");
        m.put("SLURM_MEM_PER_NODE", "1024");
        return m;
    }

    @Test
    void tasksOfAnArrayAResubmissionAndAnExtraTask() throws IOException {
        SweepSpec sweep = SweepFile.read(SweepFixtures.write(dir, SweepFixtures.FOUR_POINTS));
        Path out = sweep.defaultOutput();

        // task 2 of --array=1-2 starts first: it records 2 shards and runs points 1 and 3
        StringWriter log = new StringWriter();
        SweepRunner.Outcome t2 = task(sweep, slurm(2, 1, 2), log);
        assertEquals(new Shard(2, 2), t2.shard(), log.toString());
        assertEquals(2, t2.computed());
        assertEquals(0, t2.failed());
        assertEquals(Set.of(1, 3), SweepRunTest.recordIndices(out));
        ShardRecord rec = ShardRecord.read(out);
        assertEquals(new ShardRecord(2, 1, 4, "50", rec.createdUtc()), rec);
        String text = log.toString();
        assertTrue(text.contains("array job 50 task 2 of tasks 1-2 -> shard 2/2"), text);
        assertTrue(text.contains("resources: 1 CPU (SLURM_CPUS_PER_TASK=1)") && text.contains("SLURM_MEM_PER_NODE=1024"), text);
        assertTrue(text.contains("jobs 1 x 1 threads") && text.contains("of the 0.53 GiB budget"), text);

        // task 1 was cancelled; resubmitted alone (--array=1: min = max = 1) it runs shard 1/2
        StringWriter log1 = new StringWriter();
        SweepRunner.Outcome t1 = task(sweep, slurm(1, 1, 1), log1);
        assertEquals(new Shard(1, 2), t1.shard(), log1.toString());
        assertEquals(2, t1.computed());
        assertEquals(Set.of(0, 1, 2, 3), SweepRunTest.recordIndices(out));
        assertEquals(4, t1.counts().ok());

        // a third task (--array=1-3) has nothing to do: no shard, nothing run, no failure
        StringWriter log3 = new StringWriter();
        SweepRunner.Outcome t3 = task(sweep, slurm(3, 1, 3), log3);
        assertNull(t3.shard());
        assertEquals(0, t3.computed());
        assertEquals(SweepExit.OK, SweepExit.ofRun(t3));
        assertTrue(log3.toString().contains("this task has nothing to do"), log3.toString());
        assertTrue(Files.isRegularFile(out.resolve("summary.csv")));
    }
}
