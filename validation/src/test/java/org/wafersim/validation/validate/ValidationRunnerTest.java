package org.wafersim.validation.validate;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.errors.InputException;
import org.wafersim.validation.check.Check;
import org.wafersim.validation.check.Context;
import org.wafersim.validation.check.Row;

class ValidationRunnerTest {
    record Fake(String name, Runnable body, List<Row> rows) implements Check {
        public String description() { return "fake"; }
        public List<Row> run(Context ctx) {
            body.run();
            return rows;
        }
    }

    @Test
    void anExceptionFailsItsCheckAndTheOthersStillRun() {
        Check broken = new Fake("broken", () -> { throw new IllegalStateException("diverged"); }, List.of());
        Check fine = new Fake("fine", () -> { }, List.of(Row.atMost("fine", "x", 1, 2, "K", "")));
        List<CheckResult> r = ValidationRunner.run(List.of(broken, fine), Context.quiet());
        assertFalse(r.get(0).passed());
        assertTrue(r.get(0).rows().get(0).note().contains("IllegalStateException: diverged"));
        assertTrue(r.get(1).passed());
        String table = ReportTable.format(r);
        assertTrue(table.contains("FAIL: 2 checks, 2 rows: 1 passed, 1 failed (1 checks failing)"), table);
    }

    @Test
    void badInputIsNotSwallowed() {
        Check bad = new Fake("bad", () -> { throw new InputException("f.yaml", null, "broken"); }, List.of());
        assertThrows(InputException.class, () -> ValidationRunner.run(List.of(bad), Context.quiet()));
    }

    @Test
    void boundsAndNumbers() {
        assertTrue(Row.atLeast("c", "order", 1.9, 0.9, "", "").pass());
        assertFalse(Row.atLeast("c", "order", Double.NaN, 0.9, "", "").pass());
        assertFalse(Row.atMost("c", "e", Double.NaN, 1, "", "").pass());
        assertEquals("0", ReportTable.number(0));
        assertEquals("1.00e-05", ReportTable.number(1e-5));
        assertEquals("0.1500", ReportTable.number(0.15));
        assertEquals("-", ReportTable.number(Double.NaN));
    }
}
