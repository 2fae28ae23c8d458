package org.wafersim.thermal;

/**
 * Published heat-transfer and friction correlations for cold-plate coolant passages. D_h = 4A/P; f is the Darcy
 * friction factor; alpha = short side / long side of a rectangular duct (0 < alpha <= 1).
 * <ul>
 *   <li>Fully developed laminar flow in rectangular ducts, Shah &amp; London, <i>Laminar Flow Forced Convection in
 *       Ducts</i> (1978), polynomial fits to their exact solutions (tabulated in Incropera et al., <i>Fundamentals of
 *       Heat and Mass Transfer</i>, Table 8.1):
 *       f Re = 96 (1 - 1.3553 a + 1.9467 a^2 - 1.7012 a^3 + 0.9564 a^4 - 0.2537 a^5),
 *       Nu_H1 = 8.235 (1 - 2.0421 a + 3.0853 a^2 - 2.4765 a^3 + 1.0578 a^4 - 0.1861 a^5) (uniform axial heat flux,
 *       uniform peripheral wall temperature: a conducting metal plate),
 *       Nu_T = 7.541 (1 - 2.610 a + 4.970 a^2 - 5.119 a^3 + 2.702 a^4 - 0.548 a^5) (uniform wall temperature).</li>
 *   <li>Thermally developing laminar flow: the mean Nusselt number of the thermal entrance, Shah &amp; London's
 *       Leveque asymptote Nu_m = 1.953 (x*)^(-1/3), x* = L / (D_h Re Pr), blended with the fully developed value by
 *       Churchill &amp; Usagi (1972) with exponent 3: Nu_m = (Nu_fd^3 + (1.953 x*^(-1/3))^3)^(1/3) [E: the blend].</li>
 *   <li>Turbulent flow: Petukhov f = (0.790 ln Re - 1.64)^-2; Gnielinski (1976)
 *       Nu = (f/8)(Re - 1000) Pr / (1 + 12.7 (f/8)^(1/2) (Pr^(2/3) - 1)), 3000 &lt;= Re &lt;= 5e6, 0.5 &lt;= Pr &lt;= 2000.</li>
 *   <li>Transition 2300 &lt; Re &lt; 1e4: Gnielinski (1995) interpolates linearly in Re between the laminar value at
 *       2300 and the turbulent value at 1e4 (gamma = (Re - 2300) / 7700); used for Nu and f alike.</li>
 *   <li>Fins: straight fin with an adiabatic tip, eta = tanh(mL)/(mL), m = (2h/(k t))^(1/2) (Incropera §3.6.4).</li>
 *   <li>Arrays of round impinging jets, Martin (1977), Adv. Heat Transfer 13 (as in Incropera §7.7):
 *       Nu / Pr^0.42 = K G F, F = 0.5 Re^(2/3), G = 2 Ar^(1/2) (1 - 2.2 Ar^(1/2)) / (1 + 0.2 (H/D - 6) Ar^(1/2)),
 *       K = [1 + ((H/D) / (0.6 / Ar^(1/2)))^6]^(-0.05), Ar = pi D^2 / (4 S^2) (square array of pitch S);
 *       2000 &lt;= Re &lt;= 1e5, 2 &lt;= H/D &lt;= 12, 0.004 &lt;= Ar &lt;= 0.04.</li>
 * </ul>
 */
public final class CoolantCorrelations {
    /** Laminar below this Reynolds number. */
    public static final double RE_LAMINAR = 2300;
    /** Fully turbulent (Gnielinski/Petukhov alone) from this Reynolds number. */
    public static final double RE_TURBULENT = 1e4;

    private CoolantCorrelations() { }

    private static void checkAspect(double a) {
        if (!(a > 0 && a <= 1)) throw new IllegalArgumentException("aspect ratio (short/long side) must be in (0, 1]: " + a);
    }

    /** Darcy f Re of fully developed laminar flow in a rectangular duct (Shah &amp; London). */
    public static double fReLaminar(double a) {
        checkAspect(a);
        return 96 * (1 + a * (-1.3553 + a * (1.9467 + a * (-1.7012 + a * (0.9564 + a * -0.2537)))));
    }

