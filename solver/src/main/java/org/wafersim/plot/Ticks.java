package org.wafersim.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Axis ticks at "nice" values (1, 2, 2.5 or 5 times a power of ten; Heckbert, "Nice numbers for graph labels",
 * Graphics Gems, 1990) and their labels. Labels are locale-independent so that plots look the same everywhere.
 */
public final class Ticks {
    private Ticks() { }

    /** Tick values inside [lo, hi], about {@code target} of them (at least two when the range is non-empty). */
    public static double[] of(double lo, double hi, int target) {
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) return new double[]{lo};
        double step = step(lo, hi, target);
        double first = Math.ceil(lo / step - 1e-9) * step;
        int n = (int) Math.floor((hi - first) / step + 1e-9) + 1;
        double[] t = new double[Math.max(n, 0)];
        for (int i = 0; i < t.length; i++) t[i] = clean(first + i * step, step);
        return t;
    }

    /** The tick spacing chosen by {@link #of}. */
    public static double step(double lo, double hi, int target) {
        double raw = (hi - lo) / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double nice = f < 1.5 ? 1 : f < 2.25 ? 2 : f < 3.5 ? 2.5 : f < 7.5 ? 5 : 10;
        return nice * mag;
    }

    /** Labels for ticks spaced {@code step} apart: just enough decimals to tell them apart, or scientific notation. */
    public static String label(double v, double step) {
        double a = Math.max(Math.abs(v), step);
        if (v == 0) return "0";
        if (a >= 1e6 || a < 1e-3) return scientific(v);
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        if (step * Math.pow(10, decimals) % 1 > 1e-6) decimals++;   // 2.5-steps need one more digit
        return String.format(Locale.ROOT, "%." + Math.min(decimals, 6) + "f", v);
    }

    /** A single value to about four significant digits, e.g. "60.75", "1.234e9". */
    public static String value(double v) {
        if (!Double.isFinite(v)) return Double.toString(v);
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e6 || a < 1e-3)) return scientific(v);
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String scientific(double v) {
        String s = String.format(Locale.ROOT, "%.3e", v);
        int e = s.indexOf('e');
        String mant = s.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "");
        int exp = Integer.parseInt(s.substring(e + 1));
        return mant + "e" + exp;
    }

    /** Removes the rounding noise of first + i*step (e.g. 0.30000000000000004). */
    private static double clean(double v, double step) {
        if (Math.abs(v) < step * 1e-9) return 0.0;
        return new BigDecimal(v).round(new MathContext(12)).doubleValue();
    }
}
