package org.wafersim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wafersim.errors.InputException;

/** {@code --shard auto}: Slurm array variables (as maps) to shards, with and without a recorded shard count. */
class AutoShardTest {
    static final Path DIR = Path.of("out");

    /** The variables Slurm sets in task {@code id} of {@code --array=min-max}. */
    static SweepEnvironment array(int id, int min, int max) {
        Map<String, String> env = new HashMap<>();
        env.put("SLURM_ARRAY_JOB_ID", "100");
        env.put("SLURM_ARRAY_TASK_ID", String.valueOf(id));
        env.put("SLURM_ARRAY_TASK_MIN", String.valueOf(min));
        env.put("SLURM_ARRAY_TASK_MAX", String.valueOf(max));
        env.put("SLURM_ARRAY_TASK_COUNT", String.valueOf(max - min + 1));
        env.put("SLURM_ARRAY_TASK_STEP", "1");
        return env(env);
    }

    static SweepEnvironment env(Map<String, String> vars) {
        return new SweepEnvironment(vars, p -> null, 2, 1L << 33);
    }

    static AutoShard.Assignment assign(SweepEnvironment e, ShardRecord rec, Integer shards, int points) {
        return AutoShard.assign(ArrayTask.of(e), rec, shards, points, DIR);
    }

    @Test
    void aWholeArrayFixesTheShardCountAndItsNumbering() {
        for (int first : new int[]{0, 1})
            for (int id = first; id < first + 3; id++) {
                AutoShard.Assignment a = assign(array(id, first, first + 2), null, null, 6);
                assertEquals(new Shard(id - first + 1, 3), a.shard(), "task " + id + " of " + first + "-" + (first + 2));
                assertTrue(a.newRecord());
                assertEquals(3, a.record().shards());
                assertEquals(first, a.record().firstTask());
                assertEquals("100", a.record().arrayJobId());
            }
    }

    @Test
    void aSingleTaskResubmitRunsWhatThatTaskRanFirst() {
        ShardRecord oneBased = new ShardRecord(3, 1, 6, "100", "t"), zeroBased = new ShardRecord(3, 0, 6, "100", "t");
        // sbatch --array=3: Slurm says min = max = 3, count 1
        assertEquals(new Shard(3, 3), assign(array(3, 3, 3), oneBased, null, 6).shard());
        assertEquals(new Shard(3, 3), assign(array(2, 2, 2), zeroBased, null, 6).shard());
        assertEquals(new Shard(1, 3), assign(array(0, 0, 0), zeroBased, null, 6).shard());
        // --array=2-3 of a 1-based sweep
        assertEquals(new Shard(2, 3), assign(array(2, 2, 3), oneBased, null, 6).shard());
        AutoShard.Assignment a = assign(array(3, 3, 3), oneBased, null, 6);
        assertTrue(!a.newRecord() && a.describe().contains("shard 3/3"), a.describe());
    }

    @Test
    void aWholeArrayUsesItsOwnNumberingEvenIfTheFirstOneDiffered() {
        ShardRecord oneBased = new ShardRecord(3, 1, 6, "100", "t");
        for (int id = 0; id < 3; id++)
            assertEquals(new Shard(id + 1, 3), assign(array(id, 0, 2), oneBased, null, 6).shard());
    }

    @Test
    void moreTasksThanShardsLeavesTheExtraOnesNothingToDo() {
        for (int id = 1; id <= 8; id++) {
            AutoShard.Assignment a = assign(array(id, 1, 8), null, null, 6);
            assertEquals(6, a.record().shards(), "at most one shard per point");
            if (id <= 6) assertEquals(new Shard(id, 6), a.shard());
            else {
                assertNull(a.shard());
                assertTrue(a.describe().contains("nothing to do") && a.describe().contains("tasks 1-6"), a.describe());
            }
        }
        // a second array of 8 over a folder recorded at 3 shards
        assertNull(assign(array(5, 1, 8), new ShardRecord(3, 1, 6, "99", "t"), null, 6).shard());
    }

