package org.wafersim.plot;

import static org.wafersim.io.ResultSchema.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.errors.InputException;
import org.wafersim.geometry.CoreArray;
import org.wafersim.io.ResultReader;

/**
 * The wafer's die and core layout behind a result file, for die outlines and per-core maps. First choice: the
 * {@link CoreArray} of the case stored in the file (root attribute {@code case}), so the outlines are the very
 * rectangles the run used ({@link org.wafersim.geometry.DieLayout}). If that case no longer parses (a file from
 * another version, a case referring to a missing power map), the layout is rebuilt from {@code /cores}: the die grid
 * and cores per die from its attributes, and the core pitch, scribe and wafer size from the core centres (cores fill
 * their die exactly and the wafer starts at 0 with half a scribe, so these follow exactly from the centres).
 */
final class WaferLayout {
    private WaferLayout() { }

    /** The layout, or null when the file has no per-core data. */
    static CoreArray of(ResultReader r, Set<String> datasets, String file) {
        if (!datasets.contains(CORES_X.path()) || !datasets.contains(CORES_Y.path())) return null;
        String caseText = r.caseText();
        if (caseText != null) {
            try {
                CaseSpec spec = CaseLoader.parse(caseText, "yaml", file + " (stored case)", List.of());
                CoreArray cores = CoreArray.of(spec);
                if (cores.coreCount() == r.read(CORES_X.path()).flat().length) return cores;
            } catch (RuntimeException e) {
                // fall through to the reconstruction: the stored case is only one way to know the layout
            }
        }
        return fromCores(r, datasets, file);
    }

    private static CoreArray fromCores(ResultReader r, Set<String> datasets, String file) {
        var attrs = r.attributes(CORES.path());
        if (!(attrs.get("dies") instanceof int[] dies && attrs.get("cores_per_die") instanceof int[] per)
                || dies.length != 2 || per.length != 2)
            return null;
        double[] x = r.read(CORES_X.path()).flat(), y = r.read(CORES_Y.path()).flat();
        int cols = dies[0], rows = dies[1], cpd = per[0] * per[1];
        if (cols < 1 || rows < 1 || cpd < 1 || x.length != (long) cols * rows * cpd) return null;
        double[] ax = axis(x, cpd, per[0], cols, 1);
        double[] ay = axis(y, cpd, per[1], rows, cols);
        double scribe = Math.max(0, Math.min(ax[1], ay[1]));
        try {
            return CoreArray.of(new CaseSpec.WaferSpec(ax[0], ay[0], 1e-3, "silicon", 1e-5),
                    new CaseSpec.DiesSpec(cols, rows, scribe),
                    new CaseSpec.CoresSpec(per[0], per[1], 0.0, new ArrayList<>()), file);
        } catch (InputException e) {
            return null;
        }
    }

    /**
     * {wafer size, scribe} along one axis from the centres of die 0's cores: core width w from their spacing (or
     * from the next die when a die has one core per row), the first core's lower edge at scribe/2.
     *
     * @param nextDie index step to the neighbouring die along this axis (1 along x, columns along y)
     */
    private static double[] axis(double[] centre, int cpd, int perDie, int dieCount, int nextDie) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < cpd; c++) {
            lo = Math.min(lo, centre[c]);
            hi = Math.max(hi, centre[c]);
        }
        double w;
        if (perDie > 1) w = (hi - lo) / (perDie - 1);
        else if (dieCount > 1) w = centre[nextDie * cpd] - lo;   // one core per die: assume no scribe
        else w = 2 * lo;
        double scribe = Math.max(0, 2 * lo - w);
        return new double[]{dieCount * (perDie * w + scribe), scribe};
    }

    /** The die rectangles {x0, y0, x1, y1} (m). */
    static List<double[]> dieOutlines(CoreArray cores) {
        List<double[]> out = new ArrayList<>();
        if (cores == null) return out;
        for (int d = 0; d < cores.dieCount(); d++)
            out.add(new double[]{cores.dieX0(d), cores.dieY0(d), cores.dieX1(d), cores.dieY1(d)});
        return out;
    }
}
