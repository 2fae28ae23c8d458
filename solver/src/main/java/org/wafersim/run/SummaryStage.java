package org.wafersim.run;

import org.wafersim.cases.PowerSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wafersim.cases.CaseSpec;
import org.wafersim.geometry.CoreArray;
import org.wafersim.grid.Grid;
import org.wafersim.grid.GridPlan;
import org.wafersim.thermal.CoolantModel;
import org.wafersim.thermal.OperatingPoint;
import org.wafersim.thermal.SteadyResult;
import org.wafersim.units.Units;

/**
 * The last stage of a run: the summary of every stage's outcome (text, JSON, HDF5 attributes and sweep rows read
 * it) and the verdict against the case's criteria.
 */
final class SummaryStage {
    private static final double KELVIN = Units.ZERO_CELSIUS_K;
    private static final double JUNCTION_LIMIT_C = CaseRun.JUNCTION_LIMIT_C;

    /** The cooling mode word of a run without a thermal solve. */
    static final String NO_THERMAL = RunSummary.NO_THERMAL;

    private SummaryStage() { }

    /** The run's summary with each stage's part and the verdict. */
    static RunSummary of(CaseSpec spec, MeshStage mesh, ThermalStage th, Map<String, Double> stages, double wall,
                         HeapPeaks heap, TransientRun.Outcome tr, MechanicsRun.Outcome mech,
                         ReliabilityRun.Outcome rel) {
        RunSummary summary = summarize(spec, mesh.grid(), mesh.cores(), th.result(), th.coreT(), mesh.plan(), stages,
                wall, heap, th.model().coolant(), th.interfaceHeat(), th.op().leakageW());
        List<String> notes = new java.util.ArrayList<>(notesWithGrid(notesOf(spec), mesh.plan()));
        notes.addAll(contactNotes(spec, mesh.grid(), th.interfaceHeat()));
        notes.addAll(sourceNotes(spec, th));
        summary = summary.withPowerCoolant(new PowerCoolantSummary(powerOf(spec, th.op()),
                coolantOf(spec, th.model().coolant()), notes));
        if (tr != null) summary = summary.withTransient(TransientSummary.of(tr));
        if (mech != null) summary = summary.withMechanics(MechanicsSummary.of(mech));
        if (rel != null) summary = summary.withReliability(ReliabilitySummary.of(rel, mesh.cores()));
        Verdict verdict = Verdict.of(spec, summary, tr, mech, rel, mesh.cores());
        return summary.withVerdict(verdict.summary(), spec.criteria().junctionLimit() - KELVIN);
    }

    /**
     * The summary of a run without a thermal solve ({@code analysis.thermal: none}): the temperatures are the
     * prescribed load's, there is no power, heat path or coolant; the mechanics and the verdict as in any run.
     */
    static RunSummary prescribed(CaseSpec spec, MeshStage mesh, SteadyResult field, double[] coreT,
                                 Map<String, Double> stages, double wall, HeapPeaks heap,
                                 MechanicsRun.Outcome mech) {
        RunSummary summary = summarize(spec, mesh.grid(), mesh.cores(), field, coreT, mesh.plan(), stages, wall, heap,
                null,
                new double[0], 0);
        var load = spec.mechanics().load();
        String what = load.type() == org.wafersim.cases.LoadSpec.Type.UNIFORM
                ? String.format(java.util.Locale.ROOT, "uniform %.6g degC (%+.6g K from mechanics.stress_free)",
                load.temperatureK() - KELVIN, load.temperatureK() - spec.mechanics().stressFree())
                : "the field " + load.dataset() + " of " + load.file() + ", averaged onto the grid by cell volume";
        List<String> notes = new java.util.ArrayList<>(notesWithGrid(List.of(), mesh.plan()));
        notes.add(0, "analysis.thermal: none: no thermal solve; the temperatures are mechanics.load's, " + what);
        summary = summary.withPowerCoolant(new PowerCoolantSummary(null, null, notes));
        summary = summary.withMechanics(MechanicsSummary.of(mech));
        Verdict verdict = Verdict.of(spec, summary, null, mech, null, mesh.cores());
        return summary.withVerdict(verdict.summary(), spec.criteria().junctionLimit() - KELVIN);
    }

