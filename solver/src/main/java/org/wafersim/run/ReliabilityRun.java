package org.wafersim.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wafersim.cases.CaseSpec;
import org.wafersim.errors.InputException;
import org.wafersim.cases.CaseSpec.ThermalAnalysis;
import org.wafersim.cases.ReliabilitySpec;
import org.wafersim.geometry.CoreArray;
import org.wafersim.linalg.Parallel;
import org.wafersim.mechanics.MechanicsState;
import org.wafersim.mechanics.PlateMesh;
import org.wafersim.mechanics.StackLayer;
import org.wafersim.reliability.ConnectorFatigue;
import org.wafersim.reliability.ConnectorLoad;
import org.wafersim.reliability.ConnectorPopulation;
import org.wafersim.reliability.CoreConditions;
import org.wafersim.reliability.CoreLifetimes;
import org.wafersim.reliability.DieRedundancy;
import org.wafersim.reliability.DutyCycle;
import org.wafersim.reliability.Durations;
import org.wafersim.reliability.Engelmaier;
import org.wafersim.reliability.FatigueModel;
import org.wafersim.reliability.Mechanism;
import org.wafersim.reliability.ReliabilityCurve;
import org.wafersim.reliability.ReliabilityEstimator;
import org.wafersim.reliability.ReliabilityParameters;
import org.wafersim.reliability.TestToField;
import org.wafersim.units.Units;

/**
 * The reliability part of a run ({@code analysis.reliability: true}, DESIGN §1, §4): core wear-out, die redundancy
 * with spares and manufacturing yield by {@link ReliabilityEstimator}, on the run's own {@link CoreArray} and its
 * per-core temperatures, in core-index order:
 * <ul>
 * <li>steady run: each core's steady temperature; thermal cycling is not evaluated (a steady state has no swing);</li>
 * <li>cycle run: each core's cycle-mean temperature and its temperature swing over the periodic cycle, which drives
 *     the thermal-cycling mechanism at {@code cycling.per_day} cycles per day.</li>
 * </ul>
 * <b>Connector fatigue</b> (issue 6 item 1), when the run solved the mechanics ({@code analysis.mechanics: true}):
 * per connector point (each plate element where the connector exists) the cyclic shear strain range of two cycles,
 * <pre>
 *   workload cycle A, idle ↔ full load:  Δγ_A = |γ_full − γ_idle|,  T_A = (T_full + T_idle)/2,  f_A = cycling.per_day
 *   power cycle B,    off ↔ full load:   Δγ_B = |γ_full|,          T_B = (T_full + T_0)/2,     f_B = power_cycles_per_week/7
 * </pre>
 * with γ = (γ_xz, γ_yz) the connector's shear strain vector of a state, T its mean connector temperature and T_0
 * the stress-free temperature (off = the unstrained state, reference-data D.6 cycle B). Each cycle's median
 * cycles to failure is Engelmaier's N_f = ½·(Δγ/2ε_f')^(1/c), c = c0 + c_T·T[°C] + c_f·ln(1 + f) (IPC-SM-785,
 * {@link Engelmaier}); Miner's rule combines them into the point's life L = 1/(f_A/N_A + f_B/N_B)
 * ({@link ConnectorFatigue}); the connector is the Weibull population of its contacts ({@link ConnectorPopulation}),
 * element e holding n_e = A_e/p² of them (A_e its area, p = {@code reliability.connector.pitch}), so that
 * R_connector(t) = exp[−ln2·Σ_e n_e·(t/L_e)^β] does not depend on the mechanics spacing; it is in series with the cores: R_wafer(t) = R_cores(t)·R_connector(t) and the wafer MTTF integrates that product
 * ({@link ReliabilityEstimator}). Norris–Landzberg is not applied: Engelmaier's exponent already evaluates each
 * point at its own field temperature and frequency, and the case gives no test profile to translate from.
 * Without the mechanics there is no strain and connector fatigue is not evaluated ({@link #CONNECTOR_FATIGUE}); no
 * strain is made up.
 */
public final class ReliabilityRun {
    private static final double KELVIN = Units.ZERO_CELSIUS_K;
    /** What the outputs say about connector fatigue. */
    public static final String CONNECTOR_FATIGUE = "not evaluated: needs the connector strain of the mechanics"
            + " (set analysis.mechanics: true)";
    /** What the outputs say when connector fatigue was evaluated. */
    static final String CONNECTOR_EVALUATED = "evaluated: Engelmaier per connector point, workload cycle idle <->"
            + " full load and power cycle off <-> full load combined by Miner's rule";
    /** What the outputs say when connector fatigue was evaluated from the strain histories of a cycle run. */
    static final String CONNECTOR_RAINFLOW = "evaluated: rainflow (ASTM E1049) of each connector point's strain"
            + " history along the periodic cycle and the off <-> full-load power cycle, combined by Miner's rule";
    /** The fixed times of the headline reliabilities, years. */
    static final double[] MILESTONE_YEARS = {1, 3, 5};

