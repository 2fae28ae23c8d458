package org.wafersim.plot;

import java.util.Locale;

/** A time unit for axes and titles, chosen from the span shown: s below 2 min, min below 2 h, h below 2 days, then days. */
record TimeUnit(String label, double seconds) {
    static final TimeUnit S = new TimeUnit("s", 1), MIN = new TimeUnit("min", 60), H = new TimeUnit("h", 3600),
            DAY = new TimeUnit("days", 86400), YEAR = new TimeUnit("years", 365.25 * 86400);

    static TimeUnit forSpan(double seconds) {
        double a = Math.abs(seconds);
        if (a < 120) return S;
        if (a < 7200) return MIN;
        if (a < 2 * 86400) return H;
        if (a < 2 * 365.25 * 86400) return DAY;
        return YEAR;
    }

    /** "4 h (14400 s)", "1.3 s". */
    static String describe(double seconds) {
        TimeUnit u = forSpan(seconds);
        String v = Ticks.value(seconds / u.seconds()) + " " + u.label();
        return u == S ? v : v + " (" + String.format(Locale.ROOT, "%.6g", seconds).replaceAll("\\.?0+$", "") + " s)";
    }
}
