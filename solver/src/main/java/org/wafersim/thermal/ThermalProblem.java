package org.wafersim.thermal;

import java.util.List;
import org.wafersim.grid.Grid;

/**
 * A steady conduction problem on a grid: -div(k(T) grad T) = q in every non-void cell, with the face conditions of
 * {@link BoundaryFaces} and adiabatic faces elsewhere. {@code laws[m]} is the conductivity of material id m;
 * {@code q} is the volumetric heat generation (W/m^3, zero in void cells).
 */
public record ThermalProblem(Grid grid, List<ConductivityLaw> laws, double[] q, BoundaryFaces boundary,
                             HeatSourceFeedback feedback, List<OuterCoupling> couplings) {
    public ThermalProblem {
        if (q.length != grid.cells()) throw new IllegalArgumentException("q has the wrong length");
        if (laws.size() < grid.materialNames().size())
            throw new IllegalArgumentException("a conductivity law is needed for every material id");
        laws = List.copyOf(laws);
        couplings = List.copyOf(couplings);
    }

    /** A problem with a fixed source and fixed face ambients. */
    public ThermalProblem(Grid grid, List<ConductivityLaw> laws, double[] q, BoundaryFaces boundary) {
        this(grid, laws, q, boundary, null, List.of());
    }

    /** The same problem with a temperature-dependent source and outer couplings. */
    public ThermalProblem with(HeatSourceFeedback fb, List<OuterCoupling> cs) {
        return new ThermalProblem(grid, laws, q, boundary, fb, cs);
    }

    /** True when one linear solve suffices: constant conductivities, no feedback source, no outer coupling. */
    public boolean isLinear() {
        if (feedback != null || !couplings.isEmpty()) return false;
        for (ConductivityLaw l : laws) if (!l.isConstant()) return false;
        return true;
    }

    /** Total fixed (temperature-independent) generated power (W). */
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
