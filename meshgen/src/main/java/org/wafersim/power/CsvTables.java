package org.wafersim.power;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.wafersim.errors.InputException;

/**
 * Reads a rectangular table of numbers from a CSV file: entries separated by commas (spaces around them are
 * ignored), one table row per line, {@code #} starts a comment (whole line or the end of a line), blank lines are
 * skipped. The first data line is row 0, which is the <em>lowest</em> y on the wafer (as in the HDF5 {@code [y][x]}
 * arrays), so the file reads upside down compared with a picture of the wafer. Strict: a header, an empty entry,
 * a non-number (including NaN, Infinity and Java suffixes such as {@code 1f}) or a row of a different length is an
 * error naming the file, the line and the entry.
 */
final class CsvTables {
    /** Plain decimal numbers only; Double.parseDouble alone would also accept "NaN", "1d", "0x1p3". */
    static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private CsvTables() { }

    /**
     * @param file the CSV file
     * @param role what names the file, for the "no such file" message, e.g. "power.map of case.yaml"
     */
    static PowerTable read(Path file, String role) {
        String name = file.toString();
        List<double[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            while ((line = in.readLine()) != null) {
                no++;
                if (no == 1 && line.startsWith("\uFEFF")) line = line.substring(1);   // byte-order mark
                int hash = line.indexOf('#');
                if (hash >= 0) line = line.substring(0, hash);
                if (line.isBlank()) continue;
                double[] row = parseRow(name, no, line, rows.isEmpty());
                if (!rows.isEmpty() && row.length != rows.get(0).length) {
                    throw new InputException(name, "line " + no, "has " + row.length + " entries, the first row"
                            + " (line " + lines.get(0) + ") has " + rows.get(0).length + "; every row must have the"
                            + " same number of entries");
                }
                rows.add(row);
                lines.add(no);
            }
        } catch (NoSuchFileException e) {
            throw new InputException(name, null, "no such file (named by " + role + ")");
        } catch (CharacterCodingException e) {
            throw new InputException(name, null, "is not UTF-8 text; expected a CSV table of numbers");
        } catch (IOException e) {
            throw new InputException(name, null, "cannot read the file: " + e.getMessage());
        }
        if (rows.isEmpty()) throw new InputException(name, null, "holds no numbers (only comments or blank lines)");
        int nc = rows.get(0).length;
        double[] flat = new double[rows.size() * nc];
        for (int r = 0; r < rows.size(); r++) System.arraycopy(rows.get(r), 0, flat, r * nc, nc);
        int[] ln = lines.stream().mapToInt(Integer::intValue).toArray();
        return new PowerTable(name, null, flat, rows.size(), nc, ln, false);
    }

    private static double[] parseRow(String file, int no, String line, boolean first) {
        String[] parts = line.split(",", -1);
        double[] row = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String t = parts[i].trim();
            if (t.isEmpty()) {
                throw new InputException(file, "line " + no, "entry " + (i + 1) + " is empty (a stray or trailing"
                        + " comma?)");
            }
            if (!NUMBER.matcher(t).matches()) {
                throw new InputException(file, "line " + no, "entry " + (i + 1) + " (\"" + t + "\") is not a number"
                        + (t.contains(" ") || t.contains(";") || t.contains("\t")
                        ? " (entries are separated by commas)" : "")
                        + (first && Character.isLetter(t.charAt(0)) ? " (no header line allowed; use # comments)" : ""));
            }
            row[i] = Double.parseDouble(t);
            if (!Double.isFinite(row[i])) {
                throw new InputException(file, "line " + no, "entry " + (i + 1) + " (\"" + t + "\") is out of range");
            }
        }
        return row;
    }
}
