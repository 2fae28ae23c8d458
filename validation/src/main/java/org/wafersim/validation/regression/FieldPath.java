package org.wafersim.validation.regression;

/**
 * A compared quantity of a result file: a dataset ({@code /thermal/temperature}) or an attribute of a dataset or
 * group ({@code /thermal/heat_paths@total_W}, {@code /mesh@active_k}).
 *
 * @param node      absolute path of the dataset or group
 * @param attribute attribute name, or null for the dataset's values
 */
public record FieldPath(String node, String attribute) {

    /** Parses {@code /path} or {@code /path@attribute}; null if the text is not of that form. */
    public static FieldPath parse(String text) {
        if (text == null || !text.startsWith("/")) return null;
        int at = text.indexOf('@');
        if (at < 0) return text.length() > 1 && !text.endsWith("/") && !text.contains("//") ? new FieldPath(text, null) : null;
        String node = text.substring(0, at), attr = text.substring(at + 1);
        if (node.isEmpty() || attr.isEmpty() || attr.contains("@") || attr.contains("/")) return null;
        return new FieldPath(node.length() > 1 && node.endsWith("/") ? node.substring(0, node.length() - 1) : node, attr);
    }

    public boolean isAttribute() { return attribute != null; }

    @Override public String toString() { return attribute == null ? node : node + "@" + attribute; }
}
