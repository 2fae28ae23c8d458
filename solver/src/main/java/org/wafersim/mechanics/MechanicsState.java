package org.wafersim.mechanics;

import org.wafersim.cases.CaseSpec.LayerTreatment;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wafersim.materials.Material;

/**
 * One operating state of the package mechanics and the quantities a packaging engineer reads from it (reference
 * data D.4 "checks to report"): the connector's shear strain gamma = (gamma_xz, gamma_yz) and stress, the slip
 * of every interlayer, the warpage of every laminate (w minus its best-fit plane, peak to valley), and the plane
 * stress in the wafer's silicon at its bottom, middle and top (von Mises, largest principal) against the
 * fracture strength. In-plane maps are [y][x] flattened, at element centres (strains, stresses) or at nodes
 * (warpage). The hand estimate of D.4 is DNP * |eps_th,board - eps_th,wafer| / h_connector, with the mean free
 * strains of the two layers over the wafer footprint and the DNP of the most strained point.
 */
public final class MechanicsState {
    private final String name;
    private final PlateSolution solution;
    private final PlateModel model;
    private final int connector;           // interlayer index of the connector, -1 if none
    private final int waferLaminate, waferLayer;
    private final double[][] slipX, slipY;
    private final double[] gammaXz, gammaYz, gammaMag, shearStress, connectorT;
    private final double[][] warpage;
    private final double[] warpagePv;
    private final double[][] siXx, siYy, siXy, siVm, siP1;
    private final double maxGamma, maxGammaX, maxGammaY, maxGammaDnp, handEstimate;
    private final double peakVm, peakP1, fractureStrength;
    private final double meanStrainWafer, meanStrainBelow;

    MechanicsState(String name, PackageMechanics pm, PlateSolution solution, LayerStrains strains, Material silicon) {
        this.name = name;
        this.solution = solution;
        this.model = pm.model();
        PlateMesh mesh = model.mesh();
        int ne = mesh.elements();
        waferLayer = pm.waferLayer();
        waferLaminate = model.laminateOf(waferLayer);
        int conn = -1;
        for (int k = 0; k < model.interlayers().size(); k++) {
            PlateModel.Interlayer il = model.interlayers().get(k);
            if (il.layer() == waferLayer + 1 && il.ks() > 0) conn = k;
        }
        connector = conn;
        int ni = model.interlayers().size();
        slipX = new double[ni][ne];
        slipY = new double[ni][ne];
        for (int k = 0; k < ni; k++)
            for (int j = 0; j < mesh.ny; j++)
                for (int i = 0; i < mesh.nx; i++) {
                    double[] s = solution.interlayerSlip(k, i, j);
                    slipX[k][mesh.element(i, j)] = s[0];
                    slipY[k][mesh.element(i, j)] = s[1];
                }
        gammaXz = new double[ne];
        gammaYz = new double[ne];
        gammaMag = new double[ne];
        shearStress = new double[ne];
        connectorT = new double[ne];
        java.util.Arrays.fill(connectorT, Double.NaN);
        double gmax = 0, gx = Double.NaN, gy = Double.NaN;
        double wx0 = model.layers().get(waferLayer).x0(), wx1 = model.layers().get(waferLayer).x1();
        double wy0 = model.layers().get(waferLayer).y0(), wy1 = model.layers().get(waferLayer).y1();
        double cx = 0.5 * (wx0 + wx1), cy = 0.5 * (wy0 + wy1);
        if (connector >= 0) {
            StackLayer cl = model.layers().get(model.interlayers().get(connector).layer());
            double h = cl.thickness();
            for (int e = 0; e < ne; e++) {
                gammaXz[e] = slipX[connector][e] / h;
                gammaYz[e] = slipY[connector][e] / h;
                gammaMag[e] = Math.hypot(gammaXz[e], gammaYz[e]);
                shearStress[e] = cl.shearThrough() * gammaMag[e];
                connectorT[e] = strains.meanTemperature(model.interlayers().get(connector).layer(), e);
                if (gammaMag[e] > gmax) {
                    gmax = gammaMag[e];
                    gx = mesh.xc(e % mesh.nx);
                    gy = mesh.yc(e / mesh.nx);
                }
            }
        } else {
            java.util.Arrays.fill(gammaXz, Double.NaN);
            java.util.Arrays.fill(gammaYz, Double.NaN);
            java.util.Arrays.fill(gammaMag, Double.NaN);
            java.util.Arrays.fill(shearStress, Double.NaN);
        }
        maxGamma = connector >= 0 ? gmax : Double.NaN;
        maxGammaX = gx;
        maxGammaY = gy;
        maxGammaDnp = Math.hypot(gx - cx, gy - cy);
        // mean free strains over the wafer footprint
        meanStrainWafer = meanStrain(strains, waferLayer, wx0, wx1, wy0, wy1);
        int below = connector >= 0 ? model.interlayers().get(connector).layer() + 1 : -1;
        meanStrainBelow = below >= 0 ? meanStrain(strains, below, wx0, wx1, wy0, wy1) : Double.NaN;
        handEstimate = connector >= 0 ? maxGammaDnp * Math.abs(meanStrainBelow - meanStrainWafer)
                / model.layers().get(model.interlayers().get(connector).layer()).thickness() : Double.NaN;
        int nl = model.laminates().size();
        warpage = new double[nl][];
        warpagePv = new double[nl];
        for (int a = 0; a < nl; a++) {
            // the wafer's warpage over the wafer, also when it is laminated to a larger plate (a bonded TIM)
            warpage[a] = a == waferLaminate ? solution.warpage(a, wx0, wx1, wy0, wy1) : solution.warpage(a);
            double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
            for (double w : warpage[a]) if (!Double.isNaN(w)) { lo = Math.min(lo, w); hi = Math.max(hi, w); }
            warpagePv[a] = hi - lo;
        }
        double[] fs = {0, 0.5, 1};
        siXx = new double[3][ne];
        siYy = new double[3][ne];
        siXy = new double[3][ne];
        siVm = new double[3][ne];
        siP1 = new double[3][ne];
        double vm = 0, p1 = 0;
        for (int z = 0; z < 3; z++)
            for (int j = 0; j < mesh.ny; j++)
                for (int i = 0; i < mesh.nx; i++) {
                    int e = mesh.element(i, j);
                    PlateSolution.Stress st = solution.layerStress(waferLayer, i, j, fs[z]);
                    if (st == null) {
                        siXx[z][e] = siYy[z][e] = siXy[z][e] = siVm[z][e] = siP1[z][e] = Double.NaN;
                        continue;
                    }
                    siXx[z][e] = st.xx();
                    siYy[z][e] = st.yy();
                    siXy[z][e] = st.xy();
                    siVm[z][e] = st.vonMises();
                    siP1[z][e] = st.maxPrincipal();
                    vm = Math.max(vm, siVm[z][e]);
                    p1 = Math.max(p1, siP1[z][e]);
                }
        peakVm = vm;
        peakP1 = p1;
        fractureStrength = silicon.fractureStrength().map(p -> p.at(pm.setup().stressFreeK())).orElse(Double.NaN);
    }

