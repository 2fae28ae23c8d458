package org.wafersim.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wafersim.cases.CaseSpec;
import org.wafersim.cases.CriteriaSpec;
import org.wafersim.geometry.CoreArray;
import org.wafersim.mechanics.MechanicsState;
import org.wafersim.reliability.Durations;

/**
 * One verdict per design: the run judged against the case's {@code criteria} ({@link CriteriaSpec}), one row per
 * criterion with its value, limit, margin, pass/fail and whether the value rests on estimated constants ([E]).
 * The design passes when every evaluated criterion passes; a criterion the run cannot evaluate (its analysis is
 * off, or the model gives no such number) is listed as not evaluated with the reason and does not fail the design.
 * <ul>
 * <li>{@code junction_limit}: the hottest temperature over the whole run: the steady wafer maximum (also of the
 *     pre-start state of a transient that starts from it) and, for transient and cycle runs, the hottest core at
 *     every time step, with when and where;</li>
 * <li>{@code min_reliability}: R_wafer (cores with spares in series with the connector) at the design life [E]
 *     (the wear-out reference lives are estimates);</li>
 * <li>{@code min_connector_life}: life of the first connector contact to fail, by the technology's model;</li>
 * <li>{@code max_connector_strain} (only when given): the largest strain range of a contact in the model's own
 *     measure over the workload and power cycles;</li>
 * <li>{@code max_warpage}: the wafer's peak-to-valley warpage, largest over the mechanics states;</li>
 * <li>{@code max_silicon_stress}: the silicon's peak principal stress over its fracture strength [E], largest over
 *     the states;</li>
 * <li>{@code max_coolant_pressure_drop} (only when given): the coolant model's pressure drop, when it gives one.</li>
 * </ul>
 * Margin: limit − value for an upper limit, value − limit for a lower one, in the criterion's unit; negative = fail.
 *
 * @param rows       one per criterion, in the order above
 * @param pass       whether every evaluated criterion passes
 * @param designLife the design life, s
 */
public record Verdict(List<Row> rows, boolean pass, double designLife) {

    /**
     * One criterion.
     *
     * @param key       the criteria key
     * @param criterion what it is, in words
     * @param unit      unit of value, limit and margin
     * @param value     the run's value, or NaN when not evaluated
     * @param limit     the limit
     * @param upper     whether the limit is an upper one (value ≤ limit passes)
     * @param evaluated whether the run could evaluate it
     * @param estimated whether the value rests on estimated constants ([E])
     * @param note      where/when, or why it was not evaluated
     */
    public record Row(String key, String criterion, String unit, double value, double limit, boolean upper,
                      boolean evaluated, boolean estimated, String note) {
        public double margin() { return !evaluated ? Double.NaN : upper ? limit - value : value - limit; }

        public boolean passes() { return !evaluated || (upper ? value <= limit : value >= limit); }

        public String status() { return !evaluated ? "not evaluated" : passes() ? "pass" : "FAIL"; }
    }

    private static final double KELVIN = org.wafersim.units.Units.ZERO_CELSIUS_K;

