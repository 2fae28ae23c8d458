package org.wafersim.cases;

import java.util.List;
import java.util.Locale;
import org.wafersim.cases.PowerSpec;

/**
 * The {@code transient} block of a case: how long a transient run lasts, where it starts, how the power varies in
 * time, how the time steps are controlled, when fields are saved, and (for {@code analysis.thermal: cycle}) when the
 * run counts as periodic. All values in SI (s, K, W). Built by {@link CaseLoader}, with every default filled in,
 * also for a steady run (where nothing here is used).
 *
 * @param end               run length (s): {@code transient.end} for {@code analysis.thermal: transient} (required);
 *                          for {@code cycle} the longest the run may take, {@code maxCycles * cycling.period()} (it
 *                          stops earlier once periodic); NaN for a steady run without {@code transient.end}
 * @param initial           the temperature field at t = 0
 * @param profile           the dynamic power over time
 * @param tolerance         local temperature error allowed per step (K), for the adaptive step control
 * @param dtInitial         first time step (s)
 * @param dtMax             largest time step (s)
 * @param snapshots         times (s) at which the whole temperature field is saved, increasing, each in [0, end]
 *                          (numbered in this order: {@code /transient/snapshots/0000}, ...)
 * @param periodicTolerance {@code cycle} runs: the run is periodic when the temperature at every probe differs from
 *                          the previous cycle by less than this (K)
 * @param maxCycles         {@code cycle} runs: the most cycles run before giving up on a periodic state
 */
