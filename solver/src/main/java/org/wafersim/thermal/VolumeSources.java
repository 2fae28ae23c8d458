package org.wafersim.thermal;

import java.nio.file.Path;
import org.wafersim.cases.CaseSpec;
import org.wafersim.cases.BoundarySpec.BoxSpec;
import org.wafersim.cases.SourceSpec;
import org.wafersim.errors.InputException;
import org.wafersim.grid.Grid;
import org.wafersim.power.Hdf5Table;
import org.wafersim.units.Dimension;
import org.wafersim.units.Units;

/**
 * One entry of {@code sources} on the grid, as a density per cell (W/m^3):
 * <ul>
 *   <li>a layer: the density in every cell of the layer (a total power divided by the layer's volume);</li>
 *   <li>a box: each cell gets density x (overlap volume of the cell with the box) / (cell volume), void cells none,
 *       so a total power P (density P / overlap volume of the solid) is deposited exactly on any grid;</li>
 *   <li>a layer's face: a flux q'' into the layer's cells along that face, q'' A_face / V_cell each (a total power
 *       spread uniformly over the face's area);</li>
 *   <li>a 3-D map on its own cell faces: conservative remapping, each grid cell gets the sum over the map cells of
 *       q_map x overlap volume / cell volume (first-order conservative remap, e.g. Jones, Mon. Wea. Rev. 127, 1999),
 *       so the power of the map inside the model's solid is carried over exactly; map power outside the solid is an
 *       input error.</li>
 * </ul>
 */
final class VolumeSources {
    /** Largest share of a map's power that may fall outside the model's solid (round-off of the overlaps). */
    static final double MAP_OUTSIDE_TOLERANCE = 1e-9;

    private VolumeSources() { }

    static double[] deposit(CaseSpec spec, Grid g, SourceSpec s, Hdf5Table maps) {
        if (s.map() != null) return map(spec, g, s, maps);
        if (s.face() != null) return surface(spec, g, s);
        BoxSpec box = s.box();
        int k0 = 0, k1 = g.nz;
        if (s.layer() != null) {
            int l = g.layerIndex(s.layer());
            k0 = g.layerK0(l);
            k1 = g.layerK1(l);
            box = BoxSpec.ALL;
        }
        double[] frac = new double[g.cells()];
        double solid = 0;
        for (int k = k0; k < k1; k++) {
            double fz = fraction(g.zf(k), g.zf(k + 1), box.z0(), box.z1());
            if (fz == 0) continue;
            for (int j = 0; j < g.ny; j++) {
                double fy = fraction(g.yf(j), g.yf(j + 1), box.y0(), box.y1());
                if (fy == 0) continue;
                for (int i = 0; i < g.nx; i++) {
                    int c = g.index(i, j, k);
                    if (g.isVoid(c)) continue;
                    double fx = fraction(g.xf(i), g.xf(i + 1), box.x0(), box.x1());
                    frac[c] = fx * fy * fz;
                    solid += frac[c] * g.dx(i) * g.dy(j) * g.dz(k);
                }
            }
        }
        if (!(solid > 0))
            throw new InputException(spec.source(), s.key() + ".box", "the box holds no solid of the model, which"
                    + " spans x " + span(g.xf(0), g.xf(g.nx)) + ", y " + span(g.yf(0), g.yf(g.ny)) + ", z "
                    + span(g.zf(0), g.zf(g.nz)) + " mm (z up from the board's back face)");
        double d = Double.isNaN(s.power()) ? s.density() : s.power() / solid;
        for (int c = 0; c < frac.length; c++) if (frac[c] != 0) frac[c] *= d;
        return frac;
    }

    /** The share of [a0, a1] inside [b0, b1]. */
    static double fraction(double a0, double a1, double b0, double b1) {
        if (b0 <= a0 && b1 >= a1) return 1;
        return CaseBoundaries.overlap(a0, a1, b0, b1) / (a1 - a0);
    }

