package org.wafersim.power;

import java.nio.file.Path;
import java.util.function.IntFunction;
import org.wafersim.cases.CaseSpec;
import org.wafersim.cases.PowerSpec.MapAs;
import org.wafersim.cases.TransientSpec.TraceLevel;
import org.wafersim.cases.TransientSpec.TraceProfile;
import org.wafersim.errors.InputException;
import org.wafersim.geometry.CoreArray;

/**
 * Reads the trace of {@code transient.trace} (CSV, HotSpot or HDF5) into the total power over time and the core
 * powers at any time, for {@link PowerTimeline}.
 *
 * <ul>
 * <li><b>global, scale factors</b> (CSV column {@code scale}, a 1-D HDF5 dataset without a unit): the total is
 * {@code scale(t) * power.total}, distributed as the case's {@code power} source.</li>
 * <li><b>global, W</b> (CSV column {@code power [W]}, a 1-D HDF5 dataset with units W): the total power over time,
 * distributed as the case's {@code power} source.</li>
 * <li><b>die / core</b> (CSV {@code die_<c>_<r>} / {@code core_<i>} columns, HDF5 {@code [samples][dies]} /
 * {@code [samples][cores]}): W per die or core. A die's power goes to its active cores by area; what a core-level
 * trace puts on a spare goes to the active cores of its die.</li>
 * <li><b>HotSpot</b> ({@code .ptrace} with {@code interval} and {@code floorplan}): W per unit, placed by the
 * floorplan as in the steady import.</li>
 * </ul>
 * A trace in W is used as written ({@code transient.trace.map_as: watts}, the default when the case gives no level):
 * its watts are the dynamic power, the case's leakage (if any) comes on top. With {@code map_as: distribution} only
 * its shape is used: every sample is scaled by one factor so that the mean of the samples' totals is the case's
 * level ({@code power.total} or {@code power.dynamic}), keeping the trace's variation in time and space.
 * Values are linear in time between samples; the first sample holds before it, the last after it.
 */
final class PowerTraces {
    /** The trace's total power over time, its core powers and a description for the log. */
    record Loaded(PowerCurve total, PowerTimeline.CoreFill fill, String description) { }

    private PowerTraces() { }

    static Loaded load(CaseSpec spec, CoreArray cores, Hdf5Table hdf5, TraceProfile tp) {
        Path path = spec.inputPath(tp.file());
        String role = "transient.trace.file of " + spec.source();
        return switch (tp.format()) {
            case CSV -> csv(spec, cores, hdf5, tp, path, role);
            case HDF5 -> hdf5(spec, cores, hdf5, tp, path);
            case HOTSPOT -> hotSpot(spec, cores, tp, path, role);
        };
    }

    private static Loaded csv(CaseSpec spec, CoreArray cores, Hdf5Table hdf5, TraceProfile tp, Path path,
                              String role) {
        TraceCsv.Table t = TraceCsv.read(path, role);
        TraceColumns.Layout layout = TraceColumns.of(t, cores, tp.level(), spec.source());
        double[][] rows = TraceColumns.rows(t, layout, cores);
        String what = "CSV trace " + t.file();
        return of(spec, cores, hdf5, tp, layout.level(), layout.watts(), t.times(), rows, what, t.file(),
                r -> "line " + t.lines()[r]);
    }

