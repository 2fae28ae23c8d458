package org.wafersim.materials;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.wafersim.errors.InputException;
import org.wafersim.units.Dimension;
import org.wafersim.units.Units;

/**
 * Reads a {@link Property} from text: the rows of the built-in resource file (value, unit, temperature law) and
 * the values users write in case files (a quantity, or a table of temperature: value points).
 *
 * <p>Laws in the resource file, all temperatures with units, all numbers in the row's unit:
 * <pre>
 *   const                                           value
 *   power(T0=300 K; n=-1.3; range=250 K..600 K)     value·(T/T0)^n
 *   linear(T0=300 K; slope=0.78; range=300 K..400 K) value + slope·(T − T0), slope in the row's unit per K
 *   poly(T0=298.15 K; c=-1.48 4.12 -1.64; range=274 K..370 K)   value·Σ c_i·(T/T0)^i
 *   okada_tokumaru(range=120 K..1500 K)              silicon CTE; the value column, if any, is checked at 300 K
 *   table(20 degC: 16.5; 100 degC: 17.0)             piecewise linear; the value column must be empty
 * </pre>
 * Problems are thrown as {@link InputException} (bad quantities) or {@link IllegalArgumentException} (bad law
 * parameters); callers attach the key or the resource line.
 */
final class PropertyText {

    private static final Pattern LAW = Pattern.compile("^(\\w+)\\s*\\((.*)\\)$", Pattern.DOTALL);

    private PropertyText() { }

