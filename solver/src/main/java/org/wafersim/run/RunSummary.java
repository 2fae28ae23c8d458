package org.wafersim.run;

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
        String coolingMode,
        double leakageW,
        double coolantOutletC,
        double rJunctionMaxCoolantKPerW,
        Map<String, Double> interfaceHeatW,
        boolean feasible,
        double junctionLimitC,
        Map<String, Object> transientInfo,
        Map<String, Object> reliabilityInfo,
        Map<String, Object> mechanicsInfo,
        PowerCoolantSummary powerCoolant) {

    public RunSummary {
        mechanicsInfo = mechanicsInfo == null ? null : new LinkedHashMap<>(mechanicsInfo);
        heatOutW = new LinkedHashMap<>(heatOutW);
        stageSeconds = new LinkedHashMap<>(stageSeconds);
        interfaceHeatW = new LinkedHashMap<>(interfaceHeatW);
        transientInfo = transientInfo == null ? null : new LinkedHashMap<>(transientInfo);
        reliabilityInfo = reliabilityInfo == null ? null : new LinkedHashMap<>(reliabilityInfo);
    }

    /** The form without the reliability part (summaries built before reliability runs existed). */
    public RunSummary(String caseName, String output, int nx, int ny, int nz, long cells, double powerW,
                      double waferMaxC, double waferMeanC, double waferMinC, double coreMaxC, double coreMinC,
                      double coreSpreadK, HottestCore hottestCore, Map<String, Double> heatOutW, double balanceRelError,
                      double rJunctionCoolantKPerW, int picardIterations, int cgIterations, double finalRelResidual,
                      int multigridLevels, Map<String, Double> stageSeconds, double wallSeconds, long estimatedBytes,
                      long peakHeapBytes, String coolingMode, double leakageW, double coolantOutletC,
                      double rJunctionMaxCoolantKPerW, Map<String, Double> interfaceHeatW, boolean feasible,
                      double junctionLimitC, Map<String, Object> transientInfo) {
        this(caseName, output, nx, ny, nz, cells, powerW, waferMaxC, waferMeanC, waferMinC, coreMaxC, coreMinC,
                coreSpreadK, hottestCore, heatOutW, balanceRelError, rJunctionCoolantKPerW, picardIterations,
                cgIterations, finalRelResidual, multigridLevels, stageSeconds, wallSeconds, estimatedBytes,
                peakHeapBytes, coolingMode, leakageW, coolantOutletC, rJunctionMaxCoolantKPerW, interfaceHeatW,
                feasible, junctionLimitC, transientInfo, null, null, null);
    }

    /** The steady-state form (no transient part). */
    public RunSummary(String caseName, String output, int nx, int ny, int nz, long cells, double powerW,
                      double waferMaxC, double waferMeanC, double waferMinC, double coreMaxC, double coreMinC,
                      double coreSpreadK, HottestCore hottestCore, Map<String, Double> heatOutW, double balanceRelError,
                      double rJunctionCoolantKPerW, int picardIterations, int cgIterations, double finalRelResidual,
                      int multigridLevels, Map<String, Double> stageSeconds, double wallSeconds, long estimatedBytes,
                      long peakHeapBytes, String coolingMode, double leakageW, double coolantOutletC,
                      double rJunctionMaxCoolantKPerW, Map<String, Double> interfaceHeatW, boolean feasible,
                      double junctionLimitC) {
        this(caseName, output, nx, ny, nz, cells, powerW, waferMaxC, waferMeanC, waferMinC, coreMaxC, coreMinC,
                coreSpreadK, hottestCore, heatOutW, balanceRelError, rJunctionCoolantKPerW, picardIterations,
                cgIterations, finalRelResidual, multigridLevels, stageSeconds, wallSeconds, estimatedBytes,
                peakHeapBytes, coolingMode, leakageW, coolantOutletC, rJunctionMaxCoolantKPerW, interfaceHeatW,
                feasible, junctionLimitC, null);
    }

    /** A copy with the transient part of the run. */
    public RunSummary withTransient(Map<String, Object> info) {
        return new RunSummary(caseName, output, nx, ny, nz, cells, powerW, waferMaxC, waferMeanC, waferMinC, coreMaxC,
                coreMinC, coreSpreadK, hottestCore, heatOutW, balanceRelError, rJunctionCoolantKPerW,
                picardIterations, cgIterations, finalRelResidual, multigridLevels, stageSeconds, wallSeconds,
                estimatedBytes, peakHeapBytes, coolingMode, leakageW, coolantOutletC, rJunctionMaxCoolantKPerW,
                interfaceHeatW, feasible, junctionLimitC, info, reliabilityInfo, mechanicsInfo, powerCoolant);
    }

    /** A copy with the reliability part of the run. */
    public RunSummary withReliability(Map<String, Object> info) {
        return new RunSummary(caseName, output, nx, ny, nz, cells, powerW, waferMaxC, waferMeanC, waferMinC, coreMaxC,
                coreMinC, coreSpreadK, hottestCore, heatOutW, balanceRelError, rJunctionCoolantKPerW,
                picardIterations, cgIterations, finalRelResidual, multigridLevels, stageSeconds, wallSeconds,
                estimatedBytes, peakHeapBytes, coolingMode, leakageW, coolantOutletC, rJunctionMaxCoolantKPerW,
                interfaceHeatW, feasible, junctionLimitC, transientInfo, info, mechanicsInfo, powerCoolant);
    }

    /** A copy with the mechanics part of the run. */
    public RunSummary withMechanics(Map<String, Object> info) {
        return new RunSummary(caseName, output, nx, ny, nz, cells, powerW, waferMaxC, waferMeanC, waferMinC, coreMaxC,
                coreMinC, coreSpreadK, hottestCore, heatOutW, balanceRelError, rJunctionCoolantKPerW,
                picardIterations, cgIterations, finalRelResidual, multigridLevels, stageSeconds, wallSeconds,
                estimatedBytes, peakHeapBytes, coolingMode, leakageW, coolantOutletC, rJunctionMaxCoolantKPerW,
                interfaceHeatW, feasible, junctionLimitC, transientInfo, reliabilityInfo, info, powerCoolant);
    }

    /** A copy with the power and coolant part of the run. */
    public RunSummary withPowerCoolant(PowerCoolantSummary pc) {
        return new RunSummary(caseName, output, nx, ny, nz, cells, powerW, waferMaxC, waferMeanC, waferMinC, coreMaxC,
                coreMinC, coreSpreadK, hottestCore, heatOutW, balanceRelError, rJunctionCoolantKPerW,
                picardIterations, cgIterations, finalRelResidual, multigridLevels, stageSeconds, wallSeconds,
                estimatedBytes, peakHeapBytes, coolingMode, leakageW, coolantOutletC, rJunctionMaxCoolantKPerW,
                interfaceHeatW, feasible, junctionLimitC, transientInfo, reliabilityInfo, mechanicsInfo, pc);
    }

    /** A copy naming the result file. */
    public RunSummary withOutput(String out) {
        return new RunSummary(caseName, out, nx, ny, nz, cells, powerW, waferMaxC, waferMeanC, waferMinC, coreMaxC,
                coreMinC, coreSpreadK, hottestCore, heatOutW, balanceRelError, rJunctionCoolantKPerW,
                picardIterations, cgIterations, finalRelResidual, multigridLevels, stageSeconds, wallSeconds,
                estimatedBytes, peakHeapBytes, coolingMode, leakageW, coolantOutletC, rJunctionMaxCoolantKPerW,
                interfaceHeatW, feasible, junctionLimitC, transientInfo, reliabilityInfo, mechanicsInfo, powerCoolant);
    }

    /** The hottest core: its index, die (column, row), position in the die (column, row) and temperature. */
    public record HottestCore(int core, int dieColumn, int dieRow, int coreColumn, int coreRow, double temperatureC) { }

    /** Human-readable summary lines. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("case %s: %d x %d x %d = %,d cells%n", caseName, nx, ny, nz, cells));
        sb.append(String.format("cooling         %s%n", coolingMode));
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
        if (!feasible)
            sb.append(String.format("INFEASIBLE      the wafer reaches %.1f degC, above the %.0f degC junction limit%n",
                    waferMaxC, junctionLimitC));
        sb.append(String.format("solver          %d Picard, %d CG iterations, residual %.1e, %d multigrid levels%n",
                picardIterations, cgIterations, finalRelResidual, multigridLevels));
        sb.append(String.format("wall time       %.2f s (", wallSeconds));
        boolean first = true;
        for (var e : stageSeconds.entrySet()) {
            sb.append(first ? "" : ", ").append(String.format("%s %.2f s", e.getKey(), e.getValue()));
            first = false;
        }
        sb.append(String.format("); heap estimate %.2f GiB, peak used %.2f GiB%n", estimatedBytes / 1073741824.0, peakHeapBytes / 1073741824.0));
        if (transientInfo != null) {
            sb.append("transient      ");
            for (var e : transientInfo.entrySet()) {
                Object v = e.getValue();
                sb.append(' ').append(e.getKey()).append(' ')
                        .append(v instanceof Double d ? String.format("%.4g", d) : String.valueOf(v)).append(';');
            }
            sb.append(System.lineSeparator());
        }
        if (mechanicsInfo != null) sb.append(MechanicsRun.text(mechanicsInfo));
        if (reliabilityInfo != null) sb.append(ReliabilityRun.text(reliabilityInfo));
        if (output != null) sb.append("result          ").append(output).append(System.lineSeparator());
        return sb.toString();
    }
}
