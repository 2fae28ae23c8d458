package org.wafersim.thermal;

import java.util.List;
import org.wafersim.grid.Grid;

/**
 * Heat sources beside the cores' power (case keys {@code sources} and the flux and power conditions of
 * {@code boundaries}): a density per cell (W/m^3) that the operating point never scales, so that
 * {@code power.total} stays the chip's power and these come on top. A surface flux on a face enters the cell
 * behind it as q'' A / V, which in the finite-volume balance of that cell is exactly the flux through the face.
 *
 * @param density  W/m^3 per cell (0 in void cells)
 * @param names    one name per source (its case key, e.g. "sources[0]"), for the budget
 * @param powers   the power of each source on the grid (W): the sum of its density times the cell volumes
 */
public record FixedSources(double[] density, List<String> names, double[] powers) {
    public FixedSources {
        names = List.copyOf(names);
        if (powers.length != names.size()) throw new IllegalArgumentException("one power per source");
    }

    /** The sum over the cells of |density| x volume (W): the gross power, the scale of a balance whose net is ~0. */
    public double totalAbs(Grid g) {
        double s = 0;
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) {
                    int c = g.index(i, j, k);
                    if (density[c] != 0) s += Math.abs(density[c]) * g.dx(i) * g.dy(j) * g.dz(k);
                }
        return s;
    }

    /** Their total (W): the sum over the cells of density x volume (as it enters the assembled system). */
    public double total(Grid g) {
        double s = 0;
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) {
                    int c = g.index(i, j, k);
                    if (density[c] != 0) s += density[c] * g.dx(i) * g.dy(j) * g.dz(k);
                }
        return s;
    }
}
