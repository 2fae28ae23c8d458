package org.wafersim.io;

import static org.wafersim.io.ResultSchema.*;

import io.jhdf.HdfFile;
import io.jhdf.Superblock;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import org.wafersim.errors.InputException;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Thin read access to an HDF5 result file (for {@code wafersim info}, plots and regression checks): lists datasets
 * with shape, type and units, reads a dataset as a flat C-order {@code double[]} plus its shape, and reads
 * attributes. Problems with the file (missing, not HDF5, truncated, no such dataset) are reported as
 * {@link InputException}s that name the file. Close it after use: jhdf keeps the file open.
 */
public final class ResultReader implements AutoCloseable, ResultContents {
    /**
     * One dataset: absolute path, shape (slowest dimension first; empty for a scalar), element type such as
     * "float64", "int32" or "string", and its {@code units} attribute (null if it has none).
     */
    public record DatasetInfo(String path, int[] shape, String type, String units) {
    }

    /** Dataset values in C order (index {@code (k*ny + j)*nx + i} for shape {@code [nz, ny, nx]}), and the shape. */
    public record Data(double[] flat, int[] shape) {
    }

    private final Path file;
    private final HdfFile hdf;

    private ResultReader(Path file, HdfFile hdf) {
        this.file = file;
        this.hdf = hdf;
    }

    /** Opens {@code file}; throws {@link InputException} naming the file if it is missing or not a readable HDF5 file. */
    public static ResultReader open(Path file) {
        if (!Files.exists(file)) throw new InputException(file.toString(), null, "file does not exist");
        if (Files.isDirectory(file)) throw new InputException(file.toString(), null, "is a folder, not an HDF5 file");
        if (!Files.isReadable(file)) throw new InputException(file.toString(), null, "file cannot be read");
        HdfFile hdf;
        try {
            hdf = new HdfFile(file);
        } catch (RuntimeException e) {
            throw new InputException(file.toString(), null, "not an HDF5 file (" + e.getMessage() + ")", e);
        }
        try {
            checkNotTruncated(file, hdf);
        } catch (IOException | RuntimeException e) {
            hdf.close();
            if (e instanceof InputException ie) throw ie;
            throw new InputException(file.toString(), null, "cannot read the file (" + e.getMessage() + ")", e);
        }
        return new ResultReader(file, hdf);
    }

    /**
     * jhdf does not notice a truncated file: reading a dataset past the end returns garbage instead of failing. The
     * superblock records where the file should end, so compare that with the actual size.
     */
    private static void checkNotTruncated(Path file, HdfFile hdf) throws IOException {
        Superblock sb = hdf.getHdfBackingStorage().getSuperblock();
        long expected = sb.getBaseAddressByte() + sb.getEndOfFileAddress();
        long actual = Files.size(file);
        if (actual < expected) {
            throw new InputException(file.toString(), null,
                    "file is truncated (" + actual + " bytes, the HDF5 header says " + expected + ")");
        }
    }

    /** Every dataset in the file, depth first in name order. */
    @Override
    public List<DatasetInfo> datasets() {
        List<DatasetInfo> out = new ArrayList<>();
        try {
            collect(hdf, out);
        } catch (RuntimeException e) {
            throw failure(null, "cannot list datasets", e);
        }
        return out;
    }

    /** Reads a numeric dataset (any integer or floating type) as doubles. */
    @Override
    public Data read(String datasetPath) {
        Dataset ds = dataset(datasetPath);
        Object flat;
        try {
            flat = ds.getDataFlat();
        } catch (RuntimeException e) {
            throw failure(datasetPath, "cannot read dataset", e);
        }
        if (!flat.getClass().isArray() || !flat.getClass().getComponentType().isPrimitive()
                || flat instanceof boolean[] || flat instanceof char[]) {
            throw new InputException(file.toString(), datasetPath, "dataset is not numeric (" + typeName(ds) + ")");
        }
        int n = Array.getLength(flat);
        double[] values = new double[n];
        if (flat instanceof double[] d) {
            System.arraycopy(d, 0, values, 0, n);
        } else {
            for (int i = 0; i < n; i++) values[i] = ((Number) Array.get(flat, i)).doubleValue();
        }
        return new Data(values, ds.getDimensions());
    }

