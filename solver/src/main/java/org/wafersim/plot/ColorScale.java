package org.wafersim.plot;

import java.util.List;

/** How values become colours in a heat map, and what its legend shows. */
public sealed interface ColorScale permits ColorScale.Continuous, ColorScale.Categorical {
    /** Colour (0xRRGGBB) of a finite value. */
    int rgb(double v);

    /**
     * A continuous scale from {@code low} (darkest) to {@code high} (brightest) on {@link ColorMap#INFERNO_MAP}, with
     * a colour bar labelled in {@code units}.
     */
    record Continuous(double low, double high, String units) implements ColorScale {
        public Continuous {
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
            return ColorMap.INFERNO_MAP.rgb((v - low) / (high - low));
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