    /**
     * The reliability part of a run.
     *
     * @param parameters          the parameters used
     * @param report              the library's estimate (yield, per-core lifetimes, R(t) curve, MTTF, limiting dies)
     * @param milestoneTimes      1, 3, 5 years and the design life, s
     * @param waferAtMilestones   R_wafer at {@code milestoneTimes}
     * @param dieAtDesignLife     R_die at the design life, per die
     * @param dominantCode        per core: index of its dominant mechanism in {@link ReliabilitySpec#MECHANISMS}, or -1
     * @param notes               remarks (mechanisms left out and why, what the temperatures were)
     * @param cycleSwings         whether the temperatures came from a cycle run (mean and swing)
     * @param connector           connector fatigue on the mechanics' map, or null when not evaluated
     * @param connectorStatus     what the outputs say about connector fatigue
     * @param seconds             wall time of the estimate, s
     * @param qualification       the field life implied by {@code reliability.qualification} at the first-failure
     *                            point (Norris–Landzberg), or null
     * @param dieUnreliabilityAtDesignLife 1 − R_die at the design life per die, computed directly (not 1 − R)
     * @param waferUnreliabilityAtMilestones 1 − R_wafer at {@code milestoneTimes}, computed directly
     * @param rainflow            connector fatigue from the strain histories along the periodic cycle (cycle runs
     *                            with the mechanics history), with the two-state estimate beside it; or null
     */
    public record Outcome(ReliabilityParameters parameters, ReliabilityEstimator.Report report,
                          double[] milestoneTimes, double[] waferAtMilestones, double[] dieAtDesignLife,
                          int[] dominantCode, List<String> notes, boolean cycleSwings, ConnectorMap connector,
                          String connectorStatus, double seconds, TestToField.Result qualification,
                          ConnectorHistoryFatigue.Evaluated rainflow, double[] dieUnreliabilityAtDesignLife,
                          double[] waferUnreliabilityAtMilestones) {

        public CoreLifetimes lifetimes() { return report.lifetimes(); }

        /** R(t) of the dies and of the wafer's cores (without the connector) at the curve's times. */
        public ReliabilityCurve curve() { return report.curve(); }

        /** Wafer MTTF, s: cores with spares, in series with the connector when its fatigue was evaluated. */
        public double waferMttf() { return report.systemMttf().mttf(); }

        /** MTTF of the wafer's cores with spares alone, s. */
        public double coresMttf() { return report.waferMttf().mttf(); }

        /** R_wafer(t) at the curve's times: cores times connector (the cores' curve without a connector). */
        public double[] waferCurve() {
            double[] r = curve().waferReliability().clone();
            if (connector != null) {
                double[] t = curve().times();
                for (int k = 0; k < r.length; k++) r[k] *= connector.fatigue().population().reliability(t[k]);
            }
            return r;
        }

        public double yield() { return report.yield().waferYield(); }

        /** R_wafer at the design life. */
        public double reliabilityAtDesignLife() { return waferAtMilestones[MILESTONE_YEARS.length]; }
    }

    /**
     * Connector fatigue on the mechanics' plate mesh: the library's maps ({@code [y][x]}, one point per element;
     * outside the connector Δγ = 0, so N_f and the life are infinite there, and the outputs write NaN) and where
     * the points are.
     *
     * @param fatigue        the library's result (N_f per cycle kind, life, first failure, population)
     * @param present        per element (flat [y][x]): whether the connector exists there
     * @param elementX       element centres in x, m
     * @param elementY       element centres in y, m
     * @param waferCentreX   the wafer's centre (the neutral point), m
     * @param waferCentreY   the wafer's centre, m
     * @param workloadRange  strain range of the contact (the model's measure) in the workload cycle [y][x] (0 without
     *                       an idle state)
     * @param offOnRange     strain range of the contact in the power cycle [y][x]
     * @param workloadMeanK  mean joint temperature of the workload cycle [y][x], K
     * @param offOnMeanK     mean joint temperature of the power cycle [y][x], K
     * @param atMilestones   R_connector at the run's milestone times (1, 3, 5 years, design life)
     * @param model          the technology's fatigue model (the ranges above are in its strain measure)
     * @param layerWorkloadRange Δγ of the connector layer's shear strain, workload cycle [y][x]
     * @param layerOffOnRange    Δγ of the layer, power cycle [y][x]
     * @param layerThickness the connector layer's thickness, m
     */
    public record ConnectorMap(ConnectorFatigue.Result fatigue, boolean[] present, double[] elementX,
                               double[] elementY, double waferCentreX, double waferCentreY, double[][] workloadRange,
                               double[][] offOnRange, double[][] workloadMeanK, double[][] offOnMeanK,
                               double[] atMilestones, FatigueModel model, double[][] layerWorkloadRange,
                               double[][] layerOffOnRange, double layerThickness) {
        public int nx() { return elementX.length; }

        public int ny() { return elementY.length; }

        /** x of the first-failure point, m. */
        public double firstFailureX() { return elementX[fatigue.firstFailure().x()]; }

        /** y of the first-failure point, m. */
        public double firstFailureY() { return elementY[fatigue.firstFailure().y()]; }

        /** Distance of the first-failure point from the wafer centre (DNP), m. */
        public double firstFailureDnp() {
            return Math.hypot(firstFailureX() - waferCentreX, firstFailureY() - waferCentreY);
        }

        /** Life of the first point to fail, s (Miner-combined over the duty cycle). */
        public double firstFailureLife() { return fatigue.firstFailure().lifeSeconds(); }
    }

    private ReliabilityRun() { }

