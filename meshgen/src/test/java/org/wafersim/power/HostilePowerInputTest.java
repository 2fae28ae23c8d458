package org.wafersim.power;

import static org.junit.jupiter.api.Assertions.*;
import static org.wafersim.power.SmallWafer.*;
import static org.wafersim.power.TimelineCases.timeline;
import static org.wafersim.power.TimelineCases.trace;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cases.CaseSpec;
import org.wafersim.errors.InputException;

/** Power inputs with values near the largest double (issue 13 reproducers). */
class HostilePowerInputTest {
    @TempDir Path dir;

    @Test
    void aMapOf1e308IsNotReportedAsAllZero() throws IOException {
        CaseSpec c = load(dir, "600 W", "map: p.csv");
        Path m = file(dir, "p.csv", "1e308, 1e308, 1e308\n1e308, 1e308, 1e308\n");
        InputException e = fails(() -> power(c), m, null, "sum to more than a double");
        assertFalse(e.getMessage().contains("every value is 0"), e.getMessage());
    }

    @Test
    void aTraceValueOf1e308IsRefusedAtItsLine() throws IOException {
        file(dir, "load/t.csv", "time [s], scale\n0, 1\n10, 1e308\n");
        CaseSpec c = trace(dir, "20 s", "file: load/t.csv");
        fails(() -> timeline(c), dir.resolve("load/t.csv"), "line 3", "largest trace value");
    }
}
