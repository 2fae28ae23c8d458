package org.wafersim.sweep;

/**
 * Admits concurrent points only while their estimated heap (from {@code CaseRun.plan(spec).estimatedBytes()}) fits
 * the budget together, so {@code --jobs N} never runs more points at once than the heap holds. A point bigger than
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

    /** The budget for this JVM: 85 % of the maximum heap, leaving room for the JVM and the summary. */
    static MemoryBudget ofHeap() {
        return new MemoryBudget((long) (Runtime.getRuntime().maxMemory() * 0.85));
    }
}
