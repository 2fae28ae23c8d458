package org.wafersim.power;

import java.math.BigDecimal;
import java.math.MathContext;
import org.wafersim.cases.PowerSpec.PowerPattern;
import org.wafersim.geometry.CoreArray;

/**
 * How the dynamic power at full load is distributed over the cores of one core array, independent of the total:
 * a pattern, per-die weights or per-core weights. Built once per run by {@link CorePowerSources#load} (which reads
 * the input files), then asked for the core powers at any total ({@link #corePower(double)}), e.g. at full load and
 * at the low and high states of a power cycle, without reading the files again.
 *
 * <p>Weights are normalised: the core powers always sum to the total asked for (to round-off, with compensated
 * sums), whatever the absolute values in the input. Spare cores get 0 W.
 */
public final class PowerDistribution {
    private final CoreArray cores;
    private final PowerPattern pattern;    // a pattern source, else null
    private final double[] dieWeight;      // a die-level source, else null
    private final double[] coreWeight;     // a core-level source (spares already at 0), else null
    private final double weightSum;
    private final String description;

    private PowerDistribution(CoreArray cores, PowerPattern pattern, double[] dieWeight, double[] coreWeight,
                              String description) {
        this.cores = cores;
        this.pattern = pattern;
        this.dieWeight = dieWeight;
        this.coreWeight = coreWeight;
        double[] w = dieWeight != null ? dieWeight : coreWeight;
        this.weightSum = w == null ? Double.NaN : Sums.of(w);
        if (w != null && !(weightSum > 0)) throw new IllegalArgumentException("weights sum to " + weightSum);
        this.description = description;
    }

    static PowerDistribution pattern(CoreArray cores, PowerPattern p) {
        return new PowerDistribution(cores, p, null, null, "pattern " + p.key);
    }

    /** Per-die weights (die index order), each die's share spread over its active cores by area. */
    static PowerDistribution perDie(CoreArray cores, double[] w, String description) {
        if (w.length != cores.dieCount()) throw new IllegalArgumentException("need one weight per die");
        return new PowerDistribution(cores, null, w, null, description);
    }

    /** Per-core weights (core index order) with the spares already at 0 ({@link SpareShare}). */
    static PowerDistribution perCore(CoreArray cores, double[] w, String description) {
        if (w.length != cores.coreCount()) throw new IllegalArgumentException("need one weight per core");
        return new PowerDistribution(cores, null, null, w, description);
    }

    /** Power per core (W) at total power {@code total} (W): sums to {@code total}; spares 0 W. */
    public double[] corePower(double total) {
        if (!(total >= 0) || Double.isInfinite(total)) throw new IllegalArgumentException("total power " + total);
        if (pattern != null) return WorkloadPower.corePower(cores, pattern, total);
        if (dieWeight != null) {
            double[] dieP = new double[dieWeight.length];
            for (int d = 0; d < dieP.length; d++) dieP[d] = total * (dieWeight[d] / weightSum);
            return WorkloadPower.spreadOverCores(cores, dieP);
        }
        double[] p = new double[coreWeight.length];
        for (int c = 0; c < p.length; c++) p[c] = total * (coreWeight[c] / weightSum);
        return p;
    }

    /** True for {@code power.pattern} (the other sources come from tables or files). */
    public boolean isPattern() { return pattern != null; }

    /** What the distribution came from, e.g. "map maps/p.csv (CSV, die level, 7 x 12)". */
    public String description() { return description; }

    /** One line for the run's log: the source and, unless it is a pattern, that it was normalised to the total. */
    public String summary(double total) {
        if (pattern != null) return "power: pattern " + pattern.key + ", " + watts(total) + " in total";
        return "power: " + description + "; distribution normalised to power.total = " + watts(total);
    }

    /** "15 kW", "150 W", "2.5 mW": 6 significant digits, no trailing zeros. */
    static String watts(double w) {
        double a = Math.abs(w);
        if (a >= 1e3) return num(w / 1e3) + " kW";
        if (a > 0 && a < 1) return num(w * 1e3) + " mW";
        return num(w) + " W";
    }

    static String num(double v) {
        if (v == 0 || !Double.isFinite(v)) return v == 0 ? "0" : Double.toString(v);
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
