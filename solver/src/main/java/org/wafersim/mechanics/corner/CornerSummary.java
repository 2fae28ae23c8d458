package org.wafersim.mechanics.corner;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The headline numbers of the 3-D corner model ({@link CornerResult#summary()}), SI: the box, the connector's peak
 * shear (where, the plate's value there, the strain), its peel range, the silicon's peak principal stress overall and
 * next to the free edge, and the solve. In the run summary's JSON the fields carry the prefix {@code corner_}; the
 * HDF5 attributes of {@code /mechanics/corner} the same names without it.
 */
public record CornerSummary(@JsonProperty("corner_box_x0_m") double boxX0M,
                            @JsonProperty("corner_box_x1_m") double boxX1M,
                            @JsonProperty("corner_box_y0_m") double boxY0M,
                            @JsonProperty("corner_box_y1_m") double boxY1M,
                            @JsonProperty("corner_resolution_m") double resolutionM,
                            @JsonProperty("corner_connector_peak_shear_Pa") double connectorPeakShearPa,
                            @JsonProperty("corner_connector_peak_shear_x_m") double connectorPeakShearXM,
                            @JsonProperty("corner_connector_peak_shear_y_m") double connectorPeakShearYM,
                            @JsonProperty("corner_plate_shear_at_peak_Pa") double plateShearAtPeakPa,
                            @JsonProperty("corner_connector_peak_shear_strain") double connectorPeakShearStrain,
                            @JsonProperty("corner_connector_peak_peel_Pa") double connectorPeakPeelPa,
                            @JsonProperty("corner_connector_min_peel_Pa") double connectorMinPeelPa,
                            @JsonProperty("corner_silicon_peak_principal_Pa") double siliconPeakPrincipalPa,
                            @JsonProperty("corner_silicon_edge_peak_principal_Pa") double siliconEdgePeakPrincipalPa,
                            @JsonProperty("corner_unknowns") int unknowns,
                            @JsonProperty("corner_factor_non_zeros") long factorNonZeros,
                            @JsonProperty("corner_cg_iterations") int cgIterations,
                            @JsonProperty("corner_relative_residual") double relativeResidual,
                            @JsonProperty("corner_seconds") double seconds) {
    /** The prefix of every field's JSON name. */
    public static final String PREFIX = "corner_";
}
