package org.wafersim.grid;

import org.wafersim.cases.SourceSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wafersim.cases.CaseSpec;
import org.wafersim.cases.CaseSpec.GridSpec;
import org.wafersim.cases.CaseSpec.LayerSpec;
import org.wafersim.cases.CaseSpec.WaferSpec;
import org.wafersim.errors.InputException;
import org.wafersim.geometry.CoreArray;
import org.wafersim.geometry.DieLayout;

/**
 * Builds the layer-conforming, non-uniform rectilinear {@link Grid} of a case.
 *
 * <h2>In-plane (x; y is the same with rows)</h2>
 * The grid spans the largest layer footprint (layers are centred on the wafer). Planes lie at the wafer edges, at
 * every die edge (so each scribe strip, including the half scribes at the wafer edge, is its own column of cells;
 * with a zero scribe the two die edges coincide) and at every layer footprint edge. Inside each die there are
 * {@code max(1, round(perDieX * cells_per_core))} equal cells, computed by {@link DieLayout} exactly as the core edges
 * are, so with {@code cells_per_core = 1} every cell edge is a core edge bit for bit. A footprint edge inside the
 * wafer removes the in-die planes closer to it than {@value #SLIVER_FRACTION} of a die cell (no slivers). Outside
 * the wafer (the overhang of a larger cold plate or board) cells grow geometrically away from the wafer edge,
 * starting from the adjacent cell (the half scribe) with ratio {@code grid.max_growth}, up to
 * {@code min(}{@value #OVERHANG_CELLS_PER_DIE_CELL}{@code  x die cell, }{@value #OVERHANG_MAX_CELL_MM}{@code  mm)}
 * (at least one die cell), and end exactly on each footprint edge they pass. Faces closer than {@value #MERGE_TOL}
 * m are merged.
 *
 * <h2>Through the stack (z)</h2>
 * z = 0 is the board's back face; layers are stacked bottom-up (the stack list is top to bottom). Every layer has at
 * least {@code max(2, grid.min_cells_per_layer)} cells; the wafer is split into its active layer (board side,
 * {@value #ACTIVE_CELLS} cell: every extra z-plane costs a full in-plane plane of ~0.45M cells) and the rest (at
 * least {@code max(2, min_cells_per_layer - 1)} cells). Cells are graded by {@link ZGrading}: small next to thin
 * layers, growing by at most {@code grid.max_growth} into thick layers where the cell budget allows; the budget is
 * the sum of the minimum counts plus {@value #Z_EXTRA_CELLS}, which keeps nz near 20 for the default stack.
 *
 * <h2>Cells</h2>
 * A cell inside a layer's footprint has the layer's material, outside it is void ({@code -1}). Material ids index
 * the distinct material names in stack order; the wafer layer takes its material, thickness and size from
 * {@link WaferSpec}; a non-wafer layer without a size ({@code <= 0}) is as large as the wafer.
 */
public final class GridBuilder {
    /** Faces closer than this (m) are one face. */
    public static final double MERGE_TOL = 1e-9;
    /** In-die planes closer than this fraction of a die cell to a footprint edge inside the wafer are dropped. */
    public static final double SLIVER_FRACTION = 0.3;
    /** Largest overhang cell, in die cells. */
    public static final int OVERHANG_CELLS_PER_DIE_CELL = 8;
    /** Largest overhang cell (mm). */
    public static final double OVERHANG_MAX_CELL_MM = 3.0;
    /** Cells through the wafer's active layer. */
    public static final int ACTIVE_CELLS = 1;
    /** z cells that grading may add above the minimum counts. */
    public static final int Z_EXTRA_CELLS = 6;
    /**
     * Most cells along x or y. The face arrays of an axis are allocated before the memory check can see the whole
     * grid, so each axis is bounded first (in floating point, before any array): 4.2M faces are 32 MiB.
     */
    public static final long MAX_AXIS_CELLS = 1L << 22;
    /** Most cells through the stack (the default stack has ~20). */
    public static final int MAX_Z_CELLS = 4096;
    /** Thinnest z segment relative to the stack height that double-precision face coordinates resolve with margin. */
    static final double MIN_RELATIVE_THICKNESS = 1e-9;

