package org.wafersim.mechanics;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headline numbers of one mechanics state ({@link MechanicsState#summary()}), SI, strains dimensionless; in JSON
 * the fields of the parts are written flat, in this order, under the names given here.
 *
 * @param connector   the connector's most strained point, null for a stack without a connector layer
 * @param warpage     peak-to-valley warpage of the wafer and of the other laminates
 * @param stress      the silicon's peak stresses and the other plate layers' peak von Mises stress
 * @param unknowns    unknowns of the plate model
 * @param cgIterations iterations of the state's solve
 * @param relativeResidual the solve's final relative residual
 */
public record StateSummary(@JsonUnwrapped Connector connector, @JsonUnwrapped Warpage warpage,
                           @JsonUnwrapped Stress stress, int unknowns,
                           @JsonProperty("cg_iterations") int cgIterations,
                           @JsonProperty("relative_residual") double relativeResidual) {
    /** JSON names that the sweep's table reads back. */
    public static final String CONNECTOR_MAX_SHEAR_STRAIN = "connector_max_shear_strain",
            WAFER_WARPAGE_PV_M = "wafer_warpage_pv_m", SILICON_PEAK_PRINCIPAL_PA = "silicon_peak_principal_Pa";

    /**
     * @param maxShearStrain   largest shear strain magnitude of the connector layer
     * @param maxAtXM          where (x, m)
     * @param maxAtYM          where (y, m)
     * @param maxDnpM          its distance from the wafer centre, m
     * @param handEstimate     the hand estimate DNP |d(alpha dT)| / h at that point
     * @param maxShearStressPa the shear stress there, Pa
     */
    public record Connector(@JsonProperty(CONNECTOR_MAX_SHEAR_STRAIN) double maxShearStrain,
                            @JsonProperty("connector_max_at_x_m") double maxAtXM,
                            @JsonProperty("connector_max_at_y_m") double maxAtYM,
                            @JsonProperty("connector_max_dnp_m") double maxDnpM,
                            @JsonProperty("connector_hand_estimate") double handEstimate,
                            @JsonProperty("connector_max_shear_stress_Pa") double maxShearStressPa) { }

    /**
     * @param waferPvM       the wafer laminate's warpage, m
     * @param otherLaminates the other laminates' warpage, m, by field name ({@code LAMINATE_warpage_pv_m}, a "+" in
     *                       the laminate's name written "_")
     */
    public record Warpage(@JsonProperty(WAFER_WARPAGE_PV_M) double waferPvM,
                          @JsonAnyGetter Map<String, Double> otherLaminates) {
        public Warpage {
            otherLaminates = Collections.unmodifiableMap(new LinkedHashMap<>(otherLaminates));
        }
    }

    /**
     * @param siliconPeakVonMisesPa     the wafer silicon's peak von Mises stress, Pa
     * @param siliconPeakPrincipalPa    its peak principal stress, Pa
     * @param siliconFractureStrengthPa its fracture strength, Pa
     * @param otherLayersPeakVonMisesPa the other plate layers' peak von Mises stress, Pa, by field name
     *                                  ({@code LAYER_peak_von_mises_Pa})
     */
    public record Stress(@JsonProperty("silicon_peak_von_mises_Pa") double siliconPeakVonMisesPa,
                         @JsonProperty(SILICON_PEAK_PRINCIPAL_PA) double siliconPeakPrincipalPa,
                         @JsonProperty("silicon_fracture_strength_Pa") double siliconFractureStrengthPa,
                         @JsonAnyGetter Map<String, Double> otherLayersPeakVonMisesPa) {
        public Stress {
            otherLayersPeakVonMisesPa = Collections.unmodifiableMap(new LinkedHashMap<>(otherLayersPeakVonMisesPa));
        }
    }
}
