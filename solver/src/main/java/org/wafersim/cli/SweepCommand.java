package org.wafersim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.wafersim.errors.InputException;
import org.wafersim.sweep.SweepEnvironment;
import org.wafersim.sweep.SweepExit;
import org.wafersim.sweep.SweepPlanReport;
import org.wafersim.sweep.SweepFile;
import org.wafersim.sweep.SweepRunner;
import org.wafersim.sweep.SweepSpec;
import org.wafersim.errors.Limits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wafersim sweep SWEEP.yaml [--plan] [--jobs N] [--shard i/n|auto] [--shards N] [-o DIR] [--summary-only]}:
 * runs a parameter study (see {@link SweepFile} for the format), resumable and shardable; exit codes in
 * {@link SweepExit}.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a parameter sweep (product, zip or Latin hypercube), resumable and shardable.",
                "A base case, fixed overrides and axes over any case key. Each point writes its own result; re-running skips finished points; --shard i/n runs every n-th "
                + "point, --shard auto the share of this Slurm array task; --plan lists the points with memory and time "
                + "estimates and the Slurm lines to submit; --summary-only merges the per-point records into summary.csv/json.",
                "Exit codes: 0 done (--summary-only: every point done and ok), 1 a point failed, 2 bad input, "
                + "3 (--summary-only) points still pending, none failed."})
public final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SWEEP.yaml", description = "the sweep file") Path file;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = "points run at the same time, within the heap (default ${DEFAULT-VALUE})")
    int jobs;

    @Option(names = "--shard", paramLabel = "i/n|auto", description = "run only the points with index %% n == i-1 "
            + "(1 <= i <= n); auto: this Slurm array task's shard (the default inside a job array)")
    String shard;

    @Option(names = "--shards", paramLabel = "N", description = "the shard count: for --plan, and to fix it for --shard auto "
            + "(default: the size of the first array, recorded in the output folder's shards.json)")
    Integer shards;

    @Option(names = "--plan", description = "run nothing: list the points with memory and time estimates, the per-task "
            + "resources and the Slurm lines (--array, --mem, --cpus-per-task, --time) for --shards N; with --json as JSON")
    boolean plan;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "output folder (default: <sweep name>.out next to the sweep file)")
    Path output;

    @Option(names = "--summary-only", description = "do not run anything; rebuild summary.csv and summary.json from the records")
    boolean summaryOnly;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "solver threads per point (default: the CPUs granted (SLURM_CPUS_PER_TASK, cgroup quota) / jobs; "
                    + "for --plan: 2)")
    int threads;

    @Mixin Options.Json jsonOption;          // the summary (summary.json) at the end; with --plan the plan
    @Mixin Options.Progress quietOption;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        if (jobs > Limits.MAX_THREADS) Limits.range("--jobs", null, jobs, 1, Limits.MAX_THREADS, "");   // >= 1: SweepRunner
        Limits.threads("--threads", null, threads);
        SweepEnvironment env = SweepEnvironment.system();
        SweepSpec sweep = SweepFile.read(file);
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        if (plan) {
            if (shard != null) throw new InputException("--shard", null, "does not go with --plan, which plans every "
                    + "shard; choose the shard count with --shards N");
            if (summaryOnly) throw new InputException("--summary-only", null, "does not go with --plan");
            SweepPlanReport r = SweepPlanReport.of(sweep, new SweepPlanReport.Request(jobs, threads, shards, output), env);
            out.print(jsonOption.json ? r.json() : r.text());
            out.flush();
            return SweepExit.OK;
        }
        SweepRunner.Outcome o = SweepRunner.run(sweep,
                new SweepRunner.Options(jobs, shard, shards, output, threads, quietOption.quiet, summaryOnly, env), err);
        if (jsonOption.json && Files.isRegularFile(o.folder().resolve("summary.json"))) {
            try {
                out.print(Files.readString(o.folder().resolve("summary.json"), StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return summaryOnly ? SweepExit.ofSummary(o.counts()) : SweepExit.ofRun(o);
    }
}
