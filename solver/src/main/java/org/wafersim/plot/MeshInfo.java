package org.wafersim.plot;

import static org.wafersim.io.ResultSchema.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wafersim.io.ResultReader;

/**
 * The grid of a result file as the plots need it: cell faces ({@code /mesh/x}, {@code /mesh/y}, {@code /mesh/z},
 * metres), the layer table ({@code /mesh/layer_k} with attribute {@code layer_names}: k_begin, k_end exclusive) and
 * the active (heat-source) cell planes ({@code /mesh} attribute {@code active_k}). Missing parts are empty or null;
 * {@code cropped} when the run stored only some layers' cell planes ({@code output.layers}).
 */
record MeshInfo(double[] x, double[] y, double[] z, List<String> layerNames, int[][] layerK, int[] activeK,
                boolean cropped) {
    int nx() { return x.length - 1; }
    int ny() { return y.length - 1; }
    int nz() { return z == null ? 0 : z.length - 1; }

    /** Reads the mesh, or returns null if the file has no {@code /mesh/x} and {@code /mesh/y}. */
    static MeshInfo read(ResultReader r, Set<String> datasets) {
        if (!datasets.contains(MESH_X.path()) || !datasets.contains(MESH_Y.path())) return null;
        double[] x = r.read(MESH_X.path()).flat(), y = r.read(MESH_Y.path()).flat();
        double[] z = datasets.contains(MESH_Z.path()) ? r.read(MESH_Z.path()).flat() : null;
        List<String> names = new ArrayList<>();
        int[][] lk = new int[0][];
        if (datasets.contains(MESH_LAYER_K.path())) {
            double[] flat = r.read(MESH_LAYER_K.path()).flat();
            if (r.attributes(MESH_LAYER_K.path()).get("layer_names") instanceof String[] n && flat.length == 2 * n.length) {
                names = List.of(n);
                lk = new int[n.length][];
                for (int l = 0; l < n.length; l++) lk[l] = new int[]{(int) flat[2 * l], (int) flat[2 * l + 1]};
            }
        }
        int[] active = r.attributes(MESH.path()).get("active_k") instanceof int[] a && a.length == 2 ? a : null;
        // output.layers: the file holds the cell planes of some layers only (root attribute output_k_window)
        boolean cropped = r.attributes("/").get("output_k_window") != null;
        return new MeshInfo(x, y, z, names, lk, active, cropped);
    }

    /** The layer holding cell plane k, or null. */
    String layerOf(int k) {
        for (int l = 0; l < layerK.length; l++) if (k >= layerK[l][0] && k < layerK[l][1]) return layerNames.get(l);
        return null;
    }
}
