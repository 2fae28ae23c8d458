package org.wafersim.plot;

import java.util.List;

/**
 * What a heat map shows: a field on a plane, its colour scale, the title lines, outlines to draw over it (die edges,
 * each {x0, y0, x1, y1} in metres) and whether to mark the highest value. Axes are drawn in mm with equal scales in x
 * and y, so the wafer keeps its shape.
 */
public record HeatMap(List<String> title, PlaneField field, ColorScale scale, List<double[]> outlines, boolean markPeak) {
    public HeatMap {
        title = List.copyOf(title);
        outlines = List.copyOf(outlines);
    }
}
