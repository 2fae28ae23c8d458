package org.wafersim.errors;

import static org.junit.jupiter.api.Assertions.*;

import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each failure kind maps to its exit code and kind word through the one rule, {@link Failure#of}. */
class FailureTest {
    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of(new InputException("case.yaml", "wafer.thickness", "must be positive"), 2, "bad_input"),
                Arguments.of(new CheckFailedException("validation failed"), 1, "check_failed"),
                Arguments.of(new NotConvergedException("steady solve did not converge"), 1, "not_converged"),
                Arguments.of(new ThermalRunawayException("thermal runaway", 1e5), 1, "thermal_runaway"),
                Arguments.of(new EnergyBalanceException("energy balance off by 3 %"), 1, "energy_balance"),
                Arguments.of(new NotPositiveDefiniteException("Cholesky failed"), 1, "not_positive_definite"),
                // wrapped by a thread pool or a worker: the wafersim failure inside decides
                Arguments.of(new IllegalStateException("worker failed",
                        new ExecutionException(new InputException(null, "x", "bad"))), 2, "bad_input"),
                Arguments.of(new RuntimeException(new NotConvergedException("no")), 1, "not_converged"),
                Arguments.of(new OutOfMemoryError("Java heap space"), 1, "out_of_memory"));
    }

    @ParameterizedTest(name = "{2} -> exit {1}")
    @MethodSource("kinds")
    void eachKindMapsToItsExitCode(Throwable t, int exit, String kind) {
        Failure f = Failure.of(t);
        assertEquals(exit, f.exitCode());
        assertEquals(kind, f.kind());
        assertFalse(f.internal());
        if (t instanceof WafersimException w) {
            assertEquals(exit, w.exitCode());
            assertEquals(kind, w.kind());
        }
        assertTrue(f.line().startsWith(exit == 2 ? "wafersim: error: " : "wafersim: failed: "), f.line());
        assertFalse(f.line().contains("\n"), "one line");
    }

    @Test
    void anythingElseIsAnInternalErrorWithExitOne() {
        for (Throwable t : new Throwable[] {new ArithmeticException("x"), new IllegalArgumentException("y"),
                new UncheckedIOException(new java.io.IOException("z")), new StackOverflowError()}) {
            Failure f = Failure.of(t);
            assertTrue(f.internal(), t.toString());
            assertEquals(1, f.exitCode());
            assertEquals("internal_error", f.kind());
            assertTrue(f.line().startsWith("wafersim: internal error: "));
        }
    }

    @Test
    void anInputMessageIsOneShortLineWhateverTheUserTyped() {
        String typed = "x\ny".repeat(100_000);
        InputException e = new InputException("case.yaml", "k" + typed, "bad value '" + typed + "'");
        assertFalse(e.getMessage().contains("\n"), "one line");
        assertTrue(e.getMessage().length() < 2000, "short: " + e.getMessage().length());
        assertTrue(e.getMessage().startsWith("case.yaml: kx y"), e.getMessage().substring(0, 40));
        assertTrue(e.getMessage().contains("characters ...]"), "says what was left out");
        assertEquals("bad value '" + typed + "'", e.reason(), "the full reason stays available");
    }

    @Test
    void aCyclicCauseChainEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertTrue(Failure.of(a).internal());
    }

    @Test
    void inputErrorsKeepTheirKindWhenReattributed() {
        InputException e = new InputException(null, "thickness", "must be positive").under("wafer").inSource("c.yaml");
        assertEquals("c.yaml: wafer.thickness: must be positive", e.getMessage());
        assertEquals(2, Failure.of(e).exitCode());
    }
}
