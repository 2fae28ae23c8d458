package org.wafersim.power;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wafersim.cases.TransientSpec.TraceLevel;
import org.wafersim.errors.InputException;
import org.wafersim.geometry.CoreArray;

/**
 * What the value columns of a CSV trace mean, from their names: {@code scale} (one column, a factor on
 * {@code power.total}), {@code power [W]} (one column, the total power with its unit in the header, like the time
 * column: {@code power [kW]}, {@code power (W)}), {@code die_<column>_<row>} (W per die, die column and row as in {@link CoreArray}, 0-based
 * from the lower left) or {@code core_<index>} (W per core, core index as in {@link CoreArray}). One level per
 * trace; a die- or core-level trace needs a column for every die or core, because its values are absolute: a
 * forgotten column would silently mean 0 W.
 */
final class TraceColumns {
    static final String SCALE = "scale";
    private static final Pattern DIE = Pattern.compile("die_(\\d{1,9})_(\\d{1,9})");
    private static final Pattern CORE = Pattern.compile("core_(\\d{1,9})");
    /** {@code power [unit]} or {@code power (unit)}, any case: the total power in that unit. */
    private static final Pattern POWER =
            Pattern.compile("(?i)power\\s*(?:\\[\\s*([^\\]]*?)\\s*]|\\(\\s*([^)]*?)\\s*\\))");
    private static final int LIST_AT_MOST = 8;

    /**
     * The level and, per value column, the die or core it gives (0 for a global column); {@code watts}: W per value
     * (1 for die and core columns, the unit's factor for a {@code power [unit]} column), NaN for scale factors.
     */
    record Layout(TraceLevel level, int[] target, double watts) {
        boolean inWatts() { return !Double.isNaN(watts); }
    }

    /**
     * W per value of a {@code power [unit]} column named {@code name}, NaN for any other name.
     *
     * @throws InputException when the unit is not a unit of power
     */
    static double powerColumn(String name, String file, String where) {
        Matcher m = POWER.matcher(name);
        if (!m.matches()) return Double.NaN;
        String unit = m.group(1) != null ? m.group(1) : m.group(2);
        try {
            return org.wafersim.units.Units.parse("1 " + unit, org.wafersim.units.Dimension.POWER);
        } catch (InputException e) {
            throw new InputException(file, where, "column \"" + name + "\": '" + unit + "' is not a unit of power ("
                    + e.reason() + "); e.g. W, kW");
        }
    }

    private TraceColumns() { }

