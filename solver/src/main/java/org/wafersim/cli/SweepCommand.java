package org.wafersim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.wafersim.sweep.Shard;
import org.wafersim.sweep.SweepFile;
import org.wafersim.sweep.SweepRunner;
import org.wafersim.sweep.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wafersim sweep SWEEP.yaml [--jobs N] [--shard i/n] [-o DIR] [--summary-only]}: runs a parameter study (see
 * {@link SweepFile} for the format), resumable and shardable. Exit code 1 if any point failed (the others still ran).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a parameter sweep (product, zip or Latin hypercube), resumable and shardable.",
                "A base case, fixed overrides and axes over any case key. Each point writes its own result; re-running skips finished points; --shard i/n runs every n-th "
                + "point (for a cluster job array); --summary-only merges the per-point records into summary.csv/json."})
public final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SWEEP.yaml", description = "the sweep file") Path file;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = "points run at the same time, within the heap (default ${DEFAULT-VALUE})")
    int jobs;

    @Option(names = "--shard", paramLabel = "i/n", description = "run only the points with index %% n == i-1 (1 <= i <= n)")
    String shard;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "output folder (default: <sweep name>.out next to the sweep file)")
    Path output;

    @Option(names = "--summary-only", description = "do not run anything; rebuild summary.csv and summary.json from the records")
    boolean summaryOnly;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "solver threads per point (default: cores / jobs)")
    int threads;

    @Option(names = "--json", description = "print the summary (summary.json) on stdout at the end")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "no progress lines on stderr")
    boolean quiet;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        Shard sh = shard == null ? Shard.ALL : Shard.parse(shard);
        SweepSpec sweep = SweepFile.read(file);
        var err = spec.commandLine().getErr();
        SweepRunner.Outcome o = SweepRunner.run(sweep, new SweepRunner.Options(jobs, sh, output, threads, quiet, summaryOnly), err);
        if (json) {
            try {
                var out = spec.commandLine().getOut();
                out.print(Files.readString(o.folder().resolve("summary.json"), StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        boolean anyFailed = summaryOnly ? o.counts().failed() > 0 : o.failed() > 0;
        return anyFailed ? Cli.CHECK_FAILED : Cli.OK;
    }
}
