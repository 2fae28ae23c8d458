package org.wafersim.run;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.wafersim.cases.CaseSpec;
import org.wafersim.cases.LoadSpec;
import org.wafersim.errors.InputException;
import org.wafersim.grid.Grid;
import org.wafersim.io.ResultReader;
import org.wafersim.units.Dimension;
import org.wafersim.units.Units;

/**
 * The temperature field of a prescribed mechanics load ({@code mechanics.load}, with {@code analysis.thermal: none}),
 * on the run's grid, in K (void cells NaN):
 * <ul>
 *   <li>uniform: every solid cell at the given temperature;</li>
 *   <li>file: a 3-D dataset [nz][ny][nx] of cell temperatures (units attribute K or degC) on its own cell faces
 *       (three 1-D datasets with a length unit; z up from the board's back face, like the model's), averaged onto
 *       each grid cell with the overlap volumes as weights (a first-order conservative remap: the volume integral of
 *       T, hence of a CTE linear in T the thermal strain, is carried over). A wafersim result file is read as it is:
 *       its /thermal/temperature on /mesh/x, y, z; its void cells (NaN) carry no weight. Every solid cell of the
 *       grid must be covered by finite values to 1e-6 of its volume: a field that does not reach the model is an
 *       input error, never extrapolated.</li>
 * </ul>
 */
public final class PrescribedTemperature {
    /** Largest share of a solid cell's volume that may lack a finite value of the file's field (overlap round-off). */
    static final double COVERAGE_TOLERANCE = 1e-6;

    private PrescribedTemperature() { }

    /** The field in K over the grid (flat [z][y][x], void cells NaN). */
    public static double[] field(CaseSpec spec, Grid g) {
        LoadSpec load = spec.mechanics().load();
        double[] t = new double[g.cells()];
        if (load.type() == LoadSpec.Type.UNIFORM) {
            for (int c = 0; c < t.length; c++) t[c] = g.isVoid(c) ? Double.NaN : load.temperatureK();
            return t;
        }
        if (load.type() != LoadSpec.Type.FILE) throw new IllegalStateException("not a prescribed load");
        String key = "mechanics.load";
        Path file = Path.of(load.file());
        try (ResultReader r = open(spec, file, key + ".file")) {
            ResultReader.Data d = read(spec, r, load.dataset(), key + ".dataset");
            if (d.shape().length != 3) {
                throw new InputException(spec.source(), key + ".dataset", load.dataset() + " must be 3-D [nz][ny][nx]"
                        + " cell temperatures, has shape " + Arrays.toString(d.shape()));
            }
            double[] kt = kelvin(spec, r, load.dataset(), key + ".dataset");
            int mz = d.shape()[0], my = d.shape()[1], mx = d.shape()[2];
            double[] xf = faces(spec, r, load.x(), mx, key + ".x"), yf = faces(spec, r, load.y(), my, key + ".y");
            double[] zf = faces(spec, r, load.z(), mz, key + ".z");
            double[] v = d.flat();
            for (int c = 0; c < v.length; c++) {
                double k = kt[0] + kt[1] * v[c];
                if (Double.isFinite(v[c]) && !(k > 0)) {
                    throw new InputException(spec.source(), key + ".dataset", String.format(Locale.ROOT, "%s holds"
                            + " %.6g %s at flat index %d, at or below absolute zero", load.dataset(), v[c], kt[2] == 0
                            ? "K" : "degC", c));
                }
                v[c] = k;
            }
            remap(spec, g, v, mx, my, xf, yf, zf, t, key + ".file", load.file());
            return t;
        }
    }

    private static ResultReader open(CaseSpec spec, Path file, String key) {
        try {
            return ResultReader.open(file);
        } catch (InputException e) {
            throw new InputException(spec.source(), key, file + ": " + e.reason());
        }
    }

    /** {offset, scale, isKelvin ? 0 : 1}: T[K] = offset + scale x value, from the dataset's units attribute. */
    private static double[] kelvin(CaseSpec spec, ResultReader r, String ds, String key) {
        Object u = r.attributes(ds).get("units");
        String units = u == null ? null : u.toString().trim();
        if (units == null || units.isEmpty()) {
            throw new InputException(spec.source(), key, ds + " has no \"units\" attribute (K or degC expected: a"
                    + " temperature's zero must be known)");
        }
        try {
            double zero = Units.parse("0 " + units, Dimension.TEMPERATURE);
            double one = Units.parse("1 " + units, Dimension.TEMPERATURE);
            return new double[]{zero, one - zero, zero == 0 ? 0 : 1};
        } catch (InputException e) {
            throw new InputException(spec.source(), key, ds + ": units \"" + units + "\" is not a temperature (K or"
                    + " degC): " + e.reason());
        }
    }

