package org.wafersim.reliability;

import java.util.List;

/**
 * Connector fatigue from strain <em>histories</em> (issue 19 item 2): per connector point, the shear strain
 * γ(t) = (γ_xz, γ_yz) and the joint temperature T(t) at the output times of one periodic workload cycle are
 * rainflow-counted ({@link Rainflow#countPeriodic}, ASTM E1049-85 §5.4.4) and Miner-summed ({@link Miner}):
 * <pre>
 *   D_A(θ) = Σ_cycles n_i / N_f(Δγ_i(θ), (T(t_from) + T(t_to))/2, f_A),   Δγ_i(θ) = range of γ(t)·e_θ
 *   D_A    = max over θ of D_A(θ)                              (damage per workload cycle)
 *   D_B    = 1 / N_f(|γ(t*)|, (T(t*) + T_0)/2, f_B),          t* = argmax |γ(t)|   (damage per off/on cycle)
 *   L      = 1 / (f_A·D_A + f_B·D_B)                            (life, f per second)
 * </pre>
 * The shear strain is a vector; a cycle is counted on its projection onto an in-plane direction e_θ and the most
 * damaging direction is taken (the critical-plane idea for multiaxial fatigue, Socie &amp; Marquis, <i>Multiaxial
 * Fatigue</i>, SAE 2000, ch. 5): 36 directions 5° apart and the direction of the largest distance between two states
 * of the history. For a history of two states (idle, full) the latter direction gives exactly the two-state range
 * |γ_full − γ_idle| and every other direction less, so the estimate reduces to the two-state one
 * ({@link ConnectorFatigue#evaluate}) to round-off. The off/on cycle goes from the stress-free state (γ = 0 at
 * T_0) to the state of largest |γ| and back, as the two-state estimate does with the full-load state.
 *
 * <p>Each counted cycle's mean temperature is the mean of the joint temperatures at its two turning points (the
 * two-state estimate's mean of the two states). All counted cycles of the periodic cycle are evaluated at its
 * frequency f_A (Engelmaier's frequency term is a creep-time correction of the whole cycle).
 *
 * <p>Assumptions: Miner's linear damage (no sequence effect); output times that miss a turning point miss its
 * range, so the times should include the extremes of the strain ({@code mechanics.history}); the cycles-to-failure
 * law is the connector technology's ({@link StrainLife}).
 */
public final class ConnectorRainflow {
    /** Directions of the critical-plane search besides the largest-distance one: 5° apart over 180°. */
    public static final int DIRECTIONS = 36;

    private ConnectorRainflow() { }

    /**
     * The connector technology's fatigue law seen from here: median cycles to failure of one cycle.
     */
    @FunctionalInterface
    public interface StrainLife {
        /**
         * @param strainRange      Δγ of the cycle (dimensionless, ≥ 0)
         * @param meanTemperatureK mean joint temperature over the cycle, K
         * @param cyclesPerDay     frequency of the cycle, per day
         * @return median cycles to failure (∞ for no range)
         */
        double cyclesToFailure(double strainRange, double meanTemperatureK, double cyclesPerDay);
    }

    /**
     * The history of one connector point over one period (samples at the output times, the end of the period,
     * equal to its start, left out).
     *
     * @param gammaXz      shear strain γ_xz per sample
     * @param gammaYz      shear strain γ_yz per sample
     * @param temperatureK joint temperature per sample, K
     */
    public record History(double[] gammaXz, double[] gammaYz, double[] temperatureK) {
        public History {
            if (gammaXz.length == 0 || gammaXz.length != gammaYz.length || gammaXz.length != temperatureK.length) {
                throw new IllegalArgumentException("a history needs equally long, non-empty strain and temperature"
                        + " series, got " + gammaXz.length + ", " + gammaYz.length + ", " + temperatureK.length);
            }
            gammaXz = gammaXz.clone();
            gammaYz = gammaYz.clone();
            temperatureK = temperatureK.clone();
        }

        public int length() { return gammaXz.length; }
    }

    /**
     * The damage of one point.
     *
     * @param workloadDamage damage per workload cycle D_A
     * @param offOnDamage    damage per off/on cycle D_B (0 when the duty cycle has none)
     * @param angle          the critical direction θ, rad in [0, π)
     * @param largestRange   the largest counted range in that direction
     * @param counted        the number of cycles counted (full cycles; halves count ½)
     */
    public record PointDamage(double workloadDamage, double offOnDamage, double angle, double largestRange,
                              double counted) {
        /** Life in seconds under the duty cycle, 1/(f_A·D_A + f_B·D_B). */
        public double lifeSeconds(DutyCycle duty) {
            return 1.0 / (duty.cyclesPerSecond() * workloadDamage + duty.offCyclesPerSecond() * offOnDamage);
        }
    }

