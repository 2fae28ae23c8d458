package org.wafersim.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * The MTTF quadrature against the Weibull closed form, and the memo that lets a second integral over the same
 * expensive factor (the wafer's cores, then the cores in series with the connector) reuse the first one's values.
 */
class LifeIntegralTest {
    private static final double BETA = 2.5, ETA = 140 * Durations.YEAR;

    /** A Weibull survival function that records every batch it is asked for. */
    private static final class Counted implements LifeIntegral.Survival {
        final List<double[]> batches = new ArrayList<>();

        @Override
        public double[] at(double[] times) {
            batches.add(times.clone());
            double[] r = new double[times.length];
            for (int k = 0; k < r.length; k++) r[k] = Math.exp(-Math.pow(times[k] / ETA, BETA));
            return r;
        }

        int points() { return batches.stream().mapToInt(b -> b.length).sum(); }
    }

    @Test
    void weibullMttfMatchesTheClosedForm() {
        LifeIntegral.Result r = LifeIntegral.mttf(new Counted(), 5 * Durations.YEAR, 1e-8);
        double exact = ETA * Gamma.gamma(1 + 1 / BETA);
        assertEquals(exact, r.mttf(), 1e-8 * exact);
        assertTrue(Math.abs(r.mttf() - exact) <= r.errorBound() + 1e-12 * exact, r.toString());
    }

    @Test
    void memoizedGivesTheSameIntegralBitForBitAndAsksEachTimeOnce() {
        Counted plain = new Counted(), inner = new Counted();
        LifeIntegral.Survival memo = LifeIntegral.memoized(inner);
        double guess = 5 * Durations.YEAR;
        LifeIntegral.Result a = LifeIntegral.mttf(plain, guess, 1e-6);
        LifeIntegral.Result b = LifeIntegral.mttf(memo, guess, 1e-6);
        assertEquals(a, b);
        // the bracket starts twice at the guess: the memo asks for it once
        assertEquals(plain.points() - 1, inner.points());
        int asked = inner.points();

        // a factor that is 1 wherever the first integral looked (a connector outliving the cores by 1e5):
        // the second integral runs at the same times and asks the expensive factor for none of them
        double far = 1e5 * ETA;
        LifeIntegral.Result system = LifeIntegral.mttf(times -> {
            double[] r = memo.at(times);
            for (int k = 0; k < r.length; k++) r[k] *= Math.exp(-Math.pow(times[k] / far, 6));
            return r;
        }, guess, 1e-6);
        assertEquals(asked, inner.points());
        assertEquals(a.mttf(), system.mttf(), 0);
    }

    @Test
    void memoizedAsksOnlyForUnseenTimesInOneBatch() {
        Counted inner = new Counted();
        LifeIntegral.Survival memo = LifeIntegral.memoized(inner);
        double y = Durations.YEAR;
        double[] first = memo.at(new double[] {y, 2 * y});
        double[] second = memo.at(new double[] {3 * y, 2 * y, 3 * y, y});
        assertEquals(2, inner.batches.size());
        assertArrayEquals(new double[] {3 * y}, inner.batches.get(1));
        assertArrayEquals(new double[] {new Counted().at(new double[] {3 * y})[0], first[1],
                new Counted().at(new double[] {3 * y})[0], first[0]}, second, 0);
        // the caller may scale what it gets without touching the memo
        second[3] = -1;
        assertEquals(first[0], memo.at(new double[] {y})[0], 0);
        assertEquals(2, inner.batches.size());
    }
}