    /**
     * Evaluates the estimate.
     *
     * @param spec     the case
     * @param p        its parameters (the case's, {@code reliabilitySpec().parameters()}, built by the case reader)
     * @param cores    the run's core array
     * @param coreTK   the steady per-core temperatures, K (core-index order)
     * @param cycle    the transient outcome of a cycle run (cycle-mean temperatures and swings), or null
     * @param mech     the mechanics outcome (states "full" and "idle"), or null: no connector fatigue
     * @param par      the run's thread pool
     */
    public static Outcome run(CaseSpec spec, ReliabilityParameters p, CoreArray cores, double[] coreTK,
                              TransientRun.Outcome cycle, MechanicsRun.Outcome mech, Parallel par) {
        long t0 = System.nanoTime();
        List<String> notes = new ArrayList<>();
        CoreConditions cond;
        boolean swings = spec.analysis().thermal() == ThermalAnalysis.CYCLE && cycle != null
                && cycle.coreSwingK() != null && cycle.coreMeanC() != null;
        if (swings) {
            double[] mean = new double[cores.coreCount()];
            for (int c = 0; c < mean.length; c++) mean[c] = cycle.coreMeanC()[c] + KELVIN;
            cond = CoreConditions.of(mean).withSwings(cycle.coreSwingK(), null);
            notes.add(String.format(Locale.ROOT, "temperatures: cycle-mean core temperatures and per-core swings of"
                    + " the last cycle; thermal cycling at %s cycles per day (cycling.per_day), workload cycle only",
                    num(p.dutyCycle().cyclesPerDay())));
        } else {
            cond = CoreConditions.of(coreTK);
            notes.add("temperatures: steady core temperatures");
            if (p.wearOut().thermalCycling().enabled()) {
                // the library would leave it out too, with a generic note; say what to run instead
                p = p.withWearOut(p.wearOut().withThermalCycling(p.wearOut().thermalCycling().withEnabled(false)));
                notes.add("wear-out: thermal_cycling not evaluated: a steady run has no temperature swings (use"
                        + " analysis.thermal: cycle)");
            }
        }
        double design = p.designLife();
        double[] times = new double[MILESTONE_YEARS.length + 1];
        for (int i = 0; i < MILESTONE_YEARS.length; i++) times[i] = MILESTONE_YEARS[i] * Durations.YEAR;
        times[MILESTONE_YEARS.length] = design;
        Loads loads = mech == null ? null : loads(spec, mech, p.connector().model(), notes);
        if (loads == null) {
            // without an off/on load the library must not expect one
            p = p.withDutyCycle(new DutyCycle(p.dutyCycle().cyclesPerDay(), 0));
        }
        ReliabilityEstimator.Inputs in = loads == null ? ReliabilityEstimator.Inputs.coresOnly(cores, cond)
                : new ReliabilityEstimator.Inputs(cores, cond, loads.workload, loads.offOn, loads.contacts);
        boolean solderModel = p.connector().model() instanceof org.wafersim.reliability.SolderJoint;
        if (loads != null && solderModel) checkExponent(spec, p, loads);
        // a cycle run with the mechanics along its periodic cycle: rainflow on each point's history
        ConnectorHistoryFatigue.Evaluated rainflow = loads != null && swings && mech.history() != null
                && mech.history().size() >= 2
                ? ConnectorHistoryFatigue.evaluate(mech, loads.present, p, loads.contacts, loads.workload, loads.offOn,
                        notes) : null;
        if (solderModel && rainflow != null && rainflow.loK() <= rainflow.hiK()) {
            checkExponent(spec, p, rainflow.loK(), rainflow.hiK(), "the joint temperatures along the cycle");
        }
        ReliabilityEstimator.Report rep;
        double[] wafer, dieAtLife, dieQ, waferQ;
        {   // on the run's thread pool
            rep = ReliabilityEstimator.estimate(in, p, par, rainflow == null ? null : rainflow.maps().fatigue());
            ReliabilityCurve at = rep.redundancy().curve(times, par);
            wafer = at.waferReliability();
            dieAtLife = new double[cores.dieCount()];
            dieQ = new double[cores.dieCount()];
            waferQ = new double[times.length];
            for (int k = 0; k < times.length; k++) {
                double lr = 0;
                for (int d = 0; d < cores.dieCount(); d++) lr += Math.log1p(-at.dieUnreliability()[d][k]);
                waferQ[k] = -Math.expm1(lr);
            }
            for (int d = 0; d < dieAtLife.length; d++) {
                dieAtLife[d] = at.dieReliability()[d][MILESTONE_YEARS.length];
                dieQ[d] = at.dieUnreliability()[d][MILESTONE_YEARS.length];
            }
        }
        notes.addAll(rep.notes());
        if (rep.lifetimes().mechanisms().isEmpty()) {
            notes.add("wear-out: no mechanism evaluated: the cores never fail (cores' MTTF infinite)");
        }
        ConnectorMap cm = null;
        TestToField.Result qual = null;
        String status;
        if (rep.connector() != null) {
            double[] rc = new double[times.length];
            for (int k = 0; k < times.length; k++) {
                rc[k] = rep.connector().population().reliability(times[k]);
                double qc = rep.connector().population().unreliability(times[k]);
                waferQ[k] = waferQ[k] + qc - waferQ[k] * qc;
                wafer[k] *= rc[k];          // series system: the wafer fails when its cores or its connector do
            }
            cm = new ConnectorMap(rep.connector(), loads.present, loads.ex, loads.ey, loads.cx, loads.cy,
                    loads.workload.shearStrainRange(), loads.offOn == null ? null : loads.offOn.shearStrainRange(),
                    loads.workload.meanTemperatureK(), loads.offOn == null ? null : loads.offOn.meanTemperatureK(), rc,
                    p.connector().model(), loads.layerWorkload, loads.layerOffOn, loads.layerThickness);
            boolean solder = p.connector().model() instanceof org.wafersim.reliability.SolderJoint;
            status = rainflow != null ? CONNECTOR_RAINFLOW : solder ? CONNECTOR_EVALUATED : "evaluated: "
                    + p.connector().model().technology() + " contact (" + p.connector().model().strainMeasure()
                    + ") per connector point, workload cycle idle <-> full load and power cycle off <-> full load"
                    + " combined by Miner's rule";
            if (!solder) {
                notes.add("connector fatigue: the contact's strain-life curve holds at any temperature and frequency of"
                        + " the run (copper spring alloys well below 0.4 of their melting point do not creep); mean"
                        + " strain not corrected for");
            }
            if (spec.reliabilitySpec().qualification() == null) {
                if (solder) {
                    notes.add("connector fatigue: Norris-Landzberg not applied: Engelmaier's exponent already evaluates"
                            + " each point at its own field temperature and frequency, and the case gives no test"
                            + " profile (reliability.qualification)");
                }
            } else {
                qual = qualification(spec, p, loads, rainflow, rep.connector().firstFailure(), notes);
            }
            notes.add(String.format(Locale.ROOT, "connector fatigue: the Weibull population counts contacts by area,"
                    + " element area / pitch^2 with reliability.connector.pitch %s mm ([E]: no public connector"
                    + " geometry), %.4g contacts in all", num(1e3 * loads.pitch), loads.totalContacts()));
            if (solder && !spec.reliabilitySpec().connectorMaterialConstants()) {
                notes.add("connector fatigue: the connector material has no fatigue constants: the IPC-SM-785 defaults"
                        + " were used (eps_f' 0.325, c0 -0.442, c_T -6e-4 /K, c_f 0.0174), with the case's overrides");
            }
        } else {
            status = mech == null ? CONNECTOR_FATIGUE : "not evaluated: the mechanics has no connector state to use";
            notes.add("connector fatigue " + status);
            if (spec.reliabilitySpec().qualification() != null) {
                notes.add("reliability.qualification not used: connector fatigue was not evaluated, so there is no"
                        + " field cycle to translate the test to");
            }
        }
        CoreLifetimes life = rep.lifetimes();
        int[] code = new int[cores.coreCount()];
        for (int c = 0; c < code.length; c++) {
            Mechanism m = life.dominantMechanism(c);
            code[c] = m == null ? -1 : ReliabilitySpec.MECHANISMS.indexOf(m.key());
        }
        return new Outcome(p, rep, times, wafer, dieAtLife, code, List.copyOf(notes), swings, cm, status,
                (System.nanoTime() - t0) / 1e9, qual, rainflow, dieQ, waferQ);
    }

