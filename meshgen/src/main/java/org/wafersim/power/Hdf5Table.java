package org.wafersim.power;

import java.nio.file.Path;

/**
 * Reads one numeric dataset from an HDF5 file. meshgen has no HDF5 library (only the solver module depends on jhdf),
 * so the solver implements this ({@code org.wafersim.io.Hdf5PowerMap}) and passes it to
 * {@link CorePowerSources}. Implementations report a missing file, a file that is not HDF5, a missing or
 * non-numeric dataset as an {@link org.wafersim.errors.InputException} naming the file and the dataset.
 */
@FunctionalInterface
public interface Hdf5Table {
    /** Values in C order (row-major, slowest dimension first) and the shape, e.g. {@code [rows, columns]} or {@code [n]}. */
    record Data(double[] values, int[] shape, String units) {
        /** Without a {@code units} attribute. */
        public Data(double[] values, int[] shape) { this(values, shape, null); }
    }

    /**
     * @param file    the HDF5 file
     * @param dataset absolute dataset path such as {@code /power}
     */
    Data read(Path file, String dataset);
}
