package org.wafersim.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wafersim.cases.CaseReader.Q;
import org.wafersim.cases.CaseReader.Section;
import org.wafersim.cases.CaseSpec.*;
import org.wafersim.units.Dimension;

/** Reads {@code probes}: named points on a layer, inside it. */
final class ProbeReader {
    private final CaseReader r;

    ProbeReader(CaseReader r) { this.r = r; }

    List<ProbeSpec> readProbes(Section top, List<LayerSpec> stack, WaferSpec wafer) {
        JsonNode pr = top.raw("probes");
        List<ProbeSpec> probes = new ArrayList<>();
        ArrayNode out = top.out.putArray("probes");
        if (pr == null) return probes;
        if (!pr.isArray()) {
            throw r.error("probes", "probes must be a list of {name, at: [x, y], layer}, got " + CaseReader.describe(pr));
        }
        CaseSchema.Obj shape = (CaseSchema.Obj) ((CaseSchema.ListOf) CaseSchema.ROOT.keys().get("probes")).element();
        Map<String, String> names = new HashMap<>();
        List<String> layerNames = stack.stream().map(LayerSpec::name).toList();
        for (int i = 0; i < pr.size(); i++) {
            Section s = r.new Section("probes[" + i + "]", pr.get(i), shape, "");
            String name = s.text("name");
            if (!CaseReader.NAME.matcher(name).matches()) {
                throw r.error(s.sub("name"), "a probe name must consist of letters, digits, '.', '_' and '-',"
                        + " starting with a letter or digit, at most 100 characters, got \"" + CaseReader.abbreviate(name) + "\"");
            }
            String prev = names.put(name, s.path);
            if (prev != null) throw r.error(s.sub("name"), "duplicate probe name '" + name + "' (also " + prev + ")");
            JsonNode at = s.raw("at");
            String ap = s.sub("at");
            if (at == null) throw r.missing(ap, "at", "a list [x, y] of two lengths");
            if (!at.isArray() || at.size() != 2) {
                throw r.error(ap, "at must be a list [x, y] of two lengths, got " + CaseReader.describe(at)
                        + (at.isArray() ? " of " + at.size() + " entries" : ""));
            }
            Q x = r.quantityOf(at.get(0), ap + "[0]", Dimension.LENGTH);
            Q y = r.quantityOf(at.get(1), ap + "[1]", Dimension.LENGTH);
            s.out.set("at", at.deepCopy());
            String layer = s.text("layer");
            LayerSpec l = stack.stream().filter(ls -> ls.name().equals(layer)).findFirst().orElse(null);
            if (l == null) {
                throw r.error(s.sub("layer"), "unknown layer '" + layer + "'" + Suggest.didYouMean(layer, layerNames)
                        + "; layers: " + String.join(", ", layerNames));
            }
            double x0 = (wafer.sizeX() - l.sizeX()) / 2, x1 = x0 + l.sizeX();
            double y0 = (wafer.sizeY() - l.sizeY()) / 2, y1 = y0 + l.sizeY();
            if (x.v() < x0 || x.v() > x1 || y.v() < y0 || y.v() > y1) {
                throw r.error(ap, "probe '" + name + "' at (" + x.text() + ", " + y.text() + ") lies outside layer '"
                        + layer + "', which spans x " + CaseReader.mm(x0) + " .. " + CaseReader.mm(x1) + ", y " + CaseReader.mm(y0) + " .. " + CaseReader.mm(y1)
                        + " (the wafer spans 0 .. " + CaseReader.mm(wafer.sizeX()) + " in x and 0 .. " + CaseReader.mm(wafer.sizeY())
                        + " in y; layers are centred on it)");
            }
            s.done();
            out.add(s.out);
            probes.add(new ProbeSpec(name, x.v(), y.v(), layer));
        }
        return probes;
    }
}
