package org.wafersim.cases;

/**
 * A general boundary condition ({@code boundaries[i]}): on a face of the model's bounding box (layer
 * null) or of a named layer, optionally only where the face lies in {@code region}. The values a type does not
 * use are NaN.
 *
 * @param key         the entry's key path, e.g. "boundaries[0]" (names it in messages and in the heat budget)
 * @param h           convection: W/(m^2 K)
 * @param temperature convection: ambient; fixed_temperature: the face temperature; resistance: the far-side
 *                    temperature; radiation: the surroundings (K)
 * @param flux        flux: W/m^2 into the model
 * @param power       power: W into the model, spread uniformly over the selected area
 * @param resistance  resistance: K/W of the whole selected area (spread by area: h = 1 / (R A_total))
 * @param emissivity  radiation: grey-body emissivity in (0, 1]
 * @param replace     whether it replaces the cooling block's condition on the faces it covers
 */
public record BoundarySpec(String key, String layer, BoxFace face, BoxSpec region, BoundaryType type, double h,
                           double temperature, double flux, double power, double resistance, double emissivity,
                           boolean replace) {

    /** A face of a box: of the model's bounding box, or of a layer (its exposed cell faces of that direction). */
    public enum BoxFace {
        TOP("top"), BOTTOM("bottom"), XMIN("xmin"), XMAX("xmax"), YMIN("ymin"), YMAX("ymax");
        public final String key;
        BoxFace(String key) { this.key = key; }
        public static BoxFace fromKey(String k) {
            for (BoxFace f : values()) if (f.key.equals(k)) return f;
            return null;
        }
    }

    /**
     * A box in the wafer frame: x and y from the wafer's corner (layers are centred on the wafer), z up from the
     * board's back face (the bottom of the stack), m; an axis not given is unbounded (-inf, +inf).
     */
    public record BoxSpec(double x0, double x1, double y0, double y1, double z0, double z1) {
        public static final BoxSpec ALL = new BoxSpec(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

        /** Whether the point lies in the box (bounds included). */
        public boolean contains(double x, double y, double z) {
            return x >= x0 && x <= x1 && y >= y0 && y <= y1 && z >= z0 && z <= z1;
        }
    }

    /** The kind of a general boundary condition ({@code boundaries[i].type}). */
    public enum BoundaryType {
        CONVECTION("convection"), FIXED_TEMPERATURE("fixed_temperature"), FLUX("flux"), POWER("power"),
        ADIABATIC("adiabatic"), RESISTANCE("resistance"), RADIATION("radiation");
        public final String key;
        BoundaryType(String key) { this.key = key; }
        public static BoundaryType fromKey(String k) {
            for (BoundaryType t : values()) if (t.key.equals(k)) return t;
            return null;
        }
        /** Flux and power conditions are sources on the face, not a conductance to surroundings. */
        public boolean isSource() { return this == FLUX || this == POWER; }
    }
}
