package org.wafersim.validation.analytic;

/**
 * Mean source temperature of a rectangular heat source on a rectangular flux channel with a convective sink
 * (Muzychka, Culham &amp; Yovanovich, "Thermal spreading resistance of eccentric heat sources on rectangular flux
 * channels", J. Electronic Packaging 125 (2003) 178-185). Channel a x b, thickness t, conductivity k; source c x d
 * centred at (xc, yc) on the top face with uniform flux Q/(c d); the rest of the top face and the sides adiabatic;
 * the bottom face cooled by h to the sink temperature. By separation of variables
 * <pre>
 *   mean(T_source) - T_sink = Q/(a b) [ t/k + 1/h + 2 sum_m S_m^2 phi(l_m)/(k l_m) + 2 sum_n S'_n^2 phi(d_n)/(k d_n)
 *                                       + 4 sum_m sum_n S_m^2 S'_n^2 phi(b_mn)/(k b_mn) ]
 *   l_m = m pi/a, d_n = n pi/b, b_mn = sqrt(l_m^2 + d_n^2),
 *   S_m = 2 cos(l_m xc) sin(l_m c/2)/(l_m c),  S'_n = 2 cos(d_n yc) sin(d_n d/2)/(d_n d),
 *   phi(z) = (z k/h + tanh(z t)) / (1 + (z k/h) tanh(z t)),
 * </pre>
 * the first two terms being the one-dimensional resistance and the sums the spreading resistance (the paper's
 * equations for a single layer, written here from the derivation).
 */
public final class SpreadingResistance {
    private SpreadingResistance() { }

    /** Mean source temperature rise (K) over the sink for power q (W); series truncated at {@code terms} per axis. */
    public static double meanSourceRise(double a, double b, double t, double k, double h, double c, double d,
                                        double xc, double yc, double q, int terms) {
        double[] s = new double[terms + 1], sp = new double[terms + 1], lm = new double[terms + 1], dn = new double[terms + 1];
        for (int m = 1; m <= terms; m++) {
            lm[m] = m * Math.PI / a;
            s[m] = 2 * Math.cos(lm[m] * xc) * Math.sin(lm[m] * c / 2) / (lm[m] * c);
            dn[m] = m * Math.PI / b;
            sp[m] = 2 * Math.cos(dn[m] * yc) * Math.sin(dn[m] * d / 2) / (dn[m] * d);
        }
        double sum = t / k + 1 / h;
        for (int m = 1; m <= terms; m++) sum += 2 * s[m] * s[m] * phi(lm[m], t, k, h) / (k * lm[m]);
        for (int n = 1; n <= terms; n++) sum += 2 * sp[n] * sp[n] * phi(dn[n], t, k, h) / (k * dn[n]);
        for (int m = 1; m <= terms; m++) {
            double sm2 = s[m] * s[m];
            if (sm2 == 0) continue;
            for (int n = 1; n <= terms; n++) {
                double bmn = Math.hypot(lm[m], dn[n]);
                sum += 4 * sm2 * sp[n] * sp[n] * phi(bmn, t, k, h) / (k * bmn);
            }
        }
        return q / (a * b) * sum;
    }

    static double phi(double z, double t, double k, double h) {
        double th = Math.tanh(z * t), e = z * k / h;
        return (e + th) / (1 + e * th);
    }
}
