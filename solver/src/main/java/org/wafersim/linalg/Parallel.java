package org.wafersim.linalg;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import java.util.function.IntToDoubleFunction;

/**
 * The worker threads of one run for the solver's loops. Work is split by rows or fixed blocks whose boundaries do
 * not depend on the thread count, and reductions add per-block partial sums in block order, so every result is
 * bitwise identical for any number of threads.
 *
 * <p>Scheduling: a loop is cut into chunks that the calling thread and {@code threads - 1} helper threads claim
 * from one shared counter; the caller always takes part, and it waits only for chunks another thread has already
 * claimed (and is therefore running), so a loop finishes even when no helper ever wakes up: no thread waits for a
 * task that nobody runs. (The earlier form, a parallel stream submitted to a fork-join pool and joined, could hang
 * when the pool had started one worker that parked inside the stream's fork while the caller parked in join.)
 * Helpers spin briefly after a loop before they park, since multigrid cycles issue short loops back to back and a
 * parked thread wakes tens of microseconds late; loops below {@link #MIN_PARALLEL_WORK} cells run on the caller
 * alone. A loop issued from inside another loop's body, or by a second thread while one runs, runs serially on its
 * own thread. Helpers exit after {@link #IDLE_EXIT_NANOS} idle and are restarted on demand, so an instance that is
 * never closed leaks no threads for long.
 */
public final class Parallel implements AutoCloseable {
    /** Block length for reductions: fixed, so that the summation order does not depend on the thread count. */
    public static final int BLOCK = 1 << 13;
    /**
     * Loops with less work than this many cells (about 20-50 microseconds) run on the calling thread: handing them to
     * a helper costs more than it saves.
     */
    public static final long MIN_PARALLEL_WORK = 1 << 14;
    /** Spin iterations (Thread.onSpinWait, a few tens of microseconds) before a helper parks. */
    private static final int SPINS = 1 << 12;
    /** A helper parked this long without work exits (a new loop starts it again). */
    private static final long IDLE_EXIT_NANOS = 2_000_000_000L;

    private static final int DEAD = 0, RUNNING = 1, PARKED = 2;

    private final int threads;
    private final Helper[] helpers;
    /** The loop being run (null between loops); published before helpers are woken. */
    private volatile Job job;
    /** Set while a loop runs: a second loop at the same time (nested or from another thread) runs serially. */
    private final AtomicInteger busy = new AtomicInteger();
    private volatile boolean closed;
    /** Sequence number of the last loop handed to the helpers (written by the caller only). */
    private long jobs;

    public Parallel(int threads) {
        int n = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
        this.threads = n;
        this.helpers = new Helper[n - 1];
        for (int h = 0; h < helpers.length; h++) helpers[h] = new Helper(h);
    }

    /** A single-threaded instance (no helpers). */
    public static Parallel serial() { return new Parallel(1); }

    public int threads() { return threads; }

    /** Runs body(t) for t in [0, n), in parallel; iterations must be independent. */
    public void forEach(int n, IntConsumer body) {
        forEach(n, Long.MAX_VALUE, body);
    }

    /**
     * Runs body(t) for t in [0, n), in parallel when the loop's {@code work} (about the number of cells it touches)
     * is at least {@link #MIN_PARALLEL_WORK}; iterations must be independent.
     */
    public void forEach(int n, long work, IntConsumer body) {
        if (helpers.length == 0 || n <= 1 || work < MIN_PARALLEL_WORK || closed || !busy.compareAndSet(0, 1)) {
            for (int t = 0; t < n; t++) body.accept(t);
            return;
        }
        try {
            // several chunks per thread: a thread the OS deschedules on a shared machine holds up only its chunk
            int chunk = Math.max(1, n / (threads * 8));
            Job j = new Job(++jobs, n, chunk, body, Thread.currentThread());
            job = j;
            for (Helper h : helpers) h.wake();
            j.work();
            j.awaitClaimed();
            job = null;
            j.rethrow();
        } finally {
            busy.set(0);
        }
    }

    /** Deterministic sum over blocks: partial sums are computed in parallel and added in block order. */
    public double sumBlocks(int nBlocks, IntToDoubleFunction blockSum) {
        double[] partial = new double[nBlocks];
        forEach(nBlocks, (long) nBlocks * BLOCK, b -> partial[b] = blockSum.applyAsDouble(b));
        double s = 0;
        for (double p : partial) s += p;
        return s;
    }

    /** Deterministic dot product of two vectors of equal length. */
    public double dot(double[] a, double[] b) {
        int n = a.length;
        int nb = (n + BLOCK - 1) / BLOCK;
        return sumBlocks(nb, blk -> dot(a, b, blk * BLOCK, Math.min(n, blk * BLOCK + BLOCK)));
    }

