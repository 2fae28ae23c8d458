package org.wafersim.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wafersim.power.SmallWafer.checkTotal;
import static org.wafersim.power.SmallWafer.core;
import static org.wafersim.power.SmallWafer.fails;
import static org.wafersim.power.SmallWafer.file;
import static org.wafersim.power.SmallWafer.load;
import static org.wafersim.power.SmallWafer.power;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cases.CaseSpec;
import org.wafersim.geometry.CoreArray;

/**
 * HotSpot floorplan + power trace import on the small wafer ({@link SmallWafer}: core (gc, gr) is the 3 x 3 mm
 * square at (3 gc, 3 gr) mm), against hand-computed core powers, and every kind of bad input.
 */
class HotSpotImportTest {
    /**
     * Four units: cpu0 covers cores (0,0) and (1,0); cpu1 spans x 10.5..15 mm, y 3..9 mm, i.e. 1.5 mm of column 3
     * and 3 mm of column 4 in rows 1 and 2 (4.5, 9, 4.5, 9 mm^2, across dies (0,0) and (1,0)); l2 is the whole
     * die (2,1); io is core (10,0). cpu1 has the 7-column form (specific heat, resistivity), which is ignored.
     */
    static final String FLP = """
            # HotSpot floorplan: <name> <width> <height> <left-x> <bottom-y> (m)
            cpu0\t0.006\t0.003\t0.000\t0.000
            cpu1\t0.0045\t0.006\t0.0105\t0.003\t1.75e6\t0.01

            l2 0.012 0.009 0.024 0.009   # a comment after the numbers
            io 0.003 0.003 0.030 0.000
            """;
    /** Mean per unit: cpu0 15, cpu1 27, l2 18, io 2 W (62 W); row 1: 20, 27, 24, 3 W (74 W). */
    static final String TRACE = "cpu0\tcpu1\tl2\tio\n10\t27\t12\t1\n20 27 24 3\n";

    @TempDir
    Path dir;
    Path flp, trace;

    @BeforeEach
    void files() throws IOException {
        flp = file(dir, "hs/chip.flp", FLP);
        trace = file(dir, "hs/run.ptrace", TRACE);
    }

    private CaseSpec hotspot(String total, String more) throws IOException {
        return load(dir, total, "map: hs/run.ptrace\nfloorplan: hs/chip.flp\nmap_as: distribution\n" + more);
    }

    /** The expected powers of the example, with {@code cpu0Core} W on each cpu0 core, and so on. */
    private static void assertExample(CoreArray a, double[] p, double cpu0Core, double cpu1PerMm2, double l2Core,
                                      double ioCore) {
        double[] want = new double[a.coreCount()];
        want[core(a, 0, 0)] = cpu0Core;
        want[core(a, 1, 0)] = cpu0Core;
        want[core(a, 3, 1)] = 4.5 * cpu1PerMm2;
        want[core(a, 4, 1)] = 9 * cpu1PerMm2;
        want[core(a, 3, 2)] = 4.5 * cpu1PerMm2;
        want[core(a, 4, 2)] = 9 * cpu1PerMm2;
        int l2 = a.dieIndex(2, 1);
        for (int c = a.firstCore(l2); c < a.firstCore(l2) + 12; c++) want[c] = l2Core;
        want[core(a, 10, 0)] = ioCore;
        for (int c = 0; c < want.length; c++) assertEquals(want[c], p[c], 1e-12 * 100, "core " + c);
    }

    @Test
    void meanOfTheTraceScaledToTheTotal() throws IOException {
        // 62 W in the trace, 124 W in the case: every power x 2
        CaseSpec c = hotspot("124 W", "");
        CoreArray a = CoreArray.of(c);
        double[] p = power(c);
        assertExample(a, p, 15, 2 * 27.0 / 27, 3, 4);
        checkTotal(c, p);
        String s = CorePowerSources.load(c, a, null).summary(124);
        assertTrue(s.contains("HotSpot trace " + trace + " (mean of 2 samples, 4 units, 62 W) on floorplan " + flp),
                s);
        assertTrue(s.endsWith("normalised to power.total = 124 W"), s);
    }

