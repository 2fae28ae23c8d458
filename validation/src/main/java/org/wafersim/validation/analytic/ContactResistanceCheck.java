package org.wafersim.validation.analytic;

import java.util.List;
import org.wafersim.cases.CaseLoader;
import org.wafersim.grid.Grid;
import org.wafersim.run.CaseRun;
import org.wafersim.validation.check.Check;
import org.wafersim.validation.check.Context;
import org.wafersim.validation.check.Row;

/**
 * Contact resistance ({@code stack[i].contact_below}) on a one-dimensional stack written as a case file: a 20 mm
 * wafer of constant conductivity under a 50 um TIM and a 2 mm copper plate, 100 W generated uniformly in the active
 * layer, adiabatic sides and back. Every watt crosses the plate/TIM contact, so against the same case without it
 * every cell below the contact is hotter by q'' R_c (q'' = P / A = 2.5e5 W/m^2, R_c = 0.25 K cm^2/W: 6.25 K) and no
 * cell above moves; the heat through the contact (the heat-path budget) is P. The finite-volume conductance
 * A / (dz1/(2 k1) + R_c + dz2/(2 k2)) is exact for a layered stack, so the identity holds to the linear solver's
 * tolerance (1e-12 relative residual): held to 1e-9 of the jump, the requirement.
 */
public final class ContactResistanceCheck implements Check {
    static final String CASE = """
            name: contact-resistance
            wafer: {size: "20 mm", thickness: "0.5 mm", material: si_const}
            materials: {si_const: {base: silicon, conductivity: "148 W/(m*K)"}}
            dies: {columns: 1, rows: 1}
            cores: {per_die: [4, 4], spare_fraction: 0}
            stack:
              - {name: plate, material: copper, thickness: "2 mm"%s}
              - {name: tim, material: tim_grease, thickness: "50 um"}
              - {name: wafer}
            power: {dynamic: "100 W"}
            cooling:
              mode: vertical
              coolant: {inlet: "25 degC", flow: "30 L/min", h: "20000 W/(m^2*K)"}
              board_back: {h: "0 W/(m^2*K)"}
              other_faces: {h: "0 W/(m^2*K)"}
            solver: {tolerance: 1e-12}
            """;
    static final double POWER = 100, AREA = 0.02 * 0.02, RC = 0.25e-4;

    @Override public String name() { return "contact-resistance"; }

    @Override public String description() {
        return "1-D stack with a plate/TIM contact resistance: every cell below it q''R_c hotter, none above; P crosses it";
    }

    private static CaseRun.Result run(String contact, Context ctx) {
        return CaseRun.run(CaseLoader.parse(CASE.formatted(contact), "yaml", "contact-resistance.yaml", List.of()),
                ctx.threads(), m -> { });
    }

    @Override public List<Row> run(Context ctx) {
        CaseRun.Result none = run("", ctx), with = run(", contact_below: \"0.25 K*cm^2/W\"", ctx);
        double jump = POWER / AREA * RC;
        Grid g = none.grid();
        double[] a = none.thermal().temperature(), b = with.thermal().temperature();
        int plate = g.layerNames().indexOf("plate");
        double above = 0, below = 0;
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) {
                    int c = g.index(i, j, k);
                    if (g.isVoid(c)) continue;
                    if (k >= g.layerK0(plate)) above = Math.max(above, Math.abs(b[c] - a[c]));
                    else below = Math.max(below, Math.abs(b[c] - a[c] - jump));
                }
        double through = with.interfaceHeat()[plate];
        // the heat-path budget's line for the contact: its mean temperature step Q R_c / A is q''R_c too
        String note = with.summary().powerCoolant().notes().stream().filter(n -> n.startsWith("contact plate/tim:"))
                .findFirst().orElse("");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("mean temperature step ([0-9.eE+-]+) K")
                .matcher(note);
        double step = m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        return List.of(
                Row.atMost(name(), "max |shift - q''R_c| / q''R_c below the contact", below / jump, 1e-9, "rel",
                        String.format("q''R_c = %.4f K", jump)),
                Row.atMost(name(), "max |shift| / q''R_c above the contact", above / jump, 1e-9, "rel", ""),
                Row.atMost(name(), "|heat through the contact - P| / P", Math.abs(through - POWER) / POWER, 1e-9, "rel",
                        String.format("%.9f W", through)),
                // the summary prints 4 significant digits: 6.25 K to within half a unit of the last, 5e-4 K
                Row.atMost(name(), "|summary's mean step across the contact - q''R_c|", Math.abs(step - jump), 5e-4,
                        "K", note));
    }
}
