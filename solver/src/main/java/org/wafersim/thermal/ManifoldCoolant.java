package org.wafersim.thermal;

import java.util.Arrays;
import org.wafersim.grid.Grid;

/**
 * Coolant delivered to every region of the cold plate at the inlet temperature (the {@code vertical} mode: a
 * manifolded or impingement plate, DESIGN section 9): the flow is shared in proportion to area, m'' = m_dot / A
 * (kg/(s m^2)), or as a flow map says ({@link ManifoldFlowMap}: m'' per region, summing to m_dot), and each region's coolant leaves after taking up the local heat flux q'' with the rise q''/(m'' c_p);
 * nothing accumulates along a path. The plate sees the mean of its local inlet and outlet,
 * <pre>  T_c = T_in + q'' / (2 m'' c_p),   q'' = h_face (T_wall - T_c)  </pre>
 * Eliminating T_c gives the face a resistance 1/(2 m'' c_p) per unit area in series with its film resistance, towards
 * the inlet temperature:
 * <pre>  q'' = (T_wall - T_in) / (1/h + 1/(2 m'' c_p)),   h_eff = 1 / (1/h + 1/(2 m'' c_p))  </pre>
 * so the coupling to the solid is exact and linear: the solve needs no outer iteration for it (the lateral mode's
 * coolant, which accumulates along its path, does). After the solve the local coolant temperatures follow from the
 * face heat flows, and the mixed outlet is T_in + P_coolant / (m_dot c_p) by construction. c_p is constant (the
 * material's value at the inlet temperature).
 */
public final class ManifoldCoolant implements CoolantModel {
    private final Grid grid;
    private final BoundaryFaces faces;
    private final int path;
    private final double inlet, mDot, cp, flux;
    private final ManifoldFlowMap flowMap;
    private double outlet, mean;
    private double[] map;

    /**
     * @param path  index of the coolant path in the boundary faces
     * @param area  the plate's coolant-side area (m^2) over which the flow is shared
     * @param mDot  total mass flow (kg/s)
     * @param cp    specific heat (J/(kg K))
     * @param inlet inlet temperature (K)
     */
    public ManifoldCoolant(Grid g, BoundaryFaces faces, int path, double area, double mDot, double cp, double inlet) {
        this(g, faces, path, area, mDot, cp, inlet, null);
    }

    /** As above, the flow shared by {@code flowMap} ({@code cooling.coolant.flow_map}) instead of by area (null). */
    ManifoldCoolant(Grid g, BoundaryFaces faces, int path, double area, double mDot, double cp, double inlet,
                    ManifoldFlowMap flowMap) {
        if (!(mDot > 0) || !(cp > 0) || !(area > 0)) throw new IllegalArgumentException("flow, c_p and area must be > 0");
        this.flowMap = flowMap;
        this.grid = g;
        this.faces = faces;
        this.path = path;
        this.inlet = inlet;
        this.mDot = mDot;
        this.cp = cp;
        this.flux = mDot / area;
        this.outlet = inlet;
        this.mean = inlet;
    }

    /** The series conductance per unit area of the coolant's own rise, 2 m'' c_p (W/(m^2 K)). */
    public static double riseConductance(double mDot, double cp, double area) { return 2 * mDot / area * cp; }

    /** h_eff = 1 / (1/h + 1/(2 m'' c_p)) (W/(m^2 K)), the face coefficient towards the inlet temperature. */
    public static double effectiveH(double h, double mDot, double cp, double area) {
        return 1 / (1 / h + 1 / riseConductance(mDot, cp, area));
    }

    /**
     * Computes the local coolant temperatures and the outlet from a solution: {@code t} cell temperatures (K),
     * {@code gFace} the face conductances of its final system (W/K, towards the inlet temperature).
     */
    public void update(double[] t, double[] gFace) {
        double[] m = new double[grid.nx * grid.ny];
        Arrays.fill(m, Double.NaN);
        double q = 0, s = 0, a = 0;
        for (int f = 0; f < faces.count; f++) {
            if (faces.path[f] != path) continue;
            int c = faces.cell[f];
            int i = c % grid.nx, j = (c / grid.nx) % grid.ny;
            double area = grid.dx(i) * grid.dy(j);
            double qf = gFace[f] * (t[c] - faces.ambient[f]);
            double fl = flowMap == null ? flux : flowMap.flux(c % (grid.nx * grid.ny));
            double tc = inlet + qf / area / (2 * fl * cp);
            m[c % (grid.nx * grid.ny)] = tc;
            q += qf;
            s += tc * area;
            a += area;
        }
        map = m;
        outlet = inlet + q / (mDot * cp);
        mean = a > 0 ? s / a : inlet;
    }

    @Override public double inlet() { return inlet; }
    @Override public double outlet() { return outlet; }
    @Override public double massFlow() { return mDot; }
    @Override public double specificHeat() { return cp; }
    @Override public double meanLocal() { return mean; }

    @Override
    public double[] map() {
        if (map == null) {
            double[] m = new double[grid.nx * grid.ny];
            Arrays.fill(m, Double.NaN);
            return m;
        }
        return map.clone();
    }
}
