package org.wafersim.run;

import static org.wafersim.io.ResultSchema.*;

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
        f.attribute(THERMAL, "state", "steady state before t = 0: the initial condition of the transient "
                + "(unless transient.initial = ambient)");
        f.dataset(TRANSIENT_TIME, toArray(s.time()), new int[]{nt});
        f.dataset(TRANSIENT_DT, toArray(s.dt()), new int[]{nt});
        f.dataset(TRANSIENT_POWER, toArray(s.power()), new int[]{nt});
        f.datasetAttribute(TRANSIENT_POWER, "note", "dynamic + leakage at the end of each step (NaN at t = 0)");
        f.dataset(TRANSIENT_HEAT_OUT, toArray(s.heatOut()), new int[]{nt});
        for (var e : s.probes().entrySet())
            f.dataset(TRANSIENT_PROBE, toArray(e.getValue()), new int[]{nt}, e.getKey());
        int nd = r.cores().dieCount();
        double[] dmax = new double[nt * nd], dmean = new double[nt * nd];
        for (int i = 0; i < nt; i++) {
            System.arraycopy(s.dieMax().get(i), 0, dmax, i * nd, nd);
            System.arraycopy(s.dieMean().get(i), 0, dmean, i * nd, nd);
        }
        f.dataset(TRANSIENT_DIE_MAX, dmax, new int[]{nt, nd});
        f.dataset(TRANSIENT_DIE_MEAN, dmean, new int[]{nt, nd});
        int[] hot = s.hottestCore().stream().mapToInt(Integer::intValue).toArray();
        f.intDataset(TRANSIENT_HOTTEST_CORE_INDEX, hot, new int[]{nt});
        for (int i = 0; i < o.snapshots().size(); i++) {
            String path = TRANSIENT_SNAPSHOT_TEMPERATURE.path(snapshotNumber(i));
            f.dataset(TRANSIENT_SNAPSHOT_TEMPERATURE, o.snapshots().get(i).temperatureC(), shape3,
                    snapshotNumber(i));
            f.datasetAttribute(path, "time_s", o.snapshots().get(i).time());
        }
        f.dataset(TRANSIENT_FINAL_TEMPERATURE, shape3, minusKelvin(o.totals().finalTemperature()));
        if (o.coreSwingK() != null) {
            f.dataset(CORES_TEMPERATURE_SWING, o.coreSwingK(), new int[]{o.coreSwingK().length});
            f.dataset(CORES_TEMPERATURE_MEAN_CYCLE, o.coreMeanC(), new int[]{o.coreMeanC().length});
        }
        // the summary's numbers under their JSON names (flags as 1/0)
        for (var e : SummaryFields.of(TransientSummary.of(o))) {
            var v = e.getValue();
            if (v.isBoolean()) f.attribute(TRANSIENT, e.getKey(), v.booleanValue() ? 1 : 0);
            else if (v.isInt()) f.attribute(TRANSIENT, e.getKey(), v.intValue());
            else if (v.isDouble()) f.attribute(TRANSIENT, e.getKey(), v.doubleValue());
        }
        f.attribute(TRANSIENT, "power_profile", o.powerSummary());
    }

    /** A field in K written in degC, converted row by row into the file's copy (no flat copy of the field). */
    private static ResultFile.DoubleRows minusKelvin(double[] k) {
        return (from, row) -> {
            for (int i = 0; i < row.length; i++) row[i] = k[from + i] - KELVIN;
        };
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
        ResultFile f = new ResultFile().output(r.spec().output());
        int[] shape3 = {g.nz, g.ny, g.nx};
        short[] mat = writeHeaderAndMesh(f, r.spec(), g);
        f.datasetAttribute(MESH_MATERIAL_ID, "void_id", -1);
        // ParaView blanks HIDDENCELL cells: the void instead of a NaN frame
        f.byteDataset(MESH_VTK_GHOST_TYPE, shape3, (from, row) -> {
            for (int i = 0; i < row.length; i++)
                row[i] = mat[from + i] < 0 ? (byte) org.wafersim.io.XdmfWriter.VTK_HIDDEN_CELL : 0;
        });
        f.datasetAttribute(MESH_VTK_GHOST_TYPE, "note", "VTK ghost-cell flags: 32 (HIDDENCELL) where the cell has no "
                + "material (void_id of material_id), 0 elsewhere; the XDMF sidecar exposes it as vtkGhostType");
        // the layer tables of the stored grid: with output.layers, the window's layers, k counted from its bottom
        int[] w = window(r.spec(), g);
        java.util.List<String> names = new java.util.ArrayList<>();
        java.util.List<Integer> kept = new java.util.ArrayList<>();
        for (int l = 0; l < g.layerCount(); l++) {
            if (g.layerK0(l) < w[0] || g.layerK1(l) > w[1]) continue;
            names.add(g.layerNames().get(l));
            kept.add(l);
        }
        int nl = kept.size();
        double[] lz = new double[2 * nl];
        int[] lk = new int[2 * nl];
        for (int i = 0; i < nl; i++) {
            int l = kept.get(i);
            lz[2 * i] = g.zf(g.layerK0(l));
            lz[2 * i + 1] = g.zf(g.layerK1(l));
            lk[2 * i] = g.layerK0(l) - w[0];
            lk[2 * i + 1] = g.layerK1(l) - w[0];
        }
        String[] layerNames = names.toArray(new String[0]);
        f.dataset(MESH_LAYER_Z, lz, new int[]{nl, 2});
        f.datasetAttribute(MESH_LAYER_Z, "layer_names", layerNames);
        f.datasetAttribute(MESH_LAYER_Z, "columns", new String[]{"z_bottom", "z_top"});
        f.intDataset(MESH_LAYER_K, lk, new int[]{nl, 2});
        f.datasetAttribute(MESH_LAYER_K, "layer_names", layerNames);
        f.datasetAttribute(MESH_LAYER_K, "columns", new String[]{"k_begin", "k_end (exclusive)"});
        f.attribute(MESH, "layer_names", layerNames);
        if (g.activeK0() >= w[0] && g.activeK1() <= w[1])
            f.attribute(MESH, "active_k", new int[]{g.activeK0() - w[0], g.activeK1() - w[0]});
        // the grading of the z-cells (the plan is cheap: faces only); a warning when neighbours differ by more than
        // grid.max_growth (a layer given too few cells)
        org.wafersim.grid.GridPlan zp = org.wafersim.grid.GridBuilder.plan(r.spec());
        f.attribute(MESH, "max_z_growth", zp.maxZGrowth());
        if (zp.zGrowthWarning() != null) f.attribute(MESH, "z_growth_warning", zp.zGrowthWarning());

        f.dataset(THERMAL_TEMPERATURE, shape3, minusKelvin(th.temperature()));
        RunSummary s = r.summary();
        boolean solved = r.spec().analysis().thermal() != org.wafersim.cases.CaseSpec.ThermalAnalysis.NONE;
        if (solved) writeSolved(f, r, g, shape3, th, s);
        else f.attribute(THERMAL, "state", "prescribed by mechanics.load (type " + r.spec().mechanics().load().type()
                .key() + "): analysis.thermal is none, no thermal solve ran; temperature is the load on the grid");

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
        f.dataset(CORES_X, cx, sh);
        f.dataset(CORES_Y, cy, sh);
        f.intDataset(CORES_DIE, die, sh);
        f.intDataset(CORES_ROW, row, sh);
        f.intDataset(CORES_COLUMN, col, sh);
        f.intDataset(CORES_SPARE, spare, sh);
        if (solved) {
            f.dataset(CORES_POWER, r.corePower(), sh);
            f.datasetAttribute(CORES_POWER, "note", "dynamic + leakage at the core's solved temperature");
        }
        f.dataset(CORES_TEMPERATURE, ct, sh);
        f.attribute(CORES, "dies", new int[]{cores.columns(), cores.rows()});
        f.attribute(CORES, "cores_per_die", new int[]{cores.perDieX(), cores.perDieY()});

        if (r.transientOutcome() != null) writeTransient(f, r, shape3);
        if (r.mechanics() != null) MechanicsLayout.write(f, r.mechanics());
        if (r.reliability() != null) ReliabilityLayout.write(f, r.reliability(), cores);
        if (s.verdict() != null) writeVerdict(f, s.verdict());
        writeStatus(f, s.status(), s.exitCode(), s.statusMessage());
        if (solved) {
            int[] its = th.linearIterations();
            f.intDataset(SOLVER_CG_ITERATIONS, its, new int[]{its.length});
            f.dataset(SOLVER_RESIDUAL_HISTORY, th.residualHistory(), new int[]{th.residualHistory().length});
            f.attribute(SOLVER, "picard_iterations", th.picardIterations());
            f.attribute(SOLVER, "final_relative_residual", th.finalRelResidual());
            f.attribute(SOLVER, "multigrid_levels", th.multigridLevels());
            f.attribute(SOLVER, "picard_change_K", th.picardChange());
        }
        String[] stageNames = s.stageSeconds().keySet().toArray(new String[0]);
        double[] secs = new double[stageNames.length];
        for (int i = 0; i < secs.length; i++) secs[i] = s.stageSeconds().get(stageNames[i]);
        f.dataset(SOLVER_WALL_SECONDS, secs, new int[]{secs.length});
        f.datasetAttribute(SOLVER_WALL_SECONDS, "stages", stageNames);
        String[] heapStages = s.stageHeapBytes().keySet().toArray(new String[0]);
        double[] bytes = new double[heapStages.length];
        for (int i = 0; i < bytes.length; i++) bytes[i] = s.stageHeapBytes().get(heapStages[i]);
        f.dataset(SOLVER_HEAP_PEAK, bytes, new int[]{bytes.length});
        f.datasetAttribute(SOLVER_HEAP_PEAK, "stages", heapStages);
        f.datasetAttribute(SOLVER_HEAP_PEAK, "estimate_bytes", (double) s.estimatedBytes());
        f.datasetAttribute(SOLVER_HEAP_PEAK, "run_peak_bytes", (double) s.peakHeapBytes());
        return f;
    }

    /** The thermal solve's datasets: heat generated, heat paths and budget, interface heat, coolant. */
    private static void writeSolved(ResultFile f, CaseRun.Result r, Grid g, int[] shape3, SteadyResult th,
                                    RunSummary s) {
        double[] q = r.q();
        if (r.fixedSources() != null) {
            // the case's fixed sources are generated heat too
            double[] fx = r.fixedSources().density();
            f.dataset(THERMAL_POWER_DENSITY, shape3, (from, row) -> {
                for (int i = 0; i < row.length; i++) row[i] = q[from + i] + fx[from + i];
            });
        } else {
            f.dataset(THERMAL_POWER_DENSITY, q, shape3);
        }
        String hp = THERMAL_HEAT_PATHS.path();
        f.dataset(hp, th.pathHeat(), new int[]{th.pathHeat().length}, "W");
        f.datasetAttribute(hp, "path_names", th.pathNames().toArray(new String[0]));
        f.datasetAttribute(hp, "total_W", th.powerIn());
        f.datasetAttribute(hp, "coolant_W", s.heatOutW().getOrDefault("coolant", 0.0));
        f.datasetAttribute(hp, "board_W", s.heatOutW().getOrDefault("board", 0.0));
        f.datasetAttribute(hp, "sides_W", sidesW(s));
        f.datasetAttribute(hp, "edge_W", s.heatOutW().getOrDefault("edge", 0.0));
        f.datasetAttribute(hp, "balance_rel_error", th.balanceRelError());
        var fixed = r.fixedSources();
        if (fixed != null) {
            // the case's fixed sources, beside the chip's power (total_W includes them)
            f.datasetAttribute(hp, "fixed_sources_W", th.fixedPower());
            f.datasetAttribute(hp, "fixed_source_names", fixed.names().toArray(new String[0]));
            f.datasetAttribute(hp, "fixed_source_powers_W", fixed.powers());
        }
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
            f.dataset(THERMAL_INTERFACE_HEAT, ih, new int[]{ih.length});
            f.datasetAttribute(THERMAL_INTERFACE_HEAT, "interfaces",
                    s.interfaceHeatW().keySet().toArray(new String[0]));
            f.datasetAttribute(THERMAL_INTERFACE_HEAT, "sign", "positive = upwards (towards the coolant)");
        }
        if (r.coolant() != null) {
            double[] m = r.coolant().map();
            for (int i = 0; i < m.length; i++) m[i] -= KELVIN;
            f.dataset(THERMAL_COOLANT_TEMPERATURE, m, new int[]{g.ny, g.nx});
            f.datasetAttribute(THERMAL_COOLANT_TEMPERATURE, "outlet_degC", r.coolant().outlet() - KELVIN);
            f.datasetAttribute(THERMAL_COOLANT_TEMPERATURE, "inlet_degC", r.coolant().inlet() - KELVIN);
            f.datasetAttribute(THERMAL_COOLANT_TEMPERATURE, "mass_flow_kg_per_s", r.coolant().massFlow());
            f.datasetAttribute(THERMAL_COOLANT_TEMPERATURE, "max_local_degC", r.coolant().maxLocal() - KELVIN);
            f.datasetAttribute(THERMAL_COOLANT_TEMPERATURE, "mean_degC", r.coolant().meanLocal() - KELVIN);
            f.datasetAttribute(THERMAL_COOLANT_TEMPERATURE, "model", s.coolingMode().equals("vertical")
                    ? "fresh coolant per region at the inlet temperature, flow shared " + flowShare(r.spec())
                    + "; local T = inlet + q''/(2 m'' c_p)"
                    : "coolant accumulating along channels parallel to the flow direction");
            if (pc != null && pc.coolant() != null) {
                var c = pc.coolant();
                f.datasetAttribute(THERMAL_COOLANT_TEMPERATURE, "h_W_per_m2K", c.hWPerM2K());
                f.datasetAttribute(THERMAL_COOLANT_TEMPERATURE, "h_source", c.hSource());
                if (Double.isFinite(c.pressureDropPa())) {   // unknown (NaN) when h is given without a geometry
                    f.datasetAttribute(THERMAL_COOLANT_TEMPERATURE, "pressure_drop_Pa", c.pressureDropPa());
                    f.datasetAttribute(THERMAL_COOLANT_TEMPERATURE, "pumping_power_W", c.pumpingPowerW());
                }
            }
        }
    }

    /**
     * The part every result file starts with, complete or partial: root attributes, the resolved case as the
     * {@code /case} dataset (an attribute is limited to ~64 KiB, which a large case exceeds) and the mesh (faces,
     * material ids). Returns the grid's material ids (the caller derives the void mask from them).
     */
    private static short[] writeHeaderAndMesh(ResultFile f, org.wafersim.cases.CaseSpec spec, Grid g) {
        f.attribute(ROOT, "wafersim_version", VERSION);
        f.attribute(ROOT, "case_name", spec.name());
        f.attribute(ROOT, "created_utc", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        f.textDataset(CASE, spec.resolvedText());
        f.attribute(ROOT, "case_source", spec.source());
        f.dataset(MESH_X, g.xFaces(), new int[]{g.nx + 1});
        f.dataset(MESH_Y, g.yFaces(), new int[]{g.ny + 1});
        int[] w = window(spec, g);
        if (w[0] == 0 && w[1] == g.nz) {
            f.dataset(MESH_Z, g.zFaces(), new int[]{g.nz + 1});
        } else {
            // output.layers: the stored grid is the window's cell planes; the root attributes say where it sits
            f.zWindow(w[0], w[1], g.nz);
            f.dataset(MESH_Z, java.util.Arrays.copyOfRange(g.zFaces(), w[0], w[1] + 1), new int[]{w[1] - w[0] + 1});
            f.attribute(ROOT, "output_layers", spec.output().layers().toArray(new String[0]));
            f.attribute(ROOT, "output_k_window", new int[]{w[0], w[1], g.nz});
        }
        short[] mat = g.materialIds();
        f.intDataset(MESH_MATERIAL_ID, new int[]{g.nz, g.ny, g.nx}, (from, row) -> {
            for (int i = 0; i < row.length; i++) row[i] = mat[from + i];
        });
        f.datasetAttribute(MESH_MATERIAL_ID, "material_names", g.materialNames().toArray(new String[0]));
        return mat;
    }

    /**
     * The cell planes [k0, k1) the result file stores: those of the layers of {@code output.layers} (adjacent, checked
     * by the case reader), or the whole grid.
     */
    static int[] window(org.wafersim.cases.CaseSpec spec, Grid g) {
        java.util.List<String> chosen = spec.output().layers();
        if (chosen.isEmpty()) return new int[]{0, g.nz};
        int k0 = g.nz, k1 = 0;
        for (int l = 0; l < g.layerCount(); l++) {
            if (!chosen.contains(g.layerNames().get(l))) continue;
            k0 = Math.min(k0, g.layerK0(l));
            k1 = Math.max(k1, g.layerK1(l));
        }
        if (k0 >= k1) throw new IllegalStateException("output.layers " + chosen + " not in the grid's layers "
                + g.layerNames());
        return new int[]{k0, k1};
    }

    /**
     * The result of a run that stopped on a failed check ({@link CaseRun.Partial}): the root attributes, the mesh,
     * the last iterate's temperature ({@code /thermal/temperature}, degC, attribute {@code state}) and per-core
     * temperatures when the solver kept it, and {@code /status} with the failure's kind, exit code and message.
     */
    public static ResultFile partial(CaseRun.Partial p, String kind, int exitCode, String message) {
        Grid g = p.grid();
        ResultFile f = new ResultFile().output(p.spec().output());
        int[] shape3 = {g.nz, g.ny, g.nx};
        writeHeaderAndMesh(f, p.spec(), g);
        if (p.lastIterateK() != null) {
            double[] t = new double[p.lastIterateK().length];
            for (int c = 0; c < t.length; c++) t[c] = g.isVoid(c) ? Double.NaN : p.lastIterateK()[c] - KELVIN;
            f.dataset(THERMAL_TEMPERATURE, t, shape3);
            f.datasetAttribute(THERMAL_TEMPERATURE, "state", "last iterate before the run stopped (" + kind + ")");
            double[] core = p.map().coreMean(g, p.lastIterateK());
            for (int c = 0; c < core.length; c++) core[c] -= KELVIN;
            f.dataset(CORES_TEMPERATURE, core, new int[]{core.length});
            f.datasetAttribute(CORES_TEMPERATURE, "state", "last iterate before the run stopped (" + kind + ")");
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
    static void writeVerdict(ResultFile f, VerdictSummary v) {
        java.util.List<VerdictSummary.Criterion> rows = v.criteria();
        int n = rows.size();
        double[] value = new double[n], limit = new double[n], margin = new double[n];
        int[] pass = new int[n], est = new int[n];
        String[] keys = new String[n], units = new String[n], kinds = new String[n], desc = new String[n],
                notes = new String[n];
        for (int i = 0; i < n; i++) {
            VerdictSummary.Criterion c = rows.get(i);
            value[i] = c.value() != null ? c.value() : Double.NaN;
            limit[i] = c.limit();
            margin[i] = c.margin() != null ? c.margin() : Double.NaN;
            pass[i] = VerdictSummary.PASSED.equals(c.status()) ? 1 : VerdictSummary.FAILED.equals(c.status()) ? 0 : -1;
            est[i] = c.estimated() ? 1 : 0;
            keys[i] = String.valueOf(c.criterion());
            units[i] = String.valueOf(c.unit());
            kinds[i] = String.valueOf(c.limitKind());
            desc[i] = String.valueOf(c.description());
            notes[i] = String.valueOf(c.note());
        }
        f.dataset(VERDICT_VALUE, value, new int[]{n});   // units: per criterion, see /verdict@units
        f.dataset(VERDICT_LIMIT, limit, new int[]{n});
        f.dataset(VERDICT_MARGIN, margin, new int[]{n});
        // a criterion the run cannot judge (no mechanics, no pressure drop, ...) has no value and no margin: NaN by
        // design, said on the datasets so that readers (and the fuzz contract) know it is not a failed number
        String notJudged = "NaN where the criterion is not evaluated (/verdict/pass = -1; the reason is in /verdict@notes)";
        f.datasetAttribute(VERDICT_VALUE, "note", notJudged);
        f.datasetAttribute(VERDICT_MARGIN, "note", notJudged);
        f.intDataset(VERDICT_PASS, pass, new int[]{n});
        f.intDataset(VERDICT_ESTIMATED, est, new int[]{n});
        f.attribute(VERDICT, "criteria", keys);
        f.attribute(VERDICT, "units", units);
        f.attribute(VERDICT, "limit_kind", kinds);
        f.attribute(VERDICT, "descriptions", desc);
        f.attribute(VERDICT, "notes", notes);
        f.attribute(VERDICT, "overall_pass", v.pass() ? 1 : 0);
        f.attribute(VERDICT, "failed", v.failed().isEmpty() ? "none" : String.join(",", v.failed()));
        f.attribute(VERDICT, "design_life_years", v.designLifeYears());
    }

    /**
     * {@code /status}: dataset {@code exit_code} [1]; attributes {@code status} (a completed run's
     * {@link RunSummary#status()}: "ok", "infeasible", "criteria_failed"; or the failure kind of a run that did not
     * finish: "thermal_runaway", "not_converged", "infeasible", ...), {@code exit_code} and {@code message}.
     */
    public static void writeStatus(ResultFile f, String status, int exitCode, String message) {
        f.intDataset(STATUS_EXIT_CODE, new int[]{exitCode}, new int[]{1});
        f.attribute(STATUS, "status", status);
        f.attribute(STATUS, "exit_code", exitCode);
        f.attribute(STATUS, "message", message);
    }

    /** How the vertical mode's manifold shares the flow, for the coolant dataset's model attribute. */
    private static String flowShare(org.wafersim.cases.CaseSpec spec) {
        var fm = spec.cooling().coolant().flowMap();
        return fm == null ? "by area" : "by cooling.coolant.flow_map (" + fm.rows() + " x " + fm.columns()
                + " regions, NaN where the weight is 0)";
    }
}
