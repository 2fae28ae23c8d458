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
 *       rejections at most once. When that first step's error was round-off (below 1e-6 tol: a run that starts from
 *       a steady state into a ramp), the step after it, 100x longer (below), is the experience instead: the cycle's
 *       first ramp end is then capped too (its try at the classical step, 3.1 s, was rejected at 0.33 K).</li>
 *   <li><b>Growth:</b> at most 5x per step, except on the first step after a start or breakpoint, whose growth may
 *       reach 100x (as CVODE lets its first step grow far more than later ones: Hindmarsh et al., ACM TOMS 31,
 *       2005). A run starts at the user's {@code dt_initial}, and from a steady state the error of the first steps is
 *       round-off (1e-15 K against a tolerance of 0.05 K): at 5x the run spent three steps (1, 5 and 25 ms) before the
 *       estimate meant anything. The cap binds only when the error is below ~1e-6 of the tolerance.</li>
 * </ul>
 * One instance per run: its memory is the run's history, which keeps runs deterministic and independent.
 */
final class StepControl {
    private static final double SAFETY = 0.9, MAX_GROWTH = 5, MIN_SHRINK = 0.2, MIN_RETRY_SHRINK = 0.1;
    /** Largest growth after the first step from a start or breakpoint (see the class comment). */
    static final double RESTART_GROWTH = 100;
    /** Error order assumed after a breakpoint until two tries have measured it (diffusive response: h^1.5). */
    static final double KINK_ORDER = 1.5;
    /** Fraction of the tolerance a retry, or the first step after a breakpoint, aims at. */
    static final double TARGET = 0.5;

    private final double tol;
    /** The last rejected try at the current time (NaN: none). */
    private double triedH = Double.NaN, triedErr = Double.NaN, triedOrder = Double.NaN;
    /** The first accepted step after the last breakpoint (NaN: none yet) and the error order seen there. */
    private double kinkH = Double.NaN, kinkErr = Double.NaN, kinkOrder = KINK_ORDER;
    /** The first step after the last breakpoint had a round-off error: the next accepted step sets the record. */
    private boolean kinkPending;
    /** Share of the tolerance below which an error estimate is round-off and says nothing of the error's law. */
    static final double ROUND_OFF = 1e-6;

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
            kinkPending = err < ROUND_OFF * tol;
        } else if (kinkPending) {
            // the first step's estimate was round-off; this one, up to 100x longer, measures the response to the
            // breakpoint (from h_1 after it, a 1 % shift at most)
            kinkH = h;
            kinkErr = err;
            kinkOrder = KINK_ORDER;
            kinkPending = false;
        }
        triedH = triedErr = triedOrder = Double.NaN;
        double cap = afterBreakpoint ? RESTART_GROWTH : MAX_GROWTH;
        return h * Math.min(cap, Math.max(MIN_SHRINK, SAFETY * Math.cbrt(tol / Math.max(err, 1e-300))));
    }
}
