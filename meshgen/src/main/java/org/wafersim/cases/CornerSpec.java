package org.wafersim.cases;

/**
 * {@code mechanics.corner}: the 3-D local model at the connector's critical corner, solved after the plate model
 * for the headline operating state. The box is a square of side {@code size} centred on {@code at} (default: the
 * plate's most strained connector point, moved onto the wafer's edges when it lies within one plate element of
 * them), through the wafer, the connector and the board; {@code resolution} is its finest element size (at the free
 * edges and the connector's faces).
 *
 * @param enabled    whether the run solves the corner model
 * @param size       side of the box, m
 * @param resolution finest element size, m
 * @param at         the box's centre (wafer frame, m), or null for the plate's worst connector point
 */
public record CornerSpec(boolean enabled, double size, double resolution, CaseSpec.Point at) {
    /** Default side of the box: 10 mm, several connector and wafer thicknesses either side of the edge. */
    public static final double DEFAULT_SIZE = 10e-3;
    /** Default finest element size: 0.2 mm, a fifth of the default connector's thickness. */
    public static final double DEFAULT_RESOLUTION = 0.2e-3;
    /** Off: the default run does not solve it. */
    public static final CornerSpec DEFAULT = new CornerSpec(false, DEFAULT_SIZE, DEFAULT_RESOLUTION, null);
}
