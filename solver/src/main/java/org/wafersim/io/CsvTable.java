package org.wafersim.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A table written as CSV (RFC 4180: comma-separated, fields with a comma, quote or line break quoted, quotes
 * doubled, CRLF-free "\n" line ends that every CSV reader accepts): optional comment lines starting with {@code #}
 * (pandas {@code comment="#"}, numpy {@code comments="#"}), one header line whose names carry their units
 * ({@code time_s}, {@code temperature_degC}), then the rows. Numbers are written with Java's shortest round-trip
 * form, so a reader gets the same doubles back. Written atomically and never over an existing file without force.
 */
public final class CsvTable {
    private final List<String> comments = new ArrayList<>();
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public CsvTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    public CsvTable comment(String line) {
        comments.add(line.replace('\n', ' '));
        return this;
    }

    /** A comment line before all others (e.g. what the table is and where it comes from). */
    public CsvTable firstComment(String line) {
        comments.add(0, line.replace('\n', ' '));
        return this;
    }

    /** A row of cells: Number (NaN as "nan", infinities as "inf"/"-inf", which pandas and numpy read), String or null (empty). */
    public CsvTable row(List<?> cells) {
        if (cells.size() != header.size())
            throw new IllegalArgumentException(cells.size() + " cells for " + header.size() + " columns");
        List<String> r = new ArrayList<>(cells.size());
        for (Object c : cells) r.add(cell(c));
        rows.add(r);
        return this;
    }

    public int rowCount() { return rows.size(); }

    static String cell(Object c) {
        if (c == null) return "";
        if (c instanceof Double d) {
            if (Double.isNaN(d)) return "nan";
            if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString(d.longValue());
            return Double.toString(d);
        }
        if (c instanceof Number n) return n.toString();
        return quote(c.toString());
    }

    static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r"))
            return "\"" + s.replace("\"", "\"\"") + "\"";
        return s;
    }

    /** The CSV text. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (String c : comments) sb.append("# ").append(c).append('\n');
        sb.append(String.join(",", header.stream().map(CsvTable::quote).toList())).append('\n');
        for (List<String> r : rows) sb.append(String.join(",", r)).append('\n');
        return sb.toString();
    }

    /** Writes the table to {@code target} through a temporary file and an atomic rename. */
    public void write(Path target, boolean force) throws IOException {
        String text = text();
        AtomicWrite.write(target, force, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(text);
            }
        });
    }
}
