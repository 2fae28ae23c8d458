package org.wafersim.thermal;

import org.wafersim.cases.PowerSpec;
import java.util.ArrayList;
import java.util.List;
import org.wafersim.cases.CaseSpec;
import org.wafersim.cases.CaseSpec.CoolingMode;
import org.wafersim.cases.CaseSpec.SurfaceSpec;
import org.wafersim.errors.InputException;
import org.wafersim.geometry.CoreArray;
import org.wafersim.grid.Grid;
import org.wafersim.materials.Material;
import org.wafersim.power.CoreCellMap;

/**
 * Turns a wafer package case into a {@link ThermalProblem}: conductivity laws from the case's material library, the
 * cores' dynamic power and temperature-dependent leakage ({@link CoreLeakage}), and the face conditions of the
 * cooling mode (DESIGN section 4, reference-data.md D.3):
 * <ul>
 *   <li>top face of the top layer: the coolant (h; in {@code vertical} mode fresh coolant per region, its local rise
 *       a series resistance towards the inlet temperature ({@link ManifoldCoolant}), in {@code lateral} mode the local
 *       coolant temperature of a {@link CoolantChannel}); in {@code edge} mode there is no flow over
 *       the plate and the face sees {@code other_faces};</li>
 *   <li>bottom face of the bottom layer: {@code board_back};</li>
 *   <li>{@code edge} mode: the wafer's rim (side faces of the wafer layer) gets the edge coolant;</li>
 *   <li>every other exposed face: {@code other_faces}, booked per side (-x, +x, -y, +y) and for the horizontal
 *       steps between layers of different footprint.</li>
 * </ul>
 */
public final class PackageThermalModel {
    public static final String COOLANT = "coolant", BOARD = "board", EDGE = "edge", STEPS = "steps";
    public static final String[] SIDES = {"side_-x", "side_+x", "side_-y", "side_+y"};

    /**
     * The problem and the sub-models whose state the run reports. {@code targetTotal} is the total power (W,
     * dynamic + leakage) the operating point must reach ({@link OperatingPoint}), or NaN when the dynamic power is
     * fixed ({@code power.dynamic}, or no leakage: then the dynamic power is the level itself).
     */
    public record Model(ThermalProblem problem, double[] dynamicCorePower, CoreLeakage leakage, CoolantModel coolant,
                        double targetTotal) {
        public Model(ThermalProblem problem, double[] dynamicCorePower, CoreLeakage leakage, CoolantModel coolant) {
            this(problem, dynamicCorePower, leakage, coolant, Double.NaN);
        }
    }

    private PackageThermalModel() { }

    /** A problem with the given fixed power density and no leakage or coolant warming (tests, benchmarks). */
    public static ThermalProblem build(CaseSpec spec, Grid g, double[] q) {
        return new ThermalProblem(g, laws(spec, g), q, BoundaryFaces.scan(g, rule(spec, g)));
    }

    /**
     * The full model of a case at one power level. {@code corePower} is the workload's distribution at that level
     * (it sums to the level, W, in the case's {@link PowerSpec.PowerBasis}). With {@code power.dynamic} it is the
     * dynamic power and the leakage comes on top. With {@code power.total} and a leakage model the level is the total
     * at the operating point: the dynamic power starts as the level minus the chip's leakage at the reference
     * temperature ({@link PowerSpec#leakageAtRef()}), spread like {@code corePower}, and
     * {@link Model#targetTotal()} asks the solve to find the dynamic scale that reaches the level. The chip leaks
     * {@code leakageAtRef} at the reference temperature (spread by core area) whatever the level.
     */
    public static Model build(CaseSpec spec, Grid g, CoreArray cores, CoreCellMap map, double[] corePower) {
        return build(spec, g, cores, map, corePower, null);
    }

    /**
     * As {@link #build(CaseSpec, Grid, CoreArray, CoreCellMap, double[])} at another power level of the case whose
     * model on the same grid is {@code base} (the idle state after the full one): the conductivity laws, the boundary
     * faces' scan (with ambients of its own), the contacts and the fixed sources of {@code base} are taken over
     * instead of built again, which also lets the steady solver keep its assembler's face groups and static planes.
     * A base on another grid, or whose outer couplings have moved its faces' ambients, is not used.
     */
    public static Model rescaled(Model base, CaseSpec spec, Grid g, CoreArray cores, CoreCellMap map,
                                 double[] corePower) {
        boolean fits = base != null && base.problem().grid() == g && base.problem().couplings().isEmpty();
        return build(spec, g, cores, map, corePower, fits ? base.problem() : null);
    }

