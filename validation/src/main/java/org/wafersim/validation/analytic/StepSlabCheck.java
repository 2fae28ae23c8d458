package org.wafersim.validation.analytic;

import java.util.ArrayList;
import java.util.List;
import org.wafersim.cases.CaseLoader;
import org.wafersim.grid.Grid;
import org.wafersim.run.CaseRun;
import org.wafersim.run.TransientRun;
import org.wafersim.validation.check.Check;
import org.wafersim.validation.check.Context;
import org.wafersim.validation.check.Row;

/**
 * A slab heated uniformly through its thickness from a step, written as a case file: a 5 mm silicon wafer of
 * constant properties (k = 148 W/(m K), rho c_p from the library at 25 degC), uniform at 25 degC at t = 0
 * ({@code transient.initial: ambient}), q''' switched on at t = 0 ({@code sources}), its back face held at 25 degC
 * and its top adiabatic. With u = z/L, Fo = alpha t / L^2 and lambda_n = (n - 1/2) pi (Carslaw and Jaeger,
 * Conduction of Heat in Solids, 2nd ed., section 3.4, by separation of variables):
 * <pre>
 *   T - T0 = (q''' L^2 / k) [ u - u^2/2 - sum_n 2 / lambda_n^3 sin(lambda_n u) exp(-lambda_n^2 Fo) ],
 * </pre>
 * the final rise q''' L^2 / (2 k) = 10 K at the top. Compared at 3 depths (u = 0.25, 0.5, 1 - h/2: cell centres)
 * x 4 times (Fo = 0.05, 0.1, 0.2, 0.5) against 0.5 % of the final rise (0.05 K). Error budget: space, 40 uniform
 * cells: the steady offset q''' h^2 / (8 k) is (h/L)^2 / 4 = 1.6e-4 of the final rise, and the transient's modes
 * resolved as well (the slowest carry nearly all of the field); time, TR-BDF2 with a local error tolerance of
 * 1e-6 K per step (about 140 steps: at most ~1e-4 K; the tight tolerance also tightens the stage solves, whose
 * residual the transient energy balance sums: at 1e-3 K it sat at 1.2e-6, just over the run's 1e-6 limit, at 1e-6 K
 * at 1e-10); the series, 400 terms: the tail is below
 * exp(-lambda_400^2 x 0.05), nothing. Together about 0.03 % of the rise, well inside 0.5 %.
 */
public final class StepSlabCheck implements Check {
    static final double L = 5e-3, K = 148, RISE = 10, T0 = 298.15;
    static final int CELLS = 40;
    static final double[] FO = {0.05, 0.1, 0.2, 0.5};
    static final String CASE = """
            name: step-slab
            wafer: {size: "10 mm", thickness: "5 mm", material: si_const, active_layer: "%s"}
            materials: {si_const: {base: silicon, conductivity: "148 W/(m*K)", specific_heat: "%s", density: "%s"}}
            dies: {columns: 1, rows: 1, scribe: "0 mm"}
            cores: {per_die: [1, 1], spare_fraction: 0}
            stack: [{name: wafer}]
            power: {total: "0 W"}
            cooling:
              mode: vertical
              coolant: {inlet: "25 degC", flow: "1 L/min", h: "1000 W/(m^2*K)"}
              board_back: {h: "0 W/(m^2*K)"}
              other_faces: {h: "0 W/(m^2*K)"}
            boundaries:
              - {face: bottom, type: fixed_temperature, temperature: "25 degC"}
              - {face: top, type: adiabatic, replace: true}
            sources: [{layer: wafer, density: "%s W/m^3"}]
            analysis: {thermal: transient}
            transient: {end: "%s s", initial: ambient, tolerance: "1e-6 K", dt_initial: "0.1 ms", snapshots: [%s]}
            grid: {layers: {wafer: {cells: %d}}}
            solver: {tolerance: 1e-12}
            """;
    /** Silicon's density and specific heat at 25 degC (materials.csv), constant here so that alpha is one number. */
    static final double RHO = 2329, CP = 712;

    @Override public String name() { return "step-slab"; }

    @Override public String description() {
        return "slab heated uniformly from a step (case file): Fourier series, 3 depths x 4 times, 0.5 % of the rise";
    }

    static double alpha() { return K / (RHO * CP); }

    /** (T - T0) / (q''' L^2 / k) at depth u and Fourier number fo. */
    static double series(double u, double fo) {
        double s = u - u * u / 2;
        for (int n = 1; n <= 400; n++) {
            double l = (n - 0.5) * Math.PI;
            s -= 2 / (l * l * l) * Math.sin(l * u) * Math.exp(-l * l * fo);
        }
        return s;
    }

    @Override public List<Row> run(Context ctx) {
        double q = 2 * K * RISE / (L * L);
        double tau = L * L / alpha();
        StringBuilder snaps = new StringBuilder();
        for (int i = 0; i < FO.length; i++) snaps.append(i == 0 ? "" : ", ").append('"').append(FO[i] * tau).append(" s\"");
        String text = CASE.formatted((L / CELLS) * 1e3 + " mm", CP + " J/(kg*K)", RHO + " kg/m^3", q,
                FO[FO.length - 1] * tau, snaps, CELLS);
        CaseRun.Result r = CaseRun.run(CaseLoader.parse(text, "yaml", "step-slab.yaml", List.of()), ctx.threads(),
                m -> { });
        Grid g = r.grid();
        List<TransientRun.Snapshot> shots = r.transientOutcome().snapshots();
        int[] ks = {CELLS / 4, CELLS / 2, CELLS - 1};       // cell centres at u = 0.2625, 0.5125, 0.9875
        List<Row> rows = new ArrayList<>();
        for (int s = 0; s < FO.length; s++) {
            TransientRun.Snapshot shot = null;
            for (TransientRun.Snapshot x : shots) if (Math.abs(x.time() - FO[s] * tau) <= 1e-9 * tau) shot = x;
            if (shot == null) throw new IllegalStateException("no snapshot at Fo = " + FO[s]);
            for (int k : ks) {
                double u = g.zc(k) / L;
                double exact = series(u, FO[s]) * q * L * L / K;
                double got = g.volumeMean(shot.temperatureC(), k, k + 1) + 273.15 - T0;
                rows.add(Row.atMost(name(), String.format("|T - T_series| / final rise, z/L = %.4f, Fo = %.2f", u, FO[s]),
                        Math.abs(got - exact) / RISE, 5e-3, "rel", String.format("rise %.5f K, series %.5f K", got, exact)));
            }
        }
        return rows;
    }
}
