package org.wafersim.thermal;

import org.wafersim.materials.Material;
import org.wafersim.units.Units;

/** Volumetric heat capacity rho c_p (J/(m^3 K)) of one material as a function of absolute temperature. */
public interface CapacityLaw {
    double rhoCp(double tK);

    /** True when rhoCp does not depend on the temperature (callers may evaluate it once). */
    default boolean isConstant() { return false; }

    static CapacityLaw constant(double rhoCp) {
        if (!(rhoCp > 0)) throw new IllegalArgumentException("rho c_p must be > 0");
        return new CapacityLaw() {
            public double rhoCp(double tK) { return rhoCp; }
            public boolean isConstant() { return true; }
        };
    }

    /** rho(T) c_p(T) of a library material (constant when neither depends on T: the same product at any T). */
    static CapacityLaw of(Material m) {
        if (!m.heatCapacityDependsOnTemperature()) {
            double v = m.density(Units.ZERO_CELSIUS_K) * m.specificHeat(Units.ZERO_CELSIUS_K);
            return new CapacityLaw() {
                public double rhoCp(double tK) { return v; }
                public boolean isConstant() { return true; }
            };
        }
        return t -> m.density(t) * m.specificHeat(t);
    }
}
