package org.wafersim.validation.analytic;

/**
 * Temperature rise of a rectangular plate a x b with uniform volumetric generation q (W/m^3), conductivity k, whose
 * edges are held at the sink temperature and whose faces are adiabatic: -k (T_xx + T_yy) = q, T = 0 on the edges
 * (Carslaw &amp; Jaeger, Conduction of Heat in Solids, 1959, section 5.3; double sine series)
 * <pre>
 *   T(x, y) = 16 q / (k pi^4) sum_{m,n odd} sin(m pi x/a) sin(n pi y/b) / (m n (m^2/a^2 + n^2/b^2)).
 * </pre>
 */
public final class EdgeCooledPlate {
    private EdgeCooledPlate() { }

    public static double rise(double a, double b, double k, double q, double x, double y, int terms) {
        double s = 0;
        for (int m = 1; m <= terms; m += 2)
            for (int n = 1; n <= terms; n += 2)
                s += Math.sin(m * Math.PI * x / a) * Math.sin(n * Math.PI * y / b)
                        / (m * n * (m * m / (a * a) + n * n / (b * b)));
        return 16 * q / (k * Math.pow(Math.PI, 4)) * s;
    }
}
