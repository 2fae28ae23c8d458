package org.wafersim.materials;

/**
 * What kind of material this is, for listings and for sanity checks by the callers (a fluid cannot be a layer of
 * the stack, a thermal interface usually slides). The groups follow reference-data.md section B.
 */
public enum Category {
    SEMICONDUCTOR, METAL, SOLDER, THERMAL_INTERFACE, CONNECTOR, LAMINATE, POLYMER, ELASTOMER, CERAMIC,
    THIN_FILM, FLUID, OTHER;

    /** Lower-case name as written in case files and the resource file ("thermal_interface"). */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