    /**
     * The connector loads of the two cycles on the mechanics' element map, where the points are, and how many
     * contacts each holds (element area / pitch², 0 where there is no connector).
     */
    private record Loads(ConnectorLoad workload, ConnectorLoad offOn, boolean[] present, double[] ex, double[] ey,
                         double cx, double cy, double[][] contacts, double pitch, double[][] minK, double[][] maxK,
                         double offK, double[][] layerWorkload, double[][] layerOffOn, double strainPerLayerShear,
                         double layerThickness) {
        Loads withTemperatures(double[][] lo, double[][] hi) {
            return new Loads(workload, offOn, present, ex, ey, cx, cy, contacts, pitch, lo, hi, offK, layerWorkload,
                    layerOffOn, strainPerLayerShear, layerThickness);
        }

        double totalContacts() {
            double n = 0;
            for (double[] row : contacts) for (double v : row) n += v;
            return n;
        }
    }

    /**
     * Backstop of the case reader's up-front check: Engelmaier's exponent c must be negative
     * at the joint temperatures the solve produced (c is linear in T, so the extremes of the map suffice); a
     * case whose joints end up outside the range checked up front gets an input error (exit code 2) naming the
     * constants, not an exception from the middle of the library.
     */
    private static void checkExponent(CaseSpec spec, ReliabilityParameters p, Loads loads) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (ConnectorLoad l : new ConnectorLoad[] {loads.workload, loads.offOn}) {
            if (l == null) continue;
            double[][] t = l.meanTemperatureK();
            for (int j = 0; j < t.length; j++) {
                for (int i = 0; i < t[j].length; i++) {
                    if (!loads.present[j * t[j].length + i]) continue;
                    lo = Math.min(lo, t[j][i]);
                    hi = Math.max(hi, t[j][i]);
                }
            }
        }
        if (lo > hi) return;
        checkExponent(spec, p, lo, hi, "the run's mean joint temperatures");
    }

    /**
     * Engelmaier's exponent must be negative over the joint temperatures the run reached (the loader checked -55 to
     * 150 degC); a failure is an input error naming the key that set the constants.
     */
    static void checkExponent(CaseSpec spec, ReliabilityParameters p, double loK, double hiK, String what) {
        String bad = p.connector().engelmaierExponentViolation(p.dutyCycle(), loK, hiK, what);
        if (bad != null) {
            throw new InputException(spec.source(), spec.reliabilitySpec().exponentKey(spec.waferLayerIndex()), bad);
        }
    }

    /**
     * The loads from the mechanics states "full" and "idle" (null, with a note, when there is no full-load state or
     * no connector). Outside the connector Δγ = 0 (the library's N_f is then infinite) and T is the stress-free
     * temperature (any valid temperature would do: with Δγ = 0 it does not enter).
     */
    private static Loads loads(CaseSpec spec, MechanicsRun.Outcome mech, FatigueModel model, List<String> notes) {
        MechanicsState full = mech.state("full"), idle = mech.state("idle");
        if (full == null || !full.hasConnector()) {
            notes.add(full == null ? "connector fatigue: no full-load mechanics state (mechanics.states lacks full)"
                    : "connector fatigue: the stack has no connector below the wafer");
            return null;
        }
        if (idle == null) {
            notes.add("connector fatigue: no idle mechanics state (mechanics.states lacks idle): the workload cycle"
                    + " is not evaluated, only the power cycle");
        }
        PlateMesh mesh = mech.model().model().mesh();
        int nx = mesh.nx, ny = mesh.ny;
        double t0 = mech.model().setup().stressFreeK();
        double[] fx = full.connectorShearStrainXz(), fy = full.connectorShearStrainYz(), ft = full.connectorTemperature();
        double[] ix = idle == null ? null : idle.connectorShearStrainXz();
        double[] iy = idle == null ? null : idle.connectorShearStrainYz();
        double[] it = idle == null ? null : idle.connectorTemperature();
        double[][] ga = new double[ny][nx], ta = new double[ny][nx], gb = new double[ny][nx], tb = new double[ny][nx];
        double[][] lo = new double[ny][nx], hi = new double[ny][nx];
        boolean[] present = new boolean[nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int e = mesh.element(i, j);
                present[e] = full.connectorAt(e) && Double.isFinite(ft[e]) && (idle == null || Double.isFinite(it[e]));
                if (!present[e]) {
                    ta[j][i] = tb[j][i] = t0;
                    continue;
                }
                // the strain range of a cycle between two states is the length of the difference of the vectors
                if (idle != null) ga[j][i] = Math.hypot(fx[e] - ix[e], fy[e] - iy[e]);
                ta[j][i] = idle == null ? ft[e] : 0.5 * (ft[e] + it[e]);
                gb[j][i] = Math.hypot(fx[e], fy[e]);       // off = stress-free: γ = 0
                tb[j][i] = 0.5 * (ft[e] + t0);
                lo[j][i] = idle == null ? ft[e] : Math.min(ft[e], it[e]);
                hi[j][i] = idle == null ? ft[e] : Math.max(ft[e], it[e]);
            }
        }
        double[] ex = new double[nx], ey = new double[ny];
        for (int i = 0; i < nx; i++) ex[i] = mesh.xc(i);
        for (int j = 0; j < ny; j++) ey[j] = mesh.yc(j);
        double pitch = spec.reliabilitySpec().pitch();
        double[][] contacts = contactsPerElement(mesh, present, pitch);
        StackLayer w = mech.model().model().layers().get(mech.model().waferLayer());
        // the technology's own strain: linear in the displacement across the layer, delta = gamma * h_layer
        double h = layerThickness(mech, full.connectorLayer());
        double k = model.contactStrain(h, h);
        double[][] ca = scaled(ga, k), cb = scaled(gb, k);
        return new Loads(new ConnectorLoad(ca, ta), new ConnectorLoad(cb, tb), present, ex, ey,
                0.5 * (w.x0() + w.x1()), 0.5 * (w.y0() + w.y1()), contacts, pitch, lo, hi, t0, ga, gb, k, h);
    }

    private static double[][] scaled(double[][] a, double k) {
        if (k == 1) return a;
        double[][] r = new double[a.length][];
        for (int j = 0; j < a.length; j++) {
            r[j] = a[j].clone();
            for (int i = 0; i < r[j].length; i++) r[j][i] *= k;
        }
        return r;
    }

    /** Thickness of the mechanics' connector layer, m. */
    private static double layerThickness(MechanicsRun.Outcome mech, String name) {
        for (StackLayer l : mech.model().model().layers()) if (l.name().equals(name)) return l.zTop() - l.zBottom();
        throw new IllegalStateException("no mechanics layer " + name);
    }


    /**
     * The field life implied by the case's qualification test at the first-failure point: its joint-temperature
     * swing over the workload cycle (and from the off state) translated by Norris–Landzberg with the connector's
     * constants ({@link TestToField}).
     */
    private static TestToField.Result qualification(CaseSpec spec, ReliabilityParameters p, Loads loads,
                                                    ConnectorHistoryFatigue.Evaluated rainflow,
                                                    ConnectorFatigue.FirstFailure ff, List<String> notes) {
        org.wafersim.cases.QualificationSpec q = spec.reliabilitySpec().qualification();
        if (rainflow != null) loads = loads.withTemperatures(rainflow.minK(), rainflow.maxK());
        TestToField.Test test = new TestToField.Test(q.lowK(), q.highK(), q.cyclesPerDay(), q.medianCycles());
        TestToField.Result r = TestToField.translate(p.connector().acceleration(), test, loads.minK[ff.y()][ff.x()],
                loads.maxK[ff.y()][ff.x()], loads.offK, p.dutyCycle());
        var nl = p.connector().acceleration();
        notes.add(String.format(Locale.ROOT, "connector qualification: %s/%s degC at %s cycles per day (dwell %s min),"
                        + " median %.4g cycles to failure; Norris-Landzberg (1969) with n %s, m %s, Ea/k %s K: AF %.4g"
                        + " for the workload cycle at the first-failure point (joint %.1f -> %.1f degC)",
                num(q.lowK() - KELVIN), num(q.highK() - KELVIN), num(q.cyclesPerDay()), num(q.dwell() / 60),
                q.medianCycles(), num(nl.deltaTExponent()), num(nl.frequencyExponent()), num(nl.eaOverK()),
                r.workloadFactor(), loads.minK[ff.y()][ff.x()] - KELVIN, loads.maxK[ff.y()][ff.x()] - KELVIN));
        return r;
    }

    /**
     * Contacts per element [y][x]: n_e = A_e/p² (A_e = dx·dy, p the contact pitch) where the connector exists, 0
     * elsewhere. Counting contacts by area (weakest link: an element of n_e contacts has R = R_contact^n_e) makes
     * the connector's population R(t) = exp[−ln2·Σ_e n_e·(t/L_e)^β] an area integral of the life field, which
     * converges with the mesh instead of growing with the number of elements. n_e need not be a whole number: it
     * is a density times an area.
     */
    static double[][] contactsPerElement(PlateMesh mesh, boolean[] present, double pitch) {
        if (!(pitch > 0) || !Double.isFinite(pitch)) throw new IllegalArgumentException("pitch must be > 0, got " + pitch);
        double[][] n = new double[mesh.ny][mesh.nx];
        for (int j = 0; j < mesh.ny; j++) {
            for (int i = 0; i < mesh.nx; i++) {
                if (present[mesh.element(i, j)]) n[j][i] = mesh.dx(i) * mesh.dy(j) / (pitch * pitch);
            }
        }
        return n;
    }

    /** The headline numbers for the run summary ({@code reliabilityInfo}; text and JSON). */
    public static Map<String, Object> summaryOf(Outcome o, CoreArray cores) {
        Map<String, Object> m = new LinkedHashMap<>();
        var rep = o.report();
        m.put("yield", o.yield());
        m.put("yield_loss", rep.yield().waferYieldLoss(o.parameters().defectModel(), cores.coresPerDie()));
        m.put("spares", cores.coreCount() - cores.activeCoreCount());
        m.put("expected_spares_left", rep.yield().totalSparesLeft());
        m.put("wafer_mttf_h", Durations.hours(o.waferMttf()));
        m.put("wafer_mttf_years", Durations.years(o.waferMttf()));
        if (o.connector() != null) m.put("cores_mttf_years", Durations.years(o.coresMttf()));
        for (int i = 0; i < MILESTONE_YEARS.length; i++) {
            m.put("reliability_at_" + num(MILESTONE_YEARS[i]) + "y", o.waferAtMilestones()[i]);
            m.put("unreliability_at_" + num(MILESTONE_YEARS[i]) + "y", o.waferUnreliabilityAtMilestones()[i]);
        }
        m.put("design_life_years", Durations.years(o.parameters().designLife()));
        m.put("reliability_at_design_life", o.reliabilityAtDesignLife());
        Mechanism dom = rep.dominantMechanism();
        m.put("dominant_mechanism", dom == null ? "none" : dom.key());
        List<String> limiting = new ArrayList<>();
        for (DieRedundancy.DieRank d : rep.limitingDies()) {
            // the library's 1 - R is exact where R rounds to 1
            String r = d.unreliability() == 0 ? String.format(Locale.ROOT, "1 (1 - R < %.0e)", DieRedundancy.PROBABILITY_FLOOR)
                    : d.unreliability() < 1e-4 ? String.format(Locale.ROOT, "1 - %.3g", d.unreliability())
                    : String.format(Locale.ROOT, "%.6g", d.reliability());
            limiting.add(String.format(Locale.ROOT, "die %d (col %d, row %d) R %s", d.die(), d.column(), d.row(), r));
        }
        Components comp = components(o, cores);
        m.put("components", comp.rows());
        m.put("limiting_component", comp.limiting());
        m.put("limiting_location", comp.location());
        m.put("unreliability_at_design_life", comp.waferUnreliability());
        // the dies are named as limiting only when they are what limits the wafer
        m.put("limiting_dies", comp.limiting().equals(DIES) ? limiting : List.of());
        m.put("connector_fatigue", o.connectorStatus());
        m.putAll(connectorSummary(o));
        m.put("notes", o.notes());
        m.put("seconds", o.seconds());
        return m;
    }

    static final String DIES = "dies with spares";

    /** The components of the wafer's reliability, the limiting one and where it is, and the wafer's 1 − R. */
    record Components(List<Map<String, Object>> rows, String limiting, String location, double waferUnreliability) { }

    /**
     * The wafer as a series system of its components, each with R and 1 − R at the design life (1 − R computed
     * directly: from the dies' own unreliabilities and the connector population's, never as 1 − R of a rounded R)
     * and its MTTF:
     * <ul>
     * <li>core wear-out by mechanism (no spares): the shortest per-core MTTF of each mechanism and where;</li>
     * <li>dies with spares (k-out-of-n per die, all dies in series): R_cores(t) = Π_d R_d(t),
     *     1 − R = −expm1(Σ_d log1p(−q_d));</li>
     * <li>the connector (its technology's model): the Weibull population of its contacts, first failure point;</li>
     * </ul>
     * The limiting component is the one of shorter MTTF (dies with spares or connector): the one that ends the
     * wafer's life; its 1 − R at the design life is reported beside it.
     */
    static Components components(Outcome o, CoreArray cores) {
        List<Map<String, Object>> rows = new ArrayList<>();
        CoreLifetimes life = o.lifetimes();
        for (int mi = 0; mi < life.mechanisms().size(); mi++) {
            int worst = -1;
            double w = Double.POSITIVE_INFINITY;
            for (int c = 0; c < cores.coreCount(); c++) {
                if (life.mttf(mi, c) < w) { w = life.mttf(mi, c); worst = c; }
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("component", "core wear-out: " + life.mechanisms().get(mi).key());
            r.put("shortest_core_mttf_years", Durations.years(w));
            if (worst >= 0) {
                int d = cores.die(worst);
                r.put("location", String.format(Locale.ROOT, "core %d at die (col %d, row %d), core (col %d, row %d)",
                        worst, cores.dieColumn(d), cores.dieRow(d), cores.coreColumn(worst), cores.coreRow(worst)));
            }
            rows.add(r);
        }
        double logR = 0;
        int worstDie = 0;
        for (int d = 0; d < o.dieUnreliabilityAtDesignLife().length; d++) {
            double q = o.dieUnreliabilityAtDesignLife()[d];
            logR += Math.log1p(-q);
            if (q > o.dieUnreliabilityAtDesignLife()[worstDie]) worstDie = d;
        }
        double qDies = -Math.expm1(logR);
        // below the library's probability floor every die reads 0: take the redundancy's own ranking
        if (o.dieUnreliabilityAtDesignLife()[worstDie] == 0 && !o.report().limitingDies().isEmpty()) {
            worstDie = o.report().limitingDies().get(0).die();
        }
        Map<String, Object> dies = new LinkedHashMap<>();
        dies.put("component", DIES);
        dies.put("reliability_at_design_life", Math.exp(logR));
        dies.put("unreliability_at_design_life", qDies);
        dies.put("mttf_years", Durations.years(o.coresMttf()));
        String dieLoc = String.format(Locale.ROOT, "die %d (col %d, row %d)", worstDie, cores.dieColumn(worstDie),
                cores.dieRow(worstDie));
        dies.put("location", dieLoc);
        rows.add(dies);
        String limiting = DIES, where = dieLoc;
        double mttfLim = o.coresMttf(), qWafer = qDies;
        ConnectorMap c = o.connector();
        if (c != null) {
            ConnectorPopulation pop = c.fatigue().population();
            double t = o.parameters().designLife();
            double qc = pop.unreliability(t);
            Map<String, Object> r = new LinkedHashMap<>();
            String name = "connector (" + c.model().technology() + ")";
            r.put("component", name);
            r.put("reliability_at_design_life", pop.reliability(t));
            r.put("unreliability_at_design_life", qc);
            r.put("mttf_years", Durations.years(pop.mttf()));
            String loc = String.format(Locale.ROOT, "first failure at (%.1f mm, %.1f mm), %.1f mm from the wafer"
                    + " centre", 1e3 * c.firstFailureX(), 1e3 * c.firstFailureY(), 1e3 * c.firstFailureDnp());
            r.put("location", loc);
            rows.add(r);
            // series: 1 - R = q1 + q2 - q1 q2, without cancellation
            qWafer = qDies + qc - qDies * qc;
            if (pop.mttf() < mttfLim) {
                limiting = name;
                where = loc;
            }
        }
        return new Components(List.copyOf(rows), limiting, where, qWafer);
    }

    /**
     * The connector's headline numbers (empty when its fatigue was not evaluated): the first-failure point (x, y
     * and its distance from the wafer centre, m), its life (years), the workload and power cycles applied until it
     * fails (life × frequency), its strain ranges and cycles to failure per cycle kind, the population's MTTF and
     * R at the milestones.
     */
    static Map<String, Object> connectorSummary(Outcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        ConnectorMap c = o.connector();
        if (c == null) return m;
        ConnectorFatigue.Result f = c.fatigue();
        int x = f.firstFailure().x(), y = f.firstFailure().y();
        DutyCycle duty = o.parameters().dutyCycle();
        double life = c.firstFailureLife();
        m.put("connector_technology", c.model().technology());
        m.put("connector_model", c.model().describe());
        m.put("connector_estimated", c.model().estimated());
        m.put("connector_strain_measure", c.model().strainMeasure());
        m.put("connector_life_years", Durations.years(life));
        m.put("connector_cycles_to_first_failure", life * duty.cyclesPerSecond());
        m.put("connector_power_cycles_to_first_failure", life * duty.offCyclesPerSecond());
        m.put("connector_first_failure_x_m", c.firstFailureX());
        m.put("connector_first_failure_y_m", c.firstFailureY());
        m.put("connector_first_failure_dnp_m", c.firstFailureDnp());
        m.put("connector_workload_strain_range", c.workloadRange()[y][x]);
        m.put("connector_workload_layer_shear_range", c.layerWorkloadRange()[y][x]);
        m.put("connector_workload_cycles_to_failure", f.workloadCycles()[y][x]);
        if (f.offOnCycles() != null) {
            m.put("connector_power_cycle_strain_range", c.offOnRange()[y][x]);
            m.put("connector_power_cycle_layer_shear_range", c.layerOffOnRange()[y][x]);
            m.put("connector_power_cycle_cycles_to_failure", f.offOnCycles()[y][x]);
        }
        m.put("connector_mttf_years", Durations.years(f.population().mttf()));
        if (o.rainflow() != null) {
            var rf = o.rainflow();
            m.put("connector_history_outputs", (double) rf.outputs());
            m.put("connector_damage_per_cycle", rf.maps().workloadDamage()[y][x]);
            m.put("connector_two_state_life_years", rf.twoState().firstFailureYears());
            m.put("connector_two_state_first_failure_x_m", c.elementX()[rf.twoState().firstFailure().x()]);
            m.put("connector_two_state_first_failure_y_m", c.elementY()[rf.twoState().firstFailure().y()]);
        }
        TestToField.Result q = o.qualification();
        if (q != null) {
            m.put("connector_qualification_acceleration_factor", q.workloadFactor());
            if (!Double.isNaN(q.offOnFactor())) {
                m.put("connector_qualification_power_cycle_acceleration_factor", q.offOnFactor());
            }
            m.put("connector_qualification_field_cycles", q.workloadCycles());
            m.put("connector_qualification_field_life_years", Durations.years(q.lifeSeconds()));
        }
        for (int i = 0; i < MILESTONE_YEARS.length; i++) {
            m.put("connector_reliability_at_" + num(MILESTONE_YEARS[i]) + "y", c.atMilestones()[i]);
        }
        return m;
    }

    /** Summary lines for {@link RunSummary#text()}: the numbers on one line, the limiting dies and notes below. */
    static String text(Map<String, Object> info) {
        StringBuilder sb = new StringBuilder("reliability    ");
        for (var e : info.entrySet()) {
            Object v = e.getValue();
            if (v instanceof List<?> || e.getKey().startsWith("connector_") || e.getKey().startsWith("limiting_"))
                continue;
            if (e.getKey().equals("yield") && info.get("yield_loss") instanceof Double q) {
                sb.append(" yield ").append(probability((Double) v, q).replace("1 - R", "1 - Y")).append(';');
                continue;
            }
            if (e.getKey().equals("yield_loss")) continue;
            if (e.getKey().startsWith("reliability_at_") && info.get("un" + e.getKey()) instanceof Double q) {
                sb.append(' ').append(e.getKey()).append(' ').append(probability((Double) v, q)).append(';');
                continue;
            }
            if (e.getKey().startsWith("unreliability_at_")) continue;
            sb.append(' ').append(e.getKey()).append(' ').append(show(v)).append(';');
        }
        sb.append(System.lineSeparator());
        if (info.get("components") instanceof List<?> comps && !comps.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "components      at the design life (%s years), in series:%n",
                    num((Double) info.get("design_life_years"))));
            for (Object o : comps) {
                Map<?, ?> c = (Map<?, ?>) o;
                sb.append(String.format(Locale.ROOT, "                %-28s", c.get("component")));
                if (c.get("reliability_at_design_life") instanceof Double r) {
                    sb.append(" R ").append(probability(r, (Double) c.get("unreliability_at_design_life")));
                    sb.append(String.format(Locale.ROOT, "; MTTF %.4g years", (Double) c.get("mttf_years")));
                } else if (c.get("shortest_core_mttf_years") instanceof Double mt) {
                    sb.append(String.format(Locale.ROOT, " shortest core MTTF %.4g years (no spares)", mt));
                }
                if (c.get("location") != null) sb.append("; ").append(c.get("location"));
                sb.append(System.lineSeparator());
            }
            sb.append("limiting        ").append(info.get("limiting_component")).append(": ")
                    .append(info.get("limiting_location")).append(System.lineSeparator());
        }
        if (info.get("limiting_dies") instanceof List<?> l && !l.isEmpty()) {
            sb.append("limiting dies   ");
            for (int i = 0; i < l.size(); i++) sb.append(i == 0 ? "" : "; ").append(l.get(i));
            sb.append(System.lineSeparator());
        }
        sb.append("connector       fatigue ").append(info.get("connector_fatigue")).append(System.lineSeparator());
        if (info.get("connector_life_years") instanceof Double life) {
            sb.append("                model ").append(info.get("connector_model")).append(System.lineSeparator());
            sb.append(String.format(Locale.ROOT, "                first failure at (%.1f mm, %.1f mm), %.1f mm from the"
                            + " wafer centre, after %.4g workload cycles (%.4g power cycles): %.4g years; N_f %.4g"
                            + " (workload, d_eps %.4g %%)",
                    1e3 * (Double) info.get("connector_first_failure_x_m"),
                    1e3 * (Double) info.get("connector_first_failure_y_m"),
                    1e3 * (Double) info.get("connector_first_failure_dnp_m"),
                    (Double) info.get("connector_cycles_to_first_failure"),
                    (Double) info.get("connector_power_cycles_to_first_failure"), life,
                    (Double) info.get("connector_workload_cycles_to_failure"),
                    100 * (Double) info.get("connector_workload_strain_range")));
            if (info.get("connector_power_cycle_cycles_to_failure") instanceof Double nb) {
                sb.append(String.format(Locale.ROOT, ", %.4g (power cycle, d_eps %.4g %%)", nb,
                        100 * (Double) info.get("connector_power_cycle_strain_range")));
            }
            sb.append(System.lineSeparator());
            sb.append("                R_connector");
            for (double yr : MILESTONE_YEARS) {
                String k = "connector_reliability_at_" + num(yr) + "y";
                sb.append(' ').append(num(yr)).append(" y ").append(show(info.get(k))).append(';');
            }
            sb.append(String.format(Locale.ROOT, " MTTF %.4g years%n", (Double) info.get("connector_mttf_years")));
            if (info.get("connector_two_state_life_years") instanceof Double two) {
                sb.append(String.format(Locale.ROOT, "                rainflow over %.0f output times of the periodic"
                                + " cycle: damage %.4g per workload cycle at the first failure; the two-state"
                                + " estimate gives %.4g years at (%.1f mm, %.1f mm)%n",
                        (Double) info.get("connector_history_outputs"), (Double) info.get("connector_damage_per_cycle"),
                        two, 1e3 * (Double) info.get("connector_two_state_first_failure_x_m"),
                        1e3 * (Double) info.get("connector_two_state_first_failure_y_m")));
            }
            if (info.get("connector_qualification_field_life_years") instanceof Double ql) {
                sb.append(String.format(Locale.ROOT, "                qualification test implies %.4g workload cycles"
                                + " (AF %.4g) and %.4g years at the first-failure point; the model predicts %.4g"
                                + " years%n", (Double) info.get("connector_qualification_field_cycles"),
                        (Double) info.get("connector_qualification_acceleration_factor"), ql, life));
            }
        }
        if (info.get("notes") instanceof List<?> notes) {
            for (Object n : notes) {
                // said on the connector line above
                if (String.valueOf(n).equals("connector fatigue " + info.get("connector_fatigue"))) continue;
                sb.append("  note: ").append(n).append(System.lineSeparator());
            }
        }
        return sb.toString();
    }

    /** A probability R with its directly computed complement q = 1 − R: "0.93", "1 - 3.1e-09", "1 (1 - R = 7e-124)". */
    static String probability(double r, double q) {
        if (q == 0) return String.format(Locale.ROOT, "1 (1 - R < %.0e)", DieRedundancy.PROBABILITY_FLOOR);
        if (q < 1e-15) return String.format(Locale.ROOT, "1 (1 - R = %.3g)", q);
        if (q < 1e-4) return String.format(Locale.ROOT, "1 - %.3g", q);
        return String.format(Locale.ROOT, "%.6g", r);
    }

    /** A number for the text summary; probabilities close to 1 as "1 - q", which says more than "1.00000". */
    private static String show(Object v) {
        if (!(v instanceof Double d)) return String.valueOf(v);
        if (d == 1) return "1";
        if (d > 0.9999 && d < 1) return String.format(Locale.ROOT, "1 - %.3g", 1 - d);
        return String.format(Locale.ROOT, "%.6g", d);
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