    /**
     * The attributes of a group or dataset ("/" is the root), by name. Values are as jhdf decodes them: String,
     * Integer, Long, Double, or arrays such as int[], double[], String[] (strings are decoded from UTF-8).
     */
    @Override
    public Map<String, Object> attributes(String path) {
        Node node = node(path);
        Map<String, Object> out = new TreeMap<>();
        try {
            for (Map.Entry<String, Attribute> e : node.getAttributes().entrySet()) {
                out.put(e.getKey(), e.getValue().getData());
            }
        } catch (RuntimeException e) {
            throw failure(path, "cannot read attributes", e);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The resolved case (YAML text) stored in the file: the {@code /case} dataset, or the root attribute
     * {@code case} of files written before the text moved to a dataset (an attribute is limited to ~64 KiB);
     * null if the file has neither.
     */
    public String caseText() {
        try {
            if (hdf.getChildren().get("case") instanceof Dataset ds && ds.getData() instanceof String s) return s;
        } catch (RuntimeException e) {
            throw failure(CASE.path(), "cannot read the stored case", e);
        }
        return attributes("/").get("case") instanceof String s ? s : null;
    }

    /** One attribute of a group or dataset; {@link InputException} if it does not exist. */
    public Object attribute(String path, String name) {
        Object value = attributes(path).get(name);
        if (value == null) throw new InputException(file.toString(), path, "no attribute '" + name + "'");
        return value;
    }

    @Override
    public void close() {
        hdf.close();
    }

    private void collect(Group group, List<DatasetInfo> out) {
        for (Node child : new TreeMap<>(group.getChildren()).values()) {
            if (child instanceof Dataset ds) {
                Attribute units = ds.getAttribute("units");
                String u = units == null ? null : String.valueOf(units.getData());
                out.add(new DatasetInfo(absolute(ds.getPath()), ds.getDimensions(), typeName(ds), u));
            } else if (child instanceof Group g) {
                collect(g, out);
            }
        }
    }

    /** jhdf reports paths such as "/thermal/temperature" but groups as "/thermal/"; normalise to no trailing '/'. */
    private static String absolute(String jhdfPath) {
        String p = jhdfPath.startsWith("/") ? jhdfPath : "/" + jhdfPath;
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static String typeName(Dataset ds) {
        return typeName(ds.getJavaType());
    }

    /** "float64", "float32", "int64", "int32", "int16", "int8" or "string" for an element class. */
    static String typeName(Class<?> t) {
        if (t == double.class || t == Double.class) return "float64";
        if (t == float.class || t == Float.class) return "float32";
        if (t == long.class || t == Long.class) return "int64";
        if (t == int.class || t == Integer.class) return "int32";
        if (t == short.class || t == Short.class) return "int16";
        if (t == byte.class || t == Byte.class) return "int8";
        if (t == String.class) return "string";
        return t.getSimpleName();
    }

    private Dataset dataset(String path) {
        Node node = node(path);
        if (!(node instanceof Dataset ds)) throw new InputException(file.toString(), path, "is a group, not a dataset");
        return ds;
    }

    private Node node(String path) {
        if (path == null || !path.startsWith("/")) {
            throw new InputException(file.toString(), path, "HDF5 paths must start with '/'");
        }
        if (path.equals("/")) return hdf;
        try {
            return hdf.getByPath(path);
        } catch (RuntimeException e) {
            String why = omittedReason(path);
            throw new InputException(file.toString(), path, why != null ? why : "no such group or dataset", e);
        }
    }

    /**
     * Why the run left the dataset out (its case's {@code output.fields}, recorded in the root attribute
     * {@code omitted_datasets}), or null when it did not.
     */
    @Override
    public String omittedReason(String path) {
        Object o;
        try {
            o = hdf.getAttribute("omitted_datasets") == null ? null : hdf.getAttribute("omitted_datasets").getData();
        } catch (RuntimeException e) {
            return null;
        }
        if (!(o instanceof String[] omitted) || !java.util.Arrays.asList(omitted).contains(path)) return null;
        Object f = null;
        try {
            f = hdf.getAttribute("output_fields") == null ? null : hdf.getAttribute("output_fields").getData();
        } catch (RuntimeException ignored) {
            // the reason without the option's value
        }
        return ResultContents.omittedBecause(f);
    }

    private InputException failure(String path, String what, RuntimeException e) {
        return new InputException(file.toString(), path, what + " (" + e.getMessage() + ")", e);
    }
}
