package org.wafersim.thermal;

import java.util.List;

/**
 * The periodic-state test of a cycle run: a cycle repeats the one before when no sampled value (probes, wafer mean,
 * hottest core) differs from the previous cycle's at the same phase by more than the case's
 * {@code transient.periodic_tolerance}.
 */
public final class PeriodicState {
    private PeriodicState() { }

    /**
     * Largest difference between two cycles' samples, the previous cycle interpolated linearly in phase. Each row is
     * {phase within the cycle (s), value...}; the rows of a cycle are in phase order.
     */
    public static double largestDifference(List<double[]> prev, List<double[]> cur) {
        double worst = 0;
        for (double[] r : cur) {
            double ph = r[0];
            int i = 0;
            while (i < prev.size() - 2 && prev.get(i + 1)[0] < ph) i++;
            double[] a = prev.get(i), b = prev.get(Math.min(i + 1, prev.size() - 1));
            double w = b[0] > a[0] ? Math.min(1, Math.max(0, (ph - a[0]) / (b[0] - a[0]))) : 0;
            for (int k = 1; k < r.length; k++) worst = Math.max(worst, Math.abs(r[k] - (a[k] + w * (b[k] - a[k]))));
        }
        return worst;
    }
}
