package org.wafersim.io;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks HDF5 object paths and names before they reach jhdf. jhdf accepts a name containing '/' as one literal
 * link name, which produces a file h5dump and h5py cannot read, so every name is limited to a safe character set.
 */
final class H5Path {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private H5Path() {
    }

    /**
     * Splits an absolute path such as "/thermal/temperature" into its components.
     *
     * @param rootAllowed whether "/" (the root group, no components) is acceptable
     * @throws IllegalArgumentException if the path is not absolute or a component is empty or invalid
     */
    static List<String> split(String path, boolean rootAllowed) {
        if (path == null) throw new IllegalArgumentException("HDF5 path is null");
        if (!path.startsWith("/")) throw new IllegalArgumentException("HDF5 path must start with '/': '" + path + "'");
        if (path.equals("/")) {
            if (rootAllowed) return List.of();
            throw new IllegalArgumentException("'/' is the root group, not a dataset");
        }
        String[] parts = path.substring(1).split("/", -1);
        for (String part : parts) checkName(part, path);
        return List.of(parts);
    }

    /** Checks one group, dataset or attribute name; {@code context} is used in the error message. */
    static void checkName(String name, String context) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("empty name in HDF5 path '" + context + "'");
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid HDF5 name '" + name + "' in '" + context
                    + "': use only letters, digits, '_', '.' and '-'");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("'" + name + "' is not allowed as an HDF5 name in '" + context + "'");
        }
    }
}
