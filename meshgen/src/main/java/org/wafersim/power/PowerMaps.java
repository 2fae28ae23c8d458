package org.wafersim.power;

import org.wafersim.cases.PowerSpec.MapLevel;
import org.wafersim.geometry.CoreArray;

/**
 * A power map (CSV table or HDF5 dataset) as a distribution over the cores. Values are relative powers per entry
 * (W, counts, utilisation: any unit, since they are normalised to {@code power.total}), not densities, and must be
 * >= 0 with at least one > 0.
 * <ul>
 * <li>die level: {@code dies.rows x dies.columns} (row 0 = lowest y); each die's share is spread over its active
 * cores in proportion to core area, as for the patterns;</li>
 * <li>core level: {@code globalRows x globalColumns} (637 x 636 for the default wafer), entry {@code [gr][gc]} is
 * the core in global row gr and global column gc (see {@link CoreArray}); spares' shares go to their die's active
 * cores ({@link SpareShare});</li>
 * <li>HDF5 only: a 1-D dataset with one value per die (die index order) or per core (core index order, as
 * {@code /cores/power} of a wafersim result, so a result's power can be fed back in).</li>
 * </ul>
 * The level is {@code power.map_level} or, when that is not given, whichever one the shape matches.
 */
final class PowerMaps {
    private PowerMaps() { }

    static PowerDistribution distribution(CoreArray cores, PowerTable t, MapLevel level, String what) {
        MapLevel l = levelOf(cores, t, level);
        t.checkNonNegative("powers in a power map");
        double[] w = l == MapLevel.DIE ? dieWeights(cores, t) : coreWeights(cores, t);
        double sum = Sums.of(w);
        if (Double.isNaN(sum) || Double.isInfinite(sum)) {
            // the entries are finite (checked) but their sum overflows: say so, not "every value is 0"
            throw t.error("the values sum to more than a double can hold; the map is normalised to power.total, so"
                    + " scale it down (e.g. to W or to fractions)");
        }
        if (!(sum > 0)) throw t.error("every value is 0, so the map gives no distribution of the power");
        String desc = what + ", " + l.key + " level, " + t.shapeText();
        if (l == MapLevel.DIE) return PowerDistribution.perDie(cores, w, desc);
        SpareShare.moveToActiveCores(cores, w);
        return PowerDistribution.perCore(cores, w, desc);
    }

    /** The level the table's shape matches (checked against {@code level} when that is given). */
    private static MapLevel levelOf(CoreArray cores, PowerTable t, MapLevel level) {
        boolean die, core;
        if (t.oneD()) {
            die = t.columns() == cores.dieCount();
            core = t.columns() == cores.coreCount();
        } else {
            die = t.rows() == cores.rows() && t.columns() == cores.columns();
            core = t.rows() == cores.globalRows() && t.columns() == cores.globalColumns();
        }
        if (level == MapLevel.DIE && die || level == MapLevel.CORE && core) return level;
        if (level == null && die) return MapLevel.DIE;
        if (level == null && core) return MapLevel.CORE;
        throw t.error("the power map is " + t.shapeText() + (t.oneD() ? "" : " (rows x columns)") + "; this case's"
                + " core array needs " + expected(cores, t.oneD(), level) + (t.oneD() ? "" : "; row 0 is the lowest y"));
    }

    private static String expected(CoreArray cores, boolean oneD, MapLevel level) {
        String d = oneD ? cores.dieCount() + " values (one per die)"
                : cores.rows() + " x " + cores.columns() + " for a die-level map (dies.rows x dies.columns)";
        String c = oneD ? cores.coreCount() + " values (one per core, in core index order)"
                : cores.globalRows() + " x " + cores.globalColumns() + " for a core-level map (" + cores.rows()
                + " x " + cores.perDieY() + " core rows by " + cores.columns() + " x " + cores.perDieX()
                + " core columns)";
        if (level == MapLevel.DIE) return d + " (power.map_level: die)";
        if (level == MapLevel.CORE) return c + " (power.map_level: core)";
        return d + " or " + c;
    }

    /** Die weights in die index order ({@code row*columns + col}, which is also the row-major table order). */
    private static double[] dieWeights(CoreArray cores, PowerTable t) {
        return t.values().clone();
    }

    private static double[] coreWeights(CoreArray cores, PowerTable t) {
        if (t.oneD()) return t.values().clone();
        double[] w = new double[cores.coreCount()];
        int px = cores.perDieX(), py = cores.perDieY();
        for (int gr = 0; gr < t.rows(); gr++) {
            for (int gc = 0; gc < t.columns(); gc++) {
                int d = cores.dieIndex(gc / px, gr / py);
                w[cores.coreIndex(d, gc % px, gr % py)] = t.at(gr, gc);
            }
        }
        return w;
    }
}
