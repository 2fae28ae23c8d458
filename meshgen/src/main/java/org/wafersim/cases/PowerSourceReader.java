package org.wafersim.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wafersim.cases.CaseReader.Q;
import org.wafersim.cases.CaseReader.Section;
import org.wafersim.cases.CaseSpec.DiesSpec;
import org.wafersim.cases.PowerSpec.MapFormat;
import org.wafersim.cases.PowerSpec.MapLevel;
import org.wafersim.cases.PowerSpec.PowerPattern;
import org.wafersim.cases.PowerSpec.HotSpotSource;
import org.wafersim.cases.PowerSpec.MapSource;
import org.wafersim.cases.PowerSpec.PatternSource;
import org.wafersim.cases.PowerSpec.Source;
import org.wafersim.cases.PowerSpec.UtilisationSource;
import org.wafersim.units.Dimension;

/**
 * Reads the keys of the {@code power} block that choose where the per-core distribution comes from: exactly one of
 * {@code pattern}, {@code utilisation} or {@code map} (none: the uniform pattern), plus the keys that only make
 * sense with one of them ({@code idle_fraction} with a utilisation table; {@code map_format}, {@code map_level},
 * {@code map_dataset} with a map; {@code floorplan}, {@code trace_row}, {@code floorplan_origin} with a HotSpot
 * trace). A key given with the wrong source is an error, so that a typo in the source never goes unnoticed.
 *
 * <p>Files are not opened here: the loader only checks the keys; the files are read (and their contents checked
 * against the core array) by {@code org.wafersim.power.CorePowerSources} when the run needs the power.
 */
final class PowerSourceReader {
    static final String DEFAULT_DATASET = "/power";
    /** The keys that select a source, in the order used for the "not both" message. */
    private static final List<String> SOURCES = List.of("pattern", "utilisation", "map");

    private final CaseReader r;

    PowerSourceReader(CaseReader r) { this.r = r; }

    /** The source; {@code mapFile[0]} receives {@code power.map} (or null). */
    Source read(Section p, DiesSpec dies, String[] mapFile) {
        List<String> given = new ArrayList<>();
        for (String k : SOURCES) if (p.has(k)) given.add(k);
        if (given.size() > 1) {
            String a = given.get(0), b = given.get(1);
            throw r.error(p.sub(a), "give either power." + a + " or power." + b + ", not both (to drop " + a
                    + " from the command line: --set power." + a + "=null)");
        }
        String which = given.isEmpty() ? "pattern" : given.get(0);
        for (String k : SOURCES) if (!k.equals(which)) p.raw(k);
        Source s;
        switch (which) {
            case "utilisation" -> s = utilisation(p, dies);
            case "map" -> {
                mapFile[0] = p.text("map");
                s = map(p, mapFile[0]);
            }
            default -> {
                PowerPattern pat = p.choice("pattern", PowerPattern::fromKey);
                s = new PatternSource(pat);
            }
        }
        if (!(s instanceof UtilisationSource)) reject(p, "idle_fraction", "power.utilisation", which);
        if (!(s instanceof MapSource) && !(s instanceof HotSpotSource)) {
            for (String k : List.of("map_format", "map_level", "map_dataset")) reject(p, k, "power.map", which);
        }
        if (!(s instanceof HotSpotSource)) {
            for (String k : List.of("floorplan", "trace_row", "floorplan_origin")) {
                reject(p, k, "a HotSpot power trace (power.map: FILE.ptrace)", which);
            }
        }
        return s;
    }

    /** {@code key} belongs to another source: an error if given, otherwise marked as read. */
    private void reject(Section p, String key, String belongsTo, String used) {
        if (p.has(key)) {
            throw r.error(p.sub(key), key + " applies only to " + belongsTo + "; this case's power comes from "
                    + describeUse(p, used));
        }
        p.raw(key);
    }

    private static String describeUse(Section p, String used) {
        if (!p.has(used)) return "the default pattern (uniform)";
        JsonNode n = p.in.get(used);
        return "power." + used + (n.isTextual() ? " (" + n.textValue() + ")" : "");
    }

    // ------------------------------------------------------------------------------------------ utilisation

