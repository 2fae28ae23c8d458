package org.wafersim.export;

import static org.wafersim.io.ResultSchema.*;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.wafersim.errors.InputException;
import org.wafersim.io.CsvTable;
import org.wafersim.io.ResultReader;
import org.wafersim.io.ResultReader.DatasetInfo;

/**
 * The tables {@code wafersim export} writes from a result file, each column named with its units
 * ({@code NAME_UNIT}, units as in the file with "/" and "^" spelled out):
 * <ul>
 * <li>{@code probes}: {@code time_s} and every {@code /transient} series of one value per step (probes, power,
 * heat out, dt), one row per accepted step;</li>
 * <li>{@code cores}: one row per core with every {@code /cores} and {@code /reliability} dataset of one value per
 * core (position in mm);</li>
 * <li>{@code dies}: one row per die: the die's grid position, core count, max/mean/min core temperature and total
 * power (from {@code /cores}), the per-die reliability datasets, and the last step of {@code /transient/die_max}
 * and {@code die_mean};</li>
 * <li>{@code summary}: one row per scalar attribute of every group (the run's headline numbers and verdicts):
 * {@code group, name, value}.</li>
 * </ul>
 */
public final class TableExport {
    /** The tables that can be exported. */
    public static final List<String> WHAT = List.of("probes", "cores", "dies", "summary");

    private final ResultReader r;
    private final String file;
    private final Map<String, DatasetInfo> ds = new LinkedHashMap<>();

    private TableExport(ResultReader r, String file) {
        this.r = r;
        this.file = file;
        for (DatasetInfo d : r.datasets()) ds.put(d.path(), d);
    }

    public static CsvTable table(ResultReader r, String file, String what) {
        TableExport e = new TableExport(r, file);
        CsvTable t = switch (what) {
            case "probes" -> e.probes();
            case "cores" -> e.cores();
            case "dies" -> e.dies();
            case "summary" -> e.summary();
            default -> throw new InputException("WHAT", null, "'" + what + "' is not a table; choose one of "
                    + String.join(", ", WHAT));
        };
        Object name = r.attributes("/").get("case_name");
        t.firstComment("wafersim export " + what + " of " + file + (name instanceof String s ? " (case " + s + ")" : ""));
        return t;
    }

    /** "degC" -> "degC", "W/m^3" -> "W_per_m3", "1" -> "" (dimensionless). */
    static String unitSuffix(String units) {
        if (units == null || units.equals("1") || units.isBlank()) return "";
        String u = units.replace("/", "_per_").replace("^", "").replace("*", "_").replace(" ", "");
        return "_" + u;
    }

    private static String column(DatasetInfo d, String prefix) {
        String leaf = d.path().substring(prefix.length());
        return leaf.replace('/', '_') + unitSuffix(d.units());
    }

    private CsvTable probes() {
        DatasetInfo time = ds.get(TRANSIENT_TIME.path());
        if (time == null)
            throw new InputException(file, TRANSIENT.path(), "no transient in this result; the probes table needs a "
                    + "transient or cycle run");
        int n = time.shape()[0];
        List<DatasetInfo> cols = new ArrayList<>();
        for (DatasetInfo d : ds.values())
            if (d.path().startsWith(TRANSIENT.prefix()) && !d.path().equals(TRANSIENT_TIME.path()) && d.shape().length == 1
                    && d.shape()[0] == n && !d.type().equals("string")) cols.add(d);
        List<String> header = new ArrayList<>(List.of("time_s"));
        for (DatasetInfo d : cols) {
            String c = d.path().startsWith(TRANSIENT_PROBES.prefix()) ? column(d, TRANSIENT_PROBES.prefix())
                    : column(d, TRANSIENT.prefix());
            header.add(c);
        }
        CsvTable t = new CsvTable(header);
        double[][] v = new double[cols.size() + 1][];
        v[0] = r.read(time.path()).flat();
        for (int c = 0; c < cols.size(); c++) v[c + 1] = r.read(cols.get(c).path()).flat();
        for (int i = 0; i < n; i++) {
            List<Object> row = new ArrayList<>();
            for (double[] col : v) row.add(col[i]);
            t.row(row);
        }
        t.comment("one row per accepted time step; probes in degC (the cell under each probe point), power = "
                + "dynamic + leakage at the end of each step (nan at t = 0)");
        return t;
    }

    private int coreCount() {
        DatasetInfo x = ds.get(CORES_X.path());
        if (x == null) throw new InputException(file, CORES.path(), "no per-core data in this result");
        return x.shape()[0];
    }

    private CsvTable cores() {
        int n = coreCount();
        List<DatasetInfo> cols = new ArrayList<>();
        for (DatasetInfo d : ds.values())
            if ((d.path().startsWith(CORES.prefix()) || d.path().startsWith(RELIABILITY.prefix())) && d.shape().length == 1
                    && d.shape()[0] == n && !d.type().equals("string")) cols.add(d);
        List<String> header = new ArrayList<>(List.of("core"));
        List<double[]> v = new ArrayList<>();
        for (DatasetInfo d : cols) {
            double[] x = r.read(d.path()).flat();
            String name = column(d, d.path().substring(0, d.path().lastIndexOf('/') + 1));
            if ("m".equals(d.units()) && (d.path().equals(CORES_X.path()) || d.path().equals(CORES_Y.path()))) {
                x = x.clone();
                for (int i = 0; i < n; i++) x[i] *= 1e3;
                name = d.path().substring(7) + "_mm";
            }
            header.add(name);
            v.add(x);
        }
        CsvTable t = new CsvTable(header);
        for (int i = 0; i < n; i++) {
            List<Object> row = new ArrayList<>();
            row.add(i);
            for (double[] col : v) row.add(col[i]);
            t.row(row);
        }
        t.comment("one row per core, in core-index order (as /cores); x_mm, y_mm: core centre");
        return t;
    }

