package org.wafersim.cases;

import org.wafersim.reliability.ConnectorParameters;
import org.wafersim.reliability.ContactAlloy;
import org.wafersim.reliability.FatigueCurve;
import org.wafersim.reliability.FatigueModel;
import org.wafersim.reliability.ShearJoint;
import org.wafersim.reliability.SnCurve;
import org.wafersim.reliability.SolderJoint;
import org.wafersim.reliability.SpringContact;
import org.wafersim.reliability.StrainLife;

/**
 * The {@code connector} block of a case: the wafer-to-board connector as a technology, which selects the fatigue
 * model of its contacts (read by {@link DesignReader}; {@link #fatigueModel} is the library's model). SI units. Only the block of the chosen technology is read; a block
 * of another technology is an error.
 *
 * @param technology the technology
 * @param spring     geometry and alloy of a spring contact (technology spring), else null
 * @param solder     joint of technology solder, else null
 * @param custom     the user's curve and kinematics (technology custom), else null
 */
public record ConnectorTechSpec(Technology technology, Spring spring, Solder solder, Custom custom) {

    /** The default: a compliant spring-contact connector (what the seed's homogenised compliant layer stands for). */
    public static final ConnectorTechSpec DEFAULT = new ConnectorTechSpec(Technology.SPRING,
            new Spring(Spring.DEFAULT_ALLOY, 1.2e-3, 80e-6, "cantilever"), null, null);

    /**
     * The contact fatigue model of this technology: a {@link SolderJoint} with the Engelmaier constants of {@code cp}
     * (the connector material's, with the case's overrides), a {@link SpringContact} of the built-in alloy's
     * strain-life curve, or the user's curve on a beam or a joint.
     */
    public FatigueModel fatigueModel(ConnectorParameters cp) {
        return switch (technology) {
            case SOLDER -> new SolderJoint(solder == null || solder.height() == null ? Double.NaN : solder.height(),
                    cp.engelmaier(), false);
            case SPRING -> new SpringContact(SpringContact.Shape.fromKey(spring.shape()), spring.length(),
                    spring.thickness(), ContactAlloy.fromKey(spring.alloy()).strainLife(), "spring");
            case CUSTOM -> {
                FatigueCurve curve = custom.curve().equals("s_n")
                        ? new SnCurve(custom.stressAmplitude(), custom.cycles(), custom.exponent(),
                        custom.youngsModulus(), "connector.custom")
                        : new StrainLife("user curve", custom.fatigueStrengthCoefficient(), custom.youngsModulus(),
                        custom.strengthExponent(), custom.ductilityCoefficient(), custom.ductilityExponent(),
                        "case file", false, "connector.custom");
                yield custom.kinematics().equals("shear")
                        ? new ShearJoint(custom.height() == null ? Double.NaN : custom.height(), curve)
                        : new SpringContact(SpringContact.Shape.fromKey(custom.shape()), custom.length(),
                        custom.thickness(), curve, "custom");
            }
        };
    }

    /** {@code connector.technology}. */
    public enum Technology {
        /** Compliant spring contacts (LGA socket / interposer): beam bending + strain-life of the contact alloy. */
        SPRING("spring"),
        /** BGA/CGA-like solder joints: Engelmaier on the joint's shear strain. */
        SOLDER("solder"),
        /** A user's strain-life or S-N curve on a beam (bending) or joint (shear) kinematics. */
        CUSTOM("custom");
        public final String key;
        Technology(String key) { this.key = key; }
        public static Technology fromKey(String k) {
            for (Technology t : values()) if (t.key.equals(k)) return t;
            return null;
        }
    }

    /**
     * {@code connector.spring}: a contact beam. Defaults [E] (no public geometry of a wafer-scale spring connector):
     * length 1.2 mm, thickness 80 um, cantilever, beryllium copper, the order of LGA-socket contacts at a 1 mm pitch.
     *
     * @param alloy     {@code beryllium_copper} or {@code phosphor_bronze}
     * @param length    L, m
     * @param thickness t, m
     * @param shape     {@code cantilever} or {@code guided}
     */
    public record Spring(String alloy, double length, double thickness, String shape) {
        public static final String DEFAULT_ALLOY = "beryllium_copper";
        public static final String DEFAULT_LENGTH = "1.2 mm", DEFAULT_THICKNESS = "80 um";
        public static final java.util.List<String> ALLOYS = java.util.List.of("beryllium_copper", "phosphor_bronze");
        public static final java.util.List<String> SHAPES = java.util.List.of("cantilever", "guided");
    }

    /**
     * {@code connector.solder}.
     *
     * @param height joint height h, m, or null for the connector layer's thickness
     */
    public record Solder(Double height) { }

    /**
     * {@code connector.custom}: a user's curve. Kinematics {@code bending} uses a beam of {@code length},
     * {@code thickness}, {@code shape}; {@code shear} a joint of {@code height} (null = the layer's thickness).
     * Curve {@code strain_life}: σ_f' (Pa), E (Pa), b, ε_f', c; curve {@code s_n}: S_ref (Pa), N_ref, k, E (Pa).
     */
    public record Custom(String kinematics, Double length, Double thickness, String shape, Double height, String curve,
                         Double fatigueStrengthCoefficient, Double youngsModulus, Double strengthExponent,
                         Double ductilityCoefficient, Double ductilityExponent, Double stressAmplitude, Double cycles,
                         Double exponent) { }
}
