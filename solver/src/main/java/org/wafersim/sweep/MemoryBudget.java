package org.wafersim.sweep;

/**
 * Admits concurrent points only while their estimated heap (from {@code CaseRun.plan(spec).estimatedBytes()}) fits
 * the budget together ({@link Resources#budget()}: 85 % of the heap, or of what a scheduler's memory limit leaves for
 * it), so {@code --jobs N} never runs more points at once than the memory holds. A point bigger than
 * the whole budget still runs, alone (the run's own memory check decides whether it fits the heap at all).
 */
final class MemoryBudget {
    private final long budget;
    private long inUse;
    private int running;

    MemoryBudget(long budgetBytes) {
        this.budget = budgetBytes;
    }

    long budget() { return budget; }

    /** Blocks until {@code bytes} fit next to the points already running (or nothing else runs). */
    synchronized void acquire(long bytes) throws InterruptedException {
        while (running > 0 && inUse + bytes > budget) wait();
        inUse += bytes;
        running++;
    }

    synchronized void release(long bytes) {
        inUse -= bytes;
        running--;
        notifyAll();
    }
}
