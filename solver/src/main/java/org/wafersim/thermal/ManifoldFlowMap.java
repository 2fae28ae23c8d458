package org.wafersim.thermal;

import org.wafersim.cases.CaseSpec.FlowMap;
import org.wafersim.grid.Grid;

/**
 * How a manifolded plate shares its flow over the coolant face ({@code cooling.coolant.flow_map}, vertical mode):
 * the map's {@code rows x columns} equal regions cover the top layer's footprint (row 0 at the lowest y), a face
 * belongs to the region that holds its centre, and region r gets the mass flux
 * <pre>  m''_r = m_dot w_r / sum_f (w_f A_f)  </pre>
 * summed over the plate's coolant faces f, so that the faces' flows m''_f A_f add up to m_dot exactly on the grid
 * (and the mixed outlet is T_in + P / (m_dot c_p) to round-off, whatever the map). A region of weight 0 gets no
 * coolant: its faces are adiabatic. Without a map every face has m_dot / A_plate ({@link ManifoldCoolant}).
 */
final class ManifoldFlowMap {
    /** Per grid column (j * nx + i): its region, -1 where the top layer has no cell. */
    private final int[] region;
    /** Per region: the mass flux (kg/(s m^2)). */
    private final double[] regionFlux;

    private ManifoldFlowMap(int[] region, double[] regionFlux) {
        this.region = region;
        this.regionFlux = regionFlux;
    }

    /**
     * @param topK the top layer's topmost cell layer (its ZMAX faces are the coolant faces)
     * @param mDot total mass flow (kg/s)
     * @param source the case file, for the message when no face gets any flow
     */
    static ManifoldFlowMap of(FlowMap map, Grid g, int topK, double mDot, String source) {
        int nxy = g.nx * g.ny;
        int i0 = Integer.MAX_VALUE, i1 = -1, j0 = Integer.MAX_VALUE, j1 = -1;
        for (int j = 0; j < g.ny; j++)
            for (int i = 0; i < g.nx; i++) {
                if (g.isVoid(g.index(i, j, topK))) continue;
                i0 = Math.min(i0, i);
                i1 = Math.max(i1, i);
                j0 = Math.min(j0, j);
                j1 = Math.max(j1, j);
            }
        if (i1 < 0) throw new IllegalArgumentException("the top layer has no cells");
        double x0 = g.xf(i0), x1 = g.xf(i1 + 1), y0 = g.yf(j0), y1 = g.yf(j1 + 1);
        int[] region = new int[nxy];
        double wa = 0;
        for (int j = 0; j < g.ny; j++)
            for (int i = 0; i < g.nx; i++) {
                int col = j * g.nx + i;
                if (g.isVoid(g.index(i, j, topK))) {
                    region[col] = -1;
                    continue;
                }
                int c = Math.min(map.columns() - 1, (int) Math.floor((g.xc(i) - x0) / (x1 - x0) * map.columns()));
                int r = Math.min(map.rows() - 1, (int) Math.floor((g.yc(j) - y0) / (y1 - y0) * map.rows()));
                region[col] = r * map.columns() + c;
                wa += map.at(r, c) * g.dx(i) * g.dy(j);
            }
        if (!(wa > 0)) {
            throw new org.wafersim.errors.InputException(source, "cooling.coolant.flow_map", "no face of the plate gets"
                    + " any flow on this grid (every region with a weight > 0 holds no face centre); refine the grid"
                    + " or coarsen the map");
        }
        double[] flux = new double[map.rows() * map.columns()];
        for (int r = 0; r < map.rows(); r++)
            for (int c = 0; c < map.columns(); c++) flux[r * map.columns() + c] = mDot * map.at(r, c) / wa;
        return new ManifoldFlowMap(region, flux);
    }

    /** The mass flux (kg/(s m^2)) on the coolant face of grid column {@code col} (j * nx + i); 0 where none. */
    double flux(int col) {
        int r = region[col];
        return r < 0 ? 0 : regionFlux[r];
    }
}
