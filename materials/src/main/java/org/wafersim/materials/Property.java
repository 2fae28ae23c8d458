package org.wafersim.materials;

import java.util.Arrays;
import java.util.Objects;

import org.wafersim.units.Dimension;
import org.wafersim.units.Units;

/**
 * One material property as a function of absolute temperature T (kelvin), in SI units, with the source it was
 * taken from. Immutable.
 *
 * <p>Laws ({@link Kind}):
 * <ul>
 *   <li>constant;</li>
 *   <li>power law {@code a·(T/T0)^n} (silicon conductivity, Incropera & DeWitt Table A.1 fitted as in
 *       reference-data B.1);</li>
 *   <li>linear {@code a + b·(T − T0)};</li>
 *   <li>polynomial {@code a·Σ c_i·(T/T0)^i} (water conductivity correlation, reference-data B.10);</li>
 *   <li>the Okada–Tokumaru silicon CTE
 *       {@code α(T) = [3.725·(1 − exp(−5.88e-3·(T − 124))) + 5.548e-4·T]·1e-6 /K}
 *       (Okada & Tokumaru, J. Appl. Phys. 56:314 (1984)), the instantaneous (tangent) coefficient;</li>
 *   <li>a piecewise-linear table of (T, value) points.</li>
 * </ul>
 *
 * <p><b>Clamping.</b> Every law except the constant has a validity range [Tmin, Tmax] (for a table: its first
 * and last point). Outside it the temperature is clamped to the range, so the property stays at its end value
 * instead of following a fit where the fit was never checked (a power law with n = −1.3 would grow without
 * bound towards 0 K). {@link #at}, {@link #integral} and the range accessors all follow this rule.
 */
public final class Property {

    /** The shape of the temperature law. */
    public enum Kind { CONSTANT, POWER_LAW, LINEAR, POLYNOMIAL, SILICON_CTE_OKADA_TOKUMARU, TABLE }

    /** Reference temperature for {@link #nominal()}: the "room temperature" of most handbook tables. */
    public static final double NOMINAL_TEMPERATURE_K = 300.0;

    // Okada & Tokumaru (1984) constants, alpha in 1e-6/K with T in K.
    private static final double OT_A = 3.725;
    private static final double OT_C = 5.88e-3;
    private static final double OT_T1 = 124.0;
    private static final double OT_B = 5.548e-4;

    private final Kind kind;
    private final Dimension dimension;
    private final String source;
    private final double a;          // constant value; scale of power, linear, polynomial laws
    private final double t0;         // reference temperature (K)
    private final double b;          // power exponent n, or linear slope per K
    private final double[] coeffs;   // polynomial coefficients, or table values
    private final double[] temps;    // table temperatures (K), strictly increasing
    private final double[] cumulative; // table: integral from temps[0] to temps[i]
    private final int[] bucket;      // table: the segment at the start of each uniform bucket (null: search)
    private final double bucketScale; // table: buckets per kelvin
    private final double tMin;
    private final double tMax;
    private final boolean constantValued;

    private Property(Kind kind, Dimension dimension, String source, double a, double t0, double b,
                     double[] coeffs, double[] temps, double tMin, double tMax) {
        this.kind = kind;
        this.dimension = Objects.requireNonNull(dimension, "dimension");
        if (source == null || source.isBlank()) throw new IllegalArgumentException("a property needs a source");
        this.source = source.strip();
        this.a = a;
        this.t0 = t0;
        this.b = b;
        this.coeffs = coeffs;
        this.temps = temps;
        this.tMin = tMin;
        this.tMax = tMax;
        if (kind == Kind.TABLE) {
            cumulative = new double[temps.length];
            for (int i = 1; i < temps.length; i++) {
                cumulative[i] = cumulative[i - 1] + 0.5 * (coeffs[i] + coeffs[i - 1]) * (temps[i] - temps[i - 1]);
            }
        } else {
            cumulative = null;
        }
        // A table is evaluated once per cell and time step: a uniform bucket grid no wider than the narrowest
        // segment finds the segment with one or two comparisons instead of a binary search.
        int[] bk = null;
        double scale = 0;
        if (kind == Kind.TABLE && temps.length >= 2) {
            double narrowest = Double.POSITIVE_INFINITY;
            for (int i = 1; i < temps.length; i++) narrowest = Math.min(narrowest, temps[i] - temps[i - 1]);
            double range = temps[temps.length - 1] - temps[0];
            double nb = Math.ceil(range / narrowest);
            if (nb <= MAX_BUCKETS) {
                bk = new int[(int) nb];
                scale = nb / range;
                for (int q = 0; q < bk.length; q++) bk[q] = searchSegment(temps[0] + q / scale);
            }
        }
        this.bucket = bk;
        this.bucketScale = scale;
        this.constantValued = computeConstantValued();
    }

