package org.wafersim.cases;

import com.fasterxml.jackson.databind.JsonNode;
import org.wafersim.cases.CaseReader.Q;
import org.wafersim.cases.CaseReader.Section;
import org.wafersim.cases.PowerSpec.MapAs;
import org.wafersim.cases.TransientSpec.TraceFormat;
import org.wafersim.errors.InputException;
import org.wafersim.power.TraceWatts;
import org.wafersim.power.WattMaps;

/**
 * A power trace in watts ({@code transient.trace}: a HotSpot {@code .ptrace}, die- or core-level W, a
 * {@code power [W]} column, an HDF5 dataset with units W) decides the case's level as a power map in W does
 * ({@code power.map_as}): used as written ({@code transient.trace.map_as: watts}, the default when neither
 * {@code power.total} nor {@code power.dynamic} is given), the mean of its sample totals is {@code power.dynamic}
 * (leakage on top); {@code map_as: distribution} uses it as a shape scaled to the level given; a trace in W together
 * with a level and no {@code map_as} is an error naming both keys.
 *
 * <p>The power block is read before the transient block, so the trace is looked at here first, from the raw case
 * tree (without marking keys as read); {@link TransientReader} checks the trace block in full afterwards.
 */
final class WattTraceReader {
    static final String FILE = "transient.trace.file", MAP_AS = "transient.trace.map_as";

    /**
     * @param file  the trace file as written
     * @param mapAs {@code transient.trace.map_as} as given (null when absent or not one of the words)
     * @param info  its unit and mean sample total; null when not opened ({@code map_as: distribution}) or unreadable
     * @param error why the trace could not be read (null when it could): reported here only when the level depends
     *              on the trace, otherwise by the run when it reads the trace (as for any trace problem)
     */
    record Peek(String file, MapAs mapAs, WattMaps.Info info, InputException error) {
        boolean inWatts() { return info != null && info.unit() == WattMaps.Unit.WATTS; }

        /** Used as written: in W, and not declared a distribution. */
        boolean asWritten() { return inWatts() && mapAs != MapAs.DISTRIBUTION; }
    }

    private WattTraceReader() { }

    /** The trace of the case's transient block, or null when its profile is not a trace. */
    static Peek peek(JsonNode root, String source) {
        JsonNode a = root.path("analysis").path("thermal");
        if (a.isTextual() && a.textValue().equals(CaseSpec.ThermalAnalysis.CYCLE.key)) return null;
        JsonNode t = root.path("transient");
        if (!t.path("profile").isTextual() || !t.path("profile").textValue().equals("trace")) return null;
        JsonNode tr = t.path("trace");
        if (!tr.path("file").isTextual()) return null;       // TransientReader says what is missing
        String file = tr.path("file").textValue();
        TraceFormat fmt = tr.path("format").isTextual() ? TraceFormat.fromKey(tr.path("format").textValue())
                : tr.has("format") ? null : TraceFormat.fromFileName(file);
        if (fmt == null) return null;
        MapAs mapAs = tr.path("map_as").isTextual() ? MapAs.fromKey(tr.path("map_as").textValue()) : null;
        if (mapAs == MapAs.DISTRIBUTION) return new Peek(file, mapAs, null, null);  // only its shape: unit irrelevant
        String dataset = tr.path("dataset").isTextual() ? tr.path("dataset").textValue()
                : ((CaseSchema.Leaf) CaseSchema.TRACE.keys().get("dataset")).dflt();
        try {
            return new Peek(file, mapAs, TraceWatts.of(fmt, CaseSpec.inputPath(source, file), dataset,
                    FILE + " of " + source), null);
        } catch (InputException e) {
            return new Peek(file, mapAs, null, e);
        }
    }

    /**
     * The level a trace used as written sets (W, as {@code power.dynamic}), or null when the trace does not set it.
     *
     * @param levelKey     {@code total} or {@code dynamic} when the power block gives one, else null
     * @param mapAsWritten true when {@code power.map} is a map in W used as written
     */
    static Q level(CaseReader r, Section p, Peek trace, String levelKey, boolean mapAsWritten) {
        if (trace == null) return null;
        // without a level the trace must give it: a trace that cannot be read is the error to report
        if (trace.error() != null && (levelKey == null || trace.mapAs() == MapAs.WATTS)) throw trace.error();
        if (trace.mapAs() == MapAs.WATTS && !trace.inWatts()) {
            throw r.error(MAP_AS, "map_as: watts needs a trace in W (a HotSpot .ptrace, die_<c>_<r> or core_<i>"
                    + " columns, a power [W] column, an HDF5 dataset with units W); " + trace.file() + " has scale"
                    + " factors on the case's level");
        }
        if (!trace.asWritten()) return null;
        double mean = trace.info().sumW();
        if (mapAsWritten) {
            throw r.error(FILE, trace.file() + " and power.map are both in W and used as written; say which gives"
                    + " the power: power.map_as: distribution or transient.trace.map_as: distribution");
        }
        if (levelKey != null) {
            boolean same = levelKey.equals("dynamic") && trace.mapAs() == MapAs.WATTS
                    && Math.abs(p.quantity("dynamic").v() - mean) <= 1e-9 * mean;
            if (!same) {
                throw r.error(p.sub(levelKey), FILE + " " + trace.file() + " is in W (mean of its samples "
                        + CaseReader.num(mean) + " W) and power." + levelKey + " is given too: say " + MAP_AS
                        + ": distribution to use the trace as a shape scaled to power." + levelKey + ", or drop power."
                        + levelKey + " to use its watts as written");
            }
        }
        if (!(mean >= 0)) throw r.error(FILE, "the power trace's mean is " + mean + " W");
        return new Q(mean, CaseReader.exact(mean) + " W", FILE);
    }
}
