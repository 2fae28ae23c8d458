package org.wafersim.plot;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** Draws a {@link LinePlot}: axes with ticks and grid lines, one coloured line per series, a legend on the right. */
public final class LinePlotRenderer {
    private LinePlotRenderer() { }

    /** Renders the plot into a new image of exactly {@code width x height} pixels. */
    public static BufferedImage render(LinePlot plot, int width, int height) {
        try (PlotCanvas c = new PlotCanvas(width, height)) {
            draw(c, plot);
            return c.image;
        }
    }

    private static void draw(PlotCanvas c, LinePlot p) {
        float u = c.unit();
        int lh = c.lineHeight(c.font);
        double[] xr = xRange(p);
        double[] yr = yRange(p);
        double[] ticksY = p.logY() ? logTicks(yr) : Ticks.of(yr[0], yr[1], 6);

        int legendRows = legendRows(c, p);
        int legendW = 0;
        for (int s = 0; s < legendRows; s++) legendW = Math.max(legendW, c.textWidth(c.small, legendName(p, s, legendRows)));
        legendW += (int) (40 * u);
        int labelW = 0;
        double yStep = Ticks.step(yr[0], yr[1], 6);
        for (double t : ticksY) labelW = Math.max(labelW, c.textWidth(c.small, yTickLabel(p, t, yStep)));
        int left = (int) (labelW + 1.6 * lh + 14 * u), right = (int) (legendW + 16 * u);
        int top = (int) (p.title().size() * c.lineHeight(c.title) + 14 * u), bottom = (int) (2.4 * lh + 8 * u);
        int px = left, py = top, pw = c.width - left - right, ph = c.height - top - bottom;
        if (pw < 20 || ph < 20) throw HeatMapRenderer.tooSmall(c);

        double[] fx = p.logX() ? new double[]{Math.log10(xr[0]), Math.log10(xr[1])} : xr, fy = p.logY() ? new double[]{Math.log10(yr[0]), Math.log10(yr[1])} : yr;
        java.util.function.DoubleUnaryOperator toX = v -> px + ((p.logX() ? Math.log10(v) : v) - fx[0]) / (fx[1] - fx[0]) * pw;
        java.util.function.DoubleUnaryOperator toY = v -> py + ph - ((p.logY() ? Math.log10(v) : v) - fy[0]) / (fy[1] - fy[0]) * ph;

        // grid and ticks
        c.stroke(1f);
        double[] ticksX = p.logX() ? decades(xr) : Ticks.of(xr[0], xr[1], Math.max(2, pw / (int) (100 * u)));
        double xStep = Ticks.step(xr[0], xr[1], Math.max(2, pw / (int) (100 * u)));
        if (!p.logX() && xStep < 1 && whole(p.x())) {   // indices, iterations: no ticks between whole numbers
            xStep = 1;
            ticksX = Ticks.of(xr[0], xr[1], (int) Math.max(1, xr[1] - xr[0]));
        }
        for (double t : ticksX) {
            double x = toX.applyAsDouble(t);
            c.g.setColor(PlotCanvas.GRID);
            c.g.draw(new Line2D.Double(x, py, x, py + ph));
            c.g.setColor(PlotCanvas.INK);
            c.g.draw(new Line2D.Double(x, py + ph, x, py + ph + 5 * u));
            c.text(c.small, p.logX() ? Ticks.value(t) : Ticks.label(t, xStep), x, py + ph + 5 * u + c.lineHeight(c.small) * 0.6, 0.5);
        }
        for (double t : ticksY) {
            double y = toY.applyAsDouble(t);
            c.g.setColor(PlotCanvas.GRID);
            c.g.draw(new Line2D.Double(px, y, px + pw, y));
            c.g.setColor(PlotCanvas.INK);
            c.g.draw(new Line2D.Double(px - 5 * u, y, px, y));
            c.text(c.small, yTickLabel(p, t, yStep), px - 8 * u, y, 1.0);
        }
        c.g.setColor(PlotCanvas.INK);
        c.g.draw(new Rectangle2D.Double(px, py, pw, ph));
        c.text(c.font, p.xLabel(), px + pw / 2.0, py + ph + 5 * u + c.lineHeight(c.small) * 1.2 + lh * 0.6, 0.5);
        c.textVertical(c.font, p.yLabel(), lh * 0.7, py + ph / 2.0);

        // lines, clipped to the plot
        var clip = c.g.getClip();
        c.g.setClip(px, py, pw + 1, ph + 1);
        boolean markers = p.x().length <= 60;
        for (int s = 0; s < p.series().size(); s++) {
            double[] y = p.series().get(s).y();
            Color col = new Color(ColorMap.category(s));
            c.g.setColor(col);
            c.stroke(1.8f);
            Path2D.Double path = new Path2D.Double();
            boolean pen = false;
            for (int i = 0; i < y.length; i++) {
                if (!drawable(p, p.x()[i], y[i])) {
                    pen = false;
                    continue;
                }
                double X = toX.applyAsDouble(p.x()[i]), Y = toY.applyAsDouble(y[i]);
                if (pen) path.lineTo(X, Y);
                else path.moveTo(X, Y);
                pen = true;
                if (markers) c.g.fill(new Ellipse2D.Double(X - 2.5 * u, Y - 2.5 * u, 5 * u, 5 * u));
            }
            c.g.draw(path);
        }
        c.g.setClip(clip);

        // legend
        double ly = py + c.lineHeight(c.small) * 0.6;
        for (int s = 0; s < legendRows; s++) {
            double lx = px + pw + 10 * u;
            boolean more = legendRows < p.series().size() && s == legendRows - 1;
            if (!more) {
                c.g.setColor(new Color(ColorMap.category(s)));
                c.stroke(2.5f);
                c.g.draw(new Line2D.Double(lx, ly, lx + 22 * u, ly));
            }
            c.g.setColor(PlotCanvas.INK);
            c.text(c.small, legendName(p, s, legendRows), lx + 27 * u, ly, 0);
            ly += c.lineHeight(c.small) * 1.3;
        }

        c.g.setColor(PlotCanvas.INK);
        double ty = 6 * u + c.lineHeight(c.title) * 0.5;
        for (int i = 0; i < p.title().size(); i++) {
            var f = i == 0 ? c.title : c.font;
            c.text(f, c.fit(f, p.title().get(i), c.width - 10), c.width / 2.0, ty, 0.5);
            ty += c.lineHeight(c.title);
        }
    }

