package org.wafersim.validation.analytic;

import java.util.ArrayList;
import java.util.List;
import org.wafersim.cases.CaseLoader;
import org.wafersim.grid.Grid;
import org.wafersim.run.CaseRun;
import org.wafersim.validation.check.Check;
import org.wafersim.validation.check.Context;
import org.wafersim.validation.check.Row;

/**
 * Uniform generation through a 3-layer slab, written as a case file ({@code boundaries} and {@code sources}): a
 * 1 mm epoxy-like plate (k = 1.5 W/(m K)) generating q''' = 1e7 W/m^3 on top of a 1 mm layer of k = 20 and a
 * 0.5 mm silicon wafer (k = 148), the wafer's back face held at 25 degC ({@code fixed_temperature}), the top
 * adiabatic ({@code adiabatic}, replacing the coolant), no side losses. All heat q'' = q''' L_p flows down:
 * <pre>
 *   T(wafer back) = T0,  T(wafer/mid) = T0 + q'' L_w/k_w,  T(mid/plate) = T(wafer/mid) + q'' L_m/k_m,
 *   T(plate, s above its bottom) = T(mid/plate) + (q'''/k_p)(L_p s - s^2/2):  mid-thickness + 3 q''' L_p^2/(8 k_p),
 *   top + q''' L_p^2/(2 k_p) (3.33 K of the plate's own).
 * </pre>
 * Discretisation: on uniform cells h the finite-volume flux between two cells of a quadratic profile is exact (the
 * central difference of a parabola is its slope at the midpoint), and conservation makes every face's flux exact;
 * what is left is the half cell next to the plate's bottom, whose conductance h/(2k) misses the parabola's
 * curvature: every plate cell sits q''' h^2/(8 k_p) too high (the linear layers' cells are exact). So the maximum
 * error over the cell centres is q''' h^2/(8 k_p) exactly, order 2, and the check holds it to that value to 1e-6
 * (relative: solver tolerance 1e-13 of a 4 K rise, far below). The point values - the interfaces from the two half
 * cells in series (the scheme's own interface temperature), the mid-thickness from the two cells around it (an even
 * count: a face), the adiabatic top from its cell (zero gradient) - carry the same offset minus the parabola's own
 * h^2/8 curvature term, which cancel: the stated grid (64 cells through the plate) holds them within 1e-3 K, where
 * the cell offset alone is 2.5e-4 K.
 */
public final class GenerationSlabCheck implements Check {
    static final String CASE = """
            name: generation-slab
            wafer: {size: "10 mm", thickness: "0.5 mm", material: si_const, active_layer: "%s"}
            materials:
              si_const: {base: silicon, conductivity: "148 W/(m*K)"}
              mid_mat: {base: silicon, conductivity: "20 W/(m*K)"}
              epoxy: {base: silicon, conductivity: "1.5 W/(m*K)"}
            dies: {columns: 1, rows: 1, scribe: "0 mm"}
            cores: {per_die: [1, 1], spare_fraction: 0}
            stack:
              - {name: plate, material: epoxy, thickness: "1 mm"}
              - {name: mid, material: mid_mat, thickness: "1 mm"}
              - {name: wafer}
            power: {total: "0 W"}
            cooling:
              mode: vertical
              coolant: {inlet: "25 degC", flow: "1 L/min", h: "1000 W/(m^2*K)"}
              board_back: {h: "0 W/(m^2*K)"}
              other_faces: {h: "0 W/(m^2*K)"}
            boundaries:
              - {face: bottom, type: fixed_temperature, temperature: "298.15 K"}
              - {face: top, type: adiabatic, replace: true}
            sources:
              - {layer: plate, density: "1e7 W/m^3"}
            grid:
              max_growth: 2
              layers: {plate: {cells: %d}, mid: {cells: %d}, wafer: {cells: %d}}
            solver: {tolerance: 1e-13}
            """;
    static final double T0 = 298.15, Q = 1e7, LP = 1e-3, LM = 1e-3, LW = 0.5e-3, KP = 1.5, KM = 20, KW = 148;
    /** Cells through the plate at the stated grid (the mid layer gets as many, the wafer half). */
    static final int STATED = 64;

    @Override public String name() { return "generation-slab"; }

    @Override public String description() {
        return "uniform generation in a 3-layer slab (case file): interfaces and mid-plane within 1e-3 K, order 2";
    }

    /** The case with n cells through the plate and the mid layer, n/2 through the wafer (uniform cells). */
    static String caseText(int n) {
        return CASE.formatted((LW / (n / 2)) * 1e3 + " mm", n, n, n / 2);
    }

    static CaseRun.Result run(int n, Context ctx) {
        return CaseRun.run(CaseLoader.parse(caseText(n), "yaml", "generation-slab.yaml", List.of()), ctx.threads(),
                m -> { });
    }

