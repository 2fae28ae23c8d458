package org.wafersim.thermal;

import java.util.List;

/**
 * Result of a steady solve.
 *
 * @param temperature       cell temperatures (K), NaN in void cells
 * @param powerIn           generated power (W)
 * @param pathHeat          heat leaving through each path (W), same order as {@code pathNames}
 * @param pathNames         heat-path names
 * @param balanceRelError   (power in - heat out) / power in
 * @param picardIterations  Picard iterations (1 for constant conductivity)
 * @param linearIterations  CG iterations of each linear solve
 * @param finalRelResidual  true relative residual of the last linear solve
 * @param residualHistory   relative residual after each CG iteration of the last linear solve
 * @param multigridLevels   levels in the multigrid hierarchy
 * @param picardChange      last Picard temperature change (K)
 * @param seconds           wall time of the solve
 * @param feedbackPower     power of the temperature-dependent source (leakage) in the solution (W)
 * @param faceConductance   conductance of every boundary face in the final system (W/K), same order as the
 *                          problem's {@link BoundaryFaces}
 * @param fixedPower        power of the fixed sources beside the cores' (W, included in powerIn; 0 without them)
 */
public record SteadyResult(double[] temperature, double powerIn, double[] pathHeat, List<String> pathNames,
                           double balanceRelError, int picardIterations, int[] linearIterations,
                           double finalRelResidual, double[] residualHistory, int multigridLevels,
                           double picardChange, double seconds, double feedbackPower, double[] faceConductance,
                           double fixedPower) {
    /** A result without fixed sources. */
    public SteadyResult(double[] temperature, double powerIn, double[] pathHeat, List<String> pathNames,
                        double balanceRelError, int picardIterations, int[] linearIterations, double finalRelResidual,
                        double[] residualHistory, int multigridLevels, double picardChange, double seconds,
                        double feedbackPower, double[] faceConductance) {
        this(temperature, powerIn, pathHeat, pathNames, balanceRelError, picardIterations, linearIterations,
                finalRelResidual, residualHistory, multigridLevels, picardChange, seconds, feedbackPower,
                faceConductance, 0);
    }

    public double heatOut(String path) {
        int i = pathNames.indexOf(path);
        return i < 0 ? 0 : pathHeat[i];
    }

    public double totalHeatOut() {
        double s = 0;
        for (double v : pathHeat) s += v;
        return s;
    }
}
