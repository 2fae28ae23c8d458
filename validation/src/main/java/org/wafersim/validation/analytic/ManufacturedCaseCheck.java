package org.wafersim.validation.analytic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.grid.Grid;
import org.wafersim.grid.GridPlan;
import org.wafersim.io.ResultFile;
import org.wafersim.run.CaseRun;
import org.wafersim.thermal.BoundaryFaces;
import org.wafersim.thermal.ConductivityLaw;
import org.wafersim.thermal.Convection;
import org.wafersim.thermal.SteadyResult;
import org.wafersim.thermal.ThermalProblem;
import org.wafersim.validation.check.Check;
import org.wafersim.validation.check.Context;
import org.wafersim.validation.check.Row;

/**
 * The 3-D manufactured solution of the verification suite ({@link ManufacturedSolutionCheck}: the same box,
 * 2 x 1.5 x 0.8 mm, the same three layers k = 150, 1.5, 400 W/(m K), the same curvature C) written as a case file:
 * the source as a 3-D density map in HDF5 ({@code sources: map}, its own coordinates being the grid's faces, so the
 * conservative remap is the identity), fixed-temperature faces top and bottom ({@code boundaries}), adiabatic sides.
 * A case gives one temperature per face, so the flux constant F0 is chosen to make f vanish at the top as it does
 * at the bottom (both faces at T0); the solution keeps its shape (cosines in-plane, a flux linear in z through the
 * layers) and its source and interface jumps. On the case's own grids (4m x 3m x m per layer, m = 4, 8, 16, uniform
 * per layer) the errors (max and rms over the cells) equal those of the Java-built problem (the verification check's
 * construction: the source at the cell centres, Dirichlet faces h = inf at the exact temperature) to 1e-6 relative:
 * both are the same linear system (the remap onto the grid's own faces returns the centre values, the face
 * temperatures agree to round-off) solved to a relative residual of 1e-12, so their solutions differ by round-off of
 * the ~0.01 K amplitude (measured: not at all) against errors of 5e-8 K and more. The case's errors show order
 * 2 +- 0.15 as the Java check's.
 */
public final class ManufacturedCaseCheck implements Check {
    static final double[] THICKNESS = {0.4e-3, 0.1e-3, 0.3e-3}, K = {150, 1.5, 400};
    static final double C = 3e4, T0 = 320;
    static final LayeredManufacturedSolution MS = new LayeredManufacturedSolution(2e-3, 1.5e-3, T0, f0(), C,
            THICKNESS, K);

    /** F0 with f(top) = 0: sum_l (F0 t_l + C (z_top,l^2 - z_bottom,l^2)) / k_l = 0. */
    static double f0() {
        double a = 0, b = 0, z = 0;
        for (int l = 0; l < THICKNESS.length; l++) {
            double zt = z + THICKNESS[l];
            a += THICKNESS[l] / K[l];
            b += C * (zt * zt - z * z) / K[l];
            z = zt;
        }
        return -b / a;
    }

    static final String CASE = """
            name: manufactured-case
            wafer: {size: ["2 mm", "1.5 mm"], thickness: "0.4 mm", material: k150, active_layer: "%s"}
            materials:
              k150: {base: silicon, conductivity: "150 W/(m*K)"}
              k1_5: {base: silicon, conductivity: "1.5 W/(m*K)"}
              k400: {base: silicon, conductivity: "400 W/(m*K)"}
            dies: {columns: 1, rows: 1, scribe: "0 mm"}
            cores: {per_die: [4, 3], spare_fraction: 0}
            stack:
              - {name: top, material: k400, thickness: "0.3 mm"}
              - {name: mid, material: k1_5, thickness: "0.1 mm"}
              - {name: wafer}
            power: {total: "0 W"}
            cooling:
              mode: vertical
              coolant: {inlet: "25 degC", flow: "1 L/min", h: "1000 W/(m^2*K)"}
              board_back: {h: "0 W/(m^2*K)"}
              other_faces: {h: "0 W/(m^2*K)"}
            boundaries:
              - {face: bottom, type: fixed_temperature, temperature: "320 K"}
              - {face: top, type: fixed_temperature, temperature: "320 K", replace: true}
            %s
            grid:
              cells_per_core: %d
              max_growth: 2
              layers: {top: {cells: %d}, mid: {cells: %d}, wafer: {cells: %d}}
            mechanics: {spacing: "0.5 mm"}
            solver: {tolerance: 1e-12}
            """;

    @Override public String name() { return "manufactured-case"; }

    @Override public String description() {
        return "manufactured 3-D solution as a case (source map, fixed-temperature faces): errors = the Java check's, order 2";
    }

    static String text(int m, String sources) {
        return CASE.formatted((THICKNESS[0] / m) * 1e3 + " mm", sources, m, m, m, m);
    }

