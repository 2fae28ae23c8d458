package org.wafersim.grid;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.cases.CaseLoader;
import org.wafersim.errors.InputException;

/**
 * Sizes that used to allocate before the memory check (OutOfMemoryError), overflow (a negative GiB) or break the z
 * faces: each is now one input error naming the key that causes it, found by planning alone (issue 13 reproducers;
 * the sizes themselves are rows of solver's bad-input.yaml, run through the command line).
 */
class HostileSizesTest {
    @Test
    void theEstimateSaturatesInsteadOfOverflowing() {
        assertTrue(MemoryEstimate.bytesFor(Long.MAX_VALUE / 10) > 0);
        assertTrue(MemoryEstimate.bytesFor(Long.MAX_VALUE / 1000, true) > 0);
        InputException e = assertThrows(InputException.class,
                () -> MemoryEstimate.check(Long.MAX_VALUE / 1000, 1L << 34, "case.yaml"));
        assertFalse(e.getMessage().matches(".*-\\d.*GiB.*"), e.getMessage());
    }

    @Test
    void aGridMostlyUnderAnOversizedLayerBlamesThatLayer() {
        GridPlan p = GridBuilder.plan(CaseLoader.builtin("wse-default", List.of("stack[4].size=2 m",
                "stack[0].size=2 m", "grid.cells_per_core=0.05")));
        InputException e = assertThrows(InputException.class, () -> MemoryEstimate.check(p, 64L << 20, "case.yaml"));
        assertTrue(e.keyPath().equals("stack[0].size") || e.keyPath().equals("stack[4].size"), e.getMessage());
        assertTrue(e.getMessage().contains("outside the wafer"), e.getMessage());
        // a grid mostly on the wafer still blames the cells per core
        GridPlan onWafer = GridBuilder.plan(CaseLoader.builtin("wse-default", List.of("grid.cells_per_core=1")));
        assertEquals("grid.cells_per_core", assertThrows(InputException.class,
                () -> MemoryEstimate.check(onWafer, 64L << 20, "case.yaml")).keyPath());
    }

    @Test
    void theLargestLegalLayerStillPlans() {
        GridPlan p = GridBuilder.plan(CaseLoader.builtin("wse-default",
                List.of("stack[4].size=2 m", "grid.cells_per_core=0.1")));
        assertTrue(p.cells() > 0 && p.cells() < 20_000_000, p.toString());
    }
}
