package org.wafersim.mechanics;

/**
 * The thermal load of the plate model: per stack layer and mesh element, moments of the free thermal strain
 * eps_th(z) = integral of alpha dT from the stress-free temperature, averaged over the element's area:
 * <pre>
 *   int0 = integral eps_th dz,   int1 = integral eps_th (z - z_mid) dz   over the layer's thickness (in-plane strain),
 *   top, bottom = eps_th at the layer's faces,   intZ = integral eps_th,z dz (through-thickness strain)
 * </pre>
 * Plates need int0 and int1 (membrane force and moment), stress recovery needs top and bottom, interlayers need
 * intZ (their free change of thickness); fatigue reads the mean temperature.
 */
public final class LayerStrains {
    final double[][] int0, int1, top, bottom, intZ, meanT;

    public LayerStrains(int layers, int elements) {
        int0 = new double[layers][elements];
        int1 = new double[layers][elements];
        top = new double[layers][elements];
        bottom = new double[layers][elements];
        intZ = new double[layers][elements];
        meanT = new double[layers][elements];
        for (double[] m : meanT) java.util.Arrays.fill(m, Double.NaN);
    }

    /** Uniform free strains eps[l] (in-plane and through-thickness) in every layer: a uniform temperature change. */
    public static LayerStrains uniform(java.util.List<StackLayer> layers, PlateMesh mesh, double[] eps) {
        LayerStrains s = new LayerStrains(layers.size(), mesh.elements());
        for (int l = 0; l < layers.size(); l++) {
            double t = layers.get(l).thickness();
            for (int e = 0; e < mesh.elements(); e++) s.set(l, e, eps[l] * t, 0, eps[l], eps[l], eps[l] * t);
        }
        return s;
    }

    /** Sets all moments of layer l at element e. */
    public void set(int l, int e, double i0, double i1, double epsTop, double epsBottom, double iZ) {
        int0[l][e] = i0;
        int1[l][e] = i1;
        top[l][e] = epsTop;
        bottom[l][e] = epsBottom;
        intZ[l][e] = iZ;
    }

    /** Records the layer's mean temperature (K) at element e (for fatigue: the connector's joint temperature). */
    public void setMeanTemperature(int l, int e, double tK) { meanT[l][e] = tK; }

    /** Mean temperature (K) of layer l over element e; NaN if not known (uniform loads). */
    public double meanTemperature(int l, int e) { return meanT[l][e]; }

    public double int0(int l, int e) { return int0[l][e]; }

    public double int1(int l, int e) { return int1[l][e]; }

    public double top(int l, int e) { return top[l][e]; }

    public double bottom(int l, int e) { return bottom[l][e]; }

    public double intZ(int l, int e) { return intZ[l][e]; }
}
