package org.wafersim.reliability;

import java.util.List;

/**
 * The fatigue model of one connector contact, by connector technology: how the relative in-plane displacement
 * δ across the connector layer (wafer side minus board side, m) strains the contact, and how many cycles of a
 * given strain range the contact survives. This is the one interface through which every connector life is
 * computed: the two-state estimate of a run ({@link ConnectorFatigue}) and any strain-history evaluation (rainflow
 * counting of a transient, then Miner's rule over the counted cycles) call the same two methods:
 * <pre>
 *   ε   = contactStrain(δ, h_layer)                  the contact's own strain (linear in δ)
 *   N_f = cyclesToFailure(Δε, T_mean, f)             median cycles to failure of one cycle of range Δε
 *   D   = Σ_i n_i / N_f(Δε_i, T_i, f)                 Miner's damage of counted cycles (failure at D = 1)
 * </pre>
 * Because ε is linear in δ, a history of the layer's shear strain γ (δ = γ·h_layer) can be rainflow-counted in γ
 * and each counted range converted with {@link #contactStrain}; the counts are the same.
 *
 * <p>Implementations (each names its model and constants, with sources, in {@link #describe()} and
 * {@link #constants()}; constants without a public value are marked estimated, [E]):
 * <ul>
 * <li>{@link SolderJoint}: BGA/CGA-like joints, Engelmaier (IPC-SM-785) on the joint's shear strain δ/h_joint;</li>
 * <li>{@link SpringContact}: compliant spring contacts (LGA socket or interposer style), the beam model's surface
 *     bending strain and a strain-life curve of the contact alloy ({@link StrainLife}, Coffin–Manson–Basquin);</li>
 * <li>a user's curve ({@code custom}): {@link SpringContact} or {@link ShearJoint} kinematics with a user's
 *     {@link StrainLife} or {@link SnCurve}.</li>
 * </ul>
 * Strain ranges are dimensionless (m/m), temperatures in K, frequencies in cycles per day (the unit of
 * Engelmaier's exponent); models that do not depend on temperature or frequency ignore them and say so in
 * {@link #describe()}.
 */
public interface FatigueModel {

    /** The technology's case-file name: {@code solder}, {@code spring} or {@code custom}. */
    String technology();

    /** What the model's strain is, in words (e.g. "joint shear strain", "contact bending surface strain"). */
    String strainMeasure();

    /**
     * The contact's strain for a relative in-plane displacement across the connector layer.
     *
     * @param relativeDisplacement δ, m (a range of δ gives the range of the strain: the map is linear)
     * @param layerThickness       thickness of the connector layer, m (joints whose height is not given span it)
     */
    double contactStrain(double relativeDisplacement, double layerThickness);

    /**
     * Median cycles to failure of one cycle of strain range Δε (∞ for Δε = 0).
     *
     * @param strainRange      Δε in the model's own strain measure ({@link #contactStrain}), ≥ 0
     * @param meanTemperatureK mean temperature of the contact over the cycle, K
     * @param cyclesPerDay     cycling frequency, cycles per day
     */
    double cyclesToFailure(double strainRange, double meanTemperatureK, double cyclesPerDay);

    /**
     * Cycles to failure of a cycle of the connector layer's shear strain range Δγ (δ = Δγ·h_layer): the form a
     * strain history of the mechanics (γ_xz, γ_yz per point) is counted in, e.g. as the law of
     * {@link ConnectorRainflow}: {@code (g, t, f) -> model.cyclesToFailureOfLayerShear(g, h, t, f)}.
     */
    default double cyclesToFailureOfLayerShear(double layerShearRange, double layerThickness, double meanTemperatureK,
                                               double cyclesPerDay) {
        return cyclesToFailure(contactStrain(layerShearRange * layerThickness, layerThickness), meanTemperatureK,
                cyclesPerDay);
    }

    /** One line naming the model, its equation and its constants. */
    String describe();

    /** The model's constants with units and sources. */
    List<FatigueConstant> constants();

    /** Whether any constant is an engineering estimate ([E]) rather than a published value. */
    default boolean estimated() {
        for (FatigueConstant c : constants()) if (c.estimated()) return true;
        return false;
    }

    /** Remarks on evaluating the model at this frequency (e.g. a clamped frequency range); none by default. */
    default List<String> notes(String cycle, double cyclesPerDay) { return List.of(); }
}
