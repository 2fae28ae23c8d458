package org.wafersim.thermal;

import java.util.List;
import org.wafersim.grid.Grid;

/**
 * A steady conduction problem on a grid: -div(k(T) grad T) = q in every non-void cell, with the face conditions of
 * {@link BoundaryFaces} and adiabatic faces elsewhere. {@code laws[m]} is the conductivity of material id m;
 * {@code q} is the volumetric heat generation (W/m^3, zero in void cells).
 */
public record ThermalProblem(Grid grid, List<ConductivityLaw> laws, double[] q, BoundaryFaces boundary) {
    public ThermalProblem {
        if (q.length != grid.cells()) throw new IllegalArgumentException("q has the wrong length");
        if (laws.size() < grid.materialNames().size())
            throw new IllegalArgumentException("a conductivity law is needed for every material id");
        laws = List.copyOf(laws);
    }

    /** True when every material's conductivity is constant (one linear solve suffices). */
    public boolean isLinear() {
        for (ConductivityLaw l : laws) if (!l.isConstant()) return false;
        return true;
    }

    /** Total generated power (W). */
    public double totalPower() {
        Grid g = grid;
        double s = 0;
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) {
                    int c = g.index(i, j, k);
                    if (q[c] != 0) s += q[c] * g.dx(i) * g.dy(j) * g.dz(k);
                }
        return s;
    }
}
