package org.wafersim.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.wafersim.cases.CaseReader.Section;
import org.wafersim.cases.CaseSpec.AnalysisSpec;
import org.wafersim.cases.CaseSpec.ThermalAnalysis;

/**
 * {@code analysis.thermal: none}: no thermal solve; the mechanics takes its temperatures from {@code mechanics.load}.
 * The blocks of the thermal solve must then be absent (they would not be used), the reliability (which needs core
 * temperatures and power) is refused, and the mechanics must run. The power and cooling the spec carries are inert
 * placeholders (a chip at 0 W, a nominal coolant) that nothing reads and the resolved case does not hold.
 */
final class NoThermal {
    private NoThermal() { }

    /** The blocks that only the thermal solve reads. */
    static final List<String> THERMAL_BLOCKS = List.of("power", "cooling", "transient", "boundaries", "sources",
            "probes");

    static boolean requested(JsonNode root) {
        return ThermalAnalysis.NONE.key.equals(root.path("analysis").path("thermal").asText(""));
    }

    static void checkBlocks(CaseReader r, Section top) {
        for (String k : THERMAL_BLOCKS) {
            if (top.has(k)) {
                throw r.error(k, k + " applies to the thermal solve, which analysis.thermal: none skips (the"
                        + " mechanics takes its temperatures from mechanics.load); remove it or set"
                        + " analysis.thermal: steady");
            }
        }
    }

    static void checkAnalysis(CaseReader r, AnalysisSpec a) {
        if (a.thermal() != ThermalAnalysis.NONE) return;
        if (!a.mechanics()) {
            throw r.error("analysis.thermal", "none runs no thermal solve, so it needs the mechanics"
                    + " (analysis.mechanics: true with a mechanics.load), or there is nothing to run");
        }
        if (a.reliability()) {
            throw r.error("analysis.reliability", "the reliability needs the thermal solution (core temperatures and"
                    + " power), and analysis.thermal is none: set analysis.reliability: false or run a thermal"
                    + " analysis");
        }
    }

    static Section power(CaseReader r) {
        ObjectNode n = JsonNodeFactory.instance.objectNode().put("total", "0 W");
        return r.new Section("power", n, (CaseSchema.Obj) CaseSchema.ROOT.keys().get("power"), "");
    }

    static Section cooling(CaseReader r) {
        ObjectNode n = JsonNodeFactory.instance.objectNode().put("mode", "vertical");
        n.putObject("coolant").put("inlet", "25 degC").put("flow", "1 L/min").put("h", "1000 W/(m^2*K)");
        return r.new Section("cooling", n, (CaseSchema.Obj) CaseSchema.ROOT.keys().get("cooling"), "");
    }
}
