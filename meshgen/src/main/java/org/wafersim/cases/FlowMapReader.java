package org.wafersim.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wafersim.cases.CaseReader.Q;
import org.wafersim.cases.CaseReader.Section;
import org.wafersim.cases.CaseSpec.FlowMap;
import org.wafersim.power.WeightTables;

/**
 * Reads {@code cooling.coolant.flow_map} ({@link FlowMap}): a list of rows of weights (row 0 = lowest y), or the
 * name of a CSV file of that shape, read when the case is loaded. Every weight >= 0, at least one > 0, every row
 * the same length, at most {@link #MAX_REGIONS} regions.
 */
final class FlowMapReader {
    static final String KEY = "flow_map";
    /** More regions than a plate's manifold could feed separately (and than the memory of a case file should hold). */
    static final int MAX_REGIONS = 1_000_000;

    private FlowMapReader() { }

    /** The flow map of the coolant block, or null when not given. */
    static FlowMap read(CaseReader r, Section cc, String source) {
        JsonNode n = cc.raw(KEY);
        if (n == null || n.isNull()) return null;
        String path = cc.sub(KEY);
        if (n.isTextual()) {
            String file = n.textValue();
            if (!file.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                throw r.error(path, "a flow map file must be a CSV file (.csv) of rows of weights, row 0 = lowest y,"
                        + " got \"" + CaseReader.abbreviate(file) + "\"");
            }
            WeightTables.Table t = WeightTables.read(CaseSpec.inputPath(source, file), path + " of " + source,
                    "flow weights");
            if (t.values().length > MAX_REGIONS) {
                throw r.error(path, file + " has " + t.values().length + " regions, more than " + MAX_REGIONS);
            }
            FlowMap m = new FlowMap(t.values(), t.rows(), t.columns(), file);
            anyFlow(r, path, m);
            cc.out.put(KEY, file);
            return m;
        }
        String shape = "a list of rows of weights (relative flow per unit area, row 0 = lowest y), e.g. [[1, 2, 1],"
                + " [1, 2, 1]], or the name of a CSV file of that shape";
        if (!n.isArray() || n.isEmpty()) throw r.error(path, KEY + " must be " + shape + ", got " + CaseReader.describe(n));
        List<Double> v = new ArrayList<>();
        int columns = -1;
        for (int row = 0; row < n.size(); row++) {
            JsonNode line = n.get(row);
            String lp = path + "[" + row + "]";
            if (!line.isArray() || line.isEmpty() || columns >= 0 && line.size() != columns) {
                throw r.error(lp, "row " + row + " must be a list of " + (columns >= 0 ? columns + " numbers (as row 0)"
                        : "numbers") + ", got " + CaseReader.describe(line) + (line.isArray() ? " of " + line.size()
                        + " entries" : ""));
            }
            columns = line.size();
            if ((long) n.size() * columns > MAX_REGIONS) {
                throw r.error(path, KEY + " has more than " + MAX_REGIONS + " regions");
            }
            for (int c = 0; c < columns; c++) {
                Q q = r.numberOf(line.get(c), lp + "[" + c + "]");
                r.check(q.v() >= 0, q, "a flow weight must be >= 0 (0 = no coolant there)");
                v.add(q.v());
            }
        }
        double[] w = new double[v.size()];
        for (int i = 0; i < w.length; i++) w[i] = v.get(i);
        FlowMap m = new FlowMap(w, n.size(), columns, null);
        anyFlow(r, path, m);
        cc.out.set(KEY, n.deepCopy());
        return m;
    }

    private static void anyFlow(CaseReader r, String path, FlowMap m) {
        double s = 0;
        for (double x : m.weights()) s += x;
        if (!(s > 0)) throw r.error(path, "every flow weight is 0: no coolant would reach the plate");
        if (!Double.isFinite(s)) throw r.error(path, "the flow weights sum to more than a double can hold");
    }
}