    /**
     * The verdict of a run.
     *
     * @param spec    the case
     * @param summary the run's summary (steady wafer maximum)
     * @param tr      the transient outcome, or null
     * @param mech    the mechanics outcome, or null
     * @param rel     the reliability outcome, or null
     * @param cores   the run's cores (for locations)
     */
    public static Verdict of(CaseSpec spec, RunSummary summary, TransientRun.Outcome tr, MechanicsRun.Outcome mech,
                             ReliabilityRun.Outcome rel, CoreArray cores) {
        CriteriaSpec c = spec.criteria();
        List<Row> rows = new ArrayList<>();
        rows.add(junction(spec, summary, tr, cores, c));
        if (rel != null) {
            double r = rel.reliabilityAtDesignLife();
            rows.add(new Row("min_reliability", "wafer reliability at the design life", "1", r, c.minReliability(),
                    false, true, true, "cores with spares" + (rel.connector() != null ? " x connector" : "")));
        } else {
            rows.add(notEvaluated("min_reliability", "wafer reliability at the design life", "1", c.minReliability(),
                    false, "analysis.reliability is off"));
        }
        ReliabilityRun.ConnectorMap cm = rel == null ? null : rel.connector();
        if (cm != null) {
            rows.add(new Row("min_connector_life", "connector life (first contact to fail)", "years",
                    Durations.years(cm.firstFailureLife()), Durations.years(c.minConnectorLife()), false, true,
                    cm.model().estimated(), String.format(Locale.ROOT, "%s at (%.1f mm, %.1f mm)",
                    cm.model().technology(), 1e3 * cm.firstFailureX(), 1e3 * cm.firstFailureY())));
        } else {
            rows.add(notEvaluated("min_connector_life", "connector life (first contact to fail)", "years",
                    Durations.years(c.minConnectorLife()), false, rel == null ? "analysis.reliability is off"
                            : "connector fatigue " + rel.connectorStatus()));
        }
        if (c.maxConnectorStrain() != null) {
            if (cm != null) {
                double m = 0;
                int mx = 0, my = 0;
                for (double[][] a : new double[][][] {cm.workloadRange(), cm.offOnRange()}) {
                    if (a == null) continue;
                    for (int y = 0; y < a.length; y++)
                        for (int x = 0; x < a[y].length; x++)
                            if (a[y][x] > m) { m = a[y][x]; mx = x; my = y; }
                }
                rows.add(new Row("max_connector_strain", "connector contact strain range", "1", m,
                        c.maxConnectorStrain(), true, true, false, String.format(Locale.ROOT, "%s at (%.1f mm, %.1f mm)",
                        cm.model().strainMeasure(), 1e3 * cm.elementX()[mx], 1e3 * cm.elementY()[my])));
            } else {
                rows.add(notEvaluated("max_connector_strain", "connector contact strain range", "1",
                        c.maxConnectorStrain(), true, "needs analysis.mechanics and analysis.reliability"));
            }
        }
        if (mech != null) {
            double warp = -1, ratio = -1;
            String wState = "", sState = "";
            boolean strengthKnown = true;
            // the operating states and, along a transient or cycle, every output time of the mechanics history:
            // the criteria hold over the whole run, as the junction limit does
            List<MechanicsState> states = new ArrayList<>(mech.states());
            List<String> names = new ArrayList<>(mech.states().stream().map(MechanicsState::name).toList());
            if (mech.history() != null) {
                MechanicsHistory.Result h = mech.history();
                for (int k = 0; k < h.size(); k++) {
                    states.add(h.states().get(k));
                    names.add(String.format(Locale.ROOT, "history at t = %.6g s", h.times()[k]));
                }
            }
            for (int i = 0; i < states.size(); i++) {
                MechanicsState s = states.get(i);
                double w = s.warpagePeakToValley(s.waferLaminate());
                if (w > warp) { warp = w; wState = names.get(i); }
                double p1 = s.peakSiliconPrincipal();
                double strength = s.siliconFractureStrength();
                if (!(strength > 0)) { strengthKnown = false; continue; }
                if (p1 / strength > ratio) { ratio = p1 / strength; sState = names.get(i); }
            }
            rows.add(new Row("max_warpage", "wafer warpage, peak to valley", "um", 1e6 * warp, 1e6 * c.maxWarpage(),
                    true, true, false, wState.startsWith("history") ? wState : "state " + wState));
            rows.add(strengthKnown && ratio >= 0
                    ? new Row("max_silicon_stress", "silicon peak principal stress / fracture strength", "1", ratio,
                    c.maxSiliconStress(), true, true, true, sState.startsWith("history") ? sState : "state " + sState)
                    : notEvaluated("max_silicon_stress", "silicon peak principal stress / fracture strength", "1",
                    c.maxSiliconStress(), true, "the wafer material has no fracture_strength"));
        } else {
            rows.add(notEvaluated("max_warpage", "wafer warpage, peak to valley", "um", 1e6 * c.maxWarpage(), true,
                    "analysis.mechanics is off"));
            rows.add(notEvaluated("max_silicon_stress", "silicon peak principal stress / fracture strength", "1",
                    c.maxSiliconStress(), true, "analysis.mechanics is off"));
        }
        if (c.maxCoolantPressureDrop() != null) {
            double dp = summary.powerCoolant() == null || summary.powerCoolant().coolant() == null ? Double.NaN
                    : summary.powerCoolant().coolant().pressureDropPa();
            rows.add(Double.isNaN(dp)
                    ? notEvaluated("max_coolant_pressure_drop", "coolant pressure drop", "kPa",
                    c.maxCoolantPressureDrop() / 1e3, true, "the coolant model gives no pressure drop when"
                            + " cooling.coolant.h is given (no plate geometry)")
                    : new Row("max_coolant_pressure_drop", "coolant pressure drop", "kPa", dp / 1e3,
                    c.maxCoolantPressureDrop() / 1e3, true, true, false, "cold plate"));
        }
        boolean pass = true;
        for (Row r : rows) pass &= r.passes();
        return new Verdict(List.copyOf(rows), pass, c.designLife());
    }

