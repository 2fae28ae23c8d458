package org.wafersim.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wafersim.cases.CaseReader.Q;
import org.wafersim.cases.CaseReader.Section;
import org.wafersim.cases.CaseSpec.*;

/** Reads the {@code grid} and {@code solver} blocks. */
final class GridReader {
    private final CaseReader r;

    GridReader(CaseReader r) { this.r = r; }

    /** Most z-cells one layer may be given (grid.layers.NAME.cells): a layer is never the bulk of a grid. */
    static final int MAX_LAYER_CELLS = 1000;

    GridSpec readGrid(Section g, List<LayerSpec> stack) {
        Q cpc = g.number("cells_per_core");
        int minCells = g.integer("min_cells_per_layer");
        Q growth = g.number("max_growth");
        Map<String, Integer> layerCells = new LinkedHashMap<>();
        JsonNode given = g.raw("layers");
        if (given != null) {
            String path = g.sub("layers");
            if (!given.isObject())
                throw r.error(path, "layers must be a mapping of layer name to {cells: N}, e.g. {tim: {cells: 3}}, got "
                        + CaseReader.describe(given));
            List<String> names = new ArrayList<>();
            for (LayerSpec ls : stack) names.add(ls.name());
            for (Iterator<Map.Entry<String, JsonNode>> it = given.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = e.getKey(), p = path + "." + name;
                if (!names.contains(name))
                    throw r.error(p, "unknown layer '" + name + "'" + Suggest.didYouMean(name, names) + "; layers: "
                            + String.join(", ", names));
                JsonNode v = e.getValue();
                if (v == null || !v.isObject())
                    throw r.error(p, "must be a mapping {cells: N}, got " + CaseReader.describe(v));
                for (Iterator<String> ks = v.fieldNames(); ks.hasNext(); ) {
                    String k = ks.next();
                    if (!k.equals("cells"))
                        throw r.error(p + "." + k, "unknown key '" + k + "'; the only key of a layer's grid is cells");
                }
                JsonNode c = v.get("cells");
                if (c == null) throw r.error(p + ".cells", "missing: the number of z-cells through layer '" + name + "'");
                boolean wafer = stack.stream().anyMatch(ls -> ls.name().equals(name) && ls.isWafer());
                int min = wafer ? 2 : 1;   // the wafer holds its active slab (one cell) and at least one more
                if (!c.canConvertToInt() || !c.isIntegralNumber() || c.intValue() < min || c.intValue() > MAX_LAYER_CELLS)
                    throw r.error(p + ".cells", "must be a whole number from " + min + " to " + MAX_LAYER_CELLS
                            + (wafer ? " (the wafer's active slab takes one cell)" : "") + ", got " + c.asText());
                layerCells.put(name, c.intValue());
            }
            g.out.set("layers", given.deepCopy());
        }
        g.done();
        return new GridSpec(cpc.v(), minCells, growth.v(), layerCells);
    }

    SolverSpec readSolver(Section s) {
        Q tol = s.number("tolerance");
        int maxIt = s.integer("max_iterations");
        Q pt = s.quantity("picard_tolerance");
        int maxPicard = s.integer("max_picard");
        int threads = s.integer("threads");
        s.done();
        return new SolverSpec(tol.v(), maxIt, pt.v(), maxPicard, threads);
    }

    /** The {@code output} block: which datasets, their precision and compression, the layers of the cell fields. */
    CaseSpec.OutputSpec readOutput(Section s, List<LayerSpec> stack) {
        CaseSpec.OutputSpec.Fields fields = s.choice("fields", CaseSpec.OutputSpec.Fields::fromKey);
        boolean single = s.choice("precision").equals("float");
        int deflate = s.integer("compression");
        List<String> layers = readOutputLayers(s, stack, fields);
        s.done();
        return new CaseSpec.OutputSpec(fields, single, deflate, layers);
    }

    /**
     * {@code output.layers}: stack layer names, each once, adjacent in the stack (the stored cell fields are one block
     * of z-cells, so a gap would store layers the user left out). Returned in stack order.
     */
    private List<String> readOutputLayers(Section s, List<LayerSpec> stack, CaseSpec.OutputSpec.Fields fields) {
        JsonNode n = s.raw("layers");
        if (n == null) return List.of();
        String path = s.sub("layers");
        if (fields == CaseSpec.OutputSpec.Fields.CORES)
            throw r.error(path, "does not apply with fields: cores, which stores no cell fields; remove one of them");
        List<String> names = new ArrayList<>();
        for (LayerSpec ls : stack) names.add(ls.name());
        if (!n.isArray() || n.isEmpty())
            throw r.error(path, "must be a non-empty list of stack layers, e.g. [wafer], got " + CaseReader.describe(n));
        boolean[] chosen = new boolean[names.size()];
        for (int i = 0; i < n.size(); i++) {
            JsonNode e = n.get(i);
            String p = path + "[" + i + "]";
            if (!e.isTextual())
                throw r.error(p, "must be a layer name, got " + CaseReader.describe(e));
            int l = names.indexOf(e.textValue());
            if (l < 0)
                throw r.error(p, "unknown layer '" + e.textValue() + "'" + Suggest.didYouMean(e.textValue(), names)
                        + "; layers: " + String.join(", ", names));
            if (chosen[l]) throw r.error(p, "layer '" + e.textValue() + "' is listed twice");
            chosen[l] = true;
        }
        int first = -1, last = -1;
        for (int l = 0; l < chosen.length; l++) {
            if (!chosen[l]) continue;
            if (first < 0) first = l;
            last = l;
        }
        List<String> out = new ArrayList<>();
        for (int l = first; l <= last; l++) {
            if (!chosen[l])
                throw r.error(path, "the layers must be adjacent in the stack (the stored fields are one block of"
                        + " z-cells): '" + names.get(l) + "' lies between them; add it or choose adjacent layers");
            out.add(names.get(l));
        }
        s.out.set("layers", n.deepCopy());
        return out;
    }
}