    /**
     * The heat-path budget of each contact resistance: the heat through it and the mean temperature step across it,
     * Q R_c / A over the area where the two layers touch (layers are centred on the wafer).
     */
    static List<String> contactNotes(CaseSpec spec, Grid g, double[] interfaceHeat) {
        List<String> n = new java.util.ArrayList<>();
        var st = spec.stack();
        for (int l = 0; l + 1 < st.size(); l++) {
            double rc = st.get(l).contactBelow();
            if (rc == 0) continue;
            int gl = g.layerNames().indexOf(st.get(l).name());
            double q = gl >= 0 && gl < interfaceHeat.length ? interfaceHeat[gl] : Double.NaN;
            double area = Math.min(st.get(l).sizeX(), st.get(l + 1).sizeX())
                    * Math.min(st.get(l).sizeY(), st.get(l + 1).sizeY());
            n.add("contact " + st.get(l).name() + "/" + st.get(l + 1).name() + ": R_c " + sig(rc * 1e4, 4)
                    + " K*cm^2/W, " + sig(q, 6) + " W through it, mean temperature step " + sig(q * rc / area, 4) + " K");
        }
        return n;
    }

    /**
     * The fixed sources (case keys {@code sources} and the flux and power conditions of {@code boundaries}): their
     * power beside the chip's at the operating point, which the energy balance's power in includes.
     */
    static List<String> sourceNotes(CaseSpec spec, ThermalStage th) {
        List<String> out = new java.util.ArrayList<>();
        if (spec.cooling().mode() != CaseSpec.CoolingMode.EDGE && th.model().coolant() == null)
            out.add("cooling.coolant cools no face: boundaries replace the whole top face, so no coolant flows (its"
                    + " keys are not used)");
        var fx = th.model().problem().fixed();
        if (fx == null) return out;
        StringBuilder sb = new StringBuilder("fixed sources " + sig(th.result().fixedPower(), 6) + " W beside the"
                + " chip's " + sig(th.op().totalW(), 6) + " W at the operating point (never scaled; power in "
                + sig(th.result().powerIn(), 6) + " W):");
        for (int i = 0; i < fx.names().size(); i++)
            sb.append(i == 0 ? " " : "; ").append(fx.names().get(i)).append(' ').append(sig(fx.powers()[i], 6)).append(" W");
        out.add(sb.toString());
        return out;
    }

