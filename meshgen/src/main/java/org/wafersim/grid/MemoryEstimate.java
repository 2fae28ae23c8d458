package org.wafersim.grid;

import java.util.Locale;
import org.wafersim.errors.InputException;

/**
 * Heap needed by a run, estimated from the grid size alone so that a run that cannot fit is refused <em>before</em>
 * any field is allocated (DESIGN §5).
 *
 * <h2>Per-cell byte model (steady thermal run)</h2>
 * {@value #BYTES_PER_CELL} bytes per cell, plus a fixed {@value #FIXED_MIB} MiB:
 * <ul>
 * <li>{@value #DOUBLES_PER_CELL} doubles = 64 B: the steady solver's temperature, unknown and right-hand side and the
 * power density (4; the output power density takes the spent unknown); the operator's boundary conductance (1); PCG
 * vectors r, z (shared with A p) and p (3);</li>
 * <li>{@value #FLOATS_PER_CELL} floats = 24 B: the operator's x, y, z face conductances (held in single precision and
 * read in place by the finest smoother), the finest smoother's diagonal and inverse pivots, and the response to the
 * dynamic power of an operating-point solve;</li>
 * <li>{@value #COARSE_BYTES} B: the multigrid's coarse levels (six floats and two doubles, 40 B per coarse cell, on
 * about 0.35 of the fine cells);</li>
 * <li>{@value #MATERIAL_BYTES} B: the material id ({@code short});</li>
 * <li>{@value #OUTPUT_COPY_BYTES} B: the output copy of a field (jhdf captures arrays by reference until
 * {@code close()}, so the written temperature is a separate array);</li>
 * <li>{@value #SLACK_BYTES} B: the rest (the active-cell flags, the boundary faces, the assembler's conductivity
 * planes) and what the collector has not yet reclaimed when the pools peak.</li>
 * </ul>
 * Measured (the run's "peak used", the sum of the heap pools' peaks, with the launcher's options), thermal only:
 * 0.91 GiB on the default wafer (7.56 M cells) and 3.28 GiB at 2 cells per core (29.5 M cells), i.e. 116 B per cell
 * over about 96 MiB; the model is 14-16 % above both. The fixed part covers the JVM's own use (about 64 MiB before the
 * grid), the per-core arrays (405k cores x ~100 B) and the core-to-cell map. The estimate is an upper bound for the
 * steady thermal solve; a transient run adds its integrator's fields, and the run adds further steady states and
 * the mechanics ({@code CaseRun.estimatedBytes}).
 */
public final class MemoryEstimate {
    /** Doubles per cell held at the same time by a steady thermal run (fields, boundary conductance, Krylov). */
    public static final int DOUBLES_PER_CELL = 8;
    /** Floats per cell (face conductances, smoother factors, the operating point's response). */
    public static final int FLOATS_PER_CELL = 6;
    /** The multigrid's coarse levels, per fine cell. */
    public static final int COARSE_BYTES = 14;
    /** Material id per cell. */
    public static final int MATERIAL_BYTES = 2;
    /** The output copy of one field (double). */
    public static final int OUTPUT_COPY_BYTES = 8;
    /** Flags, faces, planes and uncollected garbage, per cell. */
    public static final int SLACK_BYTES = 20;
    /** Total bytes per cell: 8 x 8 + 6 x 4 + 14 + 2 + 8 + 20 = 132. */
    public static final long BYTES_PER_CELL = DOUBLES_PER_CELL * 8L + FLOATS_PER_CELL * 4L + COARSE_BYTES
            + MATERIAL_BYTES + OUTPUT_COPY_BYTES + SLACK_BYTES;
    /** Fixed overhead in MiB (per-core data, maps, JVM). */
    public static final long FIXED_MIB = 128;
    /** Most cells one Java array can hold (fields are single flat arrays). */
    public static final long MAX_ARRAY_CELLS = Integer.MAX_VALUE - 8L;

    private static final double GIB = 1024.0 * 1024.0 * 1024.0;

    private MemoryEstimate() { }

    /**
     * Extra bytes per cell of a transient run: the time integrator's own fields (three stage solutions and their
     * heat-flow vectors, the previous step, capacities and shifts, the time-dependent and leakage sources, the
     * mid-step state, the right-hand sides and scratch), its own operator and multigrid, plus the probe and snapshot
     * copies. Measured with the launcher's options: the full default wafer's idle/full cycle (7.56 M cells, thermal
     * only) peaked at 1.96 GiB, 261 B per cell over the fixed part; the estimate, 302 B per cell, is 15 % above.
     * Snapshots of the whole field ({@code transient.snapshots}) add 8 B per cell each on top.
     */
    public static final long TRANSIENT_BYTES_PER_CELL = 170;

    /** Estimated heap (bytes) of a run on {@code cells} cells, steady or integrating in time. */
    public static long bytesFor(long cells, boolean transientRun) {
        return saturated(bytesFor(cells), transientRun ? TRANSIENT_BYTES_PER_CELL : 0, cells);
    }

