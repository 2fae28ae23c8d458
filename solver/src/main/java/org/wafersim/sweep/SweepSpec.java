package org.wafersim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A parsed sweep file (see {@link SweepFile} for the format).
 *
 * @param file    the sweep file (relative paths in it are relative to its folder)
 * @param name    the sweep's name (key {@code name}, else the file name without extension)
 * @param base    the base case as written: a case file path or an embedded case name
 * @param set     fixed overrides, case key to value, applied to every point before the axes
 * @param mode    how the axes combine
 * @param axes    the parameter axes, in file order
 * @param samples number of points for {@link SweepMode#LHS} (0 otherwise)
 * @param seed    random seed for {@link SweepMode#LHS}
 */
public record SweepSpec(Path file, String name, String base, Map<String, JsonNode> set, SweepMode mode, List<Axis> axes,
                        int samples, long seed) {
    public SweepSpec {
        set = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(set));
        axes = List.copyOf(axes);
    }

    /**
     * One axis: a case key (dotted path as for {@code --set}) and its values: the list of values for product and zip
     * sweeps, or the two ends {@code [low, high]} of a range for Latin hypercube sampling.
     */
    public record Axis(String key, List<JsonNode> values) {
        public Axis {
            values = List.copyOf(values);
        }
    }

    /** The folder with the sweep file. */
    public Path folder() {
        Path p = file.toAbsolutePath().getParent();
        return p == null ? Path.of(".") : p;
    }

    /** The default output folder: {@code <name>.out} next to the sweep file. */
    public Path defaultOutput() {
        return folder().resolve(name + ".out");
    }
}
