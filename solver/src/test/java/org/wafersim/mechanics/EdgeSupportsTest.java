package org.wafersim.mechanics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wafersim.cases.EdgeSupports;
import org.wafersim.cases.EdgeSupports.Edge;
import org.wafersim.cases.EdgeSupports.Kind;
import org.wafersim.linalg.Parallel;
import org.wafersim.mechanics.PlateModel.Dof;
import org.wafersim.mechanics.PlateModel.Fix;

/**
 * {@link Supports#edges}: the kinematic fixes it adds remove exactly the rigid-body motions the edges leave free
 * (statically determinate), so they carry no reaction: moving them moves the solution by a rigid motion only.
 */
class EdgeSupportsTest {
    static final double L = 0.02;

    static PlateModel bilayer() {
        List<StackLayer> layers = List.of(
                StackLayer.plate("si", 0.5e-3, 1e-3, 0, L, 0, L, 150e9, 0.17),
                StackLayer.plate("cu", 0, 0.5e-3, 0, L, 0, L, 120e9, 0.34));
        return new PlateModel(layers, PlateMesh.covering(new double[]{0, L}, new double[]{0, L}, L / 8));
    }

    static EdgeSupports edges(Kind xmin, Kind xmax, Kind ymin, Kind ymax, boolean held) {
        Map<Edge, Kind> m = new EnumMap<>(Edge.class);
        m.put(Edge.XMIN, xmin);
        m.put(Edge.XMAX, xmax);
        m.put(Edge.YMIN, ymin);
        m.put(Edge.YMAX, ymax);
        return new EdgeSupports(m, held);
    }

    /** The fixes Supports.edges adds beyond the edges' own (the kinematic completion). */
    static List<Fix> added(PlateModel m, EdgeSupports e) {
        List<Fix> all = new ArrayList<>(Supports.edges(m, 0, e));
        all.removeAll(Supports.edgeFixes(m, 0, e));
        return all;
    }

    @Test
    void allFreeIsTheFreeSupport() {
        PlateModel m = bilayer();
        List<Fix> e = Supports.edges(m, 0, edges(Kind.FREE, Kind.FREE, Kind.FREE, Kind.FREE, false));
        assertEquals(new java.util.HashSet<>(Supports.free(m)), new java.util.HashSet<>(e));
    }

    @Test
    void twoSymmetricEdgesLeaveOnlyTheTranslationInW() {
        PlateModel m = bilayer();
        List<Fix> a = added(m, edges(Kind.SYMMETRIC, Kind.FREE, Kind.SYMMETRIC, Kind.FREE, false));
        assertEquals(1, a.size(), a.toString());
        assertEquals(Dof.W, a.get(0).dof());
    }

    @Test
    void oneSimplySupportedEdgeInPlaneFreeAddsThePinTheSlotAndW() {
        PlateModel m = bilayer();
        List<Fix> a = added(m, edges(Kind.SIMPLY_SUPPORTED, Kind.FREE, Kind.FREE, Kind.FREE, false));
        // u, v and the in-plane rotation (pin u, v; slot v), and the rotation about the held edge (w at the pin)
        assertEquals(List.of(Dof.U, Dof.V, Dof.W, Dof.V), a.stream().map(Fix::dof).toList());
    }

    @Test
    void heldEdgesNeedNoCompletion() {
        PlateModel m = bilayer();
        assertEquals(List.of(), added(m, edges(Kind.CLAMPED, Kind.FREE, Kind.FREE, Kind.FREE, false)));
        assertEquals(List.of(), added(m, edges(Kind.SIMPLY_SUPPORTED, Kind.SIMPLY_SUPPORTED, Kind.SIMPLY_SUPPORTED,
                Kind.FREE, true)));
        assertEquals(List.of(), added(m, edges(Kind.SYMMETRIC, Kind.SIMPLY_SUPPORTED, Kind.SYMMETRIC,
                Kind.SIMPLY_SUPPORTED, false)));
    }

    /**
     * The quarter model's added w fix carries no reaction: holding w at another node instead (the far corner) gives
     * the same field up to a rigid translation, to round-off.
     */
    @Test
    void theAddedFixCarriesNoReaction() {
        PlateModel m = bilayer();
        EdgeSupports e = edges(Kind.SYMMETRIC, Kind.FREE, Kind.SYMMETRIC, Kind.FREE, false);
        List<Fix> fixes = Supports.edges(m, 0, e);
        LayerStrains load = LayerStrains.uniform(m.layers(), m.mesh(), new double[]{2.6e-4, 16.5e-4});
        PlateSolution a = m.solve(load, fixes, Parallel.serial());
        List<Fix> moved = new ArrayList<>(fixes);
        Fix w = added(m, e).get(0);
        moved.remove(w);
        moved.add(new Fix(0, m.mesh().node(m.mesh().nx, m.mesh().ny), Dof.W));
        PlateSolution b = m.solve(load, moved, Parallel.serial());
        int ref = m.mesh().node(0, 0);
        // per group of one unit: in-plane, w, slopes; the twist against slope / side (its own values are ~0 here)
        double[] scale = new double[4], diff = new double[4];
        for (int n = 0; n < m.mesh().nodes(); n++)
            for (Dof d : Dof.values()) {
                int g = d == Dof.U || d == Dof.V ? 0 : d == Dof.W ? 1 : d == Dof.WXY ? 3 : 2;
                double va = a.displacement(0, n, d) - (d == Dof.W ? a.displacement(0, ref, Dof.W) : 0);
                double vb = b.displacement(0, n, d) - (d == Dof.W ? b.displacement(0, ref, Dof.W) : 0);
                scale[g] = Math.max(scale[g], Math.abs(va));
                diff[g] = Math.max(diff[g], Math.abs(va - vb));
            }
        scale[3] = Math.max(scale[3], scale[2] / L);
        for (int g = 0; g < 4; g++) {
            assertTrue(scale[g] > 0);
            // a reaction at the fix would move the field by O(1) of itself; two direct solves agree to round-off
            // (measured 8.8e-13 in-plane, 3.9e-12 w, 5.4e-12 slopes, 5.2e-12 twist)
            assertTrue(diff[g] <= 1e-10 * scale[g], "group " + g + ": moving the kinematic w fix changed the"
                    + " deformation by " + diff[g] / scale[g]);
        }
    }
}
