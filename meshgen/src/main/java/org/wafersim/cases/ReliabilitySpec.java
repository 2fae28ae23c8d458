package org.wafersim.cases;

import java.util.List;
import org.wafersim.reliability.ConnectorParameters;
import org.wafersim.reliability.FatigueModel;
import org.wafersim.reliability.Mechanism;
import org.wafersim.reliability.ReliabilityParameters;

/**
 * The {@code reliability} block of a case, resolved (read by {@link ReliabilityReader}): the reliability library's
 * own {@link ReliabilityParameters}, built by the reader from the keys given over the library's defaults, plus what
 * only the case knows. SI units: defect density per m², times in s, temperatures in K, activation energies in eV.
 *
 * <p>The parameters are complete: the defects and spare accounting, the design life and R(t) axis, the wear-out
 * mechanisms (a mechanism whose distribution is changed without its reference life is recalibrated by the
 * library's rule, {@code WearOutCalibration}), the duty cycle ({@code cycling.per_day} and
 * {@code reliability.connector.power_cycles_per_week}), and the connector: the fatigue constants of the material of
 * the layer directly below the wafer (the layer the mechanics treats as the connector), else the IPC-SM-785
 * defaults, each overridable in {@code reliability.connector}, with the contact model of {@code connector}.
 *
 * @param parameters                 the library's parameters; they validate themselves, by parameter name
 * @param pitch                      contact pitch p, m (&gt; 0): the connector has 1/p² contacts per unit area, so a
 *                                   mechanics element of area A holds A/p² of them
 * @param qualification              a connector qualification test and its result, or null
 * @param connectorOverrides         the keys of {@code reliability.connector} that override the connector's
 *                                   material constants, as given (short names, e.g. {@code engelmaier_c0})
 * @param connectorMaterialConstants whether the connector's material has fatigue constants of its own (otherwise the
 *                                   IPC-SM-785 defaults stand in)
 */
public record ReliabilitySpec(ReliabilityParameters parameters, double pitch, QualificationSpec qualification,
                              List<String> connectorOverrides, boolean connectorMaterialConstants) {

    /** Points of the R(t) curve. */
    public static final int DEFAULT_TIME_POINTS = 101;
    /** A Julian year, s (as {@code org.wafersim.units.Units} reads "years"). */
    static final double YEAR = 365.25 * 86400.0;
    /**
     * Contact pitch, 1 mm: an engineering estimate [E]. No public geometry of a wafer-scale compliant connector
     * exists (reference-data says so); 1 mm is the pitch of a coarse LGA/BGA field, a plausible order for power and
     * I/O contacts spread over 46,000 mm².
     */
    public static final double DEFAULT_PITCH = 1e-3;

    /** The wear-out mechanisms in the order of the library (and of the {@code core_dominant_mechanism} codes). */
    public static final List<String> MECHANISMS =
            ReliabilityParameters.DEFAULT.wearOut().all().stream().map(Mechanism::key).toList();

    /** The connector overrides that are Engelmaier constants, which only a solder joint uses, in the order named. */
    static final List<String> ENGELMAIER_KEYS = List.of("fatigue_ductility_coefficient", "engelmaier_c0",
            "engelmaier_c_temperature", "engelmaier_c_frequency");

    public ReliabilitySpec {
        if (parameters == null) throw new IllegalArgumentException("reliability parameters are missing");
        connectorOverrides = List.copyOf(connectorOverrides);
    }

    /** The library's defaults with a design life of {@code designLife} s (cases built in code, not read). */
    public static ReliabilitySpec defaults(double designLife) {
        return new ReliabilitySpec(ReliabilityParameters.DEFAULT.withDesignLife(designLife)
                .withCurve(DEFAULT_TIME_POINTS, 2 * designLife), DEFAULT_PITCH, null, List.of(), false);
    }

    /** The defaults with the D.6 design life of 5 years. */
    public static ReliabilitySpec defaults() { return defaults(5 * YEAR); }

    /** The design life, s. */
    public double designLife() { return parameters.designLife(); }

    /** This block with the connector's contact model (from the {@code connector} block). */
    ReliabilitySpec withConnectorModel(FatigueModel model) {
        return new ReliabilitySpec(parameters.withConnector(parameters.connector().withModel(model)), pitch,
                qualification, connectorOverrides, connectorMaterialConstants);
    }

    /** The first Engelmaier constant the case overrides ({@code reliability.connector.<key>}), or null. */
    String firstEngelmaierOverride() {
        for (String k : ENGELMAIER_KEYS) if (connectorOverrides.contains(k)) return k;
        return null;
    }

    /**
     * The case key to blame for Engelmaier's exponent c = c0 + c_T·T + c_f·ln(1 + f): the temperature or frequency
     * coefficient, or c0, when overridden (in that order); else the connector's material.
     *
     * @param waferLayer the wafer's index in the stack (the connector is the layer below it)
     */
    public String exponentKey(int waferLayer) {
        for (String k : List.of("engelmaier_c_temperature", "engelmaier_c_frequency", "engelmaier_c0")) {
            if (connectorOverrides.contains(k)) return "reliability.connector." + k;
        }
        return "stack[" + (waferLayer + 1) + "].material";
    }

    /** The connector's constants. */
    public ConnectorParameters connector() { return parameters.connector(); }
}
