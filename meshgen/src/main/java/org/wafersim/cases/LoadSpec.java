package org.wafersim.cases;

import java.util.Locale;

/**
 * The mechanics' load ({@code mechanics.load}): the run's thermal solution, or a temperature field prescribed
 * without a thermal solve ({@code analysis.thermal: none}): uniform, or read from an HDF5 file.
 *
 * @param type         where the temperatures come from
 * @param temperatureK UNIFORM: the temperature of every cell, K (from {@code temperature}, or {@code stress_free +
 *                     delta}); NaN otherwise
 * @param file         FILE: the HDF5 file (resolved against the case file's folder); null otherwise
 * @param dataset      FILE: the temperature dataset, [nz][ny][nx], with a {@code units} attribute (K or degC)
 * @param x            FILE: the dataset of its nx + 1 x cell faces (with a length unit); likewise y and z (z up from
 *                     the board's back face, as the model's)
 */
public record LoadSpec(Type type, double temperatureK, String file, String dataset, String x, String y, String z) {
    /** The default: the run's own thermal solution. */
    public static final LoadSpec THERMAL = new LoadSpec(Type.THERMAL, Double.NaN, null, null, null, null, null);

    /** {@code mechanics.load.type}. */
    public enum Type {
        /** The thermal stage's operating states (and the transient's snapshots). */
        THERMAL,
        /** One temperature everywhere. */
        UNIFORM,
        /** A 3-D field on its own coordinates (e.g. a wafersim result's /thermal/temperature). */
        FILE;

        public String key() { return name().toLowerCase(Locale.ROOT); }

        public static Type fromKey(String k) {
            for (Type t : values()) if (t.key().equals(k)) return t;
            return null;
        }
    }

    /** Whether the temperatures are prescribed (no thermal solve). */
    public boolean prescribed() { return type != Type.THERMAL; }
}
