package org.wafersim.validation.regression;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.errors.InputException;

/**
 * One folder under {@code validation/cases/}: {@code case.yaml} (an ordinary case file; input files it names sit
 * beside it), {@code tolerances.yaml} (the fields to compare and their tolerances, {@link ToleranceFile}) and
 * {@code reference.h5} (the stored result, a subset of a wafersim result file written by
 * {@code validate --update-references}). The case and the tolerances are read when the case is loaded, so that bad
 * input stops {@code validate} before anything runs.
 */
public record RegressionCase(String name, Path dir, CaseSpec spec, String requirement,
                             List<FieldTolerance> tolerances) {
    public static final String CASE_FILE = "case.yaml", TOLERANCES = "tolerances.yaml", REFERENCE = "reference.h5";

    public static RegressionCase load(Path dir) {
        Path caseFile = dir.resolve(CASE_FILE);
        if (!Files.isRegularFile(caseFile))
            throw new InputException(caseFile.toString(), null, "missing: every folder under the cases folder is a "
                    + "regression case with " + CASE_FILE + ", " + TOLERANCES + " and " + REFERENCE);
        CaseSpec spec = CaseLoader.load(caseFile, List.of());
        ToleranceFile.Tolerances t = ToleranceFile.read(dir.resolve(TOLERANCES));
        return new RegressionCase(dir.getFileName().toString(), dir, spec, t.requirement(), t.fields());
    }

    public Path reference() { return dir.resolve(REFERENCE); }

    public Path tolerancesFile() { return dir.resolve(TOLERANCES); }

    public List<FieldPath> fields() { return tolerances.stream().map(FieldTolerance::field).toList(); }

    /**
     * The stored reference, with every field of the tolerance file present.
     *
     * @throws InputException naming the reference file if it is missing, unreadable or lacks a field
     */
    public StoredFields loadReference() {
        Path ref = reference();
        if (!Files.exists(ref))
            throw new InputException(ref.toString(), null, "missing reference result; create it with "
                    + "'wafersim validate --update-references --only " + name + "'");
        StoredFields s = StoredFields.read(ref);
        for (FieldTolerance t : tolerances)
            if (!s.has(t.field()))
                throw new InputException(ref.toString(), t.field().toString(), "not in the reference, but listed in "
                        + tolerancesFile() + "; rewrite it with 'wafersim validate --update-references --only " + name + "'");
        return s;
    }
}