    /** {max, rms} error (K) of a field against the manufactured solution at the cell centres. */
    static double[] errors(Grid g, double[] t) {
        double max = 0, sum = 0;
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) {
                    double e = t[g.index(i, j, k)] - MS.temperature(g.xc(i), g.yc(j), g.zc(k));
                    max = Math.max(max, Math.abs(e));
                    sum += e * e;
                }
        return new double[]{max, Math.sqrt(sum / g.cells())};
    }

    /** {case max, case rms, Java max, Java rms} with m cells per layer. */
    static double[] compare(int m, Context ctx, Path dir) throws java.io.IOException {
        CaseSpec plain = CaseLoader.parse(text(m, ""), "yaml", "manufactured-case.yaml", List.of());
        GridPlan plan = CaseRun.plan(plain);
        double[] xf = plan.xFaces(), yf = plan.yFaces(), zf = plan.zFaces();
        int nx = xf.length - 1, ny = yf.length - 1, nz = zf.length - 1;
        double[] q = new double[nx * ny * nz];
        for (int k = 0; k < nz; k++)
            for (int j = 0; j < ny; j++)
                for (int i = 0; i < nx; i++)
                    q[(k * ny + j) * nx + i] = MS.source(0.5 * (xf[i] + xf[i + 1]), 0.5 * (yf[j] + yf[j + 1]),
                            0.5 * (zf[k] + zf[k + 1]));
        Path file = dir.resolve("source-" + m + ".h5");
        new ResultFile().dataset("/q", q, new int[]{nz, ny, nx}, "W/m^3").dataset("/x", xf, new int[]{nx + 1}, "m")
                .dataset("/y", yf, new int[]{ny + 1}, "m").dataset("/z", zf, new int[]{nz + 1}, "m")
                .writeAtomically(file, true);
        CaseSpec spec = CaseLoader.parse(text(m, "sources: [{map: {file: \"" + file + "\", dataset: q}}]"), "yaml",
                "manufactured-case.yaml", List.of());
        CaseRun.Result r = CaseRun.run(spec, ctx.threads(), msg -> { });
        Grid g = r.grid();
        double[] ec = errors(g, r.thermal().temperature());
        // the verification check's construction on the same grid
        double[] qc = new double[g.cells()];
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) qc[g.index(i, j, k)] = MS.source(g.xc(i), g.yc(j), g.zc(k));
        double ztop = g.zf(g.nz);
        BoundaryFaces bf = BoundaryFaces.scan(g, (face, i, j, k) -> switch (face) {
            case ZMIN -> new Convection(Double.POSITIVE_INFINITY, MS.temperature(g.xc(i), g.yc(j), 0), "bottom");
            case ZMAX -> new Convection(Double.POSITIVE_INFINITY, MS.temperature(g.xc(i), g.yc(j), ztop), "top");
            default -> null;
        });
        List<ConductivityLaw> laws = new ArrayList<>();
        for (String name : g.materialNames())
            laws.add(ConductivityLaw.isotropic(name.equals("k150") ? 150 : name.equals("k1_5") ? 1.5 : 400));
        SteadyResult j = Solve.steady(new ThermalProblem(g, laws, qc, bf), ctx.threads(), 1e-12, 5);
        double[] ej = errors(g, j.temperature());
        return new double[]{ec[0], ec[1], ej[0], ej[1]};
    }

    @Override public List<Row> run(Context ctx) {
        int[] ms = {4, 8, 16};
        double[][] e = new double[ms.length][];
        Path dir = null;
        try {
            dir = Files.createTempDirectory("wafersim-manufactured-");
            for (int i = 0; i < ms.length; i++) e[i] = compare(ms[i], ctx, dir);
        } catch (java.io.IOException x) {
            throw new java.io.UncheckedIOException(x);
        } finally {
            if (dir != null) {
                try (var s = Files.list(dir)) {
                    for (Path p : s.toList()) Files.deleteIfExists(p);
                    Files.deleteIfExists(dir);
                } catch (java.io.IOException ignored) {
                    // a temporary folder left behind is harmless
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        String[] norm = {"max", "rms"};
        for (int i = 0; i < ms.length; i++)
            for (int n = 0; n < 2; n++)
                rows.add(Row.atMost(name(), "|case - Java| / Java, " + norm[n] + " error, m = " + ms[i],
                        Math.abs(e[i][n] - e[i][n + 2]) / e[i][n + 2], 1e-6, "rel",
                        String.format("case %.6e K, Java %.6e K", e[i][n], e[i][n + 2])));
        for (int n = 0; n < 2; n++)
            for (int i = 1; i < ms.length; i++) {
                double p = Solve.order(e[i - 1][n], e[i][n]);
                rows.add(Row.atMost(name(), "|order - 2| of the case's " + norm[n] + " error, m = " + ms[i - 1] + " -> "
                        + ms[i], Math.abs(p - 2), 0.15, "", String.format("order %.3f", p)));
            }
        return rows;
    }
}
