package org.wafersim.run;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The heap a run used, stage by stage: at the end of each stage the sum over the heap pools of their peak use since
 * the previous stage ended (the JVM's {@link MemoryPoolMXBean#getPeakUsage()}, reset after reading), and for the
 * whole run the sum over the pools of each pool's peak. Both are sums of pool peaks, so they bound the heap used at
 * any one moment from above (the pools need not peak together); garbage not yet collected counts as used. A stage's
 * peak includes what earlier stages still hold.
 *
 * <p>One instance per run, used by the run's own thread only; a second run in the same JVM (a sweep's concurrent
 * points) shares the pools, so its figures then bound the two runs together.
 */
final class HeapPeaks {
    private final List<MemoryPoolMXBean> pools = new ArrayList<>();
    private final long[] runPeak;
    private final Map<String, Long> stages = new LinkedHashMap<>();

    HeapPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
            if (p.getType() == MemoryType.HEAP && p.isValid()) pools.add(p);
        runPeak = new long[pools.size()];
        for (int i = 0; i < runPeak.length; i++) runPeak[i] = pools.get(i).getPeakUsage().getUsed();
    }

    /** Closes stage {@code name}: records the pools' peak sum since the last close (a repeated name keeps the larger). */
    void close(String name) {
        long sum = 0;
        for (int i = 0; i < pools.size(); i++) {
            MemoryPoolMXBean p = pools.get(i);
            long peak = p.getPeakUsage().getUsed();
            sum += peak;
            runPeak[i] = Math.max(runPeak[i], peak);
            p.resetPeakUsage();
        }
        stages.merge(name, sum, Math::max);
    }

    /** Each closed stage's peak (bytes), in the order they ran. */
    Map<String, Long> stages() { return Collections.unmodifiableMap(new LinkedHashMap<>(stages)); }

    /** The whole run so far: the sum over the pools of each one's peak (bytes), the pools read now included. */
    long run() {
        long sum = 0;
        for (int i = 0; i < pools.size(); i++) sum += Math.max(runPeak[i], pools.get(i).getPeakUsage().getUsed());
        return sum;
    }
}
