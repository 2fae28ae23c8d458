package org.wafersim.reliability;

import java.util.ArrayList;
import java.util.List;
import org.wafersim.geometry.CoreArray;
import org.wafersim.linalg.Parallel;
import org.wafersim.reliability.ReliabilityParameters.SpareAccounting;

/**
 * The whole estimate in one call, for the run (DESIGN §1: "solver.reliability (same CoreArray, same fields) ⇒
 * fatigue, wear-out, yield, lifetime"): manufacturing yield ({@link DefectYield}), per-core lifetimes
 * ({@link WearOutModel}), die redundancy and the wafer's R(t) and MTTF ({@link DieRedundancy}), and, when the
 * mechanics provides the connector's strain maps, connector fatigue ({@link ConnectorFatigue}). The wafer's core
 * reliability and the connector's are independent, so the system's R(t) is their product.
 *
 * <p>What goes where in the HDF5 contract (DESIGN §7): {@code /reliability/connector_cycles_to_failure} =
 * {@code connector.workloadCycles()}; {@code /reliability/core_mttf} = {@code lifetimes.rampMttf()} / 3600 (h);
 * attributes {@code wafer_mttf_h} = {@code systemMttf} (or {@code waferMttf} without a connector) / 3600,
 * {@code yield} = {@code yield.waferYield()}, {@code reliability_at_5y} = {@link Report#systemReliabilityAt}(5 y).
 */
public final class ReliabilityEstimator {
    private ReliabilityEstimator() { }

    /** -Dwafersim.trace=true: the cost of each part on standard error. */
    private static final boolean TRACE = Boolean.getBoolean("wafersim.trace");

    /** Number of limiting dies reported. */
    public static final int LIMITING_DIES = 5;

    /**
     * The inputs, as plain arrays and records.
     *
     * @param cores      the run's core array
     * @param conditions per-core temperatures (K) and optional swings and current densities
     * @param workload   connector load of the workload cycle, or null (no connector fatigue)
     * @param offOn      connector load of the off/on cycle, or null (required with a workload load when the duty
     *                   cycle has off/on cycles)
     * @param contacts   contacts per connector map point, or null (1 each)
     */
    public record Inputs(CoreArray cores, CoreConditions conditions, ConnectorLoad workload, ConnectorLoad offOn,
                         double[][] contacts) {
        public static Inputs coresOnly(CoreArray cores, CoreConditions conditions) {
            return new Inputs(cores, conditions, null, null, null);
        }
    }

    /**
     * The estimate.
     *
     * @param yield             manufacturing yield and spares left
     * @param lifetimes         per-core MTTFs (RAMP and per mechanism)
     * @param curve             R(t) of every die and of the wafer's cores at {@link ReliabilityParameters#curveTimes()}
     * @param waferMttf         MTTF of the wafer's cores with redundancy, s
     * @param connector         connector fatigue, or null without a connector load
     * @param systemMttf        MTTF of cores and connector together, s (= waferMttf without a connector)
     * @param limitingDies      the dies with the lowest R at the design life
     * @param dominantMechanism the wear-out mechanism with the largest summed rate, or null
     * @param notes             remarks for the summary
     * @param redundancy        the redundancy model, for further R(t) evaluations
     */
    public record Report(DefectYield.Result yield, CoreLifetimes lifetimes, ReliabilityCurve curve,
                         LifeIntegral.Result waferMttf, ConnectorFatigue.Result connector, LifeIntegral.Result systemMttf,
                         List<DieRedundancy.DieRank> limitingDies, Mechanism dominantMechanism, List<String> notes,
                         DieRedundancy redundancy) {

        /** R_wafer(t)·R_connector(t); t in s. */
        public double systemReliabilityAt(double t) {
            double r = redundancy.curve(new double[] {t}).waferReliability()[0];
            return connector == null ? r : r * connector.population().reliability(t);
        }
    }

    /** Runs the estimate with parameters {@code p}, per-die work on {@code par}. */
    public static Report estimate(Inputs in, ReliabilityParameters p, Parallel par) {
        return estimate(in, p, par, null);
    }

    /**
     * As {@link #estimate(Inputs, ReliabilityParameters, Parallel)} with the connector's fatigue already evaluated
     * (a rainflow count of strain histories, {@link ConnectorRainflow}); null evaluates the inputs' two-state loads.
     */
    public static Report estimate(Inputs in, ReliabilityParameters p, Parallel par, ConnectorFatigue.Result connector) {
        List<String> notes = new ArrayList<>();
        long t0 = System.nanoTime();
        DefectYield.Result yield = DefectYield.evaluate(in.cores(), p);
        long t1 = System.nanoTime();
        CoreLifetimes life = new WearOutModel(p.wearOut()).evaluate(in.cores(), in.conditions(), p.dutyCycle(), par);
        long t2 = System.nanoTime();
        notes.addAll(life.notes());
        DieRedundancy dr = new DieRedundancy(life, p.spareAccounting(),
                p.spareAccounting() == SpareAccounting.AFTER_MANUFACTURING_REPAIR ? yield : null);
        ReliabilityCurve curve = dr.curve(p.curveTimes(), par);
        long t3 = System.nanoTime();
        // the cores' R is remembered: the system integral below needs it at the same times whenever the connector
        // outlives the cores (a spring connector: its first contact fails after ~1e7 years), and a wafer
        // evaluation is the expensive part (the k-out-of-n programme of every die)
        LifeIntegral.Survival coresR = LifeIntegral.memoized(times -> dr.waferReliability(times, par));
        LifeIntegral.Result mttf = LifeIntegral.mttf(coresR, p.designLife(), LifeIntegral.DEFAULT_RELATIVE_TOLERANCE);
        long t4 = System.nanoTime();
        ConnectorFatigue.Result conn = null;
        LifeIntegral.Result system = mttf;
        if (connector != null || in.workload() != null) {
            conn = connector != null ? connector
                    : ConnectorFatigue.evaluate(in.workload(), in.offOn(), p.dutyCycle(), p.connector(), in.contacts());
            notes.addAll(conn.notes());
            ConnectorPopulation pop = conn.population();
            system = LifeIntegral.mttf(times -> {
                double[] r = coresR.at(times);
                for (int k = 0; k < r.length; k++) r[k] *= pop.reliability(times[k]);
                return r;
            }, Math.min(p.designLife(), pop.mttf()), LifeIntegral.DEFAULT_RELATIVE_TOLERANCE);
        }
        long t5 = System.nanoTime();
        List<DieRedundancy.DieRank> worst = dr.limitingDies(p.designLife(), LIMITING_DIES, par);
        if (TRACE)
            System.err.printf("reliability: yield %.3f s, lifetimes %.3f s, curve %.3f s, MTTF %.3f s (%d times), system"
                    + " MTTF %.3f s, limiting dies %.3f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9,
                    (t4 - t3) / 1e9, mttf.evaluations(), (t5 - t4) / 1e9, (System.nanoTime() - t5) / 1e9);
        return new Report(yield, life, curve, mttf, conn, system, worst, life.dominantMechanism(), List.copyOf(notes), dr);
    }
}
