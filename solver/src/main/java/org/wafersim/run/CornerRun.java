package org.wafersim.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.wafersim.cases.CaseSpec;
import org.wafersim.cases.CornerSpec;
import org.wafersim.errors.InputException;
import org.wafersim.errors.NotConvergedException;
import org.wafersim.grid.Grid;
import org.wafersim.linalg.Parallel;
import org.wafersim.materials.Material;
import org.wafersim.mechanics.MechanicsState;
import org.wafersim.mechanics.PackageMechanics;
import org.wafersim.mechanics.PlateMesh;
import org.wafersim.mechanics.StackLayer;
import org.wafersim.mechanics.corner.CornerModel;
import org.wafersim.mechanics.corner.CornerResult;
import org.wafersim.mechanics.corner.CornerSubmodel;

/**
 * The corner stage of a run ({@code mechanics.corner.enabled}): the 3-D box of {@link CornerSubmodel} around the
 * connector's critical corner, driven by the headline state's plate solution and loaded with its temperature field
 * (each element takes the thermal cell at its centre). The box is placed at {@code mechanics.corner.at} or at the
 * plate's most strained connector point, moved onto the wafer's edges when within one plate element of them (the
 * worst point is an element centre half an element inside the corner). Elastic constants are the materials' at the
 * stress-free temperature, as in the plate model; free strains integrate α(T) from it.
 */
final class CornerRun {
    /** Estimated Cholesky fill above which the box is refused (about 3.6 GB with EJML's workspace). */
    static final double MAX_FACTOR_NON_ZEROS = 150e6;

    private CornerRun() { }

