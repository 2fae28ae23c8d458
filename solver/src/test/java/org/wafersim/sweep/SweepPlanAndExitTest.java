package org.wafersim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.run.CaseRun;

/** {@code --plan} (text and JSON), the exit codes of the merge, and the bad shard options; nothing here runs a point. */
class SweepPlanAndExitTest {
    @TempDir Path dir;

    @Test
    void thePlanListsThePointsTheirShardsAndEstimatesAndTheSlurmLinesAndWritesNothing() throws IOException {
        Path sweep = SweepFixtures.write(dir, SweepFixtures.FOUR_POINTS);
        SweepFixtures.Run r = SweepFixtures.cli("sweep", sweep.toString(), "--plan", "--shards", "2", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode plan = new ObjectMapper().readTree(r.out());
        assertEquals(4, plan.path("points").size());
        assertEquals(2, plan.path("shards").asInt());
        SweepSpec spec = SweepFile.read(sweep);
        long largest = 0;
        for (SweepPoint p : SweepPoints.of(spec)) {
            JsonNode n = plan.path("points").get(p.index());
            assertEquals(p.stem(), n.path("name").asText());
            assertEquals(p.index() % 2 + 1, n.path("shard").asInt(), "shard i runs index % n == i - 1");
            assertEquals(p.overrides().size(), n.path("overrides").size());
            long bytes = CaseRun.estimatedBytes(SweepPlan.loadCase(spec, p));
            assertEquals(bytes, n.path("estimatedBytes").asLong(), "the estimate the task checks its budget with");
            assertTrue(n.path("estimatedSeconds").asDouble() > 0);
            largest = Math.max(largest, bytes);
        }
        JsonNode slurm = plan.path("slurm"), task = plan.path("task");
        assertEquals("1-2", slurm.path("array").asText());
        assertEquals(2, slurm.path("cpusPerTask").asInt(), "1 job x 2 threads by default");
        long mem = task.path("memBytes").asLong();
        assertEquals(mem / (1 << 20) + "M", slurm.path("mem").asText());
        assertEquals(Resources.heapFor(mem) / (1 << 20), task.path("xmxMiB").asLong());
        assertTrue(task.path("budgetBytes").asLong() >= largest, "the task's budget holds the largest point");
        assertTrue(slurm.path("time").asText().matches("\\d\\d:\\d\\d:00"), slurm.path("time").asText());
        assertTrue(slurm.path("sbatchArgs").asText().startsWith("--array=1-2 --cpus-per-task=2 --mem="));
        assertFalse(Files.exists(dir.resolve("cooling-vs-power.out")), "a plan writes nothing");

        SweepFixtures.Run text = SweepFixtures.cli("sweep", sweep.toString(), "--plan", "--shards", "2", "--threads", "1");
        assertEquals(0, text.code(), text.err());
        for (String s : List.of("#SBATCH --array=1-2", "#SBATCH --cpus-per-task=1", "#SBATCH --mem=", "#SBATCH --time=",
                "p0003_cooling.mode=edge_power.total=0.5kW", "sweep.sbatch", "merge.sbatch", "sbatch --array=k"))
            assertTrue(text.out().contains(s), s + " in\n" + text.out());
        // default: one point per task
        SweepFixtures.Run dflt = SweepFixtures.cli("sweep", sweep.toString(), "--plan");
        assertTrue(dflt.out().contains("#SBATCH --array=1-4"), dflt.out());
    }

    @Test
    void badPlanAndShardOptionsExitTwoNamingTheOption() throws IOException {
        Path sweep = SweepFixtures.write(dir, SweepFixtures.FOUR_POINTS);
        assumeTrue(System.getenv("SLURM_ARRAY_TASK_ID") == null, "not inside a Slurm array task");
        for (String[] bad : new String[][]{{"--shard", "0/3"}, {"--shard", "4/3"}, {"--shard", "auto"},
                {"--plan", "--shards", "5"}, {"--plan", "--shard", "1/2"}, {"--shards", "2"}}) {
            String[] args = new String[bad.length + 2];
            args[0] = "sweep";
            args[1] = sweep.toString();
            System.arraycopy(bad, 0, args, 2, bad.length);
            SweepFixtures.Run r = SweepFixtures.cli(args);
            String option = bad[0].equals("--plan") ? bad[1] : bad[0];
            assertEquals(2, r.code(), String.join(" ", bad) + ": " + r.err());
            assertEquals(1, r.err().strip().split("\n").length, "one line: " + r.err());
            assertTrue(r.err().startsWith("wafersim: error: " + option + ": "), r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        }
        assertFalse(Files.exists(dir.resolve("cooling-vs-power.out")), "nothing written on bad input");
    }

    @Test
    void theMergeExitsZeroOnlyWhenEveryPointIsDoneAndOk() throws IOException {
        assertEquals(SweepExit.OK, SweepExit.ofSummary(new SummaryTable.Counts(6, 6, 0, 0)));
        assertEquals(SweepExit.FAILED, SweepExit.ofSummary(new SummaryTable.Counts(6, 5, 1, 0)));
        assertEquals(SweepExit.FAILED, SweepExit.ofSummary(new SummaryTable.Counts(6, 3, 1, 2)), "failed wins over pending");
        assertEquals(SweepExit.PENDING, SweepExit.ofSummary(new SummaryTable.Counts(6, 4, 0, 2)));
        assertEquals(3, SweepExit.PENDING);

        // through the command: an empty output folder is all pending (3); a failed record makes it 1
        Path sweep = SweepFixtures.write(dir, SweepFixtures.FOUR_POINTS);
        Path out = Files.createDirectories(dir.resolve("cooling-vs-power.out"));
        SweepFixtures.Run pending = SweepFixtures.cli("sweep", sweep.toString(), "--summary-only");
        assertEquals(3, pending.code(), pending.err());
        assertTrue(pending.err().contains("incomplete: 4 points pending") && pending.err().contains("exit 3"), pending.err());
        SweepPoint p0 = SweepPoints.of(SweepFile.read(sweep)).get(0);
        new PointStore(out).writeRecord(p0, new PointRecord(0, p0.stem(), PointRecord.FAILED, "not_converged", 1,
                "did not converge", p0.parameters(), p0.overrides(), null, "2026-01-01T00:00:00Z", 1.0, null));
        SweepFixtures.Run failed = SweepFixtures.cli("sweep", sweep.toString(), "--summary-only");
        assertEquals(1, failed.code(), failed.err());
        assertTrue(failed.err().contains("not ok: 1 point failed (exit 1)"), failed.err());
        assertEquals("--shard", SweepFixtures.cli("sweep", sweep.toString(), "--summary-only", "--shard", "1/2")
                .err().replaceAll("^wafersim: error: (--shard):.*\\s*$", "$1"));
    }
}