    /** Exact temperature at height z above the wafer's back face. */
    static double exact(double z) {
        double qf = Q * LP;
        if (z <= LW) return T0 + qf * z / KW;
        double tw = T0 + qf * LW / KW;
        if (z <= LW + LM) return tw + qf * (z - LW) / KM;
        double s = z - LW - LM, tm = tw + qf * LM / KM;
        return tm + Q / KP * (LP * s - s * s / 2);
    }

    /** Mean temperature of the cells of plane k (the slab is 1-D: all equal). */
    static double plane(CaseRun.Result r, int k) {
        Grid g = r.grid();
        return g.volumeMean(r.thermal().temperature(), k, k + 1);
    }

    /**
     * {points' max error (K), cells' max error (K), plate's cell size (m)}; the points: the three interfaces (wafer
     * back, wafer/mid, mid/plate), the plate's mid-thickness and its top.
     */
    static double[] errors(int n, Context ctx, List<String> detail) {
        CaseRun.Result r = run(n, ctx);
        Grid g = r.grid();
        double[] kOf = new double[g.nz];
        for (int k = 0; k < g.nz; k++) {
            int m = g.material(g.index(0, 0, k));
            String name = g.materialNames().get(m);
            kOf[k] = name.equals("epoxy") ? KP : name.equals("mid_mat") ? KM : KW;
        }
        double cells = 0;
        for (int k = 0; k < g.nz; k++) cells = Math.max(cells, Math.abs(plane(r, k) - exact(g.zc(k))));
        int plate = g.layerIndex("plate"), mid = g.layerIndex("mid");
        int kp0 = g.layerK0(plate), kp1 = g.layerK1(plate), km0 = g.layerK0(mid);
        double[] z = {0, LW, LW + LM, LW + LM + LP / 2, LW + LM + LP};
        String[] what = {"wafer back (fixed)", "wafer/mid", "mid/plate", "plate mid-thickness", "plate top (adiabatic)"};
        double[] t = {
                // fixed face: the cell minus its half-cell drop at the face's flux (the heat budget's)
                plane(r, 0) - r.thermal().heatOut("boundaries[0]") / area(g) * g.dz(0) / (2 * kOf[0]),
                iface(r, km0, kOf), iface(r, kp0, kOf),
                0.5 * (plane(r, (kp0 + kp1) / 2 - 1) + plane(r, (kp0 + kp1) / 2)),
                plane(r, kp1 - 1)};
        double pts = 0;
        for (int i = 0; i < z.length; i++) {
            double e = t[i] - exact(z[i]);
            pts = Math.max(pts, Math.abs(e));
            if (detail != null) detail.add(String.format("%s %.6f K (exact %.6f, error %.1e)", what[i], t[i] - 273.15,
                    exact(z[i]) - 273.15, e));
        }
        return new double[]{pts, cells, g.dz(kp0)};
    }

    private static double area(Grid g) {
        return (g.xf(g.nx) - g.xf(0)) * (g.yf(g.ny) - g.yf(0));
    }

    /** The scheme's interface temperature between plane k - 1 and plane k: the two half cells in series. */
    private static double iface(CaseRun.Result r, int k, double[] kOf) {
        Grid g = r.grid();
        double ra = r.grid().dz(k - 1) / (2 * kOf[k - 1]), rb = g.dz(k) / (2 * kOf[k]);
        double ta = plane(r, k - 1), tb = plane(r, k);
        return ta + (tb - ta) * ra / (ra + rb);
    }

    @Override public List<Row> run(Context ctx) {
        List<Row> rows = new ArrayList<>();
        List<String> detail = new ArrayList<>();
        double[] stated = errors(STATED, ctx, detail);
        rows.add(Row.atMost(name(), "max |T - T_exact| at the interfaces, mid-thickness and top, " + STATED
                + " cells through the plate", stated[0], 1e-3, "K", String.join("; ", detail)));
        int[] ns = {16, 32, 64};
        double[] e = new double[ns.length];
        for (int i = 0; i < ns.length; i++) {
            double[] r = i == ns.length - 1 ? stated : errors(ns[i], ctx, null);
            e[i] = r[1];
            double predicted = Q * r[2] * r[2] / (8 * KP);
            rows.add(Row.atMost(name(), "cells' max error / (q h^2 / 8k), " + ns[i] + " cells", Math.abs(e[i] / predicted - 1),
                    1e-6, "rel", String.format("max cell error %.4e K, q h^2/8k %.4e K", e[i], predicted)));
        }
        for (int i = 1; i < ns.length; i++) {
            double p = Solve.order(e[i - 1], e[i]);
            rows.add(Row.atMost(name(), "|observed order - 2|, " + ns[i - 1] + " -> " + ns[i] + " cells",
                    Math.abs(p - 2), 0.01, "", String.format("order %.4f", p)));
        }
        return rows;
    }
}
