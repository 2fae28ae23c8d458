package org.wafersim.validation.analytic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wafersim.io.ResultFile;
import org.wafersim.mechanics.PlateMesh;
import org.wafersim.mechanics.PlateModel.Dof;
import org.wafersim.mechanics.PlateSolution;
import org.wafersim.run.CaseRun;
import org.wafersim.run.ResultLayout;
import org.wafersim.validation.check.Check;
import org.wafersim.validation.check.Context;
import org.wafersim.validation.check.Row;

/**
 * Symmetric edges and the file load, each through a case file. A Si/Cu bilayer, 20 mm square, under a temperature
 * field symmetric about the plate's centre lines (a Gaussian hot spot on a uniform rise plus a linear gradient through
 * the thickness), given as an HDF5 file on its own grid (K, m). The quarter model (symmetric xmin and ymin edges, its
 * own file holding the same field on the quarter) is the same discrete problem as the full model restricted by its
 * symmetry, so the two agree to the linear solver's accuracy, not only to discretisation: free (the quarter's
 * remaining rigid-body motion, w, held at one node: a pure datum) and simply supported (full: four edges; quarter:
 * xmax and ymax); and the package stack (three laminates, a sliding TIM and a bonded connector) under its own
 * steady temperature field ({@link #packageStack}). Then a previous result read back: a uniform run's result file given as {@code mechanics.load.file}
 * (its /thermal/temperature in degC on /mesh/x, y, z) reproduces that run.
 */
public final class SymmetryCheck implements Check {
    @Override public String name() { return "mech-load-symmetry"; }

    @Override public String description() {
        return "quarter model with symmetric edges vs full model (free, simply supported) under a file field; a result"
                + " file read back as the load";
    }

    /** The field (K) at (x, y, z) in m of the full model (centre 10 mm, 10 mm; stack 0 .. 1 mm). */
    static double field(double x, double y, double z) {
        double r2 = (x - 0.01) * (x - 0.01) + (y - 0.01) * (y - 0.01);
        return 298.15 + 100 + 40 * Math.exp(-r2 / (2 * 0.004 * 0.004)) + 20 * (z - 0.5e-3) / 1e-3;
    }

