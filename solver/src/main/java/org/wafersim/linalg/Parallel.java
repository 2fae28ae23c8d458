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
        return sumBlocks(nb, blk -> {
            int lo = blk * BLOCK, hi = Math.min(n, lo + BLOCK);
            double s = 0;
            for (int i = lo; i < hi; i++) s += a[i] * b[i];
            return s;
        });
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
