package org.wafersim.units;

/**
 * Physical dimensions that wafersim reads from case files and material definitions, each with its SI unit
 * and its exponents of the four base quantities it is built from (metre, kilogram, second, kelvin).
 *
 * <p>Several dimensions share one exponent vector (TEMPERATURE and TEMPERATURE_DIFFERENCE are both K;
 * FREQUENCY is 1/s). They are kept apart because they are read differently: an absolute temperature in
 * degC is offset by 273.15 K, a difference is not. Electrical quantities are absent on purpose: nothing in
 * the model reads a current or a voltage, and the exponent vector has no ampere.
 */
public enum Dimension {
    DIMENSIONLESS("1", "dimensionless", "0.25", 0, 0, 0, 0),
    LENGTH("m", "a length", "0.775 mm", 1, 0, 0, 0),
    AREA("m^2", "an area", "4.6 cm^2", 2, 0, 0, 0),
    VOLUME("m^3", "a volume", "1 L", 3, 0, 0, 0),
    TIME("s", "a time", "4 h", 0, 0, 1, 0),
    MASS("kg", "a mass", "15 kg", 0, 1, 0, 0),
    TEMPERATURE("K", "a temperature", "25 degC", 0, 0, 0, 1),
    TEMPERATURE_DIFFERENCE("K", "a temperature difference", "5 K", 0, 0, 0, 1),
    POWER("W", "a power", "15 kW", 2, 1, -3, 0),
    ENERGY("J", "an energy", "1 kJ", 2, 1, -2, 0),
    HEAT_FLUX("W/m^2", "a heat flux", "32.5 W/cm^2", 0, 1, -3, 0),
    POWER_DENSITY("W/m^3", "a power density", "1e9 W/m^3", -1, 1, -3, 0),
    HEAT_TRANSFER_COEFFICIENT("W/(m^2*K)", "a heat transfer coefficient", "20000 W/(m^2*K)", 0, 1, -3, -1),
    THERMAL_CONDUCTIVITY("W/(m*K)", "a thermal conductivity", "148 W/(m*K)", 1, 1, -3, -1),
    THERMAL_RESISTANCE_AREA("m^2*K/W", "an area-specific thermal resistance", "0.15 K*cm^2/W", 0, -1, 3, 1),
    THERMAL_RESISTANCE("K/W", "a thermal resistance", "0.002 K/W", -2, -1, 3, 1),
    DENSITY("kg/m^3", "a density", "2329 kg/m^3", -3, 1, 0, 0),
    SPECIFIC_HEAT("J/(kg*K)", "a specific heat", "712 J/(kg*K)", 2, 0, -2, -1),
    VOLUMETRIC_HEAT_CAPACITY("J/(m^3*K)", "a volumetric heat capacity", "2.175e6 J/(m^3*K)", -1, 1, -2, -1),
    VOLUME_FLOW("m^3/s", "a volume flow", "30 L/min", 3, 0, -1, 0),
    MASS_FLOW("kg/s", "a mass flow", "0.5 kg/s", 0, 1, -1, 0),
    VELOCITY("m/s", "a velocity", "1.5 m/s", 1, 0, -1, 0),
    /** Also the dimension of a coefficient of thermal expansion and of the leakage exponent beta. */
    INVERSE_TEMPERATURE("1/K", "an inverse temperature (a CTE or an exponent per kelvin)", "16 ppm/K", 0, 0, 0, -1),
    /** Also the dimension of stress and of elastic moduli. */
    PRESSURE("Pa", "a pressure, stress or modulus", "150 GPa", -1, 1, -2, 0),
    STRESS_INTENSITY("Pa*m^0.5", "a stress intensity (fracture toughness)", "0.9 MPa*m^0.5", -0.5, 1, -2, 0),
    DYNAMIC_VISCOSITY("Pa*s", "a dynamic viscosity", "0.89 mPa*s", -1, 1, -1, 0),
    FREQUENCY("1/s", "a frequency", "1 Hz", 0, 0, -1, 0),
    /** Number per area, e.g. a defect density. */
    AREA_DENSITY("1/m^2", "an area density", "0.1 /cm^2", -2, 0, 0, 0);

    private final String siUnit;
    private final String label;
    private final String example;
    private final double[] exponents;

    Dimension(String siUnit, String label, String example, double m, double kg, double s, double k) {
        this.siUnit = siUnit;
        this.label = label;
        this.example = example;
        this.exponents = new double[] {m, kg, s, k};
    }

    /** The SI unit symbol in the syntax {@link Units#parse} reads, e.g. "W/(m^2*K)". */
    public String siUnit() { return siUnit; }

    /** Words for error messages, with the article: "a length", "an area". */
    public String label() { return label; }

    /** A typical value with a unit, for error messages ("expected a length such as \"0.775 mm\""). */
    public String example() { return example; }

    /** Exponent of metre, kilogram, second and kelvin (a copy). */
    public double[] exponents() { return exponents.clone(); }

    boolean matches(double[] vector) {
        for (int i = 0; i < 4; i++) {
            if (Math.abs(vector[i] - exponents[i]) > 1e-9) return false;
        }
        return true;
    }

    /** The first dimension with this exponent vector (TEMPERATURE before TEMPERATURE_DIFFERENCE), or null. */
    static Dimension of(double[] vector) {
        for (Dimension d : values()) {
            if (d.matches(vector)) return d;
        }
        return null;
    }
}
