package org.wafersim.cases;

import java.util.Map;
import org.wafersim.cases.CaseSchema.Leaf;
import org.wafersim.cases.CaseSchema.ListOf;
import org.wafersim.cases.CaseSchema.MapOf;
import org.wafersim.cases.CaseSchema.Obj;
import org.wafersim.cases.CaseSchema.Shape;

/**
 * The case-key reference ({@code docs/case-keys.md}), generated from the key table {@link CaseSchema}: one table
 * per block with every key's value type and unit, default, check and meaning. A test keeps the page equal to this
 * text, so the reference cannot drift from what the reader accepts; {@code wafersim keys} prints it.
 */
public final class KeyReference {
    private KeyReference() { }

    /** The whole reference as Markdown. */
    public static String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("# Case keys\n\n");
        b.append("Every key of a case file, generated from the reader's key table (`CaseSchema` in the meshgen\n");
        b.append("module); `wafersim keys` prints the same text. Do not edit this page by hand: a test compares it\n");
        b.append("with the table (regenerate with `./wafersim keys > docs/case-keys.md`).\n\n");
        b.append("Values with a unit are written as text with the unit (`\"0.775 mm\"`); a default in *italics* follows\n");
        b.append("other keys; \"–\" means no default (the key is required where its block or mode needs it, and the\n");
        b.append("meaning says when). Checks are those of the key alone; the reader adds those that couple keys.\n");
        b.append("See [the case file](case-format.md) for the layout and examples.\n");
        for (Map.Entry<String, Shape> e : CaseSchema.ROOT.keys().entrySet()) {
            block(b, e.getKey(), e.getValue(), null);
        }
        return b.toString();
    }

    private static void block(StringBuilder b, String path, Shape s, String inheritedDoc) {
        if (s instanceof Leaf l) {
            // a top-level value key (name): its own one-row table
            b.append("\n## `").append(path).append("`\n\n");
            header(b);
            row(b, path, l);
            return;
        }
        if (s instanceof ListOf l) {
            block(b, path + "[i]", l.element(), l.doc());
            return;
        }
        if (s instanceof MapOf m) {
            if (m.value() instanceof Leaf l) {
                String p = path + (path.endsWith(".NAME") ? ".PROPERTY" : ".NAME");
                b.append("\n## `").append(p).append("`\n\n").append(sentence(m.doc()));
                header(b);
                row(b, p, l);
            } else {
                block(b, path + (path.endsWith(".NAME") ? ".PROPERTY" : ".NAME"), m.value(), m.doc());
            }
            return;
        }
        Obj o = (Obj) s;
        String doc = o.doc() != null ? o.doc() : inheritedDoc;
        b.append("\n## `").append(path).append("`\n\n").append(sentence(doc));
        boolean any = false;
        for (Map.Entry<String, Shape> e : o.keys().entrySet()) {
            if (e.getValue() instanceof Leaf l) {
                if (!any) header(b);
                any = true;
                row(b, path + "." + e.getKey(), l);
            } else if (e.getValue() instanceof MapOf m && m.value() instanceof Leaf l) {
                if (!any) header(b);
                any = true;
                Leaf named = l.doc(m.doc());
                row(b, path + "." + e.getKey() + ".NAME", named);
            }
        }
        for (Map.Entry<String, Shape> e : o.keys().entrySet()) {
            Shape c = e.getValue();
            if (c instanceof Obj || c instanceof ListOf || c instanceof MapOf m && !(m.value() instanceof Leaf)) {
                block(b, path + "." + e.getKey(), c, null);
            }
        }
    }

    private static String sentence(String doc) {
        if (doc == null || doc.isEmpty()) return "";
        return Character.toUpperCase(doc.charAt(0)) + doc.substring(1) + ".\n\n";
    }

    private static void header(StringBuilder b) {
        b.append("| key | value | default | check | meaning |\n|---|---|---|---|---|\n");
    }

    private static void row(StringBuilder b, String path, Leaf l) {
        String dflt = l.dflt() != null ? "`" + l.dflt() + "`" : l.derived() != null ? "*" + l.derived() + "*" : "–";
        String check = l.range() == null ? "" : l.range().text() + (l.note() == null ? "" : " (" + l.note() + ")");
        String what = l.type() == CaseSchema.Type.CHOICE ? "`" + String.join("` \\| `", l.choices()) + "`"
                : l.what().replace("|", "\\|");
        b.append("| `").append(path).append("` | ").append(what).append(" | ").append(dflt).append(" | ")
                .append(check.replace("|", "\\|")).append(" | ").append(l.doc() == null ? "" : l.doc().replace("|",
                        "\\|")).append(" |\n");
    }
}