    // ---------------------------------------------------------------- factories

    /** A temperature-independent value (SI). */
    public static Property constant(double value, Dimension dimension, String source) {
        requireFinite(value, "value");
        return new Property(Kind.CONSTANT, dimension, source, value, NOMINAL_TEMPERATURE_K, 0, null, null,
                0, Double.POSITIVE_INFINITY);
    }

    /** {@code a·(T/t0)^n}, clamped to [tMin, tMax] K; a is the value at t0. */
    public static Property powerLaw(double a, double t0, double n, double tMin, double tMax,
                                    Dimension dimension, String source) {
        requireFinite(a, "a");
        requireFinite(n, "exponent n");
        requirePositive(t0, "reference temperature T0");
        requireRange(tMin, tMax);
        if (tMin <= 0) throw new IllegalArgumentException("a power law needs a range above 0 K");
        return new Property(Kind.POWER_LAW, dimension, source, a, t0, n, null, null, tMin, tMax);
    }

    /** {@code a + slope·(T − t0)}, clamped to [tMin, tMax] K; slope in SI units per kelvin. */
    public static Property linear(double a, double slope, double t0, double tMin, double tMax,
                                  Dimension dimension, String source) {
        requireFinite(a, "a");
        requireFinite(slope, "slope");
        requirePositive(t0, "reference temperature T0");
        requireRange(tMin, tMax);
        return new Property(Kind.LINEAR, dimension, source, a, t0, slope, null, null, tMin, tMax);
    }

    /** {@code scale·Σ c[i]·(T/t0)^i}, clamped to [tMin, tMax] K. */
    public static Property polynomial(double scale, double t0, double[] c, double tMin, double tMax,
                                      Dimension dimension, String source) {
        requireFinite(scale, "scale");
        requirePositive(t0, "reference temperature T0");
        requireRange(tMin, tMax);
        if (c == null || c.length == 0) throw new IllegalArgumentException("a polynomial needs coefficients");
        for (double ci : c) requireFinite(ci, "coefficient");
        return new Property(Kind.POLYNOMIAL, dimension, source, scale, t0, 0, c.clone(), null, tMin, tMax);
    }

    /**
     * Silicon's linear thermal expansion coefficient after Okada & Tokumaru (1984), valid 120–1500 K (clamped
     * there): 2.57 ppm/K at 300 K, 2.93 at 350 K, 3.21 at 400 K.
     */
    public static Property siliconCteOkadaTokumaru(String source) {
        return siliconCteOkadaTokumaru(120.0, 1500.0, source);
    }

    /** As {@link #siliconCteOkadaTokumaru(String)} with a narrower clamp range inside 120–1500 K. */
    public static Property siliconCteOkadaTokumaru(double tMin, double tMax, String source) {
        requireRange(tMin, tMax);
        if (tMin < 120.0 || tMax > 1500.0) {
            throw new IllegalArgumentException("the Okada-Tokumaru fit is valid only within 120..1500 K");
        }
        return new Property(Kind.SILICON_CTE_OKADA_TOKUMARU, Dimension.INVERSE_TEMPERATURE, source,
                0, 0, 0, null, null, tMin, tMax);
    }

