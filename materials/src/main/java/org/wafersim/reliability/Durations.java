package org.wafersim.reliability;

/**
 * Time conversions used by the estimator. A year is the Julian year of 365.25 days, the same as
 * {@code org.wafersim.units.Units} uses for "years" in case files, so "5 years" means the same everywhere.
 */
public final class Durations {
    private Durations() { }

    /** One hour in seconds. */
    public static final double HOUR = 3600.0;
    /** One day in seconds. */
    public static final double DAY = 86400.0;
    /** One week in seconds. */
    public static final double WEEK = 7 * DAY;
    /** One Julian year (365.25 d) in seconds. */
    public static final double YEAR = 365.25 * DAY;

    /** Seconds to years. */
    public static double years(double seconds) { return seconds / YEAR; }

    /** Seconds to hours. */
    public static double hours(double seconds) { return seconds / HOUR; }
}
