package org.wafersim.reliability;

import java.util.Locale;
import org.wafersim.errors.InputException;

/**
 * Validation helpers of the parameter records: each failure is an {@link InputException} without a source (the
 * case-file loader adds it with {@link InputException#inSource}) and with the key path {@code reliability.<key>},
 * so that the CLI exits with code 2 and a message naming the key.
 */
final class Check {
    private Check() { }

    static final String PREFIX = "reliability.";

    static InputException bad(String key, String reason) {
        return new InputException(null, PREFIX + key, reason);
    }

    static double finite(double v, String key) {
        if (!Double.isFinite(v)) throw bad(key, "must be a finite number, got " + show(v));
        return v;
    }

    static double positive(double v, String key) {
        finite(v, key);
        if (!(v > 0)) throw bad(key, "must be positive, got " + show(v));
        return v;
    }

    static double nonNegative(double v, String key) {
        finite(v, key);
        if (!(v >= 0)) throw bad(key, "must not be negative, got " + show(v));
        return v;
    }

    static <T> T notNull(T v, String key) {
        if (v == null) throw bad(key, "is missing");
        return v;
    }

    static String show(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
