package org.wafersim.cases;

import java.util.List;

/**
 * {@code mechanics.history}: the output times at which a {@code transient} or {@code cycle} run solves the
 * mechanics along its temperature history. In a cycle run the times are phases within the periodic cycle
 * (0 ≤ t &lt; period, the run's last cycle); in a transient run they are times of the run (0 ≤ t ≤ end). Without
 * {@code times} the run places {@code count} of them itself, where the temperature field changes most.
 *
 * @param count  how many output times to place automatically (≥ 2), when {@code times} is empty
 * @param times  user-chosen output times, s, increasing; empty = automatic
 * @param given  whether the case wrote the block (a steady run refuses it)
 */
public record HistorySpec(int count, List<Double> times, boolean given) {
    /** The default number of automatically placed output times. */
    public static final int DEFAULT_COUNT = 16;
    /** The most output times a run accepts (each is one mechanics solve and one [y][x] map per output). */
    public static final int MAX_COUNT = 1000;
    public static final HistorySpec DEFAULT = new HistorySpec(DEFAULT_COUNT, List.of(), false);

    public HistorySpec {
        times = List.copyOf(times);
    }

    /** Whether the times are chosen by the user. */
    public boolean userTimes() { return !times.isEmpty(); }
}