    @Test
    void oneSampleRow() throws IOException {
        // row 1: cpu0 20, cpu1 27, l2 24, io 3 W = 74 W; total 148 W -> x 2
        CaseSpec c = hotspot("148 W", "trace_row: 1");
        double[] p = power(c);
        assertExample(CoreArray.of(c), p, 20, 2.0, 4, 6);
        checkTotal(c, p);
    }

    @Test
    void floorplanOriginShiftsTheUnits() throws IOException {
        file(dir, "hs/chip.flp", "a 0.003 0.003 0 0\nb 0.006 0.003 0.003 0.003\n");
        file(dir, "hs/run.ptrace", "b a\n2 1\n");
        CaseSpec c = hotspot("3 W", "floorplan_origin: [\"3 mm\", \"3 mm\"]");
        CoreArray a = CoreArray.of(c);
        double[] p = power(c);
        double[] want = new double[a.coreCount()];
        want[core(a, 1, 1)] = 1;      // a: (0, 0) + (3, 3) mm
        want[core(a, 2, 2)] = 1;      // b: (3, 3) + (3, 3) mm, two cores wide
        want[core(a, 3, 2)] = 1;
        for (int i = 0; i < want.length; i++) assertEquals(want[i], p[i], 1e-14, "core " + i);
    }

    @Test
    void scribeLinesCarryNoPower() throws IOException {
        // scribe 1 mm: die 0 ends at x = 11.5 mm, die 1 starts at 12.5 mm. "bridge" spans x 10.5..13.5 mm: 1 mm
        // on core column 3, 1 mm of scribe, 1 mm on core column 4 -> its power splits 50/50, none is lost.
        // "gap" lies in the scribe line only: allowed with 0 W.
        file(dir, "hs/chip.flp", "bridge 0.003 0.001 0.0105 0.001\ngap 0.0008 0.001 0.0116 0.004\n");
        file(dir, "hs/run.ptrace", "bridge gap\n10 0\n");
        String cores = "{per_die: [4, 3], spare_fraction: 0}";
        CaseSpec c = load(dir, "1 mm", cores, "10 W", "map: hs/run.ptrace\nfloorplan: hs/chip.flp\nmap_as: distribution");
        CoreArray a = CoreArray.of(c);
        double[] p = power(c);
        assertEquals(5, p[core(a, 3, 0)], 1e-13);
        assertEquals(5, p[core(a, 4, 0)], 1e-13);
        checkTotal(c, p);
        // with power, the scribe-only unit is an error: its watts would have nowhere to go
        file(dir, "hs/run.ptrace", "bridge gap\n10 2\n");
        fails(() -> power(c), flp, "line 2", "unit 'gap' covers no core (it lies on scribe lines only)", "2 W");
    }

    @Test
    void powerOnASpareStaysInItsDie() throws IOException {
        String cores = "{per_die: [4, 3], spares: [[0, 0, 0, 0]]}";
        CaseSpec c = load(dir, "0 mm", cores, "124 W", "map: hs/run.ptrace\nfloorplan: hs/chip.flp\nmap_as: distribution");
        CoreArray a = CoreArray.of(c);
        double[] p = power(c);
        assertEquals(0.0, p[core(a, 0, 0)]);
        // die (0, 0) keeps its 2 x (7.5 + 4.5 + 4.5 + 7.5) = 48 W; its active cores keep their ratios 7.5 : 4.5 : 4.5
        double f = 48.0 / (2 * 16.5);
        assertEquals(2 * 7.5 * f, p[core(a, 1, 0)], 1e-12);
        assertEquals(2 * 4.5 * f, p[core(a, 3, 1)], 1e-12);
        assertEquals(2 * 4.5 * f, p[core(a, 3, 2)], 1e-12);
        assertEquals(18, p[core(a, 4, 1)], 1e-12);
        checkTotal(c, p);
    }

