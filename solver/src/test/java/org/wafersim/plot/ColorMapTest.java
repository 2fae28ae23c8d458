package org.wafersim.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColorMapTest {
    @Test
    void endsAreInfernoBlackAndPaleYellowAndOutOfRangeIsClamped() {
        ColorMap m = ColorMap.INFERNO_MAP;
        assertEquals(0x000004, m.rgb(0));
        assertEquals(0xfcffa4, m.rgb(1));
        assertEquals(m.rgb(0), m.rgb(-3));
        assertEquals(m.rgb(1), m.rgb(7));
        assertEquals(m.rgb(0), m.rgb(Double.NaN));
    }

    @Test
    void lightnessRisesMonotonicallySoTheMapReadsInGrey() {
        double last = -1;
        for (int s = 0; s <= 200; s++) {
            int c = ColorMap.INFERNO_MAP.rgb(s / 200.0);
            double y = 0.2126 * lin(c >> 16 & 0xff) + 0.7152 * lin(c >> 8 & 0xff) + 0.0722 * lin(c & 0xff);
            assertTrue(y >= last - 1e-9, "luminance falls at " + s);
            last = y;
        }
    }

    private static double lin(int v) {
        double c = v / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
