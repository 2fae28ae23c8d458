package org.wafersim.power;

import org.wafersim.geometry.CoreArray;

/**
 * Spare cores are idle (0 W) whatever the power source says: a map or a HotSpot unit may well put power on a core
 * that this case declares a spare. That power is not lost but moved to the active cores of the same die, in
 * proportion to the power they already have (so the pattern inside the die is kept and each die keeps its total);
 * if the die's active cores have none, in proportion to their area.
 */
final class SpareShare {
    private SpareShare() { }

    /** Moves the share of the spares of every die onto its active cores, in place; spares end at 0. */
    static void moveToActiveCores(CoreArray cores, double[] w) {
        int cpd = cores.coresPerDie();
        for (int d = 0; d < cores.dieCount(); d++) {
            int c0 = cores.firstCore(d), c1 = c0 + cpd;
            if (cores.sparesInDie(d) == 0) continue;
            Sums all = Sums.create(), active = Sums.create(), area = Sums.create();
            for (int c = c0; c < c1; c++) {
                all.add(w[c]);
                if (!cores.isSpare(c)) {
                    active.add(w[c]);
                    area.add(cores.area(c));
                }
            }
            double sAll = all.value(), sAct = active.value();
            if (sAll == 0) continue;
            for (int c = c0; c < c1; c++) {
                if (cores.isSpare(c)) w[c] = 0;
                else w[c] = sAct > 0 ? w[c] * (sAll / sAct) : sAll * (cores.area(c) / area.value());
            }
        }
    }
}
