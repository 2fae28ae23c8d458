package org.wafersim.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.errors.InputException;
import org.wafersim.io.ResultFile;

/**
 * Plots in engineering units, diverging maps for signed fields, state and per-die handling, time axes. Colours are
 * checked on the rendered image where the map is known exactly (a field of a single sign per half).
 */
class EngineeringPlotTest {
    @TempDir Path dir;
    static final int NX = SyntheticResult.NX, NY = SyntheticResult.NY;

    private Path file() throws Exception {
        ResultFile f = SyntheticResult.file(true);
        double[] warp = new double[(NY + 1) * (NX + 1)];   // nodes: left half -40 um, right half +80 um
        for (int j = 0; j <= NY; j++)
            for (int i = 0; i <= NX; i++) warp[j * (NX + 1) + i] = i < (NX + 1) / 2 ? -40e-6 : 80e-6;
        f.dataset("/mechanics/warpage_nodes", warp, new int[]{NY + 1, NX + 1}, "m")
                .datasetAttribute("/mechanics/warpage_nodes", "peak_to_valley_m", 120e-6)
                .attribute("/mechanics", "states", new String[]{"full", "idle"})
                .dataset("/mechanics/connector_shear_strain", fill(NY * NX, 0.02), new int[]{NY, NX}, "1")
                .dataset("/mechanics/states/idle/connector_shear_strain", fill(NY * NX, 0.01), new int[]{NY, NX}, "1")
                .dataset("/mechanics/stress_xx", fill(3 * NY * NX, 5e6), new int[]{3, NY, NX}, "Pa")
                .dataset("/reliability/connector_life", fill(NY * NX, 12), new int[]{NY, NX}, "years")
                .dataset("/reliability/die_yield", new double[]{0.9, 0.8}, new int[]{2}, "1");
        double[] dieMax = new double[20 * 2];
        for (int s = 0; s < 20; s++) {
            dieMax[2 * s] = 40 + s;
            dieMax[2 * s + 1] = 50 + s;
        }
        f.dataset("/transient/die_max", dieMax, new int[]{20, 2}, "degC");
        Path p = dir.resolve("e.h5");
        f.writeAtomically(p, false);
        return p;
    }