    /**
     * Piecewise-linear interpolation in (temperature K, SI value) points, constant beyond the first and last
     * point. Temperatures must increase strictly.
     */
    public static Property table(double[] temperaturesK, double[] values, Dimension dimension, String source) {
        if (temperaturesK == null || values == null || temperaturesK.length == 0) {
            throw new IllegalArgumentException("a table needs at least one point");
        }
        if (temperaturesK.length != values.length) {
            throw new IllegalArgumentException("a table needs as many values as temperatures");
        }
        for (int i = 0; i < values.length; i++) {
            requireFinite(values[i], "table value");
            requireFinite(temperaturesK[i], "table temperature");
            if (temperaturesK[i] < 0) throw new IllegalArgumentException("table temperature below 0 K");
            if (i > 0 && temperaturesK[i] <= temperaturesK[i - 1]) {
                throw new IllegalArgumentException("table temperatures must increase strictly");
            }
        }
        double[] t = temperaturesK.clone();
        return new Property(Kind.TABLE, dimension, source, 0, t[0], 0, values.clone(), t, t[0], t[t.length - 1]);
    }

    /** The same law with another source text. */
    public Property withSource(String newSource) {
        return new Property(kind, dimension, newSource, a, t0, b, coeffs, temps, tMin, tMax);
    }

    // ---------------------------------------------------------------- evaluation

    /** The value in SI units at absolute temperature {@code tK}, clamped to the validity range. */
    public double at(double tK) {
        if (kind == Kind.CONSTANT) return a;
        if (Double.isNaN(tK)) throw new IllegalArgumentException("temperature is NaN");
        double t = Math.min(Math.max(tK, tMin), tMax);
        switch (kind) {
            case POWER_LAW:
                return a * Math.pow(t / t0, b);
            case LINEAR:
                return a + b * (t - t0);
            case POLYNOMIAL: {
                double x = t / t0;
                double sum = 0;
                for (int i = coeffs.length - 1; i >= 0; i--) sum = sum * x + coeffs[i]; // Horner
                return a * sum;
            }
            case SILICON_CTE_OKADA_TOKUMARU:
                return (OT_A * (1 - Math.exp(-OT_C * (t - OT_T1))) + OT_B * t) * 1e-6;
            case TABLE:
                return interpolate(t);
            default:
                throw new AssertionError(kind);
        }
    }

    /** Table temperatures (K), where a piecewise-linear law has its kinks; empty for other laws. */
    double[] breakpoints() {
        return temps == null ? new double[0] : temps.clone();
    }

    /** The value at {@link #NOMINAL_TEMPERATURE_K} (300 K), for listings. */
    public double nominal() {
        return at(NOMINAL_TEMPERATURE_K);
    }

    /**
     * {@code ∫ at(T) dT} from t1 to t2 (kelvin), exact for every law (antiderivatives, clamping included).
     * For an instantaneous CTE this is the free thermal strain between two temperatures.
     */
    public double integral(double t1, double t2) {
        if (Double.isNaN(t1) || Double.isNaN(t2)) throw new IllegalArgumentException("temperature is NaN");
        if (t1 == t2) return 0;
        if (t2 < t1) return -integral(t2, t1);
        if (kind == Kind.CONSTANT) return a * (t2 - t1);
        double sum = 0;
        if (t1 < tMin) sum += at(tMin) * (Math.min(t2, tMin) - t1);
        if (t2 > tMax) sum += at(tMax) * (t2 - Math.max(t1, tMax));
        double lo = Math.max(t1, tMin);
        double hi = Math.min(t2, tMax);
        if (hi > lo) sum += antiderivative(hi) - antiderivative(lo);
        return sum;
    }

