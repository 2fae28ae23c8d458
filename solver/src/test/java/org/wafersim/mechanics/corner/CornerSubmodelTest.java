package org.wafersim.mechanics.corner;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.linalg.Parallel;
import org.wafersim.mechanics.LayerStrains;
import org.wafersim.mechanics.PlateMesh;
import org.wafersim.mechanics.PlateModel;
import org.wafersim.mechanics.PlateSolution;
import org.wafersim.mechanics.StackLayer;
import org.wafersim.mechanics.Supports;

class CornerSubmodelTest {
    static final double DT = 50;
    // silicon (isotropic), the compliant connector (transversely isotropic), the board
    static final CornerModel.Material SI = new CornerModel.Material(150e9, 0.17, 2.6e-6);
    static final CornerModel.Material CONN = new CornerModel.Material(5e6, 0.45, 250e-6, 20e6, 0.1125, 1e6, 250e-6);
    static final CornerModel.Material BOARD = new CornerModel.Material(46.5e9, 0.2, 15.9e-6, 10e9, 0.2, 4.5e9, 15.9e-6);

    /** A 40 mm wafer on a 1 mm connector on a 60 mm board, free, uniformly 50 K above the stress-free state. */
    static CornerSubmodel stack(double spacing) {
        List<StackLayer> layers = List.of(
                StackLayer.plate("wafer", 7e-3, 7.775e-3, 0, 40e-3, 0, 40e-3, SI.youngsModulus(), SI.poisson()),
                StackLayer.bonded("connector", 6e-3, 7e-3, 0, 40e-3, 0, 40e-3, CONN.shearThrough(), CONN.youngsThrough()),
                StackLayer.plate("board", 0, 6e-3, -10e-3, 50e-3, -10e-3, 50e-3, BOARD.youngsModulus(), BOARD.poisson()));
        List<CornerModel.Material> mats = List.of(SI, CONN, BOARD);
        PlateMesh mesh = PlateMesh.covering(new double[]{-10e-3, 0, 40e-3, 50e-3}, new double[]{-10e-3, 0, 40e-3, 50e-3},
                spacing);
        PlateModel model = new PlateModel(layers, mesh);
        double[] eps = new double[3];
        for (int l = 0; l < 3; l++) eps[l] = mats.get(l).cte() * DT;
        PlateSolution sol;
        try (Parallel par = new Parallel(2)) {
            sol = model.solve(LayerStrains.uniform(layers, mesh, eps), Supports.free(model), par);
        }
        CornerSubmodel.Load load = new CornerSubmodel.Load() {
            @Override public double temperature(int layer, double x, double y, double z) { return 300 + DT; }
            @Override public double[] freeStrain(int layer, double tK) {
                return new double[]{mats.get(layer).cte() * (tK - 300), mats.get(layer).cteThrough() * (tK - 300)};
            }
        };
        return new CornerSubmodel(sol, 0, mats, load);
    }

    static CornerResult solve(CornerSubmodel sub, CornerSubmodel.Box box, double h) {
        try (Parallel par = new Parallel(2)) {
            return sub.solve(box, h, par);
        }
    }

    /** The element index i whose centre is nearest to v on the node lines of axis 0 (x) or 1 (y). */
    static int at(CornerModel m, int axis, double v) {
        int n = axis == 0 ? m.nx() : m.ny(), best = 0;
        for (int i = 0; i < n; i++) {
            double c = axis == 0 ? 0.5 * (m.x(i) + m.x(i + 1)) : 0.5 * (m.y(i) + m.y(i + 1));
            double b = axis == 0 ? 0.5 * (m.x(best) + m.x(best + 1)) : 0.5 * (m.y(best) + m.y(best + 1));
            if (Math.abs(c - v) < Math.abs(b - v)) best = i;
        }
        return best;
    }

    /**
     * Far from the free edges (7 mm from them, 5 mm from the cut faces) the 3-D box, driven by the plate on its cut
     * faces and loaded by the same temperatures, carries the plate's strains: the membrane-plus-bending strain
     * eps0 + (z - z0) kappa of the wafer and of the board at every element centre through them, and the connector's
     * shear strain, within 2 % (found: 0.1-0.5 %; the 3-D layers' own shear compliance and the connector's in-plane
     * stiffness, which the plate neglects, are the difference).
     */
    @Test
    void farFromTheEdgeTheBoxCarriesThePlatesStrain() {
        CornerSubmodel sub = stack(1e-3);
        CornerResult r = solve(sub, new CornerSubmodel.Box(28e-3, 46e-3, 28e-3, 46e-3), 0.4e-3);
        CornerModel m = r.mesh();
        int i = at(m, 0, 33e-3), j = at(m, 1, 33e-3);
        double xc = 0.5 * (m.x(i) + m.x(i + 1)), yc = 0.5 * (m.y(j) + m.y(j + 1));
        int checked = 0;
        for (int k = 0; k < m.nz(); k++) {
            int e = m.element(i, j, k), l = r.includedLayers().get(r.elementLayer()[e]);
            double zc = 0.5 * (m.z(k) + m.z(k + 1));
            if (l == 1) {
                if (k != r.connectorRows()[1]) continue;
                double[] g = sub.plateConnectorStrain(xc, yc);
                assertEquals(g[0], r.solution().strain(e, 4), 0.02 * Math.abs(g[0]), "connector gamma_xz");
                assertEquals(g[1], r.solution().strain(e, 3), 0.02 * Math.abs(g[1]), "connector gamma_yz");
            } else {
                double[] ps = sub.plateStrain(l, xc, yc);
                double dz = zc - sub.laminateZ0(l);
                for (int c = 0; c < 2; c++) {
                    double plate = ps[c] + dz * ps[3 + c];
                    assertEquals(plate, r.solution().strain(e, c), 0.02 * Math.abs(plate), "layer " + l + " z " + zc + " eps " + c);
                }
            }
            checked++;
        }
        assertTrue(checked >= 6, "elements checked through the stack: " + checked);
    }

    /**
     * Refining the box (finest element 0.4, 0.28, 0.2 mm) converges the peak connector shear on the connector's
     * mid-plane, read in the box's reading region (away from the cut faces), away from the singular lines where the
     * free edge meets the connector's faces: successive changes fall and the last is below 2 % of the peak.
     */
    @Test
    void peakConnectorShearConvergesUnderRefinement() {
        CornerSubmodel sub = stack(1e-3);
        CornerSubmodel.Box box = new CornerSubmodel.Box(34e-3, 46e-3, 34e-3, 46e-3);
        double[] h = {0.4e-3, 0.4e-3 / Math.sqrt(2), 0.2e-3}, peak = new double[3];
        for (int c = 0; c < 3; c++) peak[c] = solve(sub, box, h[c]).peakShear();
        double d1 = Math.abs(peak[1] - peak[0]), d2 = Math.abs(peak[2] - peak[1]);
        assertTrue(d2 < d1, "changes " + d1 + ", " + d2 + " Pa: " + Arrays.toString(peak));
        assertTrue(d2 < 0.02 * peak[2], "last change " + d2 + " of " + peak[2] + " Pa");
    }
}
