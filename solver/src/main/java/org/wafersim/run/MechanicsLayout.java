package org.wafersim.run;

import static org.wafersim.io.ResultSchema.*;

import org.wafersim.io.ResultFile;
import org.wafersim.mechanics.MechanicsState;
import org.wafersim.mechanics.PlateMesh;
import org.wafersim.mechanics.PlateModel;
import org.wafersim.mechanics.corner.CornerModel;
import org.wafersim.mechanics.corner.CornerResult;
import org.wafersim.units.Units;

/**
 * Writes {@code /mechanics} (DESIGN section 7; every dataset with units): the plate mesh ({@code node_x},
 * {@code node_y}: node lines; {@code element_x}, {@code element_y}: element centres, m), then per state the
 * connector's shear strain {@code connector_shear_strain} |gamma|, {@code connector_shear_strain_xz}, {@code _yz}
 * and {@code connector_shear_stress} [y][x] at element centres; the slip of every interlayer
 * {@code slip/NAME} [2][y][x] (m); the displacement {@code displacement} [laminate][u, v, w][y][x] at nodes;
 * {@code warpage} (the wafer's w minus its best-fit plane) and {@code warpage_LAMINATE} for the others [y][x] at
 * nodes; the silicon stresses {@code stress_xx}, {@code stress_yy}, {@code stress_xy}, {@code von_mises},
 * {@code max_principal_stress} [z][y][x] with z = bottom, middle, top of the wafer ({@code silicon_z}). The first
 * state sits at the top of the group, every further one under {@code states/NAME}.
 */
final class MechanicsLayout {

    private MechanicsLayout() { }

    static void write(ResultFile f, MechanicsRun.Outcome o) {
        PlateModel model = o.model().model();
        PlateMesh mesh = model.mesh();
        f.dataset(MECHANICS_NODE_X, mesh.xs(), new int[]{mesh.nx + 1});
        f.dataset(MECHANICS_NODE_Y, mesh.ys(), new int[]{mesh.ny + 1});
        double[] xc = new double[mesh.nx], yc = new double[mesh.ny];
        for (int i = 0; i < mesh.nx; i++) xc[i] = mesh.xc(i);
        for (int j = 0; j < mesh.ny; j++) yc[j] = mesh.yc(j);
        f.dataset(MECHANICS_ELEMENT_X, xc, new int[]{mesh.nx});
        f.dataset(MECHANICS_ELEMENT_Y, yc, new int[]{mesh.ny});
        String[] lam = model.laminates().stream().map(PlateModel.Laminate::name).toArray(String[]::new);
        f.attribute(MECHANICS, "model", "layered plate (Kirchhoff laminates + spring interlayers)");
        f.attribute(MECHANICS, "laminates", lam);
        f.attribute(MECHANICS, "states", o.states().stream().map(MechanicsState::name).toArray(String[]::new));
        f.attribute(MECHANICS, "stress_free_degC", o.model().setup().stressFreeK() - Units.ZERO_CELSIUS_K);
        f.attribute(MECHANICS, "support", o.model().setup().support().name().toLowerCase(java.util.Locale.ROOT));
        for (int s = 0; s < o.states().size(); s++) {
            MechanicsState st = o.states().get(s);
            writeState(f, stateGroup(s, st.name()), st, mesh, model);
        }
        if (o.history() != null) writeHistory(f, o.history(), mesh);
        if (o.corner() != null) writeCorner(f, o.corner(), model, o.states().get(0).name());
    }

