package org.wafersim.power;

import org.wafersim.cases.CaseSpec.CyclingSpec;
import org.wafersim.cases.TransientSpec.RampProfile;
import org.wafersim.cases.TransientSpec.StepProfile;
import org.wafersim.units.Dimension;
import org.wafersim.units.Units;

/**
 * The total power (W) over time of the step, ramp and cycle profiles, as {@link PowerCurve}s, and their descriptions.
 */
final class ProfileCurves {
    /** Knots closer than this fraction of the period are one knot (a 0 s ramp is a jump). */
    private static final double MERGE = 1e-9;

    private ProfileCurves() { }

    static PowerCurve step(StepProfile s) {
        return new PowerCurve(new double[] {s.at()}, new double[] {s.from()}, new double[] {s.to()});
    }

    static PowerCurve ramp(RampProfile r) {
        return PowerCurve.continuous(new double[] {r.start(), r.start() + r.duration()},
                new double[] {r.from(), r.to()});
    }

    /**
     * The cycle of {@code c} repeated from t = 0 until {@code end} (at least one cycle): each period starts with the
     * ramp up, stays at high until {@code duty * period}, ramps down and stays at low until the period ends (see
     * {@link CyclingSpec}). After the last knot the power stays at low.
     */
    static PowerCurve cycle(CyclingSpec c, double end) {
        double p = c.period(), r = c.ramp(), d = c.duty() * p;
        int cycles = Double.isNaN(end) ? 1 : (int) Math.max(1, Math.ceil(end / p));
        PowerCurve.Builder b = new PowerCurve.Builder(MERGE * p);
        for (int k = 0; k < cycles; k++) {
            double t0 = k * p;
            b.add(t0, c.low(), c.low());
            b.add(t0 + r, c.high(), c.high());
            b.add(t0 + d, c.high(), c.high());
            b.add(t0 + d + r, c.low(), c.low());
        }
        return b.build();
    }

    static String describe(StepProfile s) {
        return "step " + watts(s.from()) + " -> " + watts(s.to()) + " at t = " + time(s.at());
    }

    static String describe(RampProfile r) {
        return "ramp " + watts(r.from()) + " -> " + watts(r.to()) + " from t = " + time(r.start()) + " over "
                + time(r.duration());
    }

    static String describe(CyclingSpec c) {
        return "cycle " + watts(c.low()) + " <-> " + watts(c.high()) + ", period " + time(c.period()) + " ("
                + time(c.highTime()) + " at high, " + time(c.lowTime()) + " at low, between ramp midpoints; ramps "
                + time(c.ramp()) + ")";
    }

    static String watts(double w) { return PowerDistribution.watts(w); }

    static String time(double s) { return Units.format(s, Dimension.TIME); }
}
