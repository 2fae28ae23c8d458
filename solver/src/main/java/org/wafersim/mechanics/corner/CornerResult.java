package org.wafersim.mechanics.corner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wafersim.mechanics.StackLayer;

/**
 * What the 3-D corner box gives a packaging engineer, read from its element-centre stresses: on the connector's
 * bottom, middle and top element layers (the contact rows touching the board's and the wafer's pads, and the
 * mid-plane) the shear stress |τ| = hypot(σ_xz, σ_yz), the peel stress σ_zz and the shear strain |γ|; the plate's
 * connector strain at the same points; the largest principal stress of the full 3-D tensor (eigenvalues of σ,
 * trigonometric solution of the characteristic cubic: Smith, Comm. ACM 4, 1961) in the wafer's silicon, with its
 * peak next to the free edges; von Mises stress and temperature in every element. Maps are [z][y][x] or [y][x] at
 * element centres, NaN where the layer is absent.
 */
public final class CornerResult {
    private final CornerSubmodel.Box box;
    private final double resolution;
    private final CornerModel mesh;
    private final int[] material;
    private final List<Integer> included;
    private final int connectorLayer, waferLayer;
    private final double[] temperatureK;
    private final CornerModel.Solution solution;
    private final double seconds;
    private final int[] connectorRows = new int[3];
    private final double[][] shear = new double[3][], peel = new double[3][], gamma = new double[3][];
    private final double[] plateGamma, platePeel;
    private final double[] siliconP1, vonMises;
    private double peakShear, peakShearX, peakShearY, plateShearAtPeak, peakPeel, peakPeelX, peakPeelY, minPeel;
    private double peakGamma, plateGammaPeak;
    private double siliconPeak, siliconPeakX, siliconPeakY, siliconPeakZ, siliconEdgePeak;

