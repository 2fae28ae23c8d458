package org.wafersim.power;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wafersim.errors.InputException;
import org.wafersim.geometry.CoreArray;

/**
 * Where the units of a HotSpot power trace land on the wafer: for each unit, the cores it covers and the share of the
 * unit's power each one gets (its overlap area over the core area the unit covers). Built once from the floorplan,
 * then used to spread any vector of unit powers (one sample row, the mean of the rows, a row interpolated in time)
 * without placing the rectangles again.
 *
 * <p>Checked on construction: every unit of the trace is in the floorplan and vice versa, and every unit lies inside
 * the wafer (after the floorplan origin). Scribe lines carry no power, so a unit's whole power goes to the core area
 * it covers; a unit that covers no core at all is an error only once it has power ({@link #checkCovered}).
 */
final class HotSpotPlacement {
    /** How far (relative to the wafer size) a unit edge may stick out of the wafer: rounding of the coordinates. */
    private static final double EDGE_TOLERANCE = 1e-9;

    final HotSpotFloorplan floorplan;
    final HotSpotTrace trace;
    private final int[][] coreIndex;   // per trace unit: the cores it covers (empty: none)
    private final double[][] share;    // per trace unit: each core's share of the unit's power (sums to 1)

    private HotSpotPlacement(HotSpotFloorplan fp, HotSpotTrace tr, int[][] coreIndex, double[][] share) {
        this.floorplan = fp;
        this.trace = tr;
        this.coreIndex = coreIndex;
        this.share = share;
    }

    /**
     * @param originKey the case key that set the origin, for messages (e.g. {@code power.floorplan_origin})
     */
    static HotSpotPlacement of(CoreArray cores, HotSpotFloorplan fp, HotSpotTrace tr, double originX,
                               double originY, String originKey) {
        matchNames(fp, tr);
        int n = tr.names.size();
        int[][] idx = new int[n][];
        double[][] sh = new double[n][];
        double tol = EDGE_TOLERANCE * Math.max(cores.waferSizeX(), cores.waferSizeY());
        for (int k = 0; k < n; k++) {
            HotSpotFloorplan.Unit u = fp.byName.get(tr.names.get(k));
            double x0 = originX + u.left(), x1 = originX + u.right();
            double y0 = originY + u.bottom(), y1 = originY + u.top();
            if (x0 < -tol || y0 < -tol || x1 > cores.waferSizeX() + tol || y1 > cores.waferSizeY() + tol) {
                throw new InputException(fp.file, "line " + u.line(), "unit '" + u.name() + "' lies (partly)"
                        + " outside the wafer: on the wafer it spans x " + mm(x0) + " .. " + mm(x1) + " mm, y "
                        + mm(y0) + " .. " + mm(y1) + " mm (" + originKey + " = (" + mm(originX) + ", "
                        + mm(originY) + ") mm), the wafer spans 0 .. " + mm(cores.waferSizeX()) + " mm x 0 .. "
                        + mm(cores.waferSizeY()) + " mm");
            }
            footprint(cores, x0, x1, y0, y1, k, idx, sh);
        }
        return new HotSpotPlacement(fp, tr, idx, sh);
    }

    /** A unit that has power in {@code unitPower} must cover at least one core, or its watts are lost. */
    void checkCovered(double[] unitPower) {
        for (int k = 0; k < unitPower.length; k++) {
            if (unitPower[k] > 0 && coreIndex[k].length == 0) {
                HotSpotFloorplan.Unit u = floorplan.byName.get(trace.names.get(k));
                throw new InputException(floorplan.file, "line " + u.line(), "unit '" + u.name() + "' covers no core"
                        + " (it lies on scribe lines only), so its " + PowerDistribution.watts(unitPower[k])
                        + " would have nowhere to go; move it onto a die or give it 0 W in " + trace.file);
            }
        }
    }

