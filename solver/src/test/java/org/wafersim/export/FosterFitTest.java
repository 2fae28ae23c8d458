package org.wafersim.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The Foster fit recovers the networks it is made of: sampled the way the transient solver samples (steps growing
 * geometrically from 0.1 ms), sums of exponentials come back stage by stage within 1 % in R and tau (the data are
 * exact, so only the optimiser's convergence limits this; it reaches ~1e-6), and the reported error is what it says.
 */
class FosterFitTest {
    static double[] times(double first, double last, double growth) {
        java.util.List<Double> t = new java.util.ArrayList<>(java.util.List.of(0.0));
        for (double x = first; x < last; x *= growth) t.add(x);
        t.add(last);
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double[] z(double[] t, double[] r, double[] tau) {
        double[] z = new double[t.length];
        for (int k = 0; k < t.length; k++)
            for (int i = 0; i < r.length; i++) z[k] += r[i] * -Math.expm1(-t[k] / tau[i]);
        return z;
    }

    private static void recovered(double[] r, double[] tau, double[] t) {
        FosterFit.Result f = FosterFit.fit(t, z(t, r, tau), r.length);
        for (int i = 0; i < r.length; i++) {
            FosterFit.Stage s = f.stages().get(i);
            System.out.printf("stage %d: R %.6e (exact %.6e, %.1e rel), tau %.6e (exact %.6e, %.1e rel)%n", i + 1,
                    s.r(), r[i], Math.abs(s.r() / r[i] - 1), s.tau(), tau[i], Math.abs(s.tau() / tau[i] - 1));
            assertEquals(r[i], s.r(), 0.01 * r[i], "R of stage " + (i + 1));
            assertEquals(tau[i], s.tau(), 0.01 * tau[i], "tau of stage " + (i + 1));
        }
        assertTrue(f.maxRelError() < 1e-4, "fit error " + f.maxRelError());
    }

    @Test
    void twoExponentials() {
        // the shape of the wafer's response: a fast TIM/wafer stage and a slower cold-plate stage
        recovered(new double[]{4e-4, 1.6e-3}, new double[]{0.03, 0.8}, times(1e-4, 600, 1.3));
    }

    @Test
    void twoExponentialsCloseTogether() {
        recovered(new double[]{1.0, 2.0}, new double[]{1.0, 5.0}, times(1e-3, 200, 1.2));
    }

    @Test
    void threeExponentials() {
        recovered(new double[]{5e-5, 4e-4, 1.5e-3}, new double[]{5e-4, 0.03, 0.8}, times(1e-5, 100, 1.25));
    }

    @Test
    void reportedErrorIsTheTrueError() {
        double[] t = times(1e-3, 100, 1.2);
        double[] z = z(t, new double[]{1, 1}, new double[]{0.1, 10});
        FosterFit.Result f = FosterFit.fit(t, z, 1);   // one stage cannot follow two: a visible error
        double max = 0;
        for (int k = 0; k < t.length; k++) max = Math.max(max, Math.abs(f.z(t[k]) - z[k]) / z[z.length - 1]);
        assertTrue(f.maxRelError() > 0.05, "one stage for two decades apart is a poor fit: " + f.maxRelError());
        assertEquals(max, f.maxRelError(), 1e-12);
    }

    @Test
    void badInput() {
        double[] t = times(1e-3, 10, 1.5);
        assertThrows(IllegalArgumentException.class, () -> FosterFit.fit(t, new double[t.length], 2));
        assertThrows(IllegalArgumentException.class, () -> FosterFit.fit(t, z(t, new double[]{1}, new double[]{1}), 0));
        assertThrows(IllegalArgumentException.class, () -> FosterFit.fit(t, z(t, new double[]{1}, new double[]{1}), 11));
    }
}
