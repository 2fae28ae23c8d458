package org.wafersim.thermal;

/** The fixed (temperature-independent) heat source over time, for transient solves. */
public interface PowerSchedule {
    /**
     * Fills {@code q} with the source density (W/m^3, one per grid cell) at time t (s) and returns its total (W).
     * At a breakpoint the value is the one just after it (right limit). A caller passes either a new array or the
     * array of its previous call, unchanged since: a schedule may leave q as it is when the source it would write
     * is the one it wrote into that array last.
     */
    double sourceAt(double t, double[] q);

    /**
     * As {@link #sourceAt} but the value just before t (left limit): for a step that ends on a jump. The default
     * reads the source one ulp before t, which is the left limit of any schedule whose pieces switch at their
     * breakpoints; returning the right limit instead would put the jump into the step before it, whose error
     * estimate then rejects every try to land on the breakpoint.
     */
    default double sourceBefore(double t, double[] q) { return sourceAt(Math.nextDown(t), q); }

    /** Increasing times (s) where the source jumps or its slope changes; the integrator lands on each. */
    double[] breakpoints();

    /** A constant source (the problem's own q). */
    static PowerSchedule constant(double[] q, double total) {
        return new PowerSchedule() {
            public double sourceAt(double t, double[] out) {
                System.arraycopy(q, 0, out, 0, q.length);
                return total;
            }
            public double[] breakpoints() { return new double[0]; }
        };
    }
}
