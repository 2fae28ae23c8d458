package org.wafersim.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wafersim.cases.CaseReader.Q;
import org.wafersim.cases.CaseReader.Section;
import org.wafersim.cases.CaseSpec.*;

/** Reads the {@code dies} and {@code cores} blocks: the die array and the cores and spares of each die. */
final class CoresReader {
    private final CaseReader r;

    CoresReader(CaseReader r) { this.r = r; }

    DiesSpec readDies(Section d, WaferSpec wafer) {
        int columns = d.integer("columns");
        int rows = d.integer("rows");
        Q scribe = d.quantity("scribe");
        DiesSpec dies = new DiesSpec(columns, rows, scribe.v());
        double px = dies.pitchX(wafer), py = dies.pitchY(wafer);
        r.check(scribe.v() < Math.min(px, py), scribe, "scribe must be narrower than the die pitch (" + CaseReader.mm(px) + " x "
                + CaseReader.mm(py) + ")");
        d.done();
        return dies;
    }

    CoresSpec readCores(Section c, DiesSpec dies) {
        JsonNode pd = c.raw("per_die");
        String pdPath = c.sub("per_die");
        if (pd == null) throw r.missing(pdPath, "per_die", "a list [nx, ny] of cores per die along x and y");
        if (!pd.isArray() || pd.size() != 2) {
            throw r.error(pdPath, "per_die must be a list [nx, ny] of two whole numbers, got " + CaseReader.describe(pd)
                    + (pd.isArray() ? " of " + pd.size() + " entries" : ""));
        }
        int nx = r.intOf(pd.get(0), pdPath + "[0]");
        int ny = r.intOf(pd.get(1), pdPath + "[1]");
        if (nx < 1) throw r.error(pdPath + "[0]", "cores per die must be >= 1, got " + nx);
        if (ny < 1) throw r.error(pdPath + "[1]", "cores per die must be >= 1, got " + ny);
        c.out.set("per_die", JsonNodeFactory.instance.arrayNode().add(nx).add(ny));

        JsonNode spares = c.raw("spares");
        List<CoreRef> explicit = new ArrayList<>();
        double fraction;
        if (spares != null) {
            if (c.has("spare_fraction")) {
                throw r.error(c.sub("spare_fraction"), "give either spare_fraction or an explicit list of spares,"
                        + " not both");
            }
            c.raw("spare_fraction");
            String sp = c.sub("spares");
            if (!spares.isArray()) {
                throw r.error(sp, "spares must be a list of core positions [die_col, die_row, core_col, core_row],"
                        + " got " + CaseReader.describe(spares));
            }
            Map<CoreRef, String> seen = new HashMap<>();
            int[] limits = {dies.columns(), dies.rows(), nx, ny};
            String[] names = {"die_col", "die_row", "core_col", "core_row"};
            for (int i = 0; i < spares.size(); i++) {
                String ep = sp + "[" + i + "]";
                JsonNode e = spares.get(i);
                if (!e.isArray() || e.size() != 4) {
                    throw r.error(ep, "a spare is a list [die_col, die_row, core_col, core_row] of four whole numbers,"
                            + " got " + CaseReader.describe(e) + (e.isArray() ? " of " + e.size() + " entries" : ""));
                }
                int[] v = new int[4];
                for (int k = 0; k < 4; k++) {
                    v[k] = r.intOf(e.get(k), ep + "[" + k + "]");
                    if (v[k] < 0 || v[k] >= limits[k]) {
                        throw r.error(ep + "[" + k + "]", names[k] + " must be in 0.." + (limits[k] - 1) + ", got "
                                + v[k]);
                    }
                }
                CoreRef ref = new CoreRef(v[0], v[1], v[2], v[3]);
                String prev = seen.put(ref, ep);
                if (prev != null) throw r.error(ep, "duplicate spare core (same as " + prev + ")");
                explicit.add(ref);
            }
            c.out.set("spares", spares.deepCopy());
            long total = (long) dies.columns() * dies.rows() * nx * ny;
            fraction = explicit.size() / (double) total;
        } else {
            Q f = c.number("spare_fraction");
            fraction = f.v();
        }
        c.done();
        return new CoresSpec(nx, ny, fraction, explicit);
    }
}
