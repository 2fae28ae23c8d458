package org.wafersim.validation.regression;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.wafersim.errors.InputException;
import org.wafersim.validation.check.Context;

/**
 * {@code validate --update-references} for one case: runs it, keeps the fields of its tolerance file (with the
 * result's root attributes: version, case name, date, resolved case text), reports per field how the new values
 * differ from the old reference, and replaces {@code reference.h5} atomically.
 */
public final class ReferenceUpdate {
    /**
     * What changed in one field.
     *
     * @param status "new" (no old value), "unchanged" (bitwise equal), "changed", "shape changed", or "dropped"
     *               (a dataset of the old reference that the tolerance file no longer lists)
     * @param maxAbs max abs difference from the old reference (NaN if not comparable)
     * @param relL2  relative L2 difference from the old reference (NaN if not comparable)
     * @param units  the field's units
     */
    public record Change(String caseName, String field, String status, double maxAbs, double relL2, String units) { }

    /** The changes per field, and whether reference.h5 was rewritten. */
    public record Outcome(List<Change> changes, boolean written) { }

    private ReferenceUpdate() { }

    /**
     * Reruns the case and rewrites its reference, unless every field is bitwise equal to the stored one and the
     * stored file holds exactly the listed datasets: then the file is left alone (no churn in version control from
     * a new creation date alone).
     */
    public static Outcome apply(RegressionCase rc, Context ctx) {
        StoredFields old = oldReference(rc);
        StoredFields run = CaseExecution.run(rc.spec(), ctx.threads(), m -> { });
        for (FieldTolerance t : rc.tolerances())
            if (!run.has(t.field()))
                throw new InputException(rc.tolerancesFile().toString(), "fields." + t.field(),
                        "the run's result has no such field, so it cannot be stored as a reference");
        StoredFields next = run.subset(rc.fields());
        // the absolute path of a temporary copy would make every reference differ; the case is in the folder
        next.groupAttributes("/").remove("case_source");
        next.putGroupAttribute("/", "reference_of", "validation case " + rc.name()
                + ", written by wafersim validate --update-references");
        List<Change> changes = new ArrayList<>();
        for (FieldTolerance t : rc.tolerances()) changes.add(change(rc.name(), t.field(), next, old));
        if (old != null)
            for (String d : old.datasets().keySet())
                if (!next.datasets().containsKey(d))
                    changes.add(new Change(rc.name(), d, "dropped", Double.NaN, Double.NaN, old.datasets().get(d).units()));
        boolean same = old != null && old.datasets().keySet().equals(next.datasets().keySet())
                && changes.stream().allMatch(c -> c.status().equals("unchanged"));   // nothing dropped either
        if (same) return new Outcome(changes, false);
        try {
            next.write(rc.reference(), true);
        } catch (IOException e) {
            throw new InputException(rc.reference().toString(), null, "cannot write the reference: " + e.getMessage());
        }
        return new Outcome(changes, true);
    }

    /** The old reference, or null if there is none; an unreadable old reference is replaced, not an error. */
    private static StoredFields oldReference(RegressionCase rc) {
        if (!Files.exists(rc.reference())) return null;
        try {
            return StoredFields.read(rc.reference());
        } catch (InputException e) {
            return null;
        }
    }

    static Change change(String name, FieldPath f, StoredFields next, StoredFields old) {
        FieldValues now = next.values(f);
        FieldValues before = old == null || !old.has(f) ? null : old.values(f);
        if (before == null) return new Change(name, f.toString(), "new", Double.NaN, Double.NaN, now.units());
        FieldComparison c = FieldComparison.of(now, before);
        if (!c.comparable()) return new Change(name, f.toString(), "shape changed", Double.NaN, Double.NaN, now.units());
        boolean same = c.maxAbs() == 0 && c.nanMismatch() == 0;
        return new Change(name, f.toString(), same ? "unchanged" : "changed", c.maxAbs(), c.relL2(), now.units());
    }
}