    @Test
    void everyPointRunsExactlyOnceOverAnArrayWhateverItsNumbering() {
        for (int points = 1; points <= 9; points++)
            for (int tasks = 1; tasks <= 10; tasks++)
                for (int first : new int[]{0, 1}) {
                    if (tasks == 1 && points > 1) continue;   // ambiguous without a record: refused (below)
                    int[] runs = new int[points];
                    for (int id = first; id < first + tasks; id++) {
                        Shard s = assign(array(id, first, first + tasks - 1), null, null, points).shard();
                        if (s == null) continue;
                        for (int p = 0; p < points; p++) if (s.owns(p)) runs[p]++;
                    }
                    for (int p = 0; p < points; p++)
                        assertEquals(1, runs[p], "point " + p + " of " + points + ", " + tasks + " tasks from " + first);
                }
    }

    @Test
    void withoutARecordAResubmissionIsRefusedNamingTheOption() {
        InputException e = assertThrows(InputException.class, () -> assign(array(5, 5, 5), null, null, 6));
        assertEquals("--shard", e.source());
        assertTrue(e.getMessage().contains("shards.json") && e.getMessage().contains("--shards N"), e.getMessage());
        // --array=2-3 as a first submission does not start at 0 or 1: also a resubmission
        assertThrows(InputException.class, () -> assign(array(2, 2, 3), null, null, 6));
        // with --shards the count is known
        assertEquals(new Shard(3, 3), assign(array(3, 3, 3), null, 3, 6).shard());
        assertEquals(new Shard(1, 3), assign(array(0, 0, 0), null, 3, 6).shard());
    }

    @Test
    void shardsAgainstTheRecordOrThePointsAreInputErrors() {
        ShardRecord rec = new ShardRecord(3, 1, 6, "100", "t");
        InputException e = assertThrows(InputException.class, () -> assign(array(1, 1, 4), rec, 4, 6));
        assertEquals("--shards", e.source());
        assertTrue(e.getMessage().contains("shards.json"), e.getMessage());
        assertEquals(new Shard(1, 3), assign(array(1, 1, 3), rec, 3, 6).shard());
        assertEquals("--shards", assertThrows(InputException.class, () -> assign(array(1, 1, 3), null, 7, 6)).source());
        assertEquals("--shards", assertThrows(InputException.class, () -> assign(array(1, 1, 3), null, 0, 6)).source());
    }

    @Test
    void theShardOptionOutsideAndInsideAnArray() {
        SweepEnvironment none = env(Map.of());
        InputException e = assertThrows(InputException.class, () -> ShardChoice.resolve("auto", null, none, 6, DIR));
        assertEquals("--shard", e.source());
        assertTrue(e.getMessage().contains("SLURM_ARRAY_TASK_ID"), e.getMessage());
        for (String bad : new String[]{"0/3", "4/3"})
            assertEquals("--shard", assertThrows(InputException.class, () -> ShardChoice.resolve(bad, null, none, 6, DIR)).source());
        assertEquals(Shard.ALL, ShardChoice.resolve(null, null, none, 6, DIR).shard());
        assertEquals("--shards", assertThrows(InputException.class, () -> ShardChoice.resolve(null, 3, none, 6, DIR)).source());
        assertEquals("--shards", assertThrows(InputException.class, () -> ShardChoice.resolve("1/2", 3, none, 6, DIR)).source());
        // inside an array task, no --shard means auto; an explicit i/n is taken as given
        assertEquals(new Shard(2, 3), ShardChoice.resolve(null, null, array(2, 1, 3), 6, DIR).shard());
        assertEquals(new Shard(1, 1), ShardChoice.resolve("1/1", null, array(2, 1, 3), 6, DIR).shard());
        Map<String, String> garbled = new HashMap<>(Map.of("SLURM_ARRAY_TASK_ID", "x1"));
        assertEquals("--shard", assertThrows(InputException.class,
                () -> ShardChoice.resolve("auto", null, env(garbled), 6, DIR)).source());
    }
}
