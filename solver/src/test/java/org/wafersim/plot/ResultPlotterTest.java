package org.wafersim.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.errors.InputException;
import org.wafersim.geometry.CoreArray;
import org.wafersim.io.ResultReader;

class ResultPlotterTest {
    @TempDir Path dir;

    private static ResultPlotter.Request req(String field, String layer, String z) {
        return new ResultPlotter.Request(field, layer, z, 640, 480, false);
    }

    @Test
    void heatMapPngHasTheRequestedSizeAndReadsBack() throws IOException {
        Path h5 = SyntheticResult.write(dir, "r.h5", false);
        Path png = dir.resolve("t.png");
        PngFile.write(ResultPlotter.plot(h5, req("temperature", "wafer", null)), png);
        BufferedImage back = ImageIO.read(png.toFile());
        assertNotNull(back, "a valid PNG");
        assertEquals(640, back.getWidth());
        assertEquals(480, back.getHeight());
    }

    @Test
    void planeIsChosenByLayerByZOrTheActiveLayer() throws IOException {
        Path h5 = SyntheticResult.write(dir, "r.h5", false);
        try (ResultReader r = ResultReader.open(h5)) {
            var names = new java.util.HashSet<String>();
            r.datasets().forEach(d -> names.add(d.path()));
            MeshInfo m = MeshInfo.read(r, names);
            assertEquals(3, PlaneSelector.choose(m, "wafer", null).k(), "the wafer: its active plane");
            assertEquals(0, PlaneSelector.choose(m, "board", null).k(), "another layer: its middle plane");
            assertEquals(3, PlaneSelector.choose(m, null, null).k(), "default: the active plane");
            assertEquals(2, PlaneSelector.choose(m, null, "2.2 mm").k());
            assertEquals(1, PlaneSelector.choose(m, null, "1500 um").k());
            InputException out = assertThrows(InputException.class, () -> PlaneSelector.choose(m, null, "5 mm"));
            assertTrue(out.getMessage().startsWith("--z: z = 5 mm is outside the grid (0 mm to 2.6 mm)"), out.getMessage());
            InputException layer = assertThrows(InputException.class, () -> PlaneSelector.choose(m, "tim", null));
            assertTrue(layer.getMessage().contains("no layer 'tim'") && layer.getMessage().contains("board, wafer"), layer.getMessage());
            assertThrows(InputException.class, () -> PlaneSelector.choose(m, "wafer", "1 mm"), "not both");
            assertThrows(InputException.class, () -> PlaneSelector.choose(m, null, "1"), "a unit is required");
        }
    }

    /**
     * Cells are drawn at their true positions with one scale for x and y: the hottest cell (7-9 mm x 2-4 mm) and the
     * void cell (0-1 mm x 6-8 mm) appear with the right shapes and the right offset between them (to a few pixels: the frame line covers the edge pixels).
     */
    @Test
    void cellsAppearAtTheirTruePositions() {
        double[] plane = new double[SyntheticResult.NX * SyntheticResult.NY];
        for (int j = 0; j < SyntheticResult.NY; j++)
            for (int i = 0; i < SyntheticResult.NX; i++)
                plane[j * SyntheticResult.NX + i] = SyntheticResult.temperature(3, j, i);
        GridPlane field = new GridPlane(SyntheticResult.X, SyntheticResult.Y, plane);
        ColorScale.Continuous scale = ColorScale.Continuous.spanning(field.range(), "degC");
        BufferedImage img = HeatMapRenderer.render(new HeatMap(List.of("t"), field, scale, List.of(), false), 900, 700);
        int[] hot = box(img, scale.rgb(99.5), img.getWidth());
        int[] none = box(img, HeatMapRenderer.NO_VALUE_RGB, img.getWidth() / 2);   // left half: not the legend swatch
        double pxPerMm = (hot[2] - hot[0] + 1) / 2.0;
        assertEquals(1.0, (hot[3] - hot[1] + 1) / 2.0 / pxPerMm, 0.05, "square cell stays square");
        assertEquals(1.0 / 2.0, (none[2] - none[0] + 1.0) / (none[3] - none[1] + 1.0), 0.05, "1 mm x 2 mm cell");
        double dx = (hot[0] + hot[2]) / 2.0 - (none[0] + none[2]) / 2.0, dy = (hot[1] + hot[3]) / 2.0 - (none[1] + none[3]) / 2.0;
        assertEquals(7.5 * pxPerMm, dx, 3, "x offset 8 mm - 0.5 mm");
        assertEquals(4.0 * pxPerMm, dy, 3, "y offset 7 mm - 3 mm, drawn downwards");
    }