    /**
     * Bytes per cell of a run without a thermal solve ({@code analysis.thermal: none}): the material id, the
     * prescribed field, its copy in degC for the result file, the zero power density and the cells' display flags,
     * with slack for what the collector has not reclaimed.
     */
    public static final long BYTES_PER_CELL_WITHOUT_SOLVE = 40;

    /** Estimated heap (bytes) of a run on {@code cells} cells that solves no temperatures (mechanics aside). */
    public static long bytesWithoutSolve(long cells) {
        return saturated(FIXED_MIB << 20, BYTES_PER_CELL_WITHOUT_SOLVE, cells);
    }

    /** Estimated heap (bytes) of a steady thermal run on a grid of {@code cells} cells. */
    public static long bytesFor(long cells) {
        return saturated(FIXED_MIB << 20, BYTES_PER_CELL, cells);
    }

    /** base + perCell * cells, saturating at Long.MAX_VALUE instead of overflowing into a negative estimate. */
    public static long saturated(long base, long perCell, long cells) {
        try {
            return Math.addExact(base, Math.multiplyExact(perCell, Math.max(0, cells)));
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Refuses a grid that does not fit: throws an {@link InputException} naming the estimate when
     * {@link #bytesFor(long)} exceeds {@code maxHeapBytes} (pass {@code Runtime.getRuntime().maxMemory()}), or when
     * the grid has more cells than one array can hold.
     */
    public static void check(long cells, long maxHeapBytes, String source) {
        check(cells, null, maxHeapBytes, source);
    }

    /** As {@link #check(long, long, String)}, with the grid's dimensions in the message. */
    public static void check(GridPlan plan, long maxHeapBytes, String source) {
        try {
            check(plan.cells(), plan.dimensions(), maxHeapBytes, source, plan.transientRun);
        } catch (InputException e) {
            throw blameOverhang(plan, e);
        }
    }

    /**
     * When most of the grid's cells lie outside the wafer (the overhang of a layer larger than the wafer, whose
     * cells do not shrink with grid.cells_per_core below the overhang's cell cap), the refusal names that layer's
     * size instead of grid.cells_per_core.
     */
    private static InputException blameOverhang(GridPlan p, InputException e) {
        int wafer = -1, widest = 0;
        for (int l = 0; l < p.layerCount(); l++) {
            if (p.layerK0(l) <= p.activeK0() && p.activeK0() < p.layerK1(l)) wafer = l;
            if (p.layerX1(l) - p.layerX0(l) + p.layerY1(l) - p.layerY0(l)
                    > p.layerX1(widest) - p.layerX0(widest) + p.layerY1(widest) - p.layerY0(widest)) widest = l;
        }
        if (wafer < 0 || widest == wafer) return e;
        long inX = inside(p.xf, p.layerX0(wafer), p.layerX1(wafer)), inY = inside(p.yf, p.layerY0(wafer), p.layerY1(wafer));
        double outside = 1 - (double) inX * inY / ((double) p.nx() * p.ny());
        if (outside <= 0.5) return e;
        return new InputException(e.source(), "stack[" + widest + "].size", String.format(Locale.ROOT, "%s; %.0f %% of "
                + "the cells lie outside the wafer, under layer '%s' (%.4g m wide): make it smaller", e.reason()
                .replace("lower grid.cells_per_core or raise the heap", "").replace("; lower grid.cells_per_core", "")
                .replaceAll("[; ]+$", ""), 100 * outside, p.layerNames().get(widest),
                Math.max(p.layerX1(widest) - p.layerX0(widest), p.layerY1(widest) - p.layerY0(widest))));
    }

    /** Cells whose centre lies in [lo, hi]. */
    private static long inside(double[] faces, double lo, double hi) {
        long n = 0;
        for (int i = 0; i + 1 < faces.length; i++) {
            double c = 0.5 * (faces[i] + faces[i + 1]);
            if (c >= lo && c <= hi) n++;
        }
        return n;
    }

    private static void check(long cells, String dims, long maxHeapBytes, String source) {
        check(cells, dims, maxHeapBytes, source, false);
    }

    private static void check(long cells, String dims, long maxHeapBytes, String source, boolean transientRun) {
        long need = bytesFor(cells, transientRun);
        String grid = String.format(Locale.ROOT, "the grid of %,d cells%s", cells, dims == null ? "" : " (" + dims + ")");
        if (maxHeapBytes != Long.MAX_VALUE && need > maxHeapBytes)
            throw new InputException(source, "grid.cells_per_core", String.format(Locale.ROOT,
                    "%s needs about %.1f GiB, more than the %.1f GiB the JVM may use (-Xmx); "
                            + "lower grid.cells_per_core or raise the heap", grid, need / GIB, maxHeapBytes / GIB));
        if (cells > MAX_ARRAY_CELLS)
            throw new InputException(source, "grid.cells_per_core", String.format(Locale.ROOT,
                    "%s needs about %.1f GiB and has more cells than one array can hold (%,d); lower grid.cells_per_core",
                    grid, need / GIB, MAX_ARRAY_CELLS));
    }
}