    /**
     * {@code /mechanics/corner}: the 3-D corner box's node lines, element layers and temperatures, nodal
     * displacements, element stresses (full tensor, von Mises, the silicon's largest principal), the connector's
     * shear and peel stress and shear strain at its bottom, middle and top element rows with the plate's values
     * there, and the headline numbers as attributes.
     */
    static void writeCorner(ResultFile f, CornerResult c, PlateModel model, String state) {
        CornerModel m = c.mesh();
        int nx = m.nx(), ny = m.ny(), nz = m.nz(), ne = nx * ny * nz, nn = m.nodes();
        double[] xs = new double[nx + 1], ys = new double[ny + 1], zs = new double[nz + 1];
        for (int i = 0; i <= nx; i++) xs[i] = m.x(i);
        for (int j = 0; j <= ny; j++) ys[j] = m.y(j);
        for (int k = 0; k <= nz; k++) zs[k] = m.z(k);
        f.dataset(MECHANICS_CORNER_NODE_X, xs, new int[]{nx + 1});
        f.dataset(MECHANICS_CORNER_NODE_Y, ys, new int[]{ny + 1});
        f.dataset(MECHANICS_CORNER_NODE_Z, zs, new int[]{nz + 1});
        int[] el = {nz, ny, nx}, rows = {3, ny, nx}, plane = {ny, nx};
        int[] layer = c.elementLayer();
        double[] lay = new double[ne];
        for (int e = 0; e < ne; e++) lay[e] = layer[e];
        f.dataset(MECHANICS_CORNER_LAYER, lay, el);
        double[] t = c.temperatureK();
        for (int e = 0; e < ne; e++) t[e] -= Units.ZERO_CELSIUS_K;
        f.dataset(MECHANICS_CORNER_TEMPERATURE, t, el);
        CornerModel.Solution s = c.solution();
        double[] u = new double[3 * nn];
        System.arraycopy(s.ux(), 0, u, 0, nn);
        System.arraycopy(s.uy(), 0, u, nn, nn);
        System.arraycopy(s.uz(), 0, u, 2 * nn, nn);
        f.dataset(MECHANICS_CORNER_DISPLACEMENT, u, new int[]{3, nz + 1, ny + 1, nx + 1});
        double[] st = new double[6 * ne];
        for (int a = 0; a < 6; a++) for (int e = 0; e < ne; e++) st[a * ne + e] = s.stress(e, a);
        f.dataset(MECHANICS_CORNER_STRESS, st, new int[]{6, nz, ny, nx});
        f.dataset(MECHANICS_CORNER_VON_MISES, c.vonMises(), el);
        f.dataset(MECHANICS_CORNER_SILICON_MAX_PRINCIPAL_STRESS, c.siliconMaxPrincipal(), el);
        int n2 = nx * ny;
        double[] tau = new double[3 * n2], peel = new double[3 * n2], gam = new double[3 * n2];
        for (int r = 0; r < 3; r++) {
            System.arraycopy(c.connectorShearStress(r), 0, tau, r * n2, n2);
            System.arraycopy(c.connectorPeelStress(r), 0, peel, r * n2, n2);
            System.arraycopy(c.connectorShearStrain(r), 0, gam, r * n2, n2);
        }
        f.dataset(MECHANICS_CORNER_CONNECTOR_SHEAR_STRESS, tau, rows);
        f.dataset(MECHANICS_CORNER_CONNECTOR_PEEL_STRESS, peel, rows);
        f.dataset(MECHANICS_CORNER_CONNECTOR_SHEAR_STRAIN, gam, rows);
        f.dataset(MECHANICS_CORNER_PLATE_CONNECTOR_SHEAR_STRAIN, c.plateConnectorShearStrain(), plane);
        f.dataset(MECHANICS_CORNER_PLATE_CONNECTOR_PEEL_STRESS, c.plateConnectorPeel(), plane);
        f.attribute(MECHANICS_CORNER, "layer_names", c.includedLayers().stream()
                .map(l -> model.layers().get(l).name()).toArray(String[]::new));
        f.attribute(MECHANICS_CORNER, "state", state);
        f.attribute(MECHANICS_CORNER, "connector_rows_k", java.util.Arrays.stream(c.connectorRows())
                .mapToDouble(v -> v).toArray());
        for (var e : c.summary().entrySet()) {
            f.attribute(MECHANICS_CORNER, e.getKey().substring("corner_".length()), e.getValue());
        }
    }