    static CornerResult run(CaseSpec spec, PackageMechanics pm, MechanicsState state, double[] temperatureK,
                            Parallel par, Consumer<String> progress) {
        CornerSpec cs = spec.mechanics().corner();
        String src = spec.source();
        if (!state.hasConnector()) {
            throw new InputException(src, "mechanics.corner.enabled", "the corner model needs a bonded connector below"
                    + " the wafer, and the plate model has none");
        }
        Grid g = pm.grid();
        double tsf = pm.setup().stressFreeK();
        List<Material> mats = pm.materials();
        List<StackLayer> layers = pm.model().layers();
        List<CornerModel.Material> m3 = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            Material m = mats.get(l);
            if (!m.hasElasticConstants()) {
                m3.add(null);
                continue;
            }
            m3.add(new CornerModel.Material(m.youngsModulusInPlane(tsf), m.poissonRatioInPlane(tsf), m.cteInPlane(tsf),
                    m.youngsModulusThrough(tsf), m.poissonRatioThrough(tsf), m.shearModulusThrough(tsf),
                    m.cteThrough(tsf)));
        }
        CornerSubmodel.Load load = new CornerSubmodel.Load() {
            @Override public double temperature(int layer, double x, double y, double z) {
                return cellTemperature(g, temperatureK, layer, x, y, z);
            }

            @Override public double[] freeStrain(int layer, double tK) {
                Material m = mats.get(layer);
                return new double[]{m.thermalStrainInPlane(tK, tsf), m.thermalStrainThrough(tK, tsf)};
            }
        };
        CornerSubmodel sub = new CornerSubmodel(state.solution(), state.connectorInterlayer(), m3, load);
        double px, py;
        boolean user = cs.at() != null;
        if (user) {
            px = cs.at().x();
            py = cs.at().y();
        } else {
            StackLayer w = layers.get(pm.waferLayer());
            PlateMesh mesh = pm.model().mesh();
            double sp = pm.setup().spacing();
            px = snap(state.maxConnectorShearStrainX(), w.x0(), w.x1(), sp);
            py = snap(state.maxConnectorShearStrainY(), w.y0(), w.y1(), sp);
            if (!Double.isFinite(px) || !Double.isFinite(py)) {
                px = mesh.x(mesh.nx) / 2;
                py = mesh.y(mesh.ny) / 2;
            }
        }
        double half = cs.size() / 2;
        CornerSubmodel.Box box = new CornerSubmodel.Box(px - half, px + half, py - half, py + half);
        String outside = sub.checkBox(box);
        if (outside != null) {
            throw new InputException(src, user ? "mechanics.corner.at" : "mechanics.corner.size", String.format(
                    Locale.ROOT, "the corner box (%.4g mm around (%.4g mm, %.4g mm)%s) reaches beyond the plate below"
                            + " the connector at its %s mm: the plate solution drives the box's faces; make the box"
                            + " smaller or move it with mechanics.corner.at", 1e3 * cs.size(), 1e3 * px, 1e3 * py,
                    user ? "" : ", the most strained connector point", outside.replace("corner (", "corner (")));
        }
        // the size before allocating: unknowns and the Cholesky fill (nested dissection of a 3-D box grows as
        // n^1.35, calibrated on 17,286 unknowns -> 8.0M and 62,208 -> 45.4M non-zeros)
        int[][] matOut = new int[1][];
        CornerModel probe = sub.mesh(box, cs.resolution(), matOut);
        checkFill(src, 3.0 * probe.nodes(), Runtime.getRuntime().maxMemory());
        progress.accept(String.format(Locale.ROOT, "mechanics: corner box %.1f x %.1f mm at (%.1f mm, %.1f mm), %d x %d"
                        + " x %d elements", 1e3 * cs.size(), 1e3 * cs.size(), 1e3 * px, 1e3 * py, probe.nx(), probe.ny(),
                probe.nz()));
        CornerResult r = sub.solve(box, cs.resolution(), par);
        if (!(r.solution().relativeResidual() <= 1e-8)) {
            throw new NotConvergedException(String.format(Locale.ROOT, "mechanics: the corner model did not converge"
                    + " (relative residual %.2e)", r.solution().relativeResidual()));
        }
        return r;
    }

    /**
     * Refuses, before any allocation, a corner box whose factor would not fit: estimated from the case alone (the
     * box at a wafer corner, over the wafer, the connector and the layer below it); the run checks the real box again.
     */
    static void checkSize(CaseSpec spec, long maxHeapBytes) {
        CornerSpec cs = spec.mechanics().corner();
        if (!cs.enabled()) return;
        int w = spec.waferLayerIndex();
        if (w < 0 || w + 2 >= spec.stack().size()) return;     // the reader refuses these
        double[] t = {spec.stack().get(w + 2).thickness(), spec.stack().get(w + 1).thickness(),
                spec.stack().get(w).thickness()};
        checkFill(spec.source(), CornerSubmodel.estimateUnknowns(cs.size(), cs.resolution(), t, 1), maxHeapBytes);
    }

    private static void checkFill(String src, double unknowns, long maxHeapBytes) {
        double fill = CornerSubmodel.estimateFactorNonZeros(unknowns);
        if (fill > MAX_FACTOR_NON_ZEROS || 24 * fill > maxHeapBytes) {
            throw new InputException(src, "mechanics.corner.resolution", String.format(Locale.ROOT, "the corner box"
                    + " would have about %.0f thousand unknowns and a factor of about %.0f million non-zeros (%.1f GB;"
                    + " at most %.0f million and the heap): use a coarser resolution or a smaller size", unknowns / 1e3,
                    fill / 1e6, 24 * fill / 1e9, MAX_FACTOR_NON_ZEROS / 1e6));
        }
    }

    /** v moved onto the edge lo or hi when within {@code within} of it. */
    static double snap(double v, double lo, double hi, double within) {
        if (Math.abs(v - hi) <= within) return hi;
        if (Math.abs(v - lo) <= within) return lo;
        return v;
    }

    /** The temperature (K) of the cell of grid layer {@code layer} at (x, y, z), or of a solid neighbour in-plane. */
    static double cellTemperature(Grid g, double[] t, int layer, double x, double y, double z) {
        int k = Math.max(g.layerK0(layer), Math.min(g.layerK1(layer) - 1, g.locateZ(z)));
        int i0 = Math.max(0, Math.min(g.nx - 1, g.locateX(x))), j0 = Math.max(0, Math.min(g.ny - 1, g.locateY(y)));
        for (int r = 0; r <= 2; r++)
            for (int dj = -r; dj <= r; dj++)
                for (int di = -r; di <= r; di++) {
                    int i = i0 + di, j = j0 + dj;
                    if (i < 0 || j < 0 || i >= g.nx || j >= g.ny) continue;
                    double v = t[g.index(i, j, k)];
                    if (!Double.isNaN(v) && !g.isVoid(g.index(i, j, k))) return v;
                }
        return Double.NaN;
    }
}