public record TransientSpec(double end, InitialState initial, Profile profile, double tolerance, double dtInitial,
                            double dtMax, List<Double> snapshots, double periodicTolerance, int maxCycles) {
    public static final double DEFAULT_TOLERANCE = 0.05;          // K
    public static final double DEFAULT_DT_INITIAL = 1e-3;         // s
    public static final double DEFAULT_DT_MAX = 3600;             // s: L-stable steps may span a whole dwell
    public static final double DEFAULT_PERIODIC_TOLERANCE = 0.01; // K
    public static final int DEFAULT_MAX_CYCLES = 10;

    public TransientSpec {
        snapshots = List.copyOf(snapshots);
    }

    /**
     * The settings of a case without a {@code transient} block and without a transient analysis: start from the
     * steady state, a step from {@code power.idle} to {@code power.total} at t = 0, no end, default step control.
     */
    public static TransientSpec defaults(PowerSpec power) {
        return new TransientSpec(Double.NaN, InitialState.STEADY, new StepProfile(power.idle(), power.total(), 0),
                DEFAULT_TOLERANCE, DEFAULT_DT_INITIAL, DEFAULT_DT_MAX, List.of(), DEFAULT_PERIODIC_TOLERANCE,
                DEFAULT_MAX_CYCLES);
    }

    /** True when the run length is known ({@link #end()} is not NaN). */
    public boolean hasEnd() { return !Double.isNaN(end); }

    /** {@code transient.initial}: where the run starts. */
    public enum InitialState {
        /** The steady state at the power just before t = 0 (leakage included, as in a steady run). */
        STEADY("steady"),
        /** Uniform at the coolant inlet temperature. */
        AMBIENT("ambient");
        public final String key;
        InitialState(String key) { this.key = key; }
        public static InitialState fromKey(String k) {
            for (InitialState s : values()) if (s.key.equals(k)) return s;
            return null;
        }
    }

    /** {@code transient.profile}. */
    public enum ProfileKind {
        STEP("step"), RAMP("ramp"), CYCLE("cycle"), TRACE("trace");
        public final String key;
        ProfileKind(String key) { this.key = key; }
        public static ProfileKind fromKey(String k) {
            for (ProfileKind p : values()) if (p.key.equals(k)) return p;
            return null;
        }
    }

    /**
     * The dynamic power over time (total W; its distribution over the cores is the case's {@code power} source,
     * except for die- and core-level traces, which give it directly). Turned into core powers by
     * {@code org.wafersim.power.PowerTimeline}.
     */
    public sealed interface Profile permits StepProfile, RampProfile, CycleProfile, TraceProfile {
        ProfileKind kind();
    }

    /** {@code from} (W) before {@code at} (s), {@code to} (W) from {@code at} on. */
    public record StepProfile(double from, double to, double at) implements Profile {
        public ProfileKind kind() { return ProfileKind.STEP; }
    }

    /** {@code from} (W) until {@code start} (s), linear to {@code to} (W) over {@code duration} (s), then {@code to}.
     */
    public record RampProfile(double from, double to, double start, double duration) implements Profile {
        public ProfileKind kind() { return ProfileKind.RAMP; }
    }

    /** The power cycle of {@link CaseSpec#cycling()}, repeated from t = 0 (which is the start of a ramp up). */
    public record CycleProfile() implements Profile {
        public ProfileKind kind() { return ProfileKind.CYCLE; }
    }

    /**
     * A power trace from a file ({@code transient.trace}).
     *
     * @param file     the trace file as written in the case (resolve it with {@link CaseSpec#inputPath})
     * @param format   its format
     * @param level    the level asked for in the case, or null: taken from the file (CSV header, HDF5 shape);
     *                 always null for HotSpot traces (their units are placed by the floorplan)
     * @param interval HotSpot and HDF5: time between sample rows (s), row r at t = r * interval; NaN for CSV
     *                 (which has a time column)
     * @param dataset  HDF5: the dataset path (default {@code /power}); null otherwise
     * @param floorplan HotSpot: the floorplan file (.flp); null otherwise
     * @param originX  HotSpot: where the floorplan's x = 0 lies on the wafer (m); 0 otherwise
     * @param originY  HotSpot: where the floorplan's y = 0 lies on the wafer (m); 0 otherwise
     * @param mapAs    {@code transient.trace.map_as} for a trace in W (HotSpot; die- or core-level; a {@code power}
     *                 column or an HDF5 dataset with units W): {@link PowerSpec.MapAs#WATTS} = as written (the
     *                 trace's W are the dynamic power), {@link PowerSpec.MapAs#DISTRIBUTION} = only its shape, scaled
     *                 so that the mean of its sample totals is the case's level; null for a trace of scale factors
     */
    public record TraceProfile(String file, TraceFormat format, TraceLevel level, double interval, String dataset,
                               String floorplan, double originX, double originY, PowerSpec.MapAs mapAs)
            implements Profile {
        /** A trace of scale factors (no {@code map_as}). */
        public TraceProfile(String file, TraceFormat format, TraceLevel level, double interval, String dataset,
                            String floorplan, double originX, double originY) {
            this(file, format, level, interval, dataset, floorplan, originX, originY, null);
        }

        public ProfileKind kind() { return ProfileKind.TRACE; }
    }

    /** {@code transient.trace.format}. */
    public enum TraceFormat {
        CSV("csv"), HOTSPOT("hotspot"), HDF5("hdf5");
        public final String key;
        TraceFormat(String key) { this.key = key; }
        public static TraceFormat fromKey(String k) {
            for (TraceFormat f : values()) if (f.key.equals(k)) return f;
            return null;
        }
        /** The format a file name implies (.csv; .ptrace; .h5/.hdf5), or null. */
        public static TraceFormat fromFileName(String file) {
            String n = file.toLowerCase(Locale.ROOT);
            if (n.endsWith(".csv")) return CSV;
            if (n.endsWith(".ptrace")) return HOTSPOT;
            if (n.endsWith(".h5") || n.endsWith(".hdf5")) return HDF5;
            return null;
        }
    }

    /**
     * {@code transient.trace.level}: what one value of a sample is. {@code global}: a factor on {@code power.total}
     * (CSV column {@code scale}, an HDF5 [samples] dataset without a unit) or the total in W (CSV column
     * {@code power [W]}, an HDF5 [samples] dataset with units W); the distribution is the case's power source;
     * {@code die}: W per die; {@code core}: W per core.
     */
    public enum TraceLevel {
        GLOBAL("global"), DIE("die"), CORE("core");
        public final String key;
        TraceLevel(String key) { this.key = key; }
        public static TraceLevel fromKey(String k) {
            for (TraceLevel l : values()) if (l.key.equals(k)) return l;
            return null;
        }
    }
}