    private double meanStrain(LayerStrains s, int layer, double x0, double x1, double y0, double y1) {
        PlateMesh mesh = model.mesh();
        double t = model.layers().get(layer).thickness(), sum = 0, area = 0;
        for (int j = 0; j < mesh.ny; j++)
            for (int i = 0; i < mesh.nx; i++) {
                double xc = mesh.xc(i), yc = mesh.yc(j);
                if (xc < x0 || xc > x1 || yc < y0 || yc > y1 || !model.layers().get(layer).covers(xc, yc)) continue;
                double a = mesh.dx(i) * mesh.dy(j);
                sum += a * s.int0(layer, mesh.element(i, j)) / t;
                area += a;
            }
        return sum / area;
    }

    public String name() { return name; }

    public PlateSolution solution() { return solution; }

    public PlateModel model() { return model; }

    public boolean hasConnector() { return connector >= 0; }

    /** The connector's interlayer index in the plate model, -1 if none. */
    public int connectorInterlayer() { return connector; }

    /**
     * Whether the connector exists at element {@code e} (its layer covers the element centre and both neighbours
     * are present): only there do its strain and temperature mean anything.
     */
    public boolean connectorAt(int e) { return connector >= 0 && model.interlayerAtElement(connector, e); }

    public String connectorLayer() {
        return connector < 0 ? null : model.layers().get(model.interlayers().get(connector).layer()).name();
    }

    public double[] connectorShearStrainXz() { return gammaXz.clone(); }

    public double[] connectorShearStrainYz() { return gammaYz.clone(); }

    /** |gamma| per element [y][x]. */
    public double[] connectorShearStrain() { return gammaMag.clone(); }

    public double[] connectorShearStress() { return shearStress.clone(); }

    /** Mean connector temperature per element [y][x] (K); NaN outside the connector. */
    public double[] connectorTemperature() { return connectorT.clone(); }

    public double[] slipX(int interlayer) { return slipX[interlayer].clone(); }

    public double[] slipY(int interlayer) { return slipY[interlayer].clone(); }

    public double[] warpage(int laminate) { return warpage[laminate].clone(); }

