package org.wafersim.plot;

import java.util.List;

/**
 * What a heat map shows: a field on a plane, its colour scale, the title lines, outlines to draw over it (die edges,
 * each {x0, y0, x1, y1} in metres) and whether to mark the highest value. Axes are drawn in mm with equal scales in x
 * and y, so the wafer keeps its shape. A signed field may also mark its lowest value ({@code markValley}).
 */
public record HeatMap(List<String> title, PlaneField field, ColorScale scale, List<double[]> outlines, boolean markPeak,
                      boolean markValley) {
    public HeatMap(List<String> title, PlaneField field, ColorScale scale, List<double[]> outlines, boolean markPeak) {
        this(title, field, scale, outlines, markPeak, false);
    }

    public HeatMap {
        title = List.copyOf(title);
        outlines = List.copyOf(outlines);
    }
}
