package org.wafersim.sweep;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The sweep's progress on stderr: one line per point ({@code [index/total] stem: status seconds}), plus a header and
 * a closing line. Colours only when stderr is a terminal ({@code System.console() != null}), so logs of batch jobs
 * stay plain text. Lines from parallel points are printed whole (synchronized), never interleaved.
 */
final class Progress {
    private static final String GREEN = "\u001b[32m", RED = "\u001b[31m", DIM = "\u001b[2m", RESET = "\u001b[0m";

    private final PrintWriter err;
    private final boolean quiet, colour;
    private final int total;
    private int done;
    private final int toRun;

    Progress(PrintWriter err, boolean quiet, boolean colour, int total, int toRun) {
        this.err = err;
        this.quiet = quiet;
        this.colour = colour;
        this.total = total;
        this.toRun = toRun;
    }

    /** Whether decorations are wanted: stderr is an interactive terminal. */
    static boolean terminal() {
        return System.console() != null;
    }

    synchronized void line(String text) {
        if (quiet) return;
        err.println("wafersim: " + text);
        err.flush();
    }

    synchronized void skipped(SweepPoint p) {
        line(prefix(p) + paint(DIM, "finished earlier, skipped"));
    }

    synchronized void finished(SweepPoint p, PointRecord r) {
        done++;
        String status = PointRecord.OK.equals(r.status())
                ? paint(GREEN, "ok") + String.format(Locale.ROOT, " %.1f s", r.seconds())
                + (r.summary() == null ? "" : String.format(Locale.ROOT, ", wafer max %.2f degC", r.summary().waferMaxC()))
                : paint(RED, "FAILED") + String.format(Locale.ROOT, " %.1f s (%s): %s", r.seconds(), r.exitClass(), r.message());
        String count = colour ? String.format(Locale.ROOT, " %s(%d of %d here)%s", DIM, done, toRun, RESET) : "";
        line(prefix(p) + status + count);
    }

    private String prefix(SweepPoint p) {
        int cut = p.stem().indexOf('_');
        String tag = cut < 0 ? p.stem() : p.stem().substring(0, cut);   // "p0003"
        return String.format(Locale.ROOT, "[%d/%d] %s %s: ", p.index() + 1, total, tag, p.describe());
    }

    private String paint(String code, String s) {
        return colour ? code + s + RESET : s;
    }
}
