package org.wafersim.io;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The checks and conversions of {@link ResultFile}'s values, which hold no state: shapes and lengths jhdf can write,
 * attribute values and their sizes (HDF5 readers refuse an attribute over {@link ResultFile#MAX_ATTRIBUTE_BYTES}),
 * strings without NUL, and the n-D arrays the file keeps read back as flat values for its in-memory contents.
 */
final class ResultValues {
    private ResultValues() { }

    /** The dimensions of a stored n-D array (empty for a scalar), slowest first. */
    static int[] dimensions(Object data) {
        List<Integer> dims = new ArrayList<>();
        for (Object a = data; a != null && a.getClass().isArray(); a = Array.getLength(a) > 0 && !a.getClass()
                .getComponentType().isPrimitive() ? Array.get(a, 0) : null) dims.add(Array.getLength(a));
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The element class of a stored n-D array, or the class of a scalar. */
    static Class<?> elementType(Object data) {
        Class<?> c = data.getClass();
        while (c.isArray()) c = c.getComponentType();
        return c;
    }

    static int flatten(Object data, double[] out, int pos) {
        if (data instanceof double[] d) {
            System.arraycopy(d, 0, out, pos, d.length);
            return pos + d.length;
        }
        if (data.getClass().getComponentType().isPrimitive()) {
            int n = Array.getLength(data);
            for (int i = 0; i < n; i++) out[pos + i] = ((Number) Array.get(data, i)).doubleValue();
            return pos + n;
        }
        for (Object row : (Object[]) data) pos = flatten(row, out, pos);
        return pos;
    }

    /** Refuses a shape jhdf cannot write (no dimensions, too many, a zero or negative one); returns its product. */
    static long checkShape(String path, int[] shape) {
        Objects.requireNonNull(shape, "shape of " + path);
        if (shape.length == 0 || shape.length > 32) {
            throw new IllegalArgumentException(path + ": shape must have 1 to 32 dimensions, got " + shape.length);
        }
        long product = 1;
        for (int d : shape) {
            if (d < 1) {
                // jhdf fails on zero-length arrays (ArrayIndexOutOfBoundsException at write time)
                throw new IllegalArgumentException(path + ": zero-length or negative dimension in shape "
                        + Arrays.toString(shape) + "; empty datasets are not supported");
            }
            product *= d;
        }
        return product;
    }

    static void checkLength(String path, int[] shape, int length) {
        long product = checkShape(path, shape);
        if (product != length) {
            throw new IllegalArgumentException(path + ": shape " + Arrays.toString(shape) + " holds "
                    + product + " values but the array has " + length);
        }
    }

    /** Validates an attribute value and returns a private copy of it. */
    static Object attributeValue(Object value, String where) {
        if (value == null) throw new IllegalArgumentException(where + ": attribute value is null");
        if (value instanceof Boolean) {
            throw new IllegalArgumentException(where + ": booleans become HDF5 bitfields; use an int 0/1");
        }
        if (value instanceof String s) {
            checkString(s, where);
            return s;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Double) return value;
        if (value instanceof int[] a) {
            nonEmpty(a.length, where);
            return a.clone();
        }
        if (value instanceof double[] a) {
            nonEmpty(a.length, where);
            return a.clone();
        }
        if (value instanceof String[] a) {
            nonEmpty(a.length, where);
            for (String s : a) {
                if (s == null) throw new IllegalArgumentException(where + ": null element in String[] attribute");
                checkString(s, where);
            }
            return a.clone();
        }
        throw new IllegalArgumentException(where + ": unsupported attribute type " + value.getClass().getSimpleName()
                + " (use String, int, long, double, int[], double[] or String[])");
    }

    static void checkAttributeSize(Object value, String where) {
        long bytes = attributeBytes(Map.of("v", value)) - 48;
        if (bytes > ResultFile.MAX_ATTRIBUTE_BYTES)
            throw new IllegalArgumentException(where + ": an attribute of ~" + bytes + " bytes is more than HDF5 readers "
                    + "accept (" + ResultFile.MAX_ATTRIBUTE_BYTES + "); store it as a dataset");
    }

    static void nonEmpty(int length, String where) {
        if (length == 0) throw new IllegalArgumentException(where + ": zero-length arrays are not supported by jhdf");
    }

    /** jhdf writes fixed-length NUL-terminated strings: an embedded NUL would silently cut the text short. */
    static void checkString(String s, String where) {
        if (s.indexOf('\0') >= 0) throw new IllegalArgumentException(where + ": string contains a NUL character");
    }

    static long attributeBytes(Map<String, Object> attrs) {
        long bytes = 0;
        for (Object v : attrs.values()) {
            if (v instanceof String s) bytes += s.length() * 3L + 1; // UTF-8 upper bound
            else if (v instanceof String[] a) for (String s : a) bytes += s.length() * 3L + 1;
            else if (v.getClass().isArray()) bytes += 8L * Array.getLength(v);
            else bytes += 8;
        }
        return bytes + 48L * attrs.size();
    }
}