    /** v to {@code digits} significant digits, without trailing zeros. */
    private static String sig(double v, int digits) {
        if (!Double.isFinite(v) || v == 0) return Double.isFinite(v) ? "0" : Double.toString(v);
        return new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).stripTrailingZeros()
                .toPlainString();
    }

    /** The notes plus the grid's z-grading warning, if any. */
    static List<String> notesWithGrid(List<String> notes, GridPlan plan) {
        if (plan.zGrowthWarning() == null) return notes;
        List<String> n = new java.util.ArrayList<>(notes);
        n.add("grid: " + plan.zGrowthWarning());
        return n;
    }

    /** The cooling block's notes and those of the plate correlations (used outside their ranges). */
    static List<String> notesOf(CaseSpec spec) {
        List<String> n = new java.util.ArrayList<>(spec.cooling().notes());
        if (spec.cooling().mode() != CaseSpec.CoolingMode.EDGE) {
            org.wafersim.thermal.PlateHydraulics ph = org.wafersim.thermal.PlateHydraulics.of(spec);
            if (ph != null) n.addAll(ph.notes());
        }
        return n;
    }

    /** The coolant for the summary (null in edge mode). */
    static PowerCoolantSummary.Coolant coolantOf(CaseSpec spec, CoolantModel c) {
        if (c == null) return null;
        org.wafersim.thermal.PlateHydraulics ph = org.wafersim.thermal.PlateHydraulics.of(spec);
        if (ph == null)
            return new PowerCoolantSummary.Coolant(c.inlet() - KELVIN, c.outlet() - KELVIN, c.maxLocal() - KELVIN,
                    c.meanLocal() - KELVIN, c.massFlow(), spec.cooling().coolant().h(), "given (cooling.coolant.h)",
                    Double.NaN, Double.NaN, null);
        return new PowerCoolantSummary.Coolant(c.inlet() - KELVIN, c.outlet() - KELVIN, c.maxLocal() - KELVIN,
                c.meanLocal() - KELVIN, c.massFlow(), ph.hFootprint(), ph.correlation(), ph.pressureDropPa(),
                ph.pumpingPowerW(), detailsOf(ph));
    }

    /** The correlation's numbers, typed: the state and regime it was evaluated at, the rest and the film coefficient. */
    static PowerCoolantSummary.Details detailsOf(org.wafersim.thermal.PlateHydraulics ph) {
        Map<String, Object> d = ph.details();
        String mean = "mean_coolant_temperature_degC", prandtl = "prandtl", regime = "regime";
        Map<String, Double> numbers = new LinkedHashMap<>();
        for (var e : d.entrySet())
            if (!List.of(mean, prandtl, regime).contains(e.getKey()))
                numbers.put(e.getKey(), ((Number) e.getValue()).doubleValue());
        numbers.put("film_h_W_per_m2K", ph.hFilm());
        return new PowerCoolantSummary.Details((Double) d.get(mean), (Double) d.get(prandtl), (String) d.get(regime),
                numbers);
    }

    /** The power breakdown at the operating point for the summary. */
    static PowerCoolantSummary.Power powerOf(CaseSpec spec, OperatingPoint.Solution op) {
        var ps = spec.power();
        String leak = ps.leakage() == null ? "no leakage block" : "leakage from power.leakage on top";
        var trace = spec.transientSpec() != null
                && spec.transientSpec().profile() instanceof org.wafersim.cases.TransientSpec.TraceProfile tp
                && tp.mapAs() == PowerSpec.MapAs.WATTS ? tp : null;
        String source = ps.mapAs() == PowerSpec.MapAs.WATTS ? "power.map " + ps.mapFile() + " in W as written, " + leak
                : trace != null ? "transient.trace.file " + trace.file() + " in W as written (power.dynamic = the mean"
                        + " of its samples), " + leak
                : "power." + ps.basis().key + (op.iterations() > 0 ? " at the operating point" : "")
                        + (ps.leakage() == null ? ", no leakage block" : "");
        return new PowerCoolantSummary.Power(ps.basis().key, source, op.dynamicW(), op.leakageW(), op.totalW(),
                op.targetW(), op.iterations());
    }

    static RunSummary summarize(CaseSpec spec, Grid g, CoreArray cores, SteadyResult th, double[] coreT,
                                GridPlan plan, Map<String, Double> stages, double wall, HeapPeaks heap,
                                CoolantModel coolant, double[] iface, double leakageW) {
        double[] t = th.temperature();
        int wl = spec.waferLayerIndex();
        double max = -Double.MAX_VALUE, min = Double.MAX_VALUE;
        for (int k = g.layerK0(wl); k < g.layerK1(wl); k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) {
                    int c = g.index(i, j, k);
                    if (g.isVoid(c)) continue;
                    max = Math.max(max, t[c]);
                    min = Math.min(min, t[c]);
                }
        double waferMean = g.volumeMean(t, g.layerK0(wl), g.layerK1(wl));
        double junctionMean = g.volumeMean(t, g.activeK0(), g.activeK1());     // the active layer
        int hot = 0;
        double cmax = -Double.MAX_VALUE, cmin = Double.MAX_VALUE;
        for (int c = 0; c < coreT.length; c++) {
            if (coreT[c] > cmax) { cmax = coreT[c]; hot = c; }
            cmin = Math.min(cmin, coreT[c]);
        }
        int d = cores.die(hot);
        RunSummary.HottestCore hc = new RunSummary.HottestCore(hot, cores.dieColumn(d), cores.dieRow(d),
                cores.coreColumn(hot), cores.coreRow(hot), cmax - KELVIN);
        Map<String, Double> heat = new LinkedHashMap<>();
        for (int p = 0; p < th.pathNames().size(); p++) heat.put(th.pathNames().get(p), th.pathHeat()[p]);
        int cg = 0;
        for (int it : th.linearIterations()) cg += it;
        double rjc = th.powerIn() > 0 ? (junctionMean - spec.cooling().coolant().inlet()) / th.powerIn() : Double.NaN;
        Map<String, Double> ifaceMap = new LinkedHashMap<>();
        for (int l = 0; l < iface.length; l++)
            ifaceMap.put(g.layerNames().get(l) + "/" + g.layerNames().get(l + 1), iface[l]);
        double rjcMax = th.powerIn() > 0 ? (max - spec.cooling().coolant().inlet()) / th.powerIn() : Double.NaN;
        boolean feasible = max - KELVIN <= JUNCTION_LIMIT_C;
        return new RunSummary(spec.name(), null, g.nx, g.ny, g.nz, g.cells(), th.powerIn(),
                max - KELVIN, waferMean - KELVIN, min - KELVIN, cmax - KELVIN, cmin - KELVIN, cmax - cmin, hc,
                heat, th.balanceRelError(), rjc, th.picardIterations(), cg, th.finalRelResidual(),
                th.multigridLevels(), stages, wall, CaseRun.estimatedBytes(spec, plan), heap.run(), heap.stages(),
                spec.analysis().thermal() == CaseSpec.ThermalAnalysis.NONE ? NO_THERMAL : spec.cooling().mode().key,
                leakageW,
                coolant == null ? Double.NaN : coolant.outlet() - KELVIN, rjcMax, ifaceMap, feasible,
                JUNCTION_LIMIT_C, null, null, null, null, null);
    }
}
