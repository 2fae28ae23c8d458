package org.wafersim.units;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.wafersim.errors.InputException;

/**
 * Strict reader and writer of quantities with units, such as {@code "0.775 mm"}, {@code "20000 W/(m^2*K)"} or
 * {@code "25 degC"}, converting to SI (m, kg, s, K). It is the project's own replacement for a JSR 385
 * library: the dimension check compares exponent vectors of metre, kilogram, second and kelvin
 * (the method of dimensional analysis, e.g. BIPM SI Brochure, 9th ed. (2019), §2.3.3).
 *
 * <h2>Syntax</h2>
 * {@code <number> <unit expression>}; the space is optional. A unit expression is a product of units joined by
 * {@code *} or {@code ·}, with at most one {@code /} (ISO 80000-1 §7.1.3: a second solidus, or a product
 * after a solidus, is ambiguous, so {@code J/kg*K} is rejected; write {@code J/(kg*K)}). Parentheses group;
 * powers are written {@code ^2}, {@code ^-1}, {@code ^0.5} ({@code m2} is rejected). A leading {@code /} means
 * "one over" ({@code "0.1 /cm^2"}), and the factor {@code 1} may appear as in {@code 1/K}.
 *
 * <h2>Units</h2>
 * With SI prefixes p n u µ μ m c k M G T: m, g, s, K, W, J, Wh, Pa, bar, L (or l), Hz, N, eV.
 * Without prefixes: min, h (hr, hour, hours), d (day, days), week(s), year(s) or yr (365.25 d), degC (°C),
 * % (0.01), ppm (1e-6); US customary units with their exact SI factors (NIST SP 811, Appendix B): in (inch),
 * mil (thou, 0.001 in), ft, lb, lbf, psi, ksi, gal (US), gpm (US gal/min), cfm (ft^3/min), BTU (Btu, the
 * International Table Btu), degF (°F), delta_degF; and delta_degC. Compound forms such as {@code BTU/h} or
 * {@code BTU/(h*ft^2*delta_degF)} follow from the rules above. An exact unit name wins over prefix + unit, so {@code min} is a minute and
 * {@code mK} a millikelvin.
 *
 * <h2>Temperatures</h2>
 * For {@link Dimension#TEMPERATURE} a lone {@code degC} is an absolute Celsius temperature (+273.15 K).
 * Everywhere else, including inside compound units ({@code 1/degC}, {@code W/(m^2*degC)}) and for
 * {@link Dimension#TEMPERATURE_DIFFERENCE}, {@code degC} is a kelvin-sized step, which is what those units mean.
 * Likewise a lone {@code degF} is an absolute Fahrenheit temperature, T = (t + 459.67) * 5/9 K, and elsewhere a step
 * of 5/9 K. {@code delta_degF} and {@code delta_degC} are steps everywhere and refused as absolute temperatures.
 *
 * <p>Every problem is an {@link InputException} without source or key; callers attach them with
 * {@code e.inSource(file).under(keyPath)}.
 */
public final class Units {

    /** Longest quantity text read (characters): a real value is a few dozen; longer is refused before parsing. */
    public static final int MAX_TEXT_LENGTH = 200;
    /** Deepest parenthesis nesting in a unit expression (the recursive-descent parser recurses once per level). */
    public static final int MAX_NESTING = 16;

    /** 0 degC in kelvin: the one place the offset is written (every Celsius conversion reads it). */
    public static final double ZERO_CELSIUS_K = 273.15;
    private static final double DAY_S = 86400.0;
    private static final double YEAR_S = 365.25 * DAY_S;

