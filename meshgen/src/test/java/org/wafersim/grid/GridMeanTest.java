package org.wafersim.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Grid#volumeMean}: the volume-weighted mean over the solid cells of a z-slab. */
class GridMeanTest {
    @Test
    void weightsByVolumeAndSkipsVoidCells() {
        // x cells 1 and 3 wide, one y cell of 2, z cells 1 and 2 high; the top right cell is void
        Grid g = new Grid(new double[] {0, 1, 4}, new double[] {0, 2}, new double[] {0, 1, 3},
                new short[] {0, 0, 0, -1}, List.of("m"), List.of("bottom", "top"), new int[] {0, 1}, new int[] {1, 2},
                0, 1);
        double[] t = {10, 20, 30, 1e9};
        assertEquals((10 * 2 + 20 * 6) / 8.0, g.volumeMean(t, 0, 1), 1e-12);                 // bottom: V 2 and 6
        assertEquals(30, g.volumeMean(t, 1, 2), 1e-12);                                      // top: the void is left out
        assertEquals((10 * 2 + 20 * 6 + 30 * 4) / 12.0, g.volumeMean(t, 0, 2), 1e-12);       // both
        assertTrue(Double.isNaN(g.volumeMean(t, 1, 1)), "an empty slab has no mean");
    }
}
