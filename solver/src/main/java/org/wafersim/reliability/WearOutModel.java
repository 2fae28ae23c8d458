package org.wafersim.reliability;

import java.util.ArrayList;
import java.util.List;
import org.wafersim.geometry.CoreArray;
import org.wafersim.linalg.Parallel;

/**
 * Core wear-out as in RAMP (Srinivasan et al., ISCA 2004): every enabled {@link Mechanism} gives each core an MTTF
 * from its temperature (and swing, and current density); the estimator keeps them per mechanism so that both
 * combinations are available from the resulting {@link CoreLifetimes}:
 * <ul>
 * <li>RAMP's sum of failure rates, λ_core = Σ_m 1/MTTF_m, MTTF_core = 1/λ_core (constant rates, as RAMP assumes);</li>
 * <li>the lifetime distributions, R_core(t) = Π_m R_m(t), with R_m Weibull or lognormal of mean MTTF_m
 *     (reference-data C.3) — what the redundancy model uses, because the exponential assumption badly overstates
 *     early failures of wear-out mechanisms.</li>
 * </ul>
 */
public final class WearOutModel {
    private final WearOutParameters params;

    public WearOutModel(WearOutParameters params) {
        this.params = java.util.Objects.requireNonNull(params, "params");
    }

    public WearOutParameters parameters() { return params; }

    /**
     * Evaluates every core of {@code cores} under {@code conditions} (temperatures in K) and {@code duty}. A mechanism
     * that needs temperature swings is left out, with a note, when the conditions have none.
     */
    public CoreLifetimes evaluate(CoreArray cores, CoreConditions conditions, DutyCycle duty) {
        try (Parallel par = Parallel.serial()) {
            return evaluate(cores, conditions, duty, par);
        }
    }

    /** As {@link #evaluate(CoreArray, CoreConditions, DutyCycle)}, with the per-core work in parallel on {@code par}. */
    public CoreLifetimes evaluate(CoreArray cores, CoreConditions conditions, DutyCycle duty, Parallel par) {
        if (conditions.coreCount() != cores.coreCount()) {
            throw new IllegalArgumentException("conditions for " + conditions.coreCount() + " cores, the core array has "
                    + cores.coreCount());
        }
        List<Mechanism> used = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean swings = conditions.workloadSwingK() != null || conditions.offOnSwingK() != null;
        for (Mechanism m : params.enabled()) {
            if (m.needsSwing() && !swings) {
                notes.add("wear-out: " + m.key() + " left out: no core temperature swings were given");
                continue;
            }
            used.add(m);
        }
        int n = cores.coreCount();
        double[][] mttf = new double[used.size()][n];
        par.forBlocks(n, (lo, hi) -> {
            for (int k = 0; k < used.size(); k++) {
                Mechanism m = used.get(k);
                double[] row = mttf[k];
                for (int c = lo; c < hi; c++) {
                    row[c] = m.mttf(conditions.temperature(c), conditions.workloadSwing(c), conditions.offOnSwing(c),
                            conditions.currentDensity(c), duty);
                }
            }
        });
        return new CoreLifetimes(cores, used, mttf, notes, par);
    }
}