    /**
     * {@code t -> integral(t1, t)} for a fixed lower limit t1, with the antiderivative at t1's end of the range
     * evaluated once (the free thermal strain of many cells from one stress-free temperature): the same terms, summed
     * in the same order, so each value is {@link #integral}'s to the bit.
     */
    public java.util.function.DoubleUnaryOperator integralFrom(double t1) {
        if (Double.isNaN(t1)) throw new IllegalArgumentException("temperature is NaN");
        double fixedLo = kind == Kind.CONSTANT ? 0 : antiderivative(Math.max(t1, tMin));   // t above t1
        double fixedHi = kind == Kind.CONSTANT ? 0 : antiderivative(Math.min(t1, tMax));   // t below t1
        return t2 -> {
            if (Double.isNaN(t2)) throw new IllegalArgumentException("temperature is NaN");
            if (t1 == t2) return 0;
            if (t2 > t1) {
                if (kind == Kind.CONSTANT) return a * (t2 - t1);
                double sum = 0;
                if (t1 < tMin) sum += at(tMin) * (Math.min(t2, tMin) - t1);
                if (t2 > tMax) sum += at(tMax) * (t2 - Math.max(t1, tMax));
                double lo = Math.max(t1, tMin), hi = Math.min(t2, tMax);
                if (hi > lo) sum += antiderivative(hi) - fixedLo;
                return sum;
            }
            // integral(t1, t2) = -integral(t2, t1)
            if (kind == Kind.CONSTANT) return -(a * (t1 - t2));
            double sum = 0;
            if (t2 < tMin) sum += at(tMin) * (Math.min(t1, tMin) - t2);
            if (t1 > tMax) sum += at(tMax) * (t1 - Math.max(t2, tMax));
            double lo = Math.max(t2, tMin), hi = Math.min(t1, tMax);
            if (hi > lo) sum += fixedHi - antiderivative(lo);
            return -sum;
        };
    }

    private double antiderivative(double t) {
        switch (kind) {
            case POWER_LAW:
                return b == -1 ? a * t0 * Math.log(t / t0) : a * t0 / (b + 1) * Math.pow(t / t0, b + 1);
            case LINEAR:
                return a * t + 0.5 * b * (t - t0) * (t - t0);
            case POLYNOMIAL: {
                double x = t / t0;
                double sum = 0;
                for (int i = 0; i < coeffs.length; i++) sum += coeffs[i] * Math.pow(x, i + 1) / (i + 1);
                return a * t0 * sum;
            }
            case SILICON_CTE_OKADA_TOKUMARU:
                return (OT_A * (t + Math.exp(-OT_C * (t - OT_T1)) / OT_C) + 0.5 * OT_B * t * t) * 1e-6;
            case TABLE: {
                int i = segment(t);
                double v = interpolate(t);
                return cumulative[i] + 0.5 * (coeffs[i] + v) * (t - temps[i]);
            }
            default:
                throw new AssertionError(kind);
        }
    }

    /** Largest table size of the bucket index; longer tables with tiny segments fall back to binary search. */
    private static final int MAX_BUCKETS = 1 << 12;

    /** The table segment of t: the last i with temps[i] &lt;= t, within [0, temps.length - 1]. */
    private int segment(double t) {
        if (bucket != null) {
            double u = (t - temps[0]) * bucketScale;
            if (u >= 0 && u < bucket.length) {
                int i = bucket[(int) u];
                // the bucket holds at most one breakpoint; the second loop guards the rounding of u
                while (i + 1 < temps.length && temps[i + 1] <= t) i++;
                while (i > 0 && temps[i] > t) i--;
                return i;
            }
        }
        return searchSegment(t);
    }

    private int searchSegment(double t) {
        int i = Arrays.binarySearch(temps, t);
        if (i < 0) i = -i - 2;
        return Math.max(0, Math.min(temps.length - 1, i));
    }

    private double interpolate(double t) {
        int i = segment(t);
        if (i >= temps.length - 1) return coeffs[temps.length - 1];
        double w = (t - temps[i]) / (temps[i + 1] - temps[i]);
        return coeffs[i] + w * (coeffs[i + 1] - coeffs[i]);
    }

    private boolean computeConstantValued() {
        switch (kind) {
            case CONSTANT:
                return true;
            case POWER_LAW:
                return b == 0 || a == 0;
            case LINEAR:
                return b == 0;
            case POLYNOMIAL:
                for (int i = 1; i < coeffs.length; i++) if (coeffs[i] != 0) return false;
                return true;
            case TABLE:
                for (double v : coeffs) if (v != coeffs[0]) return false;
                return true;
            default:
                return false;
        }
    }

    // ---------------------------------------------------------------- description

