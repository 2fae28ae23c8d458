package org.wafersim.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wafersim.cases.CaseSpec;
import org.wafersim.errors.InputException;
import org.wafersim.cases.CaseSpec.ThermalAnalysis;
import org.wafersim.cases.ReliabilitySpec;
import org.wafersim.geometry.CoreArray;
import org.wafersim.linalg.Parallel;
import org.wafersim.mechanics.MechanicsState;
import org.wafersim.mechanics.StackLayer;
import org.wafersim.reliability.ConnectorFatigue;
import org.wafersim.reliability.ConnectorLoads;
import org.wafersim.reliability.ConnectorPopulation;
import org.wafersim.reliability.CoreConditions;
import org.wafersim.reliability.CoreLifetimes;
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
        ConnectorLoads loads = mech == null ? null : loads(spec, mech, p.connector().model(), notes);
        if (loads == null) {
            // without an off/on load the library must not expect one
            p = p.withDutyCycle(new DutyCycle(p.dutyCycle().cyclesPerDay(), 0));
        }
        ReliabilityEstimator.Inputs in = loads == null ? ReliabilityEstimator.Inputs.coresOnly(cores, cond)
                : new ReliabilityEstimator.Inputs(cores, cond, loads.workload(), loads.offOn(), loads.contacts());
        boolean solderModel = p.connector().model() instanceof org.wafersim.reliability.SolderJoint;
        if (loads != null && solderModel) checkExponent(spec, p, loads);
        // a cycle run with the mechanics along its periodic cycle: rainflow on each point's history
        ConnectorHistoryFatigue.Evaluated rainflow = loads != null && swings && mech.history() != null
                && mech.history().size() >= 2
                ? ConnectorHistoryFatigue.evaluate(mech, loads.present(), p, loads.contacts(), loads.workload(), loads.offOn(),
                        notes) : null;
        if (solderModel && rainflow != null && rainflow.loK() <= rainflow.hiK()) {
            checkExponent(spec, p, rainflow.loK(), rainflow.hiK(), "the joint temperatures along the cycle");
        }
        ReliabilityEstimator.Report rep;
        double[] wafer, dieAtLife, dieQ, waferQ;
        {   // on the run's thread pool
            long te = System.nanoTime();
            rep = ReliabilityEstimator.estimate(in, p, par, rainflow == null ? null : rainflow.maps().fatigue());
            long tc = System.nanoTime();
            ReliabilityCurve at = rep.redundancy().curve(times, par);
            if (Boolean.getBoolean("wafersim.trace"))
                System.err.printf("reliability: before the estimate %.3f s, estimate %.3f s, milestones %.3f s%n",
                        (te - t0) / 1e9, (tc - te) / 1e9, (System.nanoTime() - tc) / 1e9);
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
            cm = new ConnectorMap(rep.connector(), loads.present(), loads.ex(), loads.ey(), loads.cx(), loads.cy(),
                    loads.workload().shearStrainRange(), loads.offOn() == null ? null : loads.offOn().shearStrainRange(),
                    loads.workload().meanTemperatureK(), loads.offOn() == null ? null : loads.offOn().meanTemperatureK(), rc,
                    p.connector().model(), loads.layerWorkload(), loads.layerOffOn(), loads.layerThickness());
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
                    + " geometry), %.4g contacts in all", num(1e3 * loads.pitch()), loads.totalContacts()));
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
     * Backstop of the case reader's up-front check: Engelmaier's exponent c must be negative
     * at the joint temperatures the solve produced (c is linear in T, so the extremes of the map suffice); a
     * case whose joints end up outside the range checked up front gets an input error (exit code 2) naming the
     * constants, not an exception from the middle of the library.
     */
    private static void checkExponent(CaseSpec spec, ReliabilityParameters p, ConnectorLoads loads) {
        double[] range = loads.meanTemperatureRangeK();
        if (range[0] > range[1]) return;
        checkExponent(spec, p, range[0], range[1], "the run's mean joint temperatures");
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
     * The loads from the mechanics states "full" and "idle" ({@link ConnectorLoads}; null, with a note, when there
     * is no full-load state or no connector).
     */
    private static ConnectorLoads loads(CaseSpec spec, MechanicsRun.Outcome mech, FatigueModel model, List<String> notes) {
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
        StackLayer w = mech.model().model().layers().get(mech.model().waferLayer());
        return ConnectorLoads.of(full, idle, mech.model().model().mesh(), w, layerThickness(mech, full.connectorLayer()),
                mech.model().setup().stressFreeK(), spec.reliabilitySpec().pitch(), model);
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
    private static TestToField.Result qualification(CaseSpec spec, ReliabilityParameters p, ConnectorLoads loads,
                                                    ConnectorHistoryFatigue.Evaluated rainflow,
                                                    ConnectorFatigue.FirstFailure ff, List<String> notes) {
        org.wafersim.cases.QualificationSpec q = spec.reliabilitySpec().qualification();
        if (rainflow != null) loads = loads.withTemperatures(rainflow.minK(), rainflow.maxK());
        TestToField.Test test = new TestToField.Test(q.lowK(), q.highK(), q.cyclesPerDay(), q.medianCycles());
        TestToField.Result r = TestToField.translate(p.connector().acceleration(), test, loads.minK()[ff.y()][ff.x()],
                loads.maxK()[ff.y()][ff.x()], loads.offK(), p.dutyCycle());
        var nl = p.connector().acceleration();
        notes.add(String.format(Locale.ROOT, "connector qualification: %s/%s degC at %s cycles per day (dwell %s min),"
                        + " median %.4g cycles to failure; Norris-Landzberg (1969) with n %s, m %s, Ea/k %s K: AF %.4g"
                        + " for the workload cycle at the first-failure point (joint %.1f -> %.1f degC)",
                num(q.lowK() - KELVIN), num(q.highK() - KELVIN), num(q.cyclesPerDay()), num(q.dwell() / 60),
                q.medianCycles(), num(nl.deltaTExponent()), num(nl.frequencyExponent()), num(nl.eaOverK()),
                r.workloadFactor(), loads.minK()[ff.y()][ff.x()] - KELVIN, loads.maxK()[ff.y()][ff.x()] - KELVIN));
        return r;
    }

    /**
     * Contacts per element [y][x]: n_e = A_e/p² (A_e = dx·dy, p the contact pitch) where the connector exists, 0
     * elsewhere. Counting contacts by area (weakest link: an element of n_e contacts has R = R_contact^n_e) makes
     * the connector's population R(t) = exp[−ln2·Σ_e n_e·(t/L_e)^β] an area integral of the life field, which
     * converges with the mesh instead of growing with the number of elements. n_e need not be a whole number: it
     * is a density times an area.
     */

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
