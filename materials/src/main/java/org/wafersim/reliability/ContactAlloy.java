package org.wafersim.reliability;

/**
 * Built-in spring-contact alloys and their strain-life curves ({@link StrainLife}). No measured strain-life
 * constants of thin spring strip are public for these tempers, so the curves are estimated from the handbook
 * tensile data by the modified universal slopes (Muralidharan &amp; Manson 1988) and marked [E]; the tensile values
 * are typical values of the standard tempers:
 * <ul>
 * <li>{@code beryllium_copper}: C17200 (Alloy 25) strip, age-hardened temper TH04: σ_u ≈ 1300 MPa (range about
 *     1210–1380 MPa), E ≈ 128 GPa (Materion, Guide to Copper Beryllium; ASTM B194); true fracture ductility taken as
 *     0.05 from its few-percent elongation [E];</li>
 * <li>{@code phosphor_bronze}: C51000 (5 % Sn) strip, spring temper H08: σ_u ≈ 700 MPa, E ≈ 110 GPa (Copper
 *     Development Association, standard designations for wrought copper alloys; ASTM B103); true fracture ductility
 *     0.05 [E].</li>
 * </ul>
 * The resulting constants: BeCu σ_f' ≈ 1750 MPa, ε_f' ≈ 0.140; phosphor bronze σ_f' ≈ 1019 MPa, ε_f' ≈ 0.180
 * (b = −0.09, c = −0.56 for both); the elastic line gives a stress amplitude at 10^8 cycles of ≈ 313 MPa and
 * ≈ 182 MPa, which is the order of the reversed-bending fatigue strengths quoted for these tempers.
 */
public enum ContactAlloy {
    BERYLLIUM_COPPER("beryllium_copper", "beryllium copper C17200 TH04", 1300e6, 128e9, 0.05,
            "tensile data: Materion Guide to Copper Beryllium, ASTM B194 (typical)"),
    PHOSPHOR_BRONZE("phosphor_bronze", "phosphor bronze C51000 H08", 700e6, 110e9, 0.05,
            "tensile data: Copper Development Association, ASTM B103 (typical)");

    /** The case-file name. */
    public final String key;
    public final String label;
    /** σ_u, Pa; E, Pa; true fracture ductility. */
    public final double ultimateStrength, youngsModulus, fractureDuctility;
    public final String source;

    ContactAlloy(String key, String label, double su, double e, double ef, String source) {
        this.key = key;
        this.label = label;
        this.ultimateStrength = su;
        this.youngsModulus = e;
        this.fractureDuctility = ef;
        this.source = source;
    }

    /** The alloy's estimated strain-life curve. */
    public StrainLife strainLife() {
        return StrainLife.modifiedUniversalSlopes(label, ultimateStrength, youngsModulus, fractureDuctility, source,
                "connector.spring");
    }

    /** The alloy of a case-file name, or null. */
    public static ContactAlloy fromKey(String k) {
        for (ContactAlloy a : values()) if (a.key.equals(k)) return a;
        return null;
    }
}