    /** True when the value does not change with temperature (a constant, or a law that is flat). */
    public boolean isConstant() { return constantValued; }

    public Kind kind() { return kind; }

    public Dimension dimension() { return dimension; }

    /** The SI unit of {@link #at} values, e.g. "W/(m*K)". */
    public String siUnit() { return dimension.siUnit(); }

    /** Where the value comes from (book, paper, datasheet, or "[E]" with the reasoning of an estimate). */
    public String source() { return source; }

    /** Lower end of the validity (clamp) range in K; 0 for a constant. */
    public double minTemperature() { return tMin; }

    /** Upper end of the validity (clamp) range in K; +infinity for a constant. */
    public double maxTemperature() { return tMax; }

    /**
     * The law in words and SI units, e.g. {@code "148*(T/300 K)^-1.3 W/(m*K), T in K clamped to 250..600 K"};
     * a constant in an engineering unit, e.g. {@code "150 GPa"}.
     */
    public String describe() {
        String unit = dimension == Dimension.DIMENSIONLESS ? "" : " " + dimension.siUnit();
        String range = ", T in K clamped to " + num(tMin) + ".." + num(tMax) + " K";
        switch (kind) {
            case CONSTANT:
                return Units.format(a, dimension);
            case POWER_LAW:
                return num(a) + "*(T/" + num(t0) + " K)^" + num(b) + unit + range;
            case LINEAR:
                return "(" + num(a) + (b < 0 ? " - " : " + ") + num(Math.abs(b)) + "*(T - " + num(t0) + " K))"
                        + unit + range;
            case POLYNOMIAL: {
                StringBuilder sb = new StringBuilder(num(a)).append("*(");
                String x = "(T/" + num(t0) + " K)";
                for (int i = 0; i < coeffs.length; i++) {
                    double c = coeffs[i];
                    if (i == 0) {
                        sb.append(num(c));
                    } else {
                        sb.append(c < 0 ? " - " : " + ").append(num(Math.abs(c))).append('*').append(x);
                        if (i > 1) sb.append('^').append(i);
                    }
                }
                return sb.append(')').append(unit).append(range).toString();
            }
            case SILICON_CTE_OKADA_TOKUMARU:
                return "[3.725*(1 - exp(-5.88e-3*(T - 124 K))) + 5.548e-4*T]*1e-6 1/K (Okada-Tokumaru)" + range;
            case TABLE: {
                StringBuilder sb = new StringBuilder("table(");
                for (int i = 0; i < temps.length; i++) {
                    if (i > 0) sb.append("; ");
                    sb.append(Units.format(temps[i], Dimension.TEMPERATURE)).append(": ")
                            .append(Units.format(coeffs[i], dimension));
                }
                return sb.append("), linear between points, constant beyond the ends").toString();
            }
            default:
                throw new AssertionError(kind);
        }
    }

    private static String num(double x) {
        return Units.formatNumber(x);
    }

    @Override
    public String toString() {
        return describe() + " [" + source + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Property)) return false;
        Property p = (Property) o;
        return kind == p.kind && dimension == p.dimension && source.equals(p.source)
                && Double.compare(a, p.a) == 0 && Double.compare(t0, p.t0) == 0 && Double.compare(b, p.b) == 0
                && Double.compare(tMin, p.tMin) == 0 && Double.compare(tMax, p.tMax) == 0
                && Arrays.equals(coeffs, p.coeffs) && Arrays.equals(temps, p.temps);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, dimension, source, a, t0, b, tMin, tMax, Arrays.hashCode(coeffs),
                Arrays.hashCode(temps));
    }

    // ---------------------------------------------------------------- checks

    private static void requireFinite(double v, String what) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException(what + " must be a finite number");
    }

    private static void requirePositive(double v, String what) {
        if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException(what + " must be positive");
    }

    private static void requireRange(double tMin, double tMax) {
        requireFinite(tMin, "range start");
        requireFinite(tMax, "range end");
        if (tMin < 0) throw new IllegalArgumentException("range starts below 0 K");
        if (!(tMax > tMin)) throw new IllegalArgumentException("range end must be above its start");
    }
}
