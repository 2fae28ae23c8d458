package org.wafersim.units;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
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
 * % (0.01), ppm (1e-6). An exact unit name wins over prefix + unit, so {@code min} is a minute and
 * {@code mK} a millikelvin.
 *
 * <h2>Temperatures</h2>
 * For {@link Dimension#TEMPERATURE} a lone {@code degC} is an absolute Celsius temperature (+273.15 K).
 * Everywhere else, including inside compound units ({@code 1/degC}, {@code W/(m^2*degC)}) and for
 * {@link Dimension#TEMPERATURE_DIFFERENCE}, {@code degC} is a kelvin-sized step, which is what those units mean.
 *
 * <p>Every problem is an {@link InputException} without source or key; callers attach them with
 * {@code e.inSource(file).under(keyPath)}.
 */
public final class Units {

    private static final double ZERO_CELSIUS_K = 273.15;
    private static final double DAY_S = 86400.0;
    private static final double YEAR_S = 365.25 * DAY_S;

    private static final Pattern NUMBER = Pattern.compile("^[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

    /** A unit: its SI factor, exponent vector (m, kg, s, K), and whether SI prefixes may be put before it. */
    private record UnitDef(double factor, double[] vector, boolean prefixable, boolean celsius) { }

    // Filled once below and then frozen: the tables are constants, not state.
    private static final Map<String, UnitDef> UNITS;
    private static final Map<Character, Double> PREFIXES;

    static {
        Map<Character, Double> prefixes = new HashMap<>();
        Map<String, UnitDef> units = new HashMap<>();
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
        units.put("degC", new UnitDef(1.0, new double[] {0, 0, 0, 1}, false, true));
        units.put("\u00b0C", new UnitDef(1.0, new double[] {0, 0, 0, 1}, false, true));
        UNITS = Map.copyOf(units);
        PREFIXES = Map.copyOf(prefixes);
    }

    private static void prefixable(Map<String, UnitDef> units, String name, double factor, double m, double kg,
                                   double s, double k) {
        units.put(name, new UnitDef(factor, new double[] {m, kg, s, k}, true, false));
    }

    private static void fixed(Map<String, UnitDef> units, String name, double factor, double m, double kg,
                              double s, double k) {
        units.put(name, new UnitDef(factor, new double[] {m, kg, s, k}, false, false));
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
        Term unit = parser.parse();

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
            if (parser.celsiusCount > 0) {
                boolean alone = unitText.equals("degC") || unitText.equals("\u00b0C");
                if (!alone) {
                    throw input("'" + t + "': an absolute temperature in degC must be written with degC alone, "
                            + "as in \"25 degC\"");
                }
                si = number + ZERO_CELSIUS_K;
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
        int celsiusCount;
        boolean sawMilliKelvin;

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
                base = expression(true);
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
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)))) pos++;
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
                    d = new UnitDef(p * base.factor(), base.vector(), false, false);
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
                throw input("unknown unit '" + id + "' in '" + whole + "'" + hint);
            }
            if (d.celsius()) celsiusCount++;
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