    private static Loaded hdf5(CaseSpec spec, CoreArray cores, Hdf5Table hdf5, TraceProfile tp, Path path) {
        if (hdf5 == null) throw new IllegalStateException("an HDF5 power trace needs an Hdf5Table reader");
        String file = path.toString(), ds = tp.dataset();
        Hdf5Table.Data d = hdf5.read(path, ds);
        int[] s = d.shape();
        if (s.length != 1 && s.length != 2) {
            throw new InputException(file, ds, "has " + s.length + " dimensions; a power trace is [samples] (scale"
                    + " factors on power.total) or [samples][values] (W per die or per core)");
        }
        int samples = s[0], n = s.length == 1 ? 1 : s[1];
        if (samples == 0) throw new InputException(file, ds, "has no samples");
        TraceLevel level = hdf5Level(cores, tp.level(), s.length == 1, n, file, ds);
        double[][] rows = new double[samples][n];
        double[] times = new double[samples];
        for (int r = 0; r < samples; r++) {
            times[r] = r * tp.interval();
            for (int c = 0; c < n; c++) {
                double v = d.values()[r * n + c];
                String idx = s.length == 1 ? "[" + r + "]" : "[" + r + "][" + c + "]";
                if (!Double.isFinite(v)) throw new InputException(file, ds, "entry " + idx + " is " + v);
                if (v < 0) {
                    throw new InputException(file, ds, "entry " + idx + " is negative (" + v + "); trace values must"
                            + " be >= 0");
                }
                if (v > TraceCsv.MAX_VALUE) {
                    throw new InputException(file, ds, "entry " + idx + " (" + v + ") is more than the largest trace"
                            + " value, " + TraceCsv.MAX_VALUE);
                }
                rows[r][c] = v;
            }
        }
        // a 1-D dataset in W is the total power; without a unit, scale factors; [samples][dies | cores] is in W
        double watts = level != TraceLevel.GLOBAL ? 1
                : WattMaps.classify(d.units(), file, ds) == WattMaps.Unit.WATTS ? 1 : Double.NaN;
        return of(spec, cores, hdf5, tp, level, watts, times, rows, "HDF5 trace " + file + " " + ds, file, r -> ds);
    }

    /** The level the dataset's shape gives (checked against {@code wanted} when that is given). */
    private static TraceLevel hdf5Level(CoreArray cores, TraceLevel wanted, boolean oneD, int n, String file,
                                        String ds) {
        boolean global = oneD || n == 1, die = !oneD && n == cores.dieCount(), core = !oneD && n == cores.coreCount();
        if (wanted == TraceLevel.GLOBAL && global || wanted == TraceLevel.DIE && die
                || wanted == TraceLevel.CORE && core) {
            return wanted;
        }
        if (wanted == null && global) return TraceLevel.GLOBAL;
        if (wanted == null && die) return TraceLevel.DIE;
        if (wanted == null && core) return TraceLevel.CORE;
        throw new InputException(file, ds, "has " + (oneD ? "one value" : n + " values") + " per sample"
                + (wanted == null ? "" : " but transient.trace.level is " + wanted.key) + "; this case needs "
                + "1 (a scale factor on power.total), " + cores.dieCount() + " (W per die, in die index order"
                + " row * columns + column) or " + cores.coreCount() + " (W per core, in core index order)");
    }

    private static Loaded hotSpot(CaseSpec spec, CoreArray cores, TraceProfile tp, Path path, String role) {
        HotSpotTrace tr = HotSpotTrace.read(path, role);
        HotSpotFloorplan fp = HotSpotFloorplan.read(spec.inputPath(tp.floorplan()),
                "transient.trace.floorplan of " + spec.source());
        HotSpotPlacement placement = HotSpotPlacement.of(cores, fp, tr, tp.originX(), tp.originY(),
                "transient.trace.floorplan_origin");
        double[] mean = tr.power(null, spec.source());
        placement.checkCovered(mean);        // a unit with power in any row has it in the mean
        double meanTotal = Sums.of(mean);
        if (!(meanTotal > 0) && tp.mapAs() == MapAs.DISTRIBUTION) {
            throw new InputException(tr.file, null, "every unit has 0 W in every sample, so the trace has no power to"
                    + " scale to power." + spec.power().basis().key + " (transient.trace.map_as: distribution)");
        }
        double scale = scale(spec, tp, meanTotal);
        int n = tr.samples.length;
        double[] times = new double[n], totals = new double[n];
        for (int r = 0; r < n; r++) {
            times[r] = r * tp.interval();
            totals[r] = scale * Sums.of(tr.samples[r]);
        }
        SampledTrace st = new SampledTrace(times, tr.samples, totals,
                SampledTrace.perUnit(cores, placement, scale));
        String what = "HotSpot trace " + tr.file + " on floorplan " + fp.file + " (" + n + " samples every "
                + ProfileCurves.time(tp.interval()) + ", " + tr.names.size() + " units; " + use(spec, tp, scale,
                meanTotal) + ")";
        return new Loaded(st.totals(), (t, before, total, out) -> st.fill(t, before, out), what);
    }