    /** Nu_H1 of fully developed laminar flow in a rectangular duct (Shah &amp; London). */
    public static double nuH1(double a) {
        checkAspect(a);
        return 8.235 * (1 + a * (-2.0421 + a * (3.0853 + a * (-2.4765 + a * (1.0578 + a * -0.1861)))));
    }

    /** Nu_T of fully developed laminar flow in a rectangular duct (Shah &amp; London). */
    public static double nuT(double a) {
        checkAspect(a);
        return 7.541 * (1 + a * (-2.610 + a * (4.970 + a * (-5.119 + a * (2.702 + a * -0.548)))));
    }

    /** Mean Nu over a heated length L of laminar flow with thermal entrance (Leveque asymptote blended with Nu_H1). */
    public static double nuLaminarMean(double a, double re, double pr, double lengthOverDh) {
        double xStar = lengthOverDh / (re * pr);
        double entry = 1.953 * Math.cbrt(1 / xStar);
        double fd = nuH1(a);
        return Math.cbrt(fd * fd * fd + entry * entry * entry);
    }

    /** Petukhov's Darcy friction factor of turbulent flow in smooth tubes. */
    public static double fPetukhov(double re) {
        double d = 0.790 * Math.log(re) - 1.64;
        return 1 / (d * d);
    }

    /** Gnielinski's Nusselt number of turbulent flow, with Petukhov's f. */
    public static double nuGnielinski(double re, double pr) {
        double f8 = fPetukhov(re) / 8;
        return f8 * (re - 1000) * pr / (1 + 12.7 * Math.sqrt(f8) * (Math.pow(pr, 2.0 / 3) - 1));
    }

    /** The flow regime at Reynolds number re: laminar, transitional or turbulent. */
    public static String regime(double re) {
        return re <= RE_LAMINAR ? "laminar" : re < RE_TURBULENT ? "transitional" : "turbulent";
    }

    /** Weight of the turbulent value in the transition range (Gnielinski 1995), 0 laminar, 1 turbulent. */
    static double gamma(double re) {
        return Math.min(1, Math.max(0, (re - RE_LAMINAR) / (RE_TURBULENT - RE_LAMINAR)));
    }

    /** Mean Nu of a rectangular channel of aspect a and heated length L/D_h in any regime. */
    public static double nuChannel(double a, double re, double pr, double lengthOverDh) {
        if (re <= RE_LAMINAR) return nuLaminarMean(a, re, pr, lengthOverDh);
        double g = gamma(re);
        double lam = nuLaminarMean(a, RE_LAMINAR, pr, lengthOverDh);
        double turb = nuGnielinski(Math.max(re, RE_TURBULENT), pr);
        if (re >= RE_TURBULENT) return nuGnielinski(re, pr);
        return (1 - g) * lam + g * turb;
    }

    /** Darcy f of a rectangular channel in any regime (fully developed: Shah &amp; London f Re / Re, Petukhov). */
    public static double fChannel(double a, double re) {
        if (re <= RE_LAMINAR) return fReLaminar(a) / re;
        if (re >= RE_TURBULENT) return fPetukhov(re);
        double g = gamma(re);
        return (1 - g) * fReLaminar(a) / RE_LAMINAR + g * fPetukhov(RE_TURBULENT);
    }

    /** Efficiency of a straight fin of height L, thickness t, conductivity k under h, adiabatic tip. */
    public static double finEfficiency(double h, double k, double t, double height) {
        double mL = Math.sqrt(2 * h / (k * t)) * height;
        return mL < 1e-12 ? 1 : Math.tanh(mL) / mL;
    }

    /** Relative nozzle area of a square array of round jets: Ar = pi D^2 / (4 S^2). */
    public static double jetArea(double d, double pitch) { return Math.PI * d * d / (4 * pitch * pitch); }

    /** Martin's (1977) mean Nu (on the nozzle diameter) of a square array of round impinging jets. */
    public static double nuMartinArray(double re, double pr, double d, double pitch, double distance) {
        double ar = jetArea(d, pitch), sa = Math.sqrt(ar), hd = distance / d;
        double k = Math.pow(1 + Math.pow(hd / (0.6 / sa), 6), -0.05);
        double g = 2 * sa * (1 - 2.2 * sa) / (1 + 0.2 * (hd - 6) * sa);
        double f = 0.5 * Math.pow(re, 2.0 / 3);
        return k * g * f * Math.pow(pr, 0.42);
    }
}
