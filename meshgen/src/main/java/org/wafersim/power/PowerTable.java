package org.wafersim.power;

import org.wafersim.errors.InputException;

/**
 * A numeric table read from a CSV file or an HDF5 dataset: values in row-major order, the shape, and where each row
 * came from, so that every complaint about a value names the file and the entry (CSV: line and entry number;
 * HDF5: dataset and index). A 1-D HDF5 dataset is a table with one row and {@code oneD} set.
 *
 * @param file    the file, as shown in messages
 * @param dataset the HDF5 dataset path, or null for a CSV file
 * @param values  row-major values, length rows*columns
 * @param lines   the CSV line number (1-based) of each row, or null for HDF5
 */
record PowerTable(String file, String dataset, double[] values, int rows, int columns, int[] lines, boolean oneD) {

    double at(int r, int c) { return values[r * columns + c]; }

    /** "7 x 12" (rows x columns), or "84 values" for a 1-D dataset. */
    String shapeText() { return oneD ? columns + " values" : rows + " x " + columns; }

    /** A problem with entry (r, c): CSV "line N: entry M ...", HDF5 "/dataset: entry [r][c] ...". */
    InputException error(int r, int c, String reason) {
        if (dataset == null) return new InputException(file, "line " + lines[r], "entry " + (c + 1) + " " + reason);
        String idx = oneD ? "[" + c + "]" : "[" + r + "][" + c + "]";
        return new InputException(file, dataset, "entry " + idx + " " + reason);
    }

    /** A problem with the table as a whole. */
    InputException error(String reason) {
        return new InputException(file, dataset, reason);
    }

    /** Every value must be >= 0 (they are powers or weights). NaN and infinities cannot occur in CSV tables. */
    void checkNonNegative(String what) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                double v = at(r, c);
                if (!Double.isFinite(v)) throw error(r, c, "is " + v + "; " + what + " must be finite numbers");
                if (v < 0) throw error(r, c, "is negative (" + v + "); " + what + " must be >= 0");
            }
        }
    }

    /** An HDF5 dataset of rank 1 or 2 as a table. */
    static PowerTable ofHdf5(String file, String dataset, Hdf5Table.Data d) {
        int[] s = d.shape();
        if (s.length == 2) return new PowerTable(file, dataset, d.values(), s[0], s[1], null, false);
        if (s.length == 1) return new PowerTable(file, dataset, d.values(), 1, s[0], null, true);
        throw new InputException(file, dataset, "has " + s.length + " dimensions; a power map is a 2-D table [rows]"
                + "[columns] (or a 1-D list with one value per die or per core)");
    }
}
