package org.wafersim.power;

import java.nio.file.Path;
import java.util.List;
import org.wafersim.errors.InputException;
import org.wafersim.geometry.CoreArray;

/**
 * Die powers from a per-die utilisation table ({@code power.utilisation}): die d gets a weight
 * {@code f + (1 - f) * u_d}, where {@code u_d} in [0, 1] is its utilisation and {@code f = power.idle_fraction}
 * (default 0) is the part of a fully busy die's power that every die draws even when idle (clocks, always-on
 * logic; not to be confused with {@code power.idle}, the wafer's idle state). The weights are normalised to {@code power.total} and each die's power is spread over its active
 * cores in proportion to core area. Rows are die rows from the lowest y up, columns die columns from the lowest x.
 */
final class UtilisationPower {
    private UtilisationPower() { }

    /** From the inline table of the case (already checked by the loader: shape and range). */
    static PowerDistribution ofTable(CoreArray cores, List<List<Double>> table, double idleFraction, String source) {
        double[] u = new double[cores.dieCount()];
        for (int r = 0; r < table.size(); r++) {
            for (int c = 0; c < table.get(r).size(); c++) u[cores.dieIndex(c, r)] = table.get(r).get(c);
        }
        return of(cores, u, idleFraction, "utilisation table of " + source, source, "power.utilisation");
    }

    /** From a CSV file of {@code dies.rows x dies.columns} numbers in [0, 1]. */
    static PowerDistribution ofFile(CoreArray cores, Path file, double idleFraction, String caseSource) {
        PowerTable t = CsvTables.read(file, "power.utilisation of " + caseSource);
        if (t.rows() != cores.rows() || t.columns() != cores.columns()) {
            throw t.error("the utilisation table is " + t.shapeText() + " (rows x columns); this case has "
                    + cores.rows() + " x " + cores.columns() + " dies (dies.rows x dies.columns, row 0 = lowest y)");
        }
        for (int r = 0; r < t.rows(); r++) {
            for (int c = 0; c < t.columns(); c++) {
                double v = t.at(r, c);
                if (!(v >= 0 && v <= 1)) throw t.error(r, c, "(" + v + ") is not a utilisation in [0, 1]");
            }
        }
        return of(cores, t.values().clone(), idleFraction, "utilisation file " + file, file.toString(), null);
    }

    private static PowerDistribution of(CoreArray cores, double[] u, double f, String what, String source,
                                        String key) {
        double[] w = new double[u.length];
        Sums mean = Sums.create();
        for (int d = 0; d < u.length; d++) {
            w[d] = f + (1 - f) * u[d];
            mean.add(u[d]);
        }
        if (!(Sums.of(w) > 0)) {
            throw new InputException(source, key, "every die has utilisation 0 and power.idle_fraction is 0, so no"
                    + " die would get any of power.total");
        }
        String desc = String.format(java.util.Locale.ROOT, "%s (%d x %d dies, mean utilisation %.3g, idle_fraction %s)",
                what, cores.rows(), cores.columns(), mean.value() / u.length, PowerDistribution.num(f));
        return PowerDistribution.perDie(cores, w, desc);
    }
}
