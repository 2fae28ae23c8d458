package org.wafersim.thermal;

/** The six faces of a cell, in the order -x, +x, -y, +y, -z, +z. */
public enum Face {
    XMIN, XMAX, YMIN, YMAX, ZMIN, ZMAX;

    public boolean isSide() { return this.ordinal() < 4; }
}
