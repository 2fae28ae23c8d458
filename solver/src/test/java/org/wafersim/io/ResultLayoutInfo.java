package org.wafersim.io;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The units and shapes of every dataset of a result file, for the tests that check a layout. */
public record ResultLayoutInfo(Map<String, String> units, Map<String, int[]> shapes) {
    public static ResultLayoutInfo read(Path file) {
        Map<String, String> units = new HashMap<>();
        Map<String, int[]> shapes = new HashMap<>();
        try (ResultReader r = ResultReader.open(file)) {
            for (var d : r.datasets()) {
                units.put(d.path(), d.units());
                shapes.put(d.path(), d.shape());
            }
        }
        return new ResultLayoutInfo(units, shapes);
    }
}
