package org.wafersim.validation.analytic;

/**
 * A manufactured solution of -div(k grad T) = q with piecewise-constant conductivity in horizontal layers (Roache,
 * "Code verification by the method of manufactured solutions", J. Fluids Eng. 124 (2002) 4-10):
 * <pre>
 *   T = T0 + cos(pi x/Lx) cos(pi y/Ly) f(z),   k_l f'(z) = F0 + 2 C z  (one linear flux across all layers),
 *   q = cos(pi x/Lx) cos(pi y/Ly) [k_l (pi^2/Lx^2 + pi^2/Ly^2) f(z) - 2 C].
 * </pre>
 * T and the normal flux are continuous at every interface, the sides are adiabatic (the cosines have zero slope
 * there), and top and bottom get the exact temperature. A second-order scheme shows order 2 on nested grids.
 */
public record LayeredManufacturedSolution(double lx, double ly, double t0, double f0, double c,
                                          double[] thickness, double[] conductivity) {

    public double f(double z) {
        double zl = 0, fl = 0;
        for (int l = 0; l < thickness.length; l++) {
            double zt = zl + thickness[l];
            if (z <= zt || l == thickness.length - 1)
                return fl + (f0 * (z - zl) + c * (z * z - zl * zl)) / conductivity[l];
            fl += (f0 * (zt - zl) + c * (zt * zt - zl * zl)) / conductivity[l];
            zl = zt;
        }
        throw new AssertionError();
    }

    /** Layer (bottom = 0) containing height z. */
    public int layerOf(double z) {
        double zl = 0;
        for (int l = 0; l < thickness.length; l++) {
            zl += thickness[l];
            if (z < zl) return l;
        }
        return thickness.length - 1;
    }

    public double temperature(double x, double y, double z) {
        return t0 + Math.cos(Math.PI * x / lx) * Math.cos(Math.PI * y / ly) * f(z);
    }

    public double source(double x, double y, double z) {
        double s = Math.PI * Math.PI / (lx * lx) + Math.PI * Math.PI / (ly * ly);
        return Math.cos(Math.PI * x / lx) * Math.cos(Math.PI * y / ly)
                * (conductivity[layerOf(z)] * s * f(z) - 2 * c);
    }
}