    private static double[] fill(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static ResultPlotter.Rendered draw(Path h5, String field, ResultPlotter.Style s) {
        return ResultPlotter.render(h5, new ResultPlotter.Request(field, null, null, 800, 600, false, s));
    }

    private static ResultPlotter.Style style(String units, double[] range, boolean sym, boolean logX, double[] time,
                                             String state, Integer index, boolean lines) {
        return new ResultPlotter.Style(units, range, sym, logX, time, state, index, lines);
    }

    @Test
    void engineeringUnitsAndOverrides() {
        assertEquals(new DisplayUnit("\u00b5m", 1e6, 0), DisplayUnit.defaultFor("/mechanics/warpage", "m"));
        assertEquals(new DisplayUnit("MPa", 1e-6, 0), DisplayUnit.defaultFor("/mechanics/stress_xx", "Pa"));
        assertEquals(new DisplayUnit("%", 100, 0), DisplayUnit.defaultFor("/mechanics/connector_shear_strain", "1"));
        assertEquals(new DisplayUnit("mm", 1e3, 0), DisplayUnit.defaultFor("/cores/x", "m"));
        assertEquals("degC", DisplayUnit.defaultFor("/thermal/temperature", "degC").label());
        DisplayUnit mil = DisplayUnit.parse("mil", "m");
        assertEquals(1 / 2.54e-5, mil.scale(), 1e-12 / 2.54e-5);
        DisplayUnit f = DisplayUnit.parse("degF", "degC");
        assertEquals(212, f.apply(100), 1e-9);
        assertEquals(-40, f.apply(-40), 1e-9);
        assertEquals(1e6, DisplayUnit.parse("ue", "1").scale(), 0);
        assertEquals("\u00b5\u03b5", DisplayUnit.parse("ue", "1").label());
        assertEquals(1.8, DisplayUnit.parse("delta_degF", "K").scale(), 1e-12, "a swing in K is a difference");
        InputException e = assertThrows(InputException.class, () -> DisplayUnit.parse("MPa", "m"));
        assertEquals("--units", e.source());
        assertTrue(e.getMessage().contains("not a unit for a length"), e.getMessage());
    }

    @Test
    void signedFieldsUseTheDivergingMapCentredOnZero() throws Exception {
        Path h5 = file();
        BufferedImage img = draw(h5, "/mechanics/warpage_nodes", ResultPlotter.Style.DEFAULT).image();
        // ±80 um scale: -40 um is halfway down the blue side, +80 um the darkest red
        int neg = ColorMap.DIVERGING_MAP.rgb(0.25), pos = ColorMap.DIVERGING_MAP.rgb(1.0);
        assertTrue(count(img, neg) > 1000, "the negative half in blue");
        assertTrue(count(img, pos) > 1000, "the positive half in red");
        assertEquals(0xf7f7f7, ColorMap.DIVERGING_MAP.rgb(0.5), "zero is the neutral middle");
        // --range shares a scale: -80..80 puts +80 um at the top again, -40 at a quarter
        img = draw(h5, "/mechanics/warpage_nodes", style(null, new double[]{-160, 160}, false, false, null, null, null, false)).image();
        assertTrue(count(img, ColorMap.DIVERGING_MAP.rgb(0.75)) > 1000, "+80 of ±160 at three quarters");
    }

    @Test
    void shortNamesMeanTheFirstStateAndSaySo() throws Exception {
        Path h5 = file();
        ResultPlotter.Rendered r = draw(h5, "connector_shear_strain", ResultPlotter.Style.DEFAULT);
        assertEquals(1, r.notes().size());
        assertTrue(r.notes().get(0).contains("/mechanics/connector_shear_strain, the 'full' state"), r.notes().get(0));
        // idle is 1 % everywhere: one colour (the uniform field's mid-range) and no note
        r = draw(h5, "connector_shear_strain", style(null, null, false, false, null, "idle", null, false));
        assertTrue(r.notes().isEmpty());
        InputException e = assertThrows(InputException.class,
                () -> draw(h5, "connector_shear_strain", style(null, null, false, false, null, "hot", null, false)));
        assertEquals("--state", e.source());
    }

    @Test
    void everyMapAndPerDieSeriesPlots() throws Exception {
        Path h5 = file();
        for (String f : List.of("/reliability/connector_life", "/mechanics/stress_xx", "/transient/die_max",
                "/reliability/die_yield"))
            assertEquals(600, draw(h5, f, ResultPlotter.Style.DEFAULT).image().getHeight(), f);
        assertEquals(600, draw(h5, "/mechanics/stress_xx", style(null, null, false, false, null, null, 2, false)).image().getHeight());
        assertThrows(InputException.class, () -> draw(h5, "/mechanics/stress_xx", style(null, null, false, false, null, null, 3, false)));
        // die 1 is 10 K hotter at every step: at t = 0 its die map colour is the top of the scale
        BufferedImage at0 = draw(h5, "/transient/die_max", style(null, null, false, false, new double[]{0, 0}, null, null, false)).image();
        assertTrue(count(at0, ColorMap.INFERNO_MAP.rgb(1.0)) > 1000);
        assertEquals(600, draw(h5, "/transient/die_max", style(null, null, false, false, null, null, null, true)).image().getHeight());
    }

    @Test
    void timeAxesWindowsAndLogX() throws Exception {
        Path h5 = file();
        assertEquals(TimeUnit.S, TimeUnit.forSpan(90));
        assertEquals(TimeUnit.MIN, TimeUnit.forSpan(600));
        assertEquals(TimeUnit.H, TimeUnit.forSpan(6 * 3600));
        assertEquals("4 h (14400 s)", TimeUnit.describe(14400));
        assertEquals(600, draw(h5, "probes", style(null, null, false, true, null, null, null, false)).image().getHeight());
        assertEquals(600, draw(h5, "probes", style(null, null, false, false, new double[]{1, 4}, null, null, false)).image().getHeight());
        InputException e = assertThrows(InputException.class,
                () -> draw(h5, "probes", style(null, null, false, false, new double[]{100, 200}, null, null, false)));
        assertTrue(e.getMessage().contains("no step of the run lies in that window"), e.getMessage());
    }

    private static int count(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xffffff) == rgb) n++;
        return n;
    }
}
