package org.wafersim.validation.validate;

import java.util.List;
import org.wafersim.validation.check.Row;

/** The rows one check produced and how long it took (s). */
public record CheckResult(String name, List<Row> rows, double seconds) {
    public boolean passed() { return rows.stream().allMatch(Row::pass); }
}