    private GridBuilder() { }

    /**
     * Builds the grid; refuses (with the estimate) a grid whose steady run does not fit the JVM's heap, before the
     * material array is allocated. {@code cores} must be the core array of the same case (checked).
     */
    public static Grid build(CaseSpec spec, CoreArray cores) {
        return build(spec, cores, Runtime.getRuntime().maxMemory());
    }

    /** As {@link #build(CaseSpec, CoreArray)} with an explicit heap limit (bytes) for the memory check. */
    public static Grid build(CaseSpec spec, CoreArray cores, long maxHeapBytes) {
        GridPlan p = plan(spec);
        if (cores != null) checkMatches(spec, cores);
        MemoryEstimate.check(p, maxHeapBytes, spec.source());
        int nx = p.nx(), ny = p.ny(), nz = p.nz();
        short[] mat = new short[(int) p.cells()];
        Arrays.fill(mat, (short) -1);
        for (int l = 0; l < p.layerCount(); l++) {
            int i0 = nearest(p.xf, p.layerX0[l]), i1 = nearest(p.xf, p.layerX1[l]);
            int j0 = nearest(p.yf, p.layerY0[l]), j1 = nearest(p.yf, p.layerY1[l]);
            short id = p.layerMaterial[l];
            for (int k = p.layerK0[l]; k < p.layerK1[l]; k++)
                for (int j = j0; j < j1; j++) {
                    int base = (k * ny + j) * nx;
                    Arrays.fill(mat, base + i0, base + i1, id);
                }
        }
        return new Grid(p.xf, p.yf, p.zf, mat, p.materialNames, p.layerNames, p.layerK0, p.layerK1, p.activeK0, p.activeK1);
    }

    private static void checkMatches(CaseSpec spec, CoreArray cores) {
        if (cores.columns() != spec.dies().columns() || cores.rows() != spec.dies().rows()
                || cores.perDieX() != spec.cores().perDieX() || cores.perDieY() != spec.cores().perDieY()
                || cores.waferSizeX() != spec.wafer().sizeX() || cores.waferSizeY() != spec.wafer().sizeY()
                || cores.scribe() != spec.dies().scribe())
            throw new IllegalArgumentException("the core array " + cores + " is not the one of case " + spec.name());
    }

    /**
     * Least z-cells of a layer that holds a volume source ({@code sources} in a layer or a box reaching into it),
     * unless {@code grid.layers.NAME.cells} says otherwise: uniform generation makes the layer's profile a parabola,
     * whose finite-volume temperatures are off by about q h^2/(8 k) (the half cell next to the layer's boundary; the
     * interior fluxes of a quadratic are exact): with h = L/8 that is 1/256 of the layer's own rise q L^2/(2 k), where
     * the default 2 cells leave 1/16.
     */
    static final int UNIFORM_SOURCE_CELLS = 8;

    /** Whether the layer [z0, z1] holds a volume source of the case (maps and surface sources do not count). */
    private static boolean heated(CaseSpec spec, String layer, double z0, double z1) {
        if (spec.sources() == null) return false;
        for (SourceSpec src : spec.sources()) {
            if (src.map() != null || src.face() != null) continue;
            if (layer.equals(src.layer())) return true;
            if (src.box() != null && src.box().z0() < z1 && src.box().z1() > z0) return true;
        }
        return false;
    }

