package org.wafersim.plot;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wafersim.errors.InputException;
import org.wafersim.geometry.CoreArray;
import org.wafersim.io.ResultReader;
import org.wafersim.io.ResultReader.DatasetInfo;

/**
 * Draws one field of a result file (DESIGN section 7 layout) as a PNG-ready image, choosing the kind of plot from the
 * dataset's shape:
 * <ul>
 * <li>{@code [z][y][x]} cell field: a heat map of one z plane ({@link PlaneSelector}), die outlines, peak marked;</li>
 * <li>{@code [y][x]} in-plane map: the same heat map without a plane choice;</li>
 * <li>one value per core (same length as {@code /cores/x}, outside {@code /transient}): each core as a rectangle;</li>
 * <li>other 1-D data: a line plot against {@code /transient/time} when the lengths match, else against the index;
 * a group (e.g. {@code /transient/probes}) gives one line per 1-D dataset in it.</li>
 * </ul>
 * Integer fields with a {@code material_names} attribute are drawn with one colour per material.
 */
public final class ResultPlotter {
    /** The plot asked for: FIELD, the plane (layer name or z with unit, at most one), the image size, log y axis. */
    public record Request(String field, String layer, String z, int width, int height, boolean logY) { }

    private final ResultReader reader;
    private final String file;
    private final Map<String, DatasetInfo> datasets = new LinkedHashMap<>();

    private ResultPlotter(ResultReader reader, String file) {
        this.reader = reader;
        this.file = file;
        for (DatasetInfo d : reader.datasets()) datasets.put(d.path(), d);
    }

    /** Opens {@code file}, draws the requested plot and closes the file. */
    public static BufferedImage plot(Path file, Request req) {
        try (ResultReader r = ResultReader.open(file)) {
            return new ResultPlotter(r, file.toString()).draw(req);
        }
    }

    private BufferedImage draw(Request req) {
        FieldResolver.Target t = FieldResolver.resolve(req.field(), List.copyOf(datasets.values()), file);
        if (t.group()) {
            requireNoPlane(req, t.path() + " is a group of series");
            return LinePlotRenderer.render(groupLines(t.path(), req.logY()), req.width(), req.height());
        }
        DatasetInfo d = datasets.get(t.path());
        if (d.type().equals("string") || d.shape().length == 0)
            throw new InputException(file, d.path(), "is " + (d.shape().length == 0 ? "a single value" : "text")
                    + ", not an array; nothing to plot");
        int[] s = d.shape();
        if (d.path().startsWith("/mechanics/") && s.length >= 2 && datasets.containsKey("/mechanics/node_x")) {
            requireNoPlane(req, d.path() + " is a mechanics map");
            return HeatMapRenderer.render(mechanicsMap(d), req.width(), req.height());
        }
        MeshInfo mesh = MeshInfo.read(reader, datasets.keySet());
        if (s.length == 3) return HeatMapRenderer.render(cellPlane(d, mesh, req), req.width(), req.height());
        if (s.length == 2) {
            requireNoPlane(req, d.path() + " is an in-plane map");
            return HeatMapRenderer.render(inPlane(d, mesh), req.width(), req.height());
        }
        if (s.length == 1) {
            requireNoPlane(req, d.path() + " is 1-D");
            CoreArray cores = isPerCore(d) ? WaferLayout.of(reader, datasets.keySet(), file) : null;
            if (cores != null && cores.coreCount() == s[0])
                return HeatMapRenderer.render(coreMap(d, cores), req.width(), req.height());
            return LinePlotRenderer.render(lines(List.of(d), req.logY()), req.width(), req.height());
        }
        throw new InputException(file, d.path(), "has " + s.length + " dimensions; plots take 1-, 2- or 3-D data");
    }

    private void requireNoPlane(Request req, String why) {
        if (req.layer() != null) throw new InputException("--layer", null, "only applies to 3-D fields; " + why);
        if (req.z() != null) throw new InputException("--z", null, "only applies to 3-D fields; " + why);
    }

    private boolean isPerCore(DatasetInfo d) {
        DatasetInfo cx = datasets.get("/cores/x");
        return cx != null && cx.shape().length == 1 && cx.shape()[0] == d.shape()[0] && !d.path().startsWith("/transient/");
    }