    private static String span(double a, double b) {
        return CaseBoundaries.mm(a) + " .. " + CaseBoundaries.mm(b);
    }

    /** A flux (or a power over the face's area) into the layer's cells along one of its faces. */
    private static double[] surface(CaseSpec spec, Grid g, SourceSpec s) {
        int l = g.layerIndex(s.layer());
        int k0 = g.layerK0(l), k1 = g.layerK1(l);
        Face f = CaseBoundaries.face(s.face());
        double[] add = new double[g.cells()];
        double areaTotal = 0;
        for (int pass = 0; pass < 2; pass++) {
            double flux = pass == 0 ? 1 : Double.isNaN(s.power()) ? s.flux() : s.power() / areaTotal;
            for (int k = k0; k < k1; k++)
                for (int j = 0; j < g.ny; j++)
                    for (int i = 0; i < g.nx; i++) {
                        int c = g.index(i, j, k);
                        if (g.isVoid(c) || !alongFace(g, f, i, j, k, k0, k1)) continue;
                        double a = switch (f) {
                            case XMIN, XMAX -> g.dy(j) * g.dz(k);
                            case YMIN, YMAX -> g.dx(i) * g.dz(k);
                            default -> g.dx(i) * g.dy(j);
                        };
                        if (pass == 0) areaTotal += a;
                        else add[c] = flux * a / (g.dx(i) * g.dy(j) * g.dz(k));
                    }
            if (pass == 0 && !(areaTotal > 0))
                throw new InputException(spec.source(), s.key() + ".face", "layer '" + s.layer() + "' has no "
                        + s.face().key + " face on the grid");
        }
        return add;
    }

    /** Whether cell (i, j, k) of a layer spanning planes [k0, k1) lies along the layer's face f. */
    private static boolean alongFace(Grid g, Face f, int i, int j, int k, int k0, int k1) {
        return switch (f) {
            case ZMAX -> k == k1 - 1;
            case ZMIN -> k == k0;
            case XMIN -> i == 0 || g.isVoid(g.index(i - 1, j, k));
            case XMAX -> i == g.nx - 1 || g.isVoid(g.index(i + 1, j, k));
            case YMIN -> j == 0 || g.isVoid(g.index(i, j - 1, k));
            case YMAX -> j == g.ny - 1 || g.isVoid(g.index(i, j + 1, k));
        };
    }