    /** Face coordinates, layer table and layer materials/footprints only: cheap, no per-cell array. */
    public static GridPlan plan(CaseSpec spec) {
        String src = spec.source();
        WaferSpec w = spec.wafer();
        GridSpec gs = spec.grid();
        if (!(gs.cellsPerCore() > 0) || Double.isInfinite(gs.cellsPerCore()))
            throw new InputException(src, "grid.cells_per_core", "must be a positive number, got " + gs.cellsPerCore());
        if (!(gs.maxGrowth() > 1) || Double.isInfinite(gs.maxGrowth()))
            throw new InputException(src, "grid.max_growth", "must be greater than 1, got " + gs.maxGrowth());
        int minCells = Math.max(2, gs.minCellsPerLayer());
        double g = gs.maxGrowth();

        List<LayerSpec> stack = spec.stack();
        int nl = stack.size();
        if (nl == 0) throw new InputException(src, "stack", "the stack has no layers");
        double[] thick = new double[nl], sx = new double[nl], sy = new double[nl];
        String[] matName = new String[nl];
        List<String> layerNames = new ArrayList<>(nl);
        int waferLayer = -1;
        for (int l = 0; l < nl; l++) {
            LayerSpec ls = stack.get(l);
            layerNames.add(ls.name());
            if (ls.isWafer()) {
                waferLayer = l;
                thick[l] = w.thickness();
                sx[l] = w.sizeX();
                sy[l] = w.sizeY();
                matName[l] = w.material();
            } else {
                thick[l] = ls.thickness();
                sx[l] = ls.sizeX() > 0 ? ls.sizeX() : w.sizeX();
                sy[l] = ls.sizeY() > 0 ? ls.sizeY() : w.sizeY();
                matName[l] = ls.material();
            }
            if (!(thick[l] > 0) || Double.isInfinite(thick[l]))
                throw new InputException(src, ls.isWafer() ? "wafer.thickness" : "stack[" + l + "].thickness",
                        "layer '" + ls.name() + "' needs a positive thickness");
        }
        if (waferLayer < 0) throw new InputException(src, "stack", "the stack has no wafer layer");
        double act = w.activeLayer();
        if (!(act > 0) || !(act < w.thickness()))
            throw new InputException(src, "wafer.active_layer", "must be positive and thinner than the wafer ("
                    + w.thickness() * 1e3 + " mm), got " + act * 1e3 + " mm");

        // materials in stack order
        Map<String, Integer> ids = new LinkedHashMap<>();
        short[] layerMat = new short[nl];
        for (int l = 0; l < nl; l++) {
            Integer id = ids.get(matName[l]);
            if (id == null) {
                id = ids.size();
                ids.put(matName[l], id);
            }
            layerMat[l] = (short) (int) id;
        }

        // footprints (centred on the wafer)
        double[] lx0 = new double[nl], lx1 = new double[nl], ly0 = new double[nl], ly1 = new double[nl];
        for (int l = 0; l < nl; l++) {
            boolean wl = l == waferLayer;
            lx0[l] = wl ? 0.0 : 0.5 * (w.sizeX() - sx[l]);
            lx1[l] = wl ? w.sizeX() : 0.5 * (w.sizeX() + sx[l]);
            ly0[l] = wl ? 0.0 : 0.5 * (w.sizeY() - sy[l]);
            ly1[l] = wl ? w.sizeY() : 0.5 * (w.sizeY() + sy[l]);
        }
        double[] ex = concat(lx0, lx1), ey = concat(ly0, ly1);
        checkSizes(spec, gs, minCells, nl, waferLayer, thick, sx, sy, act);
        double[] xf = axisFaces(w.sizeX(), spec.dies().columns(), spec.dies().scribe(), spec.cores().perDieX(),
                gs.cellsPerCore(), ex, g);
        double[] yf = axisFaces(w.sizeY(), spec.dies().rows(), spec.dies().scribe(), spec.cores().perDieY(),
                gs.cellsPerCore(), ey, g);

        // z segments bottom-up: layers nl-1 .. 0, the wafer split into active + rest
        int ns = nl + 1;
        double[] zb = new double[ns + 1];          // segment boundaries
        int[] segLayer = new int[ns];
        int[] nMin = new int[ns];
        boolean[] fixed = new boolean[ns];        // grid.layers.NAME.cells: exactly that many cells, never added to
        int s = 0;
        zb[0] = 0.0;
        int activeSeg = -1;
        for (int l = nl - 1; l >= 0; l--) {
            double bottom = zb[s];
            Integer given = gs.layerCells().get(layerNames.get(l));
            // a layer with a volume source (sources: layer or box) gets enough cells for its parabolic profile
            int layerMin = heated(spec, layerNames.get(l), bottom, bottom + thick[l])
                    ? Math.max(minCells, UNIFORM_SOURCE_CELLS) : minCells;
            if (l == waferLayer) {
                activeSeg = s;
                segLayer[s] = l;
                nMin[s] = ACTIVE_CELLS;
                fixed[s] = given != null;
                zb[++s] = bottom + act;
                segLayer[s] = l;
                nMin[s] = given != null ? given - ACTIVE_CELLS : Math.max(2, layerMin - ACTIVE_CELLS);
                fixed[s] = given != null;
                zb[++s] = bottom + thick[l];
            } else {
                segLayer[s] = l;
                nMin[s] = given != null ? given : layerMin;
                fixed[s] = given != null;
                zb[++s] = bottom + thick[l];
            }
        }
        double[] segT = new double[ns];
        int minTotal = 0;
        for (int a = 0; a < ns; a++) {
            segT[a] = zb[a + 1] - zb[a];
            minTotal += nMin[a];
        }
        double[][] hz = ZGrading.grade(segT, nMin, fixed, g, minTotal + Z_EXTRA_CELLS);
        int nz = 0;
        for (double[] h : hz) nz += h.length;
        double[] zf = new double[nz + 1];
        int[] segK0 = new int[ns], segK1 = new int[ns];
        int k = 0;
        zf[0] = 0.0;
        for (int a = 0; a < ns; a++) {
            segK0[a] = k;
            double acc = zb[a];
            for (int m = 0; m < hz[a].length - 1; m++) {
                acc += hz[a][m];
                zf[++k] = acc;
            }
            zf[++k] = zb[a + 1];
            segK1[a] = k;
        }
        int[] layerK0 = new int[nl], layerK1 = new int[nl];
        Arrays.fill(layerK0, Integer.MAX_VALUE);
        for (int a = 0; a < ns; a++) {
            int l = segLayer[a];
            layerK0[l] = Math.min(layerK0[l], segK0[a]);
            layerK1[l] = Math.max(layerK1[l], segK1[a]);
        }
        // neighbouring z-cells further apart than max_growth (a layer given too few cells, or the z budget spent):
        // said in the summary and the result, not silently accepted
        double[] worst = ZGrading.maxRatio(hz);
        String zWarning = null;
        if (worst[0] > g * (1 + 1e-9)) {
            int kk = (int) worst[1], below = -1, above = -1;
            for (int a = 0; a < ns; a++) {
                if (kk - 1 >= segK0[a] && kk - 1 < segK1[a]) below = segLayer[a];
                if (kk >= segK0[a] && kk < segK1[a]) above = segLayer[a];
            }
            String lb = layerNames.get(below), la = layerNames.get(above);
            zWarning = String.format(Locale.ROOT, "neighbouring z-cells differ by a factor %.3g, more than grid.max_growth "
                    + "%s, at z = %.4g mm (%s); give %s more cells (grid.layers.%s.cells) or raise "
                    + "grid.min_cells_per_layer", worst[0], fmt(g), zf[kk] * 1e3,
                    below == above ? "inside layer '" + lb + "'" : "between layers '" + lb + "' and '" + la + "'",
                    "the layer with the larger cell", hz[segOf(segK0, segK1, kk - 1)][0] > hz[segOf(segK0, segK1, kk)][0]
                            ? lb : la);
        }
        return new GridPlan(xf, yf, zf, new ArrayList<>(ids.keySet()), layerNames, layerMat, lx0, lx1, ly0, ly1,
                layerK0, layerK1, segK0[activeSeg], segK1[activeSeg],
                spec.analysis() != null && spec.analysis().thermal().timeDependent(),
                worst[0], zWarning);
    }

