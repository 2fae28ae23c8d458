package org.wafersim.cases;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.wafersim.errors.InputException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * YAML anchors and aliases as YAML defines them (YAML 1.1 section 3.2.2.2, "an alias node refers to the most recent
 * preceding node having the same anchor"). The case reader's tree parser (Jackson) hands an alias over as the text
 * of its name ({@code *x} becomes the string {@code x}), so a valid YAML file would run with other values than it
 * says. Here the text is composed into SnakeYAML's node graph, where an alias is the anchored node itself; when any
 * node is reached twice, the graph is expanded into a tree (each alias a copy of its anchor's node, scalar styles and
 * tags kept, so every scalar is typed as before) and written back as YAML for the tree parser. Text without aliases
 * is returned unchanged, so its error positions stay those of the file.
 *
 * <p>Limits, so that hostile input is refused quickly instead of exhausting memory ("billion laughs"): at most
 * {@value #MAX_ALIASES} aliases of collections while composing and at most {@value #MAX_NODES} nodes after
 * expansion (sizes are computed on the graph, shared nodes once, before anything is copied). An alias of its own
 * ancestor (a recursive structure) and merge keys ({@code <<}) are refused with a message saying what to write
 * instead.
 */
final class YamlAliases {
    /** Aliases of mappings or sequences while composing (SnakeYAML's own guard against alias bombs). */
    static final int MAX_ALIASES = 200;
    /** Nodes of the expanded tree; the default case has about 400. */
    static final long MAX_NODES = 100_000;

    private YamlAliases() { }

    /**
     * The text with every alias expanded, or the text itself when it has none.
     *
     * @throws InputException naming {@code source} for an alias bomb, a recursive alias, a merge key or malformed YAML
     */
    static String expand(String text, String source) {
        if (text.indexOf('*') < 0) return text;   // an alias is written *name: no star, no alias
        LoaderOptions lo = new LoaderOptions();
        lo.setMaxAliasesForCollections(MAX_ALIASES);
        lo.setAllowDuplicateKeys(true);            // the tree parser reports duplicates with their key path
        Node root;
        try {
            root = new Yaml(lo).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            // syntax errors are reported by the tree parser with the file's positions; only the alias limit is ours
            if (e.getProblem() != null && e.getProblem().contains("aliases")) throw bomb(source);
            return text;
        } catch (YAMLException e) {
            if (e.getMessage() != null && e.getMessage().contains("aliases")) throw bomb(source);
            return text;
        }
        if (root == null) return text;
        Map<Node, Long> sizes = new IdentityHashMap<>();
        boolean[] shared = {false};
        long n = size(root, sizes, new IdentityHashMap<>(), shared, source);
        if (!shared[0]) return text;
        if (n > MAX_NODES) throw bomb(source);
        DumperOptions dump = new DumperOptions();
        dump.setWidth(Integer.MAX_VALUE);          // no folded lines: scalars come back as written
        dump.setSplitLines(false);
        StringWriter out = new StringWriter();
        new Yaml(dump).serialize(copy(root), out);
        return out.toString();
    }

    private static InputException bomb(String source) {
        return new InputException(source, null, "YAML aliases expand to more than " + MAX_NODES + " values (or more than "
                + MAX_ALIASES + " aliases of mappings and lists): refused as an alias bomb; write the values out");
    }

    /** Nodes of the expanded tree under {@code n} (memoised per node); marks a node reached twice as shared. */
    private static long size(Node n, Map<Node, Long> sizes, Map<Node, Boolean> onPath, boolean[] shared, String source) {
        Long known = sizes.get(n);
        if (known != null) {
            shared[0] = true;
            return known;
        }
        if (onPath.containsKey(n)) {
            shared[0] = true;
            throw new InputException(source, null, "a YAML alias refers to a mapping or list that contains it "
                    + "(line " + (n.getStartMark().getLine() + 1) + "): a recursive structure is not a case");
        }
        onPath.put(n, Boolean.TRUE);
        long s = 1;
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && (Tag.MERGE.equals(k.getTag()) || "<<".equals(k.getValue())))
                    throw new InputException(source, null, "YAML merge keys ('<<', line " + (k.getStartMark().getLine() + 1)
                            + ") are not supported in case files: write the keys out, or alias the whole mapping");
                s += size(t.getKeyNode(), sizes, onPath, shared, source);
                s += size(t.getValueNode(), sizes, onPath, shared, source);
                if (s > MAX_NODES) break;
            }
        } else if (n instanceof SequenceNode q) {
            for (Node c : q.getValue()) {
                s += size(c, sizes, onPath, shared, source);
                if (s > MAX_NODES) break;
            }
        }
        onPath.remove(n);
        sizes.put(n, s);
        return s;
    }

    /** A tree copy of the graph: every node reached through an alias becomes its own copy. */
    private static Node copy(Node n) {
        if (n instanceof ScalarNode s)
            return new ScalarNode(s.getTag(), s.getValue(), s.getStartMark(), s.getEndMark(), s.getScalarStyle());
        if (n instanceof SequenceNode q) {
            List<Node> items = new ArrayList<>(q.getValue().size());
            for (Node c : q.getValue()) items.add(copy(c));
            return new SequenceNode(q.getTag(), items, q.getFlowStyle());
        }
        MappingNode m = (MappingNode) n;
        List<NodeTuple> tuples = new ArrayList<>(m.getValue().size());
        for (NodeTuple t : m.getValue()) tuples.add(new NodeTuple(copy(t.getKeyNode()), copy(t.getValueNode())));
        return new MappingNode(m.getTag(), tuples, m.getFlowStyle());
    }
}
