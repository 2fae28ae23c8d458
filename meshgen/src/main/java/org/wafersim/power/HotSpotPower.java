package org.wafersim.power;

import java.util.ArrayList;
import java.util.List;
import org.wafersim.errors.InputException;
import org.wafersim.geometry.CoreArray;

/**
 * Places a HotSpot power trace on the wafer through its floorplan. The floorplan's (0, 0) sits at
 * {@code power.floorplan_origin} on the wafer (default the wafer's lower-left corner); every unit must lie inside
 * the wafer.
 *
 * <p>Each unit's power goes to the cores it covers, in proportion to the overlap area. Scribe lines carry no power
 * (DESIGN), so the part of a unit over a scribe line gets none: the unit's whole power is spread over the core
 * area it covers, and a unit with power that covers no core at all (it lies on scribe lines only) is an error,
 * because its power would have nowhere to go. Power on spare cores goes to the active cores of their die
 * ({@link SpareShare}). Finally the distribution is normalised to {@code power.total}, so the trace's absolute
 * watts only set the proportions (the summary line says by which factor they were scaled).
 */
final class HotSpotPower {
    /** How far (relative to the wafer size) a unit edge may stick out of the wafer: rounding of the coordinates. */
    private static final double EDGE_TOLERANCE = 1e-9;

    private HotSpotPower() { }

    static PowerDistribution distribution(CoreArray cores, HotSpotFloorplan fp, HotSpotTrace tr, Integer row,
                                          double originX, double originY, String caseSource) {
        matchNames(fp, tr);
        double[] unitPower = tr.power(row, caseSource);
        double[] w = new double[cores.coreCount()];
        double tol = EDGE_TOLERANCE * Math.max(cores.waferSizeX(), cores.waferSizeY());
        for (int k = 0; k < tr.names.size(); k++) {
            HotSpotFloorplan.Unit u = fp.byName.get(tr.names.get(k));
            double x0 = originX + u.left(), x1 = originX + u.right();
            double y0 = originY + u.bottom(), y1 = originY + u.top();
            if (x0 < -tol || y0 < -tol || x1 > cores.waferSizeX() + tol || y1 > cores.waferSizeY() + tol) {
                throw new InputException(fp.file, "line " + u.line(), "unit '" + u.name() + "' lies (partly)"
                        + " outside the wafer: on the wafer it spans x " + mm(x0) + " .. " + mm(x1) + " mm, y "
                        + mm(y0) + " .. " + mm(y1) + " mm (power.floorplan_origin = (" + mm(originX) + ", "
                        + mm(originY) + ") mm), the wafer spans 0 .. " + mm(cores.waferSizeX()) + " mm x 0 .. "
                        + mm(cores.waferSizeY()) + " mm");
            }
            if (unitPower[k] == 0) continue;
            if (!spread(cores, x0, x1, y0, y1, unitPower[k], w)) {
                throw new InputException(fp.file, "line " + u.line(), "unit '" + u.name() + "' covers no core (it"
                        + " lies on scribe lines only), so its " + PowerDistribution.watts(unitPower[k])
                        + " would have nowhere to go; move it onto a die or give it 0 W in " + tr.file);
            }
        }
        double traceTotal = Sums.of(unitPower);
        if (!(traceTotal > 0)) {
            throw new InputException(tr.file, row == null ? null : "line " + tr.lines[row], "every unit has 0 W "
                    + (row == null ? "in every sample" : "in sample row " + row) + ", so the trace gives no"
                    + " distribution of the power");
        }
        SpareShare.moveToActiveCores(cores, w);
        String desc = "HotSpot trace " + tr.file + " (" + (row == null ? "mean of " + tr.samples.length
                + " samples" : "sample row " + row + " of " + tr.samples.length) + ", " + tr.names.size()
                + " units, " + PowerDistribution.watts(traceTotal) + ") on floorplan " + fp.file;
        return PowerDistribution.perCore(cores, w, desc);
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
        java.util.Set<String> inTrace = new java.util.HashSet<>(tr.names);
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

    /**
     * Adds {@code power} to the cores under the rectangle in proportion to overlap area; false when the rectangle
     * covers no core area (only scribe lines).
     */
    private static boolean spread(CoreArray cores, double x0, double x1, double y0, double y1, double power,
                                  double[] w) {
        int gc0 = firstAfter(cores, true, x0), gr0 = firstAfter(cores, false, y0);
        int ncol = cores.globalColumns(), nrow = cores.globalRows();
        Sums total = Sums.create();
        for (int pass = 0; pass < 2; pass++) {
            if (pass == 1 && !(total.value() > 0)) return false;
            double scale = pass == 0 ? 0 : power / total.value();
            for (int gr = gr0; gr < nrow && cores.rowY0(gr) < y1; gr++) {
                double oy = Math.min(y1, cores.rowY1(gr)) - Math.max(y0, cores.rowY0(gr));
                if (oy <= 0) continue;
                for (int gc = gc0; gc < ncol && cores.columnX0(gc) < x1; gc++) {
                    double ox = Math.min(x1, cores.columnX1(gc)) - Math.max(x0, cores.columnX0(gc));
                    if (ox <= 0) continue;
                    if (pass == 0) {
                        total.add(ox * oy);
                    } else {
                        int d = cores.dieIndex(gc / cores.perDieX(), gr / cores.perDieY());
                        w[cores.coreIndex(d, gc % cores.perDieX(), gr % cores.perDieY())] += scale * (ox * oy);
                    }
                }
            }
        }
        return true;
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
