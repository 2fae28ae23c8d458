package org.wafersim.run;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.wafersim.grid.Grid;
import org.wafersim.io.ResultFile;
import org.wafersim.thermal.SteadyResult;
import org.wafersim.units.Units;

/**
 * Fills a {@link ResultFile} with the layout of DESIGN section 7 (a contract): root attributes, /mesh, /thermal,
 * /cores and /solver, every dataset with its units. Temperatures are written in degC (void cells NaN).
 */
public final class ResultLayout {
    public static final String VERSION = ResultLayout.class.getPackage().getImplementationVersion() != null
            ? ResultLayout.class.getPackage().getImplementationVersion() : "0.1.0-SNAPSHOT";
    private static final double KELVIN = Units.ZERO_CELSIUS_K;

    private ResultLayout() { }

    private static void writeTransient(ResultFile f, CaseRun.Result r, int[] shape3) {
        TransientRun.Outcome o = r.transientOutcome();
        var s = o.series();
        int nt = s.time().size();
        f.attribute("/thermal", "state", "steady state before t = 0: the initial condition of the transient "
                + "(unless transient.initial = ambient)");
        f.dataset("/transient/time", toArray(s.time()), new int[]{nt}, "s");
        f.dataset("/transient/dt", toArray(s.dt()), new int[]{nt}, "s");
        f.dataset("/transient/power", toArray(s.power()), new int[]{nt}, "W");
        f.datasetAttribute("/transient/power", "note", "dynamic + leakage at the end of each step (NaN at t = 0)");
        f.dataset("/transient/heat_out", toArray(s.heatOut()), new int[]{nt}, "W");
        for (var e : s.probes().entrySet())
            f.dataset("/transient/probes/" + e.getKey(), toArray(e.getValue()), new int[]{nt}, "degC");
        int nd = r.cores().dieCount();
        double[] dmax = new double[nt * nd], dmean = new double[nt * nd];
        for (int i = 0; i < nt; i++) {
            System.arraycopy(s.dieMax().get(i), 0, dmax, i * nd, nd);
            System.arraycopy(s.dieMean().get(i), 0, dmean, i * nd, nd);
        }
        f.dataset("/transient/die_max", dmax, new int[]{nt, nd}, "degC");
        f.dataset("/transient/die_mean", dmean, new int[]{nt, nd}, "degC");
        int[] hot = s.hottestCore().stream().mapToInt(Integer::intValue).toArray();
        f.intDataset("/transient/hottest_core_index", hot, new int[]{nt}, "1");
        for (int i = 0; i < o.snapshots().size(); i++) {
            String path = String.format("/transient/snapshots/%04d/temperature", i);
            f.dataset(path, o.snapshots().get(i).temperatureC(), shape3, "degC");
            f.datasetAttribute(path, "time_s", o.snapshots().get(i).time());
        }
        double[] fin = o.totals().finalTemperature().clone();
        for (int c = 0; c < fin.length; c++) fin[c] -= KELVIN;
        f.dataset("/transient/final_temperature", fin, shape3, "degC");
        if (o.coreSwingK() != null) {
            f.dataset("/cores/temperature_swing", o.coreSwingK(), new int[]{o.coreSwingK().length}, "K");
            f.dataset("/cores/temperature_mean_cycle", o.coreMeanC(), new int[]{o.coreMeanC().length}, "degC");
        }
        for (var e : TransientRun.summaryOf(o).entrySet()) {
            Object v = e.getValue();
            if (v instanceof Boolean b) f.attribute("/transient", e.getKey(), b ? 1 : 0);
            else if (v instanceof Integer iv) f.attribute("/transient", e.getKey(), iv);
            else if (v instanceof Double d) f.attribute("/transient", e.getKey(), d);
        }
        f.attribute("/transient", "power_profile", o.powerSummary());
    }

