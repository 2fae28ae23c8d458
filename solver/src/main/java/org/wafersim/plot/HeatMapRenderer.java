package org.wafersim.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.wafersim.errors.InputException;

/**
 * Draws a {@link HeatMap}: the field rasterised pixel by pixel (each pixel takes the value of the cell or core under
 * its centre, so cells of any size appear at their true place), axes in mm with ticks, the colour bar with units,
 * outlines, the peak marker and the title.
 */
public final class HeatMapRenderer {
    /** Colour of points without a value (void cells, scribe lines, off the wafer). */
    static final int NO_VALUE_RGB = 0xcfd4da;   // a cool grey: no antialiased black-on-white text pixel has it
    private static final Color OUTLINE = new Color(255, 255, 255, 140);

    private HeatMapRenderer() { }

    /** Renders the map into a new image of exactly {@code width x height} pixels. */
    public static BufferedImage render(HeatMap map, int width, int height) {
        try (PlotCanvas c = new PlotCanvas(width, height)) {
            new Layout(c, map).draw();
            return c.image;
        }
    }

    /** The image cannot hold the axes, labels and legend: a bad --width/--height, not a bug. */
    static InputException tooSmall(PlotCanvas c) {
        return new InputException("--width/--height", null, c.width + " x " + c.height
                + " pixels is too small for this plot (its labels and legend do not fit); use a larger image");
    }

    /** One drawing: positions computed from the image size and the label widths. */
    private static final class Layout {
        final PlotCanvas c;
        final HeatMap map;
        final double x0, x1, y0, y1;     // extent, m
        double scale;                    // pixels per metre
        int px, py, pw, ph;              // plot rectangle
        boolean sawNoValue;

        Layout(PlotCanvas c, HeatMap map) {
            this.c = c;
            this.map = map;
            double[] e = map.field().extent();
            x0 = e[0];
            x1 = e[1];
            y0 = e[2];
            y1 = e[3];
        }

        void draw() {
            float u = c.unit();
            int lh = c.lineHeight(c.font);
            int top = (int) (map.title().size() * c.lineHeight(c.title) + 12 * u);
            int bottom = (int) (2.4 * lh + 8 * u);
            int left = (int) (c.textWidth(c.font, "-000") + 1.6 * lh + 10 * u);
            int barBlock = (int) (20 * u + Math.max(14, 0.03 * c.width) + legendLabelWidth() + 12 * u);
            int availW = c.width - left - barBlock - (int) (8 * u), availH = c.height - top - bottom;
            if (availW < 20 || availH < 20) throw tooSmall(c);
            scale = Math.min(availW / (x1 - x0), availH / (y1 - y0));
            pw = Math.max(1, (int) Math.round((x1 - x0) * scale));
            ph = Math.max(1, (int) Math.round((y1 - y0) * scale));
            px = left + (availW - pw) / 2;
            py = top + (availH - ph) / 2;
            raster();
            outlines();
            frameAndTicks();
            if (map.markPeak()) mark(map.field().peak(), "max");
            if (map.markValley()) mark(map.field().valley(), "min");
            legend();
            titleLines();
        }

        double toPx(double x) { return px + (x - x0) * scale; }
        double toPy(double y) { return py + (y1 - y) * scale; }

        void raster() {
            int[] rgb = new int[pw * ph];
            ColorScale s = map.scale();
            double[] xs = new double[pw];
            for (int i = 0; i < pw; i++) xs[i] = x0 + (i + 0.5) / scale;
            for (int j = 0; j < ph; j++) {
                double y = y1 - (j + 0.5) / scale;
                for (int i = 0; i < pw; i++) {
                    double v = map.field().valueAt(xs[i], y);
                    boolean none = !Double.isFinite(v);
                    sawNoValue |= none;
                    rgb[j * pw + i] = 0xff000000 | (none ? NO_VALUE_RGB : s.rgb(v));
                }
            }
            c.image.setRGB(px, py, pw, ph, rgb, 0, pw);
        }

        void outlines() {
            if (map.outlines().isEmpty()) return;
            c.g.setColor(OUTLINE);
            c.stroke(0.8f);
            for (double[] r : map.outlines()) {
                double a = toPx(r[0]), b = toPy(r[3]);
                c.g.draw(new Rectangle2D.Double(a, b, toPx(r[2]) - a, toPy(r[1]) - b));
            }
        }

