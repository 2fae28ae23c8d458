package org.wafersim.reliability;

import java.util.List;
import org.wafersim.cases.CaseSpec.CoresSpec;
import org.wafersim.cases.CaseSpec.DiesSpec;
import org.wafersim.cases.CaseSpec.WaferSpec;
import org.wafersim.geometry.CoreArray;

/** Core arrays and temperature maps for the reliability tests, built directly (no case loader). */
final class Wafers {
    private Wafers() { }

    static final double MM = 1e-3;

    /** wse-default: 215 mm, 12 x 7 dies, 53 x 91 cores per die, the given spare fraction (default 0.015 → 72). */
    static CoreArray defaultWafer(double spareFraction) {
        return CoreArray.of(new WaferSpec(215 * MM, 215 * MM, 0.775 * MM, "silicon", 0.02 * MM),
                new DiesSpec(12, 7, 0.1 * MM), new CoresSpec(53, 91, spareFraction, List.of()), "test");
    }

    static CoreArray defaultWafer() { return defaultWafer(0.015); }

    /** 30 x 24 mm, 3 x 2 dies, 10 x 12 cores per die, 5 % spares (6 per die). */
    static CoreArray smallWafer() {
        return CoreArray.of(new WaferSpec(30 * MM, 24 * MM, 0.5 * MM, "silicon", 0.01 * MM),
                new DiesSpec(3, 2, 0.2 * MM), new CoresSpec(10, 12, 0.05, List.of()), "small");
    }

    /**
     * A smooth temperature map (K): {@code base} plus a hot band in the middle die rows of height {@code band} and a
     * gentle gradient along x of {@code gradient} over the wafer — the shape of the hot-band pattern.
     */
    static double[] temperatures(CoreArray a, double base, double band, double gradient) {
        double[] t = new double[a.coreCount()];
        double sy = a.waferSizeY(), sx = a.waferSizeX();
        for (int c = 0; c < t.length; c++) {
            double y = (a.yc(c) - 0.5 * sy) / (0.25 * sy);
            t[c] = base + band * Math.exp(-y * y) + gradient * a.xc(c) / sx;
        }
        return t;
    }

    static double[] plus(double[] t, double dt) {
        double[] r = t.clone();
        for (int i = 0; i < r.length; i++) r[i] += dt;
        return r;
    }

    static double[] scaled(double[] t, double f) {
        double[] r = t.clone();
        for (int i = 0; i < r.length; i++) r[i] *= f;
        return r;
    }

    static double[][] scaled(double[][] a, double f) {
        double[][] r = new double[a.length][];
        for (int y = 0; y < a.length; y++) r[y] = scaled(a[y], f);
        return r;
    }
}
