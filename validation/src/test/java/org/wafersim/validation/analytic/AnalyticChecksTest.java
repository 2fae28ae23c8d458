package org.wafersim.validation.analytic;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wafersim.validation.check.Check;
import org.wafersim.validation.check.Context;
import org.wafersim.validation.check.Row;

/** Every analytical check passes every row (the solver against its references, as {@code wafersim validate} runs it). */
class AnalyticChecksTest {
    static Stream<Arguments> checks() { return AnalyticChecks.all().stream().map(c -> Arguments.of(c.name(), c)); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void passes(String name, Check check) {
        List<Row> rows = check.run(Context.quiet());
        assertFalse(rows.isEmpty());
        for (Row r : rows) {
            System.out.printf("%s: %s: error %.3e, tolerance %s %.3e: %s %s%n", r.check(), r.quantity(), r.error(),
                    r.bound().symbol, r.tolerance(), r.verdict(), r.note());
            assertEquals(check.name(), r.check());
            assertTrue(r.pass(), r.quantity() + ": error " + r.error() + " vs " + r.bound().symbol + " " + r.tolerance()
                    + " " + r.note());
        }
    }
}
