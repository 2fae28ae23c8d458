package org.wafersim.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wafersim.cases.CaseReader.Q;
import org.wafersim.cases.CaseReader.Section;
import org.wafersim.cases.CaseSpec.*;
import org.wafersim.errors.InputException;
import org.wafersim.materials.MaterialLibrary;

/**
 * Reads the case's {@code materials} (the built-in library with the case's own definitions) and its {@code stack}
 * (the layers from the coolant side to the board, the wafer one of them, with their contact resistances).
 */
final class StackReader {
    private final CaseReader r;

    StackReader(CaseReader r) { this.r = r; }

    MaterialLibrary readMaterials(Section top) {
        MaterialLibrary lib = MaterialLibrary.builtin();
        JsonNode m = top.raw("materials");
        if (m == null) return lib;
        if (!m.isObject()) {
            throw r.error("materials", "materials must be a mapping of material name to properties, e.g."
                    + " {my_tim: {base: tim_grease, thermal_conductivity: \"3 W/(m*K)\"}}, got " + CaseReader.describe(m));
        }
        ObjectNode out = top.out.putObject("materials");
        for (Iterator<Map.Entry<String, JsonNode>> it = m.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            String p = "materials." + name;
            JsonNode def = e.getValue();
            if (!def.isObject()) {
                throw r.error(p, "a material is a mapping of properties (and optionally 'base'), got " + CaseReader.describe(def));
            }
            String base = null;
            Map<String, String> props = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> pi = def.properties().iterator(); pi.hasNext(); ) {
                Map.Entry<String, JsonNode> pe = pi.next();
                String k = pe.getKey();
                JsonNode v = pe.getValue();
                if (k.equals("base")) {
                    base = r.textOf(v, p + ".base");
                    r.checkMaterial(lib, base, p + ".base");
                } else if (v.isValueNode() && !v.isNull()) {
                    props.put(k, v.asText());
                } else {
                    throw r.error(p + "." + k, "a material property is one value with its unit, e.g."
                            + " \"3 W/(m*K)\", got " + CaseReader.describe(v));
                }
            }
            try {
                lib = lib.define(name, base, props);
            } catch (InputException ex) {
                throw r.rekey(ex, p);
            }
            out.set(name, def.deepCopy());
        }
        return lib;
    }

    List<LayerSpec> readStack(Section top, WaferSpec wafer, JsonNode waferSizeNode, MaterialLibrary lib) {
        JsonNode st = top.raw("stack");
        if (st == null) {
            throw r.missing("stack", "stack", "a list of layers from the coolant side to the board, one of them"
                    + " {name: wafer}");
        }
        if (!st.isArray() || st.isEmpty()) {
            throw r.error("stack", "stack must be a list of layers from the coolant side to the board, e.g."
                    + " [{name: coldplate, material: copper, thickness: \"3 mm\"}, {name: wafer}], got "
                    + (st.isArray() ? "an empty list" : CaseReader.describe(st)));
        }
        ArrayNode out = top.out.putArray("stack");
        List<LayerSpec> layers = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        String waferPath = null;
        for (int i = 0; i < st.size(); i++) {
            String p = "stack[" + i + "]";
            JsonNode e = st.get(i);
            if (!e.isObject()) {
                throw r.error(p, "a layer is a mapping {name, material, thickness[, size]}, or {name: wafer} for the"
                        + " wafer, got " + CaseReader.describe(e));
            }
            JsonNode nameNode = e.get("name");
            boolean isWafer = nameNode != null && nameNode.isTextual() && nameNode.textValue().equals("wafer");
            Section ls = r.new Section(p, e, isWafer ? CaseSchema.WAFER_LAYER : CaseSchema.LAYER,
                    isWafer ? " (the wafer's material, thickness and size are set in the 'wafer' block)" : "");
            String lname = ls.text("name");
            if (isWafer) {
                if (waferPath != null) {
                    throw r.error(p, "second wafer entry (the first is " + waferPath + "); exactly one stack entry"
                            + " must be {name: wafer}");
                }
                waferPath = p;
                layers.add(new LayerSpec("wafer", wafer.material(), wafer.thickness(), wafer.sizeX(), wafer.sizeY(),
                        true, contactBelow(ls, i, st.size())));
            } else {
                if (!CaseReader.NAME.matcher(lname).matches()) {
                    throw r.error(ls.sub("name"), "a layer name must consist of letters, digits, '.', '_' and '-',"
                            + " starting with a letter or digit, at most 100 characters, got \"" + CaseReader.abbreviate(lname) + "\"");
                }
                String prev = names.get(lname);
                if (prev != null) {
                    throw r.error(ls.sub("name"), "duplicate layer name '" + lname + "' (also " + prev + ")");
                }
                String mat = r.checkMaterial(lib, ls.text("material"), ls.sub("material"));
                ls.out.put("material", mat);
                Q t = ls.quantity("thickness");
                r.check(t.v() <= CaseReader.MAX_THICKNESS_M, t, "thickness must be at most " + CaseReader.MAX_THICKNESS_M + " m");
                double[] sz = r.size(ls, "size", waferSizeNode);
                layers.add(new LayerSpec(lname, mat, t.v(), sz[0], sz[1], false, contactBelow(ls, i, st.size())));
            }
            names.put(lname, p);
            ls.done();
            out.add(ls.out);
        }
        if (waferPath == null) {
            throw r.error("stack", "the stack has no wafer entry; add {name: wafer} between the layers above and"
                    + " below the wafer (its material, thickness and size come from the 'wafer' block)");
        }
        return layers;
    }

    /** {@code stack[i].contact_below} (0 when absent); the bottom layer has no layer below to touch. */
    double contactBelow(Section ls, int i, int layers) {
        Q q = ls.optionalQuantity("contact_below");
        if (q == null) return 0;
        if (i == layers - 1) {
            throw r.error(ls.sub("contact_below"), "the bottom layer has no layer below it; a contact resistance belongs"
                    + " to the upper of the two layers it joins");
        }
        return q.v();
    }
}
