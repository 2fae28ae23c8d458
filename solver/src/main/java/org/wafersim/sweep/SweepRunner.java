package org.wafersim.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.wafersim.cases.CaseSpec;
import org.wafersim.errors.InputException;
import org.wafersim.run.CaseRun;

/**
 * Runs a sweep: expands the points, checks every point's case, skips the finished ones (resume), runs the rest of
 * this shard in this JVM, {@code jobs} at a time within the heap budget, and rebuilds the summary.
 */
public final class SweepRunner {
    /**
     * @param jobs        points run at the same time (at most; the memory budget may allow fewer)
     * @param shard       {@code --shard} as given: {@code i/n}, {@code auto}, or null (auto inside a Slurm array
     *                    task, else the whole sweep)
     * @param shards      {@code --shards N} (the shard count for {@code auto}), or null
     * @param output      the output folder, or null for {@code <name>.out} next to the sweep file
     * @param threads     solver threads per point; 0: the CPUs this process may use divided by {@code jobs}
     * @param quiet       no progress lines
     * @param summaryOnly only rebuild the summary from the records in the output folder
     * @param env         the environment (Slurm variables, cgroup, heap) the shard and the resources come from
     */
    public record Options(int jobs, String shard, Integer shards, Path output, int threads, boolean quiet,
                          boolean summaryOnly, SweepEnvironment env) { }

    /**
     * What happened: points of this shard, skipped as finished, computed now, failed now, and the summary counts.
     * {@code shard} is null when this process ran no shard (an array task beyond the shard count, or
     * {@code --summary-only}); then the counts of a task without a shard are not read from the folder (all pending).
     */
    public record Outcome(Path folder, Shard shard, int selected, int skipped, int computed, int failed,
                          SummaryTable.Counts counts) { }

    private SweepRunner() { }

    public static Outcome run(SweepSpec sweep, Options o, PrintWriter err) {
        if (o.jobs() < 1) throw new InputException("--jobs", null, "must be at least 1, got " + o.jobs());
        if (o.threads() < 0) throw new InputException("--threads", null, "must be >= 0, got " + o.threads());
        List<SweepPoint> points = SweepPoints.of(sweep);
        Path dir = o.output() != null ? o.output() : sweep.defaultOutput();
        PointStore store = new PointStore(dir);
        if (o.summaryOnly()) {
            if (o.shard() != null || o.shards() != null)
                throw new InputException(o.shard() != null ? "--shard" : "--shards", null,
                        "does not go with --summary-only, which summarises every point of the sweep");
            if (!Files.isDirectory(dir))
                throw new InputException(dir.toString(), null, "no such sweep output folder; nothing to summarise");
            SummaryTable.Counts c = summary(sweep, points, store);
            Progress pr = new Progress(err, o.quiet(), false, points.size(), 0);
            pr.line(closing(sweep, dir, c));
            if (SweepExit.ofSummary(c) != SweepExit.OK)
                pr.line(c.failed() > 0
                        ? String.format(Locale.ROOT, "not ok: %d point%s failed (exit %d)", c.failed(), c.failed() == 1 ? "" : "s", SweepExit.FAILED)
                        : String.format(Locale.ROOT, "incomplete: %d point%s pending, not run or not finished (exit %d)",
                        c.pending(), c.pending() == 1 ? "" : "s", SweepExit.PENDING));
            return new Outcome(dir, null, 0, 0, 0, 0, c);
        }
        ShardChoice choice = ShardChoice.resolve(o.shard(), o.shards(), o.env(), points.size(), dir);
        Progress early = new Progress(err, o.quiet(), false, points.size(), 0);
        if (choice.assignment() != null && choice.assignment().shard() == null) {
            // an array task beyond the shard count: nothing to run here, and that is no failure
            writeShardRecord(dir, choice);
            early.line(choice.assignment().describe());
            return new Outcome(dir, null, 0, 0, 0, 0, new SummaryTable.Counts(points.size(), 0, 0, points.size()));
        }
        SweepPlan.Checked checked = SweepPlan.check(sweep, points, choice.shard());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InputException(dir.toString(), null, "cannot create the output folder: " + e.getMessage());
        }
        ShardChoice settled = writeShardRecord(dir, choice);
        if (!java.util.Objects.equals(settled.shard(), choice.shard())) {
            // another array started at the same moment and recorded a different split first: follow it
            if (settled.shard() == null) {
                early.line(settled.assignment().describe());
                return new Outcome(dir, null, 0, 0, 0, 0, new SummaryTable.Counts(points.size(), 0, 0, points.size()));
            }
            checked = SweepPlan.check(sweep, points, settled.shard());
        }
        Shard shard = settled.shard();
        if (settled.assignment() != null) early.line(settled.assignment().describe());
        List<SweepPoint> mine = checked.mine();
        List<SweepPoint> todo = new ArrayList<>();
        List<SweepPoint> done = new ArrayList<>();
        for (SweepPoint p : mine) (store.finished(p) ? done : todo).add(p);

