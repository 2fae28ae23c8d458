package org.wafersim.run;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.cases.CaseLoader;

/** The steady solve reports its outer (Picard/Newton) rounds as progress updates, ending at the tolerance. */
class OuterRoundsProgressTest {
    record Update(String stage, double fraction, String detail) { }

    @Test
    void everyOuterRoundIsReported() {
        List<Update> updates = new ArrayList<>();
        RunProgress rec = new RunProgress() {
            @Override public void accept(String s) { }
            @Override public void update(String stage, double fraction, String detail) {
                updates.add(new Update(stage, fraction, detail));
            }
            @Override public void done() { }
        };
        CaseRun.Result r = CaseRun.run(CaseLoader.builtin("wse-coarse", List.of("grid.cells_per_core=0.1",
                "analysis.mechanics=false", "analysis.reliability=false")), 0, rec);
        List<Update> thermal = updates.stream().filter(u -> u.stage().equals("thermal")).toList();
        // k(T) and leakage: several rounds; the operating-point search may solve more than once, each reported
        assertTrue(thermal.size() >= r.thermal().picardIterations(), thermal.size() + " updates for "
                + r.thermal().picardIterations() + " rounds");
        assertTrue(thermal.get(0).detail().startsWith("outer round 1: change "), thermal.get(0).detail());
        Update last = thermal.get(thermal.size() - 1);
        assertEquals(1.0, last.fraction(), 0.0, "the converged round is the whole stage: " + last);
        for (Update u : thermal)
            assertTrue(Double.isNaN(u.fraction()) || (u.fraction() >= 0 && u.fraction() <= 1), u.toString());
    }
}