    /**
     * A trace of scale factors (global, {@code watts} NaN), of the total W (global, {@code watts} = W per value) or of
     * W per die or per core, sampled at {@code times}.
     */
    private static Loaded of(CaseSpec spec, CoreArray cores, Hdf5Table hdf5, TraceProfile tp, TraceLevel level,
                             double watts, double[] times, double[][] rows, String what, String file,
                             IntFunction<String> rowKey) {
        int n = rows.length;
        String span = n + " samples, t = " + ProfileCurves.time(times[0]) + " .. " + ProfileCurves.time(times[n - 1]);
        if (level == TraceLevel.GLOBAL && Double.isNaN(watts)) {
            double total = spec.power().total();
            double[] p = new double[n];
            for (int r = 0; r < n; r++) p[r] = rows[r][0] * total;
            PowerDistribution d = CorePowerSources.load(spec, cores, hdf5);
            return new Loaded(PowerCurve.continuous(times, p), PowerTimeline.scaled(d, total), what + " (scale"
                    + " factors on power.total = " + PowerDistribution.watts(total) + ", " + span + "); distribution: "
                    + d.description());
        }
        SampledTrace.Spreader spreader = null;
        if (level == TraceLevel.DIE) {
            SampledTrace.checkDiesCanTakePower(cores, rows, file, rowKey);
            spreader = SampledTrace.perDie(cores);
        } else if (level == TraceLevel.CORE) {
            for (double[] row : rows) SpareShare.moveToActiveCores(cores, row);
            spreader = SampledTrace.perCore();
        }
        double[] totals = new double[n];
        for (int r = 0; r < n; r++) totals[r] = watts * Sums.of(rows[r]);
        double mean = Sums.of(totals) / n;
        if (!(mean > 0) && tp.mapAs() == MapAs.DISTRIBUTION) {
            throw new InputException(file, null, "every sample is 0 W, so the trace has no power to scale to power."
                    + spec.power().basis().key + " (transient.trace.map_as: distribution)");
        }
        double scale = scale(spec, tp, mean);
        String use = use(spec, tp, scale, mean);
        if (level == TraceLevel.GLOBAL) {
            for (int r = 0; r < n; r++) totals[r] *= scale;
            PowerDistribution d = CorePowerSources.load(spec, cores, hdf5);
            return new Loaded(PowerCurve.continuous(times, totals), PowerTimeline.scaled(d, spec.power().total()),
                    what + " (total power, " + use + ", " + span + "); distribution: " + d.description());
        }
        if (scale != 1) {
            for (double[] row : rows) for (int c = 0; c < row.length; c++) row[c] *= scale;
            for (int r = 0; r < n; r++) totals[r] = Sums.of(rows[r]);    // the core powers' sum, to round-off
        }
        SampledTrace st = new SampledTrace(times, rows, totals, spreader);
        return new Loaded(st.totals(), (t, before, total, out) -> st.fill(t, before, out), what + " ("
                + level.key + " level, " + use + ", " + span + ")");
    }

    /**
     * The factor on a trace in W whose sample totals have the mean {@code mean} (W): 1 as written, the case's
     * level / mean with {@code map_as: distribution}.
     */
    private static double scale(CaseSpec spec, TraceProfile tp, double mean) {
        return tp.mapAs() == MapAs.DISTRIBUTION ? spec.power().total() / mean : 1;
    }

    /** How a trace in W is used, for the log and the summary. */
    private static String use(CaseSpec spec, TraceProfile tp, double scale, double mean) {
        String leak = spec.power().leakage() == null ? "no leakage block"
                : "leakage from power.leakage on top";
        if (tp.mapAs() == MapAs.DISTRIBUTION) {
            return "map_as: distribution, scaled by " + PowerDistribution.num(scale) + " so that the mean of the"
                    + " samples is power." + spec.power().basis().key + " = "
                    + PowerDistribution.watts(spec.power().total());
        }
        return "W as written, mean of the samples " + PowerDistribution.watts(mean) + ", " + leak;
    }
}
