package org.wafersim.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One point of a sweep: its index (0-based, stable for a given sweep file), the axis values (as shown to people:
 * {@code power.total -> 0.3 kW}), the {@code key=value} overrides that make its case (fixed {@code set:} overrides
 * first, then the axes) and the file stem its outputs are named by.
 */
public record SweepPoint(int index, Map<String, String> parameters, List<String> overrides, String stem) {
    public SweepPoint {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        overrides = List.copyOf(overrides);
    }

    /** "cooling.mode=edge, power.total=0.3 kW", for messages. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parameters.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }
}
