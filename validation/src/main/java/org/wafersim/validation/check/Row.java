package org.wafersim.validation.check;

/**
 * One line of the validation table: what was compared ({@code quantity}) in which check, the error found, the
 * tolerance it is held to and the verdict.
 *
 * @param check     the check's name (an analytical reference or a regression case)
 * @param quantity  what is measured, e.g. "/thermal/temperature max abs" or "observed order n=8->16"
 * @param error     the measured error (or value, for {@link Bound#AT_LEAST} rows); NaN when it could not be
 *                  measured
 * @param tolerance the limit
 * @param bound     whether the error must stay at most or reach at least the tolerance
 * @param unit      unit of error and tolerance ("K", "degC", "W", "rel", "" for pure numbers)
 * @param pass      the verdict
 * @param note      extra information for a reader (observed values, why it failed); empty if none
 */
public record Row(String check, String quantity, double error, double tolerance, Bound bound, String unit,
                  boolean pass, String note) {

    public Row {
        note = note == null ? "" : note;
        unit = unit == null ? "" : unit;
    }

    /** A row that passes when {@code error <= tolerance}. */
    public static Row atMost(String check, String quantity, double error, double tolerance, String unit, String note) {
        return new Row(check, quantity, error, tolerance, Bound.AT_MOST, unit,
                Bound.AT_MOST.holds(error, tolerance), note);
    }

    /** A row that passes when {@code value >= tolerance}. */
    public static Row atLeast(String check, String quantity, double value, double tolerance, String unit, String note) {
        return new Row(check, quantity, value, tolerance, Bound.AT_LEAST, unit,
                Bound.AT_LEAST.holds(value, tolerance), note);
    }

    /** A failed row for a check that could not produce its quantity (an exception, a missing field). */
    public static Row failed(String check, String quantity, String why) {
        return new Row(check, quantity, Double.NaN, Double.NaN, Bound.AT_MOST, "", false, why);
    }

    /** The same row with a different verdict and note (e.g. NaN positions that differ fail both norms). */
    public Row failing(String why) {
        return new Row(check, quantity, error, tolerance, bound, unit, false, note.isEmpty() ? why : note + "; " + why);
    }

    public String verdict() { return pass ? "PASS" : "FAIL"; }
}
