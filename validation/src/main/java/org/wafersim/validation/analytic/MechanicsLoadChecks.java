package org.wafersim.validation.analytic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.mechanics.MechanicsState;
import org.wafersim.mechanics.PlateMesh;
import org.wafersim.mechanics.PlateModel.Dof;
import org.wafersim.mechanics.PlateSolution;
import org.wafersim.run.CaseRun;
import org.wafersim.validation.check.Check;
import org.wafersim.validation.check.Context;
import org.wafersim.validation.check.Row;

/**
 * Mechanics under a prescribed load without a thermal run ({@code analysis.thermal: none}, {@code mechanics.load}),
 * each written as a case file and run as {@code wafersim run} runs it: a homogeneous plate under a uniform 100 K
 * change, free (zero stress) and held (clamped rim, clamped edges, simply supported edges held in-plane: sigma =
 * -E alpha dT / (1 - nu)); a bilayer's curvature against Timoshenko (1925); a simply supported bilayer against the
 * plate-theory series of Timoshenko and Woinowsky-Krieger; quarter models with symmetric edges against the full
 * model ({@link SymmetryCheck}); a previous result's temperature field read back as the load ({@link SymmetryCheck}).
 */
public final class MechanicsLoadChecks {
    private MechanicsLoadChecks() { }

    public static List<Check> all() {
        return List.of(new Uniform(), new Bimetal(), new SimplySupported(), new SymmetryCheck());
    }

    /** Silicon-like and copper-like materials with constant CTE, so that alpha dT is exact. */
    static final double E_SI = 150e9, NU_SI = 0.17, A_SI = 2.6e-6, E_CU = 120e9, NU_CU = 0.34, A_CU = 16.5e-6;
    static final double DT = 100;

    /** A case of a square plate stack of side {@code sizeMm} with the given nu of both materials. */
    static String caseText(String name, double sizeMm, int coresPerSide, double nuSi, double nuCu, boolean bilayer,
                           String spacing, String support, String load) {
        return String.format(Locale.ROOT, """
                name: %s
                wafer: {size: "%s mm", thickness: "0.5 mm", material: si_c}
                materials:
                  si_c: {base: silicon, youngs_modulus: "150 GPa", poisson_ratio: %s, cte: "2.6e-6 1/K"}
                  cu_c: {base: copper, youngs_modulus: "120 GPa", poisson_ratio: %s, cte: "16.5e-6 1/K"}
                dies: {columns: 1, rows: 1}
                cores: {per_die: [%d, %d], spare_fraction: 0}
                stack:
                  - {name: wafer}
                %s
                analysis: {thermal: none, mechanics: true}
                grid: {cells_per_core: 1, max_growth: 2}
                mechanics:
                  stress_free: "25 degC"
                  spacing: "%s"
                  support: %s
                  load: %s
                """, name, num(sizeMm), num(nuSi), num(nuCu), coresPerSide, coresPerSide,
                bilayer ? "  - {name: base, material: cu_c, thickness: \"0.5 mm\"}" : "", spacing, support, load);
    }

    static String num(double v) { return new java.math.BigDecimal(v).round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString(); }

    static CaseRun.Result run(String text, Context ctx) {
        CaseSpec spec = CaseLoader.parse(text, "yaml", "mechanics-load.yaml", List.of());
        return CaseRun.run(spec, ctx.threads(), m -> { });
    }

    static MechanicsState state(CaseRun.Result r) { return r.mechanics().states().get(0); }

    static final String UNIFORM = "{type: uniform, delta: \"100 K\"}";

    /** A homogeneous plate under a uniform 100 K change: free and held. */
    static final class Uniform implements Check {
        @Override public String name() { return "mech-load-uniform"; }

        @Override public String description() {
            return "uniform 100 K, no thermal run: free plate zero stress; clamped rim/edges and simply supported edges"
                    + " held in-plane sigma = -E alpha dT/(1-nu)";
        }

