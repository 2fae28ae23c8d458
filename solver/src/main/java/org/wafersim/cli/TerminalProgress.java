package org.wafersim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.wafersim.run.RunProgress;

/**
 * Progress on stderr: lines as "wafersim: ...", and on a terminal one status line rewritten in place (carriage
 * return + erase to end of line) with a bar, the percentage, the detail and an ETA from the wall time so far,
 * at most five times a second. Off a terminal (a log, a pipe) or with {@code -q} the status line is never written,
 * so logs stay plain text; {@code -q} also drops the lines.
 */
final class TerminalProgress implements RunProgress {
    private static final long MIN_INTERVAL_NS = 200_000_000L;
    private final PrintWriter err;
    private final boolean quiet, terminal;
    private final int width;
    private boolean lineShown;
    private String stage;
    private long stageStart, lastDraw;

    TerminalProgress(PrintWriter err, boolean quiet, boolean terminal) {
        this.err = err;
        this.quiet = quiet;
        this.terminal = terminal && !quiet;
        int w = 100;
        try {
            String cols = System.getenv("COLUMNS");
            if (cols != null) w = Integer.parseInt(cols.strip());
        } catch (NumberFormatException e) {
            // keep the default
        }
        this.width = Math.max(40, Math.min(w, 200)) - 1;
    }

    /** stderr is an interactive terminal (Java reports a console only when the process is attached to one). */
    static boolean onTerminal() {
        return System.console() != null;
    }

    @Override public synchronized void accept(String line) {
        if (quiet) return;
        clear();
        err.println("wafersim: " + line);
        err.flush();
    }

    @Override public synchronized void update(String stageName, double fraction, String detail) {
        if (!terminal) return;
        long now = System.nanoTime();
        if (!stageName.equals(stage)) {
            stage = stageName;
            stageStart = now;
            lastDraw = 0;
        }
        if (now - lastDraw < MIN_INTERVAL_NS) return;
        lastDraw = now;
        err.print("\r\u001b[K" + status(stageName, fraction, detail, (now - stageStart) / 1e9));
        err.flush();
        lineShown = true;
    }

    @Override public synchronized void done() {
        clear();
        stage = null;
    }

    private void clear() {
        if (lineShown) {
            err.print("\r\u001b[K");
            err.flush();
            lineShown = false;
        }
    }

    /** "wafersim: transient [######....]  62 % step 120, t = 3.2 s of 600 s, ETA 12 s", cut to the terminal width. */
    String status(String stageName, double fraction, String detail, double elapsed) {
        StringBuilder sb = new StringBuilder("wafersim: ").append(stageName).append(' ');
        if (Double.isFinite(fraction)) {
            double f = Math.max(0, Math.min(1, fraction));
            int bar = 20, full = (int) Math.round(f * bar);
            sb.append('[').append("#".repeat(full)).append(".".repeat(bar - full)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d %% ", (int) Math.floor(100 * f)));
        }
        sb.append(detail);
        if (Double.isFinite(fraction) && fraction > 0.02 && elapsed > 1)
            sb.append(", ETA ").append(duration(elapsed * (1 - fraction) / fraction));
        return sb.length() > width ? sb.substring(0, width) : sb.toString();
    }

    static String duration(double s) {
        if (s < 90) return String.format(Locale.ROOT, "%.0f s", s);
        if (s < 5400) return String.format(Locale.ROOT, "%.0f min", s / 60);
        return String.format(Locale.ROOT, "%.1f h", s / 3600);
    }
}
