package org.wafersim.power;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wafersim.cases.PowerSpec.MapFormat;
import org.wafersim.cases.PowerSpec.HotSpotSource;
import org.wafersim.cases.PowerSpec.MapSource;
import org.wafersim.cases.PowerSpec.Source;
import org.wafersim.errors.InputException;

/**
 * What the values of a power file are: powers in W (a HotSpot {@code .ptrace}; a CSV map whose header says
 * {@code # units: W}; an HDF5 dataset whose {@code units} attribute is {@code W}), densities (W/m^2, W/m^3), or plain
 * weights (no unit). A file in watts is used as written unless the case says {@code power.map_as: distribution}: its
 * sum is then the dynamic power. Densities and weights are distributions only.
 *
 * <p>Read when the case is loaded (the level of the case depends on it); the HDF5 reader is the solver's, found as a
 * {@link ServiceLoader} provider of {@link Hdf5Table} (meshgen has no HDF5 library), absent in meshgen-only use.
 */
public final class WattMaps {
    /** A CSV header comment naming the unit of the values: {@code # units: W} (or {@code unit}). */
    static final Pattern UNIT_LINE = Pattern.compile("#\\s*units?\\s*[:=]\\s*(\\S+)\\s*", Pattern.CASE_INSENSITIVE);

    /** The kind of values in a power file. */
    public enum Unit { WATTS, DENSITY, NONE }

    /**
     * @param unit     the kind of values
     * @param unitText the unit as written (null when none)
     * @param sumW     the sum of the powers (W) that the run would use as written (the chosen sample of a trace, or
     *                 the mean of its samples), NaN unless {@code unit} is WATTS
     */
    public record Info(Unit unit, String unitText, double sumW) { }

    private WattMaps() { }

    /**
     * The unit (and, for watts, the sum) of the case's power source; patterns and utilisation tables are NONE.
     *
     * @param resolve turns a file named in the case into its path
     * @param caseSource the case file, for messages
     */
    public static Info of(Source s, Function<String, Path> resolve, String caseSource) {
        if (s instanceof HotSpotSource h) {
            HotSpotTrace tr = HotSpotTrace.read(resolve.apply(h.trace()), "power.map of " + caseSource);
            return new Info(Unit.WATTS, "W", Sums.of(tr.power(h.traceRow(), caseSource)));
        }
        if (!(s instanceof MapSource m)) return new Info(Unit.NONE, null, Double.NaN);
        MapFormat fmt = m.format() != null ? m.format() : MapFormat.fromFileName(m.file());
        Path file = resolve.apply(m.file());
        if (fmt == MapFormat.CSV) {
            String u = csvUnit(file, "power.map of " + caseSource);
            Unit unit = classify(u, file.toString(), null);
            double sum = unit == Unit.WATTS ? Sums.of(CsvTables.read(file, "power.map of " + caseSource).values())
                    : Double.NaN;
            return new Info(unit, u, sum);
        }
        if (fmt == MapFormat.HDF5) {
            Hdf5Table reader = ServiceLoader.load(Hdf5Table.class).findFirst().orElse(null);
            if (reader == null) return new Info(Unit.NONE, null, Double.NaN);
            String ds = m.dataset() != null ? m.dataset() : "/power";
            Hdf5Table.Data d = reader.read(file, ds);
            Unit unit = classify(d.units(), file.toString(), ds);
            return new Info(unit, d.units(), unit == Unit.WATTS ? Sums.of(d.values()) : Double.NaN);
        }
        return new Info(Unit.NONE, null, Double.NaN);
    }

    /** The unit named by a {@code # units: X} comment before the first data line, or null. */
    static String csvUnit(Path file, String role) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String t = line.strip();
                if (t.startsWith("\uFEFF")) t = t.substring(1);
                if (t.isEmpty()) continue;
                if (!t.startsWith("#")) return null;
                Matcher mm = UNIT_LINE.matcher(t);
                if (mm.matches()) return mm.group(1);
            }
            return null;
        } catch (IOException e) {
            return null;    // CsvTables reports the missing or unreadable file with its own message
        }
    }

    /** W, mW, kW: watts; W/m^2, W/m^3, W/mm^2 ...: densities; 1, -, %: weights; anything else: an error. */
    static Unit classify(String u, String file, String dataset) {
        if (u == null) return Unit.NONE;
        String n = u.toLowerCase(Locale.ROOT).replace(" ", "");
        if (n.equals("w")) return Unit.WATTS;
        if (n.startsWith("w/") && (n.endsWith("^2") || n.endsWith("^3") || n.endsWith("2") || n.endsWith("3")))
            return Unit.DENSITY;
        if (n.equals("1") || n.equals("-") || n.equals("%") || n.equals("")) return Unit.NONE;
        throw new InputException(file, dataset, "unit '" + u + "' of the power map: expected W (powers, used as"
                + " written), W/m^2 or W/m^3 (densities, a distribution) or 1 (weights)");
    }
}
