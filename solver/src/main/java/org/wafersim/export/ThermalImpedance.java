package org.wafersim.export;

import static org.wafersim.io.ResultSchema.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.cases.TransientSpec;
import org.wafersim.errors.InputException;
import org.wafersim.io.ResultReader;

/**
 * The junction-to-coolant thermal impedance of a step response (JEDEC JESD51-1 "static" method, applied to a
 * simulated heating step):
 * <pre>  Z_th(t) = (T_j(t_step + t) - T_j(t_step)) / dP</pre>
 * with T_j a junction probe (by default {@code hottest_core}, the hottest core at each step; {@code wafer_mean} gives
 * the mean junction), t_step the time of the step and dP the step of the dissipated power from the steady state
 * before the step to the end of the run. The coolant inlet temperature is fixed in the model, so Z_th(inf) is the
 * junction-to-coolant resistance. With leakage the dissipated power drifts while the wafer warms (the run's total
 * power at each step, {@code /transient/power}); Z_th then includes that feedback, and {@link Curve#leakageDrift()}
 * says by how much the power moved after the step (set {@code power.leakage.share_at_ref: 0} for the bare network).
 */
public final class ThermalImpedance {
    /**
     * Z_th samples at the run's accepted steps after the step (t from 0), and what they rest on.
     *
     * @param t             time since the step (s)
     * @param z             Z_th (K/W)
     * @param probe         the junction probe
     * @param tj0           T_j just before the step (degC)
     * @param powerBefore   dissipated power in the steady state before the step (W)
     * @param powerAfter    dissipated power at the end of the run (W)
     * @param leakageDrift  (P(end) - P(first step after the step)) / dP: the part of dP that came from leakage feedback
     * @param settled       1 - (the rise of Z in the last 10 % of the run) / Z(end); > 0.999 means the run was long
     *                      enough for Z_th(end) to stand for Z_th(inf) (one exponential: 7 time constants)
     * @param stepAt        time of the step in the run (s)
     */
    public record Curve(double[] t, double[] z, String probe, double tj0, double powerBefore, double powerAfter,
                        double leakageDrift, double settled, double stepAt) {
        public double deltaP() { return powerAfter - powerBefore; }
    }

    private ThermalImpedance() { }

    /** Reads the step response of a result file and forms Z_th. */
    public static Curve of(ResultReader r, String file, String probe) {
        var names = new java.util.HashSet<String>();
        for (var d : r.datasets()) names.add(d.path());
        if (!names.contains(TRANSIENT_TIME.path()))
            throw new InputException(file, TRANSIENT.path(), "no transient in this result; Zth needs a step response "
                    + "(analysis.thermal: transient, transient.profile: step, transient.initial: steady)");
        String probePath = TRANSIENT_PROBE.path(probe);
        if (!names.contains(probePath)) {
            List<String> have = new ArrayList<>();
            for (String n : names) if (n.startsWith(TRANSIENT_PROBES.prefix())) have.add(n.substring(TRANSIENT_PROBES.prefix().length()));
            throw new InputException("--probe", null, "no probe '" + probe + "' in " + file + "; probes: "
                    + String.join(", ", have));
        }
        TransientSpec ts = storedTransient(r, file);
        if (!(ts.profile() instanceof TransientSpec.StepProfile step))
            throw new InputException(file, "transient.profile", "is " + ts.profile().kind().key
                    + "; Zth needs a single power step (transient.profile: step)");
        if (ts.initial() != TransientSpec.InitialState.STEADY)
            throw new InputException(file, "transient.initial", "is " + ts.initial().key + "; Zth needs the step to "
                    + "start from the steady state (transient.initial: steady)");
        if (!(step.to() > step.from()))
            throw new InputException(file, "transient.step", "the power does not rise (from "
                    + step.from() + " W to " + step.to() + " W); Zth needs a heating step");
        double[] time = r.read(TRANSIENT_TIME.path()).flat();
        double[] tj = r.read(probePath).flat();
        double[] p = r.read(TRANSIENT_POWER.path()).flat();
        Object total = r.attributes(THERMAL_HEAT_PATHS.path()).get("total_W");
        if (!(total instanceof Double pBefore))
            throw new InputException(file, THERMAL_HEAT_PATHS.path(), "has no total_W attribute (the steady power before the step)");
        return fromSeries(time, tj, p, step.at(), pBefore, probe, file);
    }

