package org.wafersim.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The run's loop scheduler: it must finish every loop (no thread may wait for work that nobody runs, even with
 * helpers descheduled by a loaded machine), run every index exactly once, and give sums that do not depend on the
 * number of threads.
 */
class ParallelTest {

    /**
     * Many short loops back to back on a pool of two threads while other threads keep every core busy: the pattern
     * of a multigrid cycle on a shared machine that once hung the earlier fork-join form (one worker parked inside a
     * parallel stream's fork, the caller parked in join).
     */
    @Test
    void manyShortLoopsOnALoadedMachineFinish() {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> load = new ArrayList<>();
        int cores = Runtime.getRuntime().availableProcessors();
        for (int t = 0; t < 2 * cores; t++) {
            Thread th = new Thread(() -> {
                double x = 1;
                while (!stop.get()) x = Math.sqrt(x + 1);
                if (x == 0) System.out.println(x);
            });
            th.setDaemon(true);
            th.start();
            load.add(th);
        }
        try (Parallel par = new Parallel(2)) {
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                int[] hits = new int[64];
                for (int loop = 0; loop < 20_000; loop++) {
                    int n = 1 + loop % 64;
                    par.forEach(n, Long.MAX_VALUE, i -> hits[i]++);
                    // every so often let the helper time out in between, so that restarts are exercised too
                    if (loop % 5_000 == 4_999) Thread.sleep(5);
                }
                long total = 0;
                for (int h : hits) total += h;
                long expect = 0;
                for (int loop = 0; loop < 20_000; loop++) expect += 1 + loop % 64;
                assertEquals(expect, total, "every index runs exactly once");
            });
        } finally {
            stop.set(true);
        }
    }

    @Test
    void everyIndexOnceForLargeLoops() {
        try (Parallel par = new Parallel(3)) {
            AtomicInteger[] seen = new AtomicInteger[10_007];
            for (int i = 0; i < seen.length; i++) seen[i] = new AtomicInteger();
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (int r = 0; r < 50; r++) par.forEach(seen.length, i -> seen[i].incrementAndGet());
            });
            for (AtomicInteger s : seen) assertEquals(50, s.get());
        }
    }

    @Test
    void sumsAreBitwiseIndependentOfTheThreadCount() {
        int n = 1_000_003;
        double[] a = new double[n], b = new double[n];
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextGaussian() * Math.exp(10 * rnd.nextGaussian());
            b[i] = rnd.nextGaussian();
        }
        double ref;
        try (Parallel p1 = Parallel.serial()) { ref = p1.dot(a, b); }
        for (int threads : new int[] {2, 3, 4}) {
            try (Parallel p = new Parallel(threads)) {
                for (int r = 0; r < 5; r++) assertEquals(Double.doubleToRawLongBits(ref), Double.doubleToRawLongBits(p.dot(a, b)));
            }
        }
    }

    @Test
    void nestedAndConcurrentLoopsRunWithoutWaitingOnEachOther() throws Exception {
        try (Parallel par = new Parallel(2)) {
            AtomicLong sum = new AtomicLong();
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                // a loop inside a loop's body runs serially on its own thread
                par.forEach(100, Long.MAX_VALUE, i -> par.forEach(100, Long.MAX_VALUE, j -> sum.addAndGet(j)));
                // two threads issuing loops at once: the second runs its loops serially
                Thread other = new Thread(() -> {
                    for (int r = 0; r < 2_000; r++) par.forEach(50, Long.MAX_VALUE, j -> sum.addAndGet(j));
                });
                other.start();
                for (int r = 0; r < 2_000; r++) par.forEach(50, Long.MAX_VALUE, j -> sum.addAndGet(j));
                other.join();
            });
            assertEquals(100L * 4950 + 2 * 2_000L * 1225, sum.get());
        }
    }

    @Test
    void anExceptionInABodyReachesTheCallerAndThePoolStaysUsable() {
        try (Parallel par = new Parallel(2)) {
            IllegalArgumentException boom = new IllegalArgumentException("boom");
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                    () -> par.forEach(1000, Long.MAX_VALUE, i -> { if (i == 517) throw boom; }));
            assertSame(boom, thrown);
            AtomicInteger count = new AtomicInteger();
            par.forEach(1000, Long.MAX_VALUE, i -> count.incrementAndGet());
            assertEquals(1000, count.get());
        }
    }

    @Test
    void aClosedInstanceStillRunsLoopsOnTheCaller() {
        Parallel par = new Parallel(2);
        par.forEach(10, Long.MAX_VALUE, i -> { });
        par.close();
        int[] hits = new int[10];
        par.forEach(10, Long.MAX_VALUE, i -> hits[i]++);
        for (int h : hits) assertEquals(1, h);
    }
}
