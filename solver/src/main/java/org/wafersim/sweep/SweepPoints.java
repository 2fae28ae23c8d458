package org.wafersim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands a {@link SweepSpec} into its points, in a fixed order (so that indices, file names and shards are the same
 * on every run): product in row-major order (the last axis varies fastest), zip in list order, Latin hypercube in
 * sample order.
 */
public final class SweepPoints {
    /** Longest descriptive part of a file stem; the index prefix keeps truncated names unique. */
    static final int MAX_STEM_PARAMS = 150;

    private SweepPoints() { }

    public static List<SweepPoint> of(SweepSpec spec) {
        List<List<JsonNode>> rows = switch (spec.mode()) {
            case PRODUCT -> product(spec.axes());
            case ZIP -> zip(spec.axes());
            case LHS -> lhs(spec);
        };
        List<String> fixed = new ArrayList<>();
        spec.set().forEach((k, v) -> fixed.add(OverrideValue.override(k, v)));
        int width = Math.max(4, String.valueOf(Math.max(0, rows.size() - 1)).length());
        List<SweepPoint> out = new ArrayList<>(rows.size());
        for (int p = 0; p < rows.size(); p++) {
            Map<String, String> params = new LinkedHashMap<>();
            List<String> overrides = new ArrayList<>(fixed);
            for (int a = 0; a < spec.axes().size(); a++) {
                String key = spec.axes().get(a).key();
                JsonNode v = rows.get(p).get(a);
                params.put(key, OverrideValue.display(v));
                overrides.add(OverrideValue.override(key, v));
            }
            out.add(new SweepPoint(p, params, overrides, stem(p, width, params)));
        }
        return out;
    }

    private static List<List<JsonNode>> product(List<SweepSpec.Axis> axes) {
        List<List<JsonNode>> rows = new ArrayList<>();
        rows.add(new ArrayList<>());
        for (SweepSpec.Axis a : axes) {
            List<List<JsonNode>> next = new ArrayList<>();
            for (List<JsonNode> r : rows)
                for (JsonNode v : a.values()) {
                    List<JsonNode> n = new ArrayList<>(r);
                    n.add(v);
                    next.add(n);
                }
            rows = next;
        }
        return rows;
    }

    private static List<List<JsonNode>> zip(List<SweepSpec.Axis> axes) {
        List<List<JsonNode>> rows = new ArrayList<>();
        for (int i = 0; i < axes.get(0).values().size(); i++) {
            List<JsonNode> r = new ArrayList<>();
            for (SweepSpec.Axis a : axes) r.add(a.values().get(i));
            rows.add(r);
        }
        return rows;
    }

    private static List<List<JsonNode>> lhs(SweepSpec spec) {
        List<Range> ranges = new ArrayList<>();
        for (SweepSpec.Axis a : spec.axes())
            ranges.add(new Range(a.values().get(0), a.values().get(1), spec.file().toString(), "axes." + a.key()));
        double[][] u = LatinHypercube.sample(spec.samples(), ranges.size(), spec.seed());
        List<List<JsonNode>> rows = new ArrayList<>();
        for (double[] point : u) {
            List<JsonNode> r = new ArrayList<>();
            for (int a = 0; a < ranges.size(); a++) r.add(ranges.get(a).at(point[a]));
            rows.add(r);
        }
        return rows;
    }

    /**
     * {@code p0003_cooling.mode=edge_power.total=0.3kW}: the index, then key=value per axis with spaces, quotes,
     * brackets and '^' dropped and anything else unsafe in a file name (or a shell) replaced by '-'.
     */
    static String stem(int index, int width, Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append('_').append(safe(k, true)).append('=').append(safe(v, false)));
        String desc = sb.length() > MAX_STEM_PARAMS ? sb.substring(0, MAX_STEM_PARAMS) : sb.toString();
        return "p" + String.format("%0" + width + "d", index) + desc;
    }

    private static String safe(String s, boolean key) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (Character.isWhitespace(c) || "\"'()[]{}^".indexOf(c) >= 0) continue;   // W/(m^2*K) -> W-m2-K
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '+' || (key && c == '_');
            b.append(ok ? c : '-');
        }
        return b.length() == 0 ? "-" : b.toString();
    }
}
