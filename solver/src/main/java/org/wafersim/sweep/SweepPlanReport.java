package org.wafersim.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.wafersim.cases.CaseSpec;
import org.wafersim.grid.GridPlan;
import org.wafersim.run.CaseRun;

/**
 * {@code wafersim sweep SWEEP.yaml --plan [--shards N] [--json]}: what a sweep will take, before it runs. Every
 * point's case is loaded (so the plan refuses what the sweep would refuse), then per point its shard, grid, heap
 * estimate ({@link CaseRun#estimatedBytes}, the number the running task checks against its budget) and time estimate
 * ({@link CostModel}); per array task the memory to ask for, the heap the script gives the JVM, the budget the task
 * will report, and a time limit; and the Slurm lines. Nothing is written.
 */
public final class SweepPlanReport {
    /** Default threads per point in a plan (the machine the time constants were measured on has 2 cores). */
    static final int DEFAULT_THREADS = 2;
    /** Slurm's default MaxArraySize is 1001 (task ids 0-1000): at most 1000 shards by default. */
    static final int MAX_DEFAULT_SHARDS = 1000;

    /** What to plan for: {@code --jobs}, {@code --threads} (0: default), {@code --shards} (null: default), {@code -o}. */
    public record Request(int jobs, int threads, Integer shards, Path output) { }

    /** One point of the plan. */
    public record PointPlan(SweepPoint point, int shard, String grid, long cells, String analysis, long bytes,
                            double seconds) { }

    private final SweepSpec sweep;
    private final Path dir;
    private final List<PointPlan> points;
    private final int shards, jobs, threads;
    private final String shardsFrom, note, scaleNote;
    private final long heapNeeded, memRequest;
    private final double taskSeconds, totalSeconds;
    private final int maxPointsPerTask;
    private final Path script, mergeScript;
    private final boolean defaultOutput;
    private final boolean threadsGiven;

    private SweepPlanReport(SweepSpec sweep, Path dir, boolean defaultOutput, List<PointPlan> points, int shards,
                            String shardsFrom, String note, int jobs, int threads, String scaleNote, long heapNeeded,
                            long memRequest, double taskSeconds, double totalSeconds, int maxPointsPerTask,
                            boolean threadsGiven) {
        this.threadsGiven = threadsGiven;
        this.sweep = sweep;
        this.dir = dir;
        this.defaultOutput = defaultOutput;
        this.points = points;
        this.shards = shards;
        this.shardsFrom = shardsFrom;
        this.note = note;
        this.jobs = jobs;
        this.threads = threads;
        this.scaleNote = scaleNote;
        this.heapNeeded = heapNeeded;
        this.memRequest = memRequest;
        this.taskSeconds = taskSeconds;
        this.totalSeconds = totalSeconds;
        this.maxPointsPerTask = maxPointsPerTask;
        Path scripts = scriptsFolder();
        this.script = scripts.resolve("sweep.sbatch");
        this.mergeScript = scripts.resolve("merge.sbatch");
    }