    /**
     * The damage of one point's history.
     *
     * @param h           the point's history over one period
     * @param stressFreeK T_0, the temperature of the off state, K
     * @param law         cycles to failure of one cycle
     * @param duty        the duty cycle (f_A, f_B)
     */
    public static PointDamage point(History h, double stressFreeK, StrainLife law, DutyCycle duty) {
        int n = h.length();
        double[] gx = h.gammaXz(), gy = h.gammaYz(), t = h.temperatureK();
        // the direction of the largest distance between two states
        double best = -1, ax = 1, ay = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = gx[j] - gx[i], dy = gy[j] - gy[i], d = Math.hypot(dx, dy);
                if (d > best) {
                    best = d;
                    ax = d > 0 ? dx / d : 1;
                    ay = d > 0 ? dy / d : 0;
                }
            }
        }
        double[] p = new double[n];
        double worst = -1, worstAngle = 0, worstRange = 0, worstCount = 0;
        for (int k = 0; k <= DIRECTIONS; k++) {
            double cx, cy;
            if (k == 0) {
                cx = ax;
                cy = ay;
            } else {
                double th = (k - 1) * Math.PI / DIRECTIONS;
                cx = Math.cos(th);
                cy = Math.sin(th);
            }
            for (int i = 0; i < n; i++) p[i] = gx[i] * cx + gy[i] * cy;
            double d = 0, largest = 0, counted = 0;
            for (Rainflow.Indexed c : Rainflow.countPeriodic(p)) {
                double mean = 0.5 * (t[c.fromIndex()] + t[c.toIndex()]);
                double nf = law.cyclesToFailure(c.cycle().range(), mean, duty.cyclesPerDay());
                if (!(nf > 0)) throw new IllegalArgumentException("cycles to failure must be positive, got " + nf);
                d += c.cycle().count() / nf;
                largest = Math.max(largest, c.cycle().range());
                counted += c.cycle().count();
            }
            if (d > worst) {
                worst = d;
                double th = Math.atan2(cy, cx);
                if (th < 0) th += Math.PI;
                if (th >= Math.PI) th -= Math.PI;
                worstAngle = th;
                worstRange = largest;
                worstCount = counted;
            }
        }
        double db = 0;
        if (duty.offCyclesPerWeek() > 0) {
            int top = 0;
            for (int i = 1; i < n; i++) if (Math.hypot(gx[i], gy[i]) > Math.hypot(gx[top], gy[top])) top = i;
            double nf = law.cyclesToFailure(Math.hypot(gx[top], gy[top]), 0.5 * (t[top] + stressFreeK),
                    duty.offCyclesPerDay());
            if (!(nf > 0)) throw new IllegalArgumentException("cycles to failure must be positive, got " + nf);
            db = 1.0 / nf;
        }
        return new PointDamage(Math.max(0, worst), db, worstAngle, worstRange, worstCount);
    }

    /**
     * The maps of a connector ([y][x]) and the library's fatigue result built on them.
     *
     * @param workloadDamage damage per workload cycle per point (0 outside the connector)
     * @param offOnDamage    damage per off/on cycle per point
     * @param angle          critical direction per point, rad (NaN outside the connector)
     * @param largestRange   largest counted range per point
     * @param fatigue        cycles to failure (1/D), life, first failure and population, as for two states
     */
    public record Maps(double[][] workloadDamage, double[][] offOnDamage, double[][] angle, double[][] largestRange,
                       ConnectorFatigue.Result fatigue) { }

    /**
     * Evaluates every point of a connector map.
     *
     * @param histories   per point [y][x] its history, or null where there is no connector
     * @param stressFreeK T_0, K
     * @param law         cycles to failure of one cycle
     * @param duty        the duty cycle
     * @param beta        Weibull shape of the contacts' lives
     * @param contacts    contacts per point (null = 1 each)
     * @param notes       remarks to carry into the result
     */
    public static Maps evaluate(History[][] histories, double stressFreeK, StrainLife law, DutyCycle duty,
                                double beta, double[][] contacts, List<String> notes) {
        int ny = histories.length, nx = histories[0].length;
        double[][] da = new double[ny][nx], db = new double[ny][nx], ang = new double[ny][nx], rng = new double[ny][nx];
        double[][] na = new double[ny][nx], nb = new double[ny][nx];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                History h = histories[y][x];
                if (h == null) {
                    ang[y][x] = Double.NaN;
                    na[y][x] = nb[y][x] = Double.POSITIVE_INFINITY;
                    continue;
                }
                PointDamage pd = point(h, stressFreeK, law, duty);
                da[y][x] = pd.workloadDamage();
                db[y][x] = pd.offOnDamage();
                ang[y][x] = pd.angle();
                rng[y][x] = pd.largestRange();
                na[y][x] = 1.0 / pd.workloadDamage();
                nb[y][x] = 1.0 / pd.offOnDamage();
            }
        }
        ConnectorFatigue.Result r = ConnectorFatigue.ofCycles(na, duty.offCyclesPerWeek() > 0 ? nb : null, duty, beta,
                contacts, notes);
        return new Maps(da, db, ang, rng, r);
    }
}