    private static double[] toArray(java.util.List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) a[i] = l.get(i);
        return a;
    }

    /** Heat leaving through every path other than the coolant and the board back (sides, steps, edge). */
    static double sidesW(RunSummary s) {
        double sides = 0;
        for (var e : s.heatOutW().entrySet())
            if (!e.getKey().equals("coolant") && !e.getKey().equals("board")) sides += e.getValue();
        return sides;
    }

    public static ResultFile of(CaseRun.Result r) {
        Grid g = r.grid();
        SteadyResult th = r.thermal();
        ResultFile f = new ResultFile();
        int[] shape3 = {g.nz, g.ny, g.nx};
        int[] mid = writeHeaderAndMesh(f, r.spec(), g);
        f.datasetAttribute("/mesh/material_id", "void_id", -1);
        byte[] ghost = new byte[mid.length];   // ParaView blanks HIDDENCELL cells: the void instead of a NaN frame
        for (int c = 0; c < mid.length; c++) ghost[c] = mid[c] < 0 ? (byte) org.wafersim.io.XdmfWriter.VTK_HIDDEN_CELL : 0;
        f.byteDataset("/mesh/vtk_ghost_type", ghost, shape3, "1");
        f.datasetAttribute("/mesh/vtk_ghost_type", "note", "VTK ghost-cell flags: 32 (HIDDENCELL) where the cell has no "
                + "material (void_id of material_id), 0 elsewhere; the XDMF sidecar exposes it as vtkGhostType");
        int nl = g.layerCount();
        double[] lz = new double[2 * nl];
        int[] lk = new int[2 * nl];
        for (int l = 0; l < nl; l++) {
            lz[2 * l] = g.zf(g.layerK0(l));
            lz[2 * l + 1] = g.zf(g.layerK1(l));
            lk[2 * l] = g.layerK0(l);
            lk[2 * l + 1] = g.layerK1(l);
        }
        f.dataset("/mesh/layer_z", lz, new int[]{nl, 2}, "m");
        f.datasetAttribute("/mesh/layer_z", "layer_names", g.layerNames().toArray(new String[0]));
        f.datasetAttribute("/mesh/layer_z", "columns", new String[]{"z_bottom", "z_top"});
        f.intDataset("/mesh/layer_k", lk, new int[]{nl, 2}, "1");
        f.datasetAttribute("/mesh/layer_k", "layer_names", g.layerNames().toArray(new String[0]));
        f.datasetAttribute("/mesh/layer_k", "columns", new String[]{"k_begin", "k_end (exclusive)"});
        f.attribute("/mesh", "layer_names", g.layerNames().toArray(new String[0]));
        f.attribute("/mesh", "active_k", new int[]{g.activeK0(), g.activeK1()});
        // the grading of the z-cells (the plan is cheap: faces only); a warning when neighbours differ by more than
        // grid.max_growth (a layer given too few cells)
        org.wafersim.grid.GridPlan zp = org.wafersim.grid.GridBuilder.plan(r.spec());
        f.attribute("/mesh", "max_z_growth", zp.maxZGrowth());
        if (zp.zGrowthWarning() != null) f.attribute("/mesh", "z_growth_warning", zp.zGrowthWarning());

        double[] tC = new double[g.cells()];
        double[] t = th.temperature();
        for (int c = 0; c < tC.length; c++) tC[c] = t[c] - KELVIN;
        f.dataset("/thermal/temperature", tC, shape3, "degC");
        f.dataset("/thermal/power_density", r.q(), shape3, "W/m^3");
        RunSummary s = r.summary();
        String hp = "/thermal/heat_paths";
        f.dataset(hp, th.pathHeat(), new int[]{th.pathHeat().length}, "W");
        f.datasetAttribute(hp, "path_names", th.pathNames().toArray(new String[0]));
        f.datasetAttribute(hp, "total_W", th.powerIn());
        f.datasetAttribute(hp, "coolant_W", s.heatOutW().getOrDefault("coolant", 0.0));
        f.datasetAttribute(hp, "board_W", s.heatOutW().getOrDefault("board", 0.0));
        f.datasetAttribute(hp, "sides_W", sidesW(s));
        f.datasetAttribute(hp, "edge_W", s.heatOutW().getOrDefault("edge", 0.0));
        f.datasetAttribute(hp, "balance_rel_error", th.balanceRelError());
        f.datasetAttribute(hp, "r_junction_coolant_K_per_W", s.rJunctionCoolantKPerW());
        f.datasetAttribute(hp, "r_junction_max_coolant_K_per_W", s.rJunctionMaxCoolantKPerW());
        f.datasetAttribute(hp, "leakage_W", s.leakageW());
        PowerCoolantSummary pc = s.powerCoolant();
        if (pc != null && pc.power() != null) {
            f.datasetAttribute(hp, "dynamic_W", pc.power().dynamicW());
            f.datasetAttribute(hp, "power_basis", pc.power().basis());
            f.datasetAttribute(hp, "operating_point_iterations", pc.power().operatingPointIterations());
        }
        f.datasetAttribute(hp, "cooling_mode", s.coolingMode());
        f.datasetAttribute(hp, "feasible", s.feasible() ? 1 : 0);
        f.datasetAttribute(hp, "junction_limit_degC", s.junctionLimitC());
        double[] ih = r.interfaceHeat();
        if (ih.length > 0) {
            f.dataset("/thermal/interface_heat", ih, new int[]{ih.length}, "W");
            f.datasetAttribute("/thermal/interface_heat", "interfaces",
                    s.interfaceHeatW().keySet().toArray(new String[0]));
            f.datasetAttribute("/thermal/interface_heat", "sign", "positive = upwards (towards the coolant)");
        }
        if (r.coolant() != null) {
            double[] m = r.coolant().map();
            for (int i = 0; i < m.length; i++) m[i] -= KELVIN;
            f.dataset("/thermal/coolant_temperature", m, new int[]{g.ny, g.nx}, "degC");
            f.datasetAttribute("/thermal/coolant_temperature", "outlet_degC", r.coolant().outlet() - KELVIN);
            f.datasetAttribute("/thermal/coolant_temperature", "inlet_degC", r.coolant().inlet() - KELVIN);
            f.datasetAttribute("/thermal/coolant_temperature", "mass_flow_kg_per_s", r.coolant().massFlow());
            f.datasetAttribute("/thermal/coolant_temperature", "max_local_degC", r.coolant().maxLocal() - KELVIN);
            f.datasetAttribute("/thermal/coolant_temperature", "mean_degC", r.coolant().meanLocal() - KELVIN);
            f.datasetAttribute("/thermal/coolant_temperature", "model", s.coolingMode().equals("vertical")
                    ? "fresh coolant per region at the inlet temperature, flow shared " + flowShare(r.spec())
                    + "; local T = inlet + q''/(2 m'' c_p)"
                    : "coolant accumulating along channels parallel to the flow direction");
            if (pc != null && pc.coolant() != null) {
                var c = pc.coolant();
                f.datasetAttribute("/thermal/coolant_temperature", "h_W_per_m2K", c.hWPerM2K());
                f.datasetAttribute("/thermal/coolant_temperature", "h_source", c.hSource());
                if (Double.isFinite(c.pressureDropPa())) {   // unknown (NaN) when h is given without a geometry
                    f.datasetAttribute("/thermal/coolant_temperature", "pressure_drop_Pa", c.pressureDropPa());
                    f.datasetAttribute("/thermal/coolant_temperature", "pumping_power_W", c.pumpingPowerW());
                }
            }
        }

        var cores = r.cores();
        int n = cores.coreCount();
        double[] cx = new double[n], cy = new double[n], ct = new double[n];
        int[] die = new int[n], spare = new int[n], row = new int[n], col = new int[n];
        for (int c = 0; c < n; c++) {
            cx[c] = cores.xc(c);
            cy[c] = cores.yc(c);
            die[c] = cores.die(c);
            spare[c] = cores.isSpare(c) ? 1 : 0;
            row[c] = cores.coreRow(c);
            col[c] = cores.coreColumn(c);
            ct[c] = r.coreTemperature()[c] - KELVIN;
        }
        int[] sh = {n};
        f.dataset("/cores/x", cx, sh, "m");
        f.dataset("/cores/y", cy, sh, "m");
        f.intDataset("/cores/die", die, sh, "1");
        f.intDataset("/cores/row", row, sh, "1");
        f.intDataset("/cores/column", col, sh, "1");
        f.intDataset("/cores/spare", spare, sh, "1");
        f.dataset("/cores/power", r.corePower(), sh, "W");
        f.datasetAttribute("/cores/power", "note", "dynamic + leakage at the core's solved temperature");
        f.dataset("/cores/temperature", ct, sh, "degC");
        f.attribute("/cores", "dies", new int[]{cores.columns(), cores.rows()});
        f.attribute("/cores", "cores_per_die", new int[]{cores.perDieX(), cores.perDieY()});

        if (r.transientOutcome() != null) writeTransient(f, r, shape3);
        if (r.mechanics() != null) MechanicsLayout.write(f, r.mechanics());
        if (r.reliability() != null) ReliabilityLayout.write(f, r.reliability(), cores);
        if (s.verdict() != null) writeVerdict(f, s.verdict());
        writeStatus(f, s.status(), s.exitCode(), s.statusMessage());
        int[] its = th.linearIterations();
        f.intDataset("/solver/cg_iterations", its, new int[]{its.length}, "1");
        f.dataset("/solver/residual_history", th.residualHistory(), new int[]{th.residualHistory().length}, "1");
        f.attribute("/solver", "picard_iterations", th.picardIterations());
        f.attribute("/solver", "final_relative_residual", th.finalRelResidual());
        f.attribute("/solver", "multigrid_levels", th.multigridLevels());
        f.attribute("/solver", "picard_change_K", th.picardChange());
        String[] stageNames = s.stageSeconds().keySet().toArray(new String[0]);
        double[] secs = new double[stageNames.length];
        for (int i = 0; i < secs.length; i++) secs[i] = s.stageSeconds().get(stageNames[i]);
        f.dataset("/solver/wall_seconds", secs, new int[]{secs.length}, "s");
        f.datasetAttribute("/solver/wall_seconds", "stages", stageNames);
        return f;
    }

    /**
     * The part every result file starts with, complete or partial: root attributes, the resolved case as the
     * {@code /case} dataset (an attribute is limited to ~64 KiB, which a large case exceeds) and the mesh (faces,
     * material ids). Returns the material ids as int (the caller derives the void mask from them).
     */
    private static int[] writeHeaderAndMesh(ResultFile f, org.wafersim.cases.CaseSpec spec, Grid g) {
        f.attribute("/", "wafersim_version", VERSION);
        f.attribute("/", "case_name", spec.name());
        f.attribute("/", "created_utc", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        f.textDataset("/case", spec.resolvedText());
        f.attribute("/", "case_source", spec.source());
        f.dataset("/mesh/x", g.xFaces(), new int[]{g.nx + 1}, "m");
        f.dataset("/mesh/y", g.yFaces(), new int[]{g.ny + 1}, "m");
        f.dataset("/mesh/z", g.zFaces(), new int[]{g.nz + 1}, "m");
        short[] mat = g.materialIds();
        int[] mid = new int[mat.length];
        for (int c = 0; c < mat.length; c++) mid[c] = mat[c];
        f.intDataset("/mesh/material_id", mid, new int[]{g.nz, g.ny, g.nx}, "1");
        f.datasetAttribute("/mesh/material_id", "material_names", g.materialNames().toArray(new String[0]));
        return mid;
    }

    /**
     * The result of a run that stopped on a failed check ({@link CaseRun.Partial}): the root attributes, the mesh,
     * the last iterate's temperature ({@code /thermal/temperature}, degC, attribute {@code state}) and per-core
     * temperatures when the solver kept it, and {@code /status} with the failure's kind, exit code and message.
     */
    public static ResultFile partial(CaseRun.Partial p, String kind, int exitCode, String message) {
        Grid g = p.grid();
        ResultFile f = new ResultFile();
        int[] shape3 = {g.nz, g.ny, g.nx};
        writeHeaderAndMesh(f, p.spec(), g);
        if (p.lastIterateK() != null) {
            double[] t = new double[p.lastIterateK().length];
            for (int c = 0; c < t.length; c++) t[c] = g.isVoid(c) ? Double.NaN : p.lastIterateK()[c] - KELVIN;
            f.dataset("/thermal/temperature", t, shape3, "degC");
            f.datasetAttribute("/thermal/temperature", "state", "last iterate before the run stopped (" + kind + ")");
            double[] core = p.map().coreMean(g, p.lastIterateK());
            for (int c = 0; c < core.length; c++) core[c] -= KELVIN;
            f.dataset("/cores/temperature", core, new int[]{core.length}, "degC");
            f.datasetAttribute("/cores/temperature", "state", "last iterate before the run stopped (" + kind + ")");
        }
        writeStatus(f, kind, exitCode, message);
        return f;
    }

    /**
     * {@code /verdict}, one entry per criterion in the order of the table: datasets {@code value}, {@code limit},
     * {@code margin} (NaN when not evaluated; each criterion in its own unit, listed in the attribute {@code units}),
     * {@code pass} (1 pass, 0 fail, -1 not evaluated), {@code estimated} (1 when the value rests on estimated
     * constants); attributes {@code criteria} (keys), {@code units}, {@code limit_kind} (max/min),
     * {@code descriptions}, {@code notes}, {@code overall_pass} (1/0), {@code failed} (comma-separated keys) and
     * {@code design_life_years}.
     */
    static void writeVerdict(ResultFile f, java.util.Map<String, Object> v) {
        java.util.List<?> rows = (java.util.List<?>) v.get("criteria");
        int n = rows.size();
        double[] value = new double[n], limit = new double[n], margin = new double[n];
        int[] pass = new int[n], est = new int[n];
        String[] keys = new String[n], units = new String[n], kinds = new String[n], desc = new String[n],
                notes = new String[n];
        for (int i = 0; i < n; i++) {
            java.util.Map<?, ?> c = (java.util.Map<?, ?>) rows.get(i);
            value[i] = c.get("value") instanceof Double d ? d : Double.NaN;
            limit[i] = (Double) c.get("limit");
            margin[i] = c.get("margin") instanceof Double d ? d : Double.NaN;
            pass[i] = "pass".equals(c.get("status")) ? 1 : "fail".equals(c.get("status")) ? 0 : -1;
            est[i] = Boolean.TRUE.equals(c.get("estimated")) ? 1 : 0;
            keys[i] = String.valueOf(c.get("criterion"));
            units[i] = String.valueOf(c.get("unit"));
            kinds[i] = String.valueOf(c.get("limit_kind"));
            desc[i] = String.valueOf(c.get("description"));
            notes[i] = String.valueOf(c.get("note"));
        }
        String mixed = "per criterion: see /verdict@units";
        f.dataset("/verdict/value", value, new int[]{n}, mixed);
        f.dataset("/verdict/limit", limit, new int[]{n}, mixed);
        f.dataset("/verdict/margin", margin, new int[]{n}, mixed);
        // a criterion the run cannot judge (no mechanics, no pressure drop, ...) has no value and no margin: NaN by
        // design, said on the datasets so that readers (and the fuzz contract) know it is not a failed number
        String notJudged = "NaN where the criterion is not evaluated (/verdict/pass = -1; the reason is in /verdict@notes)";
        f.datasetAttribute("/verdict/value", "note", notJudged);
        f.datasetAttribute("/verdict/margin", "note", notJudged);
        f.intDataset("/verdict/pass", pass, new int[]{n}, "1");
        f.intDataset("/verdict/estimated", est, new int[]{n}, "1");
        f.attribute("/verdict", "criteria", keys);
        f.attribute("/verdict", "units", units);
        f.attribute("/verdict", "limit_kind", kinds);
        f.attribute("/verdict", "descriptions", desc);
        f.attribute("/verdict", "notes", notes);
        f.attribute("/verdict", "overall_pass", Boolean.TRUE.equals(v.get("pass")) ? 1 : 0);
        java.util.List<?> failed = (java.util.List<?>) v.get("failed");
        f.attribute("/verdict", "failed", failed.isEmpty() ? "none"
                : String.join(",", failed.stream().map(String::valueOf).toList()));
        f.attribute("/verdict", "design_life_years", (Double) v.get("design_life_years"));
    }

    /**
     * {@code /status}: dataset {@code exit_code} [1]; attributes {@code status} (a completed run's
     * {@link RunSummary#status()}: "ok", "infeasible", "criteria_failed"; or the failure kind of a run that did not
     * finish: "thermal_runaway", "not_converged", "infeasible", ...), {@code exit_code} and {@code message}.
     */
    public static void writeStatus(ResultFile f, String status, int exitCode, String message) {
        f.intDataset("/status/exit_code", new int[]{exitCode}, new int[]{1}, "1");
        f.attribute("/status", "status", status);
        f.attribute("/status", "exit_code", exitCode);
        f.attribute("/status", "message", message);
    }

    /** How the vertical mode's manifold shares the flow, for the coolant dataset's model attribute. */
    private static String flowShare(org.wafersim.cases.CaseSpec spec) {
        var fm = spec.cooling().coolant().flowMap();
        return fm == null ? "by area" : "by cooling.coolant.flow_map (" + fm.rows() + " x " + fm.columns()
                + " regions, NaN where the weight is 0)";
    }
}
