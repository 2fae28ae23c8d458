package org.wafersim.plot;

import static org.wafersim.io.ResultSchema.*;

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
    public record Request(String field, String layer, String z, int width, int height, boolean logY, Style style) {
        public Request(String field, String layer, String z, int width, int height, boolean logY) {
            this(field, layer, z, width, height, logY, Style.DEFAULT);
        }
    }

    /**
     * How to draw it (all optional):
     *
     * @param units     display unit of the field ({@code --units}), null for the engineering default ({@link DisplayUnit})
     * @param range     {lo, hi} of the colour scale or y axis in display units ({@code --range LO:HI}), null = the data
     * @param symmetric colour scale -max|v| .. +max|v| on the diverging map ({@code --symmetric})
     * @param logX      logarithmic time axis ({@code --log-x})
     * @param time      {from, to} in s ({@code --time FROM:TO}, NaN = open); for a map of a time series,
     *                  {t, t} picks the step nearest t (default: the last)
     * @param state     mechanics state ({@code --state NAME}), null = the first (full load)
     * @param index     the slice of a leading dimension that is not space (e.g. the cycle of
     *                  {@code connector_strain_range}, the height of a silicon stress), null = the default
     * @param lines     per-die series as one line per die instead of a die map
     */
    public record Style(String units, double[] range, boolean symmetric, boolean logX, double[] time, String state,
                        Integer index, boolean lines) {
        public static final Style DEFAULT = new Style(null, null, false, false, null, null, null, false);
    }

    /** The image and what the user should be told about it (how a short name was resolved). */
    public record Rendered(BufferedImage image, List<String> notes) { }

    private final ResultReader reader;
    private final String file;
    private final Map<String, DatasetInfo> datasets = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private Style style = Style.DEFAULT;
    private boolean logColours;   // --log on a map: a log colour scale

    private ResultPlotter(ResultReader reader, String file) {
        this.reader = reader;
        this.file = file;
        for (DatasetInfo d : reader.datasets()) datasets.put(d.path(), d);
    }

    /** Opens {@code file}, draws the requested plot and closes the file. */
    public static BufferedImage plot(Path file, Request req) {
        return render(file, req).image();
    }

    /** As {@link #plot}, with the notes to print (e.g. which state a short name stands for). */
    public static Rendered render(Path file, Request req) {
        try (ResultReader r = ResultReader.open(file)) {
            ResultPlotter p = new ResultPlotter(r, file.toString());
            p.style = req.style() == null ? Style.DEFAULT : req.style();
            p.logColours = req.logY();
            BufferedImage img = p.draw(req);
            return new Rendered(img, List.copyOf(p.notes));
        }
    }

    private String firstState() {
        if (!datasets.containsKey(MECHANICS_NODE_X.path())) return null;
        return reader.attributes(MECHANICS.path()).get("states") instanceof String[] st && st.length > 0 ? st[0] : null;
    }

    private BufferedImage draw(Request req) {
        if (req.field() != null) {
            // a field the run's output options left out: say so rather than plot a namesake (cores/temperature)
            String f = req.field().strip();
            String path = FieldResolver.ALIASES.getOrDefault(f, f.startsWith("/") ? f : "/" + f);
            String why = reader.omittedReason(path);
            if (why != null) throw new InputException(file, req.field(), why);
        }
        FieldResolver.Target t = FieldResolver.resolve(req.field(), List.copyOf(datasets.values()), file,
                style.state(), firstState());
        if (t.note() != null) notes.add(t.note());
        if (t.group()) {
            requireNoPlane(req, t.path() + " is a group of series");
            return LinePlotRenderer.render(groupLines(t.path(), req.logY()), req.width(), req.height());
        }
        DatasetInfo d = datasets.get(t.path());
        if (d.type().equals("string") || d.shape().length == 0)
            throw new InputException(file, d.path(), "is " + (d.shape().length == 0 ? "a single value" : "text")
                    + ", not an array; nothing to plot");
        int[] s = d.shape();
        MeshInfo mesh = MeshInfo.read(reader, datasets.keySet());
        if (d.path().startsWith(MECHANICS_CORNER.prefix()) && s.length >= 2) {
            requireNoPlane(req, d.path() + " is a corner-box map (--index picks a slice)");
            return HeatMapRenderer.render(cornerMap(d), req.width(), req.height());
        }
        boolean onThermalMesh = mesh != null && (Arrays.equals(s, new int[]{mesh.nz(), mesh.ny(), mesh.nx()})
                || Arrays.equals(s, new int[]{mesh.ny(), mesh.nx()}));
        if (!onThermalMesh && s.length >= 2 && onMechanicsMesh(s)) {
            requireNoPlane(req, d.path() + " is a mechanics map");
            return HeatMapRenderer.render(mechanicsMap(d), req.width(), req.height());
        }
        CoreArray layout = WaferLayout.of(reader, datasets.keySet(), file);
        if (s.length == 2 && !onThermalMesh && layout != null && s[1] == layout.dieCount()) {
            requireNoPlane(req, d.path() + " is a per-die series");
            return perDieSeries(d, layout, req);
        }
        if (s.length == 3) return HeatMapRenderer.render(cellPlane(d, mesh, req), req.width(), req.height());
        if (s.length == 2) {
            requireNoPlane(req, d.path() + " is an in-plane map");
            return HeatMapRenderer.render(inPlane(d, mesh), req.width(), req.height());
        }
        if (s.length == 1) {
            requireNoPlane(req, d.path() + " is 1-D");
            if (layout != null && isPerCore(d) && layout.coreCount() == s[0])
                return HeatMapRenderer.render(coreMap(d, layout), req.width(), req.height());
            if (layout != null && !d.path().startsWith(TRANSIENT.prefix()) && timeAxisOf(d) == null
                    && layout.dieCount() == s[0] && layout.dieCount() > 1)
                return HeatMapRenderer.render(dieMap(d, reader.read(d.path()).flat(), layout, null), req.width(), req.height());
            return LinePlotRenderer.render(lines(List.of(d), req.logY()), req.width(), req.height());
        }
        throw new InputException(file, d.path(), "has " + s.length + " dimensions; plots take 1-, 2- or 3-D data");
    }

    /** Whether the trailing [y][x] of a shape is the mechanics mesh (elements or nodes). */
    private boolean onMechanicsMesh(int[] s) {
        if (!datasets.containsKey(MECHANICS_NODE_X.path()) || !datasets.containsKey(MECHANICS_NODE_Y.path())) return false;
        int nx = datasets.get(MECHANICS_NODE_X.path()).shape()[0], ny = datasets.get(MECHANICS_NODE_Y.path()).shape()[0];
        int sy = s[s.length - 2], sx = s[s.length - 1];
        return (sy == ny - 1 && sx == nx - 1) || (sy == ny && sx == nx);
    }

    private void requireNoPlane(Request req, String why) {
        if (req.layer() != null) throw new InputException("--layer", null, "only applies to 3-D fields; " + why);
        if (req.z() != null) throw new InputException("--z", null, "only applies to 3-D fields; " + why);
    }

    private boolean isPerCore(DatasetInfo d) {
        DatasetInfo cx = datasets.get(CORES_X.path());
        return cx != null && cx.shape().length == 1 && cx.shape()[0] == d.shape()[0] && !d.path().startsWith(TRANSIENT.prefix());
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
     * node lines), or [n][y][x] with a leading dimension that is not space: the silicon stresses at bottom, middle,
     * top of the wafer (the largest of the three is drawn, or for a signed component the one of largest magnitude),
     * the connector strain range per cycle (the largest); {@code --index} picks one.
     */
    private HeatMap mechanicsMap(DatasetInfo d) {
        double[] nx = reader.read(MECHANICS_NODE_X.path()).flat(), ny = reader.read(MECHANICS_NODE_Y.path()).flat();
        int[] s = d.shape();
        double[] v = reader.read(d.path()).flat();
        String where = d.path().startsWith(MECHANICS.prefix()) ? "mechanics mesh" : "on the mechanics mesh";
        if (s.length == 4 && d.path().endsWith("/" + MECHANICS_DISPLACEMENT.leaf())) {   // [laminate][u, v, w][y][x]: w of the wafer laminate
            int plane = s[2] * s[3], lam = style.index() == null ? 0 : style.index();
            if (lam < 0 || lam >= s[0]) throw new InputException("--index", null, "laminate index " + lam + " outside 0.." + (s[0] - 1));
            v = Arrays.copyOfRange(v, (lam * 3 + 2) * plane, (lam * 3 + 3) * plane);
            s = new int[]{s[2], s[3]};
            where += ", w of laminate " + lam;
        } else if (s.length == 3) {
            int plane = s[1] * s[2];
            boolean signed = signed(d.path());
            if (style.index() != null) {
                int k = style.index();
                if (k < 0 || k >= s[0]) throw new InputException("--index", null, k + " is outside 0.." + (s[0] - 1)
                        + " for " + d.path() + " " + Arrays.toString(d.shape()));
                v = Arrays.copyOfRange(v, k * plane, (k + 1) * plane);
                where += ", index " + k + " of " + s[0] + sliceName(d, k);
            } else {
                double[] m = new double[plane];
                Arrays.fill(m, Double.NaN);
                for (int k = 0; k < s[0]; k++)
                    for (int c = 0; c < plane; c++) {
                        double x = v[k * plane + c];
                        if (Double.isNaN(x)) continue;
                        boolean better = Double.isNaN(m[c]) || (signed ? Math.abs(x) > Math.abs(m[c]) : x > m[c]);
                        if (better) m[c] = x;
                    }
                v = m;
                where += (signed ? ", largest magnitude over the " : ", largest over the ") + s[0]
                        + (d.path().contains("stress") ? " heights" : " entries") + " (--index picks one)";
            }
            s = new int[]{s[1], s[2]};
        } else if (s.length != 2) {
            throw new InputException(file, d.path(), "has " + s.length + " dimensions; cannot draw it as a map");
        }
        double[] xf, yf;
        if (s[0] == ny.length - 1 && s[1] == nx.length - 1) {
            xf = nx;
            yf = ny;
        } else if (s[0] == ny.length && s[1] == nx.length) {
            xf = CornerSlice.dual(nx);
            yf = CornerSlice.dual(ny);
            where += ", at nodes";
        } else {
            throw new InputException(file, d.path(), "shape " + Arrays.toString(d.shape()) + " matches neither the "
                    + "mechanics elements nor its nodes; cannot place it");
        }
        return heatMap(d, xf, yf, v, where);
    }

    /**
     * A map of the 3-D corner box seen from above: [y][x] as it is; the connector rows [3][y][x] at the mid-plane
     * (index 1; {@code --index} 0 bottom, 2 top); element fields [z][y][x] the largest over the height (of magnitude
     * for a signed one) or the element row {@code --index}; the stress tensor [6][z][y][x] component {@code --index}
     * (default 0, xx) the largest magnitude over the height; the displacement [3][z][y][x] at nodes, w (index 2) at
     * the top node row.
     */
    private HeatMap cornerMap(DatasetInfo d) {
        CornerSlice c = CornerSlice.of(d.path(), d.shape(), reader.read(d.path()).flat(),
                reader.read(MECHANICS_CORNER_NODE_X.path()).flat(), reader.read(MECHANICS_CORNER_NODE_Y.path()).flat(),
                style.index(), file);
        return heatMap(d, c.xFaces(), c.yFaces(), c.values(), c.where());
    }

    /** " (bottom)" etc. for the silicon heights, "" otherwise. */
    private static String sliceName(DatasetInfo d, int k) {
        if (d.path().contains("stress") || d.path().endsWith("von_mises")) {
            String[] h = {" (bottom of the wafer)", " (middle)", " (top)"};
            return d.shape()[0] == 3 ? h[k] : "";
        }
        return "";
    }

    /** Quantities whose sign matters: drawn on the diverging map centred on zero. */
    static boolean signed(String path) {
        String leaf = path.substring(path.lastIndexOf('/') + 1);
        return leaf.startsWith("warpage") || leaf.equals(MECHANICS_DISPLACEMENT.leaf()) || path.contains("/" + MECHANICS_SLIP_GROUP.leaf() + "/")
                || leaf.equals("stress_xx") || leaf.equals("stress_yy") || leaf.equals("stress_xy")
                || leaf.equals("max_principal_stress") || leaf.endsWith("_xz") || leaf.endsWith("_yz");
    }

    private HeatMap heatMap(DatasetInfo d, MeshInfo mesh, double[] values, String where) {
        return heatMap(d, mesh.x(), mesh.y(), values, where);
    }

    private HeatMap heatMap(DatasetInfo d, double[] xFaces, double[] yFaces, double[] values, String where) {
        ColorScale scale = categories(d, values);
        DisplayUnit u = scale == null ? display(d) : DisplayUnit.identity("1");
        double[] shown = scale == null ? u.apply(values) : values;
        GridPlane field = new GridPlane(xFaces, yFaces, shown);
        CoreArray cores = WaferLayout.of(reader, datasets.keySet(), file);
        return finish(d, field, scale, u, where, WaferLayout.dieOutlines(cores));
    }

    private HeatMap coreMap(DatasetInfo d, CoreArray cores) {
        DisplayUnit u = display(d);
        CorePlane field = new CorePlane(cores, u.apply(reader.read(d.path()).flat()));
        return finish(d, field, null, u, "per core (" + cores.coreCount() + " cores)", WaferLayout.dieOutlines(cores));
    }

    private HeatMap dieMap(DatasetInfo d, double[] values, CoreArray cores, String when) {
        DisplayUnit u = display(d);
        DiePlane field = new DiePlane(cores, u.apply(values));
        return finish(d, field, null, u, "per die (" + cores.dieCount() + " dies)" + (when == null ? "" : ", " + when),
                WaferLayout.dieOutlines(cores));
    }

    /**
     * The colour scale (the data's range, or --range, or symmetric about zero on the diverging map for a signed
     * field or --symmetric), the title lines (quantity and unit, state or time, where, peak-to-valley for warpage)
     * and the markers (the highest value; for a signed field also the lowest).
     */
    private HeatMap finish(DatasetInfo d, PlaneField field, ColorScale categorical, DisplayUnit u, String where,
                           List<double[]> outlines) {
        List<String> title = new ArrayList<>(title(d, u, where + uniform(field)));
        if (categorical != null) return new HeatMap(title, field, categorical, outlines, false, false);
        double[] r = field.range();
        String leafName = leaf(d.path());
        boolean alwaysCentred = leafName.startsWith("warpage") || leafName.equals(MECHANICS_DISPLACEMENT.leaf()) || d.path().contains("/" + MECHANICS_SLIP_GROUP.leaf() + "/");
        boolean spansZero = r != null && r[0] < 0 && r[1] > 0;
        boolean signed = style.symmetric() || (r != null && (alwaysCentred || (signed(d.path()) && spansZero)
                || (spansZero && Math.min(-r[0], r[1]) > 0.05 * Math.max(-r[0], r[1]))));
        // lifetimes and cycle counts span decades and the shortest is the one that matters: log scale, minimum marked
        boolean lifetime = leafName.contains("life") || leafName.contains("cycles_to_failure") || leafName.contains("mttf");
        boolean log = (lifetime || logColours) && r != null && r[0] > 0 && !signed;
        ColorScale.Continuous scale;
        if (log && style.range() == null) {
            scale = new ColorScale.Continuous(r[0], r[1], u.label() + ", log scale", ColorMap.INFERNO_MAP, true);
        } else if (style.range() != null) {
            scale = new ColorScale.Continuous(style.range()[0], style.range()[1], u.label(),
                    signed && style.range()[0] < 0 && style.range()[1] > 0 ? ColorMap.DIVERGING_MAP : ColorMap.INFERNO_MAP);
        } else if (signed && r != null) {
            double m = Math.max(Math.abs(r[0]), Math.abs(r[1]));
            scale = new ColorScale.Continuous(-m, m, u.label(), ColorMap.DIVERGING_MAP);
        } else {
            scale = r == null ? new ColorScale.Continuous(0, 1, u.label())
                    : new ColorScale.Continuous(r[0], r[1], u.label());
        }
        Object pv = reader.attributes(d.path()).get("peak_to_valley_m");
        if (pv instanceof Double p && r != null) {
            DisplayUnit pu = u.offset() == 0 ? u : DisplayUnit.defaultFor(d.path(), "m");
            title.add("peak-to-valley " + Ticks.value(pu.scale() * p) + " " + pu.label()
                    + " (max " + Ticks.value(r[1]) + ", min " + Ticks.value(r[0]) + " " + u.label() + ")");
        }
        boolean varies = uniform(field).isEmpty();
        return new HeatMap(title, field, scale, outlines, varies, varies && (signed || lifetime));
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

    // ---- per-die series ----

    /**
     * A [time][die] series (/transient/die_max, /reliability/die_reliability): a die map at one step (the one nearest
     * {@code --time T}, default the last), or with {@code --lines} one line per die over time.
     */
    private BufferedImage perDieSeries(DatasetInfo d, CoreArray cores, Request req) {
        int nt = d.shape()[0], nd = d.shape()[1];
        TimeAxis axis = timeAxisOf(d);
        double[] all = reader.read(d.path()).flat();
        if (style.lines()) {
            if (axis == null) throw new InputException(file, d.path(), "has no time axis of " + nt + " steps to draw lines against");
            List<LinePlot.Series> series = new ArrayList<>();
            DisplayUnit u = display(d);
            for (int k = 0; k < nd; k++) {
                double[] y = new double[nt];
                for (int i = 0; i < nt; i++) y[i] = u.apply(all[i * nd + k]);
                series.add(new LinePlot.Series("die " + k + " (c" + cores.dieColumn(k) + ", r" + cores.dieRow(k) + ")", y));
            }
            return LinePlotRenderer.render(linePlot(List.of(d), series, axis, u, req.logY()), req.width(), req.height());
        }
        int step = nt - 1;
        String when = null;
        if (axis != null) {
            double want = style.time() != null && style.time()[0] == style.time()[1] ? style.time()[0] : Double.NaN;
            if (style.time() != null && Double.isNaN(want))
                throw new InputException("--time", null, "a map of a time series takes one time (--time T), not a range");
            if (!Double.isNaN(want)) {
                step = 0;
                for (int i = 1; i < nt; i++)
                    if (Math.abs(axis.seconds()[i] - want) < Math.abs(axis.seconds()[step] - want)) step = i;
            }
            when = "t = " + TimeUnit.describe(axis.seconds()[step]) + " (step " + step + " of " + (nt - 1)
                    + (Double.isNaN(want) ? ", the last; --time T picks another" : "") + ")";
        }
        double[] v = Arrays.copyOfRange(all, step * nd, (step + 1) * nd);
        return HeatMapRenderer.render(dieMap(d, v, cores, when), req.width(), req.height());
    }

    /** The time axis of a dataset whose first dimension is time, in s. */
    record TimeAxis(String path, double[] seconds) { }

    private TimeAxis timeAxisOf(DatasetInfo d) {
        int n = d.shape()[0];
        for (String t : List.of(parent(d.path()) + "/" + TRANSIENT_TIME.leaf(), TRANSIENT_TIME.path(), RELIABILITY_TIME.path())) {
            DatasetInfo ti = datasets.get(t);
            if (ti == null || ti.shape().length != 1 || ti.shape()[0] != n || t.equals(d.path())) continue;
            if (!d.path().startsWith(parent(t) + "/")) continue;   // a series belongs to the time axis of its group
            double[] v = reader.read(t).flat();
            double f = 1;
            if (ti.units() != null && !ti.units().equals("s")) {
                try {
                    f = org.wafersim.units.Units.parse("1 " + ti.units(), org.wafersim.units.Dimension.TIME);
                } catch (InputException e) {
                    continue;
                }
            }
            double[] sec = new double[n];
            for (int i = 0; i < n; i++) sec[i] = v[i] * f;
            return new TimeAxis(t, sec);
        }
        return null;
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
        DisplayUnit u = display(series.get(0));
        List<LinePlot.Series> out = new ArrayList<>();
        for (DatasetInfo d : series) {
            DisplayUnit du = display(d);
            out.add(new LinePlot.Series(leaf(d.path()), du.apply(reader.read(d.path()).flat())));
        }
        return linePlot(series, out, timeAxisOf(series.get(0)), u, logY);
    }

    /**
     * The line plot against time (unit s, min, h, day or year chosen from the span shown; --time FROM:TO cuts the
     * window; --log-x) or, without a time axis, against the index.
     */
    private LinePlot linePlot(List<DatasetInfo> series, List<LinePlot.Series> ys, TimeAxis axis, DisplayUnit u, boolean logY) {
        int n = ys.get(0).y().length;
        double[] x;
        String xLabel;
        List<LinePlot.Series> shown = ys;
        String window = "";
        if (axis != null) {
            int lo = 0, hi = n;
            if (style.time() != null) {
                double from = style.time()[0], to = style.time()[1];
                while (lo < n && !Double.isNaN(from) && axis.seconds()[lo] < from) lo++;
                while (hi > lo && !Double.isNaN(to) && axis.seconds()[hi - 1] > to) hi--;
                if (hi - lo < 1) throw new InputException("--time", null, "no step of the run lies in that window ("
                        + TimeUnit.describe(axis.seconds()[0]) + " to " + TimeUnit.describe(axis.seconds()[n - 1]) + ")");
                window = ", " + TimeUnit.describe(axis.seconds()[lo]) + " to " + TimeUnit.describe(axis.seconds()[hi - 1]);
            }
            double[] sec = Arrays.copyOfRange(axis.seconds(), lo, hi);
            double span = 0;
            for (double t : sec) span = Math.max(span, Math.abs(t));
            TimeUnit tu = style.logX() ? TimeUnit.S : TimeUnit.forSpan(span);   // a log axis spans decades: s
            x = new double[sec.length];
            for (int i = 0; i < sec.length; i++) x[i] = sec[i] / tu.seconds();
            xLabel = "time (" + tu.label() + ")" + (style.logX() ? ", log scale" : "");
            if (lo > 0 || hi < n) {
                List<LinePlot.Series> cut = new ArrayList<>();
                for (LinePlot.Series sr : ys) cut.add(new LinePlot.Series(sr.name(), Arrays.copyOfRange(sr.y(), lo, hi)));
                shown = cut;
            }
        } else {
            if (style.time() != null) throw new InputException("--time", null, "the series has no time axis");
            x = new double[n];
            for (int i = 0; i < n; i++) x[i] = i;
            xLabel = "index";
        }
        if (style.range() != null) {   // --range: clip the y axis by leaving values outside out of the drawing
            List<LinePlot.Series> clipped = new ArrayList<>();
            for (LinePlot.Series sr : shown) {
                double[] y = sr.y().clone();
                for (int i = 0; i < y.length; i++) if (y[i] < style.range()[0] || y[i] > style.range()[1]) y[i] = Double.NaN;
                clipped.add(new LinePlot.Series(sr.name(), y));
            }
            shown = clipped;
        }
        String yUnits = u.label();
        boolean same = series.stream().allMatch(d -> display(d).label().equals(yUnits));
        String yLabel = leaf(series.size() == 1 ? series.get(0).path() : parent(series.get(0).path()));
        yLabel += same ? (yUnits.equals("1") ? "" : " (" + yUnits + ")") : " (mixed units)";
        String what = series.size() == 1 ? series.get(0).path() : parent(series.get(0).path());
        if (ys.size() > 1 && series.size() == 1) what += " (" + ys.size() + " lines)";
        return new LinePlot(List.of(caseName() + ": " + what, (axis != null ? "over time" : "by index") + window),
                xLabel, x, yLabel, shown, logY, style.logX() && axis != null);
    }

    // ---- labels ----

    /** The display unit of a dataset: --units when given (for the plotted field), else the engineering default. */
    private DisplayUnit display(DatasetInfo d) {
        if (style.units() != null) return DisplayUnit.parse(style.units(), d.units());
        return DisplayUnit.defaultFor(d.path(), d.units());
    }

    private List<String> title(DatasetInfo d, DisplayUnit u, String where) {
        String l = u.label();
        List<String> t = new ArrayList<>();
        t.add(caseName() + ": " + d.path() + (l.equals("1") || l.equals("no units") && d.units() == null ? "" : " (" + l + ")"));
        String when = stateOrTime(d);
        t.add(when == null ? where : when + "; " + where);
        return t;
    }

    /** "state full (full load)", "t = 4 h (14400 s)" for a snapshot, or null. */
    private String stateOrTime(DatasetInfo d) {
        Object ts = reader.attributes(d.path()).get("time_s");
        if (ts instanceof Double t) return "snapshot at t = " + TimeUnit.describe(t);
        String p = d.path();
        if (p.startsWith(MECHANICS_STATES.prefix())) {
            String rest = p.substring(MECHANICS_STATES.prefix().length());
            return "state " + rest.substring(0, rest.indexOf('/'));
        }
        if (p.startsWith(MECHANICS.prefix()) && !p.endsWith("node_x") && !p.endsWith("node_y")) {
            String first = firstState();
            if (first != null) return "state " + first + " (the first state: full load)";
        }
        if (p.equals(TRANSIENT_FINAL_TEMPERATURE.path())) {
            DatasetInfo time = datasets.get(TRANSIENT_TIME.path());
            if (time != null) {
                double[] tt = reader.read(time.path()).flat();
                return "end of the run, t = " + TimeUnit.describe(tt[tt.length - 1]);
            }
        }
        if (p.startsWith(THERMAL.prefix()) && reader.attributes(THERMAL.path()).get("state") instanceof String st)
            return st.startsWith("steady state before") ? "steady state before t = 0" : st;
        return null;
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