    // ---- heat maps ----

    private HeatMap cellPlane(DatasetInfo d, MeshInfo mesh, Request req) {
        checkMesh(d, mesh, true);
        PlaneSelector.Plane plane = PlaneSelector.choose(mesh, req.layer(), req.z());
        double[] all = reader.read(d.path()).flat();
        int n = mesh.nx() * mesh.ny();
        double[] values = Arrays.copyOfRange(all, plane.k() * n, (plane.k() + 1) * n);
        return heatMap(d, mesh, values, plane.description());
    }

    private HeatMap inPlane(DatasetInfo d, MeshInfo mesh) {
        checkMesh(d, mesh, false);
        return heatMap(d, mesh, reader.read(d.path()).flat(), "in-plane map");
    }

    /**
     * A map of the mechanics mesh: [y][x] at element centres (faces = node lines), at nodes (faces halfway between
     * node lines) or [z][y][x] at element centres (the silicon stresses at bottom, middle, top: the largest of the
     * three is drawn).
     */
    private HeatMap mechanicsMap(DatasetInfo d) {
        if (!datasets.containsKey("/mechanics/node_x") || !datasets.containsKey("/mechanics/node_y"))
            throw new InputException(file, d.path(), "the file has no /mechanics/node_x and node_y to place it on");
        double[] nx = reader.read("/mechanics/node_x").flat(), ny = reader.read("/mechanics/node_y").flat();
        int[] s = d.shape();
        double[] v = reader.read(d.path()).flat();
        String where = "mechanics mesh";
        if (s.length == 3) {
            int plane = s[1] * s[2];
            double[] m = new double[plane];
            java.util.Arrays.fill(m, Double.NaN);
            for (int k = 0; k < s[0]; k++)
                for (int c = 0; c < plane; c++) {
                    double x = v[k * plane + c];
                    if (!Double.isNaN(x) && (Double.isNaN(m[c]) || x > m[c])) m[c] = x;
                }
            v = m;
            s = new int[]{s[1], s[2]};
            where = "largest over the " + d.shape()[0] + " heights";
        }
        double[] xf, yf;
        if (s.length == 2 && s[0] == ny.length - 1 && s[1] == nx.length - 1) {
            xf = nx;
            yf = ny;
        } else if (s.length == 2 && s[0] == ny.length && s[1] == nx.length) {
            xf = dual(nx);
            yf = dual(ny);
            where += ", at nodes";
        } else {
            throw new InputException(file, d.path(), "shape " + Arrays.toString(d.shape()) + " matches neither the "
                    + "mechanics elements nor its nodes; cannot place it");
        }
        return heatMap(d, xf, yf, v, where);
    }

    /** Faces around node values: halfway between node lines, the ends extended by half an interval. */
    private static double[] dual(double[] n) {
        double[] f = new double[n.length + 1];
        f[0] = n[0] - 0.5 * (n[1] - n[0]);
        for (int i = 1; i < n.length; i++) f[i] = 0.5 * (n[i - 1] + n[i]);
        f[n.length] = n[n.length - 1] + 0.5 * (n[n.length - 1] - n[n.length - 2]);
        return f;
    }

    private HeatMap heatMap(DatasetInfo d, MeshInfo mesh, double[] values, String where) {
        return heatMap(d, mesh.x(), mesh.y(), values, where);
    }

    private HeatMap heatMap(DatasetInfo d, double[] xFaces, double[] yFaces, double[] values, String where) {
        ColorScale scale = categories(d, values);
        GridPlane field = new GridPlane(xFaces, yFaces, values);
        if (scale == null) scale = ColorScale.Continuous.spanning(field.range(), units(d));
        CoreArray cores = WaferLayout.of(reader, datasets.keySet(), file);
        return new HeatMap(title(d, where + uniform(field)), field, scale, WaferLayout.dieOutlines(cores),
                scale instanceof ColorScale.Continuous && uniform(field).isEmpty());
    }

    private HeatMap coreMap(DatasetInfo d, CoreArray cores) {
        CorePlane field = new CorePlane(cores, reader.read(d.path()).flat());
        ColorScale scale = ColorScale.Continuous.spanning(field.range(), units(d));
        return new HeatMap(title(d, "per core (" + cores.coreCount() + " cores)" + uniform(field)), field, scale,
                WaferLayout.dieOutlines(cores), uniform(field).isEmpty());
    }

