package org.wafersim.linalg;

/**
 * Geometric nested-dissection ordering of an nx x ny x nz box (George, SIAM J. Numer. Anal. 10, 1973): both
 * halves of the box recursively, the separating plane last. Sparse Cholesky factors of grid operators keep a fill
 * of O(n log n) in 2-D with it instead of the O(n^1.5) of a band ordering. EJML has no such ordering.
 */
public final class NestedDissection {
    private NestedDissection() { }

    /** The ordering p[new] = old over flat indices (k*ny + j)*nx + i. */
    public static int[] order(int nx, int ny, int nz) {
        int[] out = new int[nx * ny * nz];
        int[] pos = {0};
        dissect(nx, ny, 0, nx, 0, ny, 0, nz, out, pos);
        return out;
    }

    private static void dissect(int nx, int ny, int x0, int x1, int y0, int y1, int z0, int z1, int[] out, int[] pos) {
        int lx = x1 - x0, ly = y1 - y0, lz = z1 - z0;
        if (lx <= 0 || ly <= 0 || lz <= 0) return;
        if ((long) lx * ly * lz <= 8 || (lx <= 2 && ly <= 2 && lz <= 2)) {
            for (int k = z0; k < z1; k++)
                for (int j = y0; j < y1; j++)
                    for (int i = x0; i < x1; i++) out[pos[0]++] = (k * ny + j) * nx + i;
            return;
        }
        if (lx >= ly && lx >= lz) {
            int m = x0 + lx / 2;
            dissect(nx, ny, x0, m, y0, y1, z0, z1, out, pos);
            dissect(nx, ny, m + 1, x1, y0, y1, z0, z1, out, pos);
            dissect(nx, ny, m, m + 1, y0, y1, z0, z1, out, pos);
        } else if (ly >= lz) {
            int m = y0 + ly / 2;
            dissect(nx, ny, x0, x1, y0, m, z0, z1, out, pos);
            dissect(nx, ny, x0, x1, m + 1, y1, z0, z1, out, pos);
            dissect(nx, ny, x0, x1, m, m + 1, z0, z1, out, pos);
        } else {
            int m = z0 + lz / 2;
            dissect(nx, ny, x0, x1, y0, y1, z0, m, out, pos);
            dissect(nx, ny, x0, x1, y0, y1, m + 1, z1, out, pos);
            dissect(nx, ny, x0, x1, y0, y1, m, m + 1, out, pos);
        }
    }
}
