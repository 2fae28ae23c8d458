package org.wafersim.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TicksTest {
    @Test
    void ticksAreNiceNumbersInsideTheRange() {
        assertArrayEquals(new double[]{0, 50, 100, 150, 200}, Ticks.of(0, 215, 5), 0);
        assertArrayEquals(new double[]{-10, 0, 10, 20, 30, 40, 50}, Ticks.of(-17.5, 52, 6), 1e-12);
        assertArrayEquals(new double[]{0.1, 0.2, 0.3}, Ticks.of(0.05, 0.31, 3), 0, "no 0.30000000000000004");
        assertEquals(2.5, Ticks.step(0, 20, 8));
    }

    @Test
    void labelsShowJustEnoughDigits() {
        assertEquals("50", Ticks.label(50, 10));
        assertEquals("2.5", Ticks.label(2.5, 2.5));
        assertEquals("0.25", Ticks.label(0.25, 0.25));
        assertEquals("1.5e9", Ticks.label(1.5e9, 5e8));
        assertEquals("60.75", Ticks.value(60.7512));
        assertEquals("1.235e9", Ticks.value(1.2345e9));
    }
}
