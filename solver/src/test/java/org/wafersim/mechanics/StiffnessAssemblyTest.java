package org.wafersim.mechanics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.linalg.NodeBlockMatrix;
import org.wafersim.linalg.Parallel;

/**
 * The stiffness assembly reuses an element's matrix along a row where it repeats: the matrix is to the bit the one
 * gathered element by element, with footprint edges, a clamped rim and point supports breaking the repeats, on 1
 * and 2 threads.
 */
class StiffnessAssemblyTest {
    @Test
    void reusedElementMatricesGiveTheSameStiffness() {
        List<StackLayer> layers = PlateMultigridTest.stack();
        double l = 0.1;
        PlateMesh mesh = PlateMesh.covering(new double[]{0, 0.01, 0.015, 0.085, 0.09, l},
                new double[]{0, 0.01, 0.015, 0.085, 0.09, l}, l / 24);
        PlateModel m = new PlateModel(layers, mesh);
        int board = m.laminates().size() - 1;
        List<List<PlateModel.Fix>> supports = List.of(Supports.free(m), Supports.clamped(m, board),
                Supports.bosses(m, board, List.of(new double[]{0.0042, 0.0061}, new double[]{0.0953, 0.0932})));
        for (List<PlateModel.Fix> fixes : supports)
            for (int threads : new int[]{1, 2})
                try (Parallel par = new Parallel(threads)) {
                    NodeBlockMatrix a = m.assembleStiffness(fixes, par, true).k();
                    NodeBlockMatrix b = m.assembleStiffness(fixes, par, false).k();
                    assertEquals(b.nonZeros(), a.nonZeros());
                    for (int q = 0; q < a.nonZeros(); q++) {
                        int p = q;
                        assertEquals(Double.doubleToLongBits(b.valueAt(p)), Double.doubleToLongBits(a.valueAt(p)),
                                () -> "entry " + p + " (row " + a.rowAt(p) + ")");
                    }
                }
    }
}
