package org.wafersim.linalg;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/**
 * A fixed pool of worker threads for the solver's loops. Work is split by rows or fixed blocks whose boundaries do
 * not depend on the thread count, and reductions add per-block partial sums in block order, so every result is
 * bitwise identical for any number of threads.
 */
public final class Parallel implements AutoCloseable {
    /** Block length for reductions: fixed, so that the summation order does not depend on the thread count. */
    public static final int BLOCK = 1 << 13;

    private final int threads;
    private final ForkJoinPool pool;

    public Parallel(int threads) {
        int n = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
        this.threads = n;
        this.pool = n > 1 ? new ForkJoinPool(n) : null;
    }

    /** A single-threaded instance (no pool). */
    public static Parallel serial() { return new Parallel(1); }

    public int threads() { return threads; }

    /** Runs body(t) for t in [0, n), in parallel; iterations must be independent. */
    public void forEach(int n, IntConsumer body) {
        if (pool == null || n <= 1) {
            for (int t = 0; t < n; t++) body.accept(t);
            return;
        }
        pool.submit(() -> IntStream.range(0, n).parallel().forEach(body)).join();
    }

    /** Deterministic sum over blocks: partial sums are computed in parallel and added in block order. */
    public double sumBlocks(int nBlocks, IntToDoubleFunction blockSum) {
        double[] partial = new double[nBlocks];
        forEach(nBlocks, b -> partial[b] = blockSum.applyAsDouble(b));
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
        forEach(nb, blk -> {
            int lo = blk * BLOCK;
            body.run(lo, Math.min(n, lo + BLOCK));
        });
    }

    @FunctionalInterface
    public interface BlockBody { void run(int lo, int hi); }

    @Override public void close() {
        if (pool != null) pool.shutdown();
    }
}
