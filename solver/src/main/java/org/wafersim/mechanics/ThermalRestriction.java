package org.wafersim.mechanics;

import java.util.List;
import org.wafersim.grid.Grid;
import org.wafersim.linalg.Parallel;
import org.wafersim.materials.Material;

/**
 * Restricts a temperature field of the thermal grid to the thermal load of the plate model ({@link LayerStrains}):
 * per thermal column and layer, the free thermal strain eps_th = integral of alpha dT from the stress-free
 * temperature (the material's own alpha(T), e.g. Okada-Tokumaru for silicon) is integrated over the layer's cells
 * (int0 = sum eps dz, int1 = sum eps (z_c - z_mid) dz, exact for piecewise-constant cells), then averaged over
 * each mechanics element with the overlap areas as weights. The restriction is conservative: the element
 * integrals add up to the column integrals. A material without a CTE (a grease) contributes no strain.
 */
public final class ThermalRestriction {
    private ThermalRestriction() { }

    /**
     * @param materials  the material of each grid layer (stack order, as {@link Grid#layerNames()})
     * @param temperatureK cell temperatures (K), flat [z][y][x]
     */
    public static LayerStrains restrict(Grid g, double[] temperatureK, List<Material> materials, double stressFreeK,
                                        PlateMesh mesh) {
        return restrict(g, temperatureK, materials, stressFreeK, mesh, Parallel.serial());
    }

    /**
     * As above, the thermal rows and the mesh rows in parallel on {@code par} (each column's and each element's sums
     * run serially in their own order, so the result does not depend on the thread count).
     */
    public static LayerStrains restrict(Grid g, double[] temperatureK, List<Material> materials, double stressFreeK,
                                        PlateMesh mesh, Parallel par) {
        return restrict(g, temperatureK, materials, stressFreeK, mesh, par, new Columns(g));
    }

    /**
     * The per-column sums of one layer (a plane of the grid each), kept between the restrictions of a run's fields:
     * new arrays of a full-wafer plane cost more than the sums themselves on a machine where fresh memory is slow.
     */
    public static final class Columns {
        private final double[] c0, c1, ct, cb, cz, cT;
        private final boolean[] has;

        public Columns(Grid g) {
            int cols = g.nx * g.ny;
            c0 = new double[cols];
            c1 = new double[cols];
            ct = new double[cols];
            cb = new double[cols];
            cz = new double[cols];
            cT = new double[cols];
            has = new boolean[cols];
        }
    }

    /** As above, with the column sums in {@code sums} (made for this grid; not shared between threads). */
    public static LayerStrains restrict(Grid g, double[] temperatureK, List<Material> materials, double stressFreeK,
                                        PlateMesh mesh, Parallel par, Columns sums) {
        int nl = g.layerCount();
        if (sums.has.length != g.nx * g.ny) throw new IllegalArgumentException("column sums of another grid");
        LayerStrains out = new LayerStrains(nl, mesh.elements());
        int[][] ox = overlaps(g.xFaces(), mesh.xs()), oy = overlaps(g.yFaces(), mesh.ys());
        double[] c0 = sums.c0, c1 = sums.c1, ct = sums.ct, cb = sums.cb, cz = sums.cz, cT = sums.cT;
        boolean[] has = sums.has;
        for (int layer = 0; layer < nl; layer++) {
            final int l = layer;
            Material mat = materials.get(l);
            boolean inPlane = mat.property("cte").isPresent();
            boolean ownThrough = mat.property("cte_through").isPresent();
            // the strain laws with their stress-free end evaluated once per layer (the same numbers per cell)
            java.util.function.DoubleUnaryOperator strainIn = inPlane ? mat.thermalStrainInPlaneFrom(stressFreeK) : null;
            java.util.function.DoubleUnaryOperator strainZ = ownThrough ? mat.thermalStrainThroughFrom(stressFreeK) : null;
            int k0 = g.layerK0(l), k1 = g.layerK1(l);
            double zMid = 0.5 * (g.zf(k0) + g.zf(k1));
            java.util.Arrays.fill(has, false);
            par.forEach(g.ny, (long) g.nx * g.ny * (k1 - k0), j -> {
                for (int i = 0; i < g.nx; i++) {
                    int col = j * g.nx + i;
                    double s0 = 0, s1 = 0, sz = 0, top = 0, bot = 0, st = 0, sdz = 0;
                    boolean any = false;
                    for (int k = k0; k < k1; k++) {
                        int c = g.index(i, j, k);
                        if (g.isVoid(c)) continue;
                        double t = temperatureK[c];
                        double e = inPlane ? strainIn.applyAsDouble(t) : 0;
                        double ez = ownThrough ? strainZ.applyAsDouble(t) : e;
                        double dz = g.dz(k);
                        s0 += e * dz;
                        s1 += e * dz * (g.zc(k) - zMid);
                        sz += ez * dz;
                        st += t * dz;
                        sdz += dz;
                        if (!any) bot = e;
                        top = e;
                        any = true;
                    }
                    has[col] = any;
                    c0[col] = s0;
                    c1[col] = s1;
                    cz[col] = sz;
                    ct[col] = top;
                    cT[col] = any ? st / sdz : 0;
                    cb[col] = bot;
                }
            });
            par.forEach(mesh.ny, (long) g.nx * g.ny, J -> {
                for (int I = 0; I < mesh.nx; I++) {
                    double w = 0, a0 = 0, a1 = 0, at = 0, ab = 0, az = 0, aT = 0;
                    int[] xs = ox[I], ys = oy[J];
                    for (int pj = 0; pj < ys.length; pj++) {
                        int j = ys[pj];
                        double wy = overlap(g.yf(j), g.yf(j + 1), mesh.y(J), mesh.y(J + 1));
                        for (int pi = 0; pi < xs.length; pi++) {
                            int i = xs[pi];
                            int col = j * g.nx + i;
                            if (!has[col]) continue;
                            double wx = overlap(g.xf(i), g.xf(i + 1), mesh.x(I), mesh.x(I + 1)) * wy;
                            w += wx;
                            a0 += wx * c0[col];
                            a1 += wx * c1[col];
                            at += wx * ct[col];
                            ab += wx * cb[col];
                            az += wx * cz[col];
                            aT += wx * cT[col];
                        }
                    }
                    if (w > 0) {
                        out.set(l, mesh.element(I, J), a0 / w, a1 / w, at / w, ab / w, az / w);
                        out.setMeanTemperature(l, mesh.element(I, J), aT / w);
                    }
                }
            });
        }
        return out;
    }

    private static double overlap(double a0, double a1, double b0, double b1) {
        return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
    }

    /** For each mesh interval, the thermal cells that overlap it. */
    private static int[][] overlaps(double[] cellFaces, double[] meshLines) {
        int[][] out = new int[meshLines.length - 1][];
        for (int e = 0; e < out.length; e++) {
            int lo = Grid.locate(cellFaces, meshLines[e]);
            java.util.List<Integer> l = new java.util.ArrayList<>();
            for (int i = Math.max(0, lo - 1); i < cellFaces.length - 1 && cellFaces[i] < meshLines[e + 1]; i++)
                if (overlap(cellFaces[i], cellFaces[i + 1], meshLines[e], meshLines[e + 1]) > 0) l.add(i);
            out[e] = l.stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }
}
