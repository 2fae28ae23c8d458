package org.wafersim.validation.regression;

import java.util.ArrayList;
import java.util.List;
import org.wafersim.validation.check.Check;
import org.wafersim.validation.check.Context;
import org.wafersim.validation.check.Row;

/**
 * A regression case as a check: runs the case and compares every field of its tolerance file with the stored
 * reference, two rows per field (max abs and relative L2 difference). A field whose NaN positions or shape differ
 * from the reference fails both rows; a field missing from the run's result fails.
 */
public final class RegressionCheck implements Check {
    private final RegressionCase rc;
    private StoredFields reference;

    public RegressionCheck(RegressionCase rc) { this.rc = rc; }

    public RegressionCase regressionCase() { return rc; }

    @Override public String name() { return rc.name(); }

    @Override public String description() {
        return "regression case: " + rc.requirement() + " (" + rc.tolerances().size() + " fields)";
    }

    /** Loads the reference (bad input stops validate before any check runs). */
    @Override public void prepare() { reference = rc.loadReference(); }

    @Override public List<Row> run(Context ctx) {
        if (reference == null) prepare();
        StoredFields actual = CaseExecution.run(rc.spec(), ctx.threads(), m -> { });
        List<Row> rows = new ArrayList<>();
        for (FieldTolerance t : rc.tolerances()) rows.addAll(compare(t, actual.values(t.field()), reference.values(t.field())));
        return rows;
    }

    List<Row> compare(FieldTolerance t, FieldValues actual, FieldValues ref) {
        String f = t.field().toString();
        if (actual == null) {
            String why = "missing from the run's result";
            return List.of(Row.failed(name(), f + " max abs", why), Row.failed(name(), f + " rel L2", why));
        }
        FieldComparison c = FieldComparison.of(actual, ref);
        if (!c.comparable())
            return List.of(Row.failed(name(), f + " max abs", c.problem()), Row.failed(name(), f + " rel L2", c.problem()));
        Row max = Row.atMost(name(), f + " max abs", c.maxAbs(), t.maxAbs(), ref.units(), "");
        Row rel = Row.atMost(name(), f + " rel L2", c.relL2(), t.relL2(), "rel", "");
        if (c.nanMismatch() > 0) {
            String why = "NaN positions differ at " + c.nanMismatch() + " entries";
            max = max.failing(why);
            rel = rel.failing(why);
        }
        return List.of(max, rel);
    }
}
