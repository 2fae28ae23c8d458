package org.wafersim.validation.analytic;

/**
 * Exact temperatures of a one-dimensional stack of layers (bottom to top, thicknesses t_l, conductivities k_l) whose
 * top face is cooled by h to the coolant temperature T_c (Incropera &amp; DeWitt, Fundamentals of Heat and Mass
 * Transfer, sections 3.1 and 3.5):
 * <ul>
 * <li>no generation, bottom held at T_b: the flux q'' = (T_b - T_c) / (sum t_l/k_l + 1/h) is the same in every
 * layer, so T is piecewise linear;</li>
 * <li>uniform generation q in the bottom layer, bottom adiabatic: the flux q t_0 crosses the layers above (piecewise
 * linear there) and the bottom layer is parabolic, T(z) = T(t_0) + q (t_0^2 - z^2) / (2 k_0).</li>
 * </ul>
 */
public record LayeredSlab(double[] thickness, double[] conductivity, double h, double coolant) {

    /** Temperature at height z with the bottom face held at {@code bottom} and no generation. */
    public double linear(double z, double bottom) {
        double r = 1 / h;
        for (int l = 0; l < thickness.length; l++) r += thickness[l] / conductivity[l];
        double flux = (bottom - coolant) / r;
        double t = bottom, z0 = 0;
        for (int l = 0; l < thickness.length; l++) {
            double z1 = z0 + thickness[l];
            if (z <= z1 || l == thickness.length - 1) return t - flux * (z - z0) / conductivity[l];
            t -= flux * thickness[l] / conductivity[l];
            z0 = z1;
        }
        throw new AssertionError();
    }

    /** Temperature at height z with generation q (W/m^3) in the bottom layer and an adiabatic bottom face. */
    public double withGeneration(double z, double q) {
        double flux = q * thickness[0];
        // walk down from the coolant: T at the top of each layer
        double[] top = new double[thickness.length];
        double t = coolant + flux / h;
        for (int l = thickness.length - 1; l >= 0; l--) {
            top[l] = t;
            if (l > 0) t += flux * thickness[l] / conductivity[l];
        }
        double z0 = 0;
        for (int l = 0; l < thickness.length; l++) {
            double z1 = z0 + thickness[l];
            if (z <= z1 || l == thickness.length - 1) {
                if (l == 0) return top[0] + q * (thickness[0] * thickness[0] - z * z) / (2 * conductivity[0]);
                return top[l] + flux * (z1 - z) / conductivity[l];
            }
            z0 = z1;
        }
        throw new AssertionError();
    }
}