        void frameAndTicks() {
            float u = c.unit();
            c.g.setColor(PlotCanvas.INK);
            c.stroke(1f);
            c.g.draw(new Rectangle2D.Double(px, py, pw, ph));
            double tick = 5 * u;
            double xStep = Ticks.step(x0 * 1e3, x1 * 1e3, Math.max(2, pw / (int) (90 * u)));
            for (double t : Ticks.of(x0 * 1e3, x1 * 1e3, Math.max(2, pw / (int) (90 * u)))) {
                double x = toPx(t / 1e3);
                c.g.draw(new Line2D.Double(x, py + ph, x, py + ph + tick));
                c.text(c.small, Ticks.label(t, xStep), x, py + ph + tick + c.lineHeight(c.small) * 0.6, 0.5);
            }
            double yStep = Ticks.step(y0 * 1e3, y1 * 1e3, Math.max(2, ph / (int) (70 * u)));
            for (double t : Ticks.of(y0 * 1e3, y1 * 1e3, Math.max(2, ph / (int) (70 * u)))) {
                double y = toPy(t / 1e3);
                c.g.draw(new Line2D.Double(px - tick, y, px, y));
                c.text(c.small, Ticks.label(t, yStep), px - tick - 3 * u, y, 1.0);
            }
            int lh = c.lineHeight(c.font);
            c.text(c.font, "x (mm)", px + pw / 2.0, py + ph + tick + c.lineHeight(c.small) * 1.2 + lh * 0.6, 0.5);
            int yLabelX = (int) (px - tick - 6 * u - c.textWidth(c.small, "-000") - lh * 0.5);
            c.textVertical(c.font, "y (mm)", Math.max(lh * 0.6, yLabelX), py + ph / 2.0);
        }

