package org.wafersim.thermal;

/**
 * A heat source that depends on temperature (leakage power). The steady solver linearises it at each outer
 * iteration (Newton on the source): q(T) ~ q(T0) + dq/dT (T - T0), which moves dq/dT V to the left-hand side.
 */
public interface HeatSourceFeedback {
    /**
     * Evaluates the source at the cell temperatures {@code t} (K; void cells ignored).
     *
     * @param q    filled with the source density (W/m^3) per cell
     * @param dqdT filled with its derivative with respect to the cell temperature (W/(m^3 K)), &gt;= 0
     * @return the total source power (W)
     */
    double evaluate(double[] t, double[] q, double[] dqdT);

    /**
     * A power (W) the source is expected to stay of the order of (the solver's divergence guard compares the source
     * with the larger of this and the fixed power); 0 when the fixed power is the right scale.
     */
    default double powerScale() { return 0; }

    /**
     * The first cell of the slab of cells [first, first + {@link #slabCells}) outside which the source and its
     * derivative are zero (a core's leakage lives in the active layer only): the steady solver keeps its
     * linearisation for that slab only ({@link #evaluateSlab}). The default is the whole grid.
     */
    default int slabFirst() { return 0; }

    /** The number of cells of the slab ({@link #slabFirst}) on a grid of {@code cells} cells. */
    default int slabCells(int cells) { return cells; }

    /**
     * As {@link #evaluate}, with {@code q} and {@code dqdT} covering the slab only: entry s is cell
     * {@code slabFirst() + s}.
     */
    default double evaluateSlab(double[] t, double[] q, double[] dqdT) { return evaluate(t, q, dqdT); }

    /** Where the source is strongest at temperatures t, for messages (e.g. "core 1234 at die (3, 4): 412 degC"). */
    String hottest(double[] t);
}
