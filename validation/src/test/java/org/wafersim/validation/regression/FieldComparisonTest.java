package org.wafersim.validation.regression;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class FieldComparisonTest {
    static FieldValues v(double... x) { return new FieldValues(x, new int[]{x.length}, "K"); }

    @Test
    void maxAbsAndRelativeL2OverTheFiniteEntries() {
        FieldComparison c = FieldComparison.of(v(1, 2, Double.NaN, 4), v(1, 2.5, Double.NaN, 3));
        assertEquals(1, c.maxAbs(), 0);
        assertEquals(Math.sqrt((0.25 + 1) / (1 + 6.25 + 9)), c.relL2(), 1e-15);
        assertEquals(0, c.nanMismatch());
        assertTrue(c.comparable());
    }

    @Test
    void nanPositionsMustMatch() {
        FieldComparison c = FieldComparison.of(v(1, Double.NaN, 3), v(1, 2, Double.NaN));
        assertEquals(2, c.nanMismatch());
        assertEquals(0, c.maxAbs(), 0);
        assertEquals(1, FieldComparison.of(v(Double.NaN), v(Double.POSITIVE_INFINITY)).nanMismatch());
    }

    @Test
    void differentShapesCannotBeCompared() {
        FieldComparison c = FieldComparison.of(new FieldValues(new double[6], new int[]{2, 3}, ""),
                new FieldValues(new double[6], new int[]{3, 2}, ""));
        assertFalse(c.comparable());
        assertTrue(c.problem().contains("[2, 3]") && c.problem().contains("[3, 2]"), c.problem());
    }

    @Test
    void zeroReference() {
        assertEquals(0, FieldComparison.of(v(0, 0), v(0, 0)).relL2(), 0);
        assertEquals(Double.POSITIVE_INFINITY, FieldComparison.of(v(0, 1e-20), v(0, 0)).relL2());
    }
}
