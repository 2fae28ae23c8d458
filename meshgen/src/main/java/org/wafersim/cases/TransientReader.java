package org.wafersim.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wafersim.cases.CaseReader.Q;
import org.wafersim.cases.CaseReader.Section;
import org.wafersim.cases.CaseSpec.CyclingSpec;
import org.wafersim.cases.CaseSpec.ThermalAnalysis;
import org.wafersim.cases.TransientSpec.CycleProfile;
import org.wafersim.cases.TransientSpec.InitialState;
import org.wafersim.cases.TransientSpec.Profile;
import org.wafersim.cases.TransientSpec.ProfileKind;
import org.wafersim.cases.TransientSpec.RampProfile;
import org.wafersim.cases.TransientSpec.StepProfile;
import org.wafersim.cases.TransientSpec.TraceFormat;
import org.wafersim.cases.TransientSpec.TraceLevel;
import org.wafersim.cases.TransientSpec.TraceProfile;
import org.wafersim.units.Dimension;
import org.wafersim.units.Units;

/**
 * Reads the {@code transient} block against the analysis: {@code end} is required for
 * {@code analysis.thermal: transient} and refused for {@code cycle} (which runs until periodic, at most
 * {@code max_cycles} cycles); {@code cycle} needs {@code profile: cycle}; {@code periodic_tolerance} and
 * {@code max_cycles} are refused in a {@code transient} run; a {@code step}, {@code ramp} or {@code trace} block must
 * match {@code profile}. A steady run reads the block only to check it (so that one case file can be switched
 * between analyses with {@code --set analysis.thermal=...}) and requires nothing.
 *
 * <p>Trace files are not opened here (as for {@code power.map}): {@code org.wafersim.power.PowerTimeline} reads and
 * checks them when the run needs the power.
 */
final class TransientReader {
    private static final List<String> PROFILE_BLOCKS = List.of("step", "ramp", "trace");

    private final CaseReader r;

    TransientReader(CaseReader r) { this.r = r; }

    /**
     * @param t       the transient block (empty when absent)
     * @param thermal {@code analysis.thermal}
     * @param power   the (already read) power block: the defaults of {@code from} and {@code to}
     * @param cycling the cycling block: the period of a cycle run
     * @param watts   the trace as looked at for the power level ({@link WattTraceReader}), null when none
     */
    TransientSpec read(Section t, ThermalAnalysis thermal, Section power, CyclingSpec cycling,
                       WattTraceReader.Peek watts) {
        boolean cycleRun = thermal == ThermalAnalysis.CYCLE;
        Q endQ = readEnd(t, thermal);
        double end = endQ == null ? Double.NaN : endQ.v();
        InitialState initial = t.choice("initial", InitialState::fromKey);
        ProfileKind kind = readKind(t, thermal);

        Q tol = t.quantity("tolerance");
        Q dt0 = t.quantity("dt_initial");
        Q dtMax = t.quantity("dt_max");
        r.check(dt0.v() <= dtMax.v(), dt0, "dt_initial must not exceed dt_max (" + dtMax.text() + ")");

        double periodicTol = TransientSpec.DEFAULT_PERIODIC_TOLERANCE;
        int maxCycles = TransientSpec.DEFAULT_MAX_CYCLES;
        if (thermal == ThermalAnalysis.TRANSIENT) {
            for (String k : List.of("periodic_tolerance", "max_cycles")) {
                reject(t, k, k + " applies only to analysis.thermal: cycle (a transient run ends at transient.end)");
            }
        } else if (cycleRun || t.has("periodic_tolerance") || t.has("max_cycles")) {
            periodicTol = t.quantity("periodic_tolerance").v();
            maxCycles = t.integer("max_cycles");
        } else {
            t.raw("periodic_tolerance");   // a steady run without them: nothing to write
            t.raw("max_cycles");
        }
        String endText, runText;
        if (cycleRun) {
            end = maxCycles * cycling.period();
            endText = time(end);
            runText = "max_cycles x period = " + maxCycles + " x " + time(cycling.period());
        } else {
            endText = endQ == null ? null : endQ.text();
            runText = "transient.end";
        }

        Profile profile = switch (kind) {
            case STEP -> step(t.section("step", false), power, endText, end);
            case RAMP -> ramp(t.section("ramp", false), power, endText, end);
            case TRACE -> trace(t.section("trace", false), watts);
            case CYCLE -> new CycleProfile();
        };
        List<Double> snapshots = snapshots(t, end, endText, runText);
        return new TransientSpec(end, initial, profile, tol.v(), dt0.v(), dtMax.v(), snapshots, periodicTol,
                maxCycles);
    }

