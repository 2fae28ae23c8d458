package org.wafersim.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wafersim.errors.InputException;

/**
 * US customary and engineering units against their definitions in NIST SP 811 (2008), Appendix B: the exact
 * defining relations (1 in = 0.0254 m, 1 lb = 0.45359237 kg, g_n = 9.80665 m/s^2, 1 gal = 231 in^3,
 * 1 Btu_IT = 1055.05585262 J, T/K = (t/degF + 459.67)/1.8) evaluated in exact decimal arithmetic, to a relative
 * 1e-12 (a double holds ~1.1e-16, and each factor is a product of at most five exact decimals: the rounding of a
 * handful of double operations stays below 1e-15). The rounded 7-digit values printed in SP 811's table B.8 are
 * checked as well, to half a unit in their last digit, so a wrong definition cannot pass both.
 */
class CustomaryUnitsTest {
    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal IN = new BigDecimal("0.0254");
    private static final BigDecimal FT = IN.multiply(new BigDecimal(12));
    private static final BigDecimal LB = new BigDecimal("0.45359237");
    private static final BigDecimal GN = new BigDecimal("9.80665");
    private static final BigDecimal GAL = IN.pow(3).multiply(new BigDecimal(231));
    private static final BigDecimal BTU = new BigDecimal("1055.05585262");
    private static final BigDecimal SIXTY = new BigDecimal(60), HOUR = new BigDecimal(3600);

    private static void exact(BigDecimal expected, String text, Dimension d) {
        double e = expected.doubleValue(), got = Units.parse(text, d);
        assertEquals(e, got, Math.abs(e) * 1e-12, text);
    }

    @Test
    void lengths() {
        exact(IN, "1 in", Dimension.LENGTH);
        exact(IN, "1 inch", Dimension.LENGTH);
        exact(IN.divide(new BigDecimal(1000)), "1 mil", Dimension.LENGTH);
        exact(IN.divide(new BigDecimal(1000)), "1 thou", Dimension.LENGTH);
        exact(FT, "1 ft", Dimension.LENGTH);
        exact(IN.multiply(new BigDecimal("30.5")), "30.5 in", Dimension.LENGTH);
        exact(IN.pow(2).multiply(new BigDecimal(144)), "1 ft^2", Dimension.AREA);
    }

    @Test
    void massForcePressure() {
        exact(LB, "1 lb", Dimension.MASS);
        BigDecimal lbf = LB.multiply(GN);
        exact(lbf.divide(IN.pow(2), MC), "1 lbf/in^2", Dimension.PRESSURE);   // no FORCE dimension: via a pressure
        BigDecimal psi = lbf.divide(IN.pow(2), MC);
        exact(psi, "1 psi", Dimension.PRESSURE);
        exact(psi.multiply(new BigDecimal(1000)), "1 ksi", Dimension.PRESSURE);
    }

    @Test
    void flowsAndHeat() {
        exact(GAL, "1 gal", Dimension.VOLUME);
        exact(GAL.divide(SIXTY, MC), "1 gpm", Dimension.VOLUME_FLOW);
        exact(GAL.multiply(new BigDecimal(8)).divide(SIXTY, MC), "8 gal/min", Dimension.VOLUME_FLOW);
        exact(FT.pow(3).divide(SIXTY, MC), "1 cfm", Dimension.VOLUME_FLOW);
        exact(FT.pow(3).divide(SIXTY, MC), "1 ft^3/min", Dimension.VOLUME_FLOW);
        exact(BTU, "1 BTU", Dimension.ENERGY);
        exact(BTU, "1 Btu", Dimension.ENERGY);
        exact(BTU.divide(HOUR, MC), "1 BTU/h", Dimension.POWER);
        exact(BTU.multiply(new BigDecimal(51200)).divide(HOUR, MC), "51200 BTU/h", Dimension.POWER);
    }

