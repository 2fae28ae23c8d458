package org.wafersim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CPUs and memory from Slurm variables and cgroup files (both made up here), and the heap rule the scripts share. */
class ResourcesTest {
    static final long MIB = 1L << 20, GIB = 1L << 30;

    static SweepEnvironment env(Map<String, String> vars, Map<String, String> files, int cpus, long heap) {
        return new SweepEnvironment(vars, p -> files.get(p.toString()), cpus, heap);
    }

    @Test
    void slurmGrantsLowerTheCpusAndTheMemory() {
        // the case: --mem=2G, 1 CPU, on a 2-core machine with -Xmx8g
        Resources r = Resources.of(env(Map.of("SLURM_JOB_ID", "7", "SLURM_CPUS_PER_TASK", "1", "SLURM_MEM_PER_NODE", "2048"),
                Map.of(), 2, 8 * GIB));
        assertEquals(1, r.cpus());
        assertEquals("SLURM_CPUS_PER_TASK=1", r.cpuSource());
        assertEquals(2048 * MIB, r.limit());
        assertEquals((2048 - 384) * MIB, r.usableHeap(), "the grant less 384 MiB for the JVM");
        assertEquals((long) ((2048 - 384) * MIB * 0.85), r.budget());
        assertTrue(r.describe().contains("SLURM_MEM_PER_NODE=2048") && r.describe().contains("SLURM_CPUS_PER_TASK=1"),
                r.describe());
        // a grant larger than the heap: the heap decides
        Resources big = Resources.of(env(Map.of("SLURM_MEM_PER_NODE", "65536"), Map.of(), 2, 8 * GIB));
        assertEquals(8 * GIB, big.usableHeap());
        // memory per CPU times the task's CPUs
        Resources perCpu = Resources.of(env(Map.of("SLURM_MEM_PER_CPU", "1000", "SLURM_CPUS_PER_TASK", "2"), Map.of(), 4, 8 * GIB));
        assertEquals(2000 * MIB, perCpu.limit());
        assertEquals(2, perCpu.cpus());
        // a job without --cpus-per-task: the CPUs Slurm put on the node for it
        assertEquals(1, Resources.of(env(Map.of("SLURM_JOB_ID", "7", "SLURM_CPUS_ON_NODE", "1"), Map.of(), 2, GIB)).cpus());
        // outside Slurm: the JVM's processors and heap
        Resources none = Resources.of(env(Map.of(), Map.of(), 2, 8 * GIB));
        assertEquals(2, none.cpus());
        assertEquals(-1, none.limit());
        assertEquals((long) (8 * GIB * 0.85), none.budget());
        // a grant of more CPUs than the machine has does not raise the count
        assertEquals(2, Resources.of(env(Map.of("SLURM_CPUS_PER_TASK", "16"), Map.of(), 2, GIB)).cpus());
    }

    @Test
    void cgroupV2LimitsOfTheGroupAndItsParents() {
        Map<String, String> f = new HashMap<>();
        f.put("/proc/self/cgroup", "0::/system.slice/slurmstepd.scope/job_5/step_batch\n");
        f.put("/proc/self/mountinfo", "25 30 0:22 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n");
        f.put("/sys/fs/cgroup/system.slice/slurmstepd.scope/job_5/step_batch/memory.max", "max\n");
        f.put("/sys/fs/cgroup/system.slice/slurmstepd.scope/job_5/memory.max", String.valueOf(3 * GIB));
        f.put("/sys/fs/cgroup/system.slice/memory.max", String.valueOf(20 * GIB));
        f.put("/sys/fs/cgroup/system.slice/slurmstepd.scope/job_5/cpu.max", "150000 100000\n");
        Resources r = Resources.of(env(Map.of(), f, 4, 8 * GIB));
        assertEquals(3 * GIB, r.limit(), "the job's group, not the unlimited step or the larger slice");
        assertEquals(2, r.cpus(), "1.5 CPUs of quota: 2 threads");
        assertTrue(r.limitSource().contains("job_5/memory.max") && r.cpuSource().contains("quota 1.50"), r.describe());
        assertEquals((3072 - 384) * MIB, r.usableHeap(), "384 MiB for the JVM (10 % only above 3.75 GiB)");
    }

    @Test
    void cgroupV1HierarchyMountedFromASubgroup() {
        // a container: the memory hierarchy is mounted from /docker/abc, the process sits in /docker/abc/job
        Map<String, String> f = new HashMap<>();
        f.put("/proc/self/cgroup", "5:cpu,cpuacct:/docker/abc/job\n4:memory:/docker/abc/job\n0::/\n");
        f.put("/proc/self/mountinfo", String.join("\n",
                "31 30 0:28 /docker/abc /sys/fs/cgroup/cpu,cpuacct rw,relatime - cgroup cgroup rw,cpu,cpuacct",
                "34 30 0:31 /docker/abc /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory",
                "40 30 0:35 / /sys/fs/cgroup/unified rw - cgroup2 cgroup2 rw"));
        f.put("/sys/fs/cgroup/memory/job/memory.limit_in_bytes", "9223372036854771712");   // unlimited
        f.put("/sys/fs/cgroup/memory/memory.limit_in_bytes", String.valueOf(6 * GIB));
        f.put("/sys/fs/cgroup/cpu,cpuacct/job/cpu.cfs_quota_us", "-1");
        f.put("/sys/fs/cgroup/cpu,cpuacct/job/cpu.cfs_period_us", "100000");
        f.put("/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us", "100000");
        f.put("/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us", "100000");
        Resources r = Resources.of(env(Map.of("SLURM_MEM_PER_NODE", "8192"), f, 8, 16 * GIB));
        assertEquals(6 * GIB, r.limit(), "the cgroup's 6 GiB is lower than Slurm's 8");
        assertEquals(1, r.cpus());
        // no cgroup files at all: no limit from there
        assertEquals(-1, Resources.of(env(Map.of(), Map.of(), 2, GIB)).limit());
    }

    @Test
    void theMemoryRequestOfThePlanGivesTheHeapItWasAskedFor() {
        for (long heap = 0; heap <= 64 * GIB; heap += 97 * MIB) {
            long mem = Resources.requestFor(heap);
            assertTrue(Resources.heapFor(mem) >= heap, heap + " -> " + mem);
            assertTrue(mem % (256 * MIB) == 0 && mem >= GIB);
            assertTrue(mem == GIB || Resources.heapFor(mem - 256 * MIB) < heap, "the smallest such request: " + heap);
        }
        // the scripts' rule in numbers: --mem=2G gives -Xmx1664m, --mem=16G gives 14746m
        assertEquals(1664 * MIB, Resources.heapFor(2048 * MIB));
        assertEquals((16384 - 1638) * MIB, Resources.heapFor(16384 * MIB));
    }
}
