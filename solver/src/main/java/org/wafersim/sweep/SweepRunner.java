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
     * @param shard       the share of the points to run
     * @param output      the output folder, or null for {@code <name>.out} next to the sweep file
     * @param threads     solver threads per point; 0: the machine's cores divided by {@code jobs}
     * @param quiet       no progress lines
     * @param summaryOnly only rebuild the summary from the records in the output folder
     */
    public record Options(int jobs, Shard shard, Path output, int threads, boolean quiet, boolean summaryOnly) { }

    /** What happened: points of this shard, skipped as finished, computed now, failed now, and the summary counts. */
    public record Outcome(Path folder, int selected, int skipped, int computed, int failed, SummaryTable.Counts counts) { }

    private SweepRunner() { }

    public static Outcome run(SweepSpec sweep, Options o, PrintWriter err) {
        if (o.jobs() < 1) throw new InputException("--jobs", null, "must be at least 1, got " + o.jobs());
        if (o.threads() < 0) throw new InputException("--threads", null, "must be >= 0, got " + o.threads());
        List<SweepPoint> points = SweepPoints.of(sweep);
        Path dir = o.output() != null ? o.output() : sweep.defaultOutput();
        PointStore store = new PointStore(dir);
        if (o.summaryOnly()) {
            if (!Files.isDirectory(dir))
                throw new InputException(dir.toString(), null, "no such sweep output folder; nothing to summarise");
            SummaryTable.Counts c = summary(sweep, points, store);
            new Progress(err, o.quiet(), false, points.size(), 0).line(closing(sweep, dir, c));
            return new Outcome(dir, 0, 0, 0, 0, c);
        }
        SweepPlan.Checked checked = SweepPlan.check(sweep, points, o.shard());
        List<SweepPoint> mine = checked.mine();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InputException(dir.toString(), null, "cannot create the output folder: " + e.getMessage());
        }
        List<SweepPoint> todo = new ArrayList<>();
        List<SweepPoint> done = new ArrayList<>();
        for (SweepPoint p : mine) (store.finished(p) ? done : todo).add(p);

        Progress progress = new Progress(err, o.quiet(), Progress.terminal(), points.size(), todo.size());
        MemoryBudget budget = MemoryBudget.ofHeap();
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = o.threads() > 0 ? o.threads() : Math.max(1, cores / o.jobs());
        progress.line(String.format(Locale.ROOT, "sweep %s: %d points (%s)%s; %d to run here, %d finished earlier; "
                        + "output %s", sweep.name(), points.size(), sweep.mode().key(),
                o.shard().n() > 1 ? ", shard " + o.shard() + " has " + mine.size() : "", todo.size(), done.size(), dir));
        if (!todo.isEmpty())
            progress.line(String.format(Locale.ROOT, "jobs %d x %d threads; largest point needs about %.2f GiB of a %.2f GiB budget",
                    o.jobs(), threads, checked.largestBytes() / 1073741824.0, budget.budget() / 1073741824.0));
        for (SweepPoint p : done) progress.skipped(p);

        AtomicInteger failed = new AtomicInteger();
        PointRunner runner = new PointRunner(store, threads);
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
        return new Outcome(dir, mine.size(), done.size(), todo.size(), failed.get(), c);
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
