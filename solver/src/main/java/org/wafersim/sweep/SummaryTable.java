package org.wafersim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.wafersim.mechanics.StateSummary;
import org.wafersim.run.ReliabilitySummary;
import org.wafersim.run.RunSummary;
import org.wafersim.run.VerdictSummary;

/**
 * The sweep's summary, {@code summary.csv} and {@code summary.json}: one row per point with its parameters, status
 * and headline results. Rebuilt from the per-point records every time (never appended to), so re-running with
 * {@code --summary-only} after the shards of a job array have finished merges them, and a resumed sweep's table is
 * complete. Points without a record are listed as {@code pending}.
 */
public final class SummaryTable {
    /** Headline columns: CSV name and the field of the run summary (as {@code wafersim run --json} writes it). */
    private static final String[][] HEADLINE = {
        {"power_W", "powerW"}, {"wafer_max_C", "waferMaxC"}, {"wafer_mean_C", "waferMeanC"},
        {"wafer_min_C", "waferMinC"}, {"core_max_C", "coreMaxC"}, {"core_min_C", "coreMinC"},
        {"core_spread_K", "coreSpreadK"}, {"balance_rel_error", "balanceRelError"},
        {"r_junction_coolant_K_per_W", "rJunctionCoolantKPerW"}, {"picard_iterations", "picardIterations"},
        {"cg_iterations", "cgIterations"}, {"cells", "cells"}};
    /**
     * Headline columns of the mechanics and reliability parts (CSV name, summary group, field), present when some
     * point ran that part: a sweep over the connector or the TIM compares designs by these. The names are the
     * summary records' JSON names (the records are read back from the point files, which other processes may have
     * written).
     */
    private static final String[][] NESTED = {
        nested(RunSummary.MECHANICS, StateSummary.CONNECTOR_MAX_SHEAR_STRAIN),
        nested(RunSummary.MECHANICS, StateSummary.WAFER_WARPAGE_PV_M),
        nested(RunSummary.MECHANICS, StateSummary.SILICON_PEAK_PRINCIPAL_PA),
        nested(RunSummary.RELIABILITY, ReliabilitySummary.YIELD),
        nested(RunSummary.RELIABILITY, ReliabilitySummary.WAFER_MTTF_YEARS),
        nested(RunSummary.RELIABILITY, ReliabilitySummary.CONNECTOR_LIFE_YEARS)};
    /** Heat paths in this order first, then any others in order of appearance. */
    private static final List<String> PATHS = List.of("coolant", "board", "sides", "edge");

    /** Counts over the whole sweep. */
    public record Counts(int total, int ok, int failed, int pending) { }

    private SummaryTable() { }

    /** A nested column: named as its field. */
    private static String[] nested(String group, String field) {
        return new String[]{field, group, field};
    }