    /** {@code transient.end}, or null when not given (where it is not required). */
    private Q readEnd(Section t, ThermalAnalysis thermal) {
        if (thermal == ThermalAnalysis.CYCLE) {
            reject(t, "end", "end does not apply to analysis.thermal: cycle, which runs until the temperature"
                    + " repeats from one cycle to the next (transient.periodic_tolerance), at most"
                    + " transient.max_cycles cycles; for a run of fixed length use analysis.thermal: transient");
            return null;
        }
        if (thermal == ThermalAnalysis.TRANSIENT && !t.has("end")) {
            throw r.error(t.sub("end"), "missing required key 'end' (the run length, a time such as \"4 h\")"
                    + ": analysis.thermal: transient needs it");
        }
        if (!t.has("end")) {
            t.raw("end");
            return null;
        }
        return t.quantity("end");
    }

    /** The profile; the blocks of the other profiles must be absent. */
    private ProfileKind readKind(Section t, ThermalAnalysis thermal) {
        boolean cycleRun = thermal == ThermalAnalysis.CYCLE;
        boolean given = t.has("profile");
        ProfileKind kind = t.choice("profile", ProfileKind::fromKey,
                (cycleRun ? ProfileKind.CYCLE : ProfileKind.STEP).key);
        if (cycleRun && kind != ProfileKind.CYCLE) {
            throw r.error(t.sub("profile"), "analysis.thermal: cycle needs profile: cycle (the power cycle of the"
                    + " cycling block, run until periodic), got " + kind.key + "; for a " + kind.key + " profile use"
                    + " analysis.thermal: transient");
        }
        String why = given ? "this run's profile is " + kind.key
                : "this run's profile is " + kind.key + " (the default for analysis.thermal: " + thermal.key
                + "); add transient.profile";
        for (String b : PROFILE_BLOCKS) {
            if (!b.equals(kind.key)) reject(t, b, b + " applies only to profile: " + b + "; " + why);
        }
        return kind;
    }

    private StepProfile step(Section s, Section power, String endText, double end) {
        Q from = s.quantity("from", power.out.get("idle").asText());
        Q to = s.quantity("to", CaseReader.fullLoadText(power));
        Q at = s.quantity("at");
        beforeEnd(at, endText, end);
        s.done();
        return new StepProfile(from.v(), to.v(), at.v());
    }

    private RampProfile ramp(Section s, Section power, String endText, double end) {
        Q from = s.quantity("from", power.out.get("idle").asText());
        Q to = s.quantity("to", CaseReader.fullLoadText(power));
        Q start = s.quantity("start");
        beforeEnd(start, endText, end);
        Q duration = s.quantity("duration");
        s.done();
        return new RampProfile(from.v(), to.v(), start.v(), duration.v());
    }

    /** A change at {@code q} must happen inside the run, or the run would never see it. */
    private void beforeEnd(Q q, String endText, double end) {
        if (!Double.isNaN(end)) {
            r.check(q.v() < end, q, CaseReader.last(q.path()) + " must lie before transient.end (" + endText + ")");
        }
    }

    private TraceProfile trace(Section s, WattTraceReader.Peek watts) {
        String file = s.text("file");
        TraceFormat fmt;
        if (s.has("format")) {
            fmt = s.choice("format", TraceFormat::fromKey, null);
        } else {
            fmt = TraceFormat.fromFileName(file);
            if (fmt == null) {
                throw r.error(s.sub("file"), "cannot tell the format of \"" + file + "\" from its extension (.csv,"
                        + " .ptrace, .h5, .hdf5); add transient.trace.format: csv | hotspot | hdf5");
            }
            s.raw("format");
            s.out.put("format", fmt.key);     // the resolved case records the inferred format
        }
        if (fmt == TraceFormat.HOTSPOT && file.toLowerCase(Locale.ROOT).endsWith(".flp")) {
            throw r.error(s.sub("file"), "\"" + file + "\" is a HotSpot floorplan; transient.trace.file takes the"
                    + " power trace (.ptrace) and transient.trace.floorplan the floorplan (.flp)");
        }
        String with = " (this trace is " + fmt.key + ")";
        double interval = Double.NaN;
        if (fmt == TraceFormat.CSV) {
            reject(s, "interval", "interval applies only to HotSpot and HDF5 traces; a CSV trace has its own time"
                    + " column");
        } else {
            if (!s.has("interval")) {
                throw r.error(s.sub("interval"), "missing required key 'interval' (the time between two sample rows"
                        + " of the " + fmt.key + " trace, e.g. \"10 ms\"; row r is at t = r x interval)");
            }
            Q iv = s.quantity("interval");
            interval = iv.v();
        }
        TraceLevel level = null;
        if (fmt == TraceFormat.HOTSPOT) {
            reject(s, "level", "level does not apply to a HotSpot trace (its units are placed by the floorplan)");
        } else if (s.has("level")) {
            level = s.choice("level", TraceLevel::fromKey, null);
        } else {
            s.raw("level");     // absent: taken from the CSV header or the HDF5 shape when the file is read
        }
        String dataset = null;
        if (fmt == TraceFormat.HDF5) {
            dataset = s.text("dataset");
            if (!dataset.startsWith("/")) {
                throw r.error(s.sub("dataset"), "an HDF5 dataset path starts with '/', e.g. /power, got \""
                        + dataset + "\"");
            }
        } else {
            reject(s, "dataset", "dataset applies only to HDF5 traces" + with);
        }
        String floorplan = null;
        double[] origin = {0, 0};
        if (fmt == TraceFormat.HOTSPOT) {
            if (!s.has("floorplan")) {
                throw r.error(s.sub("floorplan"), "missing required key 'floorplan' (the HotSpot floorplan .flp that"
                        + " places the units of the power trace " + file + ")");
            }
            floorplan = s.text("floorplan");
            origin = PowerSourceReader.floorplanOrigin(r, s);
        } else {
            reject(s, "floorplan", "floorplan applies only to HotSpot traces" + with);
            reject(s, "floorplan_origin", "floorplan_origin applies only to HotSpot traces" + with);
        }
        // map_as: a trace in W is used as written unless it says distribution (the level was settled with the power
        // block, WattTraceReader); the resolved case records the choice
        PowerSpec.MapAs mapAs = null;
        if (s.has("map_as")) {
            mapAs = s.choice("map_as", PowerSpec.MapAs::fromKey);
        } else {
            s.raw("map_as");
            if (watts != null && watts.inWatts()) {
                mapAs = PowerSpec.MapAs.WATTS;
                s.out.put("map_as", mapAs.key);
            }
        }
        s.done();
        return new TraceProfile(file, fmt, level, interval, dataset, floorplan, origin[0], origin[1], mapAs);
    }

