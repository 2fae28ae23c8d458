package org.wafersim.validation.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.wafersim.cli.Cli;
import org.wafersim.cli.Options;
import org.wafersim.errors.InputException;
import org.wafersim.validation.analytic.AnalyticChecks;
import org.wafersim.validation.check.Check;
import org.wafersim.validation.check.Context;
import org.wafersim.validation.check.Row;
import org.wafersim.validation.regression.ReferenceUpdate;
import org.wafersim.validation.regression.RegressionCase;
import org.wafersim.validation.regression.RegressionCases;
import org.wafersim.validation.regression.RegressionCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wafersim validate [--update-references] [--only NAME...] [--json] [--cases DIR]} (DESIGN section 6): runs
 * every analytical reference and every regression case, prints one table row per compared quantity and exits 1 if
 * any fails. With {@code --update-references} it instead reruns the regression cases, rewrites their stored
 * references and reports what changed.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Run the analytical references and the regression cases; one table row per compared quantity.",
                "Exit code 1 if any row fails, 2 for bad input (unknown check, malformed tolerance file, missing reference)."})
public final class ValidateCommand implements Callable<Integer> {
    @Option(names = "--update-references", description = "rerun the regression cases and rewrite their stored "
            + "reference.h5 (only the cases named by --only, if given); prints what changed")
    boolean update;

    @Option(names = "--only", paramLabel = "NAME", split = ",", arity = "1..*",
            description = "run only these checks (see --list); repeatable or comma-separated")
    List<String> only = new ArrayList<>();

    @Mixin Options.Json jsonOption;

    @Option(names = "--cases", paramLabel = "DIR",
            description = "the regression cases folder (default: validation/cases of the repository)")
    Path cases;

    @Option(names = "--threads", paramLabel = "N", description = "solver threads (default 0 = all cores)")
    int threads;

    @Option(names = "--list", description = "list the checks and exit")
    boolean list;

    @Mixin Options.Progress quietOption;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        org.wafersim.errors.Limits.threads("--threads", null, threads);
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        Consumer<String> progress = quietOption.quiet ? m -> { } : m -> {
            err.println("wafersim: " + m);
            err.flush();
        };
        Path dir = cases != null ? cases : CasesFolder.locate();
        List<RegressionCase> regression = RegressionCases.discover(dir);
        List<Check> all = new ArrayList<>(AnalyticChecks.all());
        for (RegressionCase rc : regression) all.add(new RegressionCheck(rc));
        List<Check> selected = CheckSelection.select(all, only);
        Context ctx = new Context(threads, progress);
        if (list) {
            for (Check c : all) out.printf("%-24s %s%n", c.name(), c.description());
            out.flush();
            return Cli.OK;
        }
        return update ? updateReferences(selected, ctx, out) : validate(selected, ctx, out);
    }

    private int validate(List<Check> selected, Context ctx, PrintWriter out) {
        List<CheckResult> results = ValidationRunner.run(selected, ctx);
        out.print(jsonOption.json ? json(report(results)) : ReportTable.format(results));
        out.flush();
        return results.stream().allMatch(CheckResult::passed) ? Cli.OK : Cli.CHECK_FAILED;
    }

    private int updateReferences(List<Check> selected, Context ctx, PrintWriter out) {
        List<RegressionCase> todo = new ArrayList<>();
        for (Check c : selected) {
            if (c instanceof RegressionCheck r) todo.add(r.regressionCase());
            else if (!only.isEmpty())
                throw new InputException("--only", null, "'" + c.name() + "' is an analytical check; "
                        + "--update-references rewrites the stored results of regression cases only");
        }
        List<ReferenceUpdate.Change> changes = new ArrayList<>();
        List<String> failures = new ArrayList<>(), notes = new ArrayList<>();
        int written = 0;
        for (RegressionCase rc : todo) {
            ctx.progress().accept("validate: updating " + rc.reference());
            try {
                ReferenceUpdate.Outcome o = ReferenceUpdate.apply(rc, ctx);
                changes.addAll(o.changes());
                if (o.written()) written++;
                notes.add(rc.reference() + (o.written() ? ": rewritten" : ": every field bitwise equal, left as it was"));
            } catch (InputException e) {
                throw e;
            } catch (RuntimeException e) {
                failures.add(rc.name() + ": the run failed, reference not written: " + e.getMessage());
            }
        }
        if (jsonOption.json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("changes", changes);
            m.put("files", notes);
            m.put("failures", failures);
            out.print(json(m));
        } else {
            out.print(UpdateReport.format(changes));
            for (String n : notes) out.println(n);
            for (String f : failures) out.println("FAILED " + f);
            out.printf("%d of %d references rewritten, %d unchanged, %d failed%n", written, todo.size(),
                    todo.size() - written - failures.size(), failures.size());
        }
        out.flush();
        return failures.isEmpty() ? Cli.OK : Cli.CHECK_FAILED;
    }

    private static Map<String, Object> report(List<CheckResult> results) {
        List<Map<String, Object>> rows = new ArrayList<>(), checks = new ArrayList<>();
        long failed = 0;
        for (CheckResult r : results) {
            checks.add(Map.of("name", r.name(), "seconds", r.seconds(), "verdict", r.passed() ? "PASS" : "FAIL"));
            for (Row row : r.rows()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("check", row.check());
                m.put("quantity", row.quantity());
                m.put("error", row.error());
                m.put("tolerance", row.tolerance());
                m.put("bound", row.bound().symbol);
                m.put("unit", row.unit());
                m.put("verdict", row.verdict());
                m.put("note", row.note());
                rows.add(m);
                if (!row.pass()) failed++;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verdict", failed == 0 ? "PASS" : "FAIL");
        m.put("rows_failed", failed);
        m.put("rows_total", rows.size());
        m.put("seconds", results.stream().mapToDouble(CheckResult::seconds).sum());
        m.put("checks", checks);
        m.put("rows", rows);
        return m;
    }

    private static String json(Object o) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
