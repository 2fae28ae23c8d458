package org.wafersim.thermal;

/**
 * Chooses the condition of every exposed cell face (a face on the domain boundary or next to a void cell):
 * a {@link Convection}, or null for an adiabatic face.
 */
@FunctionalInterface
public interface BoundaryRule {
    Convection at(Face face, int i, int j, int k);
}
