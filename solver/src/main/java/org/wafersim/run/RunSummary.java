package org.wafersim.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headline numbers of one run (printed as text, or as JSON with {@code --json}). Temperatures in degC, heat in W,
 * times in s; the JSON field names carry their units.
 */
public record RunSummary(
        String caseName,
        String output,
        int nx, int ny, int nz, long cells,
        double powerW,
        double waferMaxC, double waferMeanC, double waferMinC,
        double coreMaxC, double coreMinC, double coreSpreadK,
        HottestCore hottestCore,
        Map<String, Double> heatOutW,
        double balanceRelError,
        double rJunctionCoolantKPerW,
        int picardIterations, int cgIterations, double finalRelResidual, int multigridLevels,
        Map<String, Double> stageSeconds,
        double wallSeconds,
        long estimatedBytes,
        long peakHeapBytes,
        Map<String, Long> stageHeapBytes,
        String coolingMode,
        double leakageW,
        double coolantOutletC,
        double rJunctionMaxCoolantKPerW,
        Map<String, Double> interfaceHeatW,
        boolean feasible,
        double junctionLimitC,
        @JsonProperty(RunSummary.TRANSIENT) TransientSummary transientInfo,
        @JsonProperty(RunSummary.RELIABILITY) ReliabilitySummary reliabilityInfo,
        @JsonProperty(RunSummary.MECHANICS) MechanicsSummary mechanicsInfo,
        PowerCoolantSummary powerCoolant,
        @JsonProperty(RunSummary.VERDICT) VerdictSummary verdict) {

    private static final double GIB = 1024.0 * 1024.0 * 1024.0;

    /** JSON names of the stages' parts (the sweep's table reads them back from the point records). */
    public static final String TRANSIENT = "transientInfo", RELIABILITY = "reliabilityInfo",
            MECHANICS = "mechanicsInfo", VERDICT = "verdict";

    public RunSummary {
        heatOutW = Collections.unmodifiableMap(new LinkedHashMap<>(heatOutW));
        stageSeconds = Collections.unmodifiableMap(new LinkedHashMap<>(stageSeconds));
        stageHeapBytes = stageHeapBytes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(stageHeapBytes));
        interfaceHeatW = Collections.unmodifiableMap(new LinkedHashMap<>(interfaceHeatW));
    }

    /**
     * A copy with the run's verdict ({@link Verdict#summary}); {@code feasible} becomes the verdict's pass and the
     * junction limit the criteria's.
     */
    public RunSummary withVerdict(VerdictSummary v, double junctionLimit) {
        return copy(output, v.pass(), junctionLimit, transientInfo, reliabilityInfo,
                mechanicsInfo, powerCoolant, v);
    }

    /** A copy with the transient part of the run. */
    public RunSummary withTransient(TransientSummary info) {
        return copy(output, feasible, junctionLimitC, info, reliabilityInfo, mechanicsInfo, powerCoolant, verdict);
    }

    /** A copy with the reliability part of the run. */
    public RunSummary withReliability(ReliabilitySummary info) {
        return copy(output, feasible, junctionLimitC, transientInfo, info, mechanicsInfo, powerCoolant, verdict);
    }

    /** A copy with the mechanics part of the run. */
    public RunSummary withMechanics(MechanicsSummary info) {
        return copy(output, feasible, junctionLimitC, transientInfo, reliabilityInfo, info, powerCoolant, verdict);
    }

    /** A copy with the power and coolant part of the run. */
    public RunSummary withPowerCoolant(PowerCoolantSummary pc) {
        return copy(output, feasible, junctionLimitC, transientInfo, reliabilityInfo, mechanicsInfo, pc, verdict);
    }

    /** A copy naming the result file. */
    public RunSummary withOutput(String out) {
        return copy(out, feasible, junctionLimitC, transientInfo, reliabilityInfo, mechanicsInfo, powerCoolant, verdict);
    }

    /** This summary with the parts that the later stages add (the headline numbers of the thermal stage stay). */
    private RunSummary copy(String out, boolean feasibleNow, double limitC, TransientSummary tr,
                            ReliabilitySummary rel, MechanicsSummary mech, PowerCoolantSummary pc, VerdictSummary v) {
        return new RunSummary(caseName, out, nx, ny, nz, cells, powerW, waferMaxC, waferMeanC, waferMinC, coreMaxC,
                coreMinC, coreSpreadK, hottestCore, heatOutW, balanceRelError, rJunctionCoolantKPerW,
                picardIterations, cgIterations, finalRelResidual, multigridLevels, stageSeconds, wallSeconds,
                estimatedBytes, peakHeapBytes, stageHeapBytes, coolingMode, leakageW, coolantOutletC, rJunctionMaxCoolantKPerW,
                interfaceHeatW, feasibleNow, limitC, tr, rel, mech, pc, v);
    }

    /** {@link #coolingMode} of a run without a thermal solve (analysis.thermal: none). */
    public static final String NO_THERMAL = "none (no thermal solve)";

    /** The text of a run without a thermal solve: the prescribed temperatures, then the mechanics and the verdict. */
    private String prescribedText(StringBuilder sb) {
        sb.append("thermal         none: no thermal solve (analysis.thermal: none)").append(System.lineSeparator());
        if (powerCoolant != null) sb.append(powerCoolant.text());
        sb.append(String.format("load T          wafer max %.2f degC, mean %.2f degC, min %.2f degC%n", waferMaxC,
                waferMeanC, waferMinC));
        costText(sb);
        if (mechanicsInfo != null) sb.append(mechanicsInfo.text());
        if (output != null) sb.append("result          ").append(output).append(System.lineSeparator());
        if (verdict != null) sb.append(verdict.text());
        sb.append(String.format("status          %s (exit %d): %s%n", status(), exitCode(), statusMessage()));
        return sb.toString();
    }

    /**
     * The wall time per stage, and the heap: the run's estimate and the peak used (sums of the heap pools' peaks, for
     * the run and per stage, see {@link HeapPeaks}).
     */
    private void costText(StringBuilder sb) {
        sb.append(String.format("wall time       %.2f s (", wallSeconds));
        boolean first = true;
        for (var e : stageSeconds.entrySet()) {
            sb.append(first ? "" : ", ").append(String.format("%s %.2f s", e.getKey(), e.getValue()));
            first = false;
        }
        sb.append(')').append(System.lineSeparator());
        sb.append(String.format("heap            estimate %.2f GiB, peak used %.2f GiB", estimatedBytes / GIB,
                peakHeapBytes / GIB));
        first = true;
        for (var e : stageHeapBytes.entrySet()) {
            sb.append(first ? " (" : ", ").append(String.format("%s %.2f", e.getKey(), e.getValue() / GIB));
            first = false;
        }
        sb.append(first ? "" : " GiB)").append(System.lineSeparator());
    }

    /** The hottest core: its index, die (column, row), position in the die (column, row) and temperature. */
    public record HottestCore(int core, int dieColumn, int dieRow, int coreColumn, int coreRow, double temperatureC) { }

    /** Status words of a completed run (a run that stops has its failure's kind instead: thermal_runaway, ...). */
    public static final String OK = "ok", INFEASIBLE = "infeasible", CRITERIA_FAILED = "criteria_failed";
    /** The criterion whose failure makes a design infeasible rather than failing other criteria. */
    static final String JUNCTION_LIMIT = "junction_limit";

    /**
     * The outcome of this completed run, the one word that text, JSON ({@code status}) and HDF5 ({@code /status})
     * carry: {@code ok} (every criterion met, exit 0); {@code infeasible} (the junction temperature exceeds its limit
     * somewhere over the run: the package cannot keep the silicon within what it may run at, exit 1); or
     * {@code criteria_failed} (the thermal design holds, another criterion fails: reliability, connector life,
     * warpage, stress, pressure drop; exit 1). Stopped runs use their failure's kind ({@code thermal_runaway},
     * {@code not_converged}, {@code infeasible} for a power no operating point reaches).
     */
    public String status() {
        if (verdict == null) return feasible ? OK : INFEASIBLE;
        if (verdict.pass()) return OK;
        return verdict.failed().contains(JUNCTION_LIMIT) ? INFEASIBLE : CRITERIA_FAILED;
    }

    /** The process exit code of {@link #status()}: 0 for ok, 1 otherwise. */
    public int exitCode() { return OK.equals(status()) ? 0 : 1; }

    /** One sentence on the outcome, for {@code /status@message} and the text. */
    public String statusMessage() {
        return switch (status()) {
            case OK -> "the run completed and the design meets every criterion";
            case INFEASIBLE -> junctionMessage();
            default -> "the design fails the criteria " + verdict.failed();
        };
    }

    /** "the junction temperature reaches 130.2 degC, above its 125 degC limit (where, when)". */
    private String junctionMessage() {
        double v = waferMaxC, limit = junctionLimitC;
        String note = "steady wafer maximum";
        if (verdict != null) {
            for (VerdictSummary.Criterion r : verdict.criteria()) {
                if (!JUNCTION_LIMIT.equals(r.criterion())) continue;
                if (r.value() != null) v = r.value();
                limit = r.limit();
                note = String.valueOf(r.note());
            }
        }
        String extra = verdict != null && verdict.failed().size() > 1
                ? "; it also fails " + verdict.failed().stream().filter(k -> !JUNCTION_LIMIT.equals(k)).toList() : "";
        return String.format(java.util.Locale.ROOT, "infeasible design: the junction temperature reaches %.4g degC,"
                + " above its %.4g degC limit (%s)%s", v, limit, note, extra);
    }

    /** Human-readable summary lines. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("case %s: %d x %d x %d = %,d cells%n", caseName, nx, ny, nz, cells));
        if (NO_THERMAL.equals(coolingMode)) return prescribedText(sb);
        sb.append(String.format("cooling         %s%n", coolingMode));
        if (transientInfo != null) {
            // a transient is judged over its whole run: the peak over time first; the steady lines below are the
            // state before t = 0
            sb.append(transientInfo.peakText());
            sb.append("pre-start state (steady, t < 0; the transient's initial condition unless transient.initial = ambient):")
                    .append(System.lineSeparator());
        }
        if (powerCoolant != null && powerCoolant.power() != null) sb.append(powerCoolant.text());
        else sb.append(String.format("power           %.1f W (leakage %.1f W)%n", powerW, leakageW));
        sb.append(String.format("wafer T         max %.2f degC, mean %.2f degC, min %.2f degC%n", waferMaxC, waferMeanC, waferMinC));
        if (hottestCore != null)
            sb.append(String.format("hottest core    %.2f degC at die (col %d, row %d), core (col %d, row %d); core spread %.2f K%n",
                    hottestCore.temperatureC(), hottestCore.dieColumn(), hottestCore.dieRow(),
                    hottestCore.coreColumn(), hottestCore.coreRow(), coreSpreadK));
        sb.append("heat out       ");
        for (var e : heatOutW.entrySet())
            sb.append(String.format(" %s %.1f W (%.2f %%);", e.getKey(), e.getValue(), 100 * e.getValue() / powerW));
        sb.append(System.lineSeparator());
        if (!Double.isNaN(coolantOutletC) && (powerCoolant == null || powerCoolant.coolant() == null))
            sb.append(String.format("coolant outlet  %.2f degC (mixed mean)%n", coolantOutletC));
        sb.append("layer interfaces");
        for (var e : interfaceHeatW.entrySet()) sb.append(String.format(" %s %.1f W;", e.getKey(), e.getValue()));
        sb.append(System.lineSeparator());
        sb.append(String.format("energy balance  (in - out)/in = %.2e%n", balanceRelError));
        sb.append(String.format("R junction-coolant %.4e K/W (mean active layer - inlet) / P, %.4e K/W (max wafer - inlet) / P%n",
                rJunctionCoolantKPerW, rJunctionMaxCoolantKPerW));
        if (verdict == null && !feasible)
            sb.append(String.format("INFEASIBLE      the wafer reaches %.1f degC, above the %.0f degC junction limit%n",
                    waferMaxC, junctionLimitC));
        sb.append(String.format("solver          %d Picard, %d CG iterations, residual %.1e, %d multigrid levels%n",
                picardIterations, cgIterations, finalRelResidual, multigridLevels));
        costText(sb);
        if (transientInfo != null) sb.append(transientInfo.text());
        if (mechanicsInfo != null) sb.append(mechanicsInfo.text());
        if (reliabilityInfo != null) sb.append(reliabilityInfo.text());
        if (output != null) sb.append("result          ").append(output).append(System.lineSeparator());
        if (verdict != null) sb.append(verdict.text());
        sb.append(String.format("status          %s (exit %d): %s%n", status(), exitCode(), statusMessage()));
        return sb.toString();
    }
}