    CornerResult(CornerSubmodel.Box box, double resolution, CornerModel mesh, int[] material, List<Integer> included,
                 List<StackLayer> layers, int connectorLayer, double[] temperatureK, CornerModel.Solution solution,
                 CornerSubmodel sub, double seconds) {
        this.box = box;
        this.resolution = resolution;
        this.mesh = mesh;
        this.material = material;
        this.included = List.copyOf(included);
        this.connectorLayer = connectorLayer;
        this.temperatureK = temperatureK;
        this.solution = solution;
        this.seconds = seconds;
        int nx = mesh.nx(), ny = mesh.ny(), nz = mesh.nz(), n2 = nx * ny, ne = n2 * nz;
        int ci = included.indexOf(connectorLayer);
        int k0 = -1, k1 = -1;
        for (int k = 0; k < nz; k++) {
            double zc = 0.5 * (mesh.z(k) + mesh.z(k + 1));
            StackLayer c = layers.get(connectorLayer);
            if (zc > c.zBottom() && zc < c.zTop()) {
                if (k0 < 0) k0 = k;
                k1 = k;
            }
        }
        connectorRows[0] = k0;
        connectorRows[1] = (k0 + k1) / 2;
        connectorRows[2] = k1;
        double gmax = 0;
        for (int r = 0; r < 3; r++) {
            shear[r] = new double[n2];
            peel[r] = new double[n2];
            gamma[r] = new double[n2];
            int k = connectorRows[r];
            for (int j = 0; j < ny; j++)
                for (int i = 0; i < nx; i++) {
                    int e = mesh.element(i, j, k), q = j * nx + i;
                    if (material[e] != ci) {
                        shear[r][q] = peel[r][q] = gamma[r][q] = Double.NaN;
                        continue;
                    }
                    shear[r][q] = Math.hypot(solution.stress(e, 4), solution.stress(e, 3));
                    peel[r][q] = solution.stress(e, 2);
                    gamma[r][q] = Math.hypot(solution.strain(e, 4), solution.strain(e, 3));
                }
        }
        plateGamma = new double[n2];
        platePeel = new double[n2];
        peakShear = peakPeel = Double.NEGATIVE_INFINITY;
        minPeel = Double.POSITIVE_INFINITY;
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++) {
                int q = j * nx + i;
                double xc = 0.5 * (mesh.x(i) + mesh.x(i + 1)), yc = 0.5 * (mesh.y(j) + mesh.y(j + 1));
                double[] g = sub.plateConnectorStrain(xc, yc);
                plateGamma[q] = Double.isNaN(shear[1][q]) ? Double.NaN : Math.hypot(g[0], g[1]);
                platePeel[q] = Double.isNaN(shear[1][q]) ? Double.NaN : sub.plateConnectorPeel(xc, yc);
                if (Double.isNaN(shear[1][q]) || !reading(xc, yc)) continue;
                if (shear[1][q] > peakShear) {
                    peakShear = shear[1][q];
                    peakShearX = xc;
                    peakShearY = yc;
                    peakGamma = gamma[1][q];
                    plateGammaPeak = plateGamma[q];
                }
                if (peel[1][q] > peakPeel) {
                    peakPeel = peel[1][q];
                    peakPeelX = xc;
                    peakPeelY = yc;
                }
                minPeel = Math.min(minPeel, peel[1][q]);
                gmax = Math.max(gmax, plateGamma[q]);
            }
        if (peakShear == Double.NEGATIVE_INFINITY) {
            // no connector in the reading region (a connector smaller than the wafer, the box off it): no peaks
            peakShear = peakShearX = peakShearY = peakGamma = plateGammaPeak = peakPeel = peakPeelX = peakPeelY = minPeel
                    = Double.NaN;
        }
        StackLayer c = layers.get(connectorLayer);
        plateShearAtPeak = plateGammaPeak * c.shearThrough();
        // the silicon: the wafer is the plate layer right above the connector
        int wl = -1;
        for (int t = 0; t < included.size(); t++)
            if (Math.abs(layers.get(included.get(t)).zBottom() - c.zTop()) < 1e-12 * c.thickness()) wl = included.get(t);
        waferLayer = wl;
        int wi = included.indexOf(wl);
        siliconP1 = new double[ne];
        vonMises = new double[ne];
        siliconPeak = siliconEdgePeak = Double.NEGATIVE_INFINITY;
        double[] s = new double[6];
        for (int k = 0; k < nz; k++)
            for (int j = 0; j < ny; j++)
                for (int i = 0; i < nx; i++) {
                    int e = mesh.element(i, j, k);
                    if (material[e] < 0) {
                        siliconP1[e] = vonMises[e] = Double.NaN;
                        continue;
                    }
                    for (int a = 0; a < 6; a++) s[a] = solution.stress(e, a);
                    vonMises[e] = vonMises(s);
                    if (material[e] != wi) {
                        siliconP1[e] = Double.NaN;
                        continue;
                    }
                    double p1 = maxPrincipal(s);
                    siliconP1[e] = p1;
                    if (!reading(0.5 * (mesh.x(i) + mesh.x(i + 1)), 0.5 * (mesh.y(j) + mesh.y(j + 1)))) continue;
                    if (p1 > siliconPeak) {
                        siliconPeak = p1;
                        siliconPeakX = 0.5 * (mesh.x(i) + mesh.x(i + 1));
                        siliconPeakY = 0.5 * (mesh.y(j) + mesh.y(j + 1));
                        siliconPeakZ = 0.5 * (mesh.z(k) + mesh.z(k + 1));
                    }
                    // next to a free edge: a neighbour in x or y is void (inside the box)
                    boolean edge = i + 1 < nx && material[mesh.element(i + 1, j, k)] < 0
                            || i > 0 && material[mesh.element(i - 1, j, k)] < 0
                            || j + 1 < ny && material[mesh.element(i, j + 1, k)] < 0
                            || j > 0 && material[mesh.element(i, j - 1, k)] < 0;
                    if (edge) siliconEdgePeak = Math.max(siliconEdgePeak, p1);
                }
        if (siliconEdgePeak == Double.NEGATIVE_INFINITY) siliconEdgePeak = Double.NaN;
        if (siliconPeak == Double.NEGATIVE_INFINITY) siliconPeak = Double.NaN;
    }

    /**
     * Whether (x, y) lies in the reading region: at least a quarter of the box's side from every cut face. Next to
     * the cut faces the plate's kinematics, imposed where a free edge meets them, disturb the 3-D field over about
     * a thickness; the peaks are read only where that has decayed (the maps are written whole).
     */
    public boolean reading(double x, double y) {
        double mx = (box.x1() - box.x0()) / 4, my = (box.y1() - box.y0()) / 4;
        return x - box.x0() >= mx && box.x1() - x >= mx && y - box.y0() >= my && box.y1() - y >= my;
    }

    /** Von Mises stress of a 3-D tensor (Voigt: xx, yy, zz, yz, xz, xy). */
    static double vonMises(double[] s) {
        double a = s[0] - s[1], b = s[1] - s[2], c = s[2] - s[0];
        return Math.sqrt(0.5 * (a * a + b * b + c * c) + 3 * (s[3] * s[3] + s[4] * s[4] + s[5] * s[5]));
    }

    /** Largest eigenvalue of a symmetric 3×3 tensor (Voigt order), trigonometric form. */
    static double maxPrincipal(double[] s) {
        double p1 = s[3] * s[3] + s[4] * s[4] + s[5] * s[5];
        double q = (s[0] + s[1] + s[2]) / 3;
        if (p1 == 0) return Math.max(s[0], Math.max(s[1], s[2]));
        double a = s[0] - q, b = s[1] - q, c = s[2] - q;
        double p2 = a * a + b * b + c * c + 2 * p1;
        double p = Math.sqrt(p2 / 6);
        // det((S - qI)/p)
        double xx = a / p, yy = b / p, zz = c / p, yz = s[3] / p, xz = s[4] / p, xy = s[5] / p;
        double r = 0.5 * (xx * (yy * zz - yz * yz) - xy * (xy * zz - yz * xz) + xz * (xy * yz - yy * xz));
        double phi = r <= -1 ? Math.PI / 3 : r >= 1 ? 0 : Math.acos(r) / 3;
        return q + 2 * p * Math.cos(phi);
    }

    public CornerSubmodel.Box box() { return box; }

    public double resolution() { return resolution; }

    public CornerModel mesh() { return mesh; }

    /** Per element the index into {@link #includedLayers()} of its layer, -1 where void. */
    public int[] elementLayer() { return material.clone(); }

    /** The stack layers in the box, bottom to top. */
    public List<Integer> includedLayers() { return included; }

    public int waferLayer() { return waferLayer; }

    public int connectorLayer() { return connectorLayer; }

    public CornerModel.Solution solution() { return solution; }

    public double[] temperatureK() { return temperatureK.clone(); }

    public double seconds() { return seconds; }

    /** The connector's element layers: bottom (board side), middle (mid-plane), top (wafer side). */
    public int[] connectorRows() { return connectorRows.clone(); }

    /** |τ| (Pa) at the connector's row r (0 bottom, 1 middle, 2 top), [y][x]. */
    public double[] connectorShearStress(int r) { return shear[r].clone(); }

    /** σ_zz (Pa) at the connector's row r, [y][x]. */
    public double[] connectorPeelStress(int r) { return peel[r].clone(); }

    /** |γ| at the connector's row r, [y][x]. */
    public double[] connectorShearStrain(int r) { return gamma[r].clone(); }

    /** The plate model's |γ| of the connector at the same points, [y][x]. */
    public double[] plateConnectorShearStrain() { return plateGamma.clone(); }

    /** The plate model's connector normal stress at the same points (Pa), [y][x]. */
    public double[] plateConnectorPeel() { return platePeel.clone(); }

    /** The largest principal stress (Pa) in the silicon, [z][y][x] (NaN outside it). */
    public double[] siliconMaxPrincipal() { return siliconP1.clone(); }

    /** Von Mises stress (Pa) of every element, [z][y][x]. */
    public double[] vonMises() { return vonMises.clone(); }

    /** Peak |τ| on the connector's mid-plane (Pa) and where. */
    public double peakShear() { return peakShear; }

    public double peakShearX() { return peakShearX; }

    public double peakShearY() { return peakShearY; }

    /** The plate model's connector shear stress G_xz |γ| at the point of the 3-D peak. */
    public double plateShearAtPeak() { return plateShearAtPeak; }

    public double peakShearStrain() { return peakGamma; }

    public double plateShearStrainAtPeak() { return plateGammaPeak; }

    /** Largest (tensile) and smallest peel stress on the mid-plane (Pa). */
    public double peakPeel() { return peakPeel; }

    public double peakPeelX() { return peakPeelX; }

    public double peakPeelY() { return peakPeelY; }

    public double minPeel() { return minPeel; }

    /** Largest principal stress in the silicon (Pa) and where. */
    public double siliconPeak() { return siliconPeak; }

    public double[] siliconPeakAt() { return new double[]{siliconPeakX, siliconPeakY, siliconPeakZ}; }

    /** Largest principal stress of the silicon elements next to the free edge (Pa). */
    public double siliconEdgePeak() { return siliconEdgePeak; }

    /** Headline numbers, SI, in a stable order. */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("corner_box_x0_m", box.x0());
        m.put("corner_box_x1_m", box.x1());
        m.put("corner_box_y0_m", box.y0());
        m.put("corner_box_y1_m", box.y1());
        m.put("corner_resolution_m", resolution);
        m.put("corner_connector_peak_shear_Pa", peakShear);
        m.put("corner_connector_peak_shear_x_m", peakShearX);
        m.put("corner_connector_peak_shear_y_m", peakShearY);
        m.put("corner_plate_shear_at_peak_Pa", plateShearAtPeak);
        m.put("corner_connector_peak_shear_strain", peakGamma);
        m.put("corner_connector_peak_peel_Pa", peakPeel);
        m.put("corner_connector_min_peel_Pa", minPeel);
        m.put("corner_silicon_peak_principal_Pa", siliconPeak);
        m.put("corner_silicon_edge_peak_principal_Pa", siliconEdgePeak);
        m.put("corner_unknowns", solution.unknowns());
        m.put("corner_factor_non_zeros", solution.factorNonZeros());
        m.put("corner_cg_iterations", solution.iterations());
        m.put("corner_relative_residual", solution.relativeResidual());
        m.put("corner_seconds", seconds);
        return m;
    }
}
