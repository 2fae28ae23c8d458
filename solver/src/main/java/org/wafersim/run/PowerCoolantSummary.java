package org.wafersim.run;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The power and coolant part of a run's summary: what the power inputs meant at the operating point and what the
 * coolant did, plus the notes on keys the run did not use.
 *
 * @param power   dynamic, leakage and total power at the operating point
 * @param coolant the coolant (null in edge mode, where no coolant flows over the plate)
 * @param notes   one line per key given but not used by the chosen mode (e.g. "cooling.coolant.flow is not used in
 *                edge mode"), and per reinterpretation worth saying
 */
public record PowerCoolantSummary(Power power, Coolant coolant, List<String> notes) {
    public PowerCoolantSummary {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * @param basis                     "total" (power.total: the total at the operating point is the input) or
     *                                  "dynamic" (power.dynamic: fixed dynamic power, leakage on top)
     * @param source                    where the dynamic power's level came from, e.g. "power.total", "power.dynamic",
     *                                  "power.map (sum of the file, W)"
     * @param dynamicW                  dynamic power at the operating point (W)
     * @param leakageW                  leakage at the operating point (W)
     * @param totalW                    dynamic + leakage (W)
     * @param targetW                   the total asked for (W), NaN for a fixed dynamic power
     * @param operatingPointIterations  updates of the dynamic scale (0 for a fixed dynamic power)
     */
    public record Power(String basis, String source, double dynamicW, double leakageW, double totalW, double targetW,
                        int operatingPointIterations) { }

    /**
     * @param inletC            inlet temperature (degC)
     * @param outletC           mixed-mean outlet temperature (degC) = inlet + P_coolant / (m_dot c_p)
     * @param maxLocalC         largest local coolant temperature over the plate (degC)
     * @param meanC             area-mean local coolant temperature over the plate (degC)
     * @param massFlowKgPerS    coolant mass flow (kg/s)
     * @param hWPerM2K          heat-transfer coefficient on the plate footprint (W/(m^2 K))
     * @param hSource           "given" (cooling.coolant.h) or the correlation it came from
     * @param pressureDropPa    coolant pressure drop across the plate (Pa), NaN when h is given (no geometry)
     * @param pumpingPowerW     pressure drop x volume flow (W), NaN when h is given
     * @param details           further numbers of the correlation (Reynolds number, regime, fin efficiency ...), may be empty
     */
    public record Coolant(double inletC, double outletC, double maxLocalC, double meanC, double massFlowKgPerS,
                          double hWPerM2K, String hSource, double pressureDropPa, double pumpingPowerW,
                          Details details) {
        public Coolant {
            details = details == null ? Details.NONE : details;
        }
    }

    /**
     * The plate correlation's numbers (empty when h is given): the mean coolant temperature (degC) and Prandtl number
     * the properties are taken at, the flow regime, then the correlation's further numbers by field name (Reynolds,
     * Nusselt, velocity, hydraulic diameter, fin efficiency, friction factor, ..., the film coefficient).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Details(@JsonProperty("mean_coolant_temperature_degC") Double meanCoolantTemperatureC,
                          Double prandtl, String regime, @JsonAnyGetter Map<String, Double> numbers) {
        /** No correlation (h given). */
        public static final Details NONE = new Details(null, null, null, Map.of());

        public Details {
            numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
        }
    }

    /** Text lines for {@link RunSummary#text()}. */
    String text() {
        StringBuilder sb = new StringBuilder();
        String nl = System.lineSeparator();
        if (power != null) {
            sb.append(String.format("power           %.1f W at the operating point = dynamic %.1f W + leakage %.1f W (%s",
                    power.totalW(), power.dynamicW(), power.leakageW(), power.source()));
            if (power.operatingPointIterations() > 0)
                sb.append(String.format("; total reached in %d iterations of the dynamic scale",
                        power.operatingPointIterations()));
            sb.append(')').append(nl);
        }
        if (coolant != null) {
            sb.append(String.format("coolant         inlet %.2f degC, outlet %.2f degC (mixed), local max %.2f degC, mean"
                    + " %.2f degC; %.4g kg/s; h %.4g W/(m^2*K) (%s)", coolant.inletC(), coolant.outletC(),
                    coolant.maxLocalC(), coolant.meanC(), coolant.massFlowKgPerS(), coolant.hWPerM2K(),
                    coolant.hSource()));
            if (!Double.isNaN(coolant.pressureDropPa()))
                sb.append(String.format("; pressure drop %.4g Pa, pumping power %.4g W", coolant.pressureDropPa(),
                        coolant.pumpingPowerW()));
            sb.append(nl);
        }
        for (String n : notes) sb.append("note            ").append(n).append(nl);
        return sb.toString();
    }
}
