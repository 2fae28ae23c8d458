package org.wafersim.sweep;

import java.util.Locale;

/**
 * The CPUs and memory this sweep may use, from the scheduler and the cgroup rather than from the machine: a Slurm task
 * granted 2 CPUs and {@code --mem=2G} on a 64-core node must not start 64 solver threads or plan its points against
 * an 8 GiB heap it can never fill without being killed.
 * <ul>
 * <li>CPUs: the fewest of the JVM's available processors (its affinity mask), {@code SLURM_CPUS_PER_TASK} (else
 *     {@code SLURM_CPUS_ON_NODE} inside a Slurm job) and the cgroup's CPU quota (rounded up).</li>
 * <li>Memory: the lowest of the cgroup's memory limit, {@code SLURM_MEM_PER_NODE} and {@code SLURM_MEM_PER_CPU} x
 *     CPUs (Slurm gives both in MiB). Of a limit L the heap may use {@link #heapFor(long) L - max(384 MiB, L/10)}; the
 *     rest is the JVM's own (metaspace, code, GC structures, thread stacks). The budget for points is 85 % of the
 *     lower of that and the heap (-Xmx), as {@link MemoryBudget} has always taken of the heap.</li>
 * </ul>
 *
 * @param cpus        CPUs to use
 * @param cpuSource   where the CPU count came from, e.g. "SLURM_CPUS_PER_TASK=2"
 * @param limit       memory limit of the process (bytes), or -1 if none was found
 * @param limitSource where the limit came from, e.g. "SLURM_MEM_PER_NODE=2048", or null
 * @param heap        the JVM's maximum heap (bytes)
 */
public record Resources(int cpus, String cpuSource, long limit, String limitSource, long heap) {
    /** Share of the usable heap that points may fill together (the rest: the summary, caches, GC head room). */
    public static final double BUDGET_SHARE = 0.85;
    static final long MIB = 1L << 20;
    /** Least memory left to the JVM outside the heap. */
    static final long MIN_RESERVE = 384 * MIB;

    /** Reads the environment (see the class comment). */
    public static Resources of(SweepEnvironment e) {
        int cpus = Math.max(1, e.processors());
        String cpuSource = "the JVM's available processors";
        Integer slurm = positive(e, "SLURM_CPUS_PER_TASK");
        String slurmName = "SLURM_CPUS_PER_TASK";
        if (slurm == null && e.get("SLURM_JOB_ID") != null) {
            slurm = positive(e, "SLURM_CPUS_ON_NODE");
            slurmName = "SLURM_CPUS_ON_NODE";
        }
        if (slurm != null && slurm < cpus) {
            cpus = slurm;
            cpuSource = slurmName + "=" + slurm;
        }
        Cgroups.Limit quota = Cgroups.cpuQuota(e);
        if (quota != null && Math.ceil(quota.value() - 1e-9) < cpus) {
            cpus = (int) Math.max(1, Math.ceil(quota.value() - 1e-9));
            cpuSource = String.format(Locale.ROOT, "the cgroup CPU quota %.2f (%s)", quota.value(), quota.file());
        }

        long limit = -1;
        String limitSource = null;
        Integer perNode = positive(e, "SLURM_MEM_PER_NODE");
        if (perNode != null) {
            limit = perNode * MIB;
            limitSource = "SLURM_MEM_PER_NODE=" + perNode;
        }
        Integer perCpu = positive(e, "SLURM_MEM_PER_CPU");
        if (perCpu != null) {
            long l = perCpu * MIB * cpusOfJob(e, cpus);
            if (limit < 0 || l < limit) {
                limit = l;
                limitSource = "SLURM_MEM_PER_CPU=" + perCpu + " x " + cpusOfJob(e, cpus) + " CPUs";
            }
        }
        Cgroups.Limit mem = Cgroups.memoryLimit(e);
        if (mem != null && (limit < 0 || mem.value() < limit)) {
            limit = (long) mem.value();
            limitSource = "cgroup " + mem.file();
        }
        return new Resources(cpus, cpuSource, limit, limitSource, e.maxHeap());
    }

    /** The CPUs Slurm's per-CPU memory is counted over: those of the task, else those this process uses. */
    private static long cpusOfJob(SweepEnvironment e, int cpus) {
        Integer c = positive(e, "SLURM_CPUS_PER_TASK");
        return c != null ? c : cpus;
    }

    private static Integer positive(SweepEnvironment e, String name) {
        String v = e.get(name);
        if (v == null) return null;
        // Slurm writes plain numbers (MiB for the memory variables); anything else is not ours to guess at
        if (!v.matches("\\d{1,9}")) return null;
        int n = Integer.parseInt(v);
        return n > 0 ? n : null;
    }

    /**
     * Heap the JVM may use inside a memory limit of {@code limit} bytes: the limit less max(384 MiB, 10 %), in whole
     * MiB as the array script computes {@code -Xmx} (so the budget a task reports is the one {@code --plan} printed).
     */
    public static long heapFor(long limit) {
        long mib = limit / MIB;
        return (mib - Math.max(MIN_RESERVE / MIB, mib / 10)) * MIB;
    }

    /**
     * The smallest memory request (bytes, a whole number of 256 MiB, at least 1 GiB) whose {@link #heapFor usable heap}
     * holds {@code heap} bytes: what {@code --plan} asks Slurm for.
     */
    public static long requestFor(long heap) {
        long m = Math.max(heap + MIN_RESERVE, (long) Math.ceil(heap / 0.9));
        long step = 256 * MIB;
        m = (m + step - 1) / step * step;
        while (heapFor(m) < heap) m += step;
        return Math.max(1024 * MIB, m);
    }

    /** The heap points may use: the JVM's, lowered to what the memory limit leaves for a heap. */
    public long usableHeap() {
        return limit < 0 ? heap : Math.min(heap, heapFor(limit));
    }

    /** The memory budget of the points run at the same time. */
    public long budget() {
        return (long) (usableHeap() * BUDGET_SHARE);
    }

    /** One line for the log: what was found and where it came from. */
    public String describe() {
        String mem = limit < 0
                ? String.format(Locale.ROOT, "heap %.2f GiB (-Xmx), no memory limit found", gib(heap))
                : String.format(Locale.ROOT, "memory limit %.2f GiB (%s) leaves %.2f GiB for the heap, heap %.2f GiB (-Xmx)%s",
                gib(limit), limitSource, gib(Math.max(0, heapFor(limit))), gib(heap),
                heapFor(limit) < heap ? ": the limit decides" : "");
        return String.format(Locale.ROOT, "resources: %d CPU%s (%s); %s; budget %.2f GiB (%.0f %%)", cpus,
                cpus == 1 ? "" : "s", cpuSource, mem, gib(budget()), BUDGET_SHARE * 100);
    }

    static double gib(long bytes) {
        return bytes / 1073741824.0;
    }
}
