package org.wafersim.thermal;

/** The six faces of a cell, in the order -x, +x, -y, +y, -z, +z. */
public enum Face {
    XMIN, XMAX, YMIN, YMAX, ZMIN, ZMAX;

    public boolean isSide() { return this.ordinal() < 4; }

    private static final Face[] ALL = values();

    /** The face with this ordinal, without the array copy {@code values()} makes on every call (hot loops). */
    public static Face of(int ordinal) { return ALL[ordinal]; }
}