    public static SweepPlanReport of(SweepSpec sweep, Request r, SweepEnvironment env) {
        if (r.jobs() < 1) throw new org.wafersim.errors.InputException("--jobs", null, "must be at least 1, got " + r.jobs());
        if (r.threads() < 0) throw new org.wafersim.errors.InputException("--threads", null, "must be >= 0, got " + r.threads());
        List<SweepPoint> pts = SweepPoints.of(sweep);
        Path dir = r.output() != null ? r.output() : sweep.defaultOutput();
        int threads = r.threads() > 0 ? r.threads() : DEFAULT_THREADS;

        // the shard count: as asked, else as recorded by an earlier array, else one point per task
        ShardRecord recorded = ShardRecord.read(dir);
        int n;
        String from, note = null;
        if (r.shards() != null) {
            AutoShard.checkShardCount(r.shards(), pts.size(), "--shards");
            n = r.shards();
            from = "--shards";
            if (recorded != null && recorded.shards() != n)
                note = "note: " + dir.resolve(ShardRecord.FILE) + " fixes this sweep at " + recorded.shards()
                        + " shards; tasks follow that file until it is deleted (when no task of the sweep runs)";
        } else if (recorded != null) {
            n = Math.min(recorded.shards(), pts.size());
            from = "recorded in " + dir.resolve(ShardRecord.FILE);
        } else {
            n = Math.min(pts.size(), MAX_DEFAULT_SHARDS);
            from = n == pts.size() ? "one point per task; --shards N to group them" : "at most " + MAX_DEFAULT_SHARDS + " tasks";
        }

        List<PointPlan> plans = new ArrayList<>();
        for (SweepPoint p : pts) {
            CaseSpec spec = SweepPlan.loadCase(sweep, p);
            GridPlan g = CaseRun.plan(spec);
            plans.add(new PointPlan(p, p.index() % n + 1, g.nx() + " x " + g.ny() + " x " + g.nz(), g.cells(),
                    analysis(spec), CaseRun.estimatedBytes(spec), CostModel.seconds(spec, g, threads)));
        }
        // what finished points of this sweep really took, against the model
        double scale = 1;
        String scaleNote = "model of the 2-core development machine (docs/cluster.md); no finished points to compare with";
        PointStore store = new PointStore(dir);
        List<Double> ratios = new ArrayList<>();
        for (PointPlan pp : plans) {
            if (!store.finished(pp.point())) continue;
            JsonNode rec = store.readRecord(pp.point());
            double s = rec == null ? 0 : rec.path("seconds").asDouble(0);
            if (s > 0 && pp.seconds() > 0) ratios.add(s / pp.seconds());
        }
        if (!ratios.isEmpty()) {
            scale = Collections.max(ratios);
            scaleNote = String.format(Locale.ROOT, "scaled by %.2f, the largest of measured/estimated over %d finished "
                    + "point%s (range %.2f-%.2f)", scale, ratios.size(), ratios.size() == 1 ? "" : "s",
                    Collections.min(ratios), scale);
            List<PointPlan> scaled = new ArrayList<>();
            for (PointPlan pp : plans)
                scaled.add(new PointPlan(pp.point(), pp.shard(), pp.grid(), pp.cells(), pp.analysis(), pp.bytes(),
                        pp.seconds() * scale));
            plans = scaled;
        }

        // per task: the busiest shard sets the time, the largest points the memory
        double[] work = new double[n];
        int[] count = new int[n];
        double total = 0;
        for (PointPlan pp : plans) {
            work[pp.shard() - 1] += pp.seconds();
            count[pp.shard() - 1]++;
            total += pp.seconds();
        }
        double task = 0;
        int maxCount = 0;
        for (int s = 0; s < n; s++) {
            int concurrent = Math.min(r.jobs(), Math.max(1, count[s]));
            task = Math.max(task, CostModel.TASK_START_S + CostModel.CHECK_PER_POINT_S * pts.size() + work[s] / concurrent);
            maxCount = Math.max(maxCount, count[s]);
        }
        List<Long> sizes = new ArrayList<>();
        for (PointPlan pp : plans) sizes.add(pp.bytes());
        sizes.sort(Collections.reverseOrder());
        long together = 0;
        for (int i = 0; i < Math.min(r.jobs(), sizes.size()); i++) together += sizes.get(i);
        long heap = (long) Math.ceil(together / Resources.BUDGET_SHARE);
        return new SweepPlanReport(sweep, dir, r.output() == null, plans, n, from, note, r.jobs(), threads, scaleNote,
                heap, Resources.requestFor(heap), task, total, maxCount, r.threads() > 0);
    }

    private static String analysis(CaseSpec spec) {
        String a = spec.analysis().thermal().key;
        if (spec.analysis().mechanics()) a += "+mechanics";
        if (spec.analysis().reliability()) a += "+reliability";
        return a;
    }

    /** The shard count planned. */
    public int shards() { return shards; }
    /** The memory to ask for per task (bytes). */
    public long memRequest() { return memRequest; }
    /** The heap the array script gives the JVM for that request (bytes). */
    public long heap() { return Resources.heapFor(memRequest); }
    /** The budget a task with that heap reports (bytes). */
    public long budget() { return (long) (heap() * Resources.BUDGET_SHARE); }
    public List<PointPlan> points() { return points; }
    public double taskSeconds() { return taskSeconds; }

