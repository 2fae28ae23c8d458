package org.wafersim.grid;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.wafersim.cases.CaseSpec;
import org.wafersim.errors.InputException;
import org.wafersim.geometry.CoreArray;
import org.wafersim.geometry.TestCases;

class MemoryEstimateTest {
    private static final long GIB = 1L << 30;

    @Test
    void byteModel() {
        assertEquals(132, MemoryEstimate.BYTES_PER_CELL);
        assertEquals(128L << 20, MemoryEstimate.bytesFor(0));
        assertEquals((128L << 20) + 132_000_000L, MemoryEstimate.bytesFor(1_000_000));
        // the default wafer at one cell per core: 669 x 665 x 17 = 7.56M cells, ~1.05 GiB
        GridPlan p = GridBuilder.plan(TestCases.defaultCase(1));
        assertEquals(7_563_045, p.cells());
        assertEquals(1.05, p.estimatedBytes() / (double) GIB, 0.01);
    }

    @Test
    void smallGridPasses() {
        MemoryEstimate.check(1_000_000, 4 * GIB, "x.yaml");
        MemoryEstimate.check(GridBuilder.plan(TestCases.defaultCase(1)), 6 * GIB, "x.yaml");
        MemoryEstimate.check(1_000_000, Long.MAX_VALUE, "x.yaml");
    }

    @Test
    void hugeGridIsRefusedWithTheEstimate() {
        CaseSpec spec = TestCases.defaultCase(20);
        GridPlan p = GridBuilder.plan(spec);
        InputException e = assertThrows(InputException.class, () -> MemoryEstimate.check(p, 6 * GIB, spec.source()));
        String m = e.getMessage();
        assertEquals("grid.cells_per_core", e.keyPath());
        assertTrue(m.startsWith("test.yaml: grid.cells_per_core: the grid of "), m);
        assertTrue(m.contains("(" + p.nx() + " × " + p.ny() + " × " + p.nz() + ")"), m);
        assertTrue(m.contains(String.format(java.util.Locale.ROOT, "needs about %.1f GiB", p.estimatedBytes() / (double) GIB)), m);
        assertTrue(m.contains("more than the 6.0 GiB the JVM may use (-Xmx)"), m);
        assertTrue(m.contains("lower grid.cells_per_core or raise the heap"), m);
        // the long-only form
        InputException e2 = assertThrows(InputException.class, () -> MemoryEstimate.check(p.cells(), GIB, "y.yaml"));
        assertTrue(e2.getMessage().contains(String.format(java.util.Locale.ROOT, "%,d cells", p.cells())), e2.getMessage());
    }

    @Test
    void buildRefusesBeforeAllocating() {
        // cells_per_core 20: ~3.5e9 cells (~830 GiB), refused by the real heap limit, in milliseconds
        CaseSpec spec = TestCases.defaultCase(20);
        CoreArray cores = CoreArray.of(spec);
        long t0 = System.nanoTime();
        InputException e = assertThrows(InputException.class, () -> GridBuilder.build(spec, cores));
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L);
        assertTrue(e.getMessage().contains("GiB"), e.getMessage());
        // the default grid against a 512 MiB heap: refused although the 19 MB material array would fit
        InputException small = assertThrows(InputException.class,
                () -> GridBuilder.build(TestCases.defaultCase(1), CoreArray.of(TestCases.defaultCase(1)), 512L << 20));
        assertTrue(small.getMessage().contains("needs about 1.1 GiB, more than the 0.5 GiB"), small.getMessage());
    }

    @Test
    void moreCellsThanAnArrayHoldsIsRefusedEvenWithAHugeHeap() {
        InputException e = assertThrows(InputException.class, () -> MemoryEstimate.check(3_000_000_000L, 1L << 50, "z.yaml"));
        assertTrue(e.getMessage().contains("more cells than one array can hold"), e.getMessage());
    }
}
