package org.wafersim.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.wafersim.cases.CaseSpec;
import org.wafersim.geometry.CoreArray;
import org.wafersim.io.ResultFile;

/**
 * A small result file in the layout of DESIGN section 7, written with {@link ResultFile}: a 10 mm x 8 mm wafer with
 * 2 x 1 dies of 2 x 2 cores, a graded 6 x 5 x 4 grid with two layers ("board" k 0-1, "wafer" k 2-3, active plane 3),
 * a temperature with a single hottest cell and one void cell, and a transient with two probes.
 */
final class SyntheticResult {
    static final int NX = 6, NY = 5, NZ = 4;
    static final double[] X = {0, 1e-3, 3e-3, 5e-3, 7e-3, 9e-3, 10e-3};
    static final double[] Y = {0, 2e-3, 4e-3, 5e-3, 6e-3, 8e-3};
    static final double[] Z = {0, 1e-3, 2e-3, 2.5e-3, 2.6e-3};
    /** The hottest cell (k, j, i) in the active plane, and the void cell. */
    static final int HOT_I = 4, HOT_J = 1, VOID_I = 0, VOID_J = 4;

    private SyntheticResult() { }

    static CoreArray cores() {
        return CoreArray.of(new CaseSpec.WaferSpec(10e-3, 8e-3, 0.5e-3, "silicon", 0.1e-3),
                new CaseSpec.DiesSpec(2, 1, 0.4e-3), new CaseSpec.CoresSpec(2, 2, 0.0, List.of()), "synthetic");
    }

    static double temperature(int k, int j, int i) {
        if (i == VOID_I && j == VOID_J) return Double.NaN;
        if (k == 3 && j == HOT_J && i == HOT_I) return 99.5;
        return 20 + 10 * k + j + 0.1 * i;
    }

    static ResultFile file(boolean withTransient) {
        double[] t = new double[NZ * NY * NX];
        int[] mat = new int[t.length];
        for (int k = 0; k < NZ; k++)
            for (int j = 0; j < NY; j++)
                for (int i = 0; i < NX; i++) {
                    t[(k * NY + j) * NX + i] = temperature(k, j, i);
                    mat[(k * NY + j) * NX + i] = k < 2 ? 0 : 1;
                }
        CoreArray ca = cores();
        int n = ca.coreCount();
        double[] cx = new double[n], cy = new double[n], ct = new double[n];
        int[] die = new int[n];
        for (int c = 0; c < n; c++) {
            cx[c] = ca.xc(c);
            cy[c] = ca.yc(c);
            ct[c] = 40 + c;
            die[c] = ca.die(c);
        }
        ResultFile f = new ResultFile()
                .attribute("/", "case_name", "synthetic")
                .attribute("/", "wafersim_version", "test")
                .dataset("/mesh/x", X, new int[]{NX + 1}, "m")
                .dataset("/mesh/y", Y, new int[]{NY + 1}, "m")
                .dataset("/mesh/z", Z, new int[]{NZ + 1}, "m")
                .intDataset("/mesh/material_id", mat, new int[]{NZ, NY, NX}, "1")
                .datasetAttribute("/mesh/material_id", "material_names", new String[]{"board", "silicon"})
                .intDataset("/mesh/layer_k", new int[]{0, 2, 2, 4}, new int[]{2, 2}, "1")
                .datasetAttribute("/mesh/layer_k", "layer_names", new String[]{"board", "wafer"})
                .attribute("/mesh", "active_k", new int[]{3, 4})
                .dataset("/thermal/temperature", t, new int[]{NZ, NY, NX}, "degC")
                // the plotter places mechanics maps on the mechanics' own node lines (commit 220272a); here they are
                // the thermal mesh's, so the warpage is an element map of NY x NX
                .dataset("/mechanics/node_x", X, new int[]{NX + 1}, "m")
                .dataset("/mechanics/node_y", Y, new int[]{NY + 1}, "m")
                .dataset("/mechanics/warpage", new double[NY * NX], new int[]{NY, NX}, "um")
                .dataset("/cores/x", cx, new int[]{n}, "m")
                .dataset("/cores/y", cy, new int[]{n}, "m")
                .intDataset("/cores/die", die, new int[]{n}, "1")
                .dataset("/cores/temperature", ct, new int[]{n}, "degC")
                .attribute("/cores", "dies", new int[]{2, 1})
                .attribute("/cores", "cores_per_die", new int[]{2, 2})
                .dataset("/solver/wall_seconds", 1.5, "s");
        if (withTransient) {
            double[] time = new double[20], a = new double[20], b = new double[20];
            for (int s = 0; s < 20; s++) {
                time[s] = 0.5 * s;
                a[s] = 30 + 20 * (1 - Math.exp(-time[s] / 3));
                b[s] = 30 + 12 * (1 - Math.exp(-time[s] / 5));
            }
            f.dataset("/transient/time", time, new int[]{20}, "s")
                    .dataset("/transient/probes/centre", a, new int[]{20}, "degC")
                    .dataset("/transient/probes/corner", b, new int[]{20}, "degC");
        }
        return f;
    }

    static Path write(Path dir, String name, boolean withTransient) throws IOException {
        Path p = dir.resolve(name);
        file(withTransient).writeAtomically(p, false);
        return p;
    }
}