    private static Row notEvaluated(String key, String what, String unit, double limit, boolean upper, String why) {
        return new Row(key, what, unit, Double.NaN, limit, upper, false, false, why);
    }

    /** The hottest temperature over the whole run, when and where. */
    private static Row junction(CaseSpec spec, RunSummary s, TransientRun.Outcome tr, CoreArray cores,
                                CriteriaSpec c) {
        double limitC = c.junctionLimit() - KELVIN;
        if (spec.analysis().thermal() == org.wafersim.cases.CaseSpec.ThermalAnalysis.NONE) {
            return notEvaluated("junction_limit", "junction temperature over the run", "degC", limitC, true,
                    "analysis.thermal is none: the temperatures are mechanics.load's, not a solution");
        }
        boolean fromSteady = tr == null || spec.transientSpec() == null
                || spec.transientSpec().initial() != org.wafersim.cases.TransientSpec.InitialState.AMBIENT;
        double v = fromSteady ? s.waferMaxC() : -Double.MAX_VALUE;
        String where = fromSteady ? (tr == null ? "steady wafer maximum" : "pre-start steady state (t < 0)")
                : "";
        if (s.hottestCore() != null && fromSteady) {
            where += String.format(Locale.ROOT, ", hottest core at die (col %d, row %d)", s.hottestCore().dieColumn(),
                    s.hottestCore().dieRow());
        }
        if (tr != null) {
            TransientRun.Peak p = TransientRun.peak(tr);
            if (p.temperatureC() > v) {
                v = p.temperatureC();
                where = p.describe(cores);
            }
        }
        return new Row("junction_limit", "junction temperature over the run", "degC", v, limitC, true, true, false,
                where);
    }

    /** The verdict for the run's summary (JSON, HDF5 attributes, sweep columns, text). */
    public VerdictSummary summary() {
        List<String> failed = new ArrayList<>();
        for (Row r : rows) if (!r.passes()) failed.add(r.key());
        List<VerdictSummary.Criterion> list = new ArrayList<>();
        for (Row r : rows) {
            list.add(new VerdictSummary.Criterion(r.key(), r.criterion(), r.unit(), r.evaluated() ? r.value() : null,
                    r.limit(), r.upper() ? "max" : "min", r.evaluated() ? r.margin() : null,
                    !r.evaluated() ? VerdictSummary.NOT_EVALUATED : r.passes() ? VerdictSummary.PASSED
                            : VerdictSummary.FAILED, r.estimated(), r.note()));
        }
        return new VerdictSummary(pass, Durations.years(designLife), failed, list);
    }
}
