package org.wafersim.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The fields of a summary record as its JSON has them: names, order and values. The text lines that list every
 * number of a stage ("name value; ...") and the HDF5 attributes copied from a summary read them here, so that text,
 * JSON and HDF5 name a quantity the same way and a field added to a record shows up in all three.
 */
final class SummaryFields {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SummaryFields() { }

    /** The record's fields in JSON order (a number written as a double stays a double node, NaN included). */
    static List<Map.Entry<String, JsonNode>> of(Object summary) {
        return new ArrayList<>(MAPPER.valueToTree(summary).properties());
    }

    /** " name value;" for every field: doubles as {@code %.4g} in {@code locale}, the rest as {@link #plain}. */
    static String line(Object summary, Locale locale) {
        return line(summary, locale, k -> true);
    }

    /** {@link #line(Object, Locale)} of the fields whose name {@code shown} accepts. */
    static String line(Object summary, Locale locale, Predicate<String> shown) {
        StringBuilder sb = new StringBuilder();
        for (var e : of(summary)) {
            if (!shown.test(e.getKey())) continue;
            JsonNode v = e.getValue();
            sb.append(' ').append(e.getKey()).append(' ')
                    .append(v.isDouble() ? String.format(locale, "%.4g", v.doubleValue()) : plain(v)).append(';');
        }
        return sb.toString();
    }

    /** A value as Java's {@code String.valueOf} of the original object writes it: lists as "[a, b]". */
    static String plain(JsonNode v) {
        if (!v.isArray()) return v.asText();
        List<String> items = new ArrayList<>();
        v.forEach(n -> items.add(plain(n)));
        return items.toString();
    }
}