    /**
     * {@code /mechanics/history}: per output time k the time {@code time} [k] (s; in a cycle run the phase within the
     * periodic cycle, whose start is the attribute {@code cycle_start_s}), the connector's shear strain
     * {@code connector_shear_strain_xz}, {@code _yz} and temperature [k][y][x], and per time the largest connector
     * strain, the wafer's warpage (peak to valley), the silicon's peak principal and von Mises stresses and the CG
     * iterations of the warm-started solve.
     */
    static void writeHistory(ResultFile f, MechanicsHistory.Result h, PlateMesh mesh) {
        int n = h.size(), ne = mesh.elements();
        double[] t = new double[n], gmax = new double[n], warp = new double[n], p1 = new double[n], vm = new double[n];
        double[] its = new double[n];
        double[] gx = new double[n * ne], gy = new double[n * ne], tc = new double[n * ne];
        boolean conn = !h.states().isEmpty() && h.states().get(0).hasConnector();
        for (int k = 0; k < n; k++) {
            MechanicsState st = h.states().get(k);
            t[k] = h.phase(k);
            gmax[k] = st.maxConnectorShearStrain();
            warp[k] = st.warpagePeakToValley(st.waferLaminate());
            p1[k] = st.peakSiliconPrincipal();
            vm[k] = st.peakSiliconVonMises();
            its[k] = h.iterations()[k];
            if (conn) {
                System.arraycopy(st.connectorShearStrainXz(), 0, gx, k * ne, ne);
                System.arraycopy(st.connectorShearStrainYz(), 0, gy, k * ne, ne);
                double[] c = st.connectorTemperature();
                for (int e = 0; e < ne; e++) tc[k * ne + e] = c[e] - Units.ZERO_CELSIUS_K;
            }
        }
        f.dataset(MECHANICS_HISTORY_TIME, t, new int[]{n});
        f.datasetAttribute(MECHANICS_HISTORY_TIME, "note", h.periodic() ? "phase within the periodic (last) cycle, which starts"
                + " at cycle_start_s" : "time of the transient run");
        f.attribute(MECHANICS_HISTORY, "cycle_start_s", h.cycleStart());
        f.attribute(MECHANICS_HISTORY, "placement", h.automatic() ? "automatic: where the temperature field changes most (arc length"
                + " of the element temperatures), with the extremes of the connector temperature"
                : "user: mechanics.history.times");
        f.attribute(MECHANICS_HISTORY, "steps_available", h.candidates());
        int[] el = {n, mesh.ny, mesh.nx};
        if (conn) {
            f.dataset(MECHANICS_HISTORY_CONNECTOR_SHEAR_STRAIN_XZ, gx, el);
            f.dataset(MECHANICS_HISTORY_CONNECTOR_SHEAR_STRAIN_YZ, gy, el);
            f.dataset(MECHANICS_HISTORY_CONNECTOR_TEMPERATURE, tc, el);
            f.datasetAttribute(MECHANICS_HISTORY_CONNECTOR_SHEAR_STRAIN_XZ, "note", "[time][y][x] at element centres"
                    + " (element_x, element_y); NaN where there is no connector");
            f.dataset(MECHANICS_HISTORY_CONNECTOR_MAX_SHEAR_STRAIN, gmax, new int[]{n});
        }
        f.dataset(MECHANICS_HISTORY_WAFER_WARPAGE_PV, warp, new int[]{n});
        f.dataset(MECHANICS_HISTORY_SILICON_PEAK_PRINCIPAL_STRESS, p1, new int[]{n});
        f.dataset(MECHANICS_HISTORY_SILICON_PEAK_VON_MISES, vm, new int[]{n});
        f.dataset(MECHANICS_HISTORY_CG_ITERATIONS, its, new int[]{n});
    }