        @Override public List<Row> run(Context ctx) {
            List<Row> rows = new ArrayList<>();
            double eps = A_SI * DT, L = 0.02, sigma = -E_SI * eps / (1 - NU_SI);
            // free: the stack is held statically determinately, the uniform expansion lies in the element space
            CaseRun.Result free = MechanicsLoadChecks.run(caseText("free", 20, 4, NU_SI, NU_CU, false, "2.5 mm",
                    "{type: free}", UNIFORM), ctx);
            PlateSolution s = state(free).solution();
            PlateMesh mesh = s.model().mesh();
            int wl = free.spec().waferLayerIndex();
            double vm = 0, du = 0, w = 0;
            int n0 = mesh.node(0, 0);
            for (int j = 0; j <= mesh.ny; j++)
                for (int i = 0; i <= mesh.nx; i++) {
                    int n = mesh.node(i, j);
                    du = Math.max(du, Math.abs(s.displacement(0, n, Dof.U) - s.displacement(0, n0, Dof.U)
                            - eps * (mesh.x(i) - mesh.x(0))));
                    du = Math.max(du, Math.abs(s.displacement(0, n, Dof.V) - s.displacement(0, n0, Dof.V)
                            - eps * (mesh.y(j) - mesh.y(0))));
                    w = Math.max(w, Math.abs(s.displacement(0, n, Dof.W)));
                    if (i < mesh.nx && j < mesh.ny)
                        for (double f : new double[]{0, 0.5, 1}) vm = Math.max(vm, s.layerStress(wl, i, j, f).vonMises());
                }
            // the uniform expansion is in the element space and the system is solved directly (relative residual
            // ~1e-15): round-off only; 1e-9 leaves six orders for the residual's amplification by the conditioning
            rows.add(Row.atMost(name(), "free: max von Mises / (E alpha dT)", vm / (E_SI * eps), 1e-9, "1",
                    String.format(Locale.ROOT, "E alpha dT = %.4g MPa", E_SI * eps / 1e6)));
            rows.add(Row.atMost(name(), "free: max |u - alpha dT (x - x0)| / (alpha dT L)", du / (eps * L), 1e-9, "1",
                    ""));
            rows.add(Row.atMost(name(), "free: max |w| / (alpha dT L)", w / (eps * L), 1e-9, "1", ""));
            String[][] held = {
                    {"clamped rim (support.type clamped)", "{type: clamped, layer: wafer}"},
                    {"four clamped edges (support.type edges)", "{type: edges, layer: wafer, edges: {xmin: clamped,"
                            + " xmax: clamped, ymin: clamped, ymax: clamped}}"},
                    {"four simply supported edges, in_plane held", "{type: edges, layer: wafer, in_plane: held, edges:"
                            + " {xmin: simply_supported, xmax: simply_supported, ymin: simply_supported, ymax:"
                            + " simply_supported}}"}};
            for (String[] h : held) {
                CaseRun.Result r = MechanicsLoadChecks.run(caseText("held", 20, 4, NU_SI, NU_CU, false, "2.5 mm", h[1],
                        UNIFORM), ctx);
                PlateSolution c = state(r).solution();
                PlateMesh m = c.model().mesh();
                double err = 0, ww = 0;
                for (int j = 0; j < m.ny; j++)
                    for (int i = 0; i < m.nx; i++)
                        for (double f : new double[]{0, 0.5, 1}) {
                            PlateSolution.Stress st = c.layerStress(wl, i, j, f);
                            err = Math.max(err, Math.max(Math.abs(st.xx() - sigma), Math.abs(st.yy() - sigma)));
                            err = Math.max(err, Math.abs(st.xy()));
                        }
                for (int n = 0; n < m.nodes(); n++) ww = Math.max(ww, Math.abs(c.displacement(0, n, Dof.W)));
                // u = v = w = 0 is the exact solution and lies in the element space: round-off, as above
                rows.add(Row.atMost(name(), h[0] + ": max |sigma - (-E alpha dT/(1-nu))| / |sigma|",
                        err / Math.abs(sigma), 1e-9, "1", String.format(Locale.ROOT, "sigma = %.4f MPa", sigma / 1e6)));
                rows.add(Row.atMost(name(), h[0] + ": max |w| / (alpha dT L)", ww / (eps * L), 1e-9, "1", ""));
            }
            return rows;
        }
    }

    /** Timoshenko (1925): the free bilayer's curvature, uniform, with biaxial moduli E / (1 - nu). */
    static final class Bimetal implements Check {
        @Override public String name() { return "mech-load-bimetal"; }

        @Override public String description() {
            return "free Si/Cu bilayer, uniform 100 K without a thermal run: curvature vs Timoshenko (1925)";
        }

        @Override public List<Row> run(Context ctx) {
            double expected = PlateChecks.Bimetal.timoshenko(0.5e-3, E_SI / (1 - NU_SI), 0.5e-3, E_CU / (1 - NU_CU),
                    (A_CU - A_SI) * DT);
            List<Row> rows = new ArrayList<>();
            // written both ways: delta from stress_free, and the absolute temperature
            for (String load : List.of(UNIFORM, "{type: uniform, temperature: \"125 degC\"}")) {
                CaseRun.Result r = MechanicsLoadChecks.run(caseText("bimetal", 20, 4, NU_SI, NU_CU, true, "2.5 mm",
                        "{type: free}", load), ctx);
                PlateSolution s = state(r).solution();
                PlateMesh m = s.model().mesh();
                double err = 0;
                for (int j = 0; j < m.ny; j++)
                    for (int i = 0; i < m.nx; i++) {
                        double[] g = s.generalizedStrain(0, i, j);
                        err = Math.max(err, Math.max(Math.abs(-g[3] / expected - 1), Math.abs(-g[4] / expected - 1)));
                    }
                // an equibiaxial state of uniform curvature: in the element space of the bicubic plate, so exact to
                // round-off on any mesh (the direct solve's residual ~1e-13 of the load); 1e-9 as above
                rows.add(Row.atMost(name(), "load " + load + ": max |kappa / kappa_Timoshenko - 1|", err, 1e-9, "1",
                        String.format(Locale.ROOT, "kappa = %.6g 1/m (Timoshenko, t_Si = t_Cu = 0.5 mm)", expected)));
            }
            return rows;
        }
    }

