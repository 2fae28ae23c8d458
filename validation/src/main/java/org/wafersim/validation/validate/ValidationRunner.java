package org.wafersim.validation.validate;

import java.util.ArrayList;
import java.util.List;
import org.wafersim.errors.InputException;
import org.wafersim.validation.check.Check;
import org.wafersim.validation.check.Context;
import org.wafersim.validation.check.Row;

/**
 * Runs checks one after another (each uses all the threads it is given). Bad input ({@link InputException}) ends the
 * run; any other exception (non-convergence, runaway, a failed energy balance, a bug) becomes one failed row of that
 * check, and the others still run, so one table shows everything that is wrong.
 */
public final class ValidationRunner {
    private ValidationRunner() { }

    public static List<CheckResult> run(List<Check> checks, Context ctx) {
        for (Check c : checks) c.prepare();
        List<CheckResult> out = new ArrayList<>();
        for (Check c : checks) {
            ctx.progress().accept("validate: " + c.name() + ": " + c.description());
            long t0 = System.nanoTime();
            List<Row> rows;
            try {
                rows = c.run(ctx);
                if (rows.isEmpty()) rows = List.of(Row.failed(c.name(), "(no rows)", "the check compared nothing"));
            } catch (InputException e) {
                throw e;
            } catch (RuntimeException e) {
                rows = List.of(Row.failed(c.name(), "(check did not complete)", e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
            CheckResult r = new CheckResult(c.name(), rows, (System.nanoTime() - t0) / 1e9);
            ctx.progress().accept(String.format("validate: %s: %s (%d rows, %.1f s)", c.name(),
                    r.passed() ? "PASS" : "FAIL", rows.size(), r.seconds()));
            out.add(r);
        }
        return out;
    }
}
