package org.wafersim.reliability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * R(t) of every die and of the wafer at a set of times (from {@link DieRedundancy#curve}). Each reliability comes
 * with its complement Q = 1 − R computed directly (accurate when tiny): R_wafer = Π_d R_d is summed as
 * ln R_wafer = Σ_d ln(1 − Q_d) in die order, and Q_wafer = −expm1(ln R_wafer). Arrays are not copied; treat them as
 * read-only.
 *
 * @param times              time points, s (in the caller's order)
 * @param dieReliability     [die][time]
 * @param dieUnreliability   [die][time], 1 − R
 * @param waferReliability   [time]
 * @param waferUnreliability [time], 1 − R
 */
public record ReliabilityCurve(double[] times, double[][] dieReliability, double[][] dieUnreliability,
                               double[] waferReliability, double[] waferUnreliability) {

    public int dieCount() { return dieReliability.length; }

    /**
     * A die's reliability at one time.
     *
     * @param die            die index ({@code row*columns + column})
     * @param reliability    R_die
     * @param unreliability  1 − R_die
     */
    public record DieValue(int die, double reliability, double unreliability) { }

    /**
     * The {@code count} dies with the lowest R at time index {@code k} (highest unreliability first; ties in die
     * order) — the dies that limit the wafer's life.
     */
    public List<DieValue> lowestDies(int k, int count) {
        List<DieValue> all = new ArrayList<>();
        for (int d = 0; d < dieCount(); d++) all.add(new DieValue(d, dieReliability[d][k], dieUnreliability[d][k]));
        all.sort(Comparator.comparingDouble(DieValue::unreliability).reversed().thenComparingInt(DieValue::die));
        return List.copyOf(all.subList(0, Math.min(count, all.size())));
    }
}
