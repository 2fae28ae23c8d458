package org.wafersim.plot;

import static org.wafersim.io.ResultSchema.MECHANICS_CORNER_CONNECTOR_PEEL_STRESS;
import static org.wafersim.io.ResultSchema.MECHANICS_CORNER_CONNECTOR_SHEAR_STRAIN;
import static org.wafersim.io.ResultSchema.MECHANICS_CORNER_CONNECTOR_SHEAR_STRESS;

import java.util.Arrays;
import org.wafersim.errors.InputException;

/**
 * A plane of a 3-D corner-box dataset ({@code /mechanics/corner/*}) seen from above, on the box's node lines:
 * [y][x] as it is; the connector rows [3][y][x] at the mid-plane (index 1; {@code --index} 0 bottom, 2 top);
 * element fields [z][y][x] the largest over the height (of magnitude for a signed one) or the element row
 * {@code --index}; the stress tensor [6][z][y][x] component {@code --index} (default 0, xx) the largest magnitude
 * over the height; the displacement [3][z][y][x] at nodes, w (index 2) at the top node row.
 *
 * @param xFaces cell faces in x, m (the node lines' duals for node values)
 * @param yFaces cell faces in y, m
 * @param values the plane, [y][x] flat
 * @param where  what was taken, for the title
 */
record CornerSlice(double[] xFaces, double[] yFaces, double[] values, String where) {

    /**
     * @param nx    the box's node lines in x, m
     * @param ny    the box's node lines in y, m
     * @param index {@code --index}, or null
     * @param file  the result file, for messages
     */
    static CornerSlice of(String path, int[] shape, double[] values, double[] nx, double[] ny, Integer index,
                          String file) {
        int[] s = shape;
        double[] v = values;
        String where = "corner box";
        Integer idx = index;
        boolean rows = path.equals(MECHANICS_CORNER_CONNECTOR_SHEAR_STRESS.path())
                || path.equals(MECHANICS_CORNER_CONNECTOR_PEEL_STRESS.path())
                || path.equals(MECHANICS_CORNER_CONNECTOR_SHEAR_STRAIN.path());
        boolean signed = path.endsWith("peel_stress") || path.endsWith("/stress") || path.endsWith("displacement");
        if (s.length == 4) {
            int comp = idx == null ? (path.endsWith("displacement") ? 2 : 0) : idx;
            if (comp < 0 || comp >= s[0]) throw new InputException("--index", null, comp + " is outside 0.." + (s[0] - 1)
                    + " for " + path + " " + Arrays.toString(shape));
            int vol = s[1] * s[2] * s[3];
            v = Arrays.copyOfRange(v, comp * vol, (comp + 1) * vol);
            where += ", component " + comp;
            s = new int[]{s[1], s[2], s[3]};
            if (path.endsWith("displacement")) {
                int plane = s[1] * s[2];
                v = Arrays.copyOfRange(v, (s[0] - 1) * plane, s[0] * plane);
                s = new int[]{s[1], s[2]};
                where += ", top node row";
            } else {
                idx = null;
            }
        }
        if (s.length == 3) {
            int plane = s[1] * s[2];
            Integer k = idx != null ? idx : rows ? Integer.valueOf(1) : null;
            if (k != null) {
                if (k < 0 || k >= s[0]) throw new InputException("--index", null, k + " is outside 0.." + (s[0] - 1)
                        + " for " + path + " " + Arrays.toString(shape));
                v = Arrays.copyOfRange(v, k * plane, (k + 1) * plane);
                where += rows ? ", connector " + new String[]{"bottom (board side)", "mid-plane", "top (wafer side)"}[k]
                        + " row" : ", element row " + k;
            } else {
                double[] m = new double[plane];
                Arrays.fill(m, Double.NaN);
                for (int z = 0; z < s[0]; z++)
                    for (int c = 0; c < plane; c++) {
                        double x = v[z * plane + c];
                        if (Double.isNaN(x)) continue;
                        if (Double.isNaN(m[c]) || (signed ? Math.abs(x) > Math.abs(m[c]) : x > m[c])) m[c] = x;
                    }
                v = m;
                where += signed ? ", largest magnitude over the height" : ", largest over the height";
            }
            s = new int[]{s[1], s[2]};
        }
        double[] xf = nx, yf = ny;
        if (s[0] == ny.length && s[1] == nx.length) {
            xf = dual(nx);
            yf = dual(ny);
            where += ", at nodes";
        } else if (s[0] != ny.length - 1 || s[1] != nx.length - 1) {
            throw new InputException(file, path, "shape " + Arrays.toString(shape) + " does not match the corner box");
        }
                return new CornerSlice(xf, yf, v, where);
    }

    /** Faces around node values: halfway between node lines, the ends extended by half an interval. */
    static double[] dual(double[] n) {
        double[] f = new double[n.length + 1];
        f[0] = n[0] - 0.5 * (n[1] - n[0]);
        for (int i = 1; i < n.length; i++) f[i] = 0.5 * (n[i - 1] + n[i]);
        f[n.length] = n[n.length - 1] + 0.5 * (n[n.length - 1] - n[n.length - 2]);
        return f;
    }
}
