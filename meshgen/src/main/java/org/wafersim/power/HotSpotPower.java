package org.wafersim.power;

import org.wafersim.errors.InputException;
import org.wafersim.geometry.CoreArray;

/**
 * Places a HotSpot power trace on the wafer through its floorplan ({@link HotSpotPlacement}) for a steady run. The
 * floorplan's (0, 0) sits at {@code power.floorplan_origin} on the wafer (default the wafer's lower-left corner);
 * every unit must lie inside the wafer.
 *
 * <p>Each unit's power goes to the cores it covers, in proportion to the overlap area. Scribe lines carry no power
 * (DESIGN), so the part of a unit over a scribe line gets none: the unit's whole power is spread over the core
 * area it covers, and a unit with power that covers no core at all is an error, because its power would have nowhere
 * to go. Power on spare cores goes to the active cores of their die ({@link SpareShare}). Finally the distribution
 * is normalised to {@code power.total}, so the trace's absolute watts only set the proportions (the summary line
 * says by which factor they were scaled).
 */
final class HotSpotPower {
    private HotSpotPower() { }

    static PowerDistribution distribution(CoreArray cores, HotSpotFloorplan fp, HotSpotTrace tr, Integer row,
                                          double originX, double originY, String caseSource) {
        HotSpotPlacement placement = HotSpotPlacement.of(cores, fp, tr, originX, originY, "power.floorplan_origin");
        double[] unitPower = tr.power(row, caseSource);
        placement.checkCovered(unitPower);
        double traceTotal = Sums.of(unitPower);
        if (!(traceTotal > 0)) {
            throw new InputException(tr.file, row == null ? null : "line " + tr.lines[row], "every unit has 0 W "
                    + (row == null ? "in every sample" : "in sample row " + row) + ", so the trace gives no"
                    + " distribution of the power");
        }
        double[] w = new double[cores.coreCount()];
        placement.spread(unitPower, 1, unitPower, 0, 1, w);
        SpareShare.moveToActiveCores(cores, w);
        String desc = "HotSpot trace " + tr.file + " (" + (row == null ? "mean of " + tr.samples.length
                + " samples" : "sample row " + row + " of " + tr.samples.length) + ", " + tr.names.size()
                + " units, " + PowerDistribution.watts(traceTotal) + ") on floorplan " + fp.file;
        return PowerDistribution.perCore(cores, w, desc);
    }
}