    /** Writes the field over x, y in [x0, x0 + size] of the full model (n cells per side, 20 in z) in the frame of
     * a model starting at x0 (its own 0). */
    static Path write(Path dir, String name, double x0, double size, int n) {
        int nz = 20;
        double[] xf = new double[n + 1], zf = new double[nz + 1];
        for (int i = 0; i <= n; i++) xf[i] = size * i / n;
        for (int k = 0; k <= nz; k++) zf[k] = 1e-3 * k / nz;
        double[] t = new double[nz * n * n];
        for (int k = 0; k < nz; k++)
            for (int j = 0; j < n; j++)
                for (int i = 0; i < n; i++)
                    t[(k * n + j) * n + i] = field(x0 + 0.5 * (xf[i] + xf[i + 1]), x0 + 0.5 * (xf[j] + xf[j + 1]),
                            0.5 * (zf[k] + zf[k + 1]));
        Path p = dir.resolve(name);
        try {
            new ResultFile().dataset("/T", t, new int[]{nz, n, n}, "K").dataset("/x", xf, new int[]{n + 1}, "m")
                    .dataset("/y", xf, new int[]{n + 1}, "m").dataset("/z", zf, new int[]{nz + 1}, "m")
                    .writeAtomically(p, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static String fileLoad(Path p) {
        return "{type: file, file: \"" + p.toAbsolutePath() + "\", dataset: /T, x: /x, y: /y, z: /z}";
    }

    @Override public List<Row> run(Context ctx) {
        List<Row> rows = new ArrayList<>();
        Path dir;
        try {
            dir = Files.createTempDirectory("wafersim-symmetry");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path full = write(dir, "full.h5", 0, 0.02, 40), quarter = write(dir, "quarter.h5", 0.01, 0.01, 20);
            String ss = "simply_supported";
            String[][] pairs = {
                    {"free", "{type: free}", "{type: edges, edges: {xmin: symmetric, ymin: symmetric}}"},
                    {"simply supported", "{type: edges, edges: {xmin: " + ss + ", xmax: " + ss + ", ymin: " + ss
                            + ", ymax: " + ss + "}}",
                            "{type: edges, edges: {xmin: symmetric, ymin: symmetric, xmax: " + ss + ", ymax: " + ss
                                    + "}}"}};
            for (String[] p : pairs) {
                CaseRun.Result f = MechanicsLoadChecks.run(MechanicsLoadChecks.caseText("full", 20, 4, 0.17, 0.34,
                        true, "1.25 mm", p[1], fileLoad(full)).replace("cells_per_core: 1", "cells_per_core: 2"), ctx);
                CaseRun.Result q = MechanicsLoadChecks.run(MechanicsLoadChecks.caseText("quarter", 10, 2, 0.17, 0.34,
                        true, "1.25 mm", p[2], fileLoad(quarter)).replace("cells_per_core: 1", "cells_per_core: 2"),
                        ctx);
                compare(rows, p[0], f, q);
            }
            packageStack(rows, dir, ctx);
            // a result file read back: the uniform run's own /thermal/temperature (degC) as the load
            CaseRun.Result u = MechanicsLoadChecks.run(MechanicsLoadChecks.caseText("uniform", 20, 4, 0.17, 0.34,
                    true, "2.5 mm", "{type: free}", MechanicsLoadChecks.UNIFORM), ctx);
            Path res = dir.resolve("uniform.h5");
            ResultLayout.of(u).writeAtomically(res, true);
            CaseRun.Result back = MechanicsLoadChecks.run(MechanicsLoadChecks.caseText("back", 20, 4, 0.17, 0.34,
                    true, "2.5 mm", "{type: free}", "{type: file, file: \"" + res.toAbsolutePath() + "\"}"), ctx);
            double[] d = diff(u, back, 0, 0);
            // the field goes through degC and back (125 + 273.15 - 273.15): a few ulp of the temperature, then two
            // direct solves, each to a relative residual ~1e-13 (measured 2e-14): round-off,
            // held to 1e-9 as the quarter-model comparison
            rows.add(Row.atMost(name(), "result file read back: max |displacement difference| / max |displacement|",
                    d[0], 1e-9, "1", "file: a uniform run's result (/thermal/temperature, degC, on /mesh/x, y, z)"));
            rows.add(Row.atMost(name(), "result file read back: max |stress difference| / max |stress|", d[1], 1e-9,
                    "1", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) Files.deleteIfExists(p);
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // a temporary directory left behind does no harm
            }
        }
        return rows;
    }

    /** The package stack: cold plate, sliding TIM, wafer, bonded connector, board, 20 mm square, 1 die. */
    static final String PACKAGE = """
            name: %s
            wafer: {size: "%s mm", thickness: "0.775 mm"}
            dies: {columns: 1, rows: 1}
            cores: {per_die: [%d, %d], spare_fraction: 0}
            stack:
              - {name: coldplate, material: copper, thickness: "3 mm"}
              - {name: tim, material: tim_grease, thickness: "50 um"}
              - {name: wafer}
              - {name: connector, material: connector_elastomer, thickness: "1 mm"}
              - {name: board, material: mainboard, thickness: "6 mm"}
            grid: {cells_per_core: 2}
            %s
            """;

    /**
     * The package stack under its own solved temperatures: a steady run (vertical cooling: fresh coolant per region,
     * uniform power; symmetric about both centre lines), its result file the full model's load, its upper-right
     * quadrant (written on the quarter's own coordinates) the quarter's. Three laminates: the symmetric edges hold each
     * of them, the cold plate on its sliding TIM needs no in-plane mount of its own in the quarter. The thermal field
     * is symmetric to its solver tolerance (1e-12 relative residual), so the models agree to about that.
     */
    private void packageStack(List<Row> rows, Path dir, Context ctx) throws IOException {
        CaseRun.Result th = MechanicsLoadChecks.run(PACKAGE.formatted("package", "20", 4, 4, """
                power: {total: "100 W", pattern: uniform}
                cooling: {mode: vertical, coolant: {inlet: "30 degC", flow: "1 L/min", h: "20000 W/(m^2*K)"}}
                solver: {tolerance: 1e-12}"""), ctx);
        Path full = dir.resolve("package.h5");
        ResultLayout.of(th).writeAtomically(full, true);
        org.wafersim.grid.Grid g = th.grid();
        double[] t = th.thermal().temperature();
        int i0 = g.nx / 2, j0 = g.ny / 2, n = g.nx - i0;
        double[] xf = new double[n + 1], zf = g.zFaces(), q = new double[g.nz * n * n];
        for (int i = 0; i <= n; i++) xf[i] = g.xf(i0 + i) - g.xf(i0);
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < n; j++)
                for (int i = 0; i < n; i++) q[(k * n + j) * n + i] = t[g.index(i0 + i, j0 + j, k)];
        // how symmetric the solved field is: its mirror images about both centre lines, against its range
        double asym = 0, lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) {
                    double v = t[g.index(i, j, k)];
                    if (!Double.isFinite(v)) continue;
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                    asym = Math.max(asym, Math.max(Math.abs(v - t[g.index(g.nx - 1 - i, j, k)]),
                            Math.abs(v - t[g.index(i, g.ny - 1 - j, k)])));
                }
        rows.add(Row.atMost(name(), "package stack: the solved field's asymmetry, max |T - T mirrored| / (T_max -"
                + " T_min)", asym / (hi - lo), 1e-10, "1", String.format(Locale.ROOT, "range %.4g K; solver.tolerance"
                + " 1e-12", hi - lo)));
        Path quarter = dir.resolve("package-quarter.h5");
        new ResultFile().dataset("/T", q, new int[]{g.nz, n, n}, "K").dataset("/x", xf, new int[]{n + 1}, "m")
                .dataset("/y", xf, new int[]{n + 1}, "m").dataset("/z", zf, new int[]{g.nz + 1}, "m")
                .writeAtomically(quarter, true);
        String mech = "analysis: {thermal: none, mechanics: true}\nmechanics: {layers: {tim: sliding}, spacing: \"1.25 mm\","
                + " support: %s, load: %s}";
        CaseRun.Result f = MechanicsLoadChecks.run(PACKAGE.formatted("package-full", "20", 4, 4, mech.formatted(
                "{type: free}", "{type: file, file: \"" + full.toAbsolutePath() + "\"}")), ctx);
        CaseRun.Result r = MechanicsLoadChecks.run(PACKAGE.formatted("package-quarter", "10", 2, 2, mech.formatted(
                "{type: edges, edges: {xmin: symmetric, ymin: symmetric}}", fileLoad(quarter))), ctx);
        compare(rows, "package stack (3 laminates) under its steady field", f, r);
    }

    private void compare(List<Row> rows, String what, CaseRun.Result full, CaseRun.Result quarter) {
        PlateMesh fm = MechanicsLoadChecks.state(full).solution().model().mesh();
        PlateMesh qm = MechanicsLoadChecks.state(quarter).solution().model().mesh();
        int oi = fm.nx - qm.nx, oj = fm.ny - qm.ny;
        double[] d = diff(full, quarter, oi, oj);
        // the same discrete equations (the full model's solution is symmetric, and its kinematic fixes hold only
        // what symmetry implies); both solved directly to a relative residual ~1e-13: agreement to ~1e-12 expected
        // (the package's solved field is itself symmetric only to ~1e-13 of its range: ~1e-11 there), held to 1e-9
        rows.add(Row.atMost(name(), what + ": quarter vs full, max |displacement, slope difference| / max",
                d[0], 1e-9, "1", String.format(Locale.ROOT, "full %d x %d, quarter %d x %d elements; w to the quarter's"
                        + " corner (the full model's centre)", fm.nx, fm.ny, qm.nx, qm.ny)));
        rows.add(Row.atMost(name(), what + ": quarter vs full, max |stress difference| / max |stress| (every plate layer)",
                d[1], 1e-9, "1", String.format(Locale.ROOT, "max stress %.4g MPa", d[2] / 1e6)));
    }

    /**
     * {max relative difference of displacements and slopes by group (w relative to node (0, 0) of b / (oi, oj) of a), of the
     * stresses of every plate layer, max stress}; b's node (i, j) is a's (i + oi, j + oj).
     */
    static double[] diff(CaseRun.Result a, CaseRun.Result b, int oi, int oj) {
        PlateSolution sa = MechanicsLoadChecks.state(a).solution(), sb = MechanicsLoadChecks.state(b).solution();
        PlateMesh ma = sa.model().mesh(), mb = sb.model().mesh();
        // four groups of one unit each, each relative to its own largest value: in-plane (u, v), w, the slopes
        // (w_x, w_y) and the twist w_xy (a group's largest value, not each dof's: w_y of a field that varies along x
        // only is zero up to round-off; the twist's scale below)
        double[] dmax = new double[4], vmax = new double[4];
        int laminates = sa.model().laminates().size();
        for (int lam = 0; lam < laminates; lam++) {
        // w relative to the first laminate's at the common corner: one datum for the whole stack
        double wa0 = sa.displacement(0, ma.node(oi, oj), Dof.W), wb0 = sb.displacement(0, mb.node(0, 0), Dof.W);
        for (int j = 0; j <= mb.ny; j++)
            for (int i = 0; i <= mb.nx; i++)
                for (Dof d : Dof.values()) {
                    double va = sa.displacement(lam, ma.node(i + oi, j + oj), d) - (d == Dof.W ? wa0 : 0);
                    double vb = sb.displacement(lam, mb.node(i, j), d) - (d == Dof.W ? wb0 : 0);
                    int g = d == Dof.U || d == Dof.V ? 0 : d == Dof.W ? 1 : d == Dof.WXY ? 3 : 2;
                    dmax[g] = Math.max(dmax[g], Math.abs(va - vb));
                    vmax[g] = Math.max(vmax[g], Math.abs(va));
                }
        }
        // the twist is a derivative of the slopes: its scale is the largest slope over the quarter's side (its own
        // largest value can be orders smaller, e.g. zero for a uniform curvature)
        vmax[3] = Math.max(vmax[3], vmax[2] / (mb.x(mb.nx) - mb.x(0)));
        double disp = 0;
        for (int k = 0; k < dmax.length; k++) if (vmax[k] > 0) disp = Math.max(disp, dmax[k] / vmax[k]);
        double ds = 0, smax = 0;
        List<Integer> plates = new ArrayList<>();
        for (var lam : sa.model().laminates()) for (int l : lam.layers()) plates.add(l);
        for (int l : plates)
            for (int j = 0; j < mb.ny; j++)
                for (int i = 0; i < mb.nx; i++)
                    for (double f : new double[]{0, 0.5, 1}) {
                        PlateSolution.Stress x = sa.layerStress(l, i + oi, j + oj, f), y = sb.layerStress(l, i, j, f);
                        ds = Math.max(ds, Math.max(Math.abs(x.xx() - y.xx()), Math.max(Math.abs(x.yy() - y.yy()),
                                Math.abs(x.xy() - y.xy()))));
                        smax = Math.max(smax, Math.max(Math.abs(x.xx()), Math.abs(x.yy())));
                    }
        return new double[]{disp, ds / smax, smax};
    }
}
