package org.wafersim.reliability;

/**
 * The cyclic load of the connector for one kind of thermal cycle, as maps over the connector's in-plane points
 * ({@code [y][x]}, the layout of {@code /mechanics/connector_shear_strain}): the shear strain range between the two
 * operating states and the mean joint temperature over the cycle. The arrays are copied.
 *
 * @param shearStrainRange Δγ per point (dimensionless, ≥ 0)
 * @param meanTemperatureK mean cyclic temperature T_sj per point, K
 */
public record ConnectorLoad(double[][] shearStrainRange, double[][] meanTemperatureK) {

    public ConnectorLoad {
        shearStrainRange = copy(shearStrainRange, "shearStrainRange");
        meanTemperatureK = copy(meanTemperatureK, "meanTemperatureK");
        if (shearStrainRange.length != meanTemperatureK.length
                || shearStrainRange[0].length != meanTemperatureK[0].length) {
            throw new IllegalArgumentException("strain and temperature maps differ in shape");
        }
        for (int y = 0; y < shearStrainRange.length; y++) {
            for (int x = 0; x < shearStrainRange[0].length; x++) {
                double g = shearStrainRange[y][x], t = meanTemperatureK[y][x];
                if (!(g >= 0) || !Double.isFinite(g)) {
                    throw new IllegalArgumentException("shear strain range at [" + y + "][" + x + "] is " + g);
                }
                if (!(t > 0) || !Double.isFinite(t)) {
                    throw new IllegalArgumentException("mean temperature at [" + y + "][" + x + "] is " + t + " K");
                }
            }
        }
    }

    /** A uniform load over an {@code ny x nx} map. */
    public static ConnectorLoad uniform(int ny, int nx, double shearStrainRange, double meanTemperatureK) {
        double[][] g = new double[ny][nx], t = new double[ny][nx];
        for (int y = 0; y < ny; y++) {
            java.util.Arrays.fill(g[y], shearStrainRange);
            java.util.Arrays.fill(t[y], meanTemperatureK);
        }
        return new ConnectorLoad(g, t);
    }

    public int ny() { return shearStrainRange.length; }

    public int nx() { return shearStrainRange[0].length; }

    static double[][] copy(double[][] a, String what) {
        if (a == null || a.length == 0 || a[0] == null || a[0].length == 0) {
            throw new IllegalArgumentException(what + " must be a non-empty [y][x] map");
        }
        double[][] c = new double[a.length][];
        for (int y = 0; y < a.length; y++) {
            if (a[y] == null || a[y].length != a[0].length) throw new IllegalArgumentException(what + " is not rectangular");
            c[y] = a[y].clone();
        }
        return c;
    }
}