    private static final Pattern NUMBER = Pattern.compile("^[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

    /**
     * A unit: its SI factor, exponent vector (m, kg, s, K), whether SI prefixes may be put before it, and for a
     * temperature scale with its own zero (degC, degF) the offset {@code zero} such that an absolute temperature is
     * {@code (value + zero) * factor} kelvin; {@code difference} marks a unit that is only ever a temperature step.
     */
    private record UnitDef(double factor, double[] vector, boolean prefixable, boolean scale, double zero,
                           boolean difference) {
        UnitDef(double factor, double[] vector, boolean prefixable) {
            this(factor, vector, prefixable, false, 0, false);
        }
    }

    // Filled once below and then frozen: the tables are constants, not state.
    private static final Map<String, UnitDef> UNITS;
    private static final Map<Character, Double> PREFIXES;
    /** Unit names in table order, for listing the accepted units of a dimension. */
    private static final List<String> ORDER;

    // Exact definitions (NIST SP 811, 2008 edition, Appendix B.8 and B.9; the 1959 international yard and pound):
    /** The international inch, exactly 0.0254 m. */
    static final double INCH_M = 0.0254;
    /** The international foot, 12 in. */
    static final double FOOT_M = 12 * INCH_M;
    /** The US liquid gallon, 231 in^3 = 3.785411784e-3 m^3 exactly. */
    static final double US_GALLON_M3 = 231 * INCH_M * INCH_M * INCH_M;
    /** The avoirdupois pound, exactly 0.45359237 kg. */
    static final double POUND_KG = 0.45359237;
    /** Standard acceleration of gravity, 9.80665 m/s^2 (exact, CGPM 1901); the pound-force is lb * g_n. */
    static final double LBF_N = POUND_KG * 9.80665;
    /** The International Table British thermal unit, exactly 1055.05585262 J. */
    static final double BTU_IT_J = 1055.05585262;
    /** The degree Fahrenheit as a step, 5/9 K; as a temperature T/K = (t/degF + 459.67) * 5/9. */
    static final double FAHRENHEIT_K = 5.0 / 9.0;

    static {
        Map<Character, Double> prefixes = new HashMap<>();
        Map<String, UnitDef> units = new LinkedHashMap<>();
        prefixes.put('p', 1e-12);
        prefixes.put('n', 1e-9);
        prefixes.put('u', 1e-6);
        prefixes.put('\u00b5', 1e-6); // MICRO SIGN
        prefixes.put('\u03bc', 1e-6); // GREEK SMALL LETTER MU, what most keyboards produce
        prefixes.put('m', 1e-3);
        prefixes.put('c', 1e-2);
        prefixes.put('k', 1e3);
        prefixes.put('M', 1e6);
        prefixes.put('G', 1e9);
        prefixes.put('T', 1e12);

        prefixable(units, "m", 1, 1, 0, 0, 0);
        prefixable(units, "g", 1e-3, 0, 1, 0, 0);
        prefixable(units, "s", 1, 0, 0, 1, 0);
        prefixable(units, "K", 1, 0, 0, 0, 1);
        prefixable(units, "W", 1, 2, 1, -3, 0);
        prefixable(units, "J", 1, 2, 1, -2, 0);
        prefixable(units, "Wh", 3600.0, 2, 1, -2, 0);
        prefixable(units, "eV", 1.602176634e-19, 2, 1, -2, 0); // exact since the 2019 SI redefinition
        prefixable(units, "N", 1, 1, 1, -2, 0);
        prefixable(units, "Pa", 1, -1, 1, -2, 0);
        prefixable(units, "bar", 1e5, -1, 1, -2, 0);
        prefixable(units, "L", 1e-3, 3, 0, 0, 0);
        prefixable(units, "l", 1e-3, 3, 0, 0, 0);
        prefixable(units, "Hz", 1, 0, 0, -1, 0);

        fixed(units, "min", 60.0, 0, 0, 1, 0);
        for (String h : new String[] {"h", "hr", "hour", "hours"}) fixed(units, h, 3600.0, 0, 0, 1, 0);
        for (String d : new String[] {"d", "day", "days"}) fixed(units, d, DAY_S, 0, 0, 1, 0);
        for (String w : new String[] {"week", "weeks"}) fixed(units, w, 7 * DAY_S, 0, 0, 1, 0);
        for (String y : new String[] {"year", "years", "yr"}) fixed(units, y, YEAR_S, 0, 0, 1, 0);
        fixed(units, "%", 0.01, 0, 0, 0, 0);
        fixed(units, "ppm", 1e-6, 0, 0, 0, 0);
        units.put("degC", new UnitDef(1.0, new double[] {0, 0, 0, 1}, false, true, ZERO_CELSIUS_K, false));
        units.put("\u00b0C", new UnitDef(1.0, new double[] {0, 0, 0, 1}, false, true, ZERO_CELSIUS_K, false));
        units.put("delta_degC", new UnitDef(1.0, new double[] {0, 0, 0, 1}, false, false, 0, true));

        // US customary / imperial, each with its exact SI factor (NIST SP 811 Appendix B)
        fixed(units, "in", INCH_M, 1, 0, 0, 0);
        fixed(units, "inch", INCH_M, 1, 0, 0, 0);
        fixed(units, "mil", INCH_M / 1000, 1, 0, 0, 0);
        fixed(units, "thou", INCH_M / 1000, 1, 0, 0, 0);
        fixed(units, "ft", FOOT_M, 1, 0, 0, 0);
        fixed(units, "lb", POUND_KG, 0, 1, 0, 0);
        fixed(units, "lbf", LBF_N, 1, 1, -2, 0);
        fixed(units, "psi", LBF_N / (INCH_M * INCH_M), -1, 1, -2, 0);
        fixed(units, "ksi", 1000 * LBF_N / (INCH_M * INCH_M), -1, 1, -2, 0);
        fixed(units, "gal", US_GALLON_M3, 3, 0, 0, 0);
        fixed(units, "gpm", US_GALLON_M3 / 60, 3, 0, -1, 0);
        fixed(units, "cfm", FOOT_M * FOOT_M * FOOT_M / 60, 3, 0, -1, 0);
        fixed(units, "BTU", BTU_IT_J, 2, 1, -2, 0);
        fixed(units, "Btu", BTU_IT_J, 2, 1, -2, 0);
        units.put("degF", new UnitDef(FAHRENHEIT_K, new double[] {0, 0, 0, 1}, false, true, 459.67, false));
        units.put("\u00b0F", new UnitDef(FAHRENHEIT_K, new double[] {0, 0, 0, 1}, false, true, 459.67, false));
        units.put("delta_degF", new UnitDef(FAHRENHEIT_K, new double[] {0, 0, 0, 1}, false, false, 0, true));
        UNITS = Map.copyOf(units);
        PREFIXES = Map.copyOf(prefixes);
        ORDER = List.copyOf(units.keySet());
    }

    private static void prefixable(Map<String, UnitDef> units, String name, double factor, double m, double kg,
                                   double s, double k) {
        units.put(name, new UnitDef(factor, new double[] {m, kg, s, k}, true));
    }

    private static void fixed(Map<String, UnitDef> units, String name, double factor, double m, double kg,
                              double s, double k) {
        units.put(name, new UnitDef(factor, new double[] {m, kg, s, k}, false));
    }

    /**
     * The units {@link #parse} accepts for {@code d}, for error messages: the single units of that dimension (with
     * "(SI prefixes)" where they take them), or, for a compound dimension, its SI form and the example.
     */
    public static String accepted(Dimension d) {
        Objects.requireNonNull(d, "d");
        List<String> out = new ArrayList<>();
        for (String name : ORDER) {
            UnitDef u = UNITS.get(name);
            if (!d.matches(u.vector())) continue;
            if (d == Dimension.TEMPERATURE && u.difference()) continue;
            out.add(u.prefixable() ? name + " (SI prefixes p n u m c k M G T)" : name);
        }
        if (d == Dimension.DIMENSIONLESS) out.add(0, "a plain number");
        if (out.isEmpty() || d.siUnit().contains("/") || d.siUnit().contains("*")) {
            String compound = d.siUnit() + ", or any product/quotient of units with the same dimensions, e.g. \""
                    + d.example() + "\"";
            if (out.isEmpty()) return compound;
            return compound + "; single units: " + String.join(", ", out);
        }
        return String.join(", ", out);
    }

    private Units() { }

    /**
     * Reads {@code "<number> <unit>"} and returns the value in the SI unit of {@code expected}
     * ({@link Dimension#siUnit()}).
     *
     * @throws InputException (no source, no key) when the text is empty, not a number, NaN or infinite, has no
     *                        unit where one is needed, uses an unknown unit or bad syntax, has another
     *                        dimension, or is an absolute temperature below 0 K
     */
    public static double parse(String text, Dimension expected) {
        Objects.requireNonNull(expected, "expected");
        if (text == null || text.isBlank()) {
            throw input("empty value; expected " + expected.label() + " such as \"" + expected.example() + "\"");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw input("value of " + text.length() + " characters ('" + text.substring(0, 20) + "...'); a quantity "
                    + "is at most " + MAX_TEXT_LENGTH + " characters");
        }
        String t = text.strip();
        Matcher m = NUMBER.matcher(t);
        if (!m.find()) throw input("not a number: '" + t + "'");
        double number = Double.parseDouble(m.group());
        if (!Double.isFinite(number)) throw input("'" + t + "' is out of range");
        String unitText = t.substring(m.end()).strip();

        if (unitText.isEmpty()) {
            if (expected == Dimension.DIMENSIONLESS) return number;
            throw input("'" + t + "' has no unit; expected " + expected.label()
                    + " such as \"" + expected.example() + "\"");
        }
        if (unitText.startsWith(",")) {
            throw input("'" + t + "' is not a number with a unit (no thousands separators: write 20000, not 20,000)");
        }

        Parser parser = new Parser(unitText, t);
        Term unit;
        try {
            unit = parser.parse();
        } catch (InputException e) {
            if (!parser.unknownUnit) throw e;
            throw input(e.reason() + "; units for " + expected.label() + ": " + accepted(expected));
        }

        if (!expected.matches(unit.vector)) {
            Dimension got = Dimension.of(unit.vector);
            String what = got == null ? "has unit dimensions " + describeVector(unit.vector)
                    : got == Dimension.DIMENSIONLESS ? "is dimensionless" : "is " + got.label();
            String hint = parser.sawMilliKelvin ? " (mK is a millikelvin; for metre times kelvin write m*K)" : "";
            throw input("'" + t + "' " + what + ", expected " + expected.label()
                    + " (" + expected.siUnit() + ")" + hint);
        }

        double si = number * unit.factor;
        if (expected == Dimension.TEMPERATURE) {
            if (parser.differenceCount > 0) {
                throw input("'" + t + "' is a temperature difference, expected an absolute temperature such as "
                        + "\"25 degC\" or \"77 degF\"");
            }
            if (parser.celsiusCount > 0) {
                UnitDef alone = UNITS.get(unitText);
                if (alone == null || !alone.scale()) {
                    throw input("'" + t + "': an absolute temperature must be written with degC alone or degF alone, "
                            + "as in \"25 degC\" or \"77 degF\"");
                }
                si = (number + alone.zero()) * alone.factor();
            }
            if (si < 0) throw input("'" + t + "' is below absolute zero");
        }
        if (!Double.isFinite(si)) throw input("'" + t + "' is out of range");
        return si;
    }

    /**
     * A readable rendering of an SI value, in a unit an engineer would write and that {@link #parse} reads back
     * to the same value (to 6 significant digits): lengths in m/mm/um, temperatures in degC, moduli in GPa/MPa,
     * CTEs in ppm/K, flows in L/min, times in s/min/h/day/year; other dimensions in their SI unit.
     */
    public static String format(double si, Dimension d) {
        Objects.requireNonNull(d, "d");
        if (!Double.isFinite(si)) return si + " " + d.siUnit();
        switch (d) {
            case DIMENSIONLESS:
                return formatNumber(si);
            case LENGTH: {
                double a = Math.abs(si);
                if (a == 0 || a >= 1) return formatNumber(si) + " m";
                if (a >= 1e-4) return formatNumber(si * 1e3) + " mm"; // "0.775 mm", "0.1 mm" read better than um
                if (a >= 1e-6) return formatNumber(si * 1e6) + " um";
                return formatNumber(si * 1e9) + " nm";
            }
            case TEMPERATURE:
                return formatNumber(si - ZERO_CELSIUS_K) + " degC";
            case TIME: {
                double a = Math.abs(si);
                if (a >= YEAR_S) return formatNumber(si / YEAR_S) + " year";
                if (a >= 2 * DAY_S) return formatNumber(si / DAY_S) + " day";
                if (a >= 7200) return formatNumber(si / 3600) + " h";
                if (a >= 120) return formatNumber(si / 60) + " min";
                return formatNumber(si) + " s";
            }
            case POWER:
                return engineering(si, "W");
            case ENERGY:
                return engineering(si, "J");
            case PRESSURE:
                return engineering(si, "Pa");
            case INVERSE_TEMPERATURE:
                return si != 0 && Math.abs(si) < 1e-3 ? formatNumber(si * 1e6) + " ppm/K" : formatNumber(si) + " 1/K";
            case VOLUME_FLOW:
                return formatNumber(si * 1e3 * 60) + " L/min";
            case AREA_DENSITY:
                return formatNumber(si * 1e-4) + " /cm^2";
            case THERMAL_RESISTANCE_AREA:
                return formatNumber(si * 1e4) + " K*cm^2/W";
            case DYNAMIC_VISCOSITY:
                return formatNumber(si * 1e3) + " mPa*s";
            case STRESS_INTENSITY:
                return formatNumber(si * 1e-6) + " MPa*m^0.5";
            default:
                return formatNumber(si) + " " + d.siUnit();
        }
    }

    /**
     * A number with at most 6 significant digits and no trailing zeros: plain between 1e-4 and 1e7
     * ({@code 0.775}, {@code 20000}), otherwise {@code 1.6e-5}. Locale-independent, so that it parses back.
     */
    public static String formatNumber(double x) {
        if (!Double.isFinite(x)) return Double.toString(x);
        if (x == 0) return "0";
        BigDecimal b = new BigDecimal(x).round(new MathContext(6)).stripTrailingZeros();
        double a = Math.abs(x);
        if (a >= 1e-4 && a < 1e7) return b.toPlainString();
        String digits = b.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - b.scale();
        StringBuilder sb = new StringBuilder();
        if (b.signum() < 0) sb.append('-');
        sb.append(digits.charAt(0));
        if (digits.length() > 1) sb.append('.').append(digits, 1, digits.length());
        return sb.append('e').append(exponent).toString();
    }

    private static String engineering(double si, String unit) {
        double a = Math.abs(si);
        String[] prefix = {"n", "u", "m", "", "k", "M", "G", "T"};
        int idx = 3;
        if (a > 0) {
            idx = (int) Math.floor(Math.log10(a) / 3) + 3;
            idx = Math.max(0, Math.min(prefix.length - 1, idx));
        }
        double scaled = si / Math.pow(10, 3 * (idx - 3));
        return formatNumber(scaled) + " " + prefix[idx] + unit;
    }

    private static String describeVector(double[] v) {
        String[] names = {"m", "kg", "s", "K"};
        StringBuilder num = new StringBuilder();
        StringBuilder den = new StringBuilder();
        int denCount = 0;
        for (int i = 0; i < 4; i++) {
            if (v[i] == 0) continue;
            StringBuilder target = v[i] > 0 ? num : den;
            if (target.length() > 0) target.append('*');
            target.append(names[i]);
            double e = Math.abs(v[i]);
            if (e != 1) target.append('^').append(formatNumber(e));
            if (v[i] < 0) denCount++;
        }
        String n = num.length() == 0 ? "1" : num.toString();
        if (den.length() == 0) return n;
        return n + "/" + (denCount > 1 ? "(" + den + ")" : den);
    }

    private static InputException input(String reason) {
        return new InputException(null, null, reason);
    }

    /** A partial result: SI factor and exponent vector. Immutable. */
    private record Term(double factor, double[] vector) {
        static final Term ONE = new Term(1.0, new double[4]);

        Term times(Term o) {
            double[] v = new double[4];
            for (int i = 0; i < 4; i++) v[i] = vector[i] + o.vector[i];
            return new Term(factor * o.factor, v);
        }

        Term over(Term o) {
            double[] v = new double[4];
            for (int i = 0; i < 4; i++) v[i] = vector[i] - o.vector[i];
            return new Term(factor / o.factor, v);
        }

        Term pow(double e) {
            double[] v = new double[4];
            for (int i = 0; i < 4; i++) v[i] = vector[i] * e;
            return new Term(Math.pow(factor, e), v);
        }
    }

    /** Recursive-descent parser of one unit expression; single use. */
    private static final class Parser {
        private final String s;
        private final String whole;
        private int pos;
        private int depth;
        int celsiusCount;      // units with their own zero (degC, degF)
        int differenceCount;   // temperature-step-only units (delta_degF, delta_degC)
        boolean sawMilliKelvin;
        boolean unknownUnit;

        Parser(String s, String whole) {
            this.s = s;
            this.whole = whole;
        }

        Term parse() {
            Term t = expression(false);
            skipSpace();
            if (pos < s.length()) throw input("unbalanced ')' in '" + whole + "'");
            return t;
        }

        // expression := ['/'] term (('*' | '·' | '/') term)*, with nothing after a '/' at the same level
        private Term expression(boolean nested) {
            skipSpace();
            Term acc;
            boolean divided = false;
            if (pos < s.length() && s.charAt(pos) == '/') {
                pos++;
                acc = Term.ONE.over(term());
                divided = true;
            } else {
                acc = term();
            }
            while (true) {
                skipSpace();
                if (pos >= s.length()) break;
                char c = s.charAt(pos);
                if (c == ')') {
                    if (nested) break;
                    throw input("unbalanced ')' in '" + whole + "'");
                }
                if (c == '*' || c == '\u00b7' || c == '/') {
                    if (divided) {
                        throw input("ambiguous unit '" + s + "' in '" + whole
                                + "': put everything after '/' in parentheses, e.g. J/(kg*K)");
                    }
                    pos++;
                    Term next = term();
                    if (c == '/') {
                        acc = acc.over(next);
                        divided = true;
                    } else {
                        acc = acc.times(next);
                    }
                } else if (Character.isLetterOrDigit(c) || c == '(' || c == '%' || c == '\u00b0') {
                    throw input("expected '*' or '/' before '" + s.substring(pos) + "' in '" + whole + "'");
                } else {
                    throw input("unexpected '" + c + "' in '" + whole + "'");
                }
            }
            return acc;
        }

        // term := (unit | '1' | '(' expression ')') ['^' exponent]
        private Term term() {
            skipSpace();
            if (pos >= s.length()) throw input("unit expression ends early in '" + whole + "'");
            char c = s.charAt(pos);
            Term base;
            if (c == '(') {
                pos++;
                if (++depth > MAX_NESTING) {
                    throw input("parentheses nested more than " + MAX_NESTING + " deep in '" + whole + "'");
                }
                base = expression(true);
                depth--;
                skipSpace();
                if (pos >= s.length() || s.charAt(pos) != ')') throw input("missing ')' in '" + whole + "'");
                pos++;
            } else if (Character.isDigit(c)) {
                int start = pos;
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) pos++;
                String n = s.substring(start, pos);
                if (!n.equals("1")) {
                    throw input("a number inside a unit ('" + n + "') is not allowed in '" + whole
                            + "'; only 1, as in 1/K");
                }
                base = Term.ONE;
            } else if (c == '%') {
                pos++;
                base = lookup("%");
            } else if (Character.isLetter(c) || c == '\u00b0') {
                int start = pos++;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) pos++;
                base = lookup(s.substring(start, pos));
            } else {
                throw input("unexpected '" + c + "' in '" + whole + "'");
            }
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == '^') {
                pos++;
                base = base.pow(exponent());
            }
            return base;
        }

        private double exponent() {
            skipSpace();
            boolean paren = pos < s.length() && s.charAt(pos) == '(';
            if (paren) pos++;
            int start = pos;
            if (pos < s.length() && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) pos++;
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) pos++;
            String e = s.substring(start, pos);
            if (paren) {
                if (pos >= s.length() || s.charAt(pos) != ')') throw input("missing ')' in '" + whole + "'");
                pos++;
            }
            try {
                if (e.isEmpty() || e.equals("-") || e.equals("+")) throw new NumberFormatException();
                return Double.parseDouble(e);
            } catch (NumberFormatException ex) {
                throw input("bad exponent after '^' in '" + whole + "'");
            }
        }

        private Term lookup(String id) {
            UnitDef d = UNITS.get(id);
            if (d == null && id.length() > 1) {
                Double p = PREFIXES.get(id.charAt(0));
                UnitDef base = UNITS.get(id.substring(1));
                if (p != null && base != null && base.prefixable()) {
                    d = new UnitDef(p * base.factor(), base.vector(), false);
                }
            }
            if (d == null) {
                String hint = "";
                if (id.matches("\\p{L}+\\d+")) {
                    hint = " (write powers with '^', e.g. " + id.replaceAll("\\d+$", "") + "^"
                            + id.replaceAll("^\\p{L}+", "") + ")";
                } else {
                    String other = Character.isUpperCase(id.charAt(0))
                            ? Character.toLowerCase(id.charAt(0)) + id.substring(1)
                            : Character.toUpperCase(id.charAt(0)) + id.substring(1);
                    if (known(other)) hint = " (did you mean '" + other + "'?)";
                    if (id.equalsIgnoreCase("C") || id.equalsIgnoreCase("degc") || id.equalsIgnoreCase("celsius")) {
                        hint = " (write degrees Celsius as degC)";
                    }
                }
                unknownUnit = true;
                throw input("unknown unit '" + id + "' in '" + whole + "'" + hint);
            }
            if (d.scale()) celsiusCount++;
            if (d.difference()) differenceCount++;
            if (id.equals("mK")) sawMilliKelvin = true;
            return new Term(d.factor(), d.vector());
        }

        private static boolean known(String id) {
            if (UNITS.containsKey(id)) return true;
            if (id.length() < 2) return false;
            UnitDef base = UNITS.get(id.substring(1));
            return PREFIXES.containsKey(id.charAt(0)) && base != null && base.prefixable();
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
        }
    }
}