    /** One state's datasets; {@code g} is its {@code {state}} part ({@link org.wafersim.io.ResultSchema#stateGroup}). */
    private static void writeState(ResultFile f, String g, MechanicsState st, PlateMesh mesh, PlateModel model) {
        int[] el = {mesh.ny, mesh.nx}, nd = {mesh.ny + 1, mesh.nx + 1};
        int ne = mesh.elements(), nn = mesh.nodes();
        if (st.hasConnector()) {
            f.dataset(MECHANICS_CONNECTOR_SHEAR_STRAIN, st.connectorShearStrain(), el, g);
            f.datasetAttribute(MECHANICS_CONNECTOR_SHEAR_STRAIN.path(g), "note", "|gamma| = hypot(gamma_xz, gamma_yz) of layer "
                    + st.connectorLayer() + ", at element centres (element_x, element_y)");
            f.dataset(MECHANICS_CONNECTOR_SHEAR_STRAIN_XZ, st.connectorShearStrainXz(), el, g);
            f.dataset(MECHANICS_CONNECTOR_SHEAR_STRAIN_YZ, st.connectorShearStrainYz(), el, g);
            f.dataset(MECHANICS_CONNECTOR_SHEAR_STRESS, st.connectorShearStress(), el, g);
            double[] tc = st.connectorTemperature();
            for (int e = 0; e < tc.length; e++) tc[e] -= Units.ZERO_CELSIUS_K;
            f.dataset(MECHANICS_CONNECTOR_TEMPERATURE, tc, el, g);
        }
        for (int k = 0; k < model.interlayers().size(); k++) {
            String name = model.layers().get(model.interlayers().get(k).layer()).name();
            double[] slip = new double[2 * ne];
            System.arraycopy(st.slipX(k), 0, slip, 0, ne);
            System.arraycopy(st.slipY(k), 0, slip, ne, ne);
            f.dataset(MECHANICS_SLIP, slip, new int[]{2, mesh.ny, mesh.nx}, g, name);
            f.datasetAttribute(MECHANICS_SLIP.path(g, name), "note", "[x, y] in-plane displacement of the layer's top face "
                    + "relative to its bottom face plus h times the mean slope (gamma = slip / h)");
        }
        int nl = model.laminates().size();
        double[] disp = new double[nl * 3 * nn];
        PlateModel.Dof[] comps = {PlateModel.Dof.U, PlateModel.Dof.V, PlateModel.Dof.W};
        for (int a = 0; a < nl; a++)
            for (int c = 0; c < 3; c++)
                for (int n = 0; n < nn; n++) disp[(a * 3 + c) * nn + n] = st.solution().displacement(a, n, comps[c]);
        f.dataset(MECHANICS_DISPLACEMENT, disp, new int[]{nl, 3, mesh.ny + 1, mesh.nx + 1}, g);
        f.datasetAttribute(MECHANICS_DISPLACEMENT.path(g), "note", "[laminate][u, v, w][y][x] at nodes (node_x, node_y) of each "
                + "laminate's reference plane; NaN where the laminate is absent");
        for (int a = 0; a < nl; a++) {
            String path = a == st.waferLaminate() ? MECHANICS_WARPAGE.path(g)
                    : MECHANICS_WARPAGE_LAMINATE.path(g, model.laminates().get(a).name().replace('+', '_'));
            f.dataset(path, st.warpage(a), nd, MECHANICS_WARPAGE.units());
            f.datasetAttribute(path, "peak_to_valley_m", st.warpagePeakToValley(a));
            f.datasetAttribute(path, "note", "w of laminate " + model.laminates().get(a).name()
                    + " minus its least-squares plane, at nodes" + (a == st.waferLaminate()
                    ? " inside the wafer's footprint (NaN elsewhere)" : ""));
        }
        f.dataset(MECHANICS_SILICON_Z, new double[]{0, 0.5, 1}, new int[]{3}, g);
        f.datasetAttribute(MECHANICS_SILICON_Z.path(g), "note", "relative height through the wafer: 0 bottom (active, board side), 1 top");
        int[] s3 = {3, mesh.ny, mesh.nx};
        f.dataset(MECHANICS_STRESS_XX, flat(st.siliconStressXx()), s3, g);
        f.dataset(MECHANICS_STRESS_YY, flat(st.siliconStressYy()), s3, g);
        f.dataset(MECHANICS_STRESS_XY, flat(st.siliconStressXy()), s3, g);
        f.dataset(MECHANICS_VON_MISES, flat(st.siliconVonMises()), s3, g);
        f.dataset(MECHANICS_MAX_PRINCIPAL_STRESS, flat(st.siliconMaxPrincipal()), s3, g);
        // the other plate layers' stresses (the cold plate's, the board's), same levels
        for (int l : st.otherPlateLayers()) {
            String name = model.layers().get(l).name();
            double[][] p1 = new double[3][mesh.elements()];
            double[][] vm = st.layerVonMises(l, p1);
            f.dataset(MECHANICS_LAYER_VON_MISES.path(g, name), flat(vm), s3, MECHANICS_LAYER_VON_MISES.units());
            f.dataset(MECHANICS_LAYER_MAX_PRINCIPAL_STRESS.path(g, name), flat(p1), s3,
                    MECHANICS_LAYER_MAX_PRINCIPAL_STRESS.units());
        }
        f.attribute(MECHANICS.path() + g, "connector_max_shear_strain", st.maxConnectorShearStrain());
        f.attribute(MECHANICS.path() + g, "wafer_warpage_pv_m", st.warpagePeakToValley(st.waferLaminate()));
        f.attribute(MECHANICS.path() + g, "silicon_peak_principal_Pa", st.peakSiliconPrincipal());
        f.attribute(MECHANICS.path() + g, "silicon_fracture_strength_Pa", st.siliconFractureStrength());
        var stats = st.solution().stats();
        f.attribute(MECHANICS.path() + g, "unknowns", stats.unknowns());
        f.attribute(MECHANICS.path() + g, "cg_iterations", stats.iterations());
        f.attribute(MECHANICS.path() + g, "relative_residual", stats.relativeResidual());
    }

    private static double[] flat(double[][] a) {
        double[] out = new double[a.length * a[0].length];
        for (int z = 0; z < a.length; z++) System.arraycopy(a[z], 0, out, z * a[0].length, a[0].length);
        return out;
    }
}
