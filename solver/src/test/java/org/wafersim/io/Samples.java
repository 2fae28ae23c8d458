package org.wafersim.io;

/** A small result file shared by the tests: a non-cubic 3 x 4 x 5 grid with distinct values everywhere. */
final class Samples {
    static final int NZ = 3, NY = 4, NX = 5;

    private Samples() {
    }

    /** Temperature at cell (k, j, i): every cell distinct, and the indices can be read off the value. */
    static double temperature(int k, int j, int i) {
        return 1000.0 * k + 100.0 * j + i + 0.25;
    }

    static double[] temperatureFlat() {
        double[] t = new double[NZ * NY * NX];
        for (int k = 0; k < NZ; k++)
            for (int j = 0; j < NY; j++)
                for (int i = 0; i < NX; i++) t[(k * NY + j) * NX + i] = temperature(k, j, i);
        return t;
    }

    static double[] faces(int n, double step) {
        double[] f = new double[n + 1];
        for (int i = 0; i <= n; i++) f[i] = i * step * (1 + 0.1 * i); // graded, strictly increasing
        return f;
    }

    static final double[] X = faces(NX, 1e-3), Y = faces(NY, 2e-3), Z = faces(NZ, 1e-4);

    /** The sample: mesh, a 3-D field, an int field, a 2-D map, 1-D arrays, a scalar and attributes of each type. */
    static ResultFile result() {
        int[] mat = new int[NZ * NY * NX];
        for (int c = 0; c < mat.length; c++) mat[c] = c % 3;
        double[] warp = new double[NY * NX];
        for (int c = 0; c < warp.length; c++) warp[c] = -0.5 * c;
        return new ResultFile()
                .attribute("/", "case_name", "sample")
                .attribute("/", "wafersim_version", "0.1.0-SNAPSHOT")
                .attribute("/", "grid_cells", new int[]{NZ, NY, NX})
                .attribute("/", "seed", 1234567890123L)
                .attribute("/", "schema", 1)
                .dataset("/mesh/x", X, new int[]{NX + 1}, "m")
                .dataset("/mesh/y", Y, new int[]{NY + 1}, "m")
                .dataset("/mesh/z", Z, new int[]{NZ + 1}, "m")
                .intDataset("/mesh/material_id", mat, new int[]{NZ, NY, NX}, "1")
                .datasetAttribute("/mesh/material_id", "material_names", new String[]{"si", "cu", "underfill"})
                .dataset("/thermal/temperature", temperatureFlat(), new int[]{NZ, NY, NX}, "degC")
                .attribute("/thermal/heat_paths", "total_W", 15000.5)
                .attribute("/thermal/heat_paths", "split_W", new double[]{14000.0, 1000.5})
                .dataset("/mechanics/warpage", warp, new int[]{NY, NX}, "um")
                .dataset("/solver/wall_seconds", 3.5, "s");
    }
}
