package org.wafersim.thermal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cycle-to-cycle comparison behind the periodic-state test of a cycle run. */
class PeriodicStateTest {
    private static List<double[]> cycle(double[] phases, double offset) {
        List<double[]> rows = new ArrayList<>();
        for (double p : phases) rows.add(new double[]{p, Math.sin(p) + offset, 2 * p + offset});
        return rows;
    }

    @Test
    void sameCycleOnTheSamePhasesIsPeriodic() {
        double[] ph = {0, 0.5, 1, 2, 3};
        // a + w (b - a) at w = 1 is b to round-off only
        assertEquals(0, PeriodicState.largestDifference(cycle(ph, 0), cycle(ph, 0)), 1e-15);
    }

    @Test
    void aUniformShiftIsTheDifference() {
        double[] ph = {0, 0.5, 1, 2, 3};
        assertEquals(0.25, PeriodicState.largestDifference(cycle(ph, 0), cycle(ph, 0.25)), 1e-15);
    }

    /** Other step sequences: the previous cycle is interpolated linearly in phase, exact for a linear response. */
    @Test
    void otherPhasesAreInterpolatedLinearly() {
        List<double[]> prev = new ArrayList<>(), cur = new ArrayList<>();
        for (double p : new double[]{0, 1, 2, 4}) prev.add(new double[]{p, 3 * p - 1});
        for (double p : new double[]{0.3, 1.7, 3.1}) cur.add(new double[]{p, 3 * p - 1});
        assertEquals(0, PeriodicState.largestDifference(prev, cur), 1e-14);
        cur.set(1, new double[]{1.7, 3 * 1.7 - 1 + 0.01});
        assertEquals(0.01, PeriodicState.largestDifference(prev, cur), 1e-14);
    }
}