    // ----------------------------------------------------------------------------------------------- floorplan

    @Test
    void overlappingUnitsAreAnError() throws IOException {
        file(dir, "hs/chip.flp", "a 0.003 0.003 0 0\nb 0.003 0.003 0.002 0.002\n");
        file(dir, "hs/run.ptrace", "a b\n1 1\n");
        CaseSpec c = hotspot("2 W", "");
        fails(() -> power(c), flp, "line 2", "unit 'b' overlaps unit 'a' (line 1) by 1 mm^2 (11.1 % of the smaller");
        // touching edges are fine
        file(dir, "hs/chip.flp", "a 0.003 0.003 0 0\nb 0.003 0.003 0.003 0\nc 0.006 0.003 0 0.003\n");
        file(dir, "hs/run.ptrace", "a b c\n1 1 2\n");
        checkTotal(c, power(c));
    }

    @Test
    void unitsOutsideTheWaferAreAnError() throws IOException {
        file(dir, "hs/chip.flp", "a 0.003 0.003 0 0\nbig 0.040 0.003 0 0.003\n");
        file(dir, "hs/run.ptrace", "a big\n1 1\n");
        CaseSpec c = hotspot("2 W", "");
        fails(() -> power(c), flp, "line 2", "unit 'big' lies (partly) outside the wafer", "x 0 .. 40 mm",
                "the wafer spans 0 .. 36 mm x 0 .. 18 mm");
        // the example fits, but not when shifted: l2 ends at x = 36 mm + 3 mm
        files();
        CaseSpec shifted = hotspot("2 W", "floorplan_origin: [\"3 mm\", \"0 mm\"]");
        fails(() -> power(shifted), flp, "line 5", "unit 'l2' lies (partly) outside the wafer", "x 27 .. 39 mm",
                "power.floorplan_origin = (3, 0) mm");
        file(dir, "hs/chip.flp", "neg 0.003 0.003 -0.001 0\n");
        file(dir, "hs/run.ptrace", "neg\n1\n");
        fails(() -> power(c), flp, "line 1", "unit 'neg' lies (partly) outside the wafer");
    }

    @Test
    void floorplanSyntaxErrors() throws IOException {
        CaseSpec c = hotspot("2 W", "");
        file(dir, "hs/run.ptrace", "a\n1\n");
        file(dir, "hs/chip.flp", "# units\na 0.003 abc 0 0\n");
        fails(() -> power(c), flp, "line 2", "unit 'a': height \"abc\" is not a number");
        file(dir, "hs/chip.flp", "a 0 0.003 0 0\n");
        fails(() -> power(c), flp, "line 1", "unit 'a': width and height must be > 0");
        file(dir, "hs/chip.flp", "a -0.003 0.003 0 0\n");
        fails(() -> power(c), flp, "line 1", "width and height must be > 0");
        file(dir, "hs/chip.flp", "a 0.003 0.003 0 0 1e6\n");
        fails(() -> power(c), flp, "line 1", "expected 5 columns", "got 6");
        file(dir, "hs/chip.flp", "a 0.003 0.003 0 0\n\na 0.003 0.003 0.01 0\n");
        fails(() -> power(c), flp, "line 3", "unit 'a' is defined twice (also on line 1)");
        file(dir, "hs/chip.flp", "# empty\n");
        fails(() -> power(c), flp, null, "the floorplan has no units");
    }

    @Test
    void missingFloorplanFile() throws IOException {
        CaseSpec c = load(dir, "2 W", "map: hs/run.ptrace\nfloorplan: hs/none.flp\nmap_as: distribution");
        fails(() -> power(c), dir.resolve("hs/none.flp"), null, "no such file", "power.floorplan of");
    }

    // ------------------------------------------------------------------------------------------------- trace

