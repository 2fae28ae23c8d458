package org.wafersim.validation.check;

/** How a row's error is judged against its tolerance. */
public enum Bound {
    /** The error must not exceed the tolerance (absolute or relative errors, counts of violations). */
    AT_MOST("<="),
    /** The value must reach the tolerance (observed convergence orders and rates, where larger is better). */
    AT_LEAST(">=");

    public final String symbol;

    Bound(String symbol) { this.symbol = symbol; }

    /** True when {@code error} satisfies the bound; NaN never does. */
    public boolean holds(double error, double tolerance) {
        return this == AT_MOST ? error <= tolerance : error >= tolerance;
    }
}