    private UtilisationSource utilisation(Section p, DiesSpec dies) {
        JsonNode u = p.raw("utilisation");
        String path = p.sub("utilisation");
        Q f = p.number("idle_fraction");
        if (u.isTextual()) {
            String file = u.textValue();
            if (file.isBlank()) throw r.error(path, "utilisation must not be empty");
            if (!file.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                throw r.error(path, "a utilisation file must be a CSV file (.csv) of " + dies.rows() + " rows x "
                        + dies.columns() + " columns, got \"" + file + "\"");
            }
            p.out.put("utilisation", file);
            return new UtilisationSource(null, file, f.v());
        }
        String shape = dies.rows() + " rows (dies.rows) of " + dies.columns() + " numbers (dies.columns) in [0, 1],"
                + " row 0 = lowest y, or the name of a CSV file of that shape";
        if (!u.isArray()) throw r.error(path, "utilisation must be a list of " + shape + ", got " + CaseReader.describe(u));
        if (u.size() != dies.rows()) {
            throw r.error(path, "utilisation has " + u.size() + " rows, the wafer has " + dies.rows()
                    + " die rows; expected " + shape);
        }
        List<List<Double>> table = new ArrayList<>();
        boolean anyPower = f.v() > 0;
        for (int row = 0; row < u.size(); row++) {
            JsonNode line = u.get(row);
            String lp = path + "[" + row + "]";
            if (!line.isArray() || line.size() != dies.columns()) {
                throw r.error(lp, "row " + row + " must be a list of " + dies.columns() + " numbers (one per die"
                        + " column), got " + CaseReader.describe(line) + (line.isArray() ? " of " + line.size()
                        + " entries" : ""));
            }
            List<Double> vals = new ArrayList<>();
            for (int col = 0; col < line.size(); col++) {
                Q q = r.numberOf(line.get(col), lp + "[" + col + "]");
                r.check(q.v() >= 0 && q.v() <= 1, q, "a utilisation must be in [0, 1]");
                anyPower |= q.v() > 0;
                vals.add(q.v());
            }
            table.add(vals);
        }
        if (!anyPower) {
            throw r.error(path, "every die has utilisation 0 and idle_fraction is 0, so no die would get any of"
                    + " power.total");
        }
        p.out.set("utilisation", u.deepCopy());
        return new UtilisationSource(table, null, f.v());
    }

    // ------------------------------------------------------------------------------------------------- maps

    private Source map(Section p, String file) {
        String path = p.sub("map");
        MapFormat fmt;
        if (p.has("map_format")) {
            fmt = p.choice("map_format", MapFormat::fromKey);
        } else {
            fmt = MapFormat.fromFileName(file);
            if (fmt == null) {
                throw r.error(path, "cannot tell the format of \"" + file + "\" from its extension (.csv, .h5,"
                        + " .hdf5, .ptrace); add power.map_format: csv | hdf5 | hotspot");
            }
            p.raw("map_format");
            p.out.put("map_format", fmt.key);     // the resolved case records the inferred format
        }
        if (fmt == MapFormat.HOTSPOT) return hotSpot(p, file, path);
        MapLevel level = null;
        if (p.has("map_level")) {
            level = p.choice("map_level", MapLevel::fromKey);
        } else {
            p.raw("map_level");     // absent: inferred from the table's shape when the file is read
        }
        String dataset = null;
        if (fmt == MapFormat.HDF5) {
            dataset = p.text("map_dataset");
            if (!dataset.startsWith("/")) {
                throw r.error(p.sub("map_dataset"), "an HDF5 dataset path starts with '/', e.g. /power, got \""
                        + dataset + "\"");
            }
        } else {
            reject(p, "map_dataset", "HDF5 maps (power.map_format: hdf5)", "map");
        }
        return new MapSource(file, fmt, level, dataset);
    }

    private HotSpotSource hotSpot(Section p, String file, String path) {
        if (file.toLowerCase(Locale.ROOT).endsWith(".flp")) {
            throw r.error(path, "\"" + file + "\" is a HotSpot floorplan; power.map takes the power trace (.ptrace)"
                    + " and power.floorplan the floorplan (.flp)");
        }
        if (p.has("map_level")) {
            throw r.error(p.sub("map_level"), "map_level does not apply to a HotSpot trace (its units are placed by"
                    + " the floorplan)");
        }
        p.raw("map_level");
        reject(p, "map_dataset", "HDF5 maps (power.map_format: hdf5)", "map");
        if (!p.has("floorplan")) {
            throw r.error(p.sub("floorplan"), "missing required key 'floorplan' (the HotSpot floorplan .flp that"
                    + " places the units of the power trace " + file + ")");
        }
        String flp = p.text("floorplan");
        Integer row = null;
        if (p.has("trace_row")) {
            row = p.integer("trace_row");
        } else {
            p.raw("trace_row");     // absent: the mean over all samples
        }
        double[] origin = origin(p);
        return new HotSpotSource(file, flp, row, origin[0], origin[1]);
    }

    /** {@code floorplan_origin: [x, y]}: two lengths, default the wafer origin. */
    private double[] origin(CaseReader.Section p) {
        return floorplanOrigin(r, p);
    }

    /**
     * {@code floorplan_origin: [x, y]} of a section (the steady HotSpot import and a HotSpot transient trace share
     * it): two lengths, default the wafer origin; the resolved value is written back to the section's output.
     */
    static double[] floorplanOrigin(CaseReader r, CaseReader.Section p) {
        JsonNode n = p.raw("floorplan_origin");
        String path = p.sub("floorplan_origin");
        if (n == null) {
            p.out.set("floorplan_origin", p.out.arrayNode().add("0 mm").add("0 mm"));
            return new double[] {0, 0};
        }
        if (!n.isArray() || n.size() != 2) {
            throw r.error(path, "floorplan_origin must be a list [x, y] of two lengths (where the floorplan's (0, 0)"
                    + " lies on the wafer), got " + CaseReader.describe(n) + (n.isArray() ? " of " + n.size()
                    + " entries" : ""));
        }
        double[] o = new double[2];
        for (int i = 0; i < 2; i++) o[i] = r.quantityOf(n.get(i), path + "[" + i + "]", Dimension.LENGTH).v();
        p.out.set("floorplan_origin", n.deepCopy());
        return o;
    }
}
