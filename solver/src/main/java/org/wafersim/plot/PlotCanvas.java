package org.wafersim.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * An image being drawn, with the text helpers the plots share. Fonts scale with the image so that a 3000-pixel plot
 * for a paper is as legible as an 800-pixel one on screen. Uses the logical "SansSerif" font (DejaVu Sans on Linux),
 * which needs fontconfig and a font package on a bare machine.
 */
final class PlotCanvas implements AutoCloseable {
    static final Color INK = new Color(0x222222);
    static final Color GRID = new Color(0xdddddd);

    final BufferedImage image;
    final Graphics2D g;
    final int width, height;
    final Font font, small, title;

    PlotCanvas(int width, int height) {
        this.width = width;
        this.height = height;
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        float base = (float) Math.max(10, Math.min(22, Math.min(width, height) / 55.0));
        font = new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(base);
        small = font.deriveFont(base * 0.85f);
        title = font.deriveFont(Font.BOLD, base * 1.1f);
        g.setFont(font);
        g.setColor(INK);
    }

    /** A scale for line widths and gaps: 1 at 800 pixels. */
    float unit() {
        return Math.max(1f, Math.min(width, height) / 800f);
    }

    void stroke(float w) {
        g.setStroke(new BasicStroke(w * unit(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
    }

    int textWidth(Font f, String s) {
        return g.getFontMetrics(f).stringWidth(s);
    }

    int lineHeight(Font f) {
        return g.getFontMetrics(f).getHeight();
    }

    /** Draws text with its horizontal anchor at x (0 left, 0.5 centre, 1 right) and vertical centre at y. */
    void text(Font f, String s, double x, double y, double anchorX) {
        FontMetrics fm = g.getFontMetrics(f);
        g.setFont(f);
        float tx = (float) (x - anchorX * fm.stringWidth(s));
        float ty = (float) (y + (fm.getAscent() - fm.getDescent()) / 2.0);
        g.drawString(s, tx, ty);
    }

    /** Draws text rotated 90 degrees counter-clockwise, centred on (x, y) (for a y-axis label). */
    void textVertical(Font f, String s, double x, double y) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(-Math.PI / 2);
        text(f, s, 0, 0, 0.5);
        g.setTransform(saved);
    }

    /** Shortens text with an ellipsis so that it fits in {@code maxWidth} pixels. */
    String fit(Font f, String s, int maxWidth) {
        if (textWidth(f, s) <= maxWidth) return s;
        String t = s;
        while (t.length() > 1 && textWidth(f, t + "…") > maxWidth) t = t.substring(0, t.length() - 1);
        return t + "…";
    }

    @Override public void close() {
        g.dispose();
    }
}
