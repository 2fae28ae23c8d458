package org.wafersim.power;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wafersim.errors.InputException;
import org.wafersim.units.Dimension;
import org.wafersim.units.Units;

/**
 * Reads a CSV power trace: a header line naming the columns, then one sample per line. The first column is the time,
 * with its unit in the header ({@code time [s]}, {@code time (ms)}, {@code time [h]}); the other columns are named
 * by the header (what the names mean is checked by {@link TraceColumns}). Entries are separated by commas, spaces
 * around them are ignored, {@code #} starts a comment, blank lines are skipped.
 *
 * <p>Checked here, each error naming the file, the line and the column: a header whose first column is not a time
 * with a known unit, empty or repeated names, rows with missing or extra entries, entries that are not plain
 * numbers, negative times, times that do not increase strictly, negative values, and a file without samples.
 */
final class TraceCsv {
    /**
     * Largest trace value: a power of 1 GW on one die or core, or a scale factor of 10^9 on power.total, is far past
     * any chip; beyond it the solver's sums overflow (a value of 1e308 ended in a CG breakdown), so it is refused.
     */
    static final double MAX_VALUE = 1e9;

    /** {@code time [unit]} or {@code time (unit)}, any case. */
    private static final Pattern TIME =
            Pattern.compile("(?i)time\\s*(?:\\[\\s*([^\\]]*?)\\s*]|\\(\\s*([^)]*?)\\s*\\))");

    /**
     * @param columns the names of the value columns (without the time column); column k of the file is
     *                {@code columns[k - 2]} in 1-based numbering
     * @param times   sample times (s)
     * @param values  values per sample, in column order
     * @param lines   the line of each sample
     */
    record Table(String file, int headerLine, String[] columns, double[] times, double[][] values, int[] lines) {
        /** "column 3 (die_1_0)" for value column k (0-based, without the time column). */
        String column(int k) { return "column " + (k + 2) + " (" + columns[k] + ")"; }
    }

    private TraceCsv() { }

    static Table read(Path path, String role) {
        String file = path.toString();
        List<String> text = lines(path, role);
        String[] header = null;
        int headerLine = 0;
        double timeFactor = 1;
        List<double[]> rows = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i);
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            if (line.isBlank()) continue;
            int no = i + 1;
            String[] f = line.split(",", -1);
            for (int k = 0; k < f.length; k++) f[k] = f[k].trim();
            if (header == null) {
                header = f;
                headerLine = no;
                timeFactor = header(file, no, f);
                continue;
            }
            if (f.length != header.length) {
                throw new InputException(file, "line " + no, "has " + f.length + " entries, the header (line "
                        + headerLine + ") names " + header.length + " columns; every sample needs the time and one"
                        + " value per column");
            }
            double t = number(file, no, 1, header[0], f[0]) * timeFactor;
            if (t < 0) {
                throw new InputException(file, "line " + no, "column 1 (" + header[0] + "): time " + f[0]
                        + " is negative; the run starts at t = 0");
            }
            if (!times.isEmpty() && !(t > times.get(times.size() - 1))) {
                throw new InputException(file, "line " + no, "column 1 (" + header[0] + "): time " + f[0]
                        + " is not after the previous sample's (line " + lines.get(lines.size() - 1) + "); times must"
                        + " increase strictly");
            }
            double[] v = new double[f.length - 1];
            for (int k = 1; k < f.length; k++) {
                v[k - 1] = number(file, no, k + 1, header[k], f[k]);
                if (v[k - 1] < 0) {
                    throw new InputException(file, "line " + no, "column " + (k + 1) + " (" + header[k] + "): "
                            + (header[k].equals(TraceColumns.SCALE) ? "negative scale factor " + f[k]
                            : "negative power " + f[k] + " W") + "; trace values must be >= 0");
                }
                if (v[k - 1] > MAX_VALUE) {
                    throw new InputException(file, "line " + no, "column " + (k + 1) + " (" + header[k] + "): "
                            + f[k] + " is more than the largest trace value, " + MAX_VALUE);
                }
            }
            rows.add(v);
            times.add(t);
            lines.add(no);
        }
        if (header == null) {
            throw new InputException(file, null, "the trace is empty; it needs a header line such as"
                    + " \"time [s], scale\" and one line per sample");
        }
        if (rows.isEmpty()) {
            throw new InputException(file, null, "the trace has a header (line " + headerLine + ") but no samples");
        }
        String[] columns = new String[header.length - 1];
        System.arraycopy(header, 1, columns, 0, columns.length);
        return new Table(file, headerLine, columns, times.stream().mapToDouble(Double::doubleValue).toArray(),
                rows.toArray(new double[0][]), lines.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Checks the header and returns the factor from the time column's unit to seconds. */
    private static double header(String file, int no, String[] f) {
        Matcher m = TIME.matcher(f[0]);
        if (!m.matches()) {
            throw new InputException(file, "line " + no, "column 1 (\"" + f[0] + "\") must be the time with its unit,"
                    + " e.g. \"time [s]\" or \"time (ms)\"; the first line of a trace is its header");
        }
        String unit = m.group(1) != null ? m.group(1) : m.group(2);
        double factor;
        try {
            factor = Units.parse("1 " + unit, Dimension.TIME);
        } catch (InputException e) {
            throw new InputException(file, "line " + no, "column 1 (\"" + f[0] + "\"): '" + unit + "' is not a unit"
                    + " of time (" + e.reason() + "); e.g. s, ms, min, h");
        }
        if (f.length < 2) {
            throw new InputException(file, "line " + no, "the header names only the time; add a column scale, one"
                    + " column die_<column>_<row> per die or one column core_<index> per core");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int k = 1; k < f.length; k++) {
            if (f[k].isEmpty()) {
                throw new InputException(file, "line " + no, "column " + (k + 1) + " has no name (a stray or trailing"
                        + " comma?)");
            }
            Integer prev = seen.put(f[k], k);
            if (prev != null) {
                throw new InputException(file, "line " + no, "column " + (k + 1) + " (" + f[k] + ") repeats column "
                        + (prev + 1));
            }
        }
        return factor;
    }

    private static double number(String file, int no, int column, String name, String text) {
        if (text.isEmpty()) {
            throw new InputException(file, "line " + no, "column " + column + " (" + name + ") is empty (a stray or"
                    + " trailing comma?)");
        }
        double v = CsvTables.NUMBER.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
        if (!Double.isFinite(v)) {
            throw new InputException(file, "line " + no, "column " + column + " (" + name + "): \"" + text
                    + "\" is not a number");
        }
        return v;
    }

    private static List<String> lines(Path path, String role) {
        String file = path.toString();
        List<String> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (out.isEmpty() && line.startsWith("\uFEFF")) line = line.substring(1);   // byte-order mark
                out.add(line);
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file, null, "no such file (named by " + role + ")");
        } catch (CharacterCodingException e) {
            throw new InputException(file, null, "is not UTF-8 text; expected a CSV power trace");
        } catch (IOException e) {
            throw new InputException(file, null, "cannot read the file: " + e.getMessage());
        }
        return out;
    }
}
