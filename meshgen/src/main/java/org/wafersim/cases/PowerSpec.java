package org.wafersim.cases;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Power: the full-load level (W) in its {@link PowerBasis}, the idle level (W, same basis), workload pattern,
 * optional leakage model (null when absent), the {@code power.map} file (the CSV/HDF5 map or the HotSpot power
 * trace; null otherwise), the {@link Source} of the per-core distribution of the dynamic power, the basis and how
 * a map in watts is used ({@code mapAs}, null when the source is not such a map).
 *
 * <p>{@code total} is the full-load level as the case gives it: with {@link PowerBasis#TOTAL} ({@code power.total})
 * the total electrical power, dynamic + leakage, at the converged operating point (the run finds the dynamic
 * power that gives it); with {@link PowerBasis#DYNAMIC} ({@code power.dynamic}) the dynamic power, with the
 * leakage on top. {@code idle}, the cycling levels and the transient profile levels are in the same basis. The
 * per-core distribution of the dynamic power comes from {@code source}; a map in watts used as written
 * ({@link MapAs#WATTS}) has its sum as the dynamic level. When the source is not a pattern, {@code pattern} is
 * {@link PowerPattern#UNIFORM} and unused.
 */
public record PowerSpec(double total, double idle, PowerPattern pattern, LeakageSpec leakage, String mapFile,
                        Source source, PowerBasis basis, MapAs mapAs) {
    public PowerSpec {
        if (source == null) source = mapFile == null ? new PatternSource(pattern) : new MapSource(mapFile, null, null, null);
        if (basis == null) basis = PowerBasis.TOTAL;
    }

    /** The form before the basis: {@code total} is a total at the operating point. */
    public PowerSpec(double total, double idle, PowerPattern pattern, LeakageSpec leakage, String mapFile,
                     Source source) {
        this(total, idle, pattern, leakage, mapFile, source, PowerBasis.TOTAL, null);
    }

    /**
     * The original five-component form: a pattern, or (when {@code mapFile} is given) a map whose format is
     * inferred from the file's extension and whose level from its shape.
     */
    public PowerSpec(double total, double idle, PowerPattern pattern, LeakageSpec leakage, String mapFile) {
        this(total, idle, pattern, leakage, mapFile, null);
    }

    /** The full-load level (W) in {@link #basis()} (the same as {@link #total()}, named for what it is). */
    public double fullLoad() { return total; }

    /**
     * The chip's leakage at the reference temperature (W), a property of the chip whatever the operating point:
     * {@code share_at_ref} of the full-load total at that temperature. With {@link PowerBasis#TOTAL} that total is
     * {@code power.total}: share x total; with {@link PowerBasis#DYNAMIC} the dynamic power is the rest of it:
     * share / (1 - share) x dynamic. 0 without a leakage block.
     */
    public double leakageAtRef() {
        if (leakage == null) return 0;
        double s = leakage.shareAtRef();
        return basis == PowerBasis.TOTAL ? s * total : s / (1 - s) * total;
    }

    /** Where the distribution of the dynamic power over the cores comes from ({@code power.*} keys). */
    public sealed interface Source permits PatternSource, UtilisationSource, MapSource, HotSpotSource { }

    /** {@code power.pattern}. */
    public record PatternSource(PowerPattern pattern) implements Source { }

    /**
     * {@code power.utilisation}: an inline table ({@code table}, {@code dies.rows} lists of {@code dies.columns}
     * numbers in [0, 1], row 0 = lowest y; {@code file} null) or a CSV file of the same shape ({@code table}
     * null). Die weight = {@code idleFraction + (1 - idleFraction) * utilisation}.
     */
    public record UtilisationSource(List<List<Double>> table, String file, double idleFraction) implements Source {
        public UtilisationSource {
            if (table != null) table = table.stream().map(List::copyOf).toList();
        }
    }

    /**
     * {@code power.map} with a CSV or HDF5 table. {@code format} null: inferred from the extension;
     * {@code level} null: inferred from the table's shape; {@code dataset}: the HDF5 dataset (null for CSV, or
     * for the default {@code /power}).
     */
    public record MapSource(String file, MapFormat format, MapLevel level, String dataset) implements Source { }

    /**
     * {@code power.map} with a HotSpot power trace ({@code .ptrace}) on a floorplan ({@code power.floorplan},
     * {@code .flp}). {@code traceRow}: the 0-based sample row used, or null for the mean over all rows;
     * {@code originX, originY}: where the floorplan's (0, 0) lies on the wafer (m).
     */
    public record HotSpotSource(String trace, String floorplan, Integer traceRow, double originX, double originY)
            implements Source { }


    /** {@code power.map_format}. */
    public enum MapFormat {
        CSV("csv"), HDF5("hdf5"), HOTSPOT("hotspot");
        public final String key;
        MapFormat(String key) { this.key = key; }
        public static MapFormat fromKey(String k) {
            for (MapFormat f : values()) if (f.key.equals(k)) return f;
            return null;
        }
        /** The format a file name implies (.csv; .h5/.hdf5; .ptrace/.flp), or null for any other extension. */
        public static MapFormat fromFileName(String file) {
            String n = file.toLowerCase(java.util.Locale.ROOT);
            if (n.endsWith(".csv")) return CSV;
            if (n.endsWith(".h5") || n.endsWith(".hdf5")) return HDF5;
            if (n.endsWith(".ptrace") || n.endsWith(".flp")) return HOTSPOT;
            return null;
        }
    }

    /** {@code power.map_level}: one value per die, or one per core. */
    public enum MapLevel {
        CORE("core"), DIE("die");
        public final String key;
        MapLevel(String key) { this.key = key; }
        public static MapLevel fromKey(String k) {
            for (MapLevel l : values()) if (l.key.equals(k)) return l;
            return null;
        }
    }

    /**
     * What the power levels of a case ({@code power.total | power.dynamic}, {@code idle}, cycling and transient
     * profile levels) mean: the total electrical power (dynamic + leakage) at the converged operating point, or the
     * dynamic power with the leakage on top.
     */
    public enum PowerBasis {
        TOTAL("total"), DYNAMIC("dynamic");
        public final String key;
        PowerBasis(String key) { this.key = key; }
    }

    /**
     * {@code power.map_as}: how a map or trace in watts is used: {@code watts} = as written (its sum is the dynamic
     * power), {@code distribution} = only its shape, scaled to {@code power.total} or {@code power.dynamic}.
     */
    public enum MapAs {
        WATTS("watts"), DISTRIBUTION("distribution");
        public final String key;
        MapAs(String key) { this.key = key; }
        public static MapAs fromKey(String k) {
            for (MapAs m : values()) if (m.key.equals(k)) return m;
            return null;
        }
    }

    public enum PowerPattern {
        UNIFORM("uniform"), HOT_BAND("hot-band"), HOT_SPOT("hot-spot"), CHECKERBOARD("checkerboard");
        public final String key;
        PowerPattern(String key) { this.key = key; }
        public static PowerPattern fromKey(String k) {
            for (PowerPattern p : values()) if (p.key.equals(k)) return p;
            return null;
        }
    }

    /**
     * P_leak = P_leak,ref exp(beta (T - refTemperature)) with P_leak,ref = shareAtRef x (the full-load total at the
     * reference temperature), see {@link PowerSpec#leakageAtRef()}; refTemperature in K, beta in 1/K.
     */
    public record LeakageSpec(double shareAtRef, double refTemperature, double beta) { }
}
