package org.wafersim.reliability;

import java.util.List;

/**
 * Palmgren–Miner linear damage accumulation: D = Σ n_i / N_i, with n_i the applied cycles of amplitude class i and
 * N_i the cycles to failure at that amplitude; failure is predicted at D = 1 (Miner, J. Appl. Mech. 12, A159, 1945).
 * The rule ignores load-sequence effects; it is the standard companion of rainflow counting (ASTM E1049) and of
 * Engelmaier's solder-fatigue model (IPC-D-279) for mixed cycles.
 */
public final class Miner {
    private Miner() { }

    /** Cycles to failure of one cycle of the given range and mean (units of the counted history). */
    @FunctionalInterface
    public interface CyclesToFailure {
        double at(double range, double mean);
    }

    /**
     * Damage of one pass through the counted cycles, Σ count/N_f(range, mean) (dimensionless). A cycle whose N_f is
     * infinite adds nothing; an N_f ≤ 0 or NaN is rejected.
     */
    public static double damage(List<Rainflow.Cycle> cycles, CyclesToFailure nf) {
        double d = 0;
        for (Rainflow.Cycle c : cycles) d += c.count() / checked(nf.at(c.range(), c.mean()));
        return d;
    }

    /** Damage Σ counts[i]/cyclesToFailure[i] (dimensionless). */
    public static double damage(double[] counts, double[] cyclesToFailure) {
        if (counts.length != cyclesToFailure.length) throw new IllegalArgumentException("length mismatch");
        double d = 0;
        for (int i = 0; i < counts.length; i++) d += counts[i] / checked(cyclesToFailure[i]);
        return d;
    }

    /** Repetitions of a block until failure, 1/D (∞ for zero damage). */
    public static double blocksToFailure(double damagePerBlock) {
        if (!(damagePerBlock >= 0)) throw new IllegalArgumentException("damage must be >= 0, got " + damagePerBlock);
        return 1.0 / damagePerBlock;
    }

    private static double checked(double n) {
        if (!(n > 0)) throw new IllegalArgumentException("cycles to failure must be positive, got " + n);
        return n;
    }
}
