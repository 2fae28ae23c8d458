package org.wafersim.reliability;

/**
 * The operating cycle that drives thermal-cycling fatigue (reference-data D.6): a frequent workload cycle (cycle A,
 * idle ↔ full load) and an optional rarer off ↔ on cycle (cycle B, maintenance or power-down). Damage of the two is
 * combined by {@link Miner}'s rule.
 *
 * @param cyclesPerDay     workload cycles per day (&gt; 0); D.6 default 4 (range 1–24)
 * @param offCyclesPerWeek off/on cycles per week (≥ 0, 0 = none); D.6 default 1 (range ¼–7)
 */
public record DutyCycle(double cyclesPerDay, double offCyclesPerWeek) {

    /** D.6: 4 workload cycles per day (5 kW ↔ 15 kW) and 1 off/on cycle per week. */
    public static final DutyCycle DEFAULT = new DutyCycle(4, 1);

    public DutyCycle {
        Check.positive(cyclesPerDay, "duty_cycle.cycles_per_day");
        Check.nonNegative(offCyclesPerWeek, "duty_cycle.off_cycles_per_week");
    }

    /**
     * A duty cycle given by the period of its workload cycle.
     *
     * @param periodSeconds    workload cycle period, s (&gt; 0)
     * @param offCyclesPerWeek off/on cycles per week (≥ 0)
     */
    public static DutyCycle ofPeriod(double periodSeconds, double offCyclesPerWeek) {
        Check.positive(periodSeconds, "duty_cycle.period");
        return new DutyCycle(Durations.DAY / periodSeconds, offCyclesPerWeek);
    }

    /** Period of the workload cycle, s. */
    public double period() { return Durations.DAY / cyclesPerDay; }

    /** Workload cycles per second. */
    public double cyclesPerSecond() { return cyclesPerDay / Durations.DAY; }

    /** Off/on cycles per day. */
    public double offCyclesPerDay() { return offCyclesPerWeek / 7.0; }

    /** Off/on cycles per second. */
    public double offCyclesPerSecond() { return offCyclesPerWeek / Durations.WEEK; }

    /**
     * Time to failure (s) of a point whose median lives are {@code workloadCycles} under cycle A and
     * {@code offCycles} under cycle B, by Miner's rule: 1/(f_A/N_A + f_B/N_B) with f per second.
     */
    public double lifeSeconds(double workloadCycles, double offCycles) {
        double rate = cyclesPerSecond() / workloadCycles;
        if (offCyclesPerWeek > 0) rate += offCyclesPerSecond() / offCycles;
        return 1.0 / rate;
    }
}
