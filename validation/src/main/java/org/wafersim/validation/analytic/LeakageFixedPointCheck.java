package org.wafersim.validation.analytic;

import java.util.ArrayList;
import java.util.List;
import org.wafersim.grid.Grid;
import org.wafersim.thermal.BoundaryFaces;
import org.wafersim.thermal.ConductivityLaw;
import org.wafersim.thermal.Convection;
import org.wafersim.thermal.Face;
import org.wafersim.thermal.HeatSourceFeedback;
import org.wafersim.thermal.SteadyResult;
import org.wafersim.thermal.ThermalProblem;
import org.wafersim.errors.ThermalRunawayException;
import org.wafersim.validation.check.Check;
import org.wafersim.validation.check.Context;
import org.wafersim.validation.check.Row;

/**
 * Leakage feedback on one lumped node (a single cell, resistance R to the ambient):
 * <pre>
 *   T = T_a + R (P_0 + P_L e^{beta (T - T_ref)}).
 * </pre>
 * With u = T - T_a - R P_0 and c = T_a + R P_0 - T_ref the fixed point is u = -W_0(z)/beta,
 * z = -beta R P_L e^{beta c} ({@link LambertW}, principal branch = the stable state); it exists iff z &gt;= -1/e,
 * so the runaway threshold is beta R P_L e^{beta c} = 1/e. Below it (20-99 % of the threshold) the solver must match
 * the Lambert-W temperature within 1e-6 K; above it (1.01, 1.5, 5 x) it must report thermal runaway.
 */
public final class LeakageFixedPointCheck implements Check {
    static final double K = 100, H = 1000, DZ = 1e-3, A = 1e-4, TA = 300, TREF = 300, BETA = 0.025, P0 = 1;
    /** Cell centre to ambient, K/W. */
    static final double R = (DZ / (2 * K) + 1 / H) / A;

    @Override public String name() { return "leakage-lambert-w"; }

    @Override public String description() {
        return "lumped leakage node vs Lambert W; runaway reported above the threshold z = -1/e";
    }

    /** The one-cell problem whose source feeds back through leakage P_L e^{beta (T - T_ref)}. */
    static ThermalProblem node(double pl) {
        Grid g = BoxProblems.layered(new double[]{0, 1e-2}, new double[]{0, 1e-2}, new double[]{0, DZ}, new int[]{0, 1}, 0);
        double v = A * DZ;
        BoundaryFaces bf = BoundaryFaces.scan(g, (f, i, j, k) -> f == Face.ZMAX ? new Convection(H, TA, "top") : null);
        HeatSourceFeedback fb = new HeatSourceFeedback() {
            @Override public double evaluate(double[] t, double[] q, double[] dq) {
                double p = pl * Math.exp(BETA * (t[0] - TREF));
                q[0] = p / v;
                dq[0] = BETA * p / v;
                return p;
            }
            @Override public String hottest(double[] t) { return "the node at " + t[0] + " K"; }
        };
        return new ThermalProblem(g, List.of(ConductivityLaw.isotropic(K)), new double[]{P0 / v}, bf, fb, List.of());
    }

    static double z(double pl) { return -BETA * R * pl * Math.exp(BETA * (TA + R * P0 - TREF)); }

    /** Leakage power at the reference temperature that puts z at {@code fraction} of the threshold -1/e. */
    static double leakageAt(double fraction) { return fraction / Math.E / (-z(1)); }

    @Override public List<Row> run(Context ctx) {
        List<Row> rows = new ArrayList<>();
        for (double frac : new double[]{0.2, 0.6, 0.9, 0.99}) {
            double pl = leakageAt(frac);
            double exact = TA + R * P0 - LambertW.w0(z(pl)) / BETA;
            SteadyResult r = Solve.steady(node(pl), 1, 1e-14, 100);
            rows.add(Row.atMost(name(), String.format("|T - T_LambertW| at %.2f x threshold", frac),
                    Math.abs(r.temperature()[0] - exact), 1e-6, "K", String.format("T = %.6f K", exact)));
        }
        int missed = 0;
        StringBuilder note = new StringBuilder();
        for (double frac : new double[]{1.01, 1.5, 5}) {
            try {
                Solve.steady(node(leakageAt(frac)), 1, 1e-14, 200);
                missed++;
                note.append(note.length() == 0 ? "" : "; ").append("no runaway reported at ").append(frac).append(" x");
            } catch (ThermalRunawayException e) {
                if (!(e.powerW() > P0)) {
                    missed++;
                    note.append(note.length() == 0 ? "" : "; ").append("runaway at ").append(frac)
                            .append(" x reports ").append(e.powerW()).append(" W");
                }
            }
        }
        rows.add(Row.atMost(name(), "runaway not reported at 1.01, 1.5, 5 x threshold (count)", missed, 0, "",
                note.toString()));
        return rows;
    }
}
