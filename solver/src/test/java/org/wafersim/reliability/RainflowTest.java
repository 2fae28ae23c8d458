package org.wafersim.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RainflowTest {

    /**
     * ASTM E1049-85 (2017) §5.4.4, Fig. 6 history and Table 4. Hand trace of the three-point rules (S = start):
     * A=−2 B=1 C=−3: X=4 ≥ Y=3, Y holds S → ½ of range 3, S→B; B C D=5: X=8 ≥ Y=4, Y holds S → ½ of 4, S→C;
     * C D E=−1 F=3 G=−4: at G X=7 ≥ Y=|F−E|=4 → 1 cycle of 4 (E, F discarded); C D G: X=9 ≥ Y=8, holds S → ½ of 8,
     * S→D; D G H=4 I=−2: X=8 &lt; 9, X=6 &lt; 8; residue D-G, G-H, H-I → ½ of 9, 8, 6.
     * Table 4: 3 → 0.5, 4 → 1.5, 6 → 0.5, 8 → 1.0, 9 → 0.5 (also the test table of the widely used Python package
     * "rainflow", iamlikeme/rainflow, for this series).
     */
    @Test
    void astmExampleGivesTheStandardsTable() {
        double[] h = {-2, 1, -3, 5, -1, 3, -4, 4, -2};
        SortedMap<Double, Double> table = Rainflow.rangeTable(Rainflow.count(h));
        Map<Double, Double> expected = new TreeMap<>(Map.of(3.0, 0.5, 4.0, 1.5, 6.0, 0.5, 8.0, 1.0, 9.0, 0.5));
        assertEquals(expected, table);
    }

    @Test
    void countedCyclesCarryTheirMeans() {
        List<Rainflow.Cycle> cycles = Rainflow.count(new double[] {-2, 1, -3, 5, -1, 3, -4, 4, -2});
        // the one full cycle is E-F = (−1, 3): mean 1
        Rainflow.Cycle full = cycles.stream().filter(c -> c.count() == 1.0).findFirst().orElseThrow();
        assertEquals(4.0, full.range());
        assertEquals(1.0, full.mean());
        assertEquals(7, cycles.size());          // ½ 3, ½ 4, 1 × 4, ½ 8, then the residue ½ 9, ½ 8, ½ 6
    }

    @Test
    void peakValleyExtractionDropsPlateausAndIntermediatePoints() {
        double[] h = {0, 1, 2, 2, 3, 1, 1, 0, 4, 4};
        assertArrayEquals(new double[] {0, 3, 0, 4}, Rainflow.reversals(h));
        assertArrayEquals(new double[] {5}, Rainflow.reversals(new double[] {5, 5, 5}));
    }

    @Test
    void repeatedIdenticalCyclesCountAsFullCycles() {
        // 0,10 repeated: every range includes the moving start point, so six half cycles, 3 cycles in all
        double[] h = {0, 10, 0, 10, 0, 10, 0};
        SortedMap<Double, Double> t = Rainflow.rangeTable(Rainflow.count(h));
        assertEquals(Map.of(10.0, 3.0), t);
    }

    @Test
    void minerSumsCountOverCyclesToFailure() {
        List<Rainflow.Cycle> cycles = Rainflow.count(new double[] {-2, 1, -3, 5, -1, 3, -4, 4, -2});
        // N_f = 1000/range^2: D = Σ count·range²/1000
        double d = Miner.damage(cycles, (range, mean) -> 1000 / (range * range));
        double expected = (0.5 * 9 + 1.5 * 16 + 0.5 * 36 + 1.0 * 64 + 0.5 * 81) / 1000;
        assertEquals(expected, d, 1e-15);
        assertEquals(1 / expected, Miner.blocksToFailure(d), 1e-12);
        assertEquals(0.5 / 100 + 2.0 / 400, Miner.damage(new double[] {0.5, 2}, new double[] {100, 400}), 1e-18);
    }
}
