package org.wafersim.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wafersim.io.ResultReader;

/**
 * The grid of a result file as the plots need it: cell faces ({@code /mesh/x}, {@code /mesh/y}, {@code /mesh/z},
 * metres), the layer table ({@code /mesh/layer_k} with attribute {@code layer_names}: k_begin, k_end exclusive) and
 * the active (heat-source) cell planes ({@code /mesh} attribute {@code active_k}). Missing parts are empty or null.
 */
record MeshInfo(double[] x, double[] y, double[] z, List<String> layerNames, int[][] layerK, int[] activeK) {
    int nx() { return x.length - 1; }
    int ny() { return y.length - 1; }
    int nz() { return z == null ? 0 : z.length - 1; }

    /** Reads the mesh, or returns null if the file has no {@code /mesh/x} and {@code /mesh/y}. */
    static MeshInfo read(ResultReader r, Set<String> datasets) {
        if (!datasets.contains("/mesh/x") || !datasets.contains("/mesh/y")) return null;
        double[] x = r.read("/mesh/x").flat(), y = r.read("/mesh/y").flat();
        double[] z = datasets.contains("/mesh/z") ? r.read("/mesh/z").flat() : null;
        List<String> names = new ArrayList<>();
        int[][] lk = new int[0][];
        if (datasets.contains("/mesh/layer_k")) {
            double[] flat = r.read("/mesh/layer_k").flat();
            if (r.attributes("/mesh/layer_k").get("layer_names") instanceof String[] n && flat.length == 2 * n.length) {
                names = List.of(n);
                lk = new int[n.length][];
                for (int l = 0; l < n.length; l++) lk[l] = new int[]{(int) flat[2 * l], (int) flat[2 * l + 1]};
            }
        }
        int[] active = r.attributes("/mesh").get("active_k") instanceof int[] a && a.length == 2 ? a : null;
        return new MeshInfo(x, y, z, names, lk, active);
    }

    /** The layer holding cell plane k, or null. */
    String layerOf(int k) {
        for (int l = 0; l < layerK.length; l++) if (k >= layerK[l][0] && k < layerK[l][1]) return layerNames.get(l);
        return null;
    }
}
