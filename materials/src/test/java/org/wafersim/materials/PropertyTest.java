package org.wafersim.materials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;
import org.wafersim.errors.InputException;
import org.wafersim.units.Dimension;

class PropertyTest {

    private static final Dimension K = Dimension.THERMAL_CONDUCTIVITY;

    private static final Property SI_K = Property.powerLaw(148, 300, -1.3, 250, 600, K, "test");
    private static final Property SI_CTE = Property.siliconCteOkadaTokumaru("test");
    private static final Property LIN = Property.linear(712, 0.78, 300, 300, 400, Dimension.SPECIFIC_HEAT, "test");
    private static final Property POLY = Property.polynomial(0.6065, 298.15,
            new double[] {-1.48445, 4.12292, -1.63866}, 274, 370, K, "test");
    private static final Property TABLE = Property.table(new double[] {293.15, 373.15, 573.15},
            new double[] {16.5e-6, 17.0e-6, 17.6e-6}, Dimension.INVERSE_TEMPERATURE, "test");
    private static final Property CONST = Property.constant(4.0, K, "test");

    /** Composite Simpson rule with many panels, as an independent check of the analytic integrals. */
    private static double simpson(DoubleUnaryOperator f, double a, double b) {
        int n = 20000;
        double h = (b - a) / n;
        double s = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int i = 1; i < n; i++) s += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
        return s * h / 3;
    }

    @Test
    void powerLawValuesAndClamping() {
        assertEquals(148, SI_K.at(300), 1e-12);
        assertEquals(148 * Math.pow(400 / 300.0, -1.3), SI_K.at(400), 1e-12);
        assertEquals(SI_K.at(250), SI_K.at(100), 0, "clamped below the range");
        assertEquals(SI_K.at(600), SI_K.at(1000), 0, "clamped above the range");
        assertEquals(SI_K.at(250), SI_K.at(0), 0);
        assertFalse(SI_K.isConstant());
        assertEquals(250, SI_K.minTemperature());
        assertEquals(600, SI_K.maxTemperature());
        assertEquals(Property.Kind.POWER_LAW, SI_K.kind());
    }

    @Test
    void okadaTokumaruCte() {
        assertEquals(2.57e-6, SI_CTE.at(300), 0.02e-6);
        assertEquals(2.93e-6, SI_CTE.at(350), 0.02e-6);
        assertEquals(3.21e-6, SI_CTE.at(400), 0.02e-6);
        assertEquals(SI_CTE.at(120), SI_CTE.at(4), 0);
        assertEquals(Dimension.INVERSE_TEMPERATURE, SI_CTE.dimension());
        assertThrows(IllegalArgumentException.class, () -> Property.siliconCteOkadaTokumaru(100, 400, "x"));
    }

    @Test
    void linearAndPolynomial() {
        assertEquals(712, LIN.at(300), 1e-12);
        assertEquals(790, LIN.at(400), 1e-9);
        assertEquals(751, LIN.at(350), 1e-9);
        assertEquals(712, LIN.at(250), 1e-12);
        assertEquals(790, LIN.at(500), 1e-9);
        assertEquals(0.6064, POLY.at(298.15), 1e-4);
        assertEquals(0.6297, POLY.at(313.15), 1e-4);
    }

    @Test
    void tableInterpolatesAndClampsAtTheEnds() {
        assertEquals(16.5e-6, TABLE.at(293.15), 1e-15);
        assertEquals(16.75e-6, TABLE.at(333.15), 1e-15);
        assertEquals(17.3e-6, TABLE.at(473.15), 1e-15);
        assertEquals(16.5e-6, TABLE.at(200), 0);
        assertEquals(17.6e-6, TABLE.at(900), 0);
        Property one = Property.table(new double[] {300}, new double[] {5}, K, "x");
        assertTrue(one.isConstant());
        assertEquals(5, one.at(1000));
        assertThrows(IllegalArgumentException.class,
                () -> Property.table(new double[] {300, 300}, new double[] {1, 2}, K, "x"));
        assertThrows(IllegalArgumentException.class,
                () -> Property.table(new double[] {300, 400}, new double[] {1}, K, "x"));
        assertThrows(IllegalArgumentException.class,
                () -> Property.table(new double[] {300, 400}, new double[] {1, Double.NaN}, K, "x"));
    }

    /** integralFrom(t1) is integral(t1, t) to the bit, above and below t1 and across the clamped ends. */
    @Test
    void integralFromMatchesIntegralBitwise() {
        for (Property p : List.of(SI_K, SI_CTE, LIN, POLY, TABLE, CONST)) {
            for (double t1 : new double[] {50, 298.15, 333.15, 1500}) {
                java.util.function.DoubleUnaryOperator f = p.integralFrom(t1);
                for (double t = 20; t < 2500; t += 7.3)
                    assertEquals(p.integral(t1, t), f.applyAsDouble(t), 0, () -> p.describe() + " " + t1);
                assertEquals(0, f.applyAsDouble(t1));
            }
        }
    }

    @Test
    void integralsAreExactIncludingClamping() {
        for (Property p : List.of(SI_K, SI_CTE, LIN, POLY, TABLE, CONST)) {
            for (double[] ab : new double[][] {{310, 390}, {200, 320}, {350, 700}, {100, 2000}, {260, 261}}) {
                double exact = p.integral(ab[0], ab[1]);
                double numeric = simpson(p::at, ab[0], ab[1]);
                assertEquals(numeric, exact, Math.abs(numeric) * 1e-6 + 1e-18, () -> p.describe() + " " + ab[0]);
                assertEquals(-exact, p.integral(ab[1], ab[0]), Math.abs(exact) * 1e-12);
            }
            assertEquals(0, p.integral(300, 300));
        }
        assertEquals(4.0 * 50, CONST.integral(300, 350), 1e-12);
        Property inverse = Property.powerLaw(2, 300, -1, 100, 1000, K, "x");
        assertEquals(simpson(inverse::at, 200, 800), inverse.integral(200, 800), 1e-6);
    }

    @Test
    void constantAndFlatLawsAreConstant() {
        assertTrue(CONST.isConstant());
        assertTrue(Property.linear(3, 0, 300, 200, 400, K, "x").isConstant());
        assertTrue(Property.powerLaw(3, 300, 0, 200, 400, K, "x").isConstant());
        assertTrue(Property.polynomial(3, 300, new double[] {1}, 200, 400, K, "x").isConstant());
        assertFalse(LIN.isConstant());
        assertFalse(TABLE.isConstant());
        assertEquals(4.0, CONST.at(Double.NaN), "a constant does not look at T");
        assertThrows(IllegalArgumentException.class, () -> SI_K.at(Double.NaN));
    }

    @Test
    void describe() {
        assertEquals("148*(T/300 K)^-1.3 W/(m*K), T in K clamped to 250..600 K", SI_K.describe());
        assertTrue(SI_K.describe().startsWith("148*(T/300 K)^-1.3 W/(m*K)"));
        assertEquals("(712 + 0.78*(T - 300 K)) J/(kg*K), T in K clamped to 300..400 K", LIN.describe());
        assertEquals("(401 - 0.08*(T - 300 K)) W/(m*K), T in K clamped to 250..600 K",
                Property.linear(401, -0.08, 300, 250, 600, K, "x").describe());
        assertEquals("0.6065*(-1.48445 + 4.12292*(T/298.15 K) - 1.63866*(T/298.15 K)^2) W/(m*K), "
                + "T in K clamped to 274..370 K", POLY.describe());
        assertTrue(SI_CTE.describe().contains("5.548e-4*T"));
        assertEquals("table(20 degC: 16.5 ppm/K; 100 degC: 17 ppm/K; 300 degC: 17.6 ppm/K), linear between "
                + "points, constant beyond the ends", TABLE.describe());
        assertEquals("4 W/(m*K)", CONST.describe());
        assertEquals("150 GPa", Property.constant(150e9, Dimension.PRESSURE, "x").describe());
        assertEquals("0.17", Property.constant(0.17, Dimension.DIMENSIONLESS, "x").describe());
        assertEquals("W/(m*K)", SI_K.siUnit());
        assertTrue(SI_K.toString().endsWith("[test]"));
    }

    @Test
    void factoriesRejectNonsense() {
        assertThrows(IllegalArgumentException.class, () -> Property.constant(Double.NaN, K, "x"));
        assertThrows(IllegalArgumentException.class, () -> Property.constant(1, K, " "));
        assertThrows(IllegalArgumentException.class, () -> Property.constant(1, K, null));
        assertThrows(IllegalArgumentException.class, () -> Property.powerLaw(1, 300, 1, 0, 400, K, "x"));
        assertThrows(IllegalArgumentException.class, () -> Property.powerLaw(1, 0, 1, 100, 400, K, "x"));
        assertThrows(IllegalArgumentException.class, () -> Property.linear(1, 1, 300, 400, 300, K, "x"));
        assertThrows(IllegalArgumentException.class, () -> Property.polynomial(1, 300, new double[0], 1, 2, K, "x"));
    }

    @Test
    void valueSemanticsAndSource() {
        assertEquals(SI_K, Property.powerLaw(148, 300, -1.3, 250, 600, K, "test"));
        assertEquals(SI_K.hashCode(), Property.powerLaw(148, 300, -1.3, 250, 600, K, "test").hashCode());
        assertNotEquals(SI_K, SI_K.withSource("other"));
        assertEquals("other", SI_K.withSource("other").source());
        assertEquals(SI_K.at(321), SI_K.withSource("other").at(321));
        assertEquals(148, SI_K.nominal(), 1e-12);
    }

    @Test
    void userTextValuesAndTables() {
        Property c = PropertyText.fromUser("380 W/(m*K)", K, "u");
        assertTrue(c.isConstant());
        assertEquals(380, c.at(500));
        Property t = PropertyText.fromUser("25 degC: 148 W/(m*K); 125 degC: 99 W/(m*K)", K, "u");
        assertEquals(148, t.at(298.15), 1e-9);
        assertEquals(99, t.at(398.15), 1e-9);
        assertEquals(123.5, t.at(348.15), 1e-9);
        Property t2 = PropertyText.fromUser("table(300 K: 1 W/(m*K), 400 K: 2 W/(m*K))", K, "u");
        assertEquals(1.5, t2.at(350), 1e-12);
        InputException e = assertThrows(InputException.class,
                () -> PropertyText.fromUser("125 degC: 99 W/(m*K); 25 degC: 148 W/(m*K)", K, "u"));
        assertTrue(e.reason().contains("must increase"), e.reason());
        e = assertThrows(InputException.class, () -> PropertyText.fromUser("25 degC: 148 W/m", K, "u"));
        assertTrue(e.reason().contains("expected a thermal conductivity"), e.reason());
    }

    @Test
    void resourceLaws() {
        Property p = PropertyText.fromRow("148", "W/(m*K)", "power(T0=300 K; n=-1.3; range=250 K..600 K)", K, "s");
        assertEquals(SI_K.withSource("s"), p);
        Property e = PropertyText.fromRow("51", "GPa", "linear(T0=25 degC; slope=-0.15; range=-40 degC..150 degC)",
                Dimension.PRESSURE, "s");
        assertEquals(51e9, e.at(298.15), 1);
        assertEquals(51e9 - 0.15e9 * 100, e.at(398.15), 1);
        assertEquals(e.at(423.15), e.at(500), 0);
        Property q = PropertyText.fromRow("0.325", "-", "const", Dimension.DIMENSIONLESS, "s");
        assertEquals(0.325, q.at(300));
        assertThrows(IllegalArgumentException.class,
                () -> PropertyText.fromRow("3", "ppm/K", "okada_tokumaru(range=120 K..1500 K)",
                        Dimension.INVERSE_TEMPERATURE, "s"));
        assertThrows(IllegalArgumentException.class,
                () -> PropertyText.fromRow("3", "ppm/K", "table(20 degC: 1; 30 degC: 2)",
                        Dimension.INVERSE_TEMPERATURE, "s"));
        assertThrows(IllegalArgumentException.class,
                () -> PropertyText.fromRow("3", "W/(m*K)", "power(T0=300 K; n=-1.3; range=250 K..600 K; x=1)", K, "s"));
        assertThrows(IllegalArgumentException.class, () -> PropertyText.fromRow("3", "W/(m*K)", "cubic(a=1)", K, "s"));
    }

    /** The bucket index finds the same segment as a search: interpolation checked against its definition. */
    @Test
    void tableLookupMatchesPiecewiseLinearInterpolationEverywhere() {
        // uneven segments (narrowest 0.3 K), temperatures on, next to and between the breakpoints, and outside
        double[] tt = {250, 250.3, 260, 300.15, 301, 400, 655.5};
        double[] vv = {10, 11, 7, 3, 3.5, 9, 1};
        Property p = Property.table(tt, vv, K, "x");
        java.util.Random r = new java.util.Random(3);
        java.util.List<Double> probes = new java.util.ArrayList<>();
        for (double t : tt) {
            probes.add(t);
            probes.add(Math.nextUp(t));
            probes.add(Math.nextDown(t));
        }
        for (int i = 0; i < 20000; i++) probes.add(200 + 500 * r.nextDouble());
        for (double t : probes) {
            double c = Math.min(Math.max(t, tt[0]), tt[tt.length - 1]);
            int s = 0;
            while (s + 1 < tt.length && tt[s + 1] <= c) s++;
            double expected = s == tt.length - 1 ? vv[s]
                    : vv[s] + (c - tt[s]) / (tt[s + 1] - tt[s]) * (vv[s + 1] - vv[s]);
            assertEquals(expected, p.at(t), 1e-12 * Math.abs(expected), "T = " + t);
        }
    }
}
