package org.wafersim.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.wafersim.cases.CaseSpec;
import org.wafersim.errors.NotConvergedException;
import org.wafersim.grid.Grid;
import org.wafersim.grid.GridPlan;
import org.wafersim.linalg.Parallel;
import org.wafersim.materials.Material;
import org.wafersim.mechanics.MechanicsState;
import org.wafersim.mechanics.PackageMechanics;
import org.wafersim.mechanics.StackLayer;
import org.wafersim.mechanics.corner.CornerResult;
import org.wafersim.units.Units;

/**
 * The mechanics stage of a run (issue 5): the plate model of the case's stack on the thermal grid, factorised
 * once and solved for each operating state the thermal side provides (full load, idle, transient snapshots; "off"
 * is the stress-free state and needs no solve). The first state is the headline one: its fields are written at
 * the top of {@code /mechanics}, the others under {@code /mechanics/states/NAME}.
 */
public final class MechanicsRun {
    private static final double KELVIN = Units.ZERO_CELSIUS_K;

    /**
     * The solved states, in order, the history along a transient or cycle run (null without), and the cost.
     */
    public record Outcome(PackageMechanics model, List<MechanicsState> states, double setupSeconds, double seconds,
                          MechanicsHistory.Result history, CornerResult corner) {
        /** This outcome with the 3-D corner model's result. */
        public Outcome withCorner(CornerResult c) { return new Outcome(model, states, setupSeconds, seconds, history, c); }

        public MechanicsState state(String name) {
            for (MechanicsState s : states) if (s.name().equals(name)) return s;
            return null;
        }
    }

    private MechanicsRun() { }

    /** The per-layer materials of the grid (stack order). */
    static List<Material> layerMaterials(CaseSpec spec, Grid g) {
        List<Material> out = new ArrayList<>();
        for (int l = 0; l < g.layerCount(); l++) {
            CaseSpec.LayerSpec ls = spec.stack().get(l);
            out.add(spec.materials().get(ls.isWafer() ? spec.wafer().material() : ls.material()));
        }
        return out;
    }

    /** The case's mechanics section as the model's setup. */
    static PackageMechanics.Setup setup(CaseSpec spec, Grid g, List<Material> mats) {
        CaseSpec.MechanicsSpec m = spec.mechanics();
        List<CaseSpec.LayerTreatment> kinds = new ArrayList<>();
        for (int l = 0; l < g.layerCount(); l++) {
            String name = g.layerNames().get(l);
            CaseSpec.LayerTreatment t = m.treatment(name);
            if (t == null) t = CaseSpec.LayerTreatment.defaultFor(mats.get(l));
            kinds.add(t);
        }
        CaseSpec.SupportSpec s = m.support();
        int held = s.layer() == null ? g.layerCount() - 1 : g.layerIndex(s.layer());
        List<double[]> pts = new ArrayList<>();
        for (CaseSpec.Point p : s.points()) pts.add(new double[]{p.x(), p.y()});
        return new PackageMechanics.Setup(m.stressFree(), m.spacing(), kinds, s.type(), held, pts, s.edges());
    }

    /**
     * Solves the mechanics for each named temperature field (K, flat over the grid), in order.
     */
    public static Outcome run(CaseSpec spec, Grid g, GridPlan plan, Map<String, double[]> fields, Parallel par,
                              Consumer<String> progress) {
        long t0 = System.nanoTime();
        PackageMechanics pm = build(spec, g, plan, par, progress);
        return solve(pm, fields, null, t0, System.nanoTime(), progress);
    }

    /** The case's plate model on the grid, factorised (or its multigrid hierarchy built) on {@code par}. */
    public static PackageMechanics build(CaseSpec spec, Grid g, GridPlan plan, Parallel par,
                                         Consumer<String> progress) {
        // the thermal stage's workspaces (operators, multigrid, CG vectors) are garbage by now: collected before the
        // mechanics allocates its ~0.5 GB (the default wafer's stiffness, its single-precision copy, the coarse
        // levels), the heap reuses pages it has already touched instead of growing into fresh ones, which cost some
        // 4 ms per MB on a virtual machine (the stiffness's 202 MB took 0.6-0.7 s in the default run, 0.02-0.04 s
        // after a collection of 0.03-0.07 s; docs/performance.md)
        long tg = System.nanoTime();
        System.gc();
        if (Boolean.getBoolean("wafersim.trace"))
            System.err.printf(Locale.ROOT, "mechanics: collection before the stage %.3f s%n", (System.nanoTime() - tg) / 1e9);
        List<Material> mats = layerMaterials(spec, g);
        PackageMechanics.Setup setup = setup(spec, g, mats);
        PackageMechanics pm = new PackageMechanics(g, plan, mats, spec.waferLayerIndex(), setup, par);
        progress.accept(String.format(Locale.ROOT, "mechanics: plate model on %d x %d elements, %,d unknowns "
                        + "(%s, factor %,d non-zeros)", pm.model().mesh().nx, pm.model().mesh().ny,
                pm.factor().unknowns(), pm.factor().levels() == 1 ? "direct"
                        : pm.factor().levels() + " multigrid levels, coarsest", pm.factor().factorNonZeros()));
        return pm;
    }