    /** Snapshot times: each in [0, end] when the run length is known; no two equal; returned in time order. */
    private List<Double> snapshots(Section t, double end, String endText, String runText) {
        JsonNode n = t.raw("snapshots");
        String path = t.sub("snapshots");
        List<Double> times = new ArrayList<>();
        if (n == null) {
            t.out.putArray("snapshots");
            return times;
        }
        if (!n.isArray()) {
            throw r.error(path, "snapshots must be a list of times, e.g. [\"10 min\", \"1 h\"], got "
                    + CaseReader.describe(n));
        }
        Map<Double, String> seen = new HashMap<>();
        for (int i = 0; i < n.size(); i++) {
            Q q = r.quantityOf(n.get(i), path + "[" + i + "]", Dimension.TIME);
            if (Double.isNaN(end)) {
                r.check(q.v() >= 0, q, "a snapshot time must be >= 0 (the run starts at t = 0)");
            } else if (!(q.v() >= 0 && q.v() <= end)) {
                throw r.error(q.path(), "snapshot at " + q.text() + " lies outside the run, which spans 0 .. "
                        + endText + " (" + runText + ")");
            }
            String prev = seen.put(q.v(), q.path());
            if (prev != null) throw r.error(q.path(), "snapshot at " + q.text() + " is the same time as " + prev);
            times.add(q.v());
        }
        t.out.set("snapshots", n.deepCopy());
        times.sort(null);
        return times;
    }

    /** {@code key} does not apply here: an error if given, otherwise marked as read. */
    private void reject(Section s, String key, String reason) {
        if (s.has(key)) throw r.error(s.sub(key), reason);
        s.raw(key);
    }

    static String time(double seconds) { return Units.format(seconds, Dimension.TIME); }

    /** The {@code cycling} block: the workload cycle whose defaults follow the power block. */
    CyclingSpec readCycling(Section s, Section power) {
        // D.6 cycle A: idle <-> full load; defaults follow this case's power block.
        String idleText = power.out.get("idle").asText();
        String totalText = CaseReader.fullLoadText(power);
        Q low = s.quantity("low", idleText);
        Q high = s.quantity("high", totalText);
        r.check(high.v() >= low.v(), high, "high must be >= low (" + low.text() + ")");
        Q perDay = s.number("per_day");
        Q duty = s.number("duty");
        Q ramp = s.quantity("ramp");
        // duty is counted between ramp midpoints: each flat part is its dwell minus one ramp, and must not be < 0
        // (a ramp equal to a dwell, up to round-off in duty * period, leaves no flat part: allowed)
        double period = CyclingSpec.SECONDS_PER_DAY / perDay.v();
        double highTime = duty.v() * period, lowTime = (1 - duty.v()) * period;
        r.check(ramp.v() <= Math.min(highTime, lowTime) * (1 + 1e-9), ramp, "ramp must not be longer than the time"
                + " at high (duty x period = " + time(highTime) + ") nor the time at low ("
                + time(lowTime) + "); the period is 1 day / per_day = " + time(period));
        Q life = s.quantity("life");
        s.done();
        return new CyclingSpec(low.v(), high.v(), perDay.v(), life.v(), duty.v(), ramp.v());
    }
}