    /**
     * sum a[i] b[i] over [lo, hi) with four interleaved partial sums: one running sum is a chain of dependent
     * additions that runs at the adder's latency (about a quarter of the memory stream's pace); four chains keep
     * up with memory. The order is fixed, so the result is too.
     */
    public static double dot(double[] a, double[] b, int lo, int hi) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = lo;
        for (; i + 3 < hi; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < hi; i++) s0 += a[i] * b[i];
        return (s0 + s1) + (s2 + s3);
    }

    /** Runs body(lo, hi) over fixed blocks of [0, n). */
    public void forBlocks(int n, BlockBody body) {
        int nb = (n + BLOCK - 1) / BLOCK;
        forEach(nb, n, blk -> {
            int lo = blk * BLOCK;
            body.run(lo, Math.min(n, lo + BLOCK));
        });
    }

    @FunctionalInterface
    public interface BlockBody { void run(int lo, int hi); }

    @Override public void close() {
        closed = true;
        for (Helper h : helpers) h.stop();
    }

    /** One loop: chunks of [0, n) claimed from a counter by whichever thread asks next. */
    private static final class Job {
        final long seq;
        final int n, chunk, chunks;
        final IntConsumer body;
        final Thread caller;
        final AtomicInteger next = new AtomicInteger();
        /** Chunks claimed but not yet finished. */
        final AtomicInteger running = new AtomicInteger();
        final AtomicReference<Throwable> error = new AtomicReference<>();

        Job(long seq, int n, int chunk, IntConsumer body, Thread caller) {
            this.seq = seq;
            this.n = n;
            this.chunk = chunk;
            this.chunks = (n + chunk - 1) / chunk;
            this.body = body;
            this.caller = caller;
        }

        /** Claims and runs chunks until none is left. */
        void work() {
            while (true) {
                // count the chunk as running before claiming it, so the caller never sees the counter exhausted
                // while a claimed chunk is still unaccounted for
                running.incrementAndGet();
                int c = next.getAndIncrement();
                if (c >= chunks) {
                    finishOne();
                    return;
                }
                try {
                    if (error.get() == null) {
                        int lo = c * chunk, hi = Math.min(n, lo + chunk);
                        for (int t = lo; t < hi; t++) body.accept(t);
                    }
                } catch (Throwable e) {
                    error.compareAndSet(null, e);
                } finally {
                    finishOne();
                }
            }
        }

        private void finishOne() {
            if (running.decrementAndGet() == 0 && Thread.currentThread() != caller) LockSupport.unpark(caller);
        }

        /** Called by the caller after its own work() returned: waits for the chunks that helpers are running. */
        void awaitClaimed() {
            for (int spin = 0; running.get() != 0; spin++) {
                if (spin < SPINS) Thread.onSpinWait();
                else LockSupport.parkNanos(this, 100_000L);
            }
        }

        void rethrow() {
            Throwable e = error.get();
            if (e == null) return;
            if (e instanceof RuntimeException re) throw re;
            if (e instanceof Error err) throw err;
            throw new IllegalStateException(e);
        }
    }

    /** A helper thread, started on the first loop and again after it exited idle. */
    private final class Helper implements Runnable {
        private final int id;
        private final AtomicInteger state = new AtomicInteger(DEAD);
        private volatile Thread thread;
        /** The last loop this helper worked on (a sequence number: no reference to a finished loop's data). */
        private long last;

        Helper(int id) { this.id = id; }

        /** Called by the caller after it published a job. */
        void wake() {
            while (true) {
                int s = state.get();
                if (s == RUNNING) return;
                if (s == PARKED && state.compareAndSet(PARKED, RUNNING)) {
                    LockSupport.unpark(thread);
                    return;
                }
                if (s == DEAD && state.compareAndSet(DEAD, RUNNING)) {
                    Thread t = new Thread(this, "wafersim-worker-" + (id + 1));
                    t.setDaemon(true);
                    thread = t;
                    t.start();
                    return;
                }
            }
        }

        void stop() {
            Thread t = thread;
            if (t != null) LockSupport.unpark(t);
        }

        @Override public void run() {
            while (!closed) {
                Job j = job;
                if (j != null && j.seq != last) {
                    last = j.seq;
                    j.work();
                    continue;
                }
                boolean found = false;
                for (int spin = 0; spin < SPINS && !closed; spin++) {
                    Job k = job;
                    if (k != null && k.seq != last) { found = true; break; }
                    Thread.onSpinWait();
                }
                if (found) continue;
                // park; the caller sets RUNNING (and unparks) after publishing a job, so re-check after the flag
                state.set(PARKED);
                Job k = job;
                if (k != null && k.seq != last) {
                    state.compareAndSet(PARKED, RUNNING);
                    continue;
                }
                long start = System.nanoTime();
                while (state.get() == PARKED && !closed) {
                    LockSupport.parkNanos(this, IDLE_EXIT_NANOS);
                    if (state.get() == PARKED && System.nanoTime() - start >= IDLE_EXIT_NANOS) {
                        Job m = job;
                        if (m != null && m.seq != last) { state.compareAndSet(PARKED, RUNNING); break; }
                        if (state.compareAndSet(PARKED, DEAD)) return;
                    }
                }
            }
            state.set(DEAD);
        }
    }
}
