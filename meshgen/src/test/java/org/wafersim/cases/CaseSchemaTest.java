package org.wafersim.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wafersim.cases.CaseSchema.Leaf;
import org.wafersim.cases.CaseSchema.ListOf;
import org.wafersim.cases.CaseSchema.MapOf;
import org.wafersim.cases.CaseSchema.Obj;
import org.wafersim.cases.CaseSchema.Shape;
import org.wafersim.units.Units;

/** The key table: complete rows, defaults that pass their own checks, and the generated reference page in step. */
class CaseSchemaTest {

    /** Every leaf of the table with its path. */
    private static void leaves(String path, Shape s, Map<String, Leaf> out) {
        if (s instanceof Leaf l) out.put(path, l);
        else if (s instanceof ListOf l) leaves(path + "[i]", l.element(), out);
        else if (s instanceof MapOf m) leaves(path + ".NAME", m.value(), out);
        else for (Map.Entry<String, Shape> e : ((Obj) s).keys().entrySet())
            leaves(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out);
    }

    private static Map<String, Leaf> all() {
        Map<String, Leaf> m = new java.util.LinkedHashMap<>();
        leaves("", CaseSchema.ROOT, m);
        return m;
    }

    @Test
    void everyKeyIsDocumentedAndTyped() {
        Map<String, Leaf> all = all();
        assertTrue(all.size() > 150, "the table holds every key: " + all.size());
        for (Map.Entry<String, Leaf> e : all.entrySet()) {
            Leaf l = e.getValue();
            assertNotNull(l.doc(), e.getKey() + " has no documentation line");
            if (l.type() == CaseSchema.Type.QUANTITY) assertNotNull(l.dim(), e.getKey() + " has no dimension");
            if (l.type() == CaseSchema.Type.CHOICE) assertTrue(!l.choices().isEmpty(), e.getKey());
            assertTrue(l.dflt() == null || l.derived() == null, e.getKey() + ": a default or a rule, not both");
        }
    }

    @Test
    void everyDefaultPassesItsOwnRow() {
        for (Map.Entry<String, Leaf> e : all().entrySet()) {
            Leaf l = e.getValue();
            String d = l.dflt();
            if (d == null) continue;
            double v;
            switch (l.type()) {
                case QUANTITY -> v = Units.parse(d, l.dim());
                case NUMBER -> v = Double.parseDouble(d);
                case INTEGER -> v = Integer.parseInt(d);
                case CHOICE -> {
                    assertTrue(l.choices().contains(d), e.getKey() + ": default " + d + " not among " + l.choices());
                    continue;
                }
                case BOOL -> {
                    assertTrue(d.equals("true") || d.equals("false"), e.getKey());
                    continue;
                }
                default -> {
                    continue;
                }
            }
            if (l.range() != null) assertTrue(l.range().test(v), e.getKey() + ": default " + d + " fails " + l.range().text());
        }
    }

    @Test
    void rangeMessagesReadAsWritten() {
        assertEquals("spare_fraction must be in [0, 1)", CaseSchema.CORES.leaf("spare_fraction").rule("spare_fraction"));
        assertEquals("inlet must be above absolute zero", CaseSchema.COOLANT.leaf("inlet").rule("inlet"));
        assertEquals("tolerance must be in (0, 0.001] (relative residual)",
                CaseSchema.SOLVER.leaf("tolerance").rule("tolerance"));
        assertTrue(CaseSchema.SOLVER.leaf("max_iterations").range().test(1));
        assertTrue(!CaseSchema.SOLVER.leaf("max_iterations").range().test(0));
        assertTrue(!CaseSchema.CORES.leaf("spare_fraction").range().test(Double.NaN));
    }

    /** The page in docs/ is the generated text; CI fails when a key changes without it. */
    @Test
    void generatedReferenceIsCheckedIn() throws IOException {
        Path page = Path.of("..", "docs", "case-keys.md");
        String text = KeyReference.markdown();
        if (Boolean.getBoolean("wafersim.updateDocs")) Files.writeString(page, text, StandardCharsets.UTF_8);
        if (!Files.exists(page)) fail("docs/case-keys.md is missing; regenerate: ./wafersim keys > docs/case-keys.md");
        String stored = Files.readString(page, StandardCharsets.UTF_8);
        if (!stored.equals(text)) {
            List<String> a = stored.lines().toList(), b = text.lines().toList();
            List<String> diff = new ArrayList<>();
            for (int i = 0; i < Math.max(a.size(), b.size()) && diff.size() < 4; i++) {
                String x = i < a.size() ? a.get(i) : "", y = i < b.size() ? b.get(i) : "";
                if (!x.equals(y)) diff.add("line " + (i + 1) + ": stored <" + x + "> generated <" + y + ">");
            }
            fail("docs/case-keys.md differs from the key table; regenerate with ./wafersim keys > docs/case-keys.md"
                    + " (or mvn -pl meshgen test -Dtest=CaseSchemaTest -Dwafersim.updateDocs=true): " + diff);
        }
    }
}