    private static boolean whole(double[] x) {
        for (double v : x) if (Double.isFinite(v) && v != Math.rint(v)) return false;
        return true;
    }

    private static boolean drawable(LinePlot p, double x, double y) {
        return Double.isFinite(x) && Double.isFinite(y) && (!p.logY() || y > 0) && (!p.logX() || x > 0);
    }

    /** Legend rows that fit the plot height; with more series than rows the last row says how many are left out. */
    private static int legendRows(PlotCanvas c, LinePlot p) {
        int fit = Math.max(2, (int) ((c.height * 0.8) / (c.lineHeight(c.small) * 1.3)));
        return Math.min(p.series().size(), fit);
    }

    private static String legendName(LinePlot p, int s, int rows) {
        if (rows < p.series().size() && s == rows - 1) return "... " + (p.series().size() - rows + 1) + " more";
        return p.series().get(s).name();
    }

    /** The x range (log scale: of the positive values, out to whole decades). */
    private static double[] xRange(LinePlot p) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : p.x())
            if (Double.isFinite(v) && (!p.logX() || v > 0)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        if (!(lo <= hi)) return p.logX() ? new double[]{1, 10} : new double[]{0, 1};
        if (p.logX()) return new double[]{Math.pow(10, Math.floor(Math.log10(lo) + 1e-12)), hi};
        if (hi == lo) return new double[]{lo - 0.5, hi + 0.5};
        return new double[]{lo, hi};
    }

    /** The y range of all series with 5 % padding (log scale: whole decades). */
    private static double[] yRange(LinePlot p) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (LinePlot.Series s : p.series())
            for (int i = 0; i < s.y().length; i++)
                if (drawable(p, p.x()[i], s.y()[i])) {
                    lo = Math.min(lo, s.y()[i]);
                    hi = Math.max(hi, s.y()[i]);
                }
        if (!(lo <= hi)) return p.logY() ? new double[]{1, 10} : new double[]{0, 1};
        if (p.logY()) return new double[]{Math.pow(10, Math.floor(Math.log10(lo))), Math.pow(10, Math.ceil(Math.log10(hi) + 1e-12))};
        if (hi == lo) return new double[]{lo - Math.max(0.5, Math.abs(lo) * 0.01), hi + Math.max(0.5, Math.abs(hi) * 0.01)};
        double pad = 0.05 * (hi - lo);
        return new double[]{lo - pad, hi + pad};
    }

    /** Powers of ten inside [r0, r1] (at most about 10 of them). */
    private static double[] decades(double[] r) {
        int a = (int) Math.ceil(Math.log10(r[0]) - 1e-9), b = (int) Math.floor(Math.log10(r[1]) + 1e-9);
        int every = Math.max(1, (b - a + 1) / 10);
        java.util.List<Double> t = new java.util.ArrayList<>();
        for (int e = a; e <= b; e += every) t.add(Math.pow(10, e));
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] logTicks(double[] yr) {
        int a = (int) Math.round(Math.log10(yr[0])), b = (int) Math.round(Math.log10(yr[1]));
        int every = Math.max(1, (b - a) / 8);
        java.util.List<Double> t = new java.util.ArrayList<>();
        for (int e = a; e <= b; e += every) t.add(Math.pow(10, e));
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String yTickLabel(LinePlot p, double t, double step) {
        return p.logY() ? "1e" + Math.round(Math.log10(t)) : Ticks.label(t, step);
    }
}