    /**
     * @param cores      the core array; null: only the names and the level are checked (not the dies and cores
     *                   they give), for the level when the case is read ({@link TraceWatts})
     * @param wanted     {@code transient.trace.level} of the case, or null (the header decides)
     * @param caseSource the case file, for the message when the header contradicts {@code wanted}
     */
    static Layout of(TraceCsv.Table t, CoreArray cores, TraceLevel wanted, String caseSource) {
        String where = "line " + t.headerLine();
        int n = t.columns().length;
        int[] target = new int[n];
        TraceLevel level = null;
        int first = -1;
        double watts = Double.NaN;
        for (int k = 0; k < n; k++) {
            String name = t.columns()[k];
            TraceLevel l;
            Matcher dm = DIE.matcher(name), cm = CORE.matcher(name);
            double w = powerColumn(name, t.file(), where);
            if (name.equals(SCALE) || !Double.isNaN(w)) {
                l = TraceLevel.GLOBAL;
                if (level == TraceLevel.GLOBAL) {
                    throw new InputException(t.file(), where, t.column(k) + " is a second global column after "
                            + t.column(first) + "; a global trace has one column, " + SCALE + " (a factor on"
                            + " power.total) or power [W] (the total power)");
                }
                watts = w;
            } else if (dm.matches()) {
                l = TraceLevel.DIE;
                int col = Integer.parseInt(dm.group(1)), row = Integer.parseInt(dm.group(2));
                if (cores == null) {
                    target[k] = -1;
                } else if (col >= cores.columns() || row >= cores.rows()) {
                    throw new InputException(t.file(), where, t.column(k) + ": there is no such die; the wafer has"
                            + " die columns 0.." + (cores.columns() - 1) + " and die rows 0.." + (cores.rows() - 1));
                } else {
                    target[k] = cores.dieIndex(col, row);
                }
            } else if (cm.matches()) {
                l = TraceLevel.CORE;
                int c = Integer.parseInt(cm.group(1));
                if (cores != null && c >= cores.coreCount()) {
                    throw new InputException(t.file(), where, t.column(k) + ": there is no such core; the wafer has"
                            + " cores 0.." + (cores.coreCount() - 1));
                }
                target[k] = c;
            } else {
                throw new InputException(t.file(), where, t.column(k) + " is not a trace column; expected " + SCALE
                        + " (a factor on power.total), power [W] (the total power), die_<column>_<row> (W per die) or"
                        + " core_<index> (W per core)");
            }
            if (level == null) {
                level = l;
                first = k;
            } else if (l != level) {
                throw new InputException(t.file(), where, t.column(k) + " is a " + l.key + "-level column but "
                        + t.column(first) + " is a " + level.key + "-level column; a trace has one level");
            }
        }
        if (wanted != null && wanted != level) {
            throw new InputException(t.file(), where, "the columns are " + level.key + " level (" + t.column(first)
                    + "), but transient.trace.level of " + caseSource + " is " + wanted.key);
        }
        if (level != TraceLevel.GLOBAL && cores != null) checkComplete(t, cores, level, target);
        return new Layout(level, target, level == TraceLevel.GLOBAL ? watts : 1);
    }

    /** Every die (core) exactly once. */
    private static void checkComplete(TraceCsv.Table t, CoreArray cores, TraceLevel level, int[] target) {
        boolean die = level == TraceLevel.DIE;
        int count = die ? cores.dieCount() : cores.coreCount();
        int[] column = new int[count];
        java.util.Arrays.fill(column, -1);
        for (int k = 0; k < target.length; k++) {
            int prev = column[target[k]];
            if (prev >= 0) {
                throw new InputException(t.file(), "line " + t.headerLine(), t.column(k) + " is the same "
                        + (die ? "die" : "core") + " as " + t.column(prev));
            }
            column[target[k]] = k;
        }
        List<String> missing = new ArrayList<>();
        int missingCount = 0;
        for (int i = 0; i < count; i++) {
            if (column[i] >= 0) continue;
            missingCount++;
            if (missing.size() < LIST_AT_MOST) {
                missing.add(die ? "die_" + cores.dieColumn(i) + "_" + cores.dieRow(i) : "core_" + i);
            }
        }
        if (missingCount > 0) {
            throw new InputException(t.file(), "line " + t.headerLine(), "no column for " + String.join(", ", missing)
                    + (missingCount > missing.size() ? ", ..." : "") + " (" + missingCount + " of " + count + " "
                    + (die ? "dies" : "cores") + "); a " + level.key + "-level trace gives absolute W, so every "
                    + (die ? "die" : "core") + " needs a column (0 for an idle one)");
        }
    }

    /** The samples in die or core index order ({@code level} die or core), or the scale factors (global). */
    static double[][] rows(TraceCsv.Table t, Layout layout, CoreArray cores) {
        double[][] v = t.values();
        double[][] rows = new double[v.length][];
        int size = switch (layout.level()) {
            case GLOBAL -> 1;
            case DIE -> cores.dieCount();
            case CORE -> cores.coreCount();
        };
        for (int r = 0; r < v.length; r++) {
            rows[r] = new double[size];
            for (int k = 0; k < v[r].length; k++) rows[r][layout.target()[k]] = v[r][k];
        }
        return rows;
    }
}
