package org.wafersim.validation.analytic;

import java.util.List;
import org.wafersim.cases.CaseLoader;
import org.wafersim.run.CaseRun;
import org.wafersim.thermal.CoolantChannel;
import org.wafersim.validation.check.Check;
import org.wafersim.validation.check.Context;
import org.wafersim.validation.check.Row;

/**
 * Lateral coolant energy balance on the default wafer (one cell per 4 x 4 cores, board back and other faces
 * adiabatic, so that all heat goes into the coolant): the coolant must warm by exactly
 * <pre>
 *   T_out - T_in = P / (m_dot c_p)
 * </pre>
 * (first law for the channel, DESIGN section 4: m_dot c_p dT_c = q'' w dx integrated over the plate) within 0.1 %,
 * all of P must leave through the coolant path, and the coolant map must not cool down along the flow (+x).
 */
public final class LateralCoolantCheck implements Check {
    @Override public String name() { return "lateral-energy-balance"; }

    @Override public String description() {
        return "lateral coolant on the default wafer: outlet - inlet = P / (m_dot c_p)";
    }

    @Override public List<Row> run(Context ctx) {
        var spec = CaseLoader.builtin("wse-coarse", List.of("cooling.mode=lateral",
                "cooling.board_back.h=0 W/(m^2*K)", "cooling.other_faces.h=0 W/(m^2*K)"));
        CaseRun.Result r = CaseRun.run(spec, ctx.threads(), m -> { });
        CoolantChannel ch = (CoolantChannel) r.coolant();
        double p = r.thermal().powerIn();
        double expected = p / (ch.massFlow() * ch.specificHeat());
        double rise = ch.outlet() - ch.inlet();
        double coolant = r.summary().heatOutW().getOrDefault("coolant", 0.0);
        double[] m = ch.map();
        var g = r.grid();
        int backwards = 0;
        for (int j = 0; j < g.ny; j++)
            for (int i = 1; i < g.nx; i++) {
                double a = m[j * g.nx + i - 1], b = m[j * g.nx + i];
                if (!Double.isNaN(a) && !Double.isNaN(b) && b < a) backwards++;
            }
        return List.of(
                Row.atMost(name(), "coolant rise vs P / (m_dot c_p), rel. error", Math.abs(rise - expected) / expected,
                        1e-3, "rel", String.format("rise %.4f K, P / (m_dot c_p) %.4f K at P = %.1f W", rise, expected, p)),
                Row.atMost(name(), "heat into the coolant vs P, rel. error", Math.abs(coolant - p) / p, 1e-9, "rel", ""),
                Row.atMost(name(), "coolant map cooling down along +x (cells)", backwards, 0, "", ""));
    }
}
