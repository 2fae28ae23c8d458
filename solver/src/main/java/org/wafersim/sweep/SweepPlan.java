package org.wafersim.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.errors.InputException;
import org.wafersim.run.CaseRun;

/**
 * Loads the case of every point before anything runs, so that a typo in an axis key or a value that makes a case
 * invalid is reported at once (exit code 2), not as a failed point after hours of computing. Every point is checked,
 * also on a shard, so all shards of a sweep accept or refuse it alike.
 */
public final class SweepPlan {
    /** The points this shard runs, and the largest heap estimate among them (bytes). */
    public record Checked(List<SweepPoint> mine, long largestBytes) { }

    /**
     * Checks the case of every point and returns this shard's share. The cases themselves are not kept: thousands of
     * them would hold thousands of material libraries; a point's case is loaded again when it runs.
     */
    public static Checked check(SweepSpec sweep, List<SweepPoint> points, Shard shard) {
        List<SweepPoint> mine = new ArrayList<>();
        long largest = 0;
        for (SweepPoint p : points) {
            CaseSpec cs = loadCase(sweep, p);
            if (shard.owns(p.index())) {
                mine.add(p);
                largest = Math.max(largest, CaseRun.estimatedBytes(cs));
            }
        }
        return new Checked(mine, largest);
    }

    /** The case of one point: the base with the point's overrides; errors name the sweep file and the point. */
    static CaseSpec loadCase(SweepSpec sweep, SweepPoint p) {
        Path file = baseFile(sweep);
        try {
            return file != null ? CaseLoader.load(file, p.overrides()) : CaseLoader.builtin(sweep.base(), p.overrides());
        } catch (InputException e) {
            // point at the axis or set entry the problem came from, when the key says which
            String key = e.keyPath();
            String where = key == null ? null : p.parameters().containsKey(key) ? "axes." + key
                    : sweep.set().containsKey(key) ? "set." + key : null;
            String src = sweep.file().toString();
            if (where != null) throw new InputException(src, where, withoutSetHint(e.reason()) + " (point " + p.stem() + ")", e);
            throw new InputException(src, null, "point " + p.stem() + " (" + p.describe() + "): " + e.getMessage(), e);
        }
    }

    /** Drops the case loader's "(from --set k=v)" hint: in a sweep the value comes from the sweep file. */
    private static String withoutSetHint(String reason) {
        int i = reason.lastIndexOf(" (from --set ");
        return i > 0 && reason.endsWith(")") ? reason.substring(0, i) : reason;
    }

    /** The base case file (relative to the sweep file), or null for an embedded case. */
    static Path baseFile(SweepSpec sweep) {
        Path path = sweep.folder().resolve(sweep.base());
        if (Files.isRegularFile(path)) return path;
        if (CaseLoader.builtinNames().contains(sweep.base())) return null;
        throw new InputException(sweep.file().toString(), "base", "'" + sweep.base() + "' is neither a case file (looked for "
                + path + ") nor an embedded case (" + String.join(", ", CaseLoader.builtinNames()) + ")");
    }
}
