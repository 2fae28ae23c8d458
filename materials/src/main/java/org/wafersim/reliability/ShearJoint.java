package org.wafersim.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A user's fatigue curve ({@code connector.technology: custom}, {@code kinematics: shear}) applied to the shear strain
 * γ = δ/h of a joint of height h spanning the connector layer (h = NaN: the layer's thickness). The curve must then be
 * a shear strain-life (or S-N) curve; no conversion between shear and normal strain is made.
 *
 * @param height joint height, m, or NaN for the layer's thickness
 * @param curve  the user's curve
 */
public record ShearJoint(double height, FatigueCurve curve) implements FatigueModel {

    @Override public String technology() { return "custom"; }

    @Override public String strainMeasure() { return "joint shear strain"; }

    @Override public double contactStrain(double relativeDisplacement, double layerThickness) {
        return relativeDisplacement / (Double.isNaN(height) ? layerThickness : height);
    }

    @Override public double cyclesToFailure(double strainRange, double meanTemperatureK, double cyclesPerDay) {
        return curve.cyclesToFailure(strainRange);
    }

    @Override public String describe() {
        return String.format(Locale.ROOT, "custom joint: shear strain delta/h%s; %s",
                Double.isNaN(height) ? " (h = the connector layer's thickness)"
                        : String.format(Locale.ROOT, " (h %.4g mm)", 1e3 * height), curve.describe());
    }

    @Override public List<FatigueConstant> constants() {
        List<FatigueConstant> c = new ArrayList<>();
        if (!Double.isNaN(height)) c.add(new FatigueConstant("h", height, "m", "case file", false));
        c.addAll(curve.constants());
        return List.copyOf(c);
    }
}