    /** Bounding box {x0, y0, x1, y1} of the pixels of one colour left of xMax. */
    private static int[] box(BufferedImage img, int rgb, int xMax) {
        int[] b = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < xMax; x++)
                if ((img.getRGB(x, y) & 0xffffff) == rgb) {
                    b[0] = Math.min(b[0], x);
                    b[1] = Math.min(b[1], y);
                    b[2] = Math.max(b[2], x);
                    b[3] = Math.max(b[3], y);
                }
        assertTrue(b[2] >= 0, "colour " + Integer.toHexString(rgb) + " not found");
        return b;
    }

    @Test
    void perCoreMapsDrawEachCoreAndLeaveTheScribeEmpty() throws IOException {
        CoreArray ca = SyntheticResult.cores();
        double[] v = new double[ca.coreCount()];
        for (int c = 0; c < v.length; c++) v[c] = 40 + c;
        CorePlane p = new CorePlane(ca, v);
        assertEquals(40 + 5, p.valueAt(ca.xc(5), ca.yc(5)));
        assertTrue(Double.isNaN(p.valueAt(5e-3, 4e-3)), "the scribe between the two dies");
        assertEquals(ca.xc(7), p.peak().x());
        Path h5 = SyntheticResult.write(dir, "r.h5", false);
        BufferedImage img = ResultPlotter.plot(h5, req("cores/temperature", null, null));
        assertEquals(640, img.getWidth());
    }

    @Test
    void dieLayoutIsRebuiltFromTheCoresWhenTheFileHasNoCase() throws IOException {
        Path h5 = SyntheticResult.write(dir, "r.h5", false);
        CoreArray want = SyntheticResult.cores();
        try (ResultReader r = ResultReader.open(h5)) {
            var names = new java.util.HashSet<String>();
            r.datasets().forEach(d -> names.add(d.path()));
            CoreArray got = WaferLayout.of(r, names, h5.toString());
            assertNotNull(got);
            assertEquals(want.waferSizeX(), got.waferSizeX(), 1e-15);
            assertEquals(want.scribe(), got.scribe(), 1e-15);
            List<double[]> a = WaferLayout.dieOutlines(want), b = WaferLayout.dieOutlines(got);
            for (int d = 0; d < a.size(); d++)
                for (int e = 0; e < 4; e++) assertEquals(a.get(d)[e], b.get(d)[e], 1e-15);
        }
    }

    @Test
    void probesOverTimeAreALinePlotWithOneColourPerSeries() throws IOException {
        Path h5 = SyntheticResult.write(dir, "r.h5", true);
        BufferedImage group = ResultPlotter.plot(h5, req("probes", null, null));
        assertTrue(has(group, ColorMap.category(0)) && has(group, ColorMap.category(1)), "two series drawn");
        BufferedImage one = ResultPlotter.plot(h5, req("/transient/probes/centre", null, null));
        assertTrue(has(one, ColorMap.category(0)) && !has(one, ColorMap.category(1)));
    }

    private static boolean has(BufferedImage img, int rgb) {
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xffffff) == rgb) return true;
        return false;
    }

    @Test
    void otherShapesPlot() throws IOException {
        Path h5 = SyntheticResult.write(dir, "r.h5", false);
        assertEquals(480, ResultPlotter.plot(h5, req("material_id", "board", null)).getHeight());
        assertEquals(480, ResultPlotter.plot(h5, req("warpage", null, null)).getHeight(), "in-plane map by its last name");
    }

    @Test
    void badRequestsNameTheProblem() throws IOException {
        Path h5 = SyntheticResult.write(dir, "r.h5", false);
        InputException unknown = assertThrows(InputException.class, () -> ResultPlotter.plot(h5, req("nosuch", null, null)));
        assertTrue(unknown.getMessage().contains("nosuch: no such field") && unknown.getMessage().contains("temperature (/thermal/temperature)"),
                unknown.getMessage());
        InputException scalar = assertThrows(InputException.class, () -> ResultPlotter.plot(h5, req("/solver/wall_seconds", null, null)));
        assertTrue(scalar.getMessage().contains("single value"), scalar.getMessage());
        InputException flat = assertThrows(InputException.class, () -> ResultPlotter.plot(h5, req("cores/temperature", "wafer", null)));
        assertEquals("--layer", flat.source());
        InputException ambiguous = assertThrows(InputException.class, () -> ResultPlotter.plot(h5, req("x", null, null)));
        assertTrue(ambiguous.getMessage().contains("/cores/x, /mesh/x"), ambiguous.getMessage());
        assertThrows(InputException.class, () -> ResultPlotter.plot(h5, req("probes", null, null)), "no transient in this file");
        assertThrows(InputException.class, () -> ResultPlotter.plot(dir.resolve("missing.h5"), req("temperature", null, null)));
    }

    /**
     * The corner box's maps of every shape (connector rows, element fields, the tensor, the nodal displacement) are
     * placed on its own node lines; an index outside a leading dimension is refused naming --index.
     */
    @Test
    void cornerBoxMapsPlot() throws IOException {
        double[] xs = {0, 1e-3, 2e-3, 4e-3}, ys = {0, 1e-3, 3e-3}, zs = {0, 1e-3, 2e-3};
        int nx = 3, ny = 2, nz = 2;
        double[] rows = new double[3 * ny * nx];
        java.util.Arrays.fill(rows, 1);
        Path h5 = dir.resolve("c.h5");
        new org.wafersim.io.ResultFile()
                .attribute("/", "case_name", "corner")
                .dataset("/mechanics/corner/node_x", xs, new int[]{nx + 1}, "m")
                .dataset("/mechanics/corner/node_y", ys, new int[]{ny + 1}, "m")
                .dataset("/mechanics/corner/node_z", zs, new int[]{nz + 1}, "m")
                .dataset("/mechanics/corner/connector_shear_stress", rows, new int[]{3, ny, nx}, "Pa")
                .dataset("/mechanics/corner/von_mises", new double[nz * ny * nx], new int[]{nz, ny, nx}, "Pa")
                .dataset("/mechanics/corner/stress", new double[6 * nz * ny * nx], new int[]{6, nz, ny, nx}, "Pa")
                .dataset("/mechanics/corner/displacement", new double[3 * (nz + 1) * (ny + 1) * (nx + 1)],
                        new int[]{3, nz + 1, ny + 1, nx + 1}, "m")
                .writeAtomically(h5, false);
        ResultPlotter.Rendered r = ResultPlotter.render(h5, req("corner/connector_shear_stress", null, null));
        assertEquals(480, r.image().getHeight());
        for (String f : List.of("corner/von_mises", "corner/stress", "/mechanics/corner/displacement"))
            assertEquals(480, ResultPlotter.plot(h5, req(f, null, null)).getHeight(), f);
        ResultPlotter.Request bad = new ResultPlotter.Request("corner/stress", null, null, 640, 480, false,
                new ResultPlotter.Style(null, null, false, false, null, null, 6, false));
        InputException e = assertThrows(InputException.class, () -> ResultPlotter.plot(h5, bad));
        assertEquals("--index", e.source());
    }
}
