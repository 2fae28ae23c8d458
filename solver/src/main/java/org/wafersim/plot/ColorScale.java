package org.wafersim.plot;

import java.util.List;

/** How values become colours in a heat map, and what its legend shows. */
public sealed interface ColorScale permits ColorScale.Continuous, ColorScale.Categorical {
    /** Colour (0xRRGGBB) of a finite value. */
    int rgb(double v);

    /**
     * A continuous scale from {@code low} to {@code high} on a colour map (by default {@link ColorMap#INFERNO_MAP},
     * darkest to brightest; {@link ColorMap#DIVERGING_MAP} for signed fields), with a colour bar labelled in
     * {@code units}.
     */
    record Continuous(double low, double high, String units, ColorMap map, boolean log) implements ColorScale {
        /** On the sequential map ({@link ColorMap#INFERNO_MAP}). */
        public Continuous(double low, double high, String units) {
            this(low, high, units, ColorMap.INFERNO_MAP, false);
        }

        /** Linear on the given map. */
        public Continuous(double low, double high, String units, ColorMap map) {
            this(low, high, units, map, false);
        }

        public Continuous {
            if (log && !(low > 0)) throw new IllegalArgumentException("a log colour scale needs low > 0, got " + low);
            if (log && !(high > low)) high = low * 10;
            if (!(high > low)) {   // a constant field: widen so that it gets a mid-range colour and sensible ticks
                double pad = low == 0 ? 1 : Math.abs(low) * 0.01;
                low -= pad;
                high += pad;
            }
        }

        /** The scale spanning a field's finite values. */
        public static Continuous spanning(double[] range, String units) {
            return range == null ? new Continuous(0, 1, units) : new Continuous(range[0], range[1], units);
        }

        @Override public int rgb(double v) {
            return map.rgb(position(v));
        }

        /** Where v lies on the bar, 0 at low and 1 at high (log10 for a log scale; v <= 0 then counts as low). */
        public double position(double v) {
            if (log) return v > 0 ? (Math.log10(v) - Math.log10(low)) / (Math.log10(high) - Math.log10(low)) : 0;
            return (v - low) / (high - low);
        }
    }

    /** Integer categories 0..n-1 (e.g. material ids) with names, each in its own colour. */
    record Categorical(List<String> names) implements ColorScale {
        public Categorical {
            names = List.copyOf(names);
        }

        @Override public int rgb(double v) {
            return ColorMap.category((int) Math.round(v));
        }
    }
}
