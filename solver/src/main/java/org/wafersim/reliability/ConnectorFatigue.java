package org.wafersim.reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * Connector fatigue over the connector's map of points ({@code [y][x]}): per point the median cycles to failure of
 * the workload cycle and of the off/on cycle by the connector's {@link FatigueModel} (its technology; the loads are
 * strain ranges in that model's own measure, {@link FatigueModel#contactStrain}), the life in seconds for the {@link DutyCycle} by
 * {@link Miner}'s rule,
 * <pre>
 *   L = 1 / (f_A/N_A + f_B/N_B)       (f in cycles per second),
 * </pre>
 * the first-failure location (the point of shortest life) and the {@link ConnectorPopulation} R(t) of the whole
 * connector (DESIGN §4, issue 6 item 1). Inputs are plain maps so that the estimator does not depend on the
 * mechanics solver: the shear strain range between the two operating states of each cycle and the mean joint
 * temperature.
 */
public final class ConnectorFatigue {
    private ConnectorFatigue() { }

    /**
     * The point that fails first.
     *
     * @param x              column index in the map
     * @param y              row index in the map
     * @param lifeSeconds    its median life, s
     * @param workloadCycles its median workload cycles to failure
     */
    public record FirstFailure(int x, int y, double lifeSeconds, double workloadCycles) { }

    /**
     * The result maps ({@code [y][x]}).
     *
     * @param workloadCycles median cycles to failure under the workload cycle alone
     * @param offOnCycles    median cycles to failure under the off/on cycle alone (null when there is none)
     * @param lifeSeconds    median life per point for the duty cycle, s
     * @param firstFailure   the point of shortest life
     * @param population     the Weibull population of the points: R(t) of the connector
     * @param notes          remarks for the run summary (clamped frequencies)
     */
    public record Result(double[][] workloadCycles, double[][] offOnCycles, double[][] lifeSeconds,
                         FirstFailure firstFailure, ConnectorPopulation population, List<String> notes) {
        /** Life of the first point to fail, in years. */
        public double firstFailureYears() { return Durations.years(firstFailure.lifeSeconds()); }
    }

    /**
     * Evaluates the connector.
     *
     * @param workload the workload cycle's load (cycle A of D.6)
     * @param offOn    the off/on cycle's load (cycle B), or null; required when the duty cycle has off/on cycles
     * @param duty     the duty cycle
     * @param params   the connector's fatigue constants
     * @param contacts contacts per map point (null = 1 each), see {@link ConnectorPopulation}
     */
    public static Result evaluate(ConnectorLoad workload, ConnectorLoad offOn, DutyCycle duty,
                                  ConnectorParameters params, double[][] contacts) {
        boolean withB = duty.offCyclesPerWeek() > 0;
        if (withB && offOn == null) {
            throw new IllegalArgumentException("the duty cycle has " + duty.offCyclesPerWeek()
                    + " off/on cycles per week but no off/on load was given");
        }
        int ny = workload.ny(), nx = workload.nx();
        if (offOn != null && (offOn.ny() != ny || offOn.nx() != nx)) {
            throw new IllegalArgumentException("workload and off/on maps differ in shape");
        }
        if (contacts != null && (contacts.length != ny || contacts[0].length != nx)) {
            throw new IllegalArgumentException("contact-count map differs in shape from the load maps");
        }
        FatigueModel model = params.model();
        List<String> notes = new ArrayList<>(model.notes("workload", duty.cyclesPerDay()));
        if (withB) notes.addAll(model.notes("off/on", duty.offCyclesPerDay()));

        double[][] na = new double[ny][nx];
        double[][] nb = withB ? new double[ny][nx] : null;
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                na[y][x] = model.cyclesToFailure(workload.shearStrainRange()[y][x], workload.meanTemperatureK()[y][x],
                        duty.cyclesPerDay());
                if (withB) {
                    nb[y][x] = model.cyclesToFailure(offOn.shearStrainRange()[y][x], offOn.meanTemperatureK()[y][x],
                            duty.offCyclesPerDay());
                }
            }
        }
        return ofCycles(na, nb, duty, params.weibullShape(), contacts, notes);
    }

    /**
     * The result from per-point cycles to failure already evaluated (by {@link #evaluate} from two-state loads, or
     * as 1/damage of a rainflow-counted history, {@link ConnectorRainflow}): the life per point by Miner's rule over
     * the duty cycle, the first failure and the population.
     *
     * @param workload cycles to failure of the workload cycle per point [y][x] (∞ where nothing cycles)
     * @param offOn    of the off/on cycle, or null when the duty cycle has none
     * @param beta     Weibull shape of the contacts' lives
     * @param contacts contacts per point, or null (1 each)
     * @param notes    remarks to carry
     */
    public static Result ofCycles(double[][] workload, double[][] offOn, DutyCycle duty, double beta,
                                  double[][] contacts, List<String> notes) {
        boolean withB = duty.offCyclesPerWeek() > 0;
        if (withB && offOn == null) throw new IllegalArgumentException("the duty cycle has off/on cycles but no"
                + " off/on cycles to failure were given");
        int ny = workload.length, nx = workload[0].length;
        double[][] life = new double[ny][nx];
        int bx = -1, by = -1;
        double best = Double.POSITIVE_INFINITY;
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                life[y][x] = duty.lifeSeconds(workload[y][x], withB ? offOn[y][x] : Double.POSITIVE_INFINITY);
                if (life[y][x] < best || bx < 0) {
                    best = life[y][x];
                    bx = x;
                    by = y;
                }
            }
        }
        ConnectorPopulation pop = ConnectorPopulation.of(life, contacts, beta);
        return new Result(workload, withB ? offOn : null, life, new FirstFailure(bx, by, best, workload[by][bx]), pop,
                List.copyOf(notes));
    }
}
