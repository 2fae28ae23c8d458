package org.wafersim.plot;

import java.util.List;

/**
 * Lines over a common x array: probe temperatures over time, a residual history over iterations. Each series has a
 * name for the legend; NaN values leave gaps. Labels carry their units, e.g. "time (s)".
 *
 * @param logY draw y on a log10 scale (values <= 0 are left out)
 * @param logX draw x on a log10 scale (points at x <= 0 are left out)
 */
public record LinePlot(List<String> title, String xLabel, double[] x, String yLabel, List<Series> series, boolean logY,
                       boolean logX) {
    public LinePlot(List<String> title, String xLabel, double[] x, String yLabel, List<Series> series, boolean logY) {
        this(title, xLabel, x, yLabel, series, logY, false);
    }

    /** One line: its name and one y value per x. */
    public record Series(String name, double[] y) { }

    public LinePlot {
        title = List.copyOf(title);
        series = List.copyOf(series);
        if (series.isEmpty()) throw new IllegalArgumentException("a line plot needs at least one series");
        for (Series s : series)
            if (s.y().length != x.length)
                throw new IllegalArgumentException("series '" + s.name() + "' has " + s.y().length
                        + " values for " + x.length + " x values");
    }
}