    private CsvTable dies() {
        int n = coreCount();
        if (!ds.containsKey(CORES_DIE.path())) throw new InputException(file, CORES_DIE.path(), "missing; cannot group cores by die");
        int[] die = toInt(r.read(CORES_DIE.path()).flat());
        int nd = 0;
        for (int d : die) nd = Math.max(nd, d + 1);
        int cols = 0;
        if (r.attributes(CORES.path()).get("dies") instanceof int[] g && g.length == 2) cols = g[0];
        double[] temp = ds.containsKey(CORES_TEMPERATURE.path()) ? r.read(CORES_TEMPERATURE.path()).flat() : null;
        double[] power = ds.containsKey(CORES_POWER.path()) ? r.read(CORES_POWER.path()).flat() : null;
        double[] tmax = new double[nd], tmin = new double[nd], tsum = new double[nd], psum = new double[nd];
        int[] count = new int[nd];
        java.util.Arrays.fill(tmax, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(tmin, Double.POSITIVE_INFINITY);
        for (int c = 0; c < n; c++) {
            int d = die[c];
            count[d]++;
            if (temp != null) {
                tmax[d] = Math.max(tmax[d], temp[c]);
                tmin[d] = Math.min(tmin[d], temp[c]);
                tsum[d] += temp[c];
            }
            if (power != null) psum[d] += power[c];
        }
        List<String> header = new ArrayList<>(List.of("die", "column", "row", "cores"));
        List<double[]> extra = new ArrayList<>();
        if (temp != null) {
            header.addAll(List.of("core_temperature_max_degC", "core_temperature_mean_degC", "core_temperature_min_degC"));
            double[] mean = new double[nd];
            for (int d = 0; d < nd; d++) mean[d] = tsum[d] / count[d];
            extra.add(tmax);
            extra.add(mean);
            extra.add(tmin);
        }
        if (power != null) {
            header.add("power_W");
            extra.add(psum);
        }
        for (DatasetInfo d : ds.values())
            if (d.path().startsWith(RELIABILITY.prefix()) && d.shape().length == 1 && d.shape()[0] == nd && nd != n
                    && !d.type().equals("string") && !d.path().equals(RELIABILITY_TIME.path())) {
                header.add(column(d, RELIABILITY.prefix()));
                extra.add(r.read(d.path()).flat());
            }
        for (org.wafersim.io.ResultSchema e : List.of(TRANSIENT_DIE_MAX, TRANSIENT_DIE_MEAN)) {
            String s = e.leaf();
            DatasetInfo d = ds.get(e.path());
            if (d != null && d.shape().length == 2 && d.shape()[1] == nd) {
                double[] all = r.read(d.path()).flat();
                double[] last = java.util.Arrays.copyOfRange(all, all.length - nd, all.length);
                header.add("transient_" + s + "_at_end" + unitSuffix(d.units()));
                extra.add(last);
            }
        }
        CsvTable t = new CsvTable(header);
        for (int d = 0; d < nd; d++) {
            List<Object> row = new ArrayList<>(List.of(d, cols > 0 ? d % cols : -1, cols > 0 ? d / cols : -1, count[d]));
            for (double[] col : extra) row.add(col[d]);
            t.row(row);
        }
        t.comment("one row per die (index = row * columns + column); temperatures and power summed/extremes over "
                + "the die's cores at the steady state (/cores)");
        return t;
    }

    private CsvTable summary() {
        TreeSet<String> groups = new TreeSet<>();
        groups.add("/");
        for (String p : ds.keySet()) {
            for (int i = p.indexOf('/', 1); i > 0; i = p.indexOf('/', i + 1)) groups.add(p.substring(0, i));
            groups.add(p);   // dataset attributes (e.g. /thermal/heat_paths) carry headline numbers too
        }
        CsvTable t = new CsvTable(List.of("group", "name", "value"));
        for (String g : groups) {
            for (var e : r.attributes(g).entrySet()) {
                Object v = e.getValue();
                if (g.equals("/") && e.getKey().equals("case")) continue;   // the whole case text: not a table cell
                if (e.getKey().equals("units") || e.getKey().equals("note") || e.getKey().startsWith("_")) continue;
                if (v instanceof Number || v instanceof String) t.row(List.of(g, e.getKey(), v));
                else if (v != null && v.getClass().isArray() && Array.getLength(v) <= 16) {
                    List<String> parts = new ArrayList<>();
                    for (int i = 0; i < Array.getLength(v); i++) parts.add(String.valueOf(Array.get(v, i)));
                    t.row(List.of(g, e.getKey(), String.join(";", parts)));
                }
            }
        }
        t.comment(String.format(Locale.ROOT, "every scalar attribute of the result's groups and datasets (%d rows); "
                + "names carry their units (_degC, _W, _K_per_W, _h, _m, _Pa)", t.rowCount()));
        return t;
    }

    private static int[] toInt(double[] v) {
        int[] o = new int[v.length];
        for (int i = 0; i < v.length; i++) o[i] = (int) v[i];
        return o;
    }
}
