package org.wafersim.io;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import io.jhdf.exceptions.HdfException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * In-memory description of one HDF5 result file (layout: DESIGN.md §7), filled during a run and written once with
 * {@link #writeAtomically(Path, boolean)}.
 *
 * <p>Every dataset carries a {@code units} attribute. Arrays are given flat in C order with a shape such as
 * {@code [nz, ny, nx]}; element {@code (k, j, i)} is at {@code (k*ny + j)*nx + i}. Groups are created implicitly from
 * the paths. All data is copied when added, so callers may keep reusing their arrays. Not thread-safe.
 *
 * <p>The checks here exist because jhdf 0.13.0 silently writes broken files for some inputs (names containing '/',
 * ragged arrays, strings with NUL) and fails late for others (zero-length arrays): problems are reported when the
 * data is added, where the caller can see which one is wrong.
 *
 * <p>The case's {@code output} options ({@link #output}) apply here, the one place every dataset passes: with
 * {@code fields: cores} the datasets whose schema shape is a cell-grid field ([nz][ny][nx] cells, [ny][nx] surfaces)
 * are left out (their paths listed in the root attribute {@code omitted_datasets}, so readers can say why one is
 * missing); with {@code precision: float} the floating-point arrays of field shapes are stored as 32-bit floats;
 * with {@code compression} 1-9 every array of at least {@link #MIN_CHUNKED_VALUES} values is written chunked with
 * byte shuffle and deflate (jhdf 0.13's {@code DatasetCreationOptions}). Without options the file is as before.
 */
public final class ResultFile {
    /** Attribute jhdf adds to every root group by itself. */
    private static final String JHDF_ROOT_ATTRIBUTE = "_jHDF";
    /** Rough allowance for HDF5 object headers, links and attribute messages, used by {@link #estimatedBytes()}. */
    private static final long OBJECT_OVERHEAD_BYTES = 160;

    private final Group root = new Group();
    private org.wafersim.cases.CaseSpec.OutputSpec output = org.wafersim.cases.CaseSpec.OutputSpec.DEFAULT;
    private final List<String> omitted = new ArrayList<>();
    /** {k0, k1, nz}: the cell planes the cell fields are cropped to, or null. */
    private int[] window;

    /** The write buffer between jhdf and the file ({@link BufferedWriteChannel}). */
    static final int WRITE_BUFFER_BYTES = 4 << 20;
    /** Arrays smaller than this stay contiguous under compression (a chunk index costs more than it saves). */
    static final int MIN_CHUNKED_VALUES = 1024;
    /** Values per chunk (at most): 128 Ki values, 0.5-1 MB, a few rows of a cell field. */
    static final int CHUNK_VALUES = 1 << 17;
    /** jhdf encodes a chunked dataset into one byte array: larger ones stay contiguous (its limit is 2 GiB). */
    static final long MAX_CHUNKED_BYTES = 1L << 30;

    private static final class Group {
        final Map<String, Group> groups = new TreeMap<>();
        final Map<String, Dataset> datasets = new TreeMap<>();
        final Map<String, Object> attributes = new LinkedHashMap<>();
    }

    private record Dataset(Object data, long payloadBytes, Map<String, Object> attributes, int[] chunk, int deflate) {
        Dataset(Object data, long payloadBytes, Map<String, Object> attributes) {
            this(data, payloadBytes, attributes, null, 0);
        }
    }

    /**
     * Applies the case's output options to the datasets added from now on (see the class comment); the root
     * attributes {@code output_fields}, {@code output_precision} and {@code output_compression} record them when
     * they are not the default.
     */
    public ResultFile output(org.wafersim.cases.CaseSpec.OutputSpec o) {
        this.output = Objects.requireNonNull(o, "output");
        if (!o.isDefault()) {
            attribute("/", "output_fields", o.fields().key);
            attribute("/", "output_precision", o.single() ? "float" : "double");
            attribute("/", "output_compression", o.deflate());
        }
        return this;
    }

    /**
     * Crops every cell field ([nz][ny][nx] of the solved grid, as the schema's {@code CELLS} shape) added from now on
     * to the cell planes [k0, k1): the window of {@code output.layers}. The caller writes the mesh of the window.
     */
    public ResultFile zWindow(int k0, int k1, int nz) {
        if (!(0 <= k0 && k0 < k1 && k1 <= nz)) throw new IllegalArgumentException("z window [" + k0 + ", " + k1
                + ") of " + nz + " cell planes");
        this.window = new int[]{k0, k1, nz};
        return this;
    }

    /**
     * The first cell plane stored of a dataset of this shape at this path: the window's k0 for a cell field ([nz][ny][nx]
     * of the solved grid) when {@code output.layers} crops, else -1 (stored whole).
     */
    private int cropFrom(String path, int[] shape) {
        if (window == null || shape.length != 3 || shape[0] != window[2] || !cellField(path)) return -1;
        return window[0];
    }

    static boolean cellField(String path) {
        return ResultSchema.of(path).map(d -> d.shape() == ResultSchema.Shape.CELLS).orElse(false);
    }

    /** Paths left out by {@code output.fields}, in the order the run produced them. */
    public List<String> omitted() { return List.copyOf(omitted); }

    /** Whether the schema entry behind {@code path} is a cell-grid field (what {@code fields: cores} leaves out). */
    static boolean gridField(String path) {
        return ResultSchema.of(path).map(d -> d.shape() == ResultSchema.Shape.CELLS
                || d.shape() == ResultSchema.Shape.SURFACE).orElse(false);
    }

    /** Whether the schema entry behind {@code path} is an array that {@code precision: float} stores in 32 bits. */
    static boolean floatField(String path) {
        return ResultSchema.of(path).map(d -> switch (d.shape()) {
            case CELLS, SURFACE, PER_CORE, PER_DIE, TIME_PER_DIE, PLATE_ELEMENTS, PLATE_NODES, PLATE_XY, PLATE_LEVELS,
                 PLATE_DISPLACEMENT, PLATE_HISTORY -> true;
            default -> false;
        }).orElse(false);
    }

    /** True (and the path noted) when the output options leave this dataset out. */
    private boolean omit(String path) {
        if (output.fields() == org.wafersim.cases.CaseSpec.OutputSpec.Fields.CORES && gridField(path)) {
            if (!omitted.contains(path)) omitted.add(path);
            return true;
        }
        return false;
    }

    /** Chunk dimensions for a dataset of this shape: whole trailing rows, at most {@link #CHUNK_VALUES} values. */
    static int[] chunkOf(int[] shape) {
        int[] c = shape.clone();
        for (int d = 0; d < c.length; d++) {
            long rest = 1;
            for (int e = d + 1; e < c.length; e++) rest *= c[e];
            if (rest >= CHUNK_VALUES) {
                c[d] = 1;
                continue;
            }
            c[d] = (int) Math.max(1, Math.min(shape[d], CHUNK_VALUES / rest));
            break;
        }
        return c;
    }

    /**
     * Adds an attribute to a group (created if needed; "/" is the root group).
     *
     * @param value a String, Integer, Long, Double, int[], double[] or String[]; booleans are refused because jhdf
     *              writes them as HDF5 bitfields, which most readers do not treat as booleans (use int 0/1)
     * @throws IllegalArgumentException for an invalid path or name, a path naming a dataset, a duplicate attribute,
     *                                  an unsupported type or an empty array
     */
    public ResultFile attribute(String groupPath, String name, Object value) {
        List<String> parts = H5Path.split(groupPath, true);
        H5Path.checkName(name, groupPath);
        if (parts.isEmpty() && name.equals(JHDF_ROOT_ATTRIBUTE)) {
            throw new IllegalArgumentException("root attribute '" + JHDF_ROOT_ATTRIBUTE + "' is reserved by jhdf");
        }
        Object copy = ResultValues.attributeValue(value, groupPath + "@" + name);
        ResultValues.checkAttributeSize(copy, groupPath + "@" + name);
        Map<String, Object> attrs = group(parts, groupPath).attributes;
        putNew(attrs, name, copy, groupPath);
        return this;
    }

    /**
     * Adds a double dataset.
     *
     * @param flat  values in C order (copied)
     * @param shape dimensions, slowest first, e.g. {@code [nz, ny, nx]}, {@code [ny, nx]} or {@code [n]}; each >= 1
     * @param units units string, "1" for dimensionless; stored as the {@code units} attribute
     */
    public ResultFile dataset(String path, double[] flat, int[] shape, String units) {
        Objects.requireNonNull(flat, "data of " + path);
        if (omit(path)) return this;
        ResultValues.checkLength(path, shape, flat.length);
        return dataset(path, shape, units, (from, row) -> System.arraycopy(flat, from, row, 0, row.length));
    }

    /**
     * Values of a dataset given row by row: {@code row} (one run along the last axis) is to receive the values at
     * the flat C-order indices {@code from} to {@code from + row.length}. A dataset added this way is computed
     * straight into the rows the file keeps, without a flat copy (the big cell fields: a conversion to degC, an
     * integer widening).
     */
    @FunctionalInterface
    public interface DoubleRows {
        void fill(int from, double[] row);
    }

    /** As {@link DoubleRows} for int32 datasets. */
    @FunctionalInterface
    public interface IntRows {
        void fill(int from, int[] row);
    }

    /** As {@link DoubleRows} for 8-bit datasets. */
    @FunctionalInterface
    public interface ByteRows {
        void fill(int from, byte[] row);
    }

    /**
     * Adds a double dataset of this shape whose values {@code rows} computes (the same rules and output options as
     * {@link #dataset(String, double[], int[], String)}; {@code rows} is called during this call only).
     */
    public ResultFile dataset(String path, int[] shape, String units, DoubleRows rows) {
        Objects.requireNonNull(rows, "data of " + path);
        if (omit(path)) return this;
        ResultValues.checkShape(path, shape);
        if (output.single() && floatField(path)) {
            double[] scratch = new double[shape[shape.length - 1]];
            return addRows(path, shape, units, float.class, 4, (from, row) -> {
                float[] f = (float[]) row;
                rows.fill(from, scratch);
                for (int i = 0; i < f.length; i++) f[i] = (float) scratch[i];
            });
        }
        return addRows(path, shape, units, double.class, 8, (from, row) -> rows.fill(from, (double[]) row));
    }

    /** Adds an int32 dataset (e.g. material ids); same rules as {@link #dataset(String, double[], int[], String)}. */
    public ResultFile intDataset(String path, int[] flat, int[] shape, String units) {
        if (omit(path)) return this;
        Objects.requireNonNull(flat, "data of " + path);
        ResultValues.checkLength(path, shape, flat.length);
        return addRows(path, shape, units, int.class, 4, (from, row) -> System.arraycopy(flat, from, row, 0,
                ((int[]) row).length));
    }

    /** Adds an int32 dataset whose values {@code rows} computes (see {@link #dataset(String, int[], String, DoubleRows)}). */
    public ResultFile intDataset(String path, int[] shape, String units, IntRows rows) {
        Objects.requireNonNull(rows, "data of " + path);
        if (omit(path)) return this;
        ResultValues.checkShape(path, shape);
        return addRows(path, shape, units, int.class, 4, (from, row) -> rows.fill(from, (int[]) row));
    }

    /**
     * Adds a scalar text dataset (fixed-length UTF-8; h5py reads {@code f[path][()].decode()}), for text that may be
     * longer than an attribute can hold, such as the resolved case. Its {@code units} attribute is "text".
     */
    public ResultFile textDataset(String path, String text) {
        Objects.requireNonNull(text, "text of " + path);
        ResultValues.checkString(text, path);
        if (text.isEmpty()) text = " ";   // jhdf cannot write a zero-length string type
        return putDataset(path, text, (long) text.length() * 3, "text");
    }

    /** Adds an 8-bit integer dataset (flags, e.g. VTK ghost-cell types); same rules as the others. */
    public ResultFile byteDataset(String path, byte[] flat, int[] shape, String units) {
        Objects.requireNonNull(flat, "data of " + path);
        if (omit(path)) return this;
        ResultValues.checkLength(path, shape, flat.length);
        return addRows(path, shape, units, byte.class, 1, (from, row) -> System.arraycopy(flat, from, row, 0,
                ((byte[]) row).length));
    }

    /** Adds an 8-bit dataset whose values {@code rows} computes (see {@link #dataset(String, int[], String, DoubleRows)}). */
    public ResultFile byteDataset(String path, int[] shape, String units, ByteRows rows) {
        Objects.requireNonNull(rows, "data of " + path);
        if (omit(path)) return this;
        ResultValues.checkShape(path, shape);
        return addRows(path, shape, units, byte.class, 1, (from, row) -> rows.fill(from, (byte[]) row));
    }

    // ---- the same for the entries of the result schema: the path from the schema (placeholders filled by
    // parts), the units attribute from the schema ----

    /** Adds a double dataset at {@code d}'s path with {@code d}'s units. */
    public ResultFile dataset(ResultSchema d, double[] flat, int[] shape, String... parts) {
        return dataset(d.path(parts), flat, shape, d.units());
    }

    /** Adds a double dataset at {@code d}'s path with {@code d}'s units, its values computed row by row. */
    public ResultFile dataset(ResultSchema d, int[] shape, DoubleRows rows, String... parts) {
        return dataset(d.path(parts), shape, d.units(), rows);
    }

    /** Adds an int32 dataset at {@code d}'s path with {@code d}'s units. */
    public ResultFile intDataset(ResultSchema d, int[] flat, int[] shape, String... parts) {
        return intDataset(d.path(parts), flat, shape, d.units());
    }

    /** Adds an int32 dataset at {@code d}'s path with {@code d}'s units, its values computed row by row. */
    public ResultFile intDataset(ResultSchema d, int[] shape, IntRows rows, String... parts) {
        return intDataset(d.path(parts), shape, d.units(), rows);
    }

    /** Adds an 8-bit dataset at {@code d}'s path with {@code d}'s units, its values computed row by row. */
    public ResultFile byteDataset(ResultSchema d, int[] shape, ByteRows rows, String... parts) {
        return byteDataset(d.path(parts), shape, d.units(), rows);
    }

    /** Adds an 8-bit integer dataset at {@code d}'s path with {@code d}'s units. */
    public ResultFile byteDataset(ResultSchema d, byte[] flat, int[] shape, String... parts) {
        return byteDataset(d.path(parts), flat, shape, d.units());
    }

    /** Adds a text dataset at {@code d}'s path. */
    public ResultFile textDataset(ResultSchema d, String text) {
        return textDataset(d.path(), text);
    }

    /** Adds an attribute to the group {@code g} of the schema. */
    public ResultFile attribute(ResultSchema g, String name, Object value) {
        return attribute(g.path(), name, value);
    }

    /** Adds an attribute to the dataset {@code d} of the schema, added earlier. */
    public ResultFile datasetAttribute(ResultSchema d, String name, Object value) {
        return datasetAttribute(d.path(), name, value);
    }

    /** Adds a scalar double dataset. */
    public ResultFile dataset(String path, double value, String units) {
        return putDataset(path, value, 8, units);
    }

    /**
     * Adds an extra attribute (e.g. {@code material_names}) to a dataset added earlier; values as for
     * {@link #attribute(String, String, Object)}.
     */
    public ResultFile datasetAttribute(String datasetPath, String name, Object value) {
        List<String> parts = H5Path.split(datasetPath, false);
        H5Path.checkName(name, datasetPath);
        if (omitted.contains(datasetPath)) return this;     // left out by output.fields: so are its attributes
        Group parent = findGroup(parts.subList(0, parts.size() - 1));
        Dataset ds = parent == null ? null : parent.datasets.get(parts.get(parts.size() - 1));
        if (ds == null) {
            throw new IllegalArgumentException("no dataset '" + datasetPath + "' yet; add the dataset first");
        }
        Object copy = ResultValues.attributeValue(value, datasetPath + "@" + name);
        ResultValues.checkAttributeSize(copy, datasetPath + "@" + name);
        putNew(ds.attributes, name, copy, datasetPath);
        return this;
    }

    /**
     * Approximate size of the written file in bytes: the data itself plus a rough allowance per object for HDF5
     * metadata. Meant for disk-space checks and progress messages, not exact.
     */
    public long estimatedBytes() {
        return estimate(root);
    }

    /**
     * Writes the file to a temporary sibling ({@code .NAME.tmp-RANDOM}), flushes it, then renames it onto
     * {@code target} atomically. On any failure the temporary file is deleted and {@code target} is untouched.
     *
     * @param force replace an existing {@code target}; without it an existing target is an error
     * @throws org.wafersim.errors.InputException if the target exists and !force (checked before anything is
     *                                            written), if its folder does not exist, or if it is a folder
     * @throws IOException                        if writing or renaming fails (jhdf errors are wrapped)
     */
    public void writeAtomically(Path target, boolean force) throws IOException {
        AtomicWrite.write(target, force, this::writeTo);
    }

    /**
     * Removes the temporaries that killed writers left for {@code target} (its own and its sidecar's are separate
     * targets); a temporary of a process that still runs is kept. Called before a run so that a refused or failed
     * run also cleans up after a killed one.
     */
    public static void removeStaleTemporaries(Path target) {
        AtomicWrite.removeStale(target);
    }

    /** Test seam: adds a dataset without any checks, to provoke a failure inside jhdf (e.g. a zero-length array). */
    ResultFile uncheckedDatasetForTest(String path, Object data) {
        List<String> parts = H5Path.split(path, false);
        group(parts.subList(0, parts.size() - 1), path).datasets
                .put(parts.get(parts.size() - 1), new Dataset(data, 0, new LinkedHashMap<>()));
        return this;
    }

    // ---- writing ----

    private void writeTo(Path tmp) throws IOException {
        // jhdf writes everything in close(), even after an exception inside this block (it would leave a partial
        // file); AtomicWrite deletes the temporary file in that case.
        // jhdf writes a field one last-axis row per system call: buffered, it writes 4 MiB at a time
        try (WritableHdfFile h5 = HdfFile.write(BufferedPath.of(tmp, WRITE_BUFFER_BYTES))) {
            if (!omitted.isEmpty() && !root.attributes.containsKey("omitted_datasets"))
                root.attributes.put("omitted_datasets", omitted.toArray(new String[0]));
            writeGroup(h5, root);
        } catch (HdfException | UncheckedIOException e) {
            throw new IOException("jhdf failed to write the HDF5 file: " + e.getMessage(), e);
        }
    }

    private static void writeGroup(WritableGroup out, Group g) {
        g.attributes.forEach(out::putAttribute);
        g.groups.forEach((name, child) -> writeGroup(out.putGroup(name), child));
        g.datasets.forEach((name, ds) -> {
            WritableDataset written = ds.chunk() == null ? out.putDataset(name, ds.data())
                    : out.putDataset(name, ds.data(), DatasetCreationOptions.builder().chunkDimensions(ds.chunk())
                            .shuffle().deflate(ds.deflate()).build());
            ds.attributes().forEach(written::putAttribute);
        });
    }

    // ---- the tree as the written file holds it ----

    /**
     * The datasets and attributes as a reader of the written file sees them ({@link ResultContents}), for the XDMF
     * sidecar; without the root attribute {@code _jHDF} that jhdf adds on writing. Valid while this file is unchanged.
     */
    ResultContents contents() {
        return new Contents();
    }

    private final class Contents implements ResultContents {
        @Override public List<ResultReader.DatasetInfo> datasets() {
            List<ResultReader.DatasetInfo> out = new ArrayList<>();
            collect(root, "", out);
            return out;
        }

        private void collect(Group g, String prefix, List<ResultReader.DatasetInfo> out) {
            TreeMap<String, Object> children = new TreeMap<>(g.groups);
            children.putAll(g.datasets);
            for (Map.Entry<String, Object> e : children.entrySet()) {
                String path = prefix + "/" + e.getKey();
                if (e.getValue() instanceof Group child) {
                    collect(child, path, out);
                    continue;
                }
                Dataset ds = (Dataset) e.getValue();
                Object units = ds.attributes().get("units");
                out.add(new ResultReader.DatasetInfo(path, ResultValues.dimensions(ds.data()),
                        ResultReader.typeName(ResultValues.elementType(ds.data())), units == null ? null : String.valueOf(units)));
            }
        }

        @Override public ResultReader.Data read(String datasetPath) {
            Dataset ds = dataset(datasetPath);
            int[] dims = ResultValues.dimensions(ds.data());
            long n = 1;
            for (int d : dims) n *= d;
            double[] values = new double[Math.toIntExact(n)];
            if (ds.data() instanceof Number v) {
                values[0] = v.doubleValue();
            } else if (!ds.data().getClass().isArray() || !ResultValues.elementType(ds.data()).isPrimitive()) {
                throw new IllegalArgumentException(datasetPath + ": dataset is not numeric");
            } else {
                ResultValues.flatten(ds.data(), values, 0);
            }
            return new ResultReader.Data(values, dims);
        }

        @Override public Map<String, Object> attributes(String path) {
            Map<String, Object> attrs;
            if (path.equals("/")) {
                attrs = new TreeMap<>(root.attributes);
                if (!omitted.isEmpty()) attrs.putIfAbsent("omitted_datasets", omitted.toArray(new String[0]));
            } else {
                List<String> parts = H5Path.split(path, false);
                Group g = findGroup(parts);
                if (g != null) {
                    attrs = new TreeMap<>(g.attributes);
                } else {
                    attrs = new TreeMap<>(dataset(path).attributes());
                }
            }
            return java.util.Collections.unmodifiableMap(attrs);
        }

        @Override public String omittedReason(String path) {
            return omitted.contains(path) ? ResultContents.omittedBecause(root.attributes.get("output_fields")) : null;
        }

        private Dataset dataset(String path) {
            List<String> parts = H5Path.split(path, false);
            Group parent = findGroup(parts.subList(0, parts.size() - 1));
            Dataset ds = parent == null ? null : parent.datasets.get(parts.get(parts.size() - 1));
            if (ds == null) throw new IllegalArgumentException("no dataset " + path);
            return ds;
        }
    }

    // ---- model ----

    /** Fills one stored row (a primitive array) with the values from flat index {@code from} of the source. */
    private interface RowFill {
        void fill(int from, Object row);
    }

    /**
     * Adds a dataset of this (checked) shape, cropped to the z window where that applies, as the {@code [d0][d1]...}
     * Java array jhdf writes, each last-axis row filled by {@code fill}. The rows are the file's own copy (jhdf keeps
     * a reference and reads it only in close(), so a caller reusing its array would change the file), and the n-D
     * form is what jhdf streams row by row; a big 1-D array would need a second full-size buffer while writing.
     */
    private ResultFile addRows(String path, int[] shape, String units, Class<?> element, int elementBytes,
                               RowFill fill) {
        int k0 = cropFrom(path, shape);
        int[] stored = shape;
        int offset = 0;
        if (k0 >= 0) {
            stored = new int[]{window[1] - window[0], shape[1], shape[2]};
            offset = k0 * shape[1] * shape[2];
        }
        long length = 1;
        for (int d : stored) length *= d;
        Object data = Array.newInstance(element, stored);
        fillRows(data, fill, offset, stored, 0);
        ResultFile r = putDataset(path, data, length * elementBytes, units);
        if (output.deflate() > 0 && length >= MIN_CHUNKED_VALUES && length * elementBytes <= MAX_CHUNKED_BYTES) {
            List<String> parts = H5Path.split(path, false);
            Group parent = findGroup(parts.subList(0, parts.size() - 1));
            String name = parts.get(parts.size() - 1);
            Dataset d = parent.datasets.get(name);
            parent.datasets.put(name, new Dataset(d.data(), d.payloadBytes(), d.attributes(), chunkOf(stored),
                    output.deflate()));
        }
        return r;
    }

    private static int fillRows(Object dst, RowFill fill, int pos, int[] shape, int dim) {
        if (dim == shape.length - 1) {
            fill.fill(pos, dst);
            return pos + shape[dim];
        }
        for (Object row : (Object[]) dst) pos = fillRows(row, fill, pos, shape, dim + 1);
        return pos;
    }

    private ResultFile putDataset(String path, Object data, long payloadBytes, String units) {
        List<String> parts = H5Path.split(path, false);
        if (units == null || units.isEmpty()) {
            throw new IllegalArgumentException(path + ": units are required (use \"1\" for dimensionless)");
        }
        ResultValues.checkString(units, path + "@units");
        String name = parts.get(parts.size() - 1);
        Group parent = group(parts.subList(0, parts.size() - 1), path);
        if (parent.groups.containsKey(name)) throw new IllegalArgumentException(path + " is already a group");
        if (parent.datasets.containsKey(name)) throw new IllegalArgumentException("duplicate dataset " + path);
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("units", units);
        parent.datasets.put(name, new Dataset(data, payloadBytes, attrs));
        return this;
    }

    /** Walks to (creating as needed) the group with the given components. */
    private Group group(List<String> parts, String path) {
        Group g = root;
        for (String part : parts) {
            if (g.datasets.containsKey(part)) {
                throw new IllegalArgumentException(path + ": '" + part + "' is a dataset, not a group");
            }
            g = g.groups.computeIfAbsent(part, k -> new Group());
        }
        return g;
    }

    private Group findGroup(List<String> parts) {
        Group g = root;
        for (String part : parts) {
            g = g.groups.get(part);
            if (g == null) return null;
        }
        return g;
    }

    private static void putNew(Map<String, Object> attrs, String name, Object value, String path) {
        if (attrs.containsKey(name)) {
            throw new IllegalArgumentException("duplicate attribute '" + name + "' on " + path);
        }
        attrs.put(name, value);
    }

    /**
     * HDF5 keeps an attribute in one object-header message, whose size field is 16 bits; jhdf 0.13 writes a larger
     * one anyway and h5py/h5dump then refuse the whole object ("bad flag combination for message"; seen from
     * ~55 KB). Text of unbounded length belongs in a dataset ({@link #textDataset}).
     */
    static final long MAX_ATTRIBUTE_BYTES = 48 * 1024;

    private static long estimate(Group g) {
        long bytes = OBJECT_OVERHEAD_BYTES + ResultValues.attributeBytes(g.attributes);
        for (Group child : g.groups.values()) bytes += estimate(child);
        for (Dataset ds : g.datasets.values()) {
            bytes += OBJECT_OVERHEAD_BYTES + ds.payloadBytes() + ResultValues.attributeBytes(ds.attributes());
        }
        return bytes;
    }


}