    /**
     * Z_th from a run's series: the step at {@code stepAt}, T_j(t_step) the probe at the last sample at or before
     * it, dP = P(end) - {@code powerBefore}.
     *
     * @param time  sample times (s), increasing
     * @param tj    junction probe at those times (degC or K: only differences are used)
     * @param power dissipated power at the end of each step (W; the first entry is not used)
     */
    public static Curve fromSeries(double[] time, double[] tj, double[] power, double stepAt, double powerBefore,
                                   String probe, String file) {
        int k0 = 0;
        while (k0 + 1 < time.length && time[k0 + 1] <= stepAt) k0++;
        if (time.length - k0 < 4)
            throw new InputException(file, TRANSIENT_TIME.path(), "fewer than 3 steps after the power step; nothing to fit");
        double tj0 = tj[k0];
        double pAfter = power[power.length - 1];
        double dP = pAfter - powerBefore;
        if (!(dP > 0))
            throw new InputException(file, TRANSIENT_POWER.path(), "the dissipated power did not rise ("
                    + powerBefore + " W before, " + pAfter + " W at the end)");
        int n = time.length - k0;
        double[] t = new double[n], z = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = time[k0 + i] - time[k0];
            z[i] = (tj[k0 + i] - tj0) / dP;
        }
        double drift = (pAfter - power[k0 + 1]) / dP;
        double zEnd = z[n - 1];
        double tLate = 0.9 * t[n - 1];   // the last tenth of the run
        double zLate = z[n - 1];
        for (int i = 0; i < n; i++) if (t[i] >= tLate) { zLate = z[i]; break; }
        double settled = zEnd > 0 ? 1 - (zEnd - zLate) / zEnd : 0;
        return new Curve(t, z, probe, tj0, powerBefore, pAfter, drift, settled, time[k0]);
    }

    private static TransientSpec storedTransient(ResultReader r, String file) {
        Object text = r.attributes("/").get("case");
        if (!(text instanceof String caseText))
            throw new InputException(file, "/", "has no stored case (root attribute 'case'); cannot find the power step");
        CaseSpec spec;
        try {
            spec = CaseLoader.parse(caseText, "yaml", file + " (stored case)", List.of());
        } catch (InputException e) {
            throw new InputException(file, "/", "the stored case no longer reads (" + e.getMessage()
                    + "); cannot find the power step");
        }
        if (spec.analysis().thermal() != CaseSpec.ThermalAnalysis.TRANSIENT)
            throw new InputException(file, "analysis.thermal", "is " + spec.analysis().thermal().key
                    + "; Zth needs a step response (analysis.thermal: transient, transient.profile: step)");
        return spec.transientSpec();
    }

    /** A one-line description for the log. */
    public static String describe(Curve c) {
        return String.format(Locale.ROOT, "Zth of probe %s: step %.6g W -> %.6g W (dP %.6g W) at t = %.6g s, "
                        + "Tj %.4g degC before; Zth(end) %.6g K/W after %.6g s; leakage feedback %.2f %% of dP%s",
                c.probe(), c.powerBefore(), c.powerAfter(), c.deltaP(), c.stepAt(), c.tj0(), c.z()[c.z().length - 1],
                c.t()[c.t().length - 1], 100 * c.leakageDrift(),
                c.settled() < 0.999 ? String.format(Locale.ROOT, "; NOT settled: Z still rose %.2f %% in the last "
                        + "10 %% of the run (run longer for Zth(inf))", 100 * (1 - c.settled())) : "");
    }
}
