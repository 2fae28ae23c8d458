package org.wafersim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.errors.Failure;
import org.wafersim.errors.InputException;
import org.wafersim.errors.Limits;
import org.wafersim.grid.GridPlan;
import org.wafersim.grid.MemoryEstimate;
import org.wafersim.io.ResultFile;
import org.wafersim.io.XdmfWriter;
import org.wafersim.run.CaseRun;
import org.wafersim.run.ResultLayout;
import org.wafersim.run.RunSummary;
import org.wafersim.units.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin Options.Force forceOption;
    @Mixin Options.Json jsonOption;
    @Mixin Options.Progress quietOption;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: the case's solver.threads, 0 = all cores)")
    Integer threads;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    static final class BuiltinCases extends ArrayList<String> {
        BuiltinCases() { super(CaseLoader.builtinNames()); }
    }

    /** The JSON of the run so far, for {@code --json} when the run fails after its grid was built. */
    private Map<String, Object> partialSummary;

    /**
     * Runs the case. With {@code --json} exactly one JSON object goes to stdout whatever happens: the summary with
     * {@code status} ({@link RunSummary#status()}: "ok", "infeasible", "criteria_failed"), {@code exit_code} and
     * {@code message}, or for a failure {@code status} (its kind: "bad_input", "thermal_runaway", "not_converged",
     * "infeasible", ...), {@code exit_code}, {@code message} and
     * {@code summary} (what the run had when it stopped, or null); the failure's line still goes to stderr.
     */
    @Override public Integer call() {
        if (!jsonOption.json) return execute();
        try {
            return execute();
        } catch (RuntimeException | OutOfMemoryError e) {
            Failure f = Failure.of(e);
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("status", f.kind());
            j.put("exit_code", f.exitCode());
            j.put("message", f.message());
            j.put("summary", partialSummary);
            var o = spec.commandLine().getOut();
            try {
                o.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(j));
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
            o.flush();
            throw e;
        }
    }

    /** -Dwafersim.trace=true: the process's timeline (seconds since the JVM started) around the run. */
    private static final boolean TRACE = Boolean.getBoolean("wafersim.trace");

    private static void timeline(java.util.function.Consumer<String> progress, String what) {
        if (!TRACE) return;
        progress.accept(String.format("timeline: %s at %.2f s", what,
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3));
    }

    private Integer execute() {
        var err = spec.commandLine().getErr();
        java.util.function.Consumer<String> trace = line -> { err.println("wafersim: " + line); err.flush(); };
        timeline(trace, "run command");
        if (threads != null) Limits.threads("--threads", null, threads);
        CaseSpec cs = loadCase(caseArg, overrides);
        timeline(trace, "case loaded");
        Path out = output != null ? output : Path.of(cs.name() + ".h5");
        checkOutput(out, forceOption.force);
        GridPlan plan = CaseRun.plan(cs);
        MemoryEstimate.check(plan, Runtime.getRuntime().maxMemory(), cs.source());
        org.wafersim.run.MechanicsRun.checkMemory(cs, plan, Runtime.getRuntime().maxMemory());
        TerminalProgress progress = new TerminalProgress(err, quietOption.quiet, TerminalProgress.onTerminal());
        progress.accept(String.format("case %s (%s): grid %s = %,d cells, heap estimate %.2f GiB",
                cs.name(), cs.source(), plan.dimensions(), plan.cells(), CaseRun.estimatedBytes(cs) / 1073741824.0));
        timeline(progress, "run starts");
        CaseRun.Result r = CaseRun.run(cs, threads == null ? 0 : threads, progress, p -> writePartial(p, out, progress));
        timeline(progress, "run ends");
        progress.accept("writing " + out);
        long w0 = System.nanoTime();
        ResultFile f = ResultLayout.of(r);
        try {
            long w1 = System.nanoTime();
            f.writeAtomically(out, forceOption.force);
            long w2 = System.nanoTime();
            XdmfWriter.forResult(out, f, true);   // from the tree just written: no read-back of the file
            if (Boolean.getBoolean("wafersim.trace"))
                progress.accept(String.format("writing: layout %.2f s, HDF5 %.2f s, XDMF %.2f s", (w1 - w0) / 1e9,
                        (w2 - w1) / 1e9, (System.nanoTime() - w2) / 1e9));
        } catch (IOException e) {
            throw new InputException(out.toString(), null, "cannot write the result: " + e.getMessage());
        }
        RunSummary s = r.summary().withOutput(out.toString());
        var o = spec.commandLine().getOut();
        if (jsonOption.json) {
            try {
                ObjectMapper mapper = new ObjectMapper();
                com.fasterxml.jackson.databind.node.ObjectNode node =
                        (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(JsonOutput.write(s));
                node.put("status", s.status());
                node.put("exit_code", s.exitCode());
                node.put("message", s.statusMessage());
                o.println(mapper.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            o.print(s.text());
        }
        o.flush();
        timeline(progress, "summary printed");
        if (s.exitCode() != Cli.OK) {
            spec.commandLine().getErr().println("wafersim: failed (" + s.status() + "): " + failedCriteria(s)
                    + " (result written to " + out + ")");
        }
        return s.exitCode();
    }

    /**
     * A run that stopped on a failed check still informs: its result is written with {@code /status}, the mesh and
     * the last iterate ({@link ResultLayout#partial}); stderr says where and names the levers. The failure itself is
     * rethrown by the run (it decides the exit code and the message).
     */
    private void writePartial(CaseRun.Partial p, Path out, java.util.function.Consumer<String> progress) {
        RuntimeException cause = p.cause();
        Failure f = Failure.of(cause);
        Map<String, Object> sum = new LinkedHashMap<>();
        sum.put("caseName", p.spec().name());
        sum.put("cells", p.grid().cells());
        sum.put("stageSeconds", p.stages());
        if (cause instanceof org.wafersim.errors.ThermalRunawayException rw) sum.put("lastPowerW", rw.powerW());
        if (p.lastIterateK() != null) {
            double mx = -Double.MAX_VALUE;
            for (int c = 0; c < p.lastIterateK().length; c++) if (!p.grid().isVoid(c)) mx = Math.max(mx, p.lastIterateK()[c]);
            sum.put("lastIterateWaferMaxC", mx - Units.ZERO_CELSIUS_K);
        }
        String levers = levers(f.kind());
        sum.put("levers", levers);
        try {
            progress.accept("writing " + out + " (status " + f.kind() + ")");
            ResultLayout.partial(p, f.kind(), f.exitCode(), f.message()).writeAtomically(out, forceOption.force);
            sum.put("output", out.toString());
            spec.commandLine().getErr().println("wafersim: the run stopped (" + f.kind() + "); result written to " + out
                    + " with /status" + (p.lastIterateK() != null ? " and the last iterate in /thermal/temperature" : "")
                    + "; " + levers);
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("wafersim: the run stopped (" + f.kind() + "); its partial result could"
                    + " not be written: " + e.getMessage());
        }
        partialSummary = sum;
    }

    /** What a user can change after a failure of this kind. */
    static String levers(String kind) {
        return switch (kind) {
            case "not_converged" -> "levers: more iterations (solver.max_picard for the outer rounds,"
                    + " solver.max_iterations for CG) or looser tolerances (solver.picard_tolerance, solver.tolerance)";
            case "infeasible" -> "levers: a larger power.total, power.dynamic instead of a total, or less leakage"
                    + " (power.leakage.share_at_ref, beta)";
            default -> "levers: lower power.total (or power.dynamic), raise the cooling (cooling.coolant.h, flow), or"
                    + " lower the leakage (power.leakage.share_at_ref, beta)";
        };
    }

    /** "the design fails 1 criterion: connector life (first contact to fail) 1.002 years < 5 years (...)" */
    static String failedCriteria(RunSummary s) {
        if (s.verdict() == null) {
            return String.format(java.util.Locale.ROOT, "infeasible design: the wafer reaches %.1f degC, above the %.0f"
                    + " degC junction limit", s.waferMaxC(), s.junctionLimitC());
        }
        List<String> parts = new ArrayList<>();
        for (org.wafersim.run.VerdictSummary.Criterion c : s.verdict().criteria()) {
            if (!org.wafersim.run.VerdictSummary.FAILED.equals(c.status())) continue;
            String unit = "1".equals(c.unit()) ? "" : " " + c.unit();
            parts.add(String.format(java.util.Locale.ROOT, "%s %.4g%s %s %.4g%s (%s)", c.description(),
                    c.value(), unit, "max".equals(c.limitKind()) ? ">" : "<", c.limit(), unit, c.note()));
        }
        return "the design fails " + parts.size() + (parts.size() == 1 ? " criterion: " : " criteria: ")
                + String.join("; ", parts);
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
