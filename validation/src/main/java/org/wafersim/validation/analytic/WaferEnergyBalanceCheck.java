package org.wafersim.validation.analytic;

import java.util.List;
import org.wafersim.cases.CaseLoader;
import org.wafersim.run.CaseRun;
import org.wafersim.validation.check.Check;
import org.wafersim.validation.check.Context;
import org.wafersim.validation.check.Row;

/**
 * Conservation on the whole default wafer (embedded case {@code wse-coarse}: vertical cooling, leakage, k(T) of
 * silicon): power in = heat out over all paths, |P_in - sum Q_out| / P_in. A converged solve gives ~1e-12; the run
 * itself fails above 1e-6 ({@link CaseRun#BALANCE_LIMIT}); this check holds it to 1e-9, well above round-off and
 * well below any modelling error (a lost face or a wrong path sum shows as 1e-4 or more).
 */
public final class WaferEnergyBalanceCheck implements Check {
    @Override public String name() { return "wafer-energy-balance"; }

    @Override public String description() {
        return "default wafer (wse-coarse): power in = heat out over all paths";
    }

    @Override public List<Row> run(Context ctx) {
        CaseRun.Result r = CaseRun.run(CaseLoader.builtin("wse-coarse", List.of()), ctx.threads(), m -> { });
        double p = r.thermal().powerIn();
        double out = 0;
        for (double v : r.summary().heatOutW().values()) out += v;
        return List.of(
                Row.atMost(name(), "|in - out| / in (solver)", Math.abs(r.thermal().balanceRelError()), 1e-9, "rel",
                        String.format("P = %.1f W", p)),
                Row.atMost(name(), "|in - sum of reported heat paths| / in", Math.abs(p - out) / p, 1e-9, "rel", ""));
    }
}
