package org.wafersim.plot;

import static org.wafersim.io.ResultSchema.*;

import java.util.Locale;
import org.wafersim.errors.InputException;
import org.wafersim.units.Dimension;
import org.wafersim.units.Units;

/**
 * The unit a quantity is drawn in: engineering units chosen per quantity, as a packaging engineer reads them, or the
 * unit asked for with {@code --units}. Values are stored in SI-based units (m, Pa, degC, 1, W/m^3); the display value
 * is {@code scale * v + offset} (the offset only for absolute temperatures, e.g. degC to degF).
 * <p>Defaults: displacement, warpage and slip in µm; other lengths in mm; stresses and moduli in MPa; strains
 * (dimensionless datasets whose name says strain) in %; power densities in W/cm^3 and heat fluxes in W/cm^2;
 * everything else as stored. {@code --units} takes any unit of the same dimension that the unit parser reads
 * (with µm, um, mil, MPa, psi, degF, ...), plus {@code %}, {@code ue} (µε, microstrain) and {@code ppm} for strains.
 *
 * @param label  the unit as printed on the colour bar or axis
 */
public record DisplayUnit(String label, double scale, double offset) {
    /** As stored. */
    public static DisplayUnit identity(String units) {
        return new DisplayUnit(units == null ? "no units" : units, 1, 0);
    }

    public double apply(double v) {
        return scale * v + offset;
    }

    public double[] apply(double[] v) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) o[i] = apply(v[i]);
        return o;
    }

    /** Whether the quantity is drawn as stored. */
    public boolean isIdentity() {
        return scale == 1 && offset == 0;
    }

    /** The engineering default for dataset {@code path} stored in {@code units}. */
    public static DisplayUnit defaultFor(String path, String units) {
        String leaf = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String lower = path.toLowerCase(Locale.ROOT);
        if (units == null) return identity(null);
        switch (units) {
            case "m":
                if (lower.contains("warpage") || lower.contains("displacement") || lower.contains("/" + MECHANICS_SLIP_GROUP.leaf()))
                    return new DisplayUnit("\u00b5m", 1e6, 0);
                return new DisplayUnit("mm", 1e3, 0);
            case "Pa":
                return new DisplayUnit("MPa", 1e-6, 0);
            case "1":
                if (leaf.contains("strain")) return new DisplayUnit("%", 100, 0);
                return identity(units);
            case "W/m^3":
                return new DisplayUnit("W/cm\u00b3", 1e-6, 0);
            case "W/m^2":
                return new DisplayUnit("W/cm\u00b2", 1e-4, 0);
            default:
                return identity(units);
        }
    }

    /**
     * The unit asked for with {@code --units} for a quantity stored in {@code units}; an {@link InputException} on
     * {@code --units} when it is not a unit of the same dimension.
     */
    public static DisplayUnit parse(String wanted, String units) {
        String w = wanted.strip();
        String label = w.replace("um", "\u00b5m").replace("ue", "\u00b5\u03b5");
        if (label.equals("\u00b5\u03b5") || w.equals("microstrain") || w.equals("\u00b5\u03b5")) label = "\u00b5\u03b5";
        if (units == null) throw new InputException("--units", null, "the dataset has no units; cannot convert it to " + w);
        String stored = units.equals("1") ? "" : units;
        if (stored.isEmpty()) {
            double per = switch (w) {
                case "1", "" -> 1;
                case "%" -> 0.01;
                case "ppm" -> 1e-6;
                case "ue", "\u00b5\u03b5", "\u03bc\u03b5", "microstrain" -> 1e-6;
                default -> throw new InputException("--units", null, "'" + w + "' is not a unit for a dimensionless "
                        + "quantity; use 1, %, ppm or ue (microstrain)");
            };
            return new DisplayUnit(per == 1 ? "1" : label, 1 / per, 0);
        }
        // K in a result is always a temperature difference (absolute temperatures are stored in degC)
        Dimension d = units.equals("K") ? Dimension.TEMPERATURE_DIFFERENCE : dimensionOf(stored);
        if (d == null) throw new InputException("--units", null, "cannot convert '" + units + "' (not a unit the parser reads)");
        double[] from = affine(stored, d), to;
        try {
            to = affine(w, d);
        } catch (InputException e) {
            throw new InputException("--units", null, "'" + w + "' is not a unit for " + d.label() + " (the dataset "
                    + "is in " + units + "): " + e.reason());
        }
        return new DisplayUnit(label, from[0] / to[0], (from[1] - to[1]) / to[0]);
    }

    /** {a, b} with SI = a * value + b for values in unit {@code u} of dimension {@code d}. */
    private static double[] affine(String u, Dimension d) {
        double b = Units.parse("0 " + u, d), a = Units.parse("1 " + u, d) - b;
        return new double[]{a, b};
    }

    private static Dimension dimensionOf(String units) {
        for (Dimension d : Dimension.values()) {
            try {
                Units.parse("1 " + units, d);
                return d;
            } catch (InputException e) {
                // not this one
            }
        }
        return null;
    }
}
