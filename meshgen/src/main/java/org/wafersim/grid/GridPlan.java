package org.wafersim.grid;

import java.util.List;

/**
 * The cheap part of a grid: face coordinates, layer table and per-layer material and footprint, but no per-cell
 * array. {@link GridBuilder#plan} computes it so that the memory of a run can be estimated ({@link #estimatedBytes()},
 * {@link MemoryEstimate}) before any field is allocated; {@link GridBuilder#build} turns it into a {@link Grid}.
 */
public final class GridPlan {
    final double[] xf, yf, zf;
    final List<String> materialNames;
    final List<String> layerNames;
    final short[] layerMaterial;
    final double[] layerX0, layerX1, layerY0, layerY1;
    final int[] layerK0, layerK1;
    final int activeK0, activeK1;
    /** The run integrates in time (transient or cycle analysis): more fields per cell, see {@link MemoryEstimate}. */
    final boolean transientRun;
    /** The largest ratio of neighbouring z-cell sizes, and a warning when it exceeds grid.max_growth (else null). */
    final double maxZGrowth;
    final String zGrowthWarning;

    GridPlan(double[] xf, double[] yf, double[] zf, List<String> materialNames, List<String> layerNames,
             short[] layerMaterial, double[] layerX0, double[] layerX1, double[] layerY0, double[] layerY1,
             int[] layerK0, int[] layerK1, int activeK0, int activeK1, boolean transientRun, double maxZGrowth,
             String zGrowthWarning) {
        this.transientRun = transientRun;
        this.maxZGrowth = maxZGrowth;
        this.zGrowthWarning = zGrowthWarning;
        this.xf = xf;
        this.yf = yf;
        this.zf = zf;
        this.materialNames = List.copyOf(materialNames);
        this.layerNames = List.copyOf(layerNames);
        this.layerMaterial = layerMaterial;
        this.layerX0 = layerX0;
        this.layerX1 = layerX1;
        this.layerY0 = layerY0;
        this.layerY1 = layerY1;
        this.layerK0 = layerK0;
        this.layerK1 = layerK1;
        this.activeK0 = activeK0;
        this.activeK1 = activeK1;
    }

    /** The largest ratio of neighbouring z-cell sizes (1 for a uniform stack). */
    public double maxZGrowth() { return maxZGrowth; }

    /** A warning naming where neighbouring z-cells differ by more than grid.max_growth, or null. */
    public String zGrowthWarning() { return zGrowthWarning; }

    public int nx() { return xf.length - 1; }
    public int ny() { return yf.length - 1; }
    public int nz() { return zf.length - 1; }
    /** Cells in one z-plane. */
    public long cellsPerPlane() { return (long) nx() * ny(); }
    /** Total cells (long: a plan may describe a grid too large to allocate). */
    public long cells() { return cellsPerPlane() * nz(); }
    /** Estimated heap of a steady thermal run on this grid (bytes), see {@link MemoryEstimate}. */
    public long estimatedBytes() { return MemoryEstimate.bytesFor(cells(), transientRun); }
    /** "nx × ny × nz". */
    public String dimensions() { return nx() + " × " + ny() + " × " + nz(); }

    public double[] xFaces() { return xf.clone(); }
    public double[] yFaces() { return yf.clone(); }
    public double[] zFaces() { return zf.clone(); }
    public List<String> materialNames() { return materialNames; }
    public List<String> layerNames() { return layerNames; }
    public int layerCount() { return layerNames.size(); }
    public int layerK0(int layer) { return layerK0[layer]; }
    public int layerK1(int layer) { return layerK1[layer]; }
    /** Material id of a layer (index into {@link #materialNames()}). */
    public int layerMaterial(int layer) { return layerMaterial[layer]; }
    /** Footprint of a layer (m), in wafer coordinates. */
    public double layerX0(int layer) { return layerX0[layer]; }
    public double layerX1(int layer) { return layerX1[layer]; }
    public double layerY0(int layer) { return layerY0[layer]; }
    public double layerY1(int layer) { return layerY1[layer]; }
    public int activeK0() { return activeK0; }
    public int activeK1() { return activeK1; }

    @Override public String toString() {
        return "GridPlan[" + dimensions() + " = " + cells() + " cells]";
    }
}
