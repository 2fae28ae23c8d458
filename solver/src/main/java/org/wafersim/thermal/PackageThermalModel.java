package org.wafersim.thermal;

import java.util.ArrayList;
import java.util.List;
import org.wafersim.cases.CaseSpec;
import org.wafersim.cases.CaseSpec.CoolingMode;
import org.wafersim.cases.CaseSpec.SurfaceSpec;
import org.wafersim.errors.InputException;
import org.wafersim.grid.Grid;

/**
 * Turns a wafer package case into a {@link ThermalProblem}: conductivity laws from the case's material library and
 * the face conditions of the cooling mode (DESIGN section 4, reference-data.md D.3):
 * <ul>
 *   <li>top face of the top layer: the coolant (h, inlet temperature) in {@code vertical} mode; in {@code edge}
 *       mode there is no cold plate flow and the face sees {@code other_faces};</li>
 *   <li>bottom face of the bottom layer: {@code board_back};</li>
 *   <li>{@code edge} mode: the wafer's rim (side faces of the wafer layer) gets the edge coolant;</li>
 *   <li>every other exposed face (stack sides, steps between layers of different footprint): {@code other_faces}.</li>
 * </ul>
 * Heat paths are named "coolant", "board", "edge" and "sides" in the budget.
 */
public final class PackageThermalModel {
    public static final String COOLANT = "coolant", BOARD = "board", EDGE = "edge", SIDES = "sides";

    private PackageThermalModel() { }

    public static ThermalProblem build(CaseSpec spec, Grid g, double[] q) {
        if (spec.cooling().mode() == CoolingMode.LATERAL)
            throw new InputException(spec.source(), "cooling.mode",
                    "'lateral' (coolant warming along its path) is not available in this version; use vertical or edge");
        List<ConductivityLaw> laws = new ArrayList<>();
        for (String name : g.materialNames()) laws.add(new MaterialConductivity(spec.materials().get(name)));
        return new ThermalProblem(g, laws, q, BoundaryFaces.scan(g, rule(spec, g)));
    }

    /**
     * The same problem with every conductivity frozen at temperature tK (a linear problem): used by benchmarks to
     * time one linear solve on the real operator.
     */
    public static ThermalProblem frozenConductivity(ThermalProblem p, double tK) {
        List<ConductivityLaw> laws = new ArrayList<>();
        for (ConductivityLaw l : p.laws()) laws.add(ConductivityLaw.constant(l.kx(tK), l.ky(tK), l.kz(tK)));
        return new ThermalProblem(p.grid(), laws, p.q(), p.boundary());
    }

    static BoundaryRule rule(CaseSpec spec, Grid g) {
        var cool = spec.cooling();
        int top = 0, bottom = g.layerCount() - 1;
        int topK0 = g.layerK0(top), topK1 = g.layerK1(top);
        int botK0 = g.layerK0(bottom), botK1 = g.layerK1(bottom);
        int wafer = spec.waferLayerIndex();
        int wK0 = g.layerK0(wafer), wK1 = g.layerK1(wafer);
        Convection coolant = cool.mode() == CoolingMode.EDGE ? null
                : new Convection(cool.coolant().h(), cool.coolant().inlet(), COOLANT);
        Convection board = convection(cool.boardBack(), BOARD);
        Convection other = convection(cool.otherFaces(), SIDES);
        Convection edge = cool.mode() == CoolingMode.EDGE ? convection(cool.edge(), EDGE) : null;
        if (cool.mode() == CoolingMode.EDGE && edge == null)
            throw new InputException(spec.source(), "cooling.edge.h", "edge cooling needs h > 0");
        return (face, i, j, k) -> {
            if (face == Face.ZMAX && k == topK1 - 1 && k >= topK0 && coolant != null) return coolant;
            if (face == Face.ZMIN && k == botK0 && k < botK1) return board;
            if (edge != null && face.isSide() && k >= wK0 && k < wK1) return edge;
            return other;
        };
    }

    private static Convection convection(SurfaceSpec s, String path) {
        return s == null || !(s.h() > 0) ? null : new Convection(s.h(), s.ambient(), path);
    }
}
