package org.wafersim.thermal;

/**
 * Thermal conductivity of one material as a function of absolute temperature, per direction (W/(m K)): kx, ky
 * in-plane and kz through the thickness, so orthotropic boards and connectors are first-class.
 */
public interface ConductivityLaw {
    double kx(double tK);
    double ky(double tK);
    double kz(double tK);
    /** True when k does not depend on T (no Picard iteration needed for this material). */
    boolean isConstant();
    /** True when kx(T) = ky(T) = kz(T) for every T (the assembly then evaluates the law once per cell). */
    default boolean isIsotropic() { return false; }

    /** A constant orthotropic conductivity. */
    static ConductivityLaw constant(double kx, double ky, double kz) {
        if (!(kx > 0 && ky > 0 && kz > 0)) throw new IllegalArgumentException("conductivity must be > 0");
        return new ConductivityLaw() {
            public double kx(double t) { return kx; }
            public double ky(double t) { return ky; }
            public double kz(double t) { return kz; }
            public boolean isConstant() { return true; }
            public boolean isIsotropic() { return kx == ky && ky == kz; }
        };
    }

    static ConductivityLaw isotropic(double k) { return constant(k, k, k); }
}