    private static Model build(CaseSpec spec, Grid g, CoreArray cores, CoreCellMap map, double[] corePower,
                               ThermalProblem base) {
        var leak = spec.power().leakage();
        double share = leak == null ? 0 : leak.shareAtRef();
        double leakRef = spec.power().leakageAtRef();
        boolean totalBasis = spec.power().basis() == PowerSpec.PowerBasis.TOTAL && leakRef > 0;
        double sum = 0;
        for (double v : corePower) sum += v;
        // (with a total, only the shape of the dynamic power matters: the search scales it; a start of at least
        // 1e-3 of the level keeps the shape when the reference leakage alone exceeds the level)
        double f = !totalBasis ? 1 : sum > 0 ? Math.max(1e-3 * sum, sum - leakRef) / sum : 0;
        double[] dyn = new double[corePower.length];
        for (int c = 0; c < dyn.length; c++) dyn[c] = f * corePower[c];
        double[] q = map.depositPower(g, dyn);
        BoundaryFaces bf = base != null ? base.boundary().withOwnAmbient()
                : BoundaryFaces.scan(g, CaseBoundaries.rule(spec, g, rule(spec, g)));
        if (bf.count == 0)
            throw new InputException(spec.source(), spec.boundaries().isEmpty() ? "cooling" : "boundaries",
                    "no face lets heat out of the model (every exposed face is adiabatic): no steady state exists");
        // the case's own sources (boundaries' fluxes, sources): fixed, beside the cores' power (never scaled)
        FixedSources fixed = base != null ? base.fixed() : CaseBoundaries.any(spec)
                ? CaseBoundaries.sources(spec, g, org.wafersim.io.Hdf5PowerMap.READER) : null;
        CoreLeakage leakage = null;
        // a total of 0 W is a chip that is off: no dynamic power and no leakage
        if (leak != null && share > 0 && !(totalBasis && sum == 0)) {
            // the chip leaks the same at every power level: the base's leakage model (its per-core arrays are
            // scratch, filled anew by every evaluation) serves this level too
            if (base != null && base.feedback() instanceof CoreLeakage same) {
                leakage = same;
            } else {
                double[] pRef = CoreLeakage.referenceLeakage(cores, leakRef);
                leakage = new CoreLeakage(cores, map, g, pRef, leak.refTemperature(), leak.beta());
            }
        }
        CoolantModel channel = null;
        List<OuterCoupling> couplings = new ArrayList<>();
        // general conditions may replace every coolant face (boundaries: top, replace: true): then no coolant flows
        boolean cooled = bf.pathIndex(COOLANT) >= 0;
        if (cooled && spec.cooling().mode() == CoolingMode.VERTICAL) {
            var cool = spec.cooling().coolant();
            Material fluid = spec.materials().get(cool.fluid());
            double mDot = cool.flow() * fluid.density(cool.inlet());
            channel = new ManifoldCoolant(g, bf, bf.pathIndex(COOLANT), plateArea(spec), mDot,
                    fluid.specificHeat(cool.inlet()), cool.inlet(), flowMap(spec, g, mDot));
        }
        if (cooled && spec.cooling().mode() == CoolingMode.LATERAL) {
            var cool = spec.cooling().coolant();
            Material fluid = spec.materials().get(cool.fluid());
            double mDot = cool.flow() * fluid.density(cool.inlet());
            if (!(mDot > 0))
                throw new InputException(spec.source(), "cooling.coolant.flow", "lateral cooling needs a flow > 0");
            CoolantChannel lateral = new CoolantChannel(g, bf, bf.pathIndex(COOLANT), cool.direction(), mDot,
                    fluid.specificHeat(cool.inlet()), cool.inlet());
            couplings.add(lateral);
            channel = lateral;
        }
        couplings.addAll(CaseBoundaries.radiation(spec, g, bf));
        ThermalProblem p = base != null
                ? new ThermalProblem(g, base.laws(), q, bf, leakage, couplings, base.contactZ(), fixed)
                : new ThermalProblem(g, laws(spec, g), q, bf, leakage, couplings, contacts(spec, g), fixed);
        return new Model(p, dyn, leakage, channel, totalBasis && leakage != null ? sum : Double.NaN);
    }

    private static List<ConductivityLaw> laws(CaseSpec spec, Grid g) {
        List<ConductivityLaw> laws = new ArrayList<>();
        for (String name : g.materialNames()) laws.add(new MaterialConductivity(spec.materials().get(name)));
        return laws;
    }

    /**
     * The same problem with every conductivity frozen at temperature tK (a linear problem): used by benchmarks to
     * time one linear solve on the real operator.
     */
    public static ThermalProblem frozenConductivity(ThermalProblem p, double tK) {
        List<ConductivityLaw> laws = new ArrayList<>();
        for (ConductivityLaw l : p.laws()) laws.add(ConductivityLaw.constant(l.kx(tK), l.ky(tK), l.kz(tK)));
        return new ThermalProblem(p.grid(), laws, p.q(), p.boundary(), null, List.of(), p.contactZ(), p.fixed());
    }