    /** ", uniform VALUE" for a field with one value everywhere (its peak means nothing then), else "". */
    private static String uniform(PlaneField f) {
        double[] r = f.range();
        return r != null && r[0] == r[1] ? ", uniform " + Ticks.value(r[0]) : "";
    }

    /** A categorical scale for integer ids with names (void id -1 becomes NaN), or null for ordinary values. */
    private ColorScale categories(DatasetInfo d, double[] values) {
        if (!d.type().startsWith("int")) return null;
        if (!(reader.attributes(d.path()).get("material_names") instanceof String[] names)) return null;
        for (int c = 0; c < values.length; c++)
            if (values[c] < 0 || values[c] >= names.length) values[c] = Double.NaN;
        return new ColorScale.Categorical(List.of(names));
    }

    private void checkMesh(DatasetInfo d, MeshInfo mesh, boolean threeD) {
        if (mesh == null) throw new InputException(file, d.path(), "the file has no /mesh/x and /mesh/y to place it on");
        int[] s = d.shape();
        int[] want = threeD ? new int[]{mesh.nz(), mesh.ny(), mesh.nx()} : new int[]{mesh.ny(), mesh.nx()};
        if (!Arrays.equals(s, want))
            throw new InputException(file, d.path(), "shape " + Arrays.toString(s) + " does not match the mesh "
                    + Arrays.toString(want) + "; cannot place it on the grid");
    }

    // ---- line plots ----

    private LinePlot groupLines(String group, boolean logY) {
        List<DatasetInfo> members = new ArrayList<>();
        for (DatasetInfo d : datasets.values())
            if (d.path().startsWith(group + "/") && d.shape().length == 1 && !d.type().equals("string")) members.add(d);
        if (members.isEmpty()) throw new InputException(file, group, "holds no 1-D series to plot");
        int n = members.get(0).shape()[0];
        for (DatasetInfo d : members)
            if (d.shape()[0] != n)
                throw new InputException(file, group, "its series differ in length (" + members.get(0).path() + ": " + n
                        + ", " + d.path() + ": " + d.shape()[0] + "); plot them one at a time");
        return lines(members, logY);
    }

    private LinePlot lines(List<DatasetInfo> series, boolean logY) {
        int n = series.get(0).shape()[0];
        DatasetInfo time = datasets.get("/transient/time");
        boolean vsTime = time != null && time.shape().length == 1 && time.shape()[0] == n;
        double[] x;
        String xLabel;
        if (vsTime) {
            x = reader.read(time.path()).flat();
            xLabel = "time (" + units(time) + ")";
        } else {
            x = new double[n];
            for (int i = 0; i < n; i++) x[i] = i;
            xLabel = "index";
        }
        List<LinePlot.Series> out = new ArrayList<>();
        for (DatasetInfo d : series) out.add(new LinePlot.Series(leaf(d.path()), reader.read(d.path()).flat()));
        String yUnits = units(series.get(0));
        boolean same = series.stream().allMatch(d -> units(d).equals(yUnits));
        String yLabel = leaf(series.size() == 1 ? series.get(0).path() : parent(series.get(0).path()));
        yLabel += same ? " (" + yUnits + ")" : " (mixed units)";
        String what = series.size() == 1 ? series.get(0).path() : parent(series.get(0).path());
        return new LinePlot(List.of(caseName() + ": " + what, vsTime ? "over time" : "by index"),
                xLabel, x, yLabel, out, logY);
    }

    // ---- labels ----

    private List<String> title(DatasetInfo d, String where) {
        String u = units(d);
        return List.of(caseName() + ": " + d.path() + (u.equals("1") ? "" : " (" + u + ")"), where);
    }

    private String caseName() {
        Object name = reader.attributes("/").get("case_name");
        return name instanceof String s ? s : Path.of(file).getFileName().toString();
    }

    private static String units(DatasetInfo d) {
        return d.units() == null ? "no units" : d.units();
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String parent(String path) {
        int i = path.lastIndexOf('/');
        return i <= 0 ? "/" : path.substring(0, i);
    }
}
