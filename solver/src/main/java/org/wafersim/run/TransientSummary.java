package org.wafersim.run;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The transient part of a run's summary ({@code transientInfo} in JSON, attributes of {@code /transient}): the
 * integration's cost and energy balance, the hottest core's peak over the run (t ≥ 0), the cycle statistics of a
 * cycle run, the step-response times and the stage's wall time. Temperatures in degC, differences in K, times in s,
 * energies in J.
 *
 * @param cycles       the periodic-state statistics, null for a run without cycles
 * @param stepResponse times to 63.2 %, 90 % and 99 % of the first power change ({@code PROBE_tFRAC_s}, s), only
 *                     those the response reaches
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransientSummary(
        @JsonProperty("end_s") double endS,
        int steps,
        @JsonProperty("rejected_steps") int rejectedSteps,
        @JsonProperty("cg_iterations") int cgIterations,
        @JsonProperty("energy_in_J") double energyInJ,
        @JsonProperty("energy_out_J") double energyOutJ,
        @JsonProperty("energy_stored_J") double energyStoredJ,
        @JsonProperty("energy_balance_rel") double energyBalanceRel,
        @JsonProperty("hottest_core_peak_C") double hottestCorePeakC,
        @JsonProperty("hottest_core_peak_time_s") double hottestCorePeakTimeS,
        @JsonProperty("hottest_core_peak_core") int hottestCorePeakCore,
        @JsonProperty("hottest_core_swing_K") double hottestCoreSwingK,
        @JsonUnwrapped Cycles cycles,
        @JsonAnyGetter Map<String, Double> stepResponse,
        double seconds) {

    public TransientSummary {
        stepResponse = Collections.unmodifiableMap(new LinkedHashMap<>(stepResponse));
    }

    /**
     * @param cycles          cycles run
     * @param periodic        whether the last cycle repeats the one before within the tolerance
     * @param periodicChangeK the largest change of a core's temperature between the last two cycles, K
     * @param coreSwingMaxK   largest core swing (max − min) of the last cycle, K
     * @param coreSwingMeanK  mean core swing of the last cycle, K
     */
    public record Cycles(int cycles, boolean periodic, @JsonProperty("periodic_change_K") double periodicChangeK,
                         @JsonProperty("core_swing_max_K") double coreSwingMaxK,
                         @JsonProperty("core_swing_mean_K") double coreSwingMeanK) { }

    /** The summary of a transient outcome. */
    public static TransientSummary of(TransientRun.Outcome o) {
        var r = o.totals();
        var s = o.series();
        TransientRun.Peak pk = TransientRun.peak(o);
        Cycles cyc = null;
        if (o.cycles() > 0) {
            double maxSwing = 0, meanSwing = 0;
            for (double v : o.coreSwingK()) {
                maxSwing = Math.max(maxSwing, v);
                meanSwing += v;
            }
            cyc = new Cycles(o.cycles(), o.periodic(), o.periodicChangeK(), maxSwing, meanSwing / o.coreSwingK().length);
        }
        return new TransientSummary(s.time().get(s.time().size() - 1), r.steps(), r.rejected(), r.cgIterations(),
                r.energyInJ(), r.energyOutJ(), r.energyStoredJ(), r.balanceRelError(), pk.temperatureC(), pk.time(),
                pk.core(), pk.temperatureC() - pk.minC(), cyc, o.timeConstants(), r.seconds());
    }

    /** The peak line that opens the text summary of a transient run (the steady lines below are the state before t = 0). */
    String peakText() {
        return String.format("transient peak  hottest core %.2f degC at t = %.6g s (core %s); swing %.2f K over the run%s%n",
                hottestCorePeakC, hottestCorePeakTimeS, hottestCorePeakCore, hottestCoreSwingK, cycles != null
                        ? String.format(", largest core swing of the last cycle %.2f K", cycles.coreSwingMaxK()) : "");
    }

    /** The line of every number, as in the JSON. */
    String text() {
        return "transient      " + SummaryFields.line(this, Locale.getDefault(Locale.Category.FORMAT))
                + System.lineSeparator();
    }
}
