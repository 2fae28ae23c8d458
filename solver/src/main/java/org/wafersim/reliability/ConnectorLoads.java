package org.wafersim.reliability;

import org.wafersim.mechanics.MechanicsState;
import org.wafersim.mechanics.PlateMesh;
import org.wafersim.mechanics.StackLayer;

/**
 * The connector's cyclic loads from the mechanics' operating states, on the mechanics' element map ({@code [y][x]}):
 * for the workload cycle between full load and idle, the shear strain range is the length of the difference of the
 * two strain vectors, Δγ = |(γ_xz, γ_yz)_full − (γ_xz, γ_yz)_idle|, at the mean joint temperature
 * ½(T_full + T_idle); for the power cycle from off (the stress-free state, γ = 0, T = T_0) to full load,
 * Δγ = |γ_full| at ½(T_full + T_0). The technology's contact strain is linear in the displacement across the layer,
 * δ = γ h, so the maps are the layer's shear scaled by {@link FatigueModel#contactStrain}. Each element holds A/p²
 * contacts (element area over the contact pitch squared), 0 where there is no connector.
 *
 * <p>Outside the connector Δγ = 0 (the fatigue law's N_f is then infinite) and T is the stress-free temperature (any
 * valid temperature would do: with Δγ = 0 it does not enter).
 *
 * @param workload            the workload cycle's contact strain range and mean temperature (Δγ = 0 without idle)
 * @param offOn               the off ↔ full-load power cycle's
 * @param present             per element: whether the connector is there (flat, the mesh's element index)
 * @param ex                  element centres in x, m
 * @param ey                  element centres in y, m
 * @param cx                  the wafer's centre, x, m
 * @param cy                  the wafer's centre, y, m
 * @param contacts            contacts per element, A/p²
 * @param pitch               the contact pitch p, m
 * @param minK                per element, the lower joint temperature of the workload cycle, K
 * @param maxK                per element, the upper joint temperature of the workload cycle, K
 * @param offK                the stress-free (off) temperature, K
 * @param layerWorkload       the layer's shear strain range of the workload cycle (before the technology's scaling)
 * @param layerOffOn          the layer's shear strain range of the power cycle
 * @param strainPerLayerShear the technology's contact strain per unit layer shear
 * @param layerThickness      the connector layer's thickness h, m
 */
public record ConnectorLoads(ConnectorLoad workload, ConnectorLoad offOn, boolean[] present, double[] ex, double[] ey,
                             double cx, double cy, double[][] contacts, double pitch, double[][] minK,
                             double[][] maxK, double offK, double[][] layerWorkload, double[][] layerOffOn,
                             double strainPerLayerShear, double layerThickness) {

    /**
     * The loads between {@code full} and {@code idle} (null: no workload cycle, only the power cycle).
     *
     * @param wafer          the wafer's plate layer (its centre is the distance origin)
     * @param layerThickness the connector layer's thickness, m
     * @param stressFreeK    the mechanics' stress-free temperature (the off state), K
     */
    public static ConnectorLoads of(MechanicsState full, MechanicsState idle, PlateMesh mesh, StackLayer wafer,
                                    double layerThickness, double stressFreeK, double pitch, FatigueModel model) {
        int nx = mesh.nx, ny = mesh.ny;
        double t0 = stressFreeK;
        double[] fx = full.connectorShearStrainXz(), fy = full.connectorShearStrainYz(), ft = full.connectorTemperature();
        double[] ix = idle == null ? null : idle.connectorShearStrainXz();
        double[] iy = idle == null ? null : idle.connectorShearStrainYz();
        double[] it = idle == null ? null : idle.connectorTemperature();
        double[][] ga = new double[ny][nx], ta = new double[ny][nx], gb = new double[ny][nx], tb = new double[ny][nx];
        double[][] lo = new double[ny][nx], hi = new double[ny][nx];
        boolean[] present = new boolean[nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int e = mesh.element(i, j);
                present[e] = full.connectorAt(e) && Double.isFinite(ft[e]) && (idle == null || Double.isFinite(it[e]));
                if (!present[e]) {
                    ta[j][i] = tb[j][i] = t0;
                    continue;
                }
                if (idle != null) ga[j][i] = Math.hypot(fx[e] - ix[e], fy[e] - iy[e]);
                ta[j][i] = idle == null ? ft[e] : 0.5 * (ft[e] + it[e]);
                gb[j][i] = Math.hypot(fx[e], fy[e]);       // off = stress-free: γ = 0
                tb[j][i] = 0.5 * (ft[e] + t0);
                lo[j][i] = idle == null ? ft[e] : Math.min(ft[e], it[e]);
                hi[j][i] = idle == null ? ft[e] : Math.max(ft[e], it[e]);
            }
        }
        double[] ex = new double[nx], ey = new double[ny];
        for (int i = 0; i < nx; i++) ex[i] = mesh.xc(i);
        for (int j = 0; j < ny; j++) ey[j] = mesh.yc(j);
        double[][] contacts = contactsPerElement(mesh, present, pitch);
        double k = model.contactStrain(layerThickness, layerThickness);
        return new ConnectorLoads(new ConnectorLoad(scaled(ga, k), ta), new ConnectorLoad(scaled(gb, k), tb), present,
                ex, ey, 0.5 * (wafer.x0() + wafer.x1()), 0.5 * (wafer.y0() + wafer.y1()), contacts, pitch, lo, hi, t0,
                ga, gb, k, layerThickness);
    }

    /** These loads with other workload-cycle temperature bounds. */
    public ConnectorLoads withTemperatures(double[][] lo, double[][] hi) {
        return new ConnectorLoads(workload, offOn, present, ex, ey, cx, cy, contacts, pitch, lo, hi, offK,
                layerWorkload, layerOffOn, strainPerLayerShear, layerThickness);
    }

    /** All contacts of the connector. */
    public double totalContacts() {
        double n = 0;
        for (double[] row : contacts) for (double v : row) n += v;
        return n;
    }

    /** The lowest and highest mean joint temperature of either cycle where the connector is, K ({lo, hi}; lo &gt; hi if none). */
    public double[] meanTemperatureRangeK() {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (ConnectorLoad l : new ConnectorLoad[] {workload, offOn}) {
            if (l == null) continue;
            double[][] t = l.meanTemperatureK();
            for (int j = 0; j < t.length; j++) {
                for (int i = 0; i < t[j].length; i++) {
                    if (!present[j * t[j].length + i]) continue;
                    lo = Math.min(lo, t[j][i]);
                    hi = Math.max(hi, t[j][i]);
                }
            }
        }
        return new double[] {lo, hi};
    }

    /** Contacts per element, A/p², where the connector is present. */
    public static double[][] contactsPerElement(PlateMesh mesh, boolean[] present, double pitch) {
        if (!(pitch > 0) || !Double.isFinite(pitch)) throw new IllegalArgumentException("pitch must be > 0, got " + pitch);
        double[][] n = new double[mesh.ny][mesh.nx];
        for (int j = 0; j < mesh.ny; j++) {
            for (int i = 0; i < mesh.nx; i++) {
                if (present[mesh.element(i, j)]) n[j][i] = mesh.dx(i) * mesh.dy(j) / (pitch * pitch);
            }
        }
        return n;
    }

    private static double[][] scaled(double[][] a, double k) {
        if (k == 1) return a;
        double[][] r = new double[a.length][];
        for (int j = 0; j < a.length; j++) {
            r[j] = a[j].clone();
            for (int i = 0; i < r[j].length; i++) r[j][i] *= k;
        }
        return r;
    }
}
