package org.wafersim.power;

import org.wafersim.cases.CaseSpec;
import org.wafersim.cases.TransientSpec;
import org.wafersim.cases.TransientSpec.CycleProfile;
import org.wafersim.cases.TransientSpec.Profile;
import org.wafersim.cases.TransientSpec.RampProfile;
import org.wafersim.cases.TransientSpec.StepProfile;
import org.wafersim.cases.TransientSpec.TraceProfile;
import org.wafersim.geometry.CoreArray;

/**
 * The dynamic power of every core over time for a transient or cycle run: built once per run from the case's
 * {@code transient} profile (and {@code cycling} block) and the {@link CoreArray}, reading any trace file then, and
 * immutable afterwards (safe to share between threads).
 *
 * <p><b>Distribution.</b> For the step, ramp and cycle profiles, and for traces of {@code scale} factors, the cores
 * share the total as in a steady run: the case's {@code power} source ({@link CorePowerSources#load}) scaled to the
 * total at t, so a hot band or a map keeps its shape. Die- and core-level traces give the distribution (in absolute
 * W) themselves; a HotSpot trace is placed by its floorplan. Spare cores are always at 0 W. The core powers add up
 * to {@link #totalAt} to round-off (1e-12 relative or better). Leakage is not included: the solver adds it from the
 * temperature, as in a steady run.
 *
 * <p><b>Time.</b> t in s from the start of the run (t = 0). Before t = 0 the power is that just before the profile's
 * first change (the initial steady state uses {@link #corePowerBefore}{@code (0, out)}). Profiles are piecewise
 * linear in time; a step (or a cycle with {@code cycling.ramp: 0 s}) jumps. At a jump {@link #corePowerAt} gives the
 * value after it and {@link #corePowerBefore} the value before, so an implicit step (t_n, t_n+1] that ends on the
 * jump uses {@code corePowerBefore(t_n+1)} (backward Euler, BDF2), and a Crank-Nicolson step uses
 * {@code corePowerAt(t_n)} and {@code corePowerBefore(t_n+1)}. {@link #breakpoints} lists every time where the power
 * or its slope changes, so the integrator can land on them; {@link #jumps} those where the power itself jumps
 * (where a multistep method should restart).
 */
public final class PowerTimeline {
    /** Core powers at time t; {@code total} is the total power there (W). Overwrites every entry of {@code out}. */
    interface CoreFill {
        void fill(double t, boolean before, double total, double[] out);
    }

    private final int coreCount;
    private final PowerCurve total;
    private final CoreFill fill;
    private final double end;
    private final double period;
    private final String summary;

    private PowerTimeline(int coreCount, PowerCurve total, CoreFill fill, double end, double period, String summary) {
        this.coreCount = coreCount;
        this.total = total;
        this.fill = fill;
        this.end = end;
        this.period = period;
        this.summary = summary;
    }

    /**
     * The power over time of {@code spec}'s transient profile on {@code cores}.
     *
     * @param hdf5 reads HDF5 datasets (the solver's {@code org.wafersim.io.Hdf5PowerMap.READER}); may be null when
     *             neither the power source nor the trace is an HDF5 file
     * @throws org.wafersim.errors.InputException for any problem in a trace, floorplan or power map, naming the file,
     *                                            the line (or dataset) and the column (or entry)
     */
    public static PowerTimeline of(CaseSpec spec, CoreArray cores, Hdf5Table hdf5) {
        TransientSpec ts = spec.transientSpec();
        if (ts == null) throw new IllegalArgumentException("the case has no transient settings");
        double end = ts.end();
        Profile p = ts.profile();
        if (p instanceof TraceProfile tp) {
            PowerTraces.Loaded l = PowerTraces.load(spec, cores, hdf5, tp);
            String s = "power over time: " + l.description() + holdNote(l.total(), end);
            return new PowerTimeline(cores.coreCount(), l.total(), l.fill(), end, Double.NaN, s);
        }
        PowerDistribution d = CorePowerSources.load(spec, cores, hdf5);
        PowerCurve curve;
        String what;
        double period = Double.NaN;
        if (p instanceof StepProfile s) {
            curve = ProfileCurves.step(s);
            what = ProfileCurves.describe(s);
        } else if (p instanceof RampProfile r) {
            curve = ProfileCurves.ramp(r);
            what = ProfileCurves.describe(r);
        } else if (p instanceof CycleProfile) {
            curve = ProfileCurves.cycle(spec.cycling(), end);
            what = ProfileCurves.describe(spec.cycling());
            period = spec.cycling().period();
        } else {
            throw new IllegalArgumentException("unknown profile " + p);
        }
        String s = "power over time: " + what + "; distribution: " + d.description();
        return new PowerTimeline(cores.coreCount(), curve, scaled(d, spec.power().total()), end, period, s);
    }