        void mark(PlaneField.Peak p, String what) {
            if (p == null) return;
            float u = c.unit();
            double x = toPx(p.x()), y = toPy(p.y()), r = 6 * u;
            c.stroke(3f);
            c.g.setColor(Color.BLACK);
            c.g.draw(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
            c.stroke(1.5f);
            c.g.setColor(Color.WHITE);
            c.g.draw(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
            c.g.draw(new Line2D.Double(x - 2 * r, y, x - r, y));
            c.g.draw(new Line2D.Double(x + r, y, x + 2 * r, y));
            String units = map.scale() instanceof ColorScale.Continuous cs ? cs.units().replace(", log scale", "") : "";
            String label = what + " " + Ticks.value(p.value()) + (units.isEmpty() || units.equals("1") ? "" : " " + units);
            int tw = c.textWidth(c.small, label), th = c.lineHeight(c.small);
            double lx = x + 2.5 * r, ly = y - 2.5 * r;
            if (lx + tw + 6 * u > px + pw) lx = x - 2.5 * r - tw - 6 * u;   // keep the label inside the plot
            lx = Math.max(lx, px);
            if (ly - th < py) ly = y + 2.5 * r + th;
            c.g.setColor(new Color(0, 0, 0, 170));
            c.g.fill(new Rectangle2D.Double(lx, ly - th * 0.75, tw + 6 * u, th * 1.1));
            c.g.setColor(Color.WHITE);
            c.text(c.small, label, lx + 3 * u, ly - th * 0.2, 0);
        }

        /** 1, 2, 5 times the powers of ten inside [lo, hi] (only the powers of ten when the range spans > 4 decades). */
        double[] logTicks(double lo, double hi) {
            java.util.List<Double> t = new java.util.ArrayList<>();
            int a = (int) Math.floor(Math.log10(lo)), b = (int) Math.ceil(Math.log10(hi));
            double[] mult = b - a > 4 ? new double[]{1} : new double[]{1, 2, 5};
            for (int e = a; e <= b; e++)
                for (double m : mult) {
                    double v = m * Math.pow(10, e);
                    if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) t.add(v);
                }
            return t.stream().mapToDouble(Double::doubleValue).toArray();
        }

        int legendLabelWidth() {
            if (map.scale() instanceof ColorScale.Categorical cat) {
                int w = 0;
                for (String n : cat.names()) w = Math.max(w, c.textWidth(c.small, n));
                return w;
            }
            ColorScale.Continuous s = (ColorScale.Continuous) map.scale();
            int w = c.textWidth(c.small, s.units());
            double step = Ticks.step(s.low(), s.high(), 8);
            for (double t : Ticks.of(s.low(), s.high(), 8)) w = Math.max(w, c.textWidth(c.small, Ticks.label(t, step)));
            if (s.log()) for (double t : logTicks(s.low(), s.high())) w = Math.max(w, c.textWidth(c.small, Ticks.value(t)));
            return w + (int) (8 * c.unit());
        }

        void legend() {
            float u = c.unit();
            int bx = (int) (px + pw + 20 * u), bw = (int) Math.max(14, 0.03 * c.width);
            int lh = c.lineHeight(c.small);
            int by = py + lh + (int) (4 * u), bh = ph - lh - (int) (4 * u);
            if (sawNoValue) bh -= (int) (lh * 1.6);
            if (map.scale() instanceof ColorScale.Continuous s) continuousBar(s, bx, by, bw, bh);
            else categoricalBar((ColorScale.Categorical) map.scale(), bx, by, bw, bh);
            if (sawNoValue) {
                int sy = by + bh + (int) (lh * 0.6);
                c.g.setColor(new Color(NO_VALUE_RGB));
                c.g.fillRect(bx, sy, bw, (int) (lh * 0.8));
                c.g.setColor(PlotCanvas.INK);
                c.stroke(1f);
                c.g.drawRect(bx, sy, bw, (int) (lh * 0.8));
                c.text(c.small, "no value", bx + bw + 5 * u, sy + lh * 0.4, 0);
            }
        }

        void continuousBar(ColorScale.Continuous s, int bx, int by, int bw, int bh) {
            float u = c.unit();
            for (int j = 0; j < bh; j++) {
                c.g.setColor(new Color(s.map().rgb(1 - (j + 0.5) / bh)));
                c.g.fillRect(bx, by + j, bw, 1);
            }
            c.g.setColor(PlotCanvas.INK);
            c.stroke(1f);
            c.g.drawRect(bx, by, bw, bh);
            int target = Math.max(2, bh / (int) (60 * u));
            double step = Ticks.step(s.low(), s.high(), target);
            for (double t : s.log() ? logTicks(s.low(), s.high()) : Ticks.of(s.low(), s.high(), target)) {
                double y = by + (1 - s.position(t)) * bh;
                c.g.draw(new Line2D.Double(bx + bw, y, bx + bw + 4 * u, y));
                c.text(c.small, s.log() ? Ticks.value(t) : Ticks.label(t, step), bx + bw + 6 * u, y, 0);
            }
            c.text(c.small, s.units(), bx, by - c.lineHeight(c.small) * 0.7, 0);
        }

        void categoricalBar(ColorScale.Categorical s, int bx, int by, int bw, int bh) {
            float u = c.unit();
            List<String> names = s.names();
            int n = Math.max(1, names.size());
            double cell = Math.min(bh / (double) n, 2.2 * c.lineHeight(c.small));
            for (int k = 0; k < names.size(); k++) {
                double y = by + k * cell;
                c.g.setColor(new Color(s.rgb(k)));
                c.g.fill(new Rectangle2D.Double(bx, y, bw, cell * 0.8));
                c.g.setColor(PlotCanvas.INK);
                c.stroke(1f);
                c.g.draw(new Rectangle2D.Double(bx, y, bw, cell * 0.8));
                c.text(c.small, names.get(k), bx + bw + 6 * u, y + cell * 0.4, 0);
            }
            c.text(c.small, "material", bx, by - c.lineHeight(c.small) * 0.7, 0);
        }

        void titleLines() {
            c.g.setColor(PlotCanvas.INK);
            int lh = c.lineHeight(c.title);
            double y = 6 * c.unit() + lh * 0.5;
            for (int i = 0; i < map.title().size(); i++) {
                Font f = i == 0 ? c.title : c.font;
                c.text(f, c.fit(f, map.title().get(i), c.width - 10), c.width / 2.0, y, 0.5);
                y += lh;
            }
        }
    }
}
