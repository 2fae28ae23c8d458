package org.wafersim.mechanics;

import org.wafersim.cases.CaseSpec.SupportType;
import org.wafersim.cases.CaseSpec.LayerTreatment;
import java.util.ArrayList;
import java.util.List;
import org.wafersim.grid.Grid;
import org.wafersim.grid.GridPlan;
import org.wafersim.linalg.Parallel;
import org.wafersim.materials.Material;

/**
 * The package's plate model built on the thermal grid's stack (same layers, heights and footprints), factorised
 * once and solved for each operating state's temperature field. Elastic constants are taken at the stress-free
 * temperature (the library's moduli are constant over the operating range).
 */
public final class PackageMechanics {
    /** How the board is held. */
    /**
     * What the case says about the mechanics.
     *
     * @param kinds         the treatment of each grid layer (stack order)
     * @param supportLayer  the grid layer that is held (clamped rim or bosses)
     * @param bosses        boss positions (x, y) in m, for BOSSES
     * @param edges         the condition of each edge of the outline, for EDGES (else null)
     */
    public record Setup(double stressFreeK, double spacing, List<LayerTreatment> kinds, SupportType support,
                        int supportLayer, List<double[]> bosses, org.wafersim.cases.EdgeSupports edges) {
        /** Any support but EDGES. */
        public Setup(double stressFreeK, double spacing, List<LayerTreatment> kinds, SupportType support,
                     int supportLayer, List<double[]> bosses) {
            this(stressFreeK, spacing, kinds, support, supportLayer, bosses, null);
        }
    }

    private final Grid grid;
    private final List<Material> materials;
    private final Setup setup;
    private final PlateModel model;
    private final PlateModel.Factorized factor;
    private final int waferLayer;
    private final Parallel par;
    private ThermalRestriction.Columns columns;   // the restriction's column sums, made on first use and kept

    public PackageMechanics(Grid grid, GridPlan plan, List<Material> materials, int waferLayer, Setup setup,
                            Parallel par) {
        this.grid = grid;
        this.materials = List.copyOf(materials);
        this.setup = setup;
        this.waferLayer = waferLayer;
        this.par = par;
        int nl = grid.layerCount();
        List<StackLayer> layers = new ArrayList<>(nl);
        double[] bx = new double[2 * nl], by = new double[2 * nl];
        double t = setup.stressFreeK();
        for (int l = 0; l < nl; l++) {
            double z0 = grid.zf(grid.layerK0(l)), z1 = grid.zf(grid.layerK1(l));
            double x0 = plan.layerX0(l), x1 = plan.layerX1(l), y0 = plan.layerY0(l), y1 = plan.layerY1(l);
            bx[2 * l] = x0;
            bx[2 * l + 1] = x1;
            by[2 * l] = y0;
            by[2 * l + 1] = y1;
            Material m = materials.get(l);
            String name = grid.layerNames().get(l);
            layers.add(switch (setup.kinds().get(l)) {
                case PLATE -> StackLayer.plate(name, z0, z1, x0, x1, y0, y1, m.youngsModulusInPlane(t),
                        m.poissonRatioInPlane(t));
                case BONDED -> StackLayer.bonded(name, z0, z1, x0, x1, y0, y1, m.shearModulusThrough(t),
                        m.youngsModulusThrough(t));
                case SLIDING -> StackLayer.sliding(name, z0, z1, x0, x1, y0, y1,
                        m.hasElasticConstants() ? m.youngsModulusThrough(t) : Double.NaN);
            });
        }
        PlateMesh mesh = PlateMesh.covering(bx, by, setup.spacing());
        model = new PlateModel(layers, mesh);
        int held = model.laminateOf(setup.supportLayer());
        List<PlateModel.Fix> fixes = switch (setup.support()) {
            case FREE -> Supports.free(model);
            case CLAMPED -> Supports.clamped(model, held);
            case BOSSES -> Supports.bosses(model, held, setup.bosses());
            case EDGES -> Supports.edges(model, held, setup.edges());
        };
        factor = model.factorize(fixes, par);
    }

    public PlateModel model() { return model; }

    public PlateModel.Factorized factor() { return factor; }

    public int waferLayer() { return waferLayer; }

    /** The thermal grid the model was built on. */
    public Grid grid() { return grid; }

    /** The material of every grid layer (stack order). */
    public List<Material> materials() { return materials; }

    public Setup setup() { return setup; }

    /** Solves the state with the given cell temperatures (K). */
    public MechanicsState solve(String name, double[] temperatureK) {
        return solve(name, restrict(temperatureK), null);
    }

    /** The thermal load of cell temperatures (K) on this model's mesh (what a state's solve starts from). */
    public synchronized LayerStrains restrict(double[] temperatureK) {
        if (columns == null) columns = new ThermalRestriction.Columns(grid);
        return ThermalRestriction.restrict(grid, temperatureK, materials, setup.stressFreeK(), model.mesh(), par,
                columns);
    }

    /**
     * Solves the states of already restricted loads (names in the same order), each from zero, two at a time
     * ({@link PlateModel.Factorized#solveAll}): each state is the one {@link #solve(String, double[])} gives alone.
     */
    public java.util.List<MechanicsState> solveAll(java.util.List<String> names, java.util.List<LayerStrains> loads) {
        java.util.List<PlateSolution> sol = factor.solveAll(loads);
        java.util.List<MechanicsState> out = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++)
            out.add(new MechanicsState(names.get(i), this, sol.get(i), loads.get(i), materials.get(waferLayer)));
        return out;
    }

    /**
     * Solves the state of an already restricted load, CG started from {@code warm} (the previous state of a
     * history; null = from zero).
     */
    public MechanicsState solve(String name, LayerStrains s, MechanicsState warm) {
        return new MechanicsState(name, this, factor.solve(s, warm == null ? null : warm.solution()), s,
                materials.get(waferLayer));
    }
}
