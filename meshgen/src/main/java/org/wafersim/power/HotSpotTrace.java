package org.wafersim.power;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wafersim.errors.InputException;

/**
 * A HotSpot power trace ({@code .ptrace}), read from the format's description: the first line names the units
 * (separated by spaces or tabs), every following line holds one power value (W) per unit, in the same order, for
 * one sample. {@code #} comments and blank lines are skipped. Every value of every row is checked (a number, >= 0,
 * one per unit), not only the row that is used, so that a broken trace never passes unnoticed; each error names the
 * file, the line and the unit.
 */
final class HotSpotTrace {
    final String file;
    final int headerLine;
    final List<String> names;
    final double[][] samples;   // [row][unit]
    final int[] lines;          // line of each sample row

    private HotSpotTrace(String file, int headerLine, List<String> names, double[][] samples, int[] lines) {
        this.file = file;
        this.headerLine = headerLine;
        this.names = List.copyOf(names);
        this.samples = samples;
        this.lines = lines;
    }

    static HotSpotTrace read(Path path, String role) {
        String file = path.toString();
        List<String> text = HotSpotFloorplan.readLines(path, role, "power trace");
        List<String> names = null;
        int header = 0;
        List<double[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            String[] f = HotSpotFloorplan.fields(text.get(i));
            if (f.length == 0) continue;
            int no = i + 1;
            if (names == null) {
                names = header(file, no, f);
                header = no;
                continue;
            }
            if (f.length != names.size()) {
                throw new InputException(file, "line " + no, "has " + f.length + " values, expected " + names.size()
                        + " (one per unit named on line " + header + ")");
            }
            double[] v = new double[f.length];
            for (int k = 0; k < f.length; k++) {
                v[k] = HotSpotFloorplan.number(file, no, names.get(k), "power", f[k]);
                if (v[k] < 0) {
                    throw new InputException(file, "line " + no, "unit '" + names.get(k) + "': negative power "
                            + f[k] + " W");
                }
            }
            rows.add(v);
            lines.add(no);
        }
        if (names == null) throw new InputException(file, null, "the power trace is empty (no line of unit names)");
        if (rows.isEmpty()) {
            throw new InputException(file, null, "the power trace has unit names (line " + header + ") but no power"
                    + " values");
        }
        return new HotSpotTrace(file, header, names, rows.toArray(new double[0][]),
                lines.stream().mapToInt(Integer::intValue).toArray());
    }

    private static List<String> header(String file, int no, String[] f) {
        Map<String, Integer> seen = new HashMap<>();
        for (int k = 0; k < f.length; k++) {
            Integer prev = seen.put(f[k], k);
            if (prev != null) {
                throw new InputException(file, "line " + no, "unit '" + f[k] + "' is named twice (entries "
                        + (prev + 1) + " and " + (k + 1) + ")");
            }
        }
        boolean allNumbers = true;
        for (String s : f) {
            try {
                Double.parseDouble(s);
            } catch (NumberFormatException e) {
                allNumbers = false;
            }
        }
        if (allNumbers) {
            throw new InputException(file, "line " + no, "the first line must name the units; it holds only"
                    + " numbers");
        }
        return List.of(f);
    }

    /**
     * Power per unit (W, in {@link #names} order): sample {@code row} (0-based), or the mean over all samples when
     * {@code row} is null. An out-of-range row is an error against {@code power.trace_row} of the case.
     */
    double[] power(Integer row, String caseSource) {
        int n = names.size();
        if (row != null) {
            if (row >= samples.length) {
                throw new InputException(caseSource, "power.trace_row", "trace_row " + row + " does not exist: "
                        + file + " has " + samples.length + " samples (rows 0.." + (samples.length - 1) + ")");
            }
            return samples[row].clone();
        }
        double[] mean = new double[n];
        for (int k = 0; k < n; k++) {
            Sums s = Sums.create();
            for (double[] r : samples) s.add(r[k]);
            mean[k] = s.value() / samples.length;
        }
        return mean;
    }
}
