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
        double[] xr = PlaneField.finiteRange(p.x());
        double[] yr = yRange(p);
        if (xr == null) xr = new double[]{0, 1};
        if (xr[1] == xr[0]) xr = new double[]{xr[0] - 0.5, xr[1] + 0.5};
        double[] ticksY = p.logY() ? logTicks(yr) : Ticks.of(yr[0], yr[1], 6);

        int legendW = 0;
        for (LinePlot.Series s : p.series()) legendW = Math.max(legendW, c.textWidth(c.small, s.name()));
        legendW += (int) (40 * u);
        int labelW = 0;
        double yStep = Ticks.step(yr[0], yr[1], 6);
        for (double t : ticksY) labelW = Math.max(labelW, c.textWidth(c.small, yTickLabel(p, t, yStep)));
        int left = (int) (labelW + 1.6 * lh + 14 * u), right = (int) (legendW + 16 * u);
        int top = (int) (p.title().size() * c.lineHeight(c.title) + 14 * u), bottom = (int) (2.4 * lh + 8 * u);
        int px = left, py = top, pw = c.width - left - right, ph = c.height - top - bottom;
        if (pw < 20 || ph < 20) throw HeatMapRenderer.tooSmall(c);

        double[] fx = xr, fy = p.logY() ? new double[]{Math.log10(yr[0]), Math.log10(yr[1])} : yr;
        java.util.function.DoubleUnaryOperator toX = v -> px + (v - fx[0]) / (fx[1] - fx[0]) * pw;
        java.util.function.DoubleUnaryOperator toY = v -> py + ph - ((p.logY() ? Math.log10(v) : v) - fy[0]) / (fy[1] - fy[0]) * ph;

        // grid and ticks
        c.stroke(1f);
        double[] ticksX = Ticks.of(xr[0], xr[1], Math.max(2, pw / (int) (100 * u)));
        double xStep = Ticks.step(xr[0], xr[1], Math.max(2, pw / (int) (100 * u)));
        if (xStep < 1 && whole(p.x())) {   // indices, iterations: no ticks between whole numbers
            xStep = 1;
            ticksX = Ticks.of(xr[0], xr[1], (int) Math.max(1, xr[1] - xr[0]));
        }
        for (double t : ticksX) {
            double x = toX.applyAsDouble(t);
            c.g.setColor(PlotCanvas.GRID);
            c.g.draw(new Line2D.Double(x, py, x, py + ph));
            c.g.setColor(PlotCanvas.INK);
            c.g.draw(new Line2D.Double(x, py + ph, x, py + ph + 5 * u));
            c.text(c.small, Ticks.label(t, xStep), x, py + ph + 5 * u + c.lineHeight(c.small) * 0.6, 0.5);
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
        for (int s = 0; s < p.series().size(); s++) {
            double lx = px + pw + 10 * u;
            c.g.setColor(new Color(ColorMap.category(s)));
            c.stroke(2.5f);
            c.g.draw(new Line2D.Double(lx, ly, lx + 22 * u, ly));
            c.g.setColor(PlotCanvas.INK);
            c.text(c.small, p.series().get(s).name(), lx + 27 * u, ly, 0);
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
        return Double.isFinite(x) && Double.isFinite(y) && (!p.logY() || y > 0);
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
