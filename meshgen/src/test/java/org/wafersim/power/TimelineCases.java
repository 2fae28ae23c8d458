package org.wafersim.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.geometry.CoreArray;

/**
 * Cases for the power-over-time tests, on the wafer of {@link SmallWafer} (3 x 2 dies of 4 x 3 cores, each core a
 * 3 x 3 mm square, 72 cores) with 600 W at full load, 200 W idle, the checkerboard pattern (dies 1.5x / 0.5x the
 * mean), and the given top-level blocks (analysis, transient, cycling).
 */
final class TimelineCases {
    private TimelineCases() { }

    static final String CASE = """
            name: timeline
            wafer: {size: ["36 mm", "18 mm"], thickness: "0.5 mm"}
            dies: {columns: 3, rows: 2}
            cores: %s
            stack: [{name: wafer}]
            power: {total: "600 W", idle: "200 W", %s}
            cooling: {mode: vertical, coolant: {inlet: "25 degC", flow: "30 L/min", h: "1000 W/(m^2*K)"}}
            %s
            """;
    static final String NO_SPARES = "{per_die: [4, 3], spare_fraction: 0}";
    static final String TRANSIENT = "analysis: {thermal: transient}\n";

    static CaseSpec load(Path dir, String cores, String more) throws IOException {
        return load(dir, cores, "pattern: checkerboard", more);
    }

    /** With {@code source} as the power block's source keys instead of the checkerboard pattern. */
    static CaseSpec load(Path dir, String cores, String source, String more) throws IOException {
        Path p = dir.resolve("case.yaml");
        Files.writeString(p, CASE.formatted(cores, source, more.strip()), StandardCharsets.UTF_8);
        return CaseLoader.load(p, List.of());
    }

    static CaseSpec load(Path dir, String more) throws IOException {
        return load(dir, NO_SPARES, more);
    }

    /**
     * As {@link #load(Path, String, String)} but without a level in the power block (no total, no idle): for a
     * trace in W used as written, which gives the level itself.
     */
    static CaseSpec loadWithoutLevel(Path dir, String cores, String more) throws IOException {
        Path p = dir.resolve("case.yaml");
        Files.writeString(p, CASE.formatted(cores, "pattern: checkerboard", more.strip())
                .replace("total: \"600 W\", idle: \"200 W\", ", ""), StandardCharsets.UTF_8);
        return CaseLoader.load(p, List.of());
    }

    /** As {@link #trace}, for a trace in W used as written: the power block gives no level. */
    static CaseSpec wattTrace(Path dir, String end, String trace) throws IOException {
        return loadWithoutLevel(dir, NO_SPARES, TRANSIENT + "transient: {end: \"" + end + "\", profile: trace, trace: {"
                + trace + "}}");
    }

    /** A transient run of {@code end} with a trace block {@code trace} (the keys inside {@code trace: {...}}). */
    static CaseSpec trace(Path dir, String end, String trace) throws IOException {
        return load(dir, TRANSIENT + "transient: {end: \"" + end + "\", profile: trace, trace: {" + trace + "}}");
    }

    static PowerTimeline timeline(CaseSpec c) {
        return PowerTimeline.of(c, CoreArray.of(c), null);
    }

    /**
     * At {@code t}, both sides: the core powers add up to the total to 1e-12 relative, none is negative, spares are
     * idle. Returns the core powers at t.
     */
    static double[] consistent(PowerTimeline tl, CoreArray a, double t) {
        double[] p = new double[a.coreCount()];
        for (int side = 0; side < 2; side++) {
            double total;
            if (side == 0) {
                tl.corePowerBefore(t, p);
                total = tl.totalBefore(t);
            } else {
                tl.corePowerAt(t, p);
                total = tl.totalAt(t);
            }
            assertEquals(total, Sums.of(p), 1e-12 * Math.max(1, Math.abs(total)), "sum of core powers at t = " + t);
            for (int c = 0; c < p.length; c++) {
                assertTrue(p[c] >= 0, "core " + c + " at t = " + t);
                if (a.isSpare(c)) assertEquals(0.0, p[c], "spare " + c + " at t = " + t);
            }
        }
        return p;
    }

    /** {@code expected[c]} to 1e-12 relative to its largest entry. */
    static void assertCores(double[] expected, double[] actual, String what) {
        double max = 0;
        for (double v : expected) max = Math.max(max, Math.abs(v));
        assertEquals(expected.length, actual.length, what);
        for (int c = 0; c < expected.length; c++) {
            assertEquals(expected[c], actual[c], 1e-12 * max, what + ", core " + c);
        }
    }

    static double[] scaled(double[] p, double f) {
        double[] r = p.clone();
        for (int i = 0; i < r.length; i++) r[i] *= f;
        return r;
    }
}
