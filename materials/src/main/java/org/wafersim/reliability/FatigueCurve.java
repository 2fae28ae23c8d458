package org.wafersim.reliability;

import java.util.List;

/**
 * A material's fatigue curve: median cycles to failure of a fully reversed strain cycle of range Δε, independent of
 * temperature and frequency ({@link StrainLife}, {@link SnCurve}). A {@link FatigueModel} puts it behind the
 * kinematics of a contact.
 */
public interface FatigueCurve {
    /** Cycles to failure of a cycle of strain range Δε (dimensionless, ≥ 0; ∞ for 0). */
    double cyclesToFailure(double strainRange);

    /** The curve's equation and constants in one phrase. */
    String describe();

    /** Its constants with sources. */
    List<FatigueConstant> constants();
}
