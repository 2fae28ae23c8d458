package org.wafersim.linalg;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fused double sweep is exactly two single sweeps: every block length the row blocking can leave (including
 * the short last block and grids of one to a few rows), both colour orders, from zero and from a given x, on one
 * and on two threads.
 */
class LineSmootherTest {
    private static Parallel two;

    @BeforeAll static void pool() { two = new Parallel(2); }
    @AfterAll static void close() { two.close(); }

    @Test
    void sweepTwiceIsBitwiseTwoSweeps() {
        int[] rows = {1, 2, 3, 4, 5, 6, 7, 8, 9, 31, 32, 33, 35, 36, 37, 64, 70, 97};
        for (int ny : rows)
            for (int first = 0; first < 2; first++)
                for (boolean zero : new boolean[]{false, true})
                    for (Parallel par : new Parallel[]{Parallel.serial(), two}) {
                        Stencil7 a = MultigridTest.randomOperator(7, ny, 4, 100 + ny, two);
                        LineSmoother s = new LineSmoother(a, par);
                        double[] b = MultigridTest.random(a.size(), 7 + ny);
                        double[] x0 = MultigridTest.random(a.size(), 11 + ny);
                        double[] expect = x0.clone(), got = x0.clone();
                        s.sweep(par, b, expect, first, zero);
                        s.sweep(par, b, expect, first, false);
                        s.sweepTwice(par, b, got, first, zero);
                        String what = "ny " + ny + ", first colour " + first + (zero ? ", from zero" : "");
                        for (int c = 0; c < a.size(); c++)
                            assertEquals(Double.doubleToRawLongBits(expect[c]), Double.doubleToRawLongBits(got[c]),
                                    what + ": cell " + c);
                    }
    }
}