        Progress progress = new Progress(err, o.quiet(), Progress.terminal(), points.size(), todo.size());
        Resources res = Resources.of(o.env());
        MemoryBudget budget = new MemoryBudget(res.budget());
        int threads = o.threads() > 0 ? o.threads() : Math.max(1, res.cpus() / o.jobs());
        progress.line(String.format(Locale.ROOT, "sweep %s: %d points (%s)%s; %d to run here, %d finished earlier; "
                        + "output %s", sweep.name(), points.size(), sweep.mode().key(),
                shard.n() > 1 ? ", shard " + shard + " has " + mine.size() : "", todo.size(), done.size(), dir));
        progress.line(res.describe());
        if (!todo.isEmpty())
            progress.line(String.format(Locale.ROOT, "jobs %d x %d threads%s; largest point needs about %.2f GiB of the %.2f GiB budget",
                    o.jobs(), threads, threadsNote(o, res, threads), checked.largestBytes() / 1073741824.0,
                    budget.budget() / 1073741824.0));
        for (SweepPoint p : done) progress.skipped(p);

        AtomicInteger failed = new AtomicInteger();
        PointRunner runner = new PointRunner(store, threads, res.usableHeap());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(o.jobs(), Math.max(1, todo.size())), r -> {
            Thread t = new Thread(r, "sweep-point");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SweepPoint p : todo) {
                futures.add(pool.submit(() -> {
                    CaseSpec spec = SweepPlan.loadCase(sweep, p);   // checked above; loaded again to keep memory low
                    long need = CaseRun.estimatedBytes(spec);
                    try {
                        budget.acquire(need);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    try {
                        PointRecord rec = runner.run(p, spec);
                        if (!PointRecord.OK.equals(rec.status())) failed.incrementAndGet();
                        progress.finished(p, rec);
                    } finally {
                        budget.release(need);
                    }
                }));
            }
            for (Future<?> f : futures) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("sweep worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        SummaryTable.Counts c = summary(sweep, points, store);
        progress.line(String.format(Locale.ROOT, "ran %d here: %d ok, %d failed", todo.size(), todo.size() - failed.get(), failed.get()));
        progress.line(closing(sweep, dir, c));
        return new Outcome(dir, shard, mine.size(), done.size(), todo.size(), failed.get(), c);
    }

    /** Where the thread count came from, when it is not simply the CPUs divided by the jobs. */
    private static String threadsNote(Options o, Resources res, int threads) {
        if (o.threads() <= 0) return " (" + res.cpus() + " CPU" + (res.cpus() == 1 ? "" : "s") + " / " + o.jobs() + " job"
                + (o.jobs() == 1 ? "" : "s") + ")";
        return o.threads() * o.jobs() > res.cpus() ? " (--threads " + o.threads() + " as given, more than the "
                + res.cpus() + " CPUs of " + res.cpuSource() + ")" : " (--threads)";
    }

    /** Writes a new shard record; returns the choice that holds after it (another task's record if it was first). */
    private static ShardChoice writeShardRecord(Path dir, ShardChoice c) {
        if (c.assignment() == null || !c.assignment().newRecord()) return c;
        try {
            Files.createDirectories(dir);
            ShardRecord inFolder = c.assignment().record().writeIfAbsent(dir);
            return inFolder.equals(c.assignment().record()) ? c : c.with(inFolder, dir);
        } catch (IOException e) {
            throw new InputException(dir.resolve(ShardRecord.FILE).toString(), null, "cannot write the shard record: " + e.getMessage());
        }
    }

    private static SummaryTable.Counts summary(SweepSpec sweep, List<SweepPoint> points, PointStore store) {
        try {
            return SummaryTable.write(sweep, points, store);
        } catch (IOException e) {
            throw new InputException(store.dir().toString(), null, "cannot write the summary: " + e.getMessage());
        }
    }

    private static String closing(SweepSpec sweep, Path dir, SummaryTable.Counts c) {
        return String.format(Locale.ROOT, "sweep %s: %d of %d points done, %d failed, %d pending; summary %s",
                sweep.name(), c.ok(), c.total(), c.failed(), c.pending(), dir.resolve("summary.csv"));
    }
}
