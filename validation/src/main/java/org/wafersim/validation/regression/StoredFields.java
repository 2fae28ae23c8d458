package org.wafersim.validation.regression;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wafersim.errors.InputException;
import org.wafersim.io.ResultFile;
import org.wafersim.io.ResultReader;

/**
 * The datasets and attributes of an HDF5 result file held in memory: read back from a run's result or a stored
 * reference, compared field by field, and written (a subset of it, as a reference) through {@link ResultFile}, so
 * that every reference is an ordinary wafersim result file (h5py, {@code wafersim info}).
 */
public final class StoredFields {
    /** A dataset: flat C-order values, shape, units, whether it is an integer dataset, other attributes. */
    public record Dataset(double[] values, int[] shape, String units, boolean integer, Map<String, Object> attributes) { }

    /** jhdf adds this attribute to every root group by itself; ResultFile refuses it. */
    private static final String JHDF_ROOT_ATTRIBUTE = "_jHDF";

    private final String source;
    private final Map<String, Dataset> datasets = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> groups = new LinkedHashMap<>();

    public StoredFields(String source) { this.source = source; }

    /** Reads every dataset and every attribute of a result file ({@link InputException} naming it on problems). */
    public static StoredFields read(Path file) {
        StoredFields s = new StoredFields(file.toString());
        try (ResultReader r = ResultReader.open(file)) {
            s.groups.put("/", withoutJhdf(r.attributes("/")));
            for (ResultReader.DatasetInfo info : r.datasets()) {
                if (info.type().equals("string")) continue;   // text (the stored case), not a field
                ResultReader.Data d = r.read(info.path());
                Map<String, Object> attrs = new LinkedHashMap<>(r.attributes(info.path()));
                attrs.remove("units");
                boolean integer = info.type().startsWith("int");
                s.datasets.put(info.path(), new Dataset(d.flat(), d.shape(), info.units() == null ? "" : info.units(),
                        integer, attrs));
                for (String g = parent(info.path()); !s.groups.containsKey(g); g = parent(g))
                    s.groups.put(g, new LinkedHashMap<>(r.attributes(g)));
            }
        }
        return s;
    }

    private static Map<String, Object> withoutJhdf(Map<String, Object> attrs) {
        Map<String, Object> m = new LinkedHashMap<>(attrs);
        m.remove(JHDF_ROOT_ATTRIBUTE);
        return m;
    }

    static String parent(String path) {
        int i = path.lastIndexOf('/');
        return i <= 0 ? "/" : path.substring(0, i);
    }

    public String source() { return source; }

    public Map<String, Dataset> datasets() { return datasets; }

    /** Attributes of the group at {@code path}, or null if the file has no such group. */
    public Map<String, Object> groupAttributes(String path) { return groups.get(path); }

    public boolean has(FieldPath f) {
        if (!f.isAttribute()) return datasets.containsKey(f.node());
        Map<String, Object> attrs = attributesOf(f.node());
        return attrs != null && attrs.containsKey(f.attribute());
    }

    private Map<String, Object> attributesOf(String node) {
        Dataset d = datasets.get(node);
        return d != null ? d.attributes() : groups.get(node);
    }

    /**
     * The values of a field; null if the file does not have it.
     *
     * @throws InputException if it is an attribute that is not numeric (text cannot be compared by norms)
     */
    public FieldValues values(FieldPath f) {
        if (!f.isAttribute()) {
            Dataset d = datasets.get(f.node());
            return d == null ? null : new FieldValues(d.values(), d.shape(), d.units().equals("1") ? "" : d.units());
        }
        Map<String, Object> attrs = attributesOf(f.node());
        Object v = attrs == null ? null : attrs.get(f.attribute());
        if (v == null) return null;
        double[] flat = numeric(v);
        if (flat == null)
            throw new InputException(source, f.toString(), "attribute is not numeric ("
                    + v.getClass().getSimpleName() + "); only numbers can be compared");
        return new FieldValues(flat, v.getClass().isArray() ? new int[]{flat.length} : new int[0],
                unitsFromName(f.attribute()));
    }

    /**
     * Attributes carry no units attribute of their own; the result layout puts the unit in the name
     * ({@code total_W}, {@code outlet_degC}, {@code r_junction_coolant_K_per_W}), so take it from there for the
     * table ("" when the name has none of these endings).
     */
    static String unitsFromName(String name) {
        if (name.endsWith("_K_per_W")) return "K/W";
        if (name.endsWith("_degC")) return "degC";
        if (name.endsWith("_W")) return "W";
        if (name.endsWith("_K")) return "K";
        if (name.endsWith("_h")) return "h";
        return "";
    }

    private static double[] numeric(Object v) {
        if (v instanceof Number n) return new double[]{n.doubleValue()};
        if (v instanceof double[] a) return a.clone();
        if (v instanceof int[] a) return java.util.Arrays.stream(a).asDoubleStream().toArray();
        if (v instanceof long[] a) return java.util.Arrays.stream(a).asDoubleStream().toArray();
        if (v instanceof float[] a) {
            double[] d = new double[a.length];
            for (int i = 0; i < a.length; i++) d[i] = a[i];
            return d;
        }
        return null;
    }

    /** Adds (or replaces) a dataset. */
    public void putDataset(String path, Dataset d) { datasets.put(path, d); }

    /** Adds (or replaces) one attribute of a group, creating the group. */
    public void putGroupAttribute(String path, String name, Object value) {
        groups.computeIfAbsent(path, k -> new LinkedHashMap<>()).put(name, value);
    }

    /**
     * The part of this file that holds the given fields: each listed dataset, or the dataset or group an attribute
     * sits on (a dataset with all its attributes; of a group only the listed attribute), plus the root attributes.
     * Fields it does not have are left out (the caller checks {@link #has}).
     */
    public StoredFields subset(Iterable<FieldPath> fields) {
        StoredFields s = new StoredFields(source);
        s.groups.put("/", new LinkedHashMap<>(groups.getOrDefault("/", Map.of())));
        for (FieldPath f : fields) {
            Dataset d = datasets.get(f.node());
            if (d != null) s.datasets.put(f.node(), d);
            else if (f.isAttribute() && groups.containsKey(f.node()) && groups.get(f.node()).containsKey(f.attribute()))
                s.putGroupAttribute(f.node(), f.attribute(), groups.get(f.node()).get(f.attribute()));
        }
        return s;
    }

    /** Writes this file atomically through {@link ResultFile#writeAtomically(Path, boolean)}. */
    public void write(Path file, boolean force) throws IOException {
        ResultFile out = new ResultFile();
        groups.forEach((g, attrs) -> attrs.forEach((name, value) -> out.attribute(g, name, value)));
        datasets.forEach((path, d) -> {
            if (d.shape().length == 0) {
                out.dataset(path, d.values()[0], d.units().isEmpty() ? "1" : d.units());
            } else if (d.integer()) {
                int[] iv = new int[d.values().length];
                for (int i = 0; i < iv.length; i++) iv[i] = (int) d.values()[i];
                out.intDataset(path, iv, d.shape(), d.units().isEmpty() ? "1" : d.units());
            } else {
                out.dataset(path, d.values(), d.shape(), d.units().isEmpty() ? "1" : d.units());
            }
            d.attributes().forEach((name, value) -> out.datasetAttribute(path, name, value));
        });
        out.writeAtomically(file, force);
    }
}
