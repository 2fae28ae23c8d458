package org.wafersim.validation.validate;

import java.util.List;
import java.util.Locale;
import org.wafersim.validation.check.Row;

/**
 * The text table of {@code wafersim validate}: one row per compared quantity, columns check, quantity, error,
 * tolerance (with its bound, {@code <=} or {@code >=}), verdict and a note, then one line with the counts.
 */
public final class ReportTable {
    private ReportTable() { }

    public static String format(List<CheckResult> results) {
        List<Row> rows = results.stream().flatMap(r -> r.rows().stream()).toList();
        String[] head = {"check", "quantity", "error", "tolerance", "verdict", "note"};
        String[][] cells = new String[rows.size()][];
        int[] w = new int[head.length];
        for (int i = 0; i < head.length; i++) w[i] = head[i].length();
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            cells[r] = new String[]{row.check(), row.quantity(), withUnit(number(row.error()), row.unit()),
                    row.bound().symbol + " " + withUnit(number(row.tolerance()), row.unit()), row.verdict(), row.note()};
            for (int i = 0; i < head.length - 1; i++) w[i] = Math.max(w[i], cells[r][i].length());
        }
        StringBuilder sb = new StringBuilder();
        line(sb, head, w);
        for (String[] c : cells) line(sb, c, w);
        sb.append(summary(results)).append(System.lineSeparator());
        return sb.toString();
    }

    /** The final line: checks, rows, passes, failures and the wall time. */
    public static String summary(List<CheckResult> results) {
        long rows = results.stream().mapToLong(r -> r.rows().size()).sum();
        long failed = results.stream().flatMap(r -> r.rows().stream()).filter(r -> !r.pass()).count();
        long failedChecks = results.stream().filter(r -> !r.passed()).count();
        double secs = results.stream().mapToDouble(CheckResult::seconds).sum();
        return String.format(Locale.ROOT, "%s: %d checks, %d rows: %d passed, %d failed (%d checks failing); %.1f s",
                failed == 0 ? "PASS" : "FAIL", results.size(), rows, rows - failed, failed, failedChecks, secs);
    }

    private static void line(StringBuilder sb, String[] c, int[] w) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < c.length; i++) {
            boolean right = i == 2 || i == 3;
            String cell = c[i];
            if (i == c.length - 1) l.append(cell);
            else if (right) l.append(" ".repeat(w[i] - cell.length())).append(cell).append("  ");
            else l.append(cell).append(" ".repeat(w[i] - cell.length())).append("  ");
        }
        sb.append(l.toString().stripTrailing()).append(System.lineSeparator());
    }

    private static String withUnit(String n, String unit) { return unit.isEmpty() ? n : n + " " + unit; }

    /** Counts as integers, moderate values with 4 digits, the rest in scientific notation. */
    static String number(double v) {
        if (Double.isNaN(v)) return "-";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == Math.rint(v) && Math.abs(v) < 1e6) return String.format(Locale.ROOT, "%d", (long) v);
        double a = Math.abs(v);
        if (a >= 1e-2 && a < 1e4) return String.format(Locale.ROOT, "%.4g", v);
        return String.format(Locale.ROOT, "%.2e", v);
    }
}
