package org.wafersim.power;

import org.wafersim.cases.PowerSpec;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.wafersim.cases.CaseSpec;
import org.wafersim.cases.PowerSpec.MapFormat;
import org.wafersim.cases.PowerSpec.HotSpotSource;
import org.wafersim.cases.PowerSpec.MapSource;
import org.wafersim.cases.PowerSpec.PatternSource;
import org.wafersim.cases.PowerSpec.Source;
import org.wafersim.cases.PowerSpec.UtilisationSource;
import org.wafersim.errors.InputException;
import org.wafersim.geometry.CoreArray;

/**
 * The one entry point for per-core dynamic power at full load, whatever the case's {@code power} block uses:
 * a pattern ({@link WorkloadPower}), a per-die utilisation table ({@link UtilisationPower}), a CSV or HDF5 power
 * map at die or core level ({@link PowerMaps}), or a HotSpot power trace on a floorplan ({@link HotSpotPower}).
 *
 * <p><b>Normalisation:</b> {@code power.total} is always the total. Tables, maps and traces only give the
 * <em>distribution</em>; their absolute values are scaled so that the core powers sum to the total (to 1e-12
 * relative or better). Spare cores get 0 W in every source; what a map puts on a spare goes to the active cores of
 * the same die.
 *
 * <p>Files named in the case are resolved against the case file's directory ({@link CaseSpec#inputPath}) and read
 * here; every problem in them is an {@link InputException} naming the file and the entry (and line, for text
 * files).
 */
public final class CorePowerSources {
    private CorePowerSources() { }

    /**
     * Power per core (W) at total {@code total} (W).
     *
     * @param hdf5 reads HDF5 datasets (the solver's {@code org.wafersim.io.Hdf5PowerMap}); may be null when the case
     *             uses no HDF5 map
     */
    public static double[] corePower(CaseSpec spec, CoreArray cores, double total, Hdf5Table hdf5) {
        return load(spec, cores, hdf5).corePower(total);
    }

    /** As {@link #corePower(CaseSpec, CoreArray, double, Hdf5Table)}, reporting the one-line summary to {@code log}. */
    public static double[] corePower(CaseSpec spec, CoreArray cores, double total, Hdf5Table hdf5,
                                     Consumer<String> log) {
        PowerDistribution d = load(spec, cores, hdf5);
        log.accept(spec.power().mapAs() == org.wafersim.cases.PowerSpec.MapAs.WATTS
                ? "power: " + d.description() + "; its watts used as written (" + PowerDistribution.watts(total) + ")"
                : d.summary(total));
        return d.corePower(total);
    }

    /** Reads the case's power source once; ask the result for core powers at any total. */
    public static PowerDistribution load(CaseSpec spec, CoreArray cores, Hdf5Table hdf5) {
        Source s = spec.power().source();
        String src = spec.source();
        if (s instanceof PatternSource p) return PowerDistribution.pattern(cores, p.pattern());
        if (s instanceof UtilisationSource u) {
            return u.table() != null ? UtilisationPower.ofTable(cores, u.table(), u.idleFraction(), src)
                    : UtilisationPower.ofFile(cores, spec.inputPath(u.file()), u.idleFraction(), src);
        }
        if (s instanceof HotSpotSource h) {
            HotSpotTrace tr = HotSpotTrace.read(spec.inputPath(h.trace()), "power.map of " + src);
            HotSpotFloorplan fp = HotSpotFloorplan.read(spec.inputPath(h.floorplan()), "power.floorplan of " + src);
            return HotSpotPower.distribution(cores, fp, tr, h.traceRow(), h.originX(), h.originY(), src);
        }
        MapSource m = (MapSource) s;
        MapFormat fmt = m.format() != null ? m.format() : MapFormat.fromFileName(m.file());
        if (fmt == null) {
            throw new InputException(src, "power.map", "cannot tell the format of \"" + m.file() + "\" from its"
                    + " extension; add power.map_format: csv | hdf5 | hotspot");
        }
        if (fmt == MapFormat.HOTSPOT) {
            throw new InputException(src, "power.floorplan", "a HotSpot power trace (" + m.file() + ") needs"
                    + " power.floorplan, the .flp that places its units");
        }
        Path file = spec.inputPath(m.file());
        PowerTable t;
        if (fmt == MapFormat.CSV) {
            t = CsvTables.read(file, "power.map of " + src);
        } else {
            if (hdf5 == null) throw new IllegalStateException("an HDF5 power map needs an Hdf5Table reader");
            String ds = m.dataset() != null ? m.dataset() : "/power";
            t = PowerTable.ofHdf5(file.toString(), ds, hdf5.read(file, ds));
        }
        return PowerMaps.distribution(cores, t, m.level(), "map " + file + " (" + fmt.key.toUpperCase(java.util.Locale.ROOT)
                + (t.dataset() == null ? "" : " " + t.dataset()) + ")");
    }
}
