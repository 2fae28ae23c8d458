package org.wafersim.sweep;

import java.util.Locale;

/** How the axes of a sweep combine into points. */
public enum SweepMode {
    /** Every combination of the axis values (Cartesian product); the last axis varies fastest. */
    PRODUCT,
    /** The i-th values of all axes together; every axis lists the same number of values. */
    ZIP,
    /** Latin hypercube sampling of ranges {@code [low, high]}: {@code samples} points, reproducible from {@code seed}. */
    LHS;

    /** The key as written in a sweep file. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
