package org.wafersim.run;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.grid.GridPlan;
import org.wafersim.grid.MemoryEstimate;

/**
 * The run's heap estimate is the largest stage's: the thermal stages (the steady solver's model, plus one further
 * state's bytes for each further steady state the mechanics needs) or the mechanics stage (the kept fields plus the
 * mechanics' own). Planning only: nothing is allocated, so the full default wafer is cheap here.
 */
class HeapEstimateTest {
    private static long mib(long m) { return m << 20; }

    @Test
    void thermalOnlyIsTheSteadySolversModel() {
        CaseSpec spec = CaseLoader.builtin("wse-default", List.of("analysis.mechanics=false"));
        GridPlan p = CaseRun.plan(spec);
        assertEquals(p.estimatedBytes(), CaseRun.estimatedBytes(spec));
        assertEquals(mib(MemoryEstimate.FIXED_MIB) + MemoryEstimate.BYTES_PER_CELL * p.cells(), p.estimatedBytes());
    }

    @Test
    void theIdleStateAddsToTheThermalStagesWhichOutweighTheMechanicsOnTheDefaultWafer() {
        CaseSpec spec = CaseLoader.builtin("wse-default", List.of());
        assertEquals(List.of(CaseSpec.OperatingState.FULL, CaseSpec.OperatingState.IDLE), spec.mechanics().states());
        GridPlan p = CaseRun.plan(spec);
        long thermal = p.estimatedBytes() + CaseRun.STATE_BYTES_PER_CELL * p.cells();
        long mechanics = mib(MemoryEstimate.FIXED_MIB) + CaseRun.KEPT_BYTES_PER_CELL * p.cells()
                + MechanicsRun.estimateBytes(spec, p);
        assertTrue(thermal > mechanics, thermal + " vs " + mechanics);
        assertEquals(thermal, CaseRun.estimatedBytes(spec));
        // the full-load state alone is the run's own field: no further solve
        CaseSpec full = CaseLoader.builtin("wse-default", List.of("mechanics.states=[full]"));
        assertEquals(p.estimatedBytes(), CaseRun.estimatedBytes(full));
    }

    @Test
    void withoutAThermalSolveTheMechanicsStageDecides() {
        CaseSpec spec = CaseLoader.builtin("wse-mechanics", List.of());
        assertEquals(CaseSpec.ThermalAnalysis.NONE, spec.analysis().thermal());
        GridPlan p = CaseRun.plan(spec);
        long mech = MechanicsRun.estimateBytes(spec, p);
        // multigrid path: 18 B per modelled stiffness entry 9 d^2 N (101 x 101 nodes, 3 laminates: d = 18)
        assertEquals((long) (MechanicsRun.MULTIGRID_BYTES_PER_ENTRY * 9 * 18 * 18 * 101 * 101), mech, 1);
        long mechanics = mib(MemoryEstimate.FIXED_MIB) + CaseRun.KEPT_BYTES_PER_CELL * p.cells() + mech;
        assertTrue(mechanics > MemoryEstimate.bytesWithoutSolve(p.cells()));
        assertEquals(mechanics, CaseRun.estimatedBytes(spec));
    }
}
