package org.wafersim.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.wafersim.errors.InputException;

class UnitsTest {

    private static void close(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * 1e-12 + 1e-300, () -> "expected " + expected);
    }

    private static String error(String text, Dimension d) {
        InputException e = assertThrows(InputException.class, () -> Units.parse(text, d));
        assertNull(e.source(), "Units leaves the source to the caller");
        assertNull(e.keyPath(), "Units leaves the key path to the caller");
        return e.reason();
    }

    // ---------------------------------------------------------------- the examples of the brief

    @Test
    void briefExamples() {
        close(7.75e-4, Units.parse("0.775 mm", Dimension.LENGTH));
        close(15000, Units.parse("15 kW", Dimension.POWER));
        close(298.15, Units.parse("25 degC", Dimension.TEMPERATURE));
        close(300, Units.parse("300 K", Dimension.TEMPERATURE));
        close(5, Units.parse("5 K", Dimension.TEMPERATURE_DIFFERENCE));
        close(5, Units.parse("5 degC", Dimension.TEMPERATURE_DIFFERENCE));
        close(0.025, Units.parse("0.025 1/K", Dimension.INVERSE_TEMPERATURE));
        close(1.6e-5, Units.parse("16 ppm/K", Dimension.INVERSE_TEMPERATURE));
        close(5e-4, Units.parse("30 L/min", Dimension.VOLUME_FLOW));
        close(20000, Units.parse("20000 W/(m^2*K)", Dimension.HEAT_TRANSFER_COEFFICIENT));
        close(1.5e-5, Units.parse("0.15 K*cm^2/W", Dimension.THERMAL_RESISTANCE_AREA));
        close(1000, Units.parse("0.1 /cm^2", Dimension.AREA_DENSITY));
        close(14400, Units.parse("4 h", Dimension.TIME));
        close(5 * 365.25 * 86400, Units.parse("5 years", Dimension.TIME));
        close(0.015, Units.parse("1.5 %", Dimension.DIMENSIONLESS));
        close(0.25, Units.parse("0.25", Dimension.DIMENSIONLESS));
        close(1e-6, Units.parse("1 ppm", Dimension.DIMENSIONLESS));
    }

    @Test
    void caseFileValues() {
        close(0.215, Units.parse("215 mm", Dimension.LENGTH));
        close(2e-5, Units.parse("20 um", Dimension.LENGTH));
        close(1e-4, Units.parse("0.1 mm", Dimension.LENGTH));
        close(5000, Units.parse("5 kW", Dimension.POWER));
        close(333.15, Units.parse("60 degC", Dimension.TEMPERATURE));
        close(303.15, Units.parse("30 degC", Dimension.TEMPERATURE));
        close(1000, Units.parse("1000 W/(m^2*K)", Dimension.HEAT_TRANSFER_COEFFICIENT));
        close(0.1075, Units.parse("107.5 mm", Dimension.LENGTH));
        close(380, Units.parse("380 W/(m*K)", Dimension.THERMAL_CONDUCTIVITY));
        close(2.0e5, Units.parse("0.2 MPa", Dimension.PRESSURE));
    }

    // ---------------------------------------------------------------- prefixes and units

    @ParameterizedTest
    @CsvSource({
            "1 pm, LENGTH, 1e-12", "1 nm, LENGTH, 1e-9", "1 um, LENGTH, 1e-6", "1 \u00b5m, LENGTH, 1e-6",
            "1 \u03bcm, LENGTH, 1e-6", "1 mm, LENGTH, 1e-3", "1 cm, LENGTH, 1e-2", "1 km, LENGTH, 1e3",
            "1 m, LENGTH, 1", "1 kg, MASS, 1", "1 g, MASS, 1e-3", "1 mg, MASS, 1e-6",
            "1 ms, TIME, 1e-3", "2 min, TIME, 120", "1 d, TIME, 86400", "1 day, TIME, 86400",
            "2 weeks, TIME, 1209600", "1 yr, TIME, 31557600", "1 year, TIME, 31557600", "3 hours, TIME, 10800",
            "1 mW, POWER, 1e-3", "1 MW, POWER, 1e6", "1 GW, POWER, 1e9", "1 TW, POWER, 1e12",
            "1 kJ, ENERGY, 1e3", "1 kWh, ENERGY, 3.6e6", "1 eV, ENERGY, 1.602176634e-19",
            "1 kPa, PRESSURE, 1e3", "1 MPa, PRESSURE, 1e6", "1 GPa, PRESSURE, 1e9", "1 bar, PRESSURE, 1e5",
            "1 mbar, PRESSURE, 100", "1 N/m^2, PRESSURE, 1", "1 N/mm^2, PRESSURE, 1e6",
            "1 mK, TEMPERATURE_DIFFERENCE, 1e-3", "1 L, VOLUME, 1e-3", "1 mL, VOLUME, 1e-6", "1 l, VOLUME, 1e-3",
            "1 kHz, FREQUENCY, 1e3", "1 Hz, FREQUENCY, 1", "1 1/s, FREQUENCY, 1",
            "0.9 MPa*m^0.5, STRESS_INTENSITY, 9e5", "0.89 mPa*s, DYNAMIC_VISCOSITY, 8.9e-4",
            "1 W/cm^2, HEAT_FLUX, 1e4", "1 W/mm^3, POWER_DENSITY, 1e9", "2329 kg/m^3, DENSITY, 2329",
            "2.329 g/cm^3, DENSITY, 2329", "712 J/(kg*K), SPECIFIC_HEAT, 712", "1 kJ/(kg*K), SPECIFIC_HEAT, 1000",
            "2.175 J/(cm^3*K), VOLUMETRIC_HEAT_CAPACITY, 2.175e6", "0.5 kg/s, MASS_FLOW, 0.5",
            "1 m/s, VELOCITY, 1", "1 cm^2, AREA, 1e-4", "1 K/W, THERMAL_RESISTANCE, 1",
            "0.09 /cm^2, AREA_DENSITY, 900", "0.001 /mm^2, AREA_DENSITY, 1000", "1 /(m*m), AREA_DENSITY, 1"
    })
    void prefixesAndUnits(String text, Dimension d, double expected) {
        assertEquals(expected, Units.parse(text, d), Math.abs(expected) * 1e-12);
    }

    @Test
    void operatorsParenthesesAndPowers() {
        close(20000, Units.parse("20000 W/(m^2\u00b7K)", Dimension.HEAT_TRANSFER_COEFFICIENT));
        close(20000, Units.parse("20000 W*m^-2*K^-1", Dimension.HEAT_TRANSFER_COEFFICIENT));
        close(20000, Units.parse("20000 W / ( m^2 * K )", Dimension.HEAT_TRANSFER_COEFFICIENT));
        close(20000, Units.parse("20000 W*m^(-2)/K", Dimension.HEAT_TRANSFER_COEFFICIENT));
        close(1e-4, Units.parse("1 (cm)^2", Dimension.AREA));
        close(1e-6, Units.parse("1 (m*mm)^2/m^2", Dimension.AREA));
        close(148, Units.parse("148 W/(m*K)", Dimension.THERMAL_CONDUCTIVITY));
        close(1e-3, Units.parse("1 m^0.5*mm^0.5*m^0.5*mm^0.5", Dimension.AREA));
        close(1.5e-5, Units.parse("0.15 cm^2*K/W", Dimension.THERMAL_RESISTANCE_AREA));
    }

    @Test
    void numbersWithoutSpaceSignsAndExponents() {
        close(7.75e-4, Units.parse("0.775mm", Dimension.LENGTH));
        close(298.15, Units.parse("25degC", Dimension.TEMPERATURE));
        close(298.15, Units.parse("25 \u00b0C", Dimension.TEMPERATURE));
        close(233.15, Units.parse("-40 degC", Dimension.TEMPERATURE));
        close(-5e-7, Units.parse("-0.5 ppm/K", Dimension.INVERSE_TEMPERATURE));
        close(1e9, Units.parse("1e9 W/m^3", Dimension.POWER_DENSITY));
        close(2.175e6, Units.parse("2.175E6 J/(m^3*K)", Dimension.VOLUMETRIC_HEAT_CAPACITY));
        close(0.5, Units.parse(".5", Dimension.DIMENSIONLESS));
        close(5, Units.parse("+5 K", Dimension.TEMPERATURE_DIFFERENCE));
        close(1.5e-3, Units.parse("  1.5 mm  ", Dimension.LENGTH));
    }

    @Test
    void celsiusInsideCompoundUnitsIsAKelvinStep() {
        close(1.0, Units.parse("1 1/degC", Dimension.INVERSE_TEMPERATURE));
        close(1.7e-5, Units.parse("17 ppm/degC", Dimension.INVERSE_TEMPERATURE));
        close(20000, Units.parse("20000 W/(m^2*degC)", Dimension.HEAT_TRANSFER_COEFFICIENT));
        close(0.025, Units.parse("2.5 %/K", Dimension.INVERSE_TEMPERATURE));
        String r = error("25 degC*m/m", Dimension.TEMPERATURE);
        assertTrue(r.contains("degC alone"), r);
    }

    // ---------------------------------------------------------------- errors

    @Test
    void missingUnit() {
        assertEquals("'0.775' has no unit; expected a length such as \"0.775 mm\"", error("0.775", Dimension.LENGTH));
        assertEquals("'15' has no unit; expected a power such as \"15 kW\"", error("15", Dimension.POWER));
        assertTrue(error("25", Dimension.TEMPERATURE).contains("\"25 degC\""));
    }

    @Test
    void wrongDimension() {
        assertEquals("'15 kg' is a mass, expected a power (W)", error("15 kg", Dimension.POWER));
        assertEquals("'3 mm' is a length, expected a temperature (K)", error("3 mm", Dimension.TEMPERATURE));
        assertEquals("'5 kW' is a power, expected a heat flux (W/m^2)", error("5 kW", Dimension.HEAT_FLUX));
        assertEquals("'1.5 %' is dimensionless, expected a length (m)", error("1.5 %", Dimension.LENGTH));
        String r = error("3 kg*m", Dimension.POWER);
        assertTrue(r.startsWith("'3 kg*m' has unit dimensions m*kg, expected a power (W)"), r);
        r = error("148 W/mK", Dimension.THERMAL_CONDUCTIVITY);
        assertTrue(r.contains("mK is a millikelvin"), r);
        r = error("1 W/(m*K)", Dimension.HEAT_TRANSFER_COEFFICIENT);
        assertTrue(r.contains("is a thermal conductivity, expected a heat transfer coefficient (W/(m^2*K))"), r);
    }

    @Test
    void unknownUnits() {
        assertTrue(error("3 mmm", Dimension.LENGTH).startsWith("unknown unit 'mmm' in '3 mmm'; units for a length: m"));
        assertTrue(error("3 m2", Dimension.AREA).contains("write powers with '^', e.g. m^2"));
        assertTrue(error("15 KW", Dimension.POWER).contains("did you mean 'kW'?"));
        assertTrue(error("25 C", Dimension.TEMPERATURE).contains("write degrees Celsius as degC"));
        assertTrue(error("1 fathom", Dimension.LENGTH).startsWith("unknown unit 'fathom'"));
        assertTrue(error("1 kmin", Dimension.TIME).startsWith("unknown unit 'kmin'"), "min takes no prefix");
    }

    @Test
    void notNumbers() {
        assertEquals("not a number: 'abc mm'", error("abc mm", Dimension.LENGTH));
        assertEquals("not a number: 'NaN K'", error("NaN K", Dimension.TEMPERATURE));
        assertEquals("not a number: 'Infinity m'", error("Infinity m", Dimension.LENGTH));
        assertEquals("not a number: 'mm'", error("mm", Dimension.LENGTH));
        assertTrue(error("1e999 m", Dimension.LENGTH).contains("out of range"));
        assertTrue(error("", Dimension.LENGTH).startsWith("empty value"));
        assertTrue(error("   ", Dimension.LENGTH).startsWith("empty value"));
        assertTrue(error(null, Dimension.LENGTH).startsWith("empty value"));
        assertTrue(error("20,000 W/(m^2*K)", Dimension.HEAT_TRANSFER_COEFFICIENT).contains("thousands"));
    }

    @Test
    void syntaxErrors() {
        assertTrue(error("1 J/kg*K", Dimension.SPECIFIC_HEAT).contains("e.g. J/(kg*K)"));
        assertTrue(error("1 W/m/K", Dimension.THERMAL_CONDUCTIVITY).contains("ambiguous"));
        assertTrue(error("1 W/(m^2*K", Dimension.HEAT_TRANSFER_COEFFICIENT).contains("missing ')'"));
        assertTrue(error("1 W/m^2*K)", Dimension.HEAT_TRANSFER_COEFFICIENT).contains("ambiguous"));
        assertTrue(error("1 W)", Dimension.POWER).contains("unbalanced ')'"));
        assertTrue(error("5 K K", Dimension.AREA).contains("expected '*' or '/'"));
        assertTrue(error("1 m^", Dimension.LENGTH).contains("bad exponent"));
        assertTrue(error("1 m^x", Dimension.LENGTH).contains("bad exponent"));
        assertTrue(error("1 2/K", Dimension.INVERSE_TEMPERATURE).contains("only 1"));
        assertTrue(error("1 W*", Dimension.POWER).contains("ends early"));
        assertTrue(error("1 W/()", Dimension.POWER).contains("unexpected ')'"));
        assertTrue(error("1 m$", Dimension.LENGTH).contains("unexpected '$'"));
    }

    @Test
    void belowAbsoluteZero() {
        assertTrue(error("-300 degC", Dimension.TEMPERATURE).contains("below absolute zero"));
        assertTrue(error("-1 K", Dimension.TEMPERATURE).contains("below absolute zero"));
        close(-300, Units.parse("-300 K", Dimension.TEMPERATURE_DIFFERENCE));
    }

    @Test
    void callersAttachFileAndKeyPath() {
        InputException e = assertThrows(InputException.class, () -> Units.parse("15 kg", Dimension.POWER));
        InputException located = e.inSource("case.yaml").under("power.total");
        assertEquals("case.yaml: power.total: '15 kg' is a mass, expected a power (W)", located.getMessage());
    }

    // ---------------------------------------------------------------- formatting

    @Test
    void formatExamples() {
        assertEquals("0.775 mm", Units.format(7.75e-4, Dimension.LENGTH));
        assertEquals("215 mm", Units.format(0.215, Dimension.LENGTH));
        assertEquals("20 um", Units.format(2e-5, Dimension.LENGTH));
        assertEquals("25 degC", Units.format(298.15, Dimension.TEMPERATURE));
        assertEquals("5 K", Units.format(5, Dimension.TEMPERATURE_DIFFERENCE));
        assertEquals("150 GPa", Units.format(1.5e11, Dimension.PRESSURE));
        assertEquals("15 kW", Units.format(15000, Dimension.POWER));
        assertEquals("16 ppm/K", Units.format(1.6e-5, Dimension.INVERSE_TEMPERATURE));
        assertEquals("0.025 1/K", Units.format(0.025, Dimension.INVERSE_TEMPERATURE));
        assertEquals("30 L/min", Units.format(5e-4, Dimension.VOLUME_FLOW));
        assertEquals("20000 W/(m^2*K)", Units.format(20000, Dimension.HEAT_TRANSFER_COEFFICIENT));
        assertEquals("0.15 K*cm^2/W", Units.format(1.5e-5, Dimension.THERMAL_RESISTANCE_AREA));
        assertEquals("0.1 /cm^2", Units.format(1000, Dimension.AREA_DENSITY));
        assertEquals("4 h", Units.format(14400, Dimension.TIME));
        assertEquals("5 year", Units.format(5 * 365.25 * 86400, Dimension.TIME));
        assertEquals("0.015", Units.format(0.015, Dimension.DIMENSIONLESS));
        assertEquals("0.89 mPa*s", Units.format(8.9e-4, Dimension.DYNAMIC_VISCOSITY));
    }

    @Test
    void formatNumber() {
        assertEquals("0", Units.formatNumber(0));
        assertEquals("0", Units.formatNumber(-0.0));
        assertEquals("20000", Units.formatNumber(20000));
        assertEquals("0.775", Units.formatNumber(0.775));
        assertEquals("1.6e-5", Units.formatNumber(1.6e-5));
        assertEquals("-1.6e-5", Units.formatNumber(-1.6e-5));
        assertEquals("2.175e7", Units.formatNumber(2.175e7));
        assertEquals("3.33333", Units.formatNumber(10.0 / 3));
        assertEquals("1e-12", Units.formatNumber(1e-12));
    }

    @ParameterizedTest
    @EnumSource(Dimension.class)
    void roundTrips(Dimension d) {
        double[] values = d == Dimension.TEMPERATURE
                ? new double[] {0, 77, 273.15, 298.15, 300, 333.15, 1500}
                : new double[] {0, 1, -1, 7.75e-4, 2e-5, 1.6e-5, 0.015, 98.9, 20000, 1.5e11, 3.6e6, 1e-13, 123456789};
        for (double v : values) {
            String text = Units.format(v, d);
            double back = Units.parse(text, d);
            assertEquals(v, back, Math.abs(v) * 1e-5 + 1e-9 * (d == Dimension.TEMPERATURE ? 1 : 0),
                    () -> d + ": " + v + " -> '" + text + "'");
        }
    }

    @ParameterizedTest
    @EnumSource(Dimension.class)
    void siUnitAndExampleParse(Dimension d) {
        if (d != Dimension.DIMENSIONLESS) {
            assertEquals(1.0, Units.parse("1 " + d.siUnit(), d), 1e-12);
        }
        Units.parse(d.example(), d); // the hint in error messages must itself be valid input
        assertTrue(d.label().length() > 3);
        assertEquals(4, d.exponents().length);
    }

    @Test
    void siUnitStrings() {
        assertEquals("W/(m^2*K)", Dimension.HEAT_TRANSFER_COEFFICIENT.siUnit());
        assertEquals("W/(m*K)", Dimension.THERMAL_CONDUCTIVITY.siUnit());
        assertEquals("m^2*K/W", Dimension.THERMAL_RESISTANCE_AREA.siUnit());
        assertEquals("1/K", Dimension.INVERSE_TEMPERATURE.siUnit());
        assertEquals("Pa", Dimension.PRESSURE.siUnit());
        assertEquals("1/m^2", Dimension.AREA_DENSITY.siUnit());
        assertEquals("m^3/s", Dimension.VOLUME_FLOW.siUnit());
        assertEquals("J/(kg*K)", Dimension.SPECIFIC_HEAT.siUnit());
    }
}