    /** A 3-D density map remapped conservatively onto the grid. */
    private static double[] map(CaseSpec spec, Grid g, SourceSpec s, Hdf5Table reader) {
        var m = s.map();
        String key = s.key() + ".map";
        Path file = Path.of(m.file());
        Hdf5Table.Data q = read(spec, reader, file, m.dataset(), key + ".dataset");
        if (q.shape().length != 3)
            throw new InputException(spec.source(), key + ".dataset", m.dataset() + " must be 3-D [nz][ny][nx],"
                    + " has " + q.shape().length + " dimension(s)");
        double scale = unitScale(spec, q.units(), Dimension.POWER_DENSITY, key + ".dataset", m.dataset());
        int mz = q.shape()[0], my = q.shape()[1], mx = q.shape()[2];
        double[] xf = faces(spec, reader, file, m.x(), mx, key + ".x");
        double[] yf = faces(spec, reader, file, m.y(), my, key + ".y");
        double[] zf = faces(spec, reader, file, m.z(), mz, key + ".z");
        double mapTotal = 0;
        for (int kk = 0; kk < mz; kk++)
            for (int jj = 0; jj < my; jj++)
                for (int ii = 0; ii < mx; ii++) {
                    double v = q.values()[(kk * my + jj) * mx + ii];
                    if (!Double.isFinite(v))
                        throw new InputException(spec.source(), key + ".dataset", m.dataset() + " holds a non-finite"
                                + " value at [" + kk + "][" + jj + "][" + ii + "]");
                    mapTotal += Math.abs(v) * scale * (xf[ii + 1] - xf[ii]) * (yf[jj + 1] - yf[jj]) * (zf[kk + 1] - zf[kk]);
                }
        // per axis, the map cells each grid cell overlaps (both face lists increase: a merge)
        int[][] ox = Grid.overlapRanges(g.xFaces(), xf), oy = Grid.overlapRanges(g.yFaces(), yf),
                oz = Grid.overlapRanges(g.zFaces(), zf);
        double[] add = new double[g.cells()];
        double inside = 0;
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) {
                    int c = g.index(i, j, k);
                    if (g.isVoid(c)) continue;
                    double p = 0, pa = 0;
                    for (int kk = oz[k][0]; kk < oz[k][1]; kk++) {
                        double lz = CaseBoundaries.overlap(g.zf(k), g.zf(k + 1), zf[kk], zf[kk + 1]);
                        for (int jj = oy[j][0]; jj < oy[j][1]; jj++) {
                            double ly = CaseBoundaries.overlap(g.yf(j), g.yf(j + 1), yf[jj], yf[jj + 1]);
                            for (int ii = ox[i][0]; ii < ox[i][1]; ii++) {
                                double lx = CaseBoundaries.overlap(g.xf(i), g.xf(i + 1), xf[ii], xf[ii + 1]);
                                double v = q.values()[(kk * my + jj) * mx + ii] * scale * lx * ly * lz;
                                p += v;
                                pa += Math.abs(v);
                            }
                        }
                    }
                    double vol = g.dx(i) * g.dy(j) * g.dz(k);
                    add[c] = p / vol;
                    inside += pa;
                }
        double outside = mapTotal - inside;
        if (outside > MAP_OUTSIDE_TOLERANCE * mapTotal)
            throw new InputException(spec.source(), key, String.format(java.util.Locale.ROOT, "%.6g W of the map's"
                    + " %.6g W (absolute) lies outside the model's solid; crop the map to the model (it spans x %s, y %s,"
                    + " z %s mm)", outside, mapTotal, span(g.xf(0), g.xf(g.nx)), span(g.yf(0), g.yf(g.ny)),
                    span(g.zf(0), g.zf(g.nz))));
        return add;
    }

    private static Hdf5Table.Data read(CaseSpec spec, Hdf5Table reader, Path file, String ds, String key) {
        try {
            return reader.read(file, ds.startsWith("/") ? ds : "/" + ds);
        } catch (InputException e) {
            throw new InputException(spec.source(), key, e.getMessage());
        }
    }

    private static double unitScale(CaseSpec spec, String units, Dimension d, String key, String ds) {
        if (units == null || units.isBlank())
            throw new InputException(spec.source(), key, ds + " has no \"units\" attribute (expected " + d.label()
                    + ", e.g. \"" + d.example().replaceAll("^[0-9.e+-]+ ", "") + "\")");
        try {
            return Units.parse("1 " + units, d);
        } catch (InputException e) {
            throw new InputException(spec.source(), key, ds + ": units \"" + units + "\": " + e.reason());
        }
    }

    /** A map axis: n + 1 increasing face coordinates with a length unit, in metres. */
    private static double[] faces(CaseSpec spec, Hdf5Table reader, Path file, String ds, int n, String key) {
        Hdf5Table.Data d = read(spec, reader, file, ds, key);
        if (d.shape().length != 1 || d.values().length != n + 1)
            throw new InputException(spec.source(), key, ds + " must hold the map's " + (n + 1) + " cell faces along"
                    + " this axis (1-D), has shape " + java.util.Arrays.toString(d.shape()));
        double scale = unitScale(spec, d.units(), Dimension.LENGTH, key, ds);
        double[] f = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            f[i] = d.values()[i] * scale;
            if (!Double.isFinite(f[i]) || i > 0 && !(f[i] > f[i - 1]))
                throw new InputException(spec.source(), key, ds + " must increase strictly (entry " + i + ")");
        }
        return f;
    }
}
