package org.wafersim.materials;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.wafersim.errors.InputException;
import org.wafersim.units.Dimension;
import org.wafersim.units.Units;

/**
 * The range checks of a material's properties over their whole temperature range (a property that is positive at
 * 300 K but not at its clamp end is refused there): required, positive, Poisson ratios in (-1, 0.5), and the extra
 * constants by their dimension. Each failure is an {@link InputException} naming the property key and, for a
 * temperature-dependent property, the temperature of the offending value.
 */
final class PropertyChecks {
    private PropertyChecks() { }

    static void checkExtra(String key, Property p) {
        Dimension d = p.dimension();
        boolean mustBePositive = d == Dimension.TEMPERATURE || d == Dimension.LENGTH
                || d == Dimension.DYNAMIC_VISCOSITY || d == Dimension.PRESSURE
                || d == Dimension.STRESS_INTENSITY || key.startsWith("weibull")
                || key.equals(MaterialKeys.FATIGUE_DUCTILITY) || key.equals(MaterialKeys.COFFIN_MANSON);
        if (mustBePositive) {
            positive(p, key);
        } else if (d == Dimension.THERMAL_RESISTANCE_AREA) {
            double[] min = extreme(p, true);
            if (min[0] < 0) throw new InputException(null, key, "must not be negative, got " + show(p, min));
        }
    }

    static void require(Property p, String key, String reason) {
        if (p == null) throw new InputException(null, key, reason);
    }

    static void positive(Property p, String key) {
        double[] min = extreme(p, true);
        if (!(min[0] > 0)) {
            throw new InputException(null, key, "must be positive, got " + show(p, min));
        }
    }

    static void poissonRange(Property p, String key, boolean upperBound) {
        double[] max = extreme(p, false);
        double[] min = extreme(p, true);
        if (upperBound && max[0] >= 0.5) {
            throw new InputException(null, key, "must be below 0.5, got " + show(p, max)
                    + "; a Poisson ratio \u2265 0.5 needs a hybrid formulation, which wafersim does not have");
        }
        if (min[0] <= -1) {
            throw new InputException(null, key, "must be above -1, got " + show(p, min));
        }
    }

    static String show(Property p, double[] extreme) {
        String v = Units.format(extreme[0], p.dimension());
        return p.isConstant() ? v : v + " at " + Units.format(extreme[1], Dimension.TEMPERATURE);
    }

    /** {min or max value, temperature where it occurs} over the property's clamp range. */
    static double[] extreme(Property p, boolean min) {
        double best = Double.NaN;
        double where = Property.NOMINAL_TEMPERATURE_K;
        for (double t : samples(p)) {
            double v = p.at(t);
            if (Double.isNaN(best) || (min ? v < best : v > best)) {
                best = v;
                where = t;
            }
        }
        return new double[] {best, where};
    }

    /**
     * Temperatures at which to check properties: the ends of every clamp range, a fine grid inside each
     * (exact for the monotone laws, close for polynomials and quotients), and the nominal 300 K.
     */
    static double[] samples(Property... ps) {
        TreeSet<Double> ts = new TreeSet<>();
        ts.add(Property.NOMINAL_TEMPERATURE_K);
        for (Property p : ps) {
            if (p == null || p.kind() == Property.Kind.CONSTANT) continue;
            double lo = p.minTemperature();
            double hi = p.maxTemperature();
            int n = 128;
            for (int i = 0; i <= n; i++) ts.add(lo + (hi - lo) * i / n);
            for (double t : p.breakpoints()) ts.add(t);
        }
        List<Double> list = new ArrayList<>(ts);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = list.get(i);
        return out;
    }
}
