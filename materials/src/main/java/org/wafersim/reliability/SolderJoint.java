package org.wafersim.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A solder joint (BGA/CGA-like) of height h between wafer and board: its shear strain is γ = δ/h for a relative
 * in-plane displacement δ across the connector layer (Engelmaier's ideal shear joint, F = 1), and its median cycles
 * to failure are {@link Engelmaier}'s (IPC-SM-785):
 * <pre>
 *   N_f = ½·(Δγ/(2ε_f'))^(1/c),   c = c0 + c_T·T_sj[°C] + c_f·ln(1 + f)
 * </pre>
 * A joint spanning the whole connector layer (h = NaN: the layer's thickness) has exactly the layer's shear strain,
 * so the evaluation reproduces the layer-strain Engelmaier numbers of earlier runs.
 *
 * @param height    joint height h, m, or NaN for the connector layer's thickness
 * @param model     Engelmaier's model with its constants
 * @param estimatedConstants whether the Engelmaier constants are estimates (false for the IPC-SM-785 values)
 */
public record SolderJoint(double height, Engelmaier model, boolean estimatedConstants) implements FatigueModel {

    public SolderJoint {
        if (!Double.isNaN(height)) StrainLife.positive(height, "connector.solder", "height");
        if (model == null) throw new IllegalArgumentException("model");
    }

    @Override public String technology() { return "solder"; }

    @Override public String strainMeasure() { return "joint shear strain"; }

    @Override public double contactStrain(double relativeDisplacement, double layerThickness) {
        return relativeDisplacement / (Double.isNaN(height) ? layerThickness : height);
    }

    @Override public double cyclesToFailure(double strainRange, double meanTemperatureK, double cyclesPerDay) {
        return model.cyclesToFailure(strainRange, meanTemperatureK, cyclesPerDay);
    }

    @Override public String describe() {
        var f = model.parameters();
        return String.format(Locale.ROOT, "solder joint: Engelmaier (IPC-SM-785) on the joint shear strain delta/h%s:"
                        + " N_f = 1/2 (d_gamma/(2 eps_f'))^(1/c), c = c0 + c_T T + c_f ln(1+f) with eps_f' %.4g, c0 %.4g,"
                        + " c_T %.4g 1/K, c_f %.4g%s",
                Double.isNaN(height) ? " (h = the connector layer's thickness)"
                        : String.format(Locale.ROOT, " (h %.4g mm)", 1e3 * height),
                f.ductilityCoefficient(), f.engelmaierC0(), f.engelmaierCPerKelvin(), f.engelmaierCLogFrequency(),
                estimatedConstants ? " [E]" : "");
    }

    @Override public List<FatigueConstant> constants() {
        var f = model.parameters();
        String src = estimatedConstants ? "case file / material" : "IPC-SM-785, IPC-D-279";
        List<FatigueConstant> c = new ArrayList<>();
        if (!Double.isNaN(height)) c.add(new FatigueConstant("h", height, "m", "case file (connector.solder.height)", false));
        c.add(new FatigueConstant("eps_f'", f.ductilityCoefficient(), "", src, estimatedConstants));
        c.add(new FatigueConstant("c0", f.engelmaierC0(), "", src, estimatedConstants));
        c.add(new FatigueConstant("c_T", f.engelmaierCPerKelvin(), "1/K", src, estimatedConstants));
        c.add(new FatigueConstant("c_f", f.engelmaierCLogFrequency(), "", src, estimatedConstants));
        return List.copyOf(c);
    }

    @Override public List<String> notes(String cycle, double cyclesPerDay) {
        if (!Engelmaier.frequencyClamped(cyclesPerDay)) return List.of();
        return List.of(String.format(Locale.ROOT, "Engelmaier: the %s cycle's frequency %.4g /day is outside the"
                        + " IPC-SM-785 range 1-1000 /day; the exponent c is evaluated at %.4g /day", cycle, cyclesPerDay,
                Engelmaier.clampFrequency(cyclesPerDay)));
    }
}
