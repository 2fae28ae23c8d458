package org.wafersim.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wafersim.cases.CaseSpec;
import org.wafersim.cases.CaseSpec.ThermalAnalysis;
import org.wafersim.cases.ReliabilitySpec;
import org.wafersim.geometry.CoreArray;
import org.wafersim.linalg.Parallel;
import org.wafersim.reliability.CoreConditions;
import org.wafersim.reliability.CoreLifetimes;
import org.wafersim.reliability.DieRedundancy;
import org.wafersim.reliability.Durations;
import org.wafersim.reliability.Mechanism;
import org.wafersim.reliability.ReliabilityCurve;
import org.wafersim.reliability.ReliabilityEstimator;
import org.wafersim.reliability.ReliabilityParameters;

/**
 * The reliability part of a run ({@code analysis.reliability: true}, DESIGN §1, §4): core wear-out, die redundancy
 * with spares and manufacturing yield by {@link ReliabilityEstimator}, on the run's own {@link CoreArray} and its
 * per-core temperatures, in core-index order:
 * <ul>
 * <li>steady run: each core's steady temperature; thermal cycling is not evaluated (a steady state has no swing);</li>
 * <li>cycle run: each core's cycle-mean temperature and its temperature swing over the periodic cycle, which drives
 *     the thermal-cycling mechanism at {@code cycling.per_day} cycles per day.</li>
 * </ul>
 * Connector fatigue needs the connector's shear strain from the thermo-mechanical solver (issue 5), which does not
 * exist yet: it is not evaluated and the outputs say so ({@link #CONNECTOR_FATIGUE}); no strain is made up.
 */
public final class ReliabilityRun {
    private static final double KELVIN = 273.15;
    /** What the outputs say about connector fatigue. */
    public static final String CONNECTOR_FATIGUE = "not evaluated: needs the thermo-mechanical solver (issue 5)";
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
     * @param seconds             wall time of the estimate, s
     */
    public record Outcome(ReliabilityParameters parameters, ReliabilityEstimator.Report report,
                          double[] milestoneTimes, double[] waferAtMilestones, double[] dieAtDesignLife,
                          int[] dominantCode, List<String> notes, boolean cycleSwings, double seconds) {

        public CoreLifetimes lifetimes() { return report.lifetimes(); }

        public ReliabilityCurve curve() { return report.curve(); }

        /** Wafer MTTF (cores with spares), s. */
        public double waferMttf() { return report.waferMttf().mttf(); }

        public double yield() { return report.yield().waferYield(); }

        /** R_wafer at the design life. */
        public double reliabilityAtDesignLife() { return waferAtMilestones[MILESTONE_YEARS.length]; }
    }

    private ReliabilityRun() { }

    /**
     * Evaluates the estimate.
     *
     * @param spec     the case
     * @param p        its parameters ({@link ReliabilityCaseParameters#of}, built before the solve)
     * @param cores    the run's core array
     * @param coreTK   the steady per-core temperatures, K (core-index order)
     * @param cycle    the transient outcome of a cycle run (cycle-mean temperatures and swings), or null
     * @param threads  worker threads (0 = all processors)
     */
    public static Outcome run(CaseSpec spec, ReliabilityParameters p, CoreArray cores, double[] coreTK,
                              TransientRun.Outcome cycle, int threads) {
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
        ReliabilityEstimator.Report rep;
        double[] wafer, dieAtLife;
        try (Parallel par = new Parallel(threads)) {
            rep = ReliabilityEstimator.estimate(ReliabilityEstimator.Inputs.coresOnly(cores, cond), p, par);
            ReliabilityCurve at = rep.redundancy().curve(times, par);
            wafer = at.waferReliability();
            dieAtLife = new double[cores.dieCount()];
            for (int d = 0; d < dieAtLife.length; d++) dieAtLife[d] = at.dieReliability()[d][MILESTONE_YEARS.length];
        }
        notes.addAll(rep.notes());
        if (rep.lifetimes().mechanisms().isEmpty()) {
            notes.add("wear-out: no mechanism evaluated: the cores never fail (wafer MTTF infinite)");
        }
        notes.add("connector fatigue " + CONNECTOR_FATIGUE);
        CoreLifetimes life = rep.lifetimes();
        int[] code = new int[cores.coreCount()];
        for (int c = 0; c < code.length; c++) {
            Mechanism m = life.dominantMechanism(c);
            code[c] = m == null ? -1 : ReliabilitySpec.MECHANISMS.indexOf(m.key());
        }
        return new Outcome(p, rep, times, wafer, dieAtLife, code, List.copyOf(notes), swings,
                (System.nanoTime() - t0) / 1e9);
    }

    /** The headline numbers for the run summary ({@code reliabilityInfo}; text and JSON). */
    public static Map<String, Object> summaryOf(Outcome o, CoreArray cores) {
        Map<String, Object> m = new LinkedHashMap<>();
        var rep = o.report();
        m.put("yield", o.yield());
        m.put("spares", cores.coreCount() - cores.activeCoreCount());
        m.put("expected_spares_left", rep.yield().totalSparesLeft());
        m.put("wafer_mttf_h", Durations.hours(o.waferMttf()));
        m.put("wafer_mttf_years", Durations.years(o.waferMttf()));
        for (int i = 0; i < MILESTONE_YEARS.length; i++) {
            m.put("reliability_at_" + num(MILESTONE_YEARS[i]) + "y", o.waferAtMilestones()[i]);
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
        m.put("limiting_dies", limiting);
        m.put("connector_fatigue", CONNECTOR_FATIGUE);
        m.put("notes", o.notes());
        m.put("seconds", o.seconds());
        return m;
    }

    /** Summary lines for {@link RunSummary#text()}: the numbers on one line, the limiting dies and notes below. */
    static String text(Map<String, Object> info) {
        StringBuilder sb = new StringBuilder("reliability    ");
        for (var e : info.entrySet()) {
            Object v = e.getValue();
            if (v instanceof List<?> || e.getKey().equals("connector_fatigue")) continue;
            sb.append(' ').append(e.getKey()).append(' ').append(show(v)).append(';');
        }
        sb.append(System.lineSeparator());
        if (info.get("limiting_dies") instanceof List<?> l && !l.isEmpty()) {
            sb.append("limiting dies   ");
            for (int i = 0; i < l.size(); i++) sb.append(i == 0 ? "" : "; ").append(l.get(i));
            sb.append(System.lineSeparator());
        }
        sb.append("connector       fatigue ").append(info.get("connector_fatigue")).append(System.lineSeparator());
        if (info.get("notes") instanceof List<?> notes) {
            for (Object n : notes) {
                if (String.valueOf(n).startsWith("connector fatigue")) continue;   // said on the line above
                sb.append("  note: ").append(n).append(System.lineSeparator());
            }
        }
        return sb.toString();
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
