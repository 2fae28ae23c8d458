package org.wafersim.thermal;

/**
 * Step-size control for {@link TransientSolver} from the local error estimate err of a step h against the
 * tolerance tol (Hairer &amp; Wanner, Solving ODEs II, 1996, section IV.8).
 *
 * <ul>
 *   <li><b>Accepted step:</b> next h = h min(5, max(0.2, 0.9 (tol/err)^(1/3))), the classical rule for an error
 *       of order h^3.</li>
 *   <li><b>Rejected step:</b> the retry aims at half the tolerance with the order p the error actually showed: two
 *       tries at the same time t measure it, p = ln(err1/err2) / ln(h1/h2), h = h2 (tol/(2 err2))^(1/p). This matters
 *       just after a breakpoint of the power schedule (a jump of the power or of its slope): the package's response
 *       there holds the sqrt(t) and t^(3/2) terms of diffusion into the layers, so the error grows like h^1.5, not
 *       h^3, and the classical rule shrinks the step too little and is rejected four or five times in a row. The
 *       first retry after a breakpoint assumes p = 1.5; elsewhere it keeps the classical rule.</li>
 *   <li><b>After a breakpoint:</b> the first step after the next breakpoint is capped by what the first step after
 *       the last one showed, h1 (tol/(2 err1))^(1/p), so a run with repeated power changes (cycles, traces) pays the
 *       rejections at most once.</li>
 * </ul>
 * One instance per run: its memory is the run's history, which keeps runs deterministic and independent.
 */
final class StepControl {
    private static final double SAFETY = 0.9, MAX_GROWTH = 5, MIN_SHRINK = 0.2, MIN_RETRY_SHRINK = 0.1;
    /** Error order assumed after a breakpoint until two tries have measured it (diffusive response: h^1.5). */
    static final double KINK_ORDER = 1.5;
    /** Fraction of the tolerance a retry, or the first step after a breakpoint, aims at. */
    static final double TARGET = 0.5;

    private final double tol;
    /** The last rejected try at the current time (NaN: none). */
    private double triedH = Double.NaN, triedErr = Double.NaN, triedOrder = Double.NaN;
    /** The first accepted step after the last breakpoint (NaN: none yet) and the error order seen there. */
    private double kinkH = Double.NaN, kinkErr = Double.NaN, kinkOrder = KINK_ORDER;

    StepControl(double tolerance) { this.tol = tolerance; }

    /** The step to try first after a breakpoint: {@code proposed}, capped by the last breakpoint's experience. */
    double firstAfterBreakpoint(double proposed) {
        if (Double.isNaN(kinkH) || !(kinkErr > 0)) return proposed;
        return Math.min(proposed, kinkH * Math.pow(TARGET * tol / kinkErr, 1 / kinkOrder));
    }

    /** Records a rejected try and returns the step to try next from the same time. */
    double rejected(double h, double err, boolean afterBreakpoint) {
        double p;
        if (!Double.isNaN(triedH) && triedH > h && triedErr > err)
            p = Math.min(3, Math.max(0.5, Math.log(triedErr / err) / Math.log(triedH / h)));
        else if (afterBreakpoint) p = KINK_ORDER;
        else p = Double.NaN;
        triedH = h;
        triedErr = err;
        triedOrder = p;
        double f = Double.isNaN(p) ? Math.max(MIN_SHRINK, SAFETY * Math.cbrt(tol / err))
                : Math.max(MIN_RETRY_SHRINK, Math.pow(TARGET * tol / err, 1 / p));
        return h * Math.min(f, 0.9);
    }

    /** Records an accepted step and returns the step proposed for the next one. */
    double accepted(double h, double err, boolean afterBreakpoint) {
        if (afterBreakpoint) {
            kinkH = h;
            kinkErr = err;
            kinkOrder = Double.isNaN(triedOrder) ? KINK_ORDER : triedOrder;
        }
        triedH = triedErr = triedOrder = Double.NaN;
        return h * Math.min(MAX_GROWTH, Math.max(MIN_SHRINK, SAFETY * Math.cbrt(tol / Math.max(err, 1e-300))));
    }
}
