package org.wafersim.thermal;

import org.wafersim.materials.Material;

/** The conductivity law of a library {@link Material} (kx, ky in-plane, kz through-thickness, each k(T)). */
public final class MaterialConductivity implements ConductivityLaw {
    private final Material m;
    private final boolean constant, isotropic;

    public MaterialConductivity(Material m) {
        this.m = m;
        this.constant = !m.conductivityDependsOnTemperature();
        this.isotropic = m.conductivityIsotropic();
    }

    @Override public double kx(double tK) { return m.conductivityX(tK); }
    @Override public double ky(double tK) { return m.conductivityY(tK); }
    @Override public double kz(double tK) { return m.conductivityZ(tK); }
    @Override public boolean isConstant() { return constant; }
    @Override public boolean isIsotropic() { return isotropic; }
}
