package org.wafersim.power;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wafersim.errors.InputException;

/**
 * A HotSpot floorplan ({@code .flp}), read from the format's description: one functional unit per line,
 * {@code <name> <width> <height> <left-x> <bottom-y>} in metres, separated by spaces or tabs; some files add two
 * columns (specific heat, resistivity), which are checked to be numbers and ignored. {@code #} starts a comment;
 * blank lines are skipped.
 *
 * <p>Checked here (each error names the file, the line and the unit): the number of columns, numbers, sizes > 0,
 * unique names, and that no two units overlap (overlap area more than {@value #OVERLAP_TOLERANCE} of the smaller
 * unit: touching edges are fine, rounding in the coordinates too).
 */
final class HotSpotFloorplan {
    static final double OVERLAP_TOLERANCE = 1e-12;

    /** One unit: its rectangle in floorplan coordinates (m) and the line it was defined on. */
    record Unit(String name, double width, double height, double left, double bottom, int line) {
        double right() { return left + width; }
        double top() { return bottom + height; }
    }

    final String file;
    final List<Unit> units;
    final Map<String, Unit> byName;

    private HotSpotFloorplan(String file, List<Unit> units, Map<String, Unit> byName) {
        this.file = file;
        this.units = List.copyOf(units);
        this.byName = Map.copyOf(byName);
    }

    static HotSpotFloorplan read(Path path, String role) {
        String file = path.toString();
        List<String> lines = readLines(path, role, "floorplan");
        List<Unit> units = new ArrayList<>();
        Map<String, Unit> byName = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] f = fields(lines.get(i));
            if (f.length == 0) continue;
            int no = i + 1;
            if (f.length != 5 && f.length != 7) {
                throw new InputException(file, "line " + no, "unit '" + f[0] + "': expected 5 columns <name> <width>"
                        + " <height> <left-x> <bottom-y> (or 7 with specific heat and resistivity), got " + f.length);
            }
            String[] what = {null, "width", "height", "left-x", "bottom-y", "specific heat", "resistivity"};
            double[] v = new double[f.length];
            for (int k = 1; k < f.length; k++) v[k] = number(file, no, f[0], what[k], f[k]);
            if (!(v[1] > 0) || !(v[2] > 0)) {
                throw new InputException(file, "line " + no, "unit '" + f[0] + "': width and height must be > 0, got "
                        + f[1] + " x " + f[2] + " m");
            }
            Unit u = new Unit(f[0], v[1], v[2], v[3], v[4], no);
            Unit prev = byName.put(u.name(), u);
            if (prev != null) {
                throw new InputException(file, "line " + no, "unit '" + u.name() + "' is defined twice (also on line "
                        + prev.line() + ")");
            }
            units.add(u);
        }
        if (units.isEmpty()) throw new InputException(file, null, "the floorplan has no units");
        checkOverlaps(file, units);
        return new HotSpotFloorplan(file, units, byName);
    }

    /** Sweep along x: only units whose x-ranges intersect are compared. */
    private static void checkOverlaps(String file, List<Unit> units) {
        List<Unit> s = new ArrayList<>(units);
        s.sort(Comparator.comparingDouble(Unit::left));
        for (int i = 0; i < s.size(); i++) {
            Unit a = s.get(i);
            for (int j = i + 1; j < s.size() && s.get(j).left() < a.right(); j++) {
                Unit b = s.get(j);
                double ox = Math.min(a.right(), b.right()) - Math.max(a.left(), b.left());
                double oy = Math.min(a.top(), b.top()) - Math.max(a.bottom(), b.bottom());
                if (ox <= 0 || oy <= 0) continue;
                double smaller = Math.min(a.width() * a.height(), b.width() * b.height());
                if (ox * oy > OVERLAP_TOLERANCE * smaller) {
                    Unit first = a.line() < b.line() ? a : b, second = first == a ? b : a;
                    throw new InputException(file, "line " + second.line(), "unit '" + second.name()
                            + "' overlaps unit '" + first.name() + "' (line " + first.line() + ") by "
                            + PowerDistribution.num(ox * oy * 1e6) + " mm^2 (" + String.format(java.util.Locale.ROOT,
                            "%.3g", 100 * ox * oy / smaller) + " % of the smaller one); units must not overlap");
                }
            }
        }
    }

    static String[] fields(String line) {
        int hash = line.indexOf('#');
        if (hash >= 0) line = line.substring(0, hash);
        line = line.strip();
        return line.isEmpty() ? new String[0] : line.split("\\s+");
    }

    static double number(String file, int line, String unit, String what, String text) {
        double v = CsvTables.NUMBER.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
        if (!Double.isFinite(v)) {
            throw new InputException(file, "line " + line, "unit '" + unit + "': " + what + " \"" + text
                    + "\" is not a number");
        }
        return v;
    }

    /** The lines of a HotSpot text file; a missing or unreadable file is an input error naming it. */
    static List<String> readLines(Path path, String role, String what) {
        try {
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) lines.set(0, lines.get(0).substring(1));
            return lines;
        } catch (NoSuchFileException e) {
            throw new InputException(path.toString(), null, "no such file (the HotSpot " + what + " named by "
                    + role + ")");
        } catch (IOException e) {
            throw new InputException(path.toString(), null, "cannot read the HotSpot " + what + ": " + e);
        }
    }
}
