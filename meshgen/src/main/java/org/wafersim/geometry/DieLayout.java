package org.wafersim.geometry;

/**
 * The one place where die and core edge coordinates are computed along an axis. {@link CoreArray} and the grid
 * builder both call these methods, so a grid plane at a die or core edge is bit-for-bit the same number as the
 * edge stored in the core array (no tolerance needed to find it).
 *
 * <p>Along an axis of length {@code size} split into {@code count} dies with scribe width {@code s}: the die pitch
 * is {@code size / count}; die {@code d} spans {@code [d*pitch + s/2, (d+1)*pitch - s/2]}, so half a scribe lies at
 * each wafer edge.
 */
public final class DieLayout {
    private DieLayout() { }

    /** Die pitch along an axis. */
    public static double pitch(double size, int count) {
        return size / count;
    }

    /** Boundary between die pitches {@code b-1} and {@code b} (0 and {@code size} exactly at the ends). */
    public static double pitchBoundary(double size, int count, int b) {
        if (b <= 0) return 0.0;
        if (b >= count) return size;
        return size * b / count;
    }

    /** Lower edge of die {@code d} (after half a scribe). */
    public static double dieLow(double size, int count, double scribe, int d) {
        return pitchBoundary(size, count, d) + 0.5 * scribe;
    }

    /** Upper edge of die {@code d} (before half a scribe). */
    public static double dieHigh(double size, int count, double scribe, int d) {
        return pitchBoundary(size, count, d + 1) - 0.5 * scribe;
    }

    /** The {@code m}-th of the {@code n} equal divisions of {@code [lo, hi]}; exactly lo for m = 0 and hi for m = n. */
    public static double divide(double lo, double hi, int m, int n) {
        if (m <= 0) return lo;
        if (m >= n) return hi;
        return lo + (hi - lo) * m / n;
    }
}