    @Test
    void traceAndFloorplanNamesMustMatch() throws IOException {
        CaseSpec c = hotspot("2 W", "");
        file(dir, "hs/run.ptrace", "cpu0 cpu1 l2 io fpu\n1 1 1 1 1\n");
        fails(() -> power(c), trace, "line 1", "unit 'fpu' (entry 5) is not in the floorplan " + flp,
                "cpu0, cpu1, l2, io");
        file(dir, "hs/run.ptrace", "cpu0 cpu1 io\n1 1 1\n");
        fails(() -> power(c), flp, "line 5", "unit 'l2' has no power in the trace " + trace);
    }

    @Test
    void traceRowsMustHaveOneNumberPerUnit() throws IOException {
        CaseSpec c = hotspot("2 W", "");
        file(dir, "hs/run.ptrace", "cpu0 cpu1 l2 io\n1 2 3 4\n1 2 3\n");
        fails(() -> power(c), trace, "line 3", "has 3 values, expected 4 (one per unit named on line 1)");
        file(dir, "hs/run.ptrace", "cpu0 cpu1 l2 io\n1 2 3 4 5\n");
        fails(() -> power(c), trace, "line 2", "has 5 values, expected 4");
        file(dir, "hs/run.ptrace", "cpu0 cpu1 l2 io\n1 2 3 4\n1 2 x 4\n");
        fails(() -> power(c), trace, "line 3", "unit 'l2': power \"x\" is not a number");
        file(dir, "hs/run.ptrace", "cpu0 cpu1 l2 io\n1 2 3 4\n1 -2 3 4\n");
        fails(() -> power(c), trace, "line 3", "unit 'cpu1': negative power -2 W");
    }

    @Test
    void traceStructureErrors() throws IOException {
        CaseSpec c = hotspot("2 W", "");
        file(dir, "hs/run.ptrace", "cpu0 cpu1 cpu0 io\n1 2 3 4\n");
        fails(() -> power(c), trace, "line 1", "unit 'cpu0' is named twice (entries 1 and 3)");
        file(dir, "hs/run.ptrace", "1 2 3 4\n1 2 3 4\n");
        fails(() -> power(c), trace, "line 1", "the first line must name the units");
        file(dir, "hs/run.ptrace", "cpu0 cpu1 l2 io\n");
        fails(() -> power(c), trace, null, "has unit names (line 1) but no power values");
        file(dir, "hs/run.ptrace", "\n\n");
        fails(() -> power(c), trace, null, "the power trace is empty");
        file(dir, "hs/run.ptrace", "cpu0 cpu1 l2 io\n0 0 0 0\n");
        fails(() -> power(c), trace, null, "every unit has 0 W in every sample");
    }

    @Test
    void traceRowOutOfRangeNamesTheCaseKey() throws IOException {
        CaseSpec c = hotspot("2 W", "trace_row: 2");
        fails(() -> power(c), dir.resolve("case.yaml"), "power.trace_row", "trace_row 2 does not exist",
                trace + " has 2 samples (rows 0..1)");
    }

    @Test
    void largeFloorplanIsFast() throws IOException {
        // 72 units, one per core, in a shuffled order: checks the overlap sweep and the placement at scale
        StringBuilder f = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (int k = 0; k < 72; k++) {
            int i = (k * 29) % 72, gc = i % 12, gr = i / 12;
            f.append("u").append(i).append(' ').append("0.003 0.003 ").append(gc * 0.003).append(' ')
                    .append(gr * 0.003).append('\n');
            names.add("u" + i);
        }
        file(dir, "hs/chip.flp", f.toString());
        StringBuilder t = new StringBuilder(String.join(" ", names)).append('\n');
        for (String n : names) t.append(n.substring(1)).append(' ');
        file(dir, "hs/run.ptrace", t.append('\n').toString());
        CaseSpec c = hotspot("2556 W", "");     // sum of 0..71
        CoreArray a = CoreArray.of(c);
        double[] p = power(c);
        for (int i = 0; i < 72; i++) assertEquals(i, p[core(a, i % 12, i / 12)], 1e-11, "unit " + i);
    }
}