    /**
     * The stack's contact resistances on the z-planes of the grid: a layer's {@code contact_below} sits between its
     * lowest plane and the top plane of the layer below (null when the stack has none).
     */
    static double[] contacts(CaseSpec spec, Grid g) {
        double[] r = null;
        for (int l = 0; l < spec.stack().size() - 1; l++) {
            double rc = spec.stack().get(l).contactBelow();
            if (rc == 0) continue;
            int gl = g.layerNames().indexOf(spec.stack().get(l).name());
            int k = g.layerK0(gl) - 1;     // z grows upwards: the plane below layer l's lowest one
            if (k < 0) continue;
            if (r == null) r = new double[g.nz];
            r[k] = rc;
        }
        return r;
    }

    static BoundaryRule rule(CaseSpec spec, Grid g) {
        var cool = spec.cooling();
        int top = 0, bottom = g.layerCount() - 1;
        int topK1 = g.layerK1(top);
        int botK0 = g.layerK0(bottom);
        int wafer = spec.waferLayerIndex();
        int wK0 = g.layerK0(wafer), wK1 = g.layerK1(wafer);
        PlateHydraulics plate = cool.mode() == CoolingMode.EDGE ? null : PlateHydraulics.of(spec);
        double hCoolant = plate != null ? plate.hFootprint() : cool.coolant().h();
        if (cool.mode() != CoolingMode.EDGE && !(hCoolant > 0))
            throw new InputException(spec.source(), "cooling.coolant.h", "the coolant needs h > 0");
        Convection[] perColumn = null;
        if (cool.mode() == CoolingMode.VERTICAL) {
            // fresh coolant per region: its own rise is a series resistance 1/(2 m'' c_p) (ManifoldCoolant)
            var cc = cool.coolant();
            Material fluid = spec.materials().get(cc.fluid());
            double mDot = cc.flow() * fluid.density(cc.inlet());
            if (!(mDot > 0))
                throw new InputException(spec.source(), "cooling.coolant.flow", "vertical cooling needs a flow > 0"
                        + " (the coolant warms by P / (m_dot c_p))");
            ManifoldFlowMap fm = flowMap(spec, g, mDot);
            if (fm != null) {
                // the flow map: h_eff per face from its region's m'' (0 = no coolant: adiabatic)
                double cp = fluid.specificHeat(cc.inlet());
                perColumn = new Convection[g.nx * g.ny];
                for (int col = 0; col < perColumn.length; col++) {
                    double m = fm.flux(col);
                    if (m > 0) perColumn[col] = new Convection(1 / (1 / hCoolant + 1 / (2 * m * cp)), cc.inlet(), COOLANT);
                }
            }
            hCoolant = ManifoldCoolant.effectiveH(hCoolant, mDot, fluid.specificHeat(cc.inlet()), plateArea(spec));
        }
        Convection coolant = cool.mode() == CoolingMode.EDGE ? null
                : new Convection(hCoolant, cool.coolant().inlet(), COOLANT);
        Convection board = convection(cool.boardBack(), BOARD);
        SurfaceSpec o = cool.otherFaces();
        Convection[] side = new Convection[4];
        for (int s = 0; s < 4; s++) side[s] = convection(o, SIDES[s]);
        Convection steps = convection(o, STEPS);
        Convection edge = cool.mode() == CoolingMode.EDGE ? convection(cool.edge(), EDGE) : null;
        if (cool.mode() == CoolingMode.EDGE && edge == null)
            throw new InputException(spec.source(), "cooling.edge.h", "edge cooling needs h > 0");
        Convection[] mapped = perColumn;
        return (face, i, j, k) -> {
            if (face == Face.ZMAX && k == topK1 - 1 && mapped != null) return mapped[j * g.nx + i];
            if (face == Face.ZMAX && k == topK1 - 1 && coolant != null) return coolant;
            if (face == Face.ZMIN && k == botK0) return board;
            if (face.isSide()) {
                if (edge != null && k >= wK0 && k < wK1) return edge;
                return side[face.ordinal()];
            }
            return steps;
        };
    }

    /** The vertical mode's flow map on this grid ({@code cooling.coolant.flow_map}), null when the flow goes by area. */
    private static ManifoldFlowMap flowMap(CaseSpec spec, Grid g, double mDot) {
        var fm = spec.cooling().coolant().flowMap();
        return fm == null ? null : ManifoldFlowMap.of(fm, g, g.layerK1(0) - 1, mDot, spec.source());
    }

    /** The cold plate's coolant-side area (m^2): the footprint of the top layer of the stack. */
    static double plateArea(CaseSpec spec) {
        var top = spec.stack().get(0);
        return top.sizeX() * top.sizeY();
    }

    private static Convection convection(SurfaceSpec s, String path) {
        return s == null || !(s.h() > 0) ? null : new Convection(s.h(), s.ambient(), path);
    }
}
