package org.wafersim.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wafersim.errors.InputException;

/**
 * A compliant spring contact (LGA-socket or interposer style) as a slender elastic beam of length L and thickness t
 * whose tip follows the relative in-plane displacement δ across the connector layer. Euler–Bernoulli bending
 * (e.g. Roark's Formulas for Stress and Strain, Table 8.1) gives the largest surface strain, at the root:
 * <pre>
 *   cantilever (fixed-free, end load):           δ = P L³/(3EI),  M = P L    →  ε = 3 t δ / (2 L²)
 *   guided     (fixed-guided, tip not rotating): δ = P L³/(12EI), M = P L/2  →  ε = 3 t δ / L²
 * </pre>
 * and the contact alloy's {@link FatigueCurve} gives the cycles to failure of a strain range (strain-life curves
 * are independent of temperature and frequency here: Cu spring alloys at connector temperatures, well below 0.4 of
 * their melting point, do not creep). Assumptions: small deflection (δ ≪ L), a slender beam (L ≥ 5 t), fully
 * reversed bending about the pre-loaded position; the vertical pre-load's own bending is static and is left out.
 *
 * @param shape      the beam's end conditions
 * @param length     L, m
 * @param thickness  t, m
 * @param curve      the alloy's fatigue curve
 * @param technology {@code spring}, or {@code custom} for a user's curve on this geometry
 */
public record SpringContact(Shape shape, double length, double thickness, FatigueCurve curve, String technology)
        implements FatigueModel {

    /** A slender beam: L/t at least this (Euler–Bernoulli). */
    public static final double MIN_SLENDERNESS = 5;

    /** End conditions of the contact beam, with ε = factor·t·δ/L². */
    public enum Shape {
        CANTILEVER("cantilever", 1.5), GUIDED("guided", 3.0);
        public final String key;
        public final double factor;
        Shape(String key, double factor) {
            this.key = key;
            this.factor = factor;
        }
        public static Shape fromKey(String k) {
            for (Shape s : values()) if (s.key.equals(k)) return s;
            return null;
        }
    }

    public SpringContact {
        if (shape == null) throw new IllegalArgumentException("shape");
        StrainLife.positive(length, "connector.spring", "length");
        StrainLife.positive(thickness, "connector.spring", "thickness");
        if (length < MIN_SLENDERNESS * thickness) {
            throw new InputException(null, "connector.spring.thickness", String.format(Locale.ROOT, "the beam model"
                    + " needs a slender contact (length >= %s x thickness); got thickness %.4g mm for length %.4g mm",
                    CheckText.num(MIN_SLENDERNESS), 1e3 * thickness, 1e3 * length));
        }
    }

    /**
     * Refuses a contact that does not fit its cell: a beam longer than the diagonal √2·p of the pitch cell would
     * reach into its neighbour's.
     *
     * @param pitch contact pitch p, m
     */
    public static void checkFits(double length, double pitch) {
        if (length > Math.sqrt(2) * pitch) {
            throw new InputException(null, "connector.spring.length", String.format(Locale.ROOT, "a %.4g mm contact"
                    + " does not fit its pitch cell: at pitch %.4g mm (reliability.connector.pitch) the longest"
                    + " contact is the cell's diagonal, %.4g mm", 1e3 * length, 1e3 * pitch, 1e3 * Math.sqrt(2) * pitch));
        }
    }

    @Override public String technology() { return technology; }

    @Override public String strainMeasure() { return "contact bending surface strain"; }

    @Override public double contactStrain(double relativeDisplacement, double layerThickness) {
        return shape.factor * thickness * relativeDisplacement / (length * length);
    }

    @Override public double cyclesToFailure(double strainRange, double meanTemperatureK, double cyclesPerDay) {
        return curve.cyclesToFailure(strainRange);
    }

    @Override public String describe() {
        return String.format(Locale.ROOT, "%s contact: %s beam L %.4g mm, t %.4g mm, eps = %s t delta / L^2; %s",
                technology, shape.key, 1e3 * length, 1e3 * thickness, CheckText.num(shape.factor), curve.describe());
    }

    @Override public List<FatigueConstant> constants() {
        List<FatigueConstant> c = new ArrayList<>();
        c.add(new FatigueConstant("L", length, "m", "case file (connector.spring.length)", false));
        c.add(new FatigueConstant("t", thickness, "m", "case file (connector.spring.thickness)", false));
        c.addAll(curve.constants());
        return List.copyOf(c);
    }

    /** Tiny number formatting shared by the fatigue models. */
    static final class CheckText {
        private CheckText() { }
        static String num(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
        }
    }
}