    /** The z-segment holding cell k. */
    private static int segOf(int[] segK0, int[] segK1, int k) {
        for (int a = 0; a < segK0.length; a++) if (k >= segK0[a] && k < segK1[a]) return a;
        return 0;
    }

    /**
     * Refuses, before any array is allocated and in floating-point arithmetic (no overflow), a grid that cannot be
     * planned: too many cells along an axis, too many z cells, or a layer too thin to resolve beside the
     * stack. The message blames the key that makes it so: {@code grid.cells_per_core} for the die cells,
     * {@code stack[i].size} for the overhang of an oversized layer, {@code grid.min_cells_per_layer} for z.
     */
    private static void checkSizes(CaseSpec spec, GridSpec gs, int minCells, int nl, int waferLayer, double[] thick,
                                   double[] sx, double[] sy, double act) {
        String src = spec.source();
        WaferSpec w = spec.wafer();
        double[] ax = axisEstimate(w.sizeX(), spec.dies().columns(), spec.dies().scribe(), spec.cores().perDieX(),
                gs.cellsPerCore(), sx, gs.maxGrowth());
        double[] ay = axisEstimate(w.sizeY(), spec.dies().rows(), spec.dies().scribe(), spec.cores().perDieY(),
                gs.cellsPerCore(), sy, gs.maxGrowth());
        int widest = 0;
        for (int l = 0; l < nl; l++) if (Math.max(sx[l], sy[l]) > Math.max(sx[widest], sy[widest])) widest = l;
        String sizeKey = widest == waferLayer ? "wafer.size" : "stack[" + widest + "].size";
        String layerWhy = "layer '" + spec.stack().get(widest).name() + "' (" + fmt(Math.max(sx[widest], sy[widest]))
                + " m wide) extends beyond the wafer by ";
        for (double[] a : new double[][] {ax, ay}) {
            if (a[0] + a[1] <= MAX_AXIS_CELLS) continue;
            if (a[1] > a[0])
                throw new InputException(src, sizeKey, layerWhy + String.format(Locale.ROOT, "%.3g cells along an "
                        + "axis, more than the %,d a grid axis may have; make the layer smaller", a[1], MAX_AXIS_CELLS));
            throw new InputException(src, "grid.cells_per_core", String.format(Locale.ROOT, "%s cells per core give "
                    + "%.3g cells along an axis, more than the %,d a grid axis may have; lower grid.cells_per_core",
                    fmt(gs.cellsPerCore()), a[0], MAX_AXIS_CELLS));
        }
        long zMin = 0;
        for (int l = 0; l < nl; l++) zMin += l == waferLayer ? ACTIVE_CELLS + Math.max(2, minCells - ACTIVE_CELLS) : minCells;
        if (zMin + Z_EXTRA_CELLS > MAX_Z_CELLS)
            throw new InputException(src, "grid.min_cells_per_layer", String.format(Locale.ROOT, "%,d cells per layer "
                    + "give at least %,d cells through the stack, more than the %,d allowed", gs.minCellsPerLayer(),
                    zMin, MAX_Z_CELLS));
        // the whole grid may still be too large to allocate: the plan describes it, MemoryEstimate refuses it
        double height = 0, thinnest = Double.MAX_VALUE;
        int thin = 0;
        for (int l = 0; l < nl; l++) {
            height += thick[l];
            double t = l == waferLayer ? Math.min(act, thick[l] - act) : thick[l];
            if (t < thinnest) {
                thinnest = t;
                thin = l;
            }
        }
        if (!(thinnest > MIN_RELATIVE_THICKNESS * height))
            throw new InputException(src, thin == waferLayer ? "wafer.active_layer" : "stack[" + thin + "].thickness",
                    "layer '" + spec.stack().get(thin).name() + "' (" + fmt(thinnest) + " m) is too thin to resolve "
                            + "beside a stack " + fmt(height) + " m high (at least " + MIN_RELATIVE_THICKNESS
                            + " of it)");
    }

