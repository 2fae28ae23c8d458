package org.wafersim.thermal;

/**
 * A convective face condition q = h (T_surface - T_ambient), h in W/(m^2 K), ambient in K. h may be
 * {@link Double#POSITIVE_INFINITY} for a fixed surface temperature (Dirichlet). {@code path} names the heat path
 * the face belongs to in the heat-path budget (e.g. "coolant", "board", "sides").
 */
public record Convection(double h, double ambient, String path) {
    public Convection {
        if (!(h > 0)) throw new IllegalArgumentException("h must be > 0 (use no condition for adiabatic)");
        if (!Double.isFinite(ambient)) throw new IllegalArgumentException("ambient must be finite");
    }
}
