package org.wafersim.materials;

/**
 * How a material takes part in the thermo-elastic model (DESIGN.md §4 and reference-data D.4).
 * <ul>
 *   <li>{@code SOLID}: a bonded elastic layer; it has Young's moduli, Poisson ratios and CTEs.</li>
 *   <li>{@code SLIDING}: transmits normal pressure but no shear (a thermal grease or a graphite pad between
 *       wafer and cold plate: "frictionless sliding for grease/graphite", D.4). It may carry a through-thickness
 *       modulus and CTEs for information, but no complete set of elastic constants.</li>
 *   <li>{@code NONE}: no mechanical role (the coolant).</li>
 * </ul>
 */
public enum MechanicalRole {
    SOLID, SLIDING, NONE;

    /** Lower-case name as written in case files ("solid", "sliding", "none"). */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
