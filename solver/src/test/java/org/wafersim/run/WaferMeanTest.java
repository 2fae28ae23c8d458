package org.wafersim.run;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.grid.Grid;
import org.wafersim.linalg.Parallel;

/**
 * The transient's per-step wafer mean, summed by grid rows on the run's threads, against the grid's serial volume
 * mean (round-off apart) and on 1 and 2 threads (bitwise the same), on the default wafer's grid with its void cells
 * around the round wafer.
 */
class WaferMeanTest {
    @Test
    void rowSumsAgreeWithTheSerialMeanAndDoNotDependOnTheThreads() {
        CaseSpec spec = CaseLoader.builtin("wse-default", List.of("grid.cells_per_core=0.05"));
        Grid g = MeshStage.build(spec, m -> { }).grid();
        double[] t = new double[g.cells()];
        int voids = 0;
        for (int c = 0; c < t.length; c++) {
            if (g.isVoid(c)) { t[c] = Double.NaN; voids++; continue; }
            t[c] = 300 + 40 * Math.sin(1e-3 * c) + 1e-3 * (c % 97);
        }
        assertTrue(voids > 0);
        int wl = spec.waferLayerIndex(), k0 = g.layerK0(wl), k1 = g.layerK1(wl);
        double serial = g.volumeMean(t, k0, k1);
        try (Parallel one = new Parallel(1); Parallel two = new Parallel(2)) {
            double a = TransientRun.volumeMean(g, t, k0, k1, one), b = TransientRun.volumeMean(g, t, k0, k1, two);
            assertEquals(a, b, 0);
            // two summation orders of the same n terms: apart by the round-off of the serial chain, n eps at most
            // (n ~ 1e4-1e5 here, eps 1.1e-16); measured 2e-13
            double roundOff = 1e-11 * serial;
            assertEquals(serial, a, roundOff);
            // the whole grid as well
            assertEquals(g.volumeMean(t, 0, g.nz), TransientRun.volumeMean(g, t, 0, g.nz, two), roundOff);
        }
    }
}
