package org.wafersim.validation.validate;

import java.util.List;
import org.wafersim.validation.regression.ReferenceUpdate.Change;

/** The text report of {@code --update-references}: per case and field, what changed against the old reference. */
final class UpdateReport {
    private UpdateReport() { }

    static String format(List<Change> changes) {
        int wc = "case".length(), wf = "field".length();
        for (Change c : changes) {
            wc = Math.max(wc, c.caseName().length());
            wf = Math.max(wf, c.field().length());
        }
        StringBuilder sb = new StringBuilder();
        String fmt = "%-" + wc + "s  %-" + wf + "s  %-13s  %s%n";
        sb.append(String.format(fmt, "case", "field", "status", "difference from the old reference"));
        for (Change c : changes) {
            String diff = switch (c.status()) {
                case "changed" -> "max abs " + ReportTable.number(c.maxAbs()) + (c.units().isEmpty() ? "" : " " + c.units())
                        + ", rel L2 " + ReportTable.number(c.relL2());
                case "unchanged" -> "bitwise equal";
                default -> "-";
            };
            sb.append(String.format(fmt, c.caseName(), c.field(), c.status(), diff));
        }
        return sb.toString();
    }
}
