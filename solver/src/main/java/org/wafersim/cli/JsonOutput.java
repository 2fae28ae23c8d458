package org.wafersim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Iterator;
import java.util.Map;

/**
 * The one JSON writer of the command line's {@code --json} outputs. JSON has no NaN or infinity, and Jackson's
 * default writes them as the strings "NaN"/"Infinity", which a script then reads as text; here every non-finite
 * number becomes {@code null} (RFC 8259 §6: such values are not permitted), consistently in every nested map, list
 * and record.
 */
public final class JsonOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() { }

    /** Indented JSON of {@code value}, with non-finite numbers written as null. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(finite(MAPPER.valueToTree(value)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UncheckedIOException(new java.io.IOException("cannot write JSON: " + e.getMessage(), e));
        }
    }

    /** Replaces every non-finite floating-point node by null (in place) and returns the node. */
    static JsonNode finite(JsonNode n) {
        if (n instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (nonFinite(e.getValue())) e.setValue(NullNode.instance);
                else finite(e.getValue());
            }
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (nonFinite(a.get(i))) a.set(i, NullNode.instance);
                else finite(a.get(i));
            }
        }
        return n;
    }

    private static boolean nonFinite(JsonNode n) {
        return n.isFloatingPointNumber() && !Double.isFinite(n.doubleValue());
    }
}
