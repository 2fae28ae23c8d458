package org.wafersim.plot;

/**
 * A scalar field over a rectangle of the x-y plane (coordinates in metres), as a heat map draws it: sampled at any
 * point, NaN where there is nothing (a void cell, a scribe line, off the wafer).
 */
public interface PlaneField {
    /** The extent to draw, {x0, x1, y0, y1} in metres. */
    double[] extent();

    /** The value at (x, y), or NaN if there is none. */
    double valueAt(double x, double y);

    /** The largest finite value and where it is (the cell or core centre), or null if every value is NaN. */
    Peak peak();

    /** {min, max} of the finite values, or null if every value is NaN. */
    double[] range();

    /** The lowest finite value and where it is, or null if every value is NaN (the valley of a signed field). */
    default Peak valley() {
        return null;
    }

    /** The highest value of a field and its position (m). */
    record Peak(double x, double y, double value) { }

    /** {min, max} of the finite entries of {@code values}, or null if there are none. */
    static double[] finiteRange(double[] values) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return lo <= hi ? new double[]{lo, hi} : null;
    }
}