    @Test
    void fahrenheit() {
        BigDecimal step = BigDecimal.ONE.divide(new BigDecimal("1.8"), MC);
        exact(new BigDecimal("32").add(new BigDecimal("459.67")).multiply(step), "32 degF", Dimension.TEMPERATURE);
        assertEquals(273.15, Units.parse("32 degF", Dimension.TEMPERATURE), 273.15 * 1e-12);
        assertEquals(373.15, Units.parse("212 degF", Dimension.TEMPERATURE), 373.15 * 1e-12);
        assertEquals(233.15, Units.parse("-40 degF", Dimension.TEMPERATURE), 233.15 * 1e-12);
        assertEquals(233.15, Units.parse("-40 \u00b0F", Dimension.TEMPERATURE), 233.15 * 1e-12);
        assertEquals(0.0, Units.parse("-459.67 degF", Dimension.TEMPERATURE), 1e-12);
        exact(new BigDecimal(9).multiply(step), "9 degF", Dimension.TEMPERATURE_DIFFERENCE);
        exact(new BigDecimal(9).multiply(step), "9 delta_degF", Dimension.TEMPERATURE_DIFFERENCE);
        exact(new BigDecimal(4), "4 delta_degC", Dimension.TEMPERATURE_DIFFERENCE);
        // a CTE per degF is 1.8 times the same number per K
        exact(new BigDecimal("1.8e-6"), "1 ppm/degF", Dimension.INVERSE_TEMPERATURE);
        // an h in BTU/(h*ft^2*delta_degF): SP 811 B.8 lists 5.678 263 W/(m^2*K)
        BigDecimal h = BTU.divide(HOUR.multiply(FT.pow(2)).multiply(step), MC);
        exact(h, "1 BTU/(h*ft^2*delta_degF)", Dimension.HEAT_TRANSFER_COEFFICIENT);
    }

    @Test
    void fahrenheitMisuseIsRefused() {
        InputException e = assertThrows(InputException.class, () -> Units.parse("50 delta_degF", Dimension.TEMPERATURE));
        assertTrue(e.reason().contains("temperature difference"), e.reason());
        e = assertThrows(InputException.class, () -> Units.parse("50 degF*1", Dimension.TEMPERATURE));
        assertTrue(e.reason().contains("degF alone"), e.reason());
        e = assertThrows(InputException.class, () -> Units.parse("-500 degF", Dimension.TEMPERATURE));
        assertTrue(e.reason().contains("below absolute zero"), e.reason());
    }

    /** SP 811 table B.8 (factors rounded to 7 digits): an independent check on the definitions above. */
    @ParameterizedTest
    @CsvSource({
        "1 mil, LENGTH, 2.54E-05",
        "1 in, LENGTH, 2.54E-02",
        "1 ft, LENGTH, 3.048E-01",
        "1 gal, VOLUME, 3.785412E-03",
        "1 gpm, VOLUME_FLOW, 6.309020E-05",
        "1 cfm, VOLUME_FLOW, 4.719474E-04",
        "1 psi, PRESSURE, 6.894757E+03",
        "1 ksi, PRESSURE, 6.894757E+06",
        "1 BTU, ENERGY, 1.055056E+03",
        "1 BTU/h, POWER, 2.930711E-01",
        "1 lb, MASS, 4.535924E-01",
        "1 BTU/(h*ft^2*delta_degF), HEAT_TRANSFER_COEFFICIENT, 5.678263E+00",
        "1 BTU/(h*ft*delta_degF), THERMAL_CONDUCTIVITY, 1.730735E+00",
    })
    void sp811Table(String text, Dimension d, double printed) {
        double got = Units.parse(text, d);
        double halfUlp = 0.5 * Math.pow(10, Math.floor(Math.log10(printed)) - 6);
        assertEquals(printed, got, halfUlp, text);
    }

    @Test
    void unknownUnitListsTheAcceptedOnes() {
        InputException e = assertThrows(InputException.class, () -> Units.parse("3 furlong", Dimension.LENGTH));
        assertEquals("unknown unit 'furlong' in '3 furlong'; units for a length: m (SI prefixes p n u m c k M G T), "
                + "in, inch, mil, thou, ft", e.reason());
        e = assertThrows(InputException.class, () -> Units.parse("3 fahrenheit", Dimension.TEMPERATURE));
        assertTrue(e.reason().endsWith("units for a temperature: K (SI prefixes p n u m c k M G T), degC, \u00b0C, "
                + "degF, \u00b0F"), e.reason());
        e = assertThrows(InputException.class, () -> Units.parse("3 Wt/(m*K)", Dimension.THERMAL_CONDUCTIVITY));
        assertTrue(e.reason().contains("units for a thermal conductivity: W/(m*K), or any product/quotient"), e.reason());
        e = assertThrows(InputException.class, () -> Units.parse("3 lpm", Dimension.VOLUME_FLOW));
        assertTrue(e.reason().contains("single units: gpm, cfm"), e.reason());
    }
}