    /** Core powers = the distribution at {@code reference} W, times total / reference. */
    static CoreFill scaled(PowerDistribution d, double reference) {
        // a chip that is off (power.total 0 W, a case heated by its sources): the shape at 1 W, times 0
        double ref = reference > 0 ? reference : 1;
        double[] perWatt = d.corePower(ref);
        for (int c = 0; c < perWatt.length; c++) perWatt[c] /= ref;
        return (t, before, total, out) -> {
            for (int c = 0; c < out.length; c++) out[c] = perWatt[c] * total;
        };
    }

    /** A trace that starts after t = 0 or ends before the run does is held constant there: say so in the log. */
    private static String holdNote(PowerCurve c, double end) {
        double first = c.time(0), last = c.time(c.knots() - 1);
        String note = "";
        if (first > 0) note += "; before the first sample (t = " + ProfileCurves.time(first) + ") its power holds";
        if (!Double.isNaN(end) && last < end) {
            note += "; the trace ends at t = " + ProfileCurves.time(last) + ", before the run ("
                    + ProfileCurves.time(end) + "): its last sample holds until the end";
        }
        return note;
    }

    /**
     * Dynamic power per core (W) at time {@code t} (s), into {@code out} (length = core count); at a jump, the
     * power after it. Spare cores get 0.
     */
    public void corePowerAt(double t, double[] out) {
        check(out);
        fill.fill(t, false, total.at(t), out);
    }

    /** As {@link #corePowerAt}, but at a jump the power just before it (the limit from the left). */
    public void corePowerBefore(double t, double[] out) {
        check(out);
        fill.fill(t, true, total.before(t), out);
    }

    /** Total dynamic power (W) at {@code t}: the sum of {@link #corePowerAt}; at a jump, after it. */
    public double totalAt(double t) { return total.at(t); }

    /** Total dynamic power (W) just before {@code t}: the sum of {@link #corePowerBefore}. */
    public double totalBefore(double t) { return total.before(t); }

    /**
     * Increasing times in (0, end) where the power or its slope changes: step edges, ramp starts and ends, the four
     * corners of every cycle, trace sample times. The run's start and end are not listed.
     */
    public double[] breakpoints() { return total.breakpoints(end); }

    /** Increasing times in [0, end) where the power jumps (step edges; cycle transitions with a 0 s ramp). */
    public double[] jumps() { return total.jumps(end); }

    /** Length of one power cycle (s) for the cycle profile; NaN otherwise. */
    public double period() { return period; }

    /**
     * Run length (s): {@code transient.end}, or for {@code analysis.thermal: cycle} the longest the run may take
     * ({@code max_cycles} periods); NaN for a steady case without {@code transient.end}.
     */
    public double end() { return end; }

    /** The number of cores (the length of the arrays to pass). */
    public int coreCount() { return coreCount; }

    /** One line for the run's log: the profile or trace, how it is distributed and, for a trace, what is held. */
    public String summary() { return summary; }

    private void check(double[] out) {
        if (out.length != coreCount) {
            throw new IllegalArgumentException("need one entry per core: " + out.length + " != " + coreCount);
        }
    }
}
