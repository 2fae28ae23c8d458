package org.wafersim.cli;

import static org.wafersim.io.ResultSchema.*;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wafersim.io.ResultReader;

/**
 * What a result file holds, for {@code wafersim info}: where it came from (case, version, creation time, source),
 * every dataset with shape, type and units, and the headline numbers recomputed from the stored data (so they can be
 * trusted for files written by any version): power, wafer temperatures over the wafer layer (volume-weighted mean, as
 * in the run summary), core temperatures, heat paths and energy balance from {@code /thermal/heat_paths}, solver
 * iterations. Parts missing from the file are left null (and out of the JSON).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultInfo(String file, long bytes, String caseName, String version, String createdUtc, String source,
                         int[] grid, List<String> layers, List<Dataset> datasets, Headline headline) {

    /** One dataset: path, shape (slowest first), element type, units. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Dataset(String path, int[] shape, String type, String units) { }

    /** Headline numbers; temperatures in degC, heat in W, times in s. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Headline(Double powerW, Double waferMaxC, Double waferMeanC, Double waferMinC, Double coreMaxC,
                           Double coreMinC, Map<String, Double> heatOutW, Double balanceRelError,
                           Double rJunctionCoolantKPerW, Integer picardIterations, Integer cgIterations,
                           Double finalRelResidual, Double wallSeconds) { }

    /** Reads the summary of {@code file} (an {@link org.wafersim.errors.InputException} if it is not a result). */
    public static ResultInfo of(Path file) {
        try (ResultReader r = ResultReader.open(file)) {
            Map<String, Object> root = r.attributes("/");
            List<Dataset> ds = new ArrayList<>();
            Map<String, ResultReader.DatasetInfo> byPath = new LinkedHashMap<>();
            for (ResultReader.DatasetInfo d : r.datasets()) {
                ds.add(new Dataset(d.path(), d.shape(), d.type(), d.units()));
                byPath.put(d.path(), d);
            }
            Mesh mesh = Mesh.read(r, byPath);
            long bytes;
            try {
                bytes = Files.size(file);
            } catch (IOException e) {
                bytes = -1;
            }
            return new ResultInfo(file.toString(), bytes, str(root.get("case_name")), str(root.get("wafersim_version")),
                    str(root.get("created_utc")), str(root.get("case_source")),
                    mesh == null ? null : new int[]{mesh.nz, mesh.ny, mesh.nx}, mesh == null ? null : mesh.layers,
                    ds, headline(r, byPath, mesh));
        }
    }

    private static Headline headline(ResultReader r, Map<String, ResultReader.DatasetInfo> ds, Mesh mesh) {
        Double power = null, balance = null, rjc = null, residual = null, wall = null;
        Map<String, Double> heat = null;
        if (ds.containsKey(THERMAL_HEAT_PATHS.path())) {
            Map<String, Object> a = r.attributes(THERMAL_HEAT_PATHS.path());
            power = num(a.get("total_W"));
            balance = num(a.get("balance_rel_error"));
            rjc = num(a.get("r_junction_coolant_K_per_W"));
            double[] w = r.read(THERMAL_HEAT_PATHS.path()).flat();
            if (a.get("path_names") instanceof String[] names && names.length == w.length) {
                heat = new LinkedHashMap<>();
                for (int p = 0; p < names.length; p++) heat.put(names[p], w[p]);
            }
        }
        double[] wafer = mesh == null || !ds.containsKey(THERMAL_TEMPERATURE.path()) ? null : mesh.waferStats(r);
        double[] cores = ds.containsKey(CORES_TEMPERATURE.path()) ? minMax(r.read(CORES_TEMPERATURE.path()).flat()) : null;
        Integer picard = null, cg = null;
        if (ds.containsKey(SOLVER_CG_ITERATIONS.path()) || ds.containsKey(SOLVER_WALL_SECONDS.path())) {
            Map<String, Object> a = r.attributes(SOLVER.path());
            picard = a.get("picard_iterations") instanceof Number n ? n.intValue() : null;
            residual = num(a.get("final_relative_residual"));
            if (ds.containsKey(SOLVER_CG_ITERATIONS.path())) {
                int sum = 0;
                for (double v : r.read(SOLVER_CG_ITERATIONS.path()).flat()) sum += (int) v;
                cg = sum;
            }
            if (ds.containsKey(SOLVER_WALL_SECONDS.path())) {
                double sum = 0;
                for (double v : r.read(SOLVER_WALL_SECONDS.path()).flat()) sum += v;
                wall = sum;
            }
        }
        return new Headline(power, wafer == null ? null : wafer[1], wafer == null ? null : wafer[2],
                wafer == null ? null : wafer[0], cores == null ? null : cores[1], cores == null ? null : cores[0],
                heat, balance, rjc, picard, cg, residual, wall);
    }

    /** The mesh facts the headline needs: sizes, layer names and the wafer layer's cell planes. */
    private record Mesh(int nx, int ny, int nz, double[] x, double[] y, double[] z, List<String> layers, int[] waferK) {
        static Mesh read(ResultReader r, Map<String, ResultReader.DatasetInfo> ds) {
            if (!ds.containsKey(MESH_X.path()) || !ds.containsKey(MESH_Y.path()) || !ds.containsKey(MESH_Z.path())) return null;
            double[] x = r.read(MESH_X.path()).flat(), y = r.read(MESH_Y.path()).flat(), z = r.read(MESH_Z.path()).flat();
            List<String> layers = null;
            int[] waferK = null;
            int[] active = r.attributes(MESH.path()).get("active_k") instanceof int[] a && a.length == 2 ? a : null;
            if (ds.containsKey(MESH_LAYER_K.path())
                    && r.attributes(MESH_LAYER_K.path()).get("layer_names") instanceof String[] names) {
                layers = List.of(names);
                double[] lk = r.read(MESH_LAYER_K.path()).flat();
                // the wafer is the layer that holds the active (heat-source) planes
                for (int l = 0; l < names.length && active != null && 2 * l + 1 < lk.length; l++)
                    if (active[0] >= lk[2 * l] && active[1] <= lk[2 * l + 1])
                        waferK = new int[]{(int) lk[2 * l], (int) lk[2 * l + 1]};
            }
            return new Mesh(x.length - 1, y.length - 1, z.length - 1, x, y, z, layers, waferK);
        }

        /** {min, max, volume-weighted mean} of the temperature over the wafer layer, or null. */
        double[] waferStats(ResultReader r) {
            if (waferK == null) return null;
            ResultReader.Data t = r.read(THERMAL_TEMPERATURE.path());
            if (t.flat().length != (long) nx * ny * nz) return null;
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY, sum = 0, vol = 0;
            for (int k = waferK[0]; k < waferK[1]; k++)
                for (int j = 0; j < ny; j++)
                    for (int i = 0; i < nx; i++) {
                        double v = t.flat()[(k * ny + j) * nx + i];
                        if (!Double.isFinite(v)) continue;
                        double w = (x[i + 1] - x[i]) * (y[j + 1] - y[j]) * (z[k + 1] - z[k]);
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                        sum += v * w;
                        vol += w;
                    }
            return vol > 0 ? new double[]{lo, hi, sum / vol} : null;
        }
    }

    private static double[] minMax(double[] v) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double d : v) if (Double.isFinite(d)) { lo = Math.min(lo, d); hi = Math.max(hi, d); }
        return lo <= hi ? new double[]{lo, hi} : null;
    }

    private static String str(Object o) {
        return o instanceof String s ? s : null;
    }

    private static Double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    /** The human-readable report. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "file      %s (%.1f MiB)%n", file, bytes / 1048576.0));
        sb.append(String.format(Locale.ROOT, "case      %s%s%n", caseName == null ? "(unknown)" : caseName,
                source == null ? "" : " (from " + source + ")"));
        sb.append(String.format(Locale.ROOT, "written   by wafersim %s at %s%n", or(version), or(createdUtc)));
        if (grid != null)
            sb.append(String.format(Locale.ROOT, "grid      %d x %d x %d cells (x, y, z)%s%n", grid[2], grid[1], grid[0],
                    layers == null ? "" : "; layers " + String.join(", ", layers)));
        sb.append(String.format("%ndatasets%n"));
        int w = 8;
        for (Dataset d : datasets) w = Math.max(w, d.path().length());
        for (Dataset d : datasets)
            sb.append(String.format(Locale.ROOT, "  %-" + w + "s  %-16s %-8s %s%n", d.path(), shape(d.shape()), d.type(),
                    d.units() == null ? "(no units)" : d.units()));
        Headline h = headline;
        sb.append(String.format("%nheadline%n"));
        if (h.powerW() != null) sb.append(String.format(Locale.ROOT, "  power             %.1f W%n", h.powerW()));
        if (h.waferMaxC() != null)
            sb.append(String.format(Locale.ROOT, "  wafer T           max %.2f degC, mean %.2f degC, min %.2f degC%n",
                    h.waferMaxC(), h.waferMeanC(), h.waferMinC()));
        if (h.coreMaxC() != null)
            sb.append(String.format(Locale.ROOT, "  core T            max %.2f degC, min %.2f degC, spread %.2f K%n",
                    h.coreMaxC(), h.coreMinC(), h.coreMaxC() - h.coreMinC()));
        if (h.heatOutW() != null) {
            sb.append("  heat out         ");
            for (var e : h.heatOutW().entrySet())
                sb.append(String.format(Locale.ROOT, " %s %.1f W%s;", e.getKey(), e.getValue(), h.powerW() == null
                        || h.powerW() == 0 ? "" : String.format(Locale.ROOT, " (%.2f %%)", 100 * e.getValue() / h.powerW())));
            sb.append(System.lineSeparator());
        }
        if (h.balanceRelError() != null)
            sb.append(String.format(Locale.ROOT, "  energy balance    (in - out)/in = %.2e%n", h.balanceRelError()));
        if (h.rJunctionCoolantKPerW() != null)
            sb.append(String.format(Locale.ROOT, "  R junction-coolant %.4e K/W%n", h.rJunctionCoolantKPerW()));
        if (h.picardIterations() != null || h.cgIterations() != null)
            sb.append(String.format(Locale.ROOT, "  solver            %s Picard, %s CG iterations, residual %s%n",
                    or(h.picardIterations()), or(h.cgIterations()),
                    h.finalRelResidual() == null ? "?" : String.format(Locale.ROOT, "%.1e", h.finalRelResidual())));
        if (h.wallSeconds() != null) sb.append(String.format(Locale.ROOT, "  wall time         %.2f s%n", h.wallSeconds()));
        return sb.toString();
    }

    private static String or(Object o) {
        return o == null ? "?" : o.toString();
    }

    private static String shape(int[] s) {
        if (s.length == 0) return "scalar";
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < s.length; i++) b.append(i == 0 ? "" : ", ").append(s[i]);
        return b.append(']').toString();
    }
}
