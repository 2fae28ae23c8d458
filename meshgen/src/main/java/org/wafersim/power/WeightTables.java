package org.wafersim.power;

import java.nio.file.Path;

/**
 * A table of weights (numbers >= 0) from a CSV file, read by the same strict reader as the power maps
 * ({@link CsvTables}: row 0 is the first data line, the lowest y; {@code #} comments; every row the same length);
 * for tables that are not powers, such as the cold plate's flow map.
 */
public final class WeightTables {
    /** A read table: row-major values and its shape. */
    public record Table(double[] values, int rows, int columns) { }

    private WeightTables() { }

    /**
     * @param role what names the file, for the "no such file" message, e.g. "cooling.coolant.flow_map of case.yaml"
     * @param what what the values are, for the messages ("flow weights")
     */
    public static Table read(Path file, String role, String what) {
        PowerTable t = CsvTables.read(file, role);
        t.checkNonNegative(what);
        return new Table(t.values(), t.rows(), t.columns());
    }
}
