package org.wafersim.thermal;

import java.util.Arrays;
import org.wafersim.cases.CaseSpec.FlowDirection;
import org.wafersim.grid.Grid;

/**
 * Coolant that enters along one edge of the cold plate and warms along its path (DESIGN section 4, lateral mode;
 * reference-data.md D.3 case 2). Channels run parallel to the flow with no mixing across them; each strip of
 * coolant faces of width w carries m_dot w / W and obeys the energy balance m_dot_s c_p dT_f/ds = q''(s) w, so the
 * fluid temperature seen by a face is
 * <pre>  T_f = T_in + (sum of the heat taken up by the upstream faces of its strip + half its own) / (m_dot_s c_p)  </pre>
 * (the face's mid-point value, second order in the face length). Coupled to the solid by outer iteration: after each
 * solve the face ambients are recomputed from the face heat flows G (T_cell - T_f).
 */
public final class CoolantChannel implements OuterCoupling, CoolantModel {
    private final Grid grid;
    private final BoundaryFaces faces;
    private final double inlet, mDot, cp;
    private final int[][] strips;     // face indices per strip, in flow order
    private final double[] stripFlow; // kg/s per strip
    private double lastOutlet;

    /**
     * @param path  index of the coolant path in the boundary faces
     * @param mDot  total mass flow (kg/s)
     * @param cp    coolant specific heat (J/(kg K))
     * @param inlet inlet temperature (K)
     */
    public CoolantChannel(Grid g, BoundaryFaces faces, int path, FlowDirection dir, double mDot, double cp, double inlet) {
        if (!(mDot > 0) || !(cp > 0)) throw new IllegalArgumentException("coolant flow and c_p must be > 0");
        this.grid = g;
        this.faces = faces;
        this.inlet = inlet;
        this.mDot = mDot;
        this.cp = cp;
        boolean alongX = dir == FlowDirection.PLUS_X || dir == FlowDirection.MINUS_X;
        boolean reverse = dir == FlowDirection.MINUS_X || dir == FlowDirection.MINUS_Y;
        int nStrip = alongX ? g.ny : g.nx;
        int[] count = new int[nStrip];
        for (int f = 0; f < faces.count; f++) if (faces.path[f] == path) count[strip(f, alongX)]++;
        int[][] s = new int[nStrip][];
        for (int k = 0; k < nStrip; k++) s[k] = new int[count[k]];
        Arrays.fill(count, 0);
        for (int f = 0; f < faces.count; f++)
            if (faces.path[f] == path) {
                int k = strip(f, alongX);
                s[k][count[k]++] = f;
            }
        double width = 0;
        double[] w = new double[nStrip];
        for (int k = 0; k < nStrip; k++) {
            final boolean ax = alongX;
            // order along the flow by the in-flow cell index
            s[k] = Arrays.stream(s[k]).boxed()
                    .sorted((a, b) -> Integer.compare(along(a, ax), along(b, ax)) * (reverse ? -1 : 1))
                    .mapToInt(Integer::intValue).toArray();
            if (s[k].length > 0) {
                w[k] = alongX ? g.dy(k) : g.dx(k);
                width += w[k];
            }
        }
        strips = s;
        stripFlow = new double[nStrip];
        for (int k = 0; k < nStrip; k++) stripFlow[k] = mDot * w[k] / width;
        lastOutlet = inlet;
    }

    private int strip(int f, boolean alongX) {
        int c = faces.cell[f];
        return alongX ? (c / grid.nx) % grid.ny : c % grid.nx;
    }

    private int along(int f, boolean alongX) {
        int c = faces.cell[f];
        return alongX ? c % grid.nx : (c / grid.nx) % grid.ny;
    }

    @Override
    public double update(double[] t, double[] gFace) {
        double maxChange = 0, outletSum = 0;
        for (int k = 0; k < strips.length; k++) {
            int[] s = strips[k];
            if (s.length == 0) continue;
            double cum = 0, mc = stripFlow[k] * cp;
            for (int f : s) {
                double q = gFace[f] * (t[faces.cell[f]] - faces.ambient[f]);
                double tf = inlet + (cum + 0.5 * q) / mc;
                maxChange = Math.max(maxChange, Math.abs(tf - faces.ambient[f]));
                faces.ambient[f] = tf;
                cum += q;
            }
            outletSum += stripFlow[k] * (inlet + cum / mc);
        }
        lastOutlet = outletSum / mDot;
        return maxChange;
    }

    /** Mixed-mean outlet temperature (K) after the last update. */
    @Override public double outlet() { return lastOutlet; }
    @Override public double inlet() { return inlet; }
    @Override public double massFlow() { return mDot; }
    @Override public double specificHeat() { return cp; }

    @Override
    public double meanLocal() {
        double s = 0, a = 0;
        for (int[] st : strips)
            for (int f : st) {
                int c = faces.cell[f];
                int i = c % grid.nx, j = (c / grid.nx) % grid.ny;
                double area = grid.dx(i) * grid.dy(j);
                s += faces.ambient[f] * area;
                a += area;
            }
        return a > 0 ? s / a : Double.NaN;
    }

    /** Coolant temperature (K) over each top face, [ny][nx] flattened; NaN where there is no coolant. */
    @Override
    public double[] map() {
        double[] m = new double[grid.nx * grid.ny];
        Arrays.fill(m, Double.NaN);
        for (int[] s : strips)
            for (int f : s) m[faces.cell[f] % (grid.nx * grid.ny)] = faces.ambient[f];
        return m;
    }
}