    /** {@code --time}: twice the estimate plus 10 minutes, in whole 5 minutes. */
    public String timeLimit() {
        long s = (long) Math.ceil(2 * taskSeconds + 600);
        s = (s + 299) / 300 * 300;
        long d = s / 86400, h = s % 86400 / 3600, m = s % 3600 / 60;
        return d > 0 ? String.format(Locale.ROOT, "%d-%02d:%02d:00", d, h, m) : String.format(Locale.ROOT, "%02d:%02d:00", h, m);
    }

    public String array() { return shards == 1 ? "1" : "1-" + shards; }
    public int cpusPerTask() { return jobs * threads; }
    public String mem() { return memRequest / Resources.MIB + "M"; }

    /** The options of sbatch for the array. */
    public String sbatchArgs() {
        return "--array=" + array() + " --cpus-per-task=" + cpusPerTask() + " --mem=" + mem() + " --time=" + timeLimit();
    }

    /** The sweep's arguments as the scripts pass them on: the file, -o when not the default, --jobs when > 1. */
    String sweepArgs() {
        StringBuilder b = new StringBuilder(shell(display(sweep.file())));
        if (!defaultOutput) b.append(" -o ").append(shell(display(dir)));
        if (jobs > 1) b.append(" --jobs ").append(jobs);
        return b.toString();
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "sweep %s: %d points (%s) on %s; output %s%n", sweep.name(), points.size(),
                sweep.mode().key(), sweep.base(), display(dir)));
        if (!sweep.set().isEmpty()) {
            List<String> fixed = new ArrayList<>();
            sweep.set().forEach((k, v) -> fixed.add(OverrideValue.override(k, v)));
            b.append("every point: ").append(String.join(" ", fixed)).append('\n');
        }
        b.append(String.format(Locale.ROOT, "%5s %5s  %-14s %11s  %-28s %10s %9s  %s%n", "index", "shard", "grid", "cells",
                "analysis", "memory", "time", "name (axes)"));
        for (PointPlan p : points)
            b.append(String.format(Locale.ROOT, "%5d %5d  %-14s %,11d  %-28s %6.2f GiB %8s  %s (%s)%n", p.point().index(),
                    p.shard(), p.grid(), p.cells(), p.analysis(), Resources.gib(p.bytes()), duration(p.seconds()),
                    p.point().stem(), p.point().describe()));
        long largest = 0;
        for (PointPlan p : points) largest = Math.max(largest, p.bytes());
        b.append(String.format(Locale.ROOT, "total: %d points, %s of computing at %d thread%s per point; largest point %.2f GiB%n",
                points.size(), duration(totalSeconds), threads, threads == 1 ? "" : "s", Resources.gib(largest)));
        b.append("time estimates: ").append(scaleNote).append('\n');
        b.append(String.format(Locale.ROOT, "shards: %d (%s); at most %d point%s per task%n", shards, shardsFrom,
                maxPointsPerTask, maxPointsPerTask == 1 ? "" : "s"));
        if (note != null) b.append(note).append('\n');
        b.append(String.format(Locale.ROOT, "per task: %d job%s x %d thread%s; heap needed %.2f GiB -> --mem=%s, the script "
                        + "gives the JVM -Xmx%dm, the task's budget %.2f GiB holds the largest point (%.2f GiB)%s; "
                        + "about %s -> --time=%s%n", jobs, jobs == 1 ? "" : "s", threads, threads == 1 ? "" : "s",
                Resources.gib(heapNeeded), mem(), heap() / Resources.MIB, Resources.gib(budget()), Resources.gib(largest),
                jobs > 1 ? " " + jobs + " at a time" : "", duration(taskSeconds), timeLimit()));
        b.append("Slurm lines (sbatch options, or #SBATCH lines in the script):\n");
        for (String line : new String[]{"--array=" + array(), "--cpus-per-task=" + cpusPerTask(), "--mem=" + mem(),
                "--time=" + timeLimit()})
            b.append("  #SBATCH ").append(line).append('\n');
        String scripts = shell(display(script.getParent()));
        b.append("submit (array, then the merge; logs in logs/):\n");
        b.append("  ").append(shell(display(script.getParent().resolve("submit.sh")))).append(' ').append(sweepArgs())
                .append(threadsGiven ? " --threads " + threads : "").append(" --shards ").append(shards).append('\n');
        b.append("or by hand:\n");
        b.append("  mkdir -p logs\n");
        b.append("  jid=$(sbatch --parsable ").append(sbatchArgs()).append(' ').append(scripts).append("/sweep.sbatch ")
                .append(sweepArgs()).append(")\n");
        b.append("  sbatch --dependency=afterany:$jid ").append(scripts).append("/merge.sbatch ").append(sweepArgs()).append('\n');
        b.append("resubmit task k alone (same resources): sbatch --array=k --cpus-per-task=").append(cpusPerTask())
                .append(" --mem=").append(mem()).append(" --time=").append(timeLimit()).append(' ').append(scripts)
                .append("/sweep.sbatch ").append(sweepArgs()).append('\n');
        return b.toString();
    }

    public String json() {
        ObjectNode o = PointStore.JSON.createObjectNode();
        o.put("sweep", sweep.name());
        o.put("sweepFile", sweep.file().toString());
        o.put("base", sweep.base());
        o.put("mode", sweep.mode().key());
        o.put("output", dir.toString());
        ArrayNode arr = o.putArray("points");
        long largest = 0;
        for (PointPlan p : points) {
            largest = Math.max(largest, p.bytes());
            ObjectNode n = arr.addObject();
            n.put("index", p.point().index());
            n.put("name", p.point().stem());
            n.put("shard", p.shard());
            ObjectNode params = n.putObject("parameters");
            p.point().parameters().forEach(params::put);
            ArrayNode ov = n.putArray("overrides");
            p.point().overrides().forEach(ov::add);
            n.put("grid", p.grid());
            n.put("cells", p.cells());
            n.put("analysis", p.analysis());
            n.put("estimatedBytes", p.bytes());
            n.put("estimatedSeconds", round(p.seconds()));
        }
        ObjectNode t = o.putObject("total");
        t.put("points", points.size());
        t.put("estimatedSeconds", round(totalSeconds));
        t.put("largestBytes", largest);
        t.put("timeEstimates", scaleNote);
        o.put("shards", shards);
        o.put("shardsFrom", shardsFrom);
        if (note != null) o.put("note", note);
        o.put("jobs", jobs);
        o.put("threadsPerPoint", threads);
        ObjectNode task = o.putObject("task");
        task.put("maxPoints", maxPointsPerTask);
        task.put("heapNeededBytes", heapNeeded);
        task.put("memBytes", memRequest);
        task.put("xmxMiB", heap() / Resources.MIB);
        task.put("budgetBytes", budget());
        task.put("estimatedSeconds", round(taskSeconds));
        ObjectNode slurm = o.putObject("slurm");
        slurm.put("array", array());
        slurm.put("cpusPerTask", cpusPerTask());
        slurm.put("mem", mem());
        slurm.put("time", timeLimit());
        slurm.put("sbatchArgs", sbatchArgs());
        slurm.put("sweepArgs", sweepArgs());
        slurm.put("script", script.toString());
        slurm.put("mergeScript", mergeScript.toString());
        try {
            return PointStore.JSON.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round(double s) {
        return Math.round(s * 10) / 10.0;
    }

    static String duration(double s) {
        if (s < 60) return String.format(Locale.ROOT, "%.1f s", s);
        if (s < 3600) return String.format(Locale.ROOT, "%.1f min", s / 60);
        return String.format(Locale.ROOT, "%.1f h", s / 3600);
    }

    /**
     * The repository's scripts/slurm folder, found from where this code was loaded (the jar in validation/target or
     * the classes of a build); "scripts/slurm" if it cannot be found.
     */
    static Path scriptsFolder() {
        try {
            Path p = Path.of(SweepPlanReport.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            for (Path d = p; d != null; d = d.getParent())
                if (Files.isRegularFile(d.resolve("scripts/slurm/sweep.sbatch"))) return d.resolve("scripts/slurm");
        } catch (Exception e) {
            // no code source (unusual class loader): fall through
        }
        return Path.of("scripts/slurm");
    }

    /** A path as short as it can be said from the current folder. */
    static String display(Path p) {
        Path abs = p.toAbsolutePath().normalize(), cwd = Path.of("").toAbsolutePath();
        if (!p.isAbsolute()) return p.normalize().toString();
        return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    /** Quotes a word for a POSIX shell when it needs it. */
    static String shell(String s) {
        return s.matches("[A-Za-z0-9_./=+:@%-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