    /** Upper estimates of the cells along one axis: {die cells, overhang cells of the widest layers}. */
    private static double[] axisEstimate(double size, int count, double scribe, int perDie, double cpc,
                                         double[] layerSizes, double g) {
        double n = Math.max(1, Math.rint(perDie * cpc));
        double hDie = (DieLayout.dieHigh(size, count, scribe, 0) - DieLayout.dieLow(size, count, scribe, 0)) / n;
        double dieCells = (double) count * n + 2 * count + 2;
        double widest = 0;
        for (double l : layerSizes) widest = Math.max(widest, l);
        double over = Math.max(0, 0.5 * (widest - size));
        double overhang = 0;
        if (over > 0) {
            double cap = Math.max(hDie, Math.min(OVERHANG_CELLS_PER_DIE_CELL * hDie, OVERHANG_MAX_CELL_MM * 1e-3));
            // every overhang cell is at least a die cell, and after the growth phase each is cap wide
            double byGrowth = over / cap + Math.log(cap / hDie) / Math.log(g) + 2;
            overhang = 2 * (Math.min(over / hDie + 1, byGrowth) + layerSizes.length);
        }
        return new double[] {dieCells, overhang};
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /**
     * Faces along one axis.
     *
     * @param size      wafer size along the axis
     * @param count     dies along the axis
     * @param scribe    scribe width
     * @param perDie    cores per die along the axis
     * @param cpc       cells per core
     * @param edges     footprint edges of all layers (wafer coordinates)
     * @param g         growth ratio for the overhang
     */
    static double[] axisFaces(double size, int count, double scribe, int perDie, double cpc, double[] edges, double g) {
        int n = Math.max(1, (int) Math.round(perDie * cpc));
        double hDie = (DieLayout.dieHigh(size, count, scribe, 0) - DieLayout.dieLow(size, count, scribe, 0)) / n;

        // required faces inside the wafer: wafer edges, die edges
        DoubleList req = new DoubleList(2 * count + 2);
        req.add(0.0);
        req.add(size);
        for (int d = 0; d < count; d++) {
            req.add(DieLayout.dieLow(size, count, scribe, d));
            req.add(DieLayout.dieHigh(size, count, scribe, d));
        }
        double[] dieFaces = mergeSorted(req.toSortedArray());
        // footprint edges strictly inside the wafer and not on a die face
        DoubleList inner = new DoubleList(4);
        double lowest = 0.0, highest = size;
        for (double e : edges) {
            lowest = Math.min(lowest, e);
            highest = Math.max(highest, e);
            if (e > MERGE_TOL && e < size - MERGE_TOL && distanceToNearest(dieFaces, e) > MERGE_TOL) inner.add(e);
        }
        double[] innerFaces = mergeSorted(inner.toSortedArray());
        // in-die subdivisions, dropped next to an inner footprint edge
        DoubleList all = new DoubleList(count * (n + 1) + dieFaces.length + innerFaces.length);
        for (double f : dieFaces) all.add(f);
        for (double f : innerFaces) all.add(f);
        double sliver = Math.max(MERGE_TOL, SLIVER_FRACTION * hDie);
        for (int d = 0; d < count; d++) {
            double lo = DieLayout.dieLow(size, count, scribe, d), hi = DieLayout.dieHigh(size, count, scribe, d);
            for (int m = 1; m < n; m++) {
                double f = DieLayout.divide(lo, hi, m, n);
                if (innerFaces.length > 0 && distanceToNearest(innerFaces, f) < sliver) continue;
                all.add(f);
            }
        }
        double[] wafer = mergeSorted(all.toSortedArray());

        // overhang: grow outwards from each wafer edge through the footprint edges beyond it
        double cap = Math.max(hDie, Math.min(OVERHANG_CELLS_PER_DIE_CELL * hDie, OVERHANG_MAX_CELL_MM * 1e-3));
        DoubleList left = new DoubleList(16), right = new DoubleList(16);
        if (lowest < -MERGE_TOL) {
            double[] targets = outward(edges, 0.0, -1);
            double cur = 0.0, h = overhangStart(wafer[1] - wafer[0], hDie, g);
            for (double t : targets) {
                h = grow(left, cur, t, h, g, cap);
                cur = t;
            }
        }
        if (highest > size + MERGE_TOL) {
            double[] targets = outward(edges, size, +1);
            double cur = size, h = overhangStart(wafer[wafer.length - 1] - wafer[wafer.length - 2], hDie, g);
            for (double t : targets) {
                h = grow(right, cur, t, h, g, cap);
                cur = t;
            }
        }
        double[] out = new double[left.size() + wafer.length + right.size()];
        int o = 0;
        for (int i = left.size() - 1; i >= 0; i--) out[o++] = left.get(i);
        for (double f : wafer) out[o++] = f;
        for (int i = 0; i < right.size(); i++) out[o++] = right.get(i);
        return out;
    }

    /**
     * Size the overhang grading starts from (its first cell is this times the growth ratio): the die cell, not the
     * thin half-scribe strip at the wafer edge. A run of cells much narrower in x than in y is a strong in-plane
     * anisotropy over the whole cold plate and board, which point or z-line smoothers cannot smooth; one thin strip
     * is harmless, a graded run of them made the multigrid-CG need 5x more iterations.
     */
    private static double overhangStart(double edgeCell, double hDie, double g) {
        return Math.max(edgeCell, hDie / g);
    }

    /** Distinct footprint edges beyond {@code from} in direction {@code dir}, nearest first. */
    private static double[] outward(double[] edges, double from, int dir) {
        DoubleList l = new DoubleList(edges.length);
        for (double e : edges) if ((e - from) * dir > MERGE_TOL) l.add(e);
        double[] a = mergeSorted(l.toSortedArray());
        if (dir < 0) {
            for (int i = 0, j = a.length - 1; i < j; i++, j--) {
                double t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
        }
        return a;
    }

    /**
     * Appends the faces after {@code start} up to and including {@code end} (exactly), cells growing by {@code g}
     * from {@code h0} up to {@code cap}; the sequence is scaled down to end on {@code end}, so no ratio exceeds g.
     *
     * @return the size of the last cell
     */
    static double grow(DoubleList out, double start, double end, double h0, double g, double cap) {
        double len = Math.abs(end - start), dir = Math.signum(end - start);
        DoubleList sizes = new DoubleList(16);
        double h = h0, sum = 0;
        while (true) {
            h = Math.min(h * g, cap);
            sizes.add(h);
            sum += h;
            if (sum >= len * (1 - 1e-12)) break;
        }
        double f = len / sum, acc = 0;
        for (int i = 0; i < sizes.size() - 1; i++) {
            acc += sizes.get(i) * f;
            out.add(start + dir * acc);
        }
        out.add(end);
        return sizes.get(sizes.size() - 1) * f;
    }

    /** Sorted input, faces closer than MERGE_TOL merged (the first kept). */
    private static double[] mergeSorted(double[] a) {
        if (a.length == 0) return a;
        int m = 1;
        for (int i = 1; i < a.length; i++) if (a[i] - a[m - 1] > MERGE_TOL) a[m++] = a[i];
        return Arrays.copyOf(a, m);
    }

    private static double distanceToNearest(double[] sorted, double v) {
        int p = Arrays.binarySearch(sorted, v);
        if (p >= 0) return 0.0;
        int i = -p - 1;
        double d = Double.POSITIVE_INFINITY;
        if (i < sorted.length) d = sorted[i] - v;
        if (i > 0) d = Math.min(d, v - sorted[i - 1]);
        return d;
    }

    /** Index of the face nearest to v. */
    static int nearest(double[] f, double v) {
        int p = Arrays.binarySearch(f, v);
        if (p >= 0) return p;
        int i = -p - 1;
        if (i >= f.length) return f.length - 1;
        if (i == 0) return 0;
        return v - f[i - 1] <= f[i] - v ? i - 1 : i;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** A growable primitive double list (no boxing). */
    static final class DoubleList {
        private double[] a;
        private int n;
        DoubleList(int cap) { a = new double[Math.max(4, cap)]; }
        void add(double v) {
            if (n == a.length) a = Arrays.copyOf(a, 2 * n);
            a[n++] = v;
        }
        double get(int i) { return a[i]; }
        int size() { return n; }
        double[] toSortedArray() {
            double[] c = Arrays.copyOf(a, n);
            Arrays.sort(c);
            return c;
        }
    }
}
