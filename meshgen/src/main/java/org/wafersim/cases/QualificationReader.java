package org.wafersim.cases;

import org.wafersim.cases.CaseReader.Q;
import org.wafersim.cases.CaseReader.Section;
import org.wafersim.units.Dimension;

/**
 * Reads {@code reliability.qualification} into a {@link QualificationSpec}: the test's temperatures, dwell and
 * frequency, and its result as median cycles to failure or as a Weibull characteristic life and slope (exactly one of
 * the two). Refused: high not above low, a dwell that with the other extreme's dwell does not fit in the period,
 * counts and slopes that are not positive.
 */
final class QualificationReader {
    private final CaseReader r;

    QualificationReader(CaseReader r) { this.r = r; }

    /** The block, or null when the case has none. */
    QualificationSpec read(Section s) {
        if (s == null) return null;
        Q low = s.quantity("low");
        Q high = s.quantity("high");
        r.check(high.v() > low.v(), high, "high must be above low (" + low.text() + ")");
        Q perDay = s.number("per_day");
        Q dwell = s.quantity("dwell");
        double period = 86400.0 / perDay.v();
        // a cycle holds a dwell at each extreme and two transitions
        r.check(2 * dwell.v() < period, dwell, "the two dwells of a cycle (at high and at low) take "
                + CaseReader.num(2 * dwell.v() / 60) + " min, not less than the period of "
                + CaseReader.num(period / 60) + " min at " + perDay.text() + " cycles per day");
        boolean median = s.has("cycles_to_failure"), weibull = s.has("characteristic_life");
        if (median == weibull) {
            throw r.error(s.sub(median ? "characteristic_life" : "cycles_to_failure"), "give the test's result as"
                    + " either cycles_to_failure (median N50) or characteristic_life with weibull_slope, "
                    + (median ? "not both" : "one of them is required"));
        }
        double n50 = Double.NaN, eta = Double.NaN, beta = Double.NaN;
        if (median) {
            Q n = s.number("cycles_to_failure");
            n50 = n.v();
            if (s.has("weibull_slope")) {
                throw r.error(s.sub("weibull_slope"), "weibull_slope applies only with characteristic_life");
            }
            s.raw("weibull_slope");
        } else {
            Q e = s.number("characteristic_life");
            Q b = s.number("weibull_slope");
            eta = e.v();
            beta = b.v();
        }
        s.done();
        return new QualificationSpec(low.v(), high.v(), dwell.v(), perDay.v(), n50, eta, beta);
    }
}
