package org.wafersim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.errors.InputException;
import org.wafersim.errors.Limits;
import org.wafersim.grid.GridPlan;
import org.wafersim.grid.MemoryEstimate;
import org.wafersim.io.ResultFile;
import org.wafersim.io.XdmfWriter;
import org.wafersim.run.CaseRun;
import org.wafersim.run.ResultLayout;
import org.wafersim.run.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wafersim run [CASE] [-o OUT.h5] [--set key=value]...}: runs a case file or an embedded case (default
 * {@code wse-default}) and writes its result atomically; an existing result is never overwritten without
 * {@code --force}, and nothing is written when the run fails.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a case (a YAML/JSON file or an embedded case name; default: wse-default).")
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "CASE",
            description = "case file (.yaml/.yml/.json) or embedded case name (${COMPLETION-CANDIDATES})",
            completionCandidates = BuiltinCases.class)
    String caseArg;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.h5", description = "result file (default: <case name>.h5)")
    Path output;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a case key, e.g. --set power.total=\"20 kW\"")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--force", description = "replace an existing result file")
    boolean force;

    @Option(names = "--json", description = "print the summary as JSON on stdout")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "no progress messages on stderr")
    boolean quiet;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: the case's solver.threads, 0 = all cores)")
    Integer threads;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    static final class BuiltinCases extends ArrayList<String> {
        BuiltinCases() { super(CaseLoader.builtinNames()); }
    }

    @Override public Integer call() {
        if (threads != null) Limits.threads("--threads", null, threads);
        CaseSpec cs = loadCase(caseArg, overrides);
        Path out = output != null ? output : Path.of(cs.name() + ".h5");
        checkOutput(out, force);
        GridPlan plan = CaseRun.plan(cs);
        MemoryEstimate.check(plan, Runtime.getRuntime().maxMemory(), cs.source());
        org.wafersim.run.MechanicsRun.checkMemory(cs, plan, Runtime.getRuntime().maxMemory());
        var err = spec.commandLine().getErr();
        TerminalProgress progress = new TerminalProgress(err, quiet, TerminalProgress.onTerminal());
        progress.accept(String.format("case %s (%s): grid %s = %,d cells, heap estimate %.2f GiB",
                cs.name(), cs.source(), plan.dimensions(), plan.cells(), plan.estimatedBytes() / 1073741824.0));
        CaseRun.Result r = CaseRun.run(cs, threads == null ? 0 : threads, progress);
        progress.accept("writing " + out);
        ResultFile f = ResultLayout.of(r);
        try {
            f.writeAtomically(out, force);
            XdmfWriter.forResult(out, true);
        } catch (IOException e) {
            throw new InputException(out.toString(), null, "cannot write the result: " + e.getMessage());
        }
        RunSummary s = r.summary().withOutput(out.toString());
        var o = spec.commandLine().getOut();
        if (json) {
            o.println(JsonOutput.write(s));
        } else {
            o.print(s.text());
        }
        o.flush();
        if (!s.feasible()) {
            spec.commandLine().getErr().printf("wafersim: failed: infeasible design: the wafer reaches %.1f degC, above "
                    + "the %.0f degC junction limit (result written to %s)%n", s.waferMaxC(), s.junctionLimitC(), out);
            return Cli.CHECK_FAILED;
        }
        return Cli.OK;
    }

    /** A case file path, or an embedded case name; neither is an input error naming the argument. */
    static CaseSpec loadCase(String arg, List<String> overrides) {
        if (arg == null) return CaseLoader.builtin("wse-default", overrides);
        Path p = Path.of(arg);
        if (Files.exists(p)) return CaseLoader.load(p, overrides);
        if (CaseLoader.builtinNames().contains(arg)) return CaseLoader.builtin(arg, overrides);
        throw new InputException(arg, null, "no such case file, and not an embedded case"
                + CaseLoader.suggestBuiltin(arg) + " (embedded: " + String.join(", ", CaseLoader.builtinNames()) + ")");
    }

    /**
     * Refuses before any work: an existing result or sidecar without --force, a missing output folder, a name the
     * sidecar cannot refer to. Removes the temporaries that killed runs left for this target.
     */
    static void checkOutput(Path out, boolean force) {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent))
            throw new InputException(out.toString(), null, "output folder " + parent + " does not exist");
        if (!out.getFileName().toString().endsWith(".h5"))
            throw new InputException(out.toString(), null, "the result file name must end in .h5");
        if (Files.exists(out) && !force)
            throw new InputException(out.toString(), null, "exists; refusing to overwrite an existing result (use --force)");
        Path sidecar = XdmfWriter.sidecarOf(out);
        if (Files.exists(sidecar) && !force)
            throw new InputException(sidecar.toString(), null, "exists; refusing to overwrite the sidecar of the result "
                    + out.getFileName() + " (use --force)");
        ResultFile.removeStaleTemporaries(out);
        ResultFile.removeStaleTemporaries(sidecar);
    }

}
