package org.wafersim.thermal;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The step-response times read off a sampled response ({@link StepResponse#crossingTime}). */
class StepResponseTimesTest {
    /** Samples at t = 0 and then geometrically growing steps, as the adaptive integrator takes them. */
    static List<Double> times(double first, double growth, double end) {
        List<Double> t = new ArrayList<>(List.of(0.0));
        for (double h = first, s = 0; s < end; h *= growth) t.add(s = Math.min(end, s + h));
        return t;
    }

    static double twoExp(double t) { return 10 + 5 * (1 - 0.7 * Math.exp(-t / 1.5) - 0.3 * Math.exp(-t / 40)); }

    /** The exact crossing of twoExp (rising from 10 to 15) by bisection. */
    static double exactCrossing(double frac) {
        double target = 10 + 5 * frac, lo = 0, hi = 1e4;
        for (int k = 0; k < 200; k++) {
            double mid = 0.5 * (lo + hi);
            if (twoExp(mid) < target) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    @Test
    void exactForAnExponentialWhereverTheSamplesFall() {
        double tau = 7.3;
        for (double growth : new double[]{1.3, 1.7, 2.5}) {
            List<Double> t = times(0.05, growth, 3000);
            List<Double> v = new ArrayList<>();
            for (double ti : t) v.add(300 - 20 * Math.exp(-ti / tau));    // a cooling step down from 300 K
            v.set(v.size() - 1, 300.0);                                      // settled at the next breakpoint
            for (double frac : new double[]{0.632, 0.9, 0.99})
                assertEquals(-tau * Math.log(1 - frac), StepResponse.crossingTime(t, v, 0, t.size() - 1, frac),
                        1e-9 * tau, "growth " + growth + ", fraction " + frac);
        }
    }

    @Test
    void twoTimeConstantsNeedNoFineSampling() {
        for (double growth : new double[]{1.3, 1.5, 2.0}) {
            List<Double> t = times(0.02, growth, 5000);
            List<Double> v = new ArrayList<>();
            for (double ti : t) v.add(twoExp(ti));
            for (double frac : new double[]{0.632, 0.9, 0.99}) {
                double exact = exactCrossing(frac), got = StepResponse.crossingTime(t, v, 0, t.size() - 1, frac);
                System.out.printf("growth %.1f, %.1f %%: %.4f s vs exact %.4f s (%.2e)%n", growth, 100 * frac, got,
                        exact, got / exact - 1);
                // PCHIP on ln r: third order in the step; measured <= 2e-3 up to growth 1.5 (the integrator's),
                // 1.8e-2 at growth 2, where linear interpolation of v was off by 1.3-2.6 % and 4-11 %
                assertEquals(exact, got, (growth <= 1.5 ? 5e-3 : 4e-2) * exact, "growth " + growth + ", fraction " + frac);
            }
        }
    }

    @Test
    void neverReachedGivesNaN() {
        List<Double> t = List.of(0.0, 1.0, 2.0);
        List<Double> v = List.of(0.0, 0.5, 0.5);
        assertTrue(Double.isNaN(StepResponse.crossingTime(t, v, 0, 1, 1.5)));
    }
}
