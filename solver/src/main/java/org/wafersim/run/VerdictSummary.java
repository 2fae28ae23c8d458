package org.wafersim.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;

/**
 * The verdict part of a run's summary ({@code verdict} in JSON, {@code /verdict} in HDF5, the sweep's verdict
 * columns): whether the design passes, the design life (years), the keys of the failed criteria and one row per
 * criterion ({@link Verdict}).
 */
public record VerdictSummary(boolean pass, @JsonProperty("design_life_years") double designLifeYears,
                             List<String> failed, List<Criterion> criteria) {
    /** JSON names that the sweep's table reads back. */
    public static final String PASS = "pass", CRITERIA = "criteria";
    /** A criterion's status. */
    public static final String PASSED = "pass", FAILED = "fail", NOT_EVALUATED = "not_evaluated";

    public VerdictSummary {
        failed = List.copyOf(failed);
        criteria = List.copyOf(criteria);
    }

    /**
     * One criterion, in its own unit.
     *
     * @param criterion   the criteria key
     * @param description what it is, in words
     * @param value       the run's value, null when not evaluated
     * @param limitKind   "max" (value ≤ limit passes) or "min"
     * @param margin      limit − value for "max", value − limit for "min"; null when not evaluated
     * @param status      {@link #PASSED}, {@link #FAILED} or {@link #NOT_EVALUATED}
     * @param estimated   whether the value rests on estimated constants ([E])
     * @param note        where/when, or why it was not evaluated
     */
    public record Criterion(String criterion, String description, String unit, Double value, double limit,
                            @JsonProperty("limit_kind") String limitKind, Double margin, String status,
                            boolean estimated, String note) {
        /** JSON names that the sweep's table reads back. */
        public static final String CRITERION = "criterion", STATUS = "status";
    }

    /** The verdict table for the end of the text summary. */
    String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "verdict         %s (design life %s years)%n",
                pass ? "PASS: every criterion is met" : "FAIL: " + failed, ReliabilityRun.num(designLifeYears)));
        sb.append(String.format(Locale.ROOT, "  %-52s %12s %12s %12s  %-13s %s%n", "criterion", "value", "limit",
                "margin", "result", ""));
        for (Criterion r : criteria) {
            String unit = "1".equals(r.unit()) ? "" : " " + r.unit();
            String name = r.description() + " (" + r.limitKind() + ")";
            sb.append(String.format(Locale.ROOT, "  %-52s %12s %12s %12s  %-13s %s%s%n", name,
                    r.value() == null ? "-" : fmt(r.value()) + unit, fmt(r.limit()) + unit,
                    r.margin() == null ? "-" : fmt(r.margin()) + unit,
                    PASSED.equals(r.status()) ? "pass" : FAILED.equals(r.status()) ? "FAIL" : "not evaluated",
                    r.estimated() ? "[E] " : "", r.note()));
        }
        return sb.toString();
    }

    private static String fmt(double v) {
        if (v == 0 || (Math.abs(v) >= 0.01 && Math.abs(v) < 1e5)) return String.format(Locale.ROOT, "%.4g", v);
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