    /**
     * Adds {@code scale * (w0 * a[k] + w1 * b[k])} of every unit k to the cores it covers; spares are not treated
     * here (see {@link SpareShare}). With {@code w1 = 0}, {@code b} may be {@code a}.
     */
    void spread(double[] a, double w0, double[] b, double w1, double scale, double[] w) {
        for (int k = 0; k < coreIndex.length; k++) {
            double p = scale * (w0 * a[k] + w1 * b[k]);
            if (p == 0) continue;
            int[] ci = coreIndex[k];
            double[] s = share[k];
            for (int j = 0; j < ci.length; j++) w[ci[j]] += p * s[j];
        }
    }

    private static String mm(double metres) { return PowerDistribution.num(metres * 1e3); }

    /** Every unit of the trace must be in the floorplan and vice versa. */
    private static void matchNames(HotSpotFloorplan fp, HotSpotTrace tr) {
        for (int k = 0; k < tr.names.size(); k++) {
            String n = tr.names.get(k);
            if (!fp.byName.containsKey(n)) {
                List<String> known = new ArrayList<>();
                for (HotSpotFloorplan.Unit u : fp.units) known.add(u.name());
                throw new InputException(tr.file, "line " + tr.headerLine, "unit '" + n + "' (entry " + (k + 1)
                        + ") is not in the floorplan " + fp.file + ", whose units are: " + shortList(known));
            }
        }
        Set<String> inTrace = new HashSet<>(tr.names);
        for (HotSpotFloorplan.Unit u : fp.units) {
            if (!inTrace.contains(u.name())) {
                throw new InputException(fp.file, "line " + u.line(), "unit '" + u.name() + "' has no power in the"
                        + " trace " + tr.file + " (it is not among the unit names on line " + tr.headerLine + ")");
            }
        }
    }

    private static String shortList(List<String> names) {
        if (names.size() <= 20) return String.join(", ", names);
        return String.join(", ", names.subList(0, 20)) + ", ... (" + names.size() + " in all)";
    }

    /** The cores under the rectangle and their shares of it (overlap area / covered core area) into slot k. */
    private static void footprint(CoreArray cores, double x0, double x1, double y0, double y1, int k, int[][] idx,
                                  double[][] sh) {
        int gc0 = firstAfter(cores, true, x0), gr0 = firstAfter(cores, false, y0);
        int ncol = cores.globalColumns(), nrow = cores.globalRows();
        List<Integer> ci = new ArrayList<>();
        List<Double> area = new ArrayList<>();
        Sums total = Sums.create();
        for (int gr = gr0; gr < nrow && cores.rowY0(gr) < y1; gr++) {
            double oy = Math.min(y1, cores.rowY1(gr)) - Math.max(y0, cores.rowY0(gr));
            if (oy <= 0) continue;
            for (int gc = gc0; gc < ncol && cores.columnX0(gc) < x1; gc++) {
                double ox = Math.min(x1, cores.columnX1(gc)) - Math.max(x0, cores.columnX0(gc));
                if (ox <= 0) continue;
                int d = cores.dieIndex(gc / cores.perDieX(), gr / cores.perDieY());
                ci.add(cores.coreIndex(d, gc % cores.perDieX(), gr % cores.perDieY()));
                area.add(ox * oy);
                total.add(ox * oy);
            }
        }
        double t = total.value();
        if (!(t > 0)) {
            idx[k] = new int[0];
            sh[k] = new double[0];
            return;
        }
        idx[k] = ci.stream().mapToInt(Integer::intValue).toArray();
        sh[k] = new double[area.size()];
        for (int j = 0; j < sh[k].length; j++) sh[k][j] = area.get(j) / t;
    }

    /** The first global column (x) or row (y) whose upper edge lies above {@code v}. */
    private static int firstAfter(CoreArray cores, boolean x, double v) {
        int lo = 0, hi = x ? cores.globalColumns() : cores.globalRows();
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            double upper = x ? cores.columnX1(m) : cores.rowY1(m);
            if (upper <= v) lo = m + 1;
            else hi = m;
        }
        return lo;
    }
}