    private static ResultReader.Data read(CaseSpec spec, ResultReader r, String ds, String key) {
        try {
            return r.read(ds.startsWith("/") ? ds : "/" + ds);
        } catch (InputException e) {
            throw new InputException(spec.source(), key, ds + ": " + e.reason());
        }
    }

    /** An axis: n + 1 increasing face coordinates with a length unit, in m. */
    private static double[] faces(CaseSpec spec, ResultReader r, String ds, int n, String key) {
        ResultReader.Data d = read(spec, r, ds, key);
        if (d.shape().length != 1 || d.flat().length != n + 1) {
            throw new InputException(spec.source(), key, ds + " must hold the field's " + (n + 1) + " cell faces along"
                    + " this axis (1-D), has shape " + Arrays.toString(d.shape()));
        }
        Object u = r.attributes(ds.startsWith("/") ? ds : "/" + ds).get("units");
        if (u == null) throw new InputException(spec.source(), key, ds + " has no \"units\" attribute (a length, e.g. m)");
        double scale;
        try {
            scale = Units.parse("1 " + u, Dimension.LENGTH);
        } catch (InputException e) {
            throw new InputException(spec.source(), key, ds + ": units \"" + u + "\": " + e.reason());
        }
        double[] f = d.flat().clone();
        for (int i = 0; i < f.length; i++) {
            f[i] *= scale;
            if (!Double.isFinite(f[i]) || (i > 0 && !(f[i] > f[i - 1]))) {
                throw new InputException(spec.source(), key, ds + " must increase strictly (entry " + i + ")");
            }
        }
        return f;
    }

    /** The volume-weighted mean of the finite file values over each solid grid cell. */
    private static void remap(CaseSpec spec, Grid g, double[] v, int mx, int my, double[] xf, double[] yf, double[] zf,
                              double[] out, String key, String file) {
        int[][] ox = Grid.overlapRanges(g.xFaces(), xf), oy = Grid.overlapRanges(g.yFaces(), yf),
                oz = Grid.overlapRanges(g.zFaces(), zf);
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) {
                    int c = g.index(i, j, k);
                    if (g.isVoid(c)) {
                        out[c] = Double.NaN;
                        continue;
                    }
                    double sum = 0, w = 0;
                    for (int kk = oz[k][0]; kk < oz[k][1]; kk++) {
                        double lz = overlap(g.zf(k), g.zf(k + 1), zf[kk], zf[kk + 1]);
                        for (int jj = oy[j][0]; jj < oy[j][1]; jj++) {
                            double ly = overlap(g.yf(j), g.yf(j + 1), yf[jj], yf[jj + 1]);
                            for (int ii = ox[i][0]; ii < ox[i][1]; ii++) {
                                double val = v[(kk * my + jj) * mx + ii];
                                if (!Double.isFinite(val)) continue;
                                double vol = overlap(g.xf(i), g.xf(i + 1), xf[ii], xf[ii + 1]) * ly * lz;
                                sum += val * vol;
                                w += vol;
                            }
                        }
                    }
                    double vol = g.dx(i) * g.dy(j) * g.dz(k);
                    if (!(w >= (1 - COVERAGE_TOLERANCE) * vol)) {
                        throw new InputException(spec.source(), key, String.format(Locale.ROOT, "the temperature field"
                                + " of %s covers only %.3g %% of the model's cell at (%.4g, %.4g, %.4g) mm (layer '%s')"
                                + " with finite values; the field must cover every solid cell of the model (x %.4g .. %.4g,"
                                + " y %.4g .. %.4g, z %.4g .. %.4g mm)", file, 100 * w / vol, 1e3 * g.xc(i), 1e3 * g.yc(j),
                                1e3 * g.zc(k), g.layerNames().get(layerOf(g, k)), 1e3 * g.xf(0), 1e3 * g.xf(g.nx),
                                1e3 * g.yf(0), 1e3 * g.yf(g.ny), 1e3 * g.zf(0), 1e3 * g.zf(g.nz)));
                    }
                    out[c] = sum / w;
                }
    }

    private static int layerOf(Grid g, int k) {
        for (int l = 0; l < g.layerCount(); l++) if (k >= g.layerK0(l) && k < g.layerK1(l)) return l;
        return 0;
    }

    private static double overlap(double a0, double a1, double b0, double b1) {
        return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
    }
}
