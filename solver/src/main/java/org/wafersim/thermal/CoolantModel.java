package org.wafersim.thermal;

/**
 * The coolant over the cold plate as a run reports it: inlet, mixed outlet, mass flow, and the local coolant
 * temperature seen by each coolant face ({@code /thermal/coolant_temperature}). Implemented by the two plate modes:
 * {@link CoolantChannel} (lateral: the coolant warms along its path) and {@link ManifoldCoolant} (vertical: every
 * region of the plate gets fresh coolant).
 */
public interface CoolantModel {
    /** Inlet temperature (K). */
    double inlet();

    /** Mixed-mean outlet temperature (K): inlet + (heat taken up) / (m_dot c_p). */
    double outlet();

    /** Total mass flow (kg/s). */
    double massFlow();

    /** Specific heat used in the energy balance (J/(kg K)). */
    double specificHeat();

    /** Coolant temperature (K) seen by each top face, [ny][nx] flattened; NaN where there is no coolant. */
    double[] map();

    /** Largest local coolant temperature over the plate (K). */
    default double maxLocal() {
        double m = Double.NaN;
        for (double v : map()) if (!Double.isNaN(v) && !(v <= m)) m = v;
        return m;
    }

    /** Mean local coolant temperature over the plate (K), weighted by face area. */
    double meanLocal();
}
