package org.wafersim.plot;

import org.wafersim.geometry.CoreArray;

/**
 * A per-core quantity drawn on the wafer: each core is its own rectangle from the {@link CoreArray} (so the core
 * pitch and the scribe lines come from the die layout), and scribe lines and the area off the wafer are empty.
 */
public final class CorePlane implements PlaneField {
    private final CoreArray cores;
    private final double[] values;

    /** @param values one value per core, in core-index order (as in {@code /cores/...}); NaN for none */
    public CorePlane(CoreArray cores, double[] values) {
        if (values.length != cores.coreCount())
            throw new IllegalArgumentException(values.length + " values for " + cores.coreCount() + " cores");
        this.cores = cores;
        this.values = values.clone();
    }

    @Override public double[] extent() {
        return new double[]{0, cores.waferSizeX(), 0, cores.waferSizeY()};
    }

    @Override public double valueAt(double x, double y) {
        int c = cores.coreAt(x, y);
        return c < 0 ? Double.NaN : values[c];
    }

    @Override public Peak peak() {
        int best = -1;
        for (int c = 0; c < values.length; c++)
            if (Double.isFinite(values[c]) && (best < 0 || values[c] > values[best])) best = c;
        return best < 0 ? null : new Peak(cores.xc(best), cores.yc(best), values[best]);
    }

    @Override public double[] range() {
        return PlaneField.finiteRange(values);
    }
}
