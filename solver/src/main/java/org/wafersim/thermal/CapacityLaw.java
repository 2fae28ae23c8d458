package org.wafersim.thermal;

import org.wafersim.materials.Material;

/** Volumetric heat capacity rho c_p (J/(m^3 K)) of one material as a function of absolute temperature. */
public interface CapacityLaw {
    double rhoCp(double tK);

    static CapacityLaw constant(double rhoCp) {
        if (!(rhoCp > 0)) throw new IllegalArgumentException("rho c_p must be > 0");
        return t -> rhoCp;
    }

    /** rho(T) c_p(T) of a library material. */
    static CapacityLaw of(Material m) {
        return t -> m.density(t) * m.specificHeat(t);
    }
}