    /**
     * Solves the named states (cell temperatures, K) on a built model, then the history's output times (null: none).
     *
     * @param started when the stage started (System.nanoTime), for the cost
     * @param built   when the model was ready
     */
    public static Outcome solve(PackageMechanics pm, Map<String, double[]> fields, MechanicsHistory history,
                                long started, long built, Consumer<String> progress) {
        long t0 = started, t1 = built;
        RunProgress rp = RunProgress.of(progress);
        // the states share the model: their loads are solved two at a time (one pass over the stiffness for both)
        List<String> names = new ArrayList<>(fields.keySet());
        List<org.wafersim.mechanics.LayerStrains> loads = new ArrayList<>();
        for (var e : fields.entrySet()) {
            rp.update("mechanics", 0.1 * loads.size() / fields.size(), "load of state " + e.getKey());
            loads.add(pm.restrict(e.getValue()));
        }
        rp.update("mechanics", 0.1, "states " + String.join(", ", names));
        long tr = System.nanoTime();
        List<MechanicsState> states = pm.solveAll(names, loads);
        if (Boolean.getBoolean("wafersim.trace"))
            System.err.printf(Locale.ROOT, "mechanics: setup %.3f s, restriction of %d fields %.3f s, solve and "
                            + "post-processing %.3f s (the solve %.3f s)%n", (t1 - t0) / 1e9, names.size(),
                    (tr - t1) / 1e9, (System.nanoTime() - tr) / 1e9, states.get(0).solution().stats().solveSeconds());
        for (MechanicsState st : states) {
            var stats = st.solution().stats();
            if (!stats.converged())
                throw new NotConvergedException(String.format(Locale.ROOT,
                        "mechanics: state %s did not converge (relative residual %.2e after %d iterations)",
                        st.name(), stats.relativeResidual(), stats.iterations()));
        }
        rp.done();
        MechanicsHistory.Result h = history == null ? null : history.solve(progress);
        return new Outcome(pm, states, (t1 - t0) / 1e9, (System.nanoTime() - t0) / 1e9, h, null);
    }

    /**
     * Heap of the mechanics stage (bytes), from the plate mesh alone. A node couples with its 3 x 3 neighbours, so the
     * stiffness has about 9 d^2 N entries on N nodes with d = 6 dofs x laminates.
     * <ul>
     * <li>Up to {@link PlateModel#DIRECT_LIMIT} unknowns the system is factorised: the nested-dissection Cholesky
     * factor's fill on a 2-D mesh grows as N log2 N (calibrated on the default stack, 3 laminates: 17.7 M factor
     * non-zeros at 5 mm, 2,704 nodes), 12 bytes per non-zero (value and row index), twice for the factorisation's
     * workspace.</li>
     * <li>Above it, the multigrid path: {@value #MULTIGRID_BYTES_PER_ENTRY} bytes per stiffness entry 9 d^2 N cover
     * the finest matrix with its single-precision copy, the Galerkin levels (a third more entries), the diagonal
     * blocks' inverses, the vectors of the paired solve and the restricted temperature fields (the stage starts with
     * a collection, so the thermal stages' garbage is not in it; measured on {@code wse-mechanics}, 10,201 nodes x 18
     * dofs: 0.50 GiB over the grid's, the model's 29.7 M entries x 18 B = 0.50 GiB).</li>
     * </ul>
     */
    public static long estimateBytes(CaseSpec spec, GridPlan plan) {
        if (!spec.analysis().mechanics()) return 0;
        int nl = plan.layerCount();
        double[] bx = new double[2 * nl], by = new double[2 * nl];
        int laminates = 0;
        boolean prevPlate = false;
        for (int l = 0; l < nl; l++) {
            bx[2 * l] = plan.layerX0(l);
            bx[2 * l + 1] = plan.layerX1(l);
            by[2 * l] = plan.layerY0(l);
            by[2 * l + 1] = plan.layerY1(l);
            CaseSpec.LayerSpec ls = spec.stack().get(l);
            CaseSpec.LayerTreatment t = spec.mechanics().treatment(ls.name());
            if (t == null) t = CaseSpec.LayerTreatment.defaultFor(
                    spec.materials().get(ls.isWafer() ? spec.wafer().material() : ls.material()));
            boolean plate = t == CaseSpec.LayerTreatment.PLATE;
            if (plate && !prevPlate) laminates++;
            prevPlate = plate;
        }
        org.wafersim.mechanics.PlateMesh mesh = org.wafersim.mechanics.PlateMesh.covering(bx, by, spec.mechanics().spacing());
        double n = mesh.nodes(), d = 6.0 * laminates;
        double matrix = 9 * d * d * n;
        if (n * d > org.wafersim.mechanics.PlateModel.DIRECT_LIMIT)
            return (long) (MULTIGRID_BYTES_PER_ENTRY * matrix);
        double factor = 1.9 * d * d * n * (Math.log(n) / Math.log(2));
        return (long) (12 * (2 * factor + matrix) + 40 * n * d * 8);
    }

    /** Heap per stiffness entry of the multigrid path (all levels, copies, vectors), bytes. */
    static final double MULTIGRID_BYTES_PER_ENTRY = 18;

    /** Refuses, before any allocation, a mechanics mesh whose estimate does not fit next to the thermal run. */
    public static void checkMemory(CaseSpec spec, GridPlan plan, long maxHeapBytes) {
        CornerRun.checkSize(spec, maxHeapBytes);
        long mech = estimateBytes(spec, plan);
        if (mech == 0) return;
        long total = CaseRun.estimatedBytes(spec, plan), thermal = total - mech;
        if (total > maxHeapBytes)
            throw new org.wafersim.errors.InputException(spec.source(), "mechanics.spacing", String.format(Locale.ROOT,
                    "the mechanics mesh needs about %.2f GiB on top of the thermal run's %.2f GiB, more than the "
                            + "%.2f GiB heap: use a coarser spacing or raise -Xmx (WAFERSIM_JAVA_OPTS)",
                    mech / 1073741824.0, thermal / 1073741824.0, maxHeapBytes / 1073741824.0));
    }
}
