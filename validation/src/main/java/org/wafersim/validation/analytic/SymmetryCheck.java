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
 * xmax and ymax). Then a previous result read back: a uniform run's result file given as {@code mechanics.load.file}
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
            // a result file read back: the uniform run's own /thermal/temperature (degC) as the load
            CaseRun.Result u = MechanicsLoadChecks.run(MechanicsLoadChecks.caseText("uniform", 20, 4, 0.17, 0.34,
                    true, "2.5 mm", "{type: free}", MechanicsLoadChecks.UNIFORM), ctx);
            Path res = dir.resolve("uniform.h5");
            ResultLayout.of(u).writeAtomically(res, true);
            CaseRun.Result back = MechanicsLoadChecks.run(MechanicsLoadChecks.caseText("back", 20, 4, 0.17, 0.34,
                    true, "2.5 mm", "{type: free}", "{type: file, file: \"" + res.toAbsolutePath() + "\"}"), ctx);
            double[] d = diff(u, back, 0, 0);
            // the field goes through degC and back (125 + 273.15 - 273.15): a few ulp of the temperature, then two
            // direct solves, each to a relative residual ~1e-13 (measured 1.1e-12 in the displacements): round-off,
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

    private void compare(List<Row> rows, String what, CaseRun.Result full, CaseRun.Result quarter) {
        PlateMesh fm = MechanicsLoadChecks.state(full).solution().model().mesh();
        PlateMesh qm = MechanicsLoadChecks.state(quarter).solution().model().mesh();
        int oi = fm.nx - qm.nx, oj = fm.ny - qm.ny;
        double[] d = diff(full, quarter, oi, oj);
        // the same discrete equations (the full model's solution is symmetric, and its kinematic fixes hold only
        // what symmetry implies); both solved directly to a relative residual ~1e-13: agreement to ~1e-12 expected,
        // held to 1e-9
        rows.add(Row.atMost(name(), what + ": quarter vs full, max |displacement, slope difference| / max",
                d[0], 1e-9, "1", String.format(Locale.ROOT, "full %d x %d, quarter %d x %d elements; w to the quarter's"
                        + " corner (the full model's centre)", fm.nx, fm.ny, qm.nx, qm.ny)));
        rows.add(Row.atMost(name(), what + ": quarter vs full, max |stress difference| / max |stress| (both layers)",
                d[1], 1e-9, "1", String.format(Locale.ROOT, "max stress %.4g MPa", d[2] / 1e6)));
    }

    /**
     * {max relative difference of displacements and slopes by group (w relative to node (0, 0) of b / (oi, oj) of a), of the
     * stresses of every plate layer, max stress}; b's node (i, j) is a's (i + oi, j + oj).
     */
    static double[] diff(CaseRun.Result a, CaseRun.Result b, int oi, int oj) {
        PlateSolution sa = MechanicsLoadChecks.state(a).solution(), sb = MechanicsLoadChecks.state(b).solution();
        PlateMesh ma = sa.model().mesh(), mb = sb.model().mesh();
        double wa0 = sa.displacement(0, ma.node(oi, oj), Dof.W), wb0 = sb.displacement(0, mb.node(0, 0), Dof.W);
        // three groups, each relative to its own largest value: in-plane (u, v), w, slopes and twist (a group's
        // largest value, not each dof's: the twist of a uniform curvature is zero up to round-off)
        double[] dmax = new double[3], vmax = new double[3];
        for (int j = 0; j <= mb.ny; j++)
            for (int i = 0; i <= mb.nx; i++)
                for (Dof d : Dof.values()) {
                    double va = sa.displacement(0, ma.node(i + oi, j + oj), d) - (d == Dof.W ? wa0 : 0);
                    double vb = sb.displacement(0, mb.node(i, j), d) - (d == Dof.W ? wb0 : 0);
                    int g = d == Dof.U || d == Dof.V ? 0 : d == Dof.W ? 1 : 2;
                    dmax[g] = Math.max(dmax[g], Math.abs(va - vb));
                    vmax[g] = Math.max(vmax[g], Math.abs(va));
                }
        double disp = 0;
        for (int k = 0; k < dmax.length; k++) if (vmax[k] > 0) disp = Math.max(disp, dmax[k] / vmax[k]);
        double ds = 0, smax = 0;
        for (int l = 0; l < a.grid().layerCount(); l++)
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