    public double warpagePeakToValley(int laminate) { return warpagePv[laminate]; }

    public int waferLaminate() { return waferLaminate; }

    /** Silicon stresses [z][y][x] at the wafer's bottom, middle and top (Pa). */
    public double[][] siliconStressXx() { return siXx; }

    public double[][] siliconStressYy() { return siYy; }

    public double[][] siliconStressXy() { return siXy; }

    public double[][] siliconVonMises() { return siVm; }

    public double[][] siliconMaxPrincipal() { return siP1; }

    /** The stack indices of the plate layers other than the wafer (cold plate, board, ...), top to bottom. */
    public java.util.List<Integer> otherPlateLayers() {
        java.util.List<Integer> l = new java.util.ArrayList<>();
        for (int k = 0; k < model.layers().size(); k++)
            if (k != waferLayer && model.layers().get(k).kind() == LayerTreatment.PLATE) l.add(k);
        return l;
    }

    /**
     * Von Mises stress [0 = bottom, 1 = middle, 2 = top][element] of plate layer {@code l} (Pa; NaN where the layer
     * does not cover the element), and its largest principal stress in {@code maxPrincipal} (same shape).
     */
    public double[][] layerVonMises(int l, double[][] maxPrincipal) {
        PlateMesh mesh = model.mesh();
        int ne = mesh.elements();
        double[] fs = {0, 0.5, 1};
        double[][] vm = new double[3][ne];
        for (int z = 0; z < 3; z++)
            for (int j = 0; j < mesh.ny; j++)
                for (int i = 0; i < mesh.nx; i++) {
                    int e = mesh.element(i, j);
                    PlateSolution.Stress st = solution.layerStress(l, i, j, fs[z]);
                    vm[z][e] = st == null ? Double.NaN : st.vonMises();
                    maxPrincipal[z][e] = st == null ? Double.NaN : st.maxPrincipal();
                }
        return vm;
    }

    /** The peak von Mises stress of every plate layer, by name (the wafer's is {@link #peakSiliconVonMises}). */
    public Map<String, Double> plateLayerPeakVonMises() {
        Map<String, Double> m = new LinkedHashMap<>();
        int ne = model.mesh().elements();
        for (int l = 0; l < model.layers().size(); l++) {
            if (model.layers().get(l).kind() != LayerTreatment.PLATE) continue;
            if (l == waferLayer) {
                m.put(model.layers().get(l).name(), peakVm);
                continue;
            }
            double[][] vm = layerVonMises(l, new double[3][ne]);
            double peak = 0;
            for (double[] row : vm) for (double v : row) if (v > peak) peak = v;
            m.put(model.layers().get(l).name(), peak);
        }
        return m;
    }

    public double maxConnectorShearStrain() { return maxGamma; }

    public double maxConnectorShearStrainX() { return maxGammaX; }

    public double maxConnectorShearStrainY() { return maxGammaY; }

    public double maxConnectorShearStrainDnp() { return maxGammaDnp; }

    public double connectorHandEstimate() { return handEstimate; }

    public double meanFreeStrainWafer() { return meanStrainWafer; }

    public double meanFreeStrainBelowConnector() { return meanStrainBelow; }

    public double peakSiliconVonMises() { return peakVm; }

    public double peakSiliconPrincipal() { return peakP1; }

    public double siliconFractureStrength() { return fractureStrength; }

    /** The state's headline numbers (SI, strains dimensionless), in a stable order for the summary. */
    public StateSummary summary() {
        StateSummary.Connector c = connector < 0 ? null : new StateSummary.Connector(maxGamma, maxGammaX, maxGammaY,
                maxGammaDnp, handEstimate,
                maxGamma * model.layers().get(model.interlayers().get(connector).layer()).shearThrough());
        Map<String, Double> warp = new LinkedHashMap<>();
        for (int a = 0; a < model.laminates().size(); a++)
            if (a != waferLaminate) warp.put(model.laminates().get(a).name().replace('+', '_') + "_warpage_pv_m", warpagePv[a]);
        // the other plate layers' peaks, one flat key each (the wafer's is silicon_peak_von_mises_Pa)
        Map<String, Double> peaks = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : plateLayerPeakVonMises().entrySet())
            if (!e.getKey().equals(model.layers().get(waferLayer).name()))
                peaks.put(e.getKey() + "_peak_von_mises_Pa", e.getValue());
        PlateSolution.Stats st = solution.stats();
        return new StateSummary(c, new StateSummary.Warpage(warpagePv[waferLaminate], warp),
                new StateSummary.Stress(peakVm, peakP1, fractureStrength, peaks), st.unknowns(), st.iterations(),
                st.relativeResidual());
    }
}