    /** Rebuilds and writes both files; returns the counts. */
    public static Counts write(SweepSpec sweep, List<SweepPoint> points, PointStore store) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        List<String[]> nested = new ArrayList<>();
        Set<String> paths = new LinkedHashSet<>(PATHS);
        Set<String> seen = new LinkedHashSet<>();
        // the verdict's criteria seen in the records, in order: one CSV column verdict_<criterion> each (pass, fail,
        // not_evaluated) after the overall verdict_pass (true/false), so that a sweep filters to feasible designs;
        // the JSON rows carry the whole verdict object
        Set<String> criteria = new LinkedHashSet<>();
        int ok = 0, failed = 0;
        for (SweepPoint p : points) {
            JsonNode r = store.readRecord(p);
            // pending: no record, a record of an earlier version of the sweep file, or an ok record whose result
            // file has gone (it will run again)
            boolean isOk = store.finished(p);
            boolean isFailed = !isOk && r != null && sameOverrides(r, p) && PointRecord.FAILED.equals(r.path("status").asText());
            if (!isOk && !isFailed) r = null;
            records.add(r);
            if (r == null) continue;
            if (isOk) ok++;
            else failed++;
            r.path("summary").path("heatOutW").fieldNames().forEachRemaining(seen::add);
            for (String[] h : NESTED)
                if (r.path("summary").path(h[1]).has(h[2]) && !nested.contains(h)) nested.add(h);
            r.path("summary").path(RunSummary.VERDICT).path(VerdictSummary.CRITERIA)
                    .forEach(c -> criteria.add(c.path(VerdictSummary.Criterion.CRITERION).asText()));
        }
        nested.sort(java.util.Comparator.comparingInt(h -> java.util.Arrays.asList(NESTED).indexOf(h)));
        paths.retainAll(seen);
        paths.addAll(seen);
        store.writeAtomically(store.dir().resolve("summary.csv"), csv(sweep, points, records, paths, nested,
                List.copyOf(criteria)));
        store.writeAtomically(store.dir().resolve("summary.json"),
                PointStore.JSON.writeValueAsString(json(sweep, points, records, paths, nested, ok, failed)) + "\n");
        return new Counts(points.size(), ok, failed, points.size() - ok - failed);
    }

    private static boolean sameOverrides(JsonNode r, SweepPoint p) {
        List<String> stored = new ArrayList<>();
        r.path("overrides").forEach(n -> stored.add(n.asText()));
        return stored.equals(p.overrides());
    }

    private static String status(JsonNode r) {
        return r == null ? "pending" : r.path("status").asText("failed");
    }

    private static String csv(SweepSpec sweep, List<SweepPoint> points, List<JsonNode> records, Set<String> paths,
                              List<String[]> nested, List<String> crit) {
        List<String> head = new ArrayList<>(List.of("index", "name", "status", "exit_class"));
        for (SweepSpec.Axis a : sweep.axes()) head.add(a.key());
        for (String[] h : HEADLINE) head.add(h[0]);
        for (String[] h : nested) head.add(h[0]);
        if (!crit.isEmpty()) {
            head.add("verdict_pass");
            for (String c : crit) head.add("verdict_" + c);
        }
        for (String p : paths) head.add(p + "_W");
        head.addAll(List.of("wall_s", "result", "message"));
        StringBuilder sb = new StringBuilder();
        sb.append(row(head));
        for (int i = 0; i < points.size(); i++) {
            SweepPoint p = points.get(i);
            JsonNode r = records.get(i);
            JsonNode s = r == null ? null : r.path("summary");
            List<String> cells = new ArrayList<>(List.of(String.valueOf(p.index()), p.stem(), status(r),
                    r == null ? "" : r.path("exitClass").asText("")));
            for (SweepSpec.Axis a : sweep.axes()) cells.add(p.parameters().get(a.key()));
            for (String[] h : HEADLINE) cells.add(number(s, h[1]));
            for (String[] h : nested) cells.add(s == null ? "" : number(s.path(h[1]), h[2]));
            if (!crit.isEmpty()) {
                JsonNode v = s == null ? null : s.path(RunSummary.VERDICT);
                cells.add(v == null || !v.has(VerdictSummary.PASS) ? "" : v.get(VerdictSummary.PASS).asText());
                for (String c : crit) {
                    String st = "";
                    if (v != null) for (JsonNode e : v.path(VerdictSummary.CRITERIA))
                        if (c.equals(e.path(VerdictSummary.Criterion.CRITERION).asText()))
                            st = e.path(VerdictSummary.Criterion.STATUS).asText();
                    cells.add(st);
                }
            }
            for (String path : paths) cells.add(s == null ? "" : number(s.path("heatOutW"), path));
            cells.add(r == null ? "" : number(r, "seconds"));
            cells.add(r == null ? "" : r.path("result").asText(""));
            cells.add(r == null ? "" : r.path("message").asText(""));
            sb.append(row(cells));
        }
        return sb.toString();
    }

    private static ObjectNode json(SweepSpec sweep, List<SweepPoint> points, List<JsonNode> records, Set<String> paths,
                                   List<String[]> nested, int ok, int failed) {
        ObjectNode o = PointStore.JSON.createObjectNode();
        o.put("sweep", sweep.name());
        o.put("sweepFile", sweep.file().toString());
        o.put("base", sweep.base());
        o.put("mode", sweep.mode().key());
        ArrayNode axes = o.putArray("axes");
        sweep.axes().forEach(a -> axes.add(a.key()));
        o.put("total", points.size());
        o.put("ok", ok);
        o.put("failed", failed);
        o.put("pending", points.size() - ok - failed);
        ArrayNode rows = o.putArray("points");
        for (int i = 0; i < points.size(); i++) {
            SweepPoint p = points.get(i);
            JsonNode r = records.get(i);
            ObjectNode row = rows.addObject();
            row.put("index", p.index());
            row.put("name", p.stem());
            row.put("status", status(r));
            if (r != null) row.put("exitClass", r.path("exitClass").asText());
            ObjectNode params = row.putObject("parameters");
            p.parameters().forEach(params::put);
            JsonNode s = r == null ? null : r.get("summary");
            if (s != null) {
                for (String[] h : HEADLINE) if (s.has(h[1])) row.set(h[1], s.get(h[1]));
                for (String[] h : nested) if (s.path(h[1]).has(h[2])) row.set(h[0], s.path(h[1]).get(h[2]));
                if (s.hasNonNull(RunSummary.VERDICT)) row.set(RunSummary.VERDICT, s.get(RunSummary.VERDICT));
                ObjectNode heat = row.putObject("heatOutW");
                for (String path : paths) if (s.path("heatOutW").has(path)) heat.set(path, s.path("heatOutW").get(path));
            }
            if (r != null) {
                row.put("seconds", r.path("seconds").asDouble());
                if (r.hasNonNull("result")) row.put("result", r.get("result").asText());
                if (r.hasNonNull("message")) row.put("message", r.get("message").asText());
            }
        }
        return o;
    }

    private static String number(JsonNode n, String field) {
        if (n == null || !n.has(field) || !n.get(field).isNumber()) return "";
        JsonNode v = n.get(field);
        return v.isIntegralNumber() ? v.asText() : Double.toString(v.asDouble());
    }

    /** One CSV line (RFC 4180 quoting, LF line ends: fields with a comma, quote or line break are quoted, quotes doubled). */
    static String row(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i) == null ? "" : cells.get(i);
            if (i > 0) sb.append(',');
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r"))
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            else sb.append(c);
        }
        return sb.append('\n').toString();
    }
}
