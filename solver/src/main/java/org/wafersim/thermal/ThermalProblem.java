package org.wafersim.thermal;

import java.util.List;
import org.wafersim.grid.Grid;

/**
 * A steady conduction problem on a grid: -div(k(T) grad T) = q in every non-void cell, with the face conditions of
 * {@link BoundaryFaces} and adiabatic faces elsewhere. {@code laws[m]} is the conductivity of material id m;
 * {@code q} is the volumetric heat generation (W/m^3, zero in void cells). {@code contactZ[k]} (m^2 K/W) is a contact
 * resistance between z-planes k and k + 1, in series with the two half cells: G = A / (dz_k/(2 k_k) + R_c +
 * dz_k+1/(2 k_k+1)) (null: perfect contact everywhere).
 */
public record ThermalProblem(Grid grid, List<ConductivityLaw> laws, double[] q, BoundaryFaces boundary,
                             HeatSourceFeedback feedback, List<OuterCoupling> couplings, double[] contactZ,
                             FixedSources fixed) {
    public ThermalProblem {
        if (fixed != null && fixed.density().length != grid.cells())
            throw new IllegalArgumentException("the fixed sources have the wrong length");
        if (q.length != grid.cells()) throw new IllegalArgumentException("q has the wrong length");
        if (contactZ != null && contactZ.length != grid.nz)
            throw new IllegalArgumentException("contactZ needs one entry per z-plane");
        if (laws.size() < grid.materialNames().size())
            throw new IllegalArgumentException("a conductivity law is needed for every material id");
        laws = List.copyOf(laws);
        couplings = List.copyOf(couplings);
    }

    /** A problem without fixed sources beside q. */
    public ThermalProblem(Grid grid, List<ConductivityLaw> laws, double[] q, BoundaryFaces boundary,
                          HeatSourceFeedback feedback, List<OuterCoupling> couplings, double[] contactZ) {
        this(grid, laws, q, boundary, feedback, couplings, contactZ, null);
    }

    /** A problem with a fixed source and fixed face ambients. */
    public ThermalProblem(Grid grid, List<ConductivityLaw> laws, double[] q, BoundaryFaces boundary) {
        this(grid, laws, q, boundary, null, List.of(), null);
    }

    /** A problem in perfect contact everywhere. */
    public ThermalProblem(Grid grid, List<ConductivityLaw> laws, double[] q, BoundaryFaces boundary,
                          HeatSourceFeedback feedback, List<OuterCoupling> couplings) {
        this(grid, laws, q, boundary, feedback, couplings, null);
    }

    /** The same problem with a temperature-dependent source and outer couplings. */
    public ThermalProblem with(HeatSourceFeedback fb, List<OuterCoupling> cs) {
        return new ThermalProblem(grid, laws, q, boundary, fb, cs, contactZ, fixed);
    }

    /** The same problem with another source (W/m^3). */
    public ThermalProblem withSource(double[] source) {
        return new ThermalProblem(grid, laws, source, boundary, feedback, couplings, contactZ, fixed);
    }

    /** The contact resistance between z-planes k and k + 1, m^2 K/W (0: perfect contact). */
    public double contactResistance(int k) { return contactZ == null ? 0 : contactZ[k]; }

    /** True when one linear solve suffices: constant conductivities, no feedback source, no outer coupling. */
    public boolean isLinear() {
        if (feedback != null || !couplings.isEmpty()) return false;
        for (ConductivityLaw l : laws) if (!l.isConstant()) return false;
        return true;
    }

    /** Power of the fixed sources beside q (W; 0 without them). */
    public double fixedPower() { return fixed == null ? 0 : fixed.total(grid); }

    /** Total power of q (W): the scalable source (the cores' dynamic power); the fixed sources are apart. */
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
