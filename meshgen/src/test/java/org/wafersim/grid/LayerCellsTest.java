package org.wafersim.grid;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.errors.InputException;

/** grid.layers.NAME.cells: exactly that many z-cells through a layer; a warning when neighbours grow too fast. */
class LayerCellsTest {
    static GridPlan plan(String... sets) {
        return GridBuilder.plan(CaseLoader.builtin("wse-coarse", List.of(sets)));
    }

    static int cells(GridPlan p, String layer) {
        int l = p.layerNames().indexOf(layer);
        return p.layerK1(l) - p.layerK0(l);
    }

    @Test
    void aLayerGetsExactlyTheCellsItIsGiven() {
        GridPlan base = plan();
        // the default 17 z-planes (min cells per layer + 6) cannot hold max_growth 1.5 from the 20 um active slab
        // to the millimetre layers: the plan says so instead of hiding it
        assertTrue(base.maxZGrowth() > 1.5, "max growth " + base.maxZGrowth());
        assertNotNull(base.zGrowthWarning());
        assertTrue(base.zGrowthWarning().contains("max_growth 1.5"), base.zGrowthWarning());
        for (int n : new int[] {1, 3, 7}) {
            GridPlan p = plan("grid.layers={connector: {cells: " + n + "}}");
            assertEquals(n, cells(p, "connector"), "connector cells");
        }
        GridPlan w = plan("grid.layers={wafer: {cells: 6}, tim: {cells: 4}}");
        assertEquals(6, cells(w, "wafer"), "the wafer's count includes its active slab");
        assertEquals(4, cells(w, "tim"));
        // the given cells fill the layer exactly
        double[] z = w.zFaces();
        int l = w.layerNames().indexOf("tim");
        assertEquals(50e-6, z[w.layerK1(l)] - z[w.layerK0(l)], 1e-15);
        CaseSpec spec = CaseLoader.builtin("wse-coarse", List.of("grid.layers={tim: {cells: 4}}"));
        assertEquals(4, spec.grid().layerCells().get("tim"));
        assertTrue(spec.resolvedText().contains("cells: 4"), spec.resolvedText());
    }

    @Test
    void tooFewCellsInAThickLayerIsWarnedNotHidden() {
        // the 6 mm board in one cell next to the graded connector: the ratio cannot be held, and the plan says where
        GridPlan p = plan("grid.layers={board: {cells: 1}}");
        assertEquals(1, cells(p, "board"));
        assertTrue(p.maxZGrowth() > 1.5, "max growth " + p.maxZGrowth());
        String w = p.zGrowthWarning();
        assertNotNull(w);
        assertTrue(w.contains("board") && w.contains("grid.layers.board.cells") && w.contains("max_growth"), w);
        // enough cells everywhere: the grading holds max_growth and nothing is said
        GridPlan fine = plan("grid.min_cells_per_layer=16");
        assertNull(fine.zGrowthWarning(), fine.zGrowthWarning());
        assertTrue(fine.maxZGrowth() <= 1.5 * (1 + 1e-9), "max growth " + fine.maxZGrowth());
    }

    @Test
    void badCellCountsNameTheKey() {
        String[][] bad = {
                {"grid.layers={bord: {cells: 3}}", "grid.layers.bord", "did you mean 'board'"},
                {"grid.layers={board: {cells: 0}}", "grid.layers.board.cells", "whole number from 1"},
                {"grid.layers={board: {cells: 2.5}}", "grid.layers.board.cells", "whole number"},
                {"grid.layers={wafer: {cells: 1}}", "grid.layers.wafer.cells", "active slab"},
                {"grid.layers={board: {cells: 100000}}", "grid.layers.board.cells", "1000"},
                {"grid.layers={board: {count: 3}}", "grid.layers.board.count", "unknown key"},
                {"grid.layers={board: 3}", "grid.layers.board", "mapping"},
                {"grid.layers=[board]", "grid.layers", "mapping"},
        };
        for (String[] b : bad) {
            InputException e = assertThrows(InputException.class, () -> plan(b[0]), b[0]);
            assertTrue(e.getMessage().contains(b[1]) && e.getMessage().contains(b[2]), b[0] + " -> " + e.getMessage());
        }
    }
}
