package org.wafersim.plot;

import org.wafersim.geometry.CoreArray;

/** A per-die quantity drawn on the wafer: each die its rectangle from the {@link CoreArray}; scribe lines empty. */
public final class DiePlane implements PlaneField {
    private final CoreArray cores;
    private final double[] values;

    /** @param values one value per die, index row * columns + column */
    public DiePlane(CoreArray cores, double[] values) {
        if (values.length != cores.dieCount())
            throw new IllegalArgumentException(values.length + " values for " + cores.dieCount() + " dies");
        this.cores = cores;
        this.values = values.clone();
    }

    @Override public double[] extent() {
        return new double[]{0, cores.waferSizeX(), 0, cores.waferSizeY()};
    }

    @Override public double valueAt(double x, double y) {
        for (int d = 0; d < values.length; d++)
            if (x >= cores.dieX0(d) && x < cores.dieX1(d) && y >= cores.dieY0(d) && y < cores.dieY1(d)) return values[d];
        return Double.NaN;
    }

    @Override public Peak peak() {
        int best = -1;
        for (int d = 0; d < values.length; d++)
            if (Double.isFinite(values[d]) && (best < 0 || values[d] > values[best])) best = d;
        return best < 0 ? null : new Peak(0.5 * (cores.dieX0(best) + cores.dieX1(best)),
                0.5 * (cores.dieY0(best) + cores.dieY1(best)), values[best]);
    }

    @Override public double[] range() {
        return PlaneField.finiteRange(values);
    }
}