    /**
     * A user value: {@code "380 W/(m*K)"}, or a table {@code "25 degC: 148 W/(m*K); 125 degC: 99 W/(m*K)"}
     * (entries separated by ';' or ','; optionally wrapped in {@code table(...)}).
     */
    static Property fromUser(String text, Dimension dim, String source) {
        if (text == null || text.isBlank()) {
            throw new InputException(null, null, "empty value; expected " + dim.label() + " such as \""
                    + dim.example() + "\"");
        }
        String t = text.strip();
        if (t.startsWith("table(") && t.endsWith(")")) t = t.substring(6, t.length() - 1);
        if (!t.contains(":")) return Property.constant(Units.parse(t, dim), dim, source);

        List<double[]> points = new ArrayList<>();
        for (String entry : t.split("[;,]")) {
            if (entry.isBlank()) continue;
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new InputException(null, null, "table entry '" + entry.strip()
                        + "' needs the form \"<temperature>: <value>\", e.g. \"25 degC: " + dim.example() + "\"");
            }
            double tk = Units.parse(entry.substring(0, colon), Dimension.TEMPERATURE);
            double v = Units.parse(entry.substring(colon + 1), dim);
            points.add(new double[] {tk, v});
        }
        if (points.isEmpty()) throw new InputException(null, null, "empty table '" + text.strip() + "'");
        double[] ts = new double[points.size()];
        double[] vs = new double[points.size()];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = points.get(i)[0];
            vs[i] = points.get(i)[1];
            if (i > 0 && ts[i] <= ts[i - 1]) {
                throw new InputException(null, null, "table temperatures must increase from entry to entry in '"
                        + text.strip() + "'");
            }
        }
        return Property.table(ts, vs, dim, source);
    }

    /** A row of the built-in resource file. */
    static Property fromRow(String value, String unit, String law, Dimension dim, String source) {
        String u = unit == null || unit.equals("-") ? "" : unit.strip();
        String l = law == null ? "" : law.strip();
        if (l.isEmpty() || l.equals("const")) return Property.constant(quantity(value, u, dim), dim, source);

        Matcher m = LAW.matcher(l);
        if (!m.matches()) throw new IllegalArgumentException("cannot read law '" + l + "'");
        String kind = m.group(1);
        if (kind.equals("table")) {
            if (value != null && !value.isBlank()) {
                throw new IllegalArgumentException("a table row takes its values from the law; leave value empty");
            }
            String[] entries = m.group(2).split(";");
            double[] ts = new double[entries.length];
            double[] vs = new double[entries.length];
            for (int i = 0; i < entries.length; i++) {
                String[] kv = entries[i].split(":", 2);
                if (kv.length != 2) throw new IllegalArgumentException("table entry '" + entries[i] + "' lacks ':'");
                ts[i] = Units.parse(kv[0], Dimension.TEMPERATURE);
                vs[i] = quantity(kv[1], u, dim);
            }
            return Property.table(ts, vs, dim, source);
        }

        Map<String, String> params = new LinkedHashMap<>();
        for (String p : m.group(2).split(";")) {
            if (p.isBlank()) continue;
            String[] kv = p.split("=", 2);
            if (kv.length != 2) throw new IllegalArgumentException("law parameter '" + p.strip() + "' lacks '='");
            params.put(kv[0].strip(), kv[1].strip());
        }
        double[] range = range(params.remove("range"));
        switch (kind) {
            case "power": {
                double t0 = temperature(params.remove("T0"), "T0");
                double n = number(params.remove("n"), "n");
                noLeftovers(params, kind);
                return Property.powerLaw(quantity(value, u, dim), t0, n, range[0], range[1], dim, source);
            }
            case "linear": {
                double t0 = temperature(params.remove("T0"), "T0");
                double slope = number(params.remove("slope"), "slope") * unitFactor(u, dim);
                noLeftovers(params, kind);
                return Property.linear(quantity(value, u, dim), slope, t0, range[0], range[1], dim, source);
            }
            case "poly": {
                double t0 = temperature(params.remove("T0"), "T0");
                String c = params.remove("c");
                if (c == null) throw new IllegalArgumentException("poly needs c=<coefficients>");
                String[] parts = c.trim().split("\\s+");
                double[] coeffs = new double[parts.length];
                for (int i = 0; i < parts.length; i++) coeffs[i] = number(parts[i], "c");
                noLeftovers(params, kind);
                return Property.polynomial(quantity(value, u, dim), t0, coeffs, range[0], range[1], dim, source);
            }
            case "okada_tokumaru": {
                noLeftovers(params, kind);
                if (dim != Dimension.INVERSE_TEMPERATURE) {
                    throw new IllegalArgumentException("okada_tokumaru is a CTE law");
                }
                Property p = Property.siliconCteOkadaTokumaru(range[0], range[1], source);
                if (value != null && !value.isBlank()) {
                    double nominal = quantity(value, u, dim);
                    if (Math.abs(p.nominal() - nominal) > 0.01 * Math.abs(nominal)) {
                        throw new IllegalArgumentException("value " + value + " " + u
                                + " disagrees with the Okada-Tokumaru law at 300 K");
                    }
                }
                return p;
            }
            default:
                throw new IllegalArgumentException("unknown law '" + kind + "'");
        }
    }

    private static double quantity(String number, String unit, Dimension dim) {
        if (number == null || number.isBlank()) throw new IllegalArgumentException("missing value");
        return Units.parse(unit.isEmpty() ? number.strip() : number.strip() + " " + unit, dim);
    }

    /** SI size of one of {@code unit}, e.g. 1e9 for GPa; temperatures are excluded because of the degC offset. */
    private static double unitFactor(String unit, Dimension dim) {
        if (dim == Dimension.TEMPERATURE) throw new IllegalArgumentException("no slope for an absolute temperature");
        return quantity("1", unit, dim);
    }

    private static double[] range(String text) {
        if (text == null) throw new IllegalArgumentException("the law needs range=<Tmin>..<Tmax>");
        String[] ends = text.split("\\.\\.");
        if (ends.length != 2) throw new IllegalArgumentException("range '" + text + "' must read <Tmin>..<Tmax>");
        return new double[] {Units.parse(ends[0], Dimension.TEMPERATURE), Units.parse(ends[1], Dimension.TEMPERATURE)};
    }

    private static double temperature(String text, String what) {
        if (text == null) throw new IllegalArgumentException("the law needs " + what);
        return Units.parse(text, Dimension.TEMPERATURE);
    }

    private static double number(String text, String what) {
        if (text == null) throw new IllegalArgumentException("the law needs " + what);
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is not a number: '" + text + "'");
        }
    }

    private static void noLeftovers(Map<String, String> params, String kind) {
        if (!params.isEmpty()) {
            throw new IllegalArgumentException("unknown parameter(s) " + params.keySet() + " for law " + kind);
        }
    }
}
