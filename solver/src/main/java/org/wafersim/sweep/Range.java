package org.wafersim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wafersim.errors.InputException;
import org.wafersim.units.Dimension;
import org.wafersim.units.Units;

/**
 * A range {@code [low, high]} of a Latin-hypercube axis and the value at a fraction of it. Both ends are numbers (whole
 * numbers give whole-number samples), or quantities with units: with the same unit the number is interpolated and the
 * unit kept ({@code ["10 kW", "20 kW"]} gives {@code "14.2857 kW"}); with different units of one dimension
 * ({@code ["500 W", "2 kW"]}) the value is interpolated in SI and written in the unit {@link Units#format} chooses.
 */
final class Range {
    private static final Pattern QUANTITY =
            Pattern.compile("^\\s*([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(.*?)\\s*$");

    private final JsonNode low, high;
    private final Dimension dimension;   // null: same unit text (or plain numbers)
    private final String unit;
    private final double a, b;
    private final boolean whole;

    /** @throws InputException naming {@code where} if the ends cannot be interpolated */
    Range(JsonNode low, JsonNode high, String source, String where) {
        this.low = low;
        this.high = high;
        if (low.isNumber() && high.isNumber()) {
            a = low.asDouble();
            b = high.asDouble();
            unit = null;
            dimension = null;
            whole = low.isIntegralNumber() && high.isIntegralNumber();
            return;
        }
        whole = false;
        Matcher ml = QUANTITY.matcher(low.asText()), mh = QUANTITY.matcher(high.asText());
        if (!low.isTextual() || !high.isTextual() || !ml.matches() || !mh.matches())
            throw new InputException(source, where, "cannot sample between " + low + " and " + high
                    + ": give two numbers or two quantities with units, e.g. [\"10 kW\", \"20 kW\"]");
        if (ml.group(2).equals(mh.group(2))) {
            a = Double.parseDouble(ml.group(1));
            b = Double.parseDouble(mh.group(1));
            unit = ml.group(2);
            dimension = null;
            return;
        }
        Dimension dim = commonDimension(low.asText(), high.asText());
        if (dim != null) {
            a = Units.parse(low.asText(), dim);
            b = Units.parse(high.asText(), dim);
            dimension = dim;
            unit = null;
            return;
        }
        throw new InputException(source, where, "the ends " + low + " and " + high
                + " are not quantities of the same dimension; use the same unit for both");
    }

    /** The first dimension both texts parse as, or null. */
    private static Dimension commonDimension(String lo, String hi) {
        for (Dimension d : Dimension.values()) {
            try {
                Units.parse(lo, d);
                Units.parse(hi, d);
                return d;
            } catch (InputException e) {
                // not this dimension; try the next
            }
        }
        return null;
    }

    /** The value at fraction {@code u} in [0, 1) of the range, as a node to pass as an override. */
    JsonNode at(double u) {
        double v = a + u * (b - a);
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (dimension != null) return f.textNode(Units.format(v, dimension));
        if (unit != null) return f.textNode(Units.formatNumber(v) + (unit.isEmpty() ? "" : " " + unit));
        if (whole) {   // each whole number of [min, max] equally likely
            long lo = Math.round(Math.min(a, b)), hi = Math.round(Math.max(a, b));
            return f.numberNode(Math.min(hi, lo + (long) Math.floor(u * (hi - lo + 1))));
        }
        return f.numberNode(Double.parseDouble(Units.formatNumber(v)));
    }

    @Override public String toString() {
        return "[" + low + ", " + high + "]";
    }
}
