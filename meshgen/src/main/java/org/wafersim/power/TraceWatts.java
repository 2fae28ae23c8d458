package org.wafersim.power;

import java.nio.file.Path;
import java.util.ServiceLoader;
import org.wafersim.cases.TransientSpec.TraceFormat;
import org.wafersim.errors.InputException;

/**
 * Whether a power trace ({@code transient.trace}) is in watts, and the mean of its sample totals: the counterpart of
 * {@link WattMaps} for traces, read when the case is loaded because the case's level depends on it. In W are a
 * HotSpot {@code .ptrace}, die- and core-level traces (CSV {@code die_<c>_<r>} / {@code core_<i>} columns, HDF5
 * {@code [samples][dies]} / {@code [samples][cores]}), a CSV {@code power [W]} column and a 1-D HDF5 dataset whose
 * {@code units} attribute is W. A CSV {@code scale} column and a 1-D HDF5 dataset without a unit are scale factors
 * on the case's level. Only what decides the level is looked at here; {@link PowerTraces} checks the rest (columns,
 * floorplan, values) when the run reads the trace.
 */
public final class TraceWatts {
    private TraceWatts() { }

    /**
     * @param file    the trace file, resolved
     * @param dataset HDF5 only: the dataset path
     * @param role    what names the file, for messages ("transient.trace.file of case.yaml")
     * @return unit WATTS with the mean over the samples of their total (W), or NONE (scale factors)
     */
    public static WattMaps.Info of(TraceFormat format, Path file, String dataset, String role) {
        switch (format) {
            case HOTSPOT -> {
                HotSpotTrace tr = HotSpotTrace.read(file, role);
                return new WattMaps.Info(WattMaps.Unit.WATTS, "W", Sums.of(tr.power(null, role)));
            }
            case CSV -> {
                TraceCsv.Table t = TraceCsv.read(file, role);
                TraceColumns.Layout l = TraceColumns.of(t, null, null, role);
                if (!l.inWatts()) return new WattMaps.Info(WattMaps.Unit.NONE, null, Double.NaN);
                return new WattMaps.Info(WattMaps.Unit.WATTS, "W", meanRowSum(t.values(), l.watts()));
            }
            case HDF5 -> {
                Hdf5Table reader = ServiceLoader.load(Hdf5Table.class).findFirst().orElse(null);
                if (reader == null) return new WattMaps.Info(WattMaps.Unit.NONE, null, Double.NaN);
                Hdf5Table.Data d = reader.read(file, dataset);
                int[] s = d.shape();
                boolean global = s.length == 1 || s.length == 2 && s[1] == 1;
                WattMaps.Unit u = WattMaps.classify(d.units(), file.toString(), dataset);
                if (global && u != WattMaps.Unit.WATTS || s.length == 0 || s.length > 2 || s[0] == 0)
                    return new WattMaps.Info(WattMaps.Unit.NONE, d.units(), Double.NaN);
                if (u == WattMaps.Unit.DENSITY) {
                    throw new InputException(file.toString(), dataset, "units '" + d.units() + "': a power trace is"
                            + " in W (per die or per core) or without a unit (scale factors); densities are not"
                            + " accepted here");
                }
                int n = global ? 1 : s[1];
                double[][] rows = new double[s[0]][n];
                for (int r = 0; r < s[0]; r++) System.arraycopy(d.values(), r * n, rows[r], 0, n);
                return new WattMaps.Info(WattMaps.Unit.WATTS, d.units() == null ? "W" : d.units(), meanRowSum(rows, 1));
            }
            default -> throw new IllegalArgumentException("unknown trace format " + format);
        }
    }

    /** The mean over the rows of each row's sum, times {@code factor}. */
    private static double meanRowSum(double[][] rows, double factor) {
        double[] totals = new double[rows.length];
        for (int r = 0; r < rows.length; r++) totals[r] = Sums.of(rows[r]) * factor;
        return Sums.of(totals) / rows.length;
    }
}
