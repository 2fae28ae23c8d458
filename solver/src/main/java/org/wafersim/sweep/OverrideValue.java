package org.wafersim.sweep;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A value from a sweep file as a {@code --set} override and as shown in names and tables. Text is passed quoted, so
 * that {@code CaseLoader} takes it literally (a material named {@code yes} stays text); numbers, booleans and lists
 * are passed as YAML/JSON.
 */
final class OverrideValue {
    private OverrideValue() { }

    /** {@code key=value} for {@code CaseLoader}. */
    static String override(String key, JsonNode value) {
        return key + "=" + (value.isTextual() ? "\"" + value.asText() + "\"" : value.toString());
    }

    /** The value as people read it: text without quotes, numbers as written. */
    static String display(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }
}