    /**
     * A simply supported square bilayer (w = 0 and M_n = 0 on the edges, in-plane free) under a uniform change. With
     * equal Poisson ratios the laminate decouples about its neutral plane into an isotropic plate of rigidity D* with
     * thermal moment M* = D* (1 + nu) kappa_T (kappa_T: Timoshenko's free curvature), and the simply supported plate
     * under a uniform thermal moment satisfies lap(w) = M* / D* = (1 + nu) kappa_T with w = 0 on the edges (Timoshenko
     * and Woinowsky-Krieger, Theory of Plates and Shells, 2nd ed., 1959, section 14): the Poisson problem, whose
     * centre value is the double sine series w_c = -(1 + nu) kappa_T 16 a^2 / pi^4 sum over odd m, n of
     * (-1)^((m + n)/2 - 1) / (m n (m^2 + n^2)) (= -0.0736713 (1 + nu) kappa_T a^2).
     */
    static final class SimplySupported implements Check {
        @Override public String name() { return "mech-load-simply-supported"; }

        @Override public String description() {
            return "simply supported Si/Cu square (equal nu), uniform 100 K: centre deflection vs Timoshenko &"
                    + " Woinowsky-Krieger series, 16/32/64 elements, order";
        }

        static double series(double a) {
            double s = 0;
            for (int m = 1; m < 4001; m += 2)
                for (int n = 1; n < 4001; n += 2)
                    s += ((((m + n) / 2 - 1) % 2 == 0) ? 1 : -1) / ((double) m * n * (m * m + (double) n * n));
            return 16 * a * a / Math.pow(Math.PI, 4) * s;
        }

        @Override public List<Row> run(Context ctx) {
            double nu = 0.3, a = 0.02;
            double kT = PlateChecks.Bimetal.timoshenko(0.5e-3, E_SI / (1 - nu), 0.5e-3, E_CU / (1 - nu),
                    (A_CU - A_SI) * DT);
            double exact = -(1 + nu) * kT * series(a);
            List<Row> rows = new ArrayList<>();
            int[] divs = {16, 32, 64};
            // measured 6.8e-6, 2.2e-6, 5.7e-7: each bound about 1.5 times that, so that a change of the element, the
            // laminate or the support shows
            double[] tol = {1e-5, 3.5e-6, 1e-6};
            double[] errs = new double[divs.length];
            for (int d = 0; d < divs.length; d++) {
                String sp = num(20.0 / divs[d]) + " mm";
                CaseRun.Result r = MechanicsLoadChecks.run(caseText("ss", 20, 4, nu, nu, true, sp, "{type: edges,"
                        + " edges: {xmin: simply_supported, xmax: simply_supported, ymin: simply_supported, ymax:"
                        + " simply_supported}}", UNIFORM), ctx);
                PlateSolution s = state(r).solution();
                PlateMesh m = s.model().mesh();
                double wc = s.displacement(0, m.node(m.nx / 2, m.ny / 2), Dof.W);
                errs[d] = Math.abs(wc / exact - 1);
                rows.add(Row.atMost(name(), String.format(Locale.ROOT, "%d x %d elements: |w_c / w_series - 1|",
                        m.nx, m.ny), errs[d], tol[d], "1", String.format(Locale.ROOT,
                        "w_c = %.7e m, series %.7e m (kappa_T = %.6g 1/m)", wc, exact, kT)));
            }
            // the bicubic bending alone converges faster; the bilinear membrane, coupled to the bending through the
            // laminate's offset neutral plane (u = c x - e w_x), limits the deflection to order 2: observed 1.65 (16
            // -> 32) and 1.92 (32 -> 64), the pre-asymptotic mix of both; required >= 1.5 over 16 -> 64
            double order = Math.log(errs[0] / errs[2]) / Math.log(4);
            rows.add(Row.atLeast(name(), "observed order of w_c (16 -> 64 elements)", order, 1.5, "1",
                    String.format(Locale.ROOT, "16 -> 32: %.2f, 32 -> 64: %.2f", Math.log(errs[0] / errs[1]) / Math.log(2),
                            Math.log(errs[1] / errs[2]) / Math.log(2))));
            return rows;
        }
    }
}
