package org.wafersim.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wafersim.errors.CheckFailedException;
import org.wafersim.errors.EnergyBalanceException;
import org.wafersim.errors.InputException;
import org.wafersim.errors.NotConvergedException;
import org.wafersim.errors.NotPositiveDefiniteException;
import org.wafersim.errors.ThermalRunawayException;
import org.wafersim.errors.WafersimException;
import org.wafersim.linalg.Parallel;
import org.wafersim.linalg.Pcg;
import org.wafersim.linalg.SparseCholesky;
import org.wafersim.linalg.SparseSymmetric;
import org.wafersim.linalg.SymmetricOperator;

/** The command line's exit codes come from the exception root only; a failed check never reads "internal error". */
class ExitCodeTest {
    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new InputException("case.yaml", "stack[2].thickness", "must be positive"), Cli.BAD_INPUT),
                Arguments.of(new CheckFailedException("2 of 9 checks failed"), Cli.CHECK_FAILED),
                Arguments.of(new NotConvergedException("steady solve did not converge"), Cli.CHECK_FAILED),
                Arguments.of(new ThermalRunawayException("thermal runaway", 3e4), Cli.CHECK_FAILED),
                Arguments.of(new org.wafersim.errors.InfeasibleException("no operating point", null), Cli.CHECK_FAILED),
                Arguments.of(new EnergyBalanceException("energy balance off"), Cli.CHECK_FAILED),
                Arguments.of(new NotPositiveDefiniteException("not positive definite"), Cli.CHECK_FAILED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void cliMapsEachKindToItsExitCodeOnOneLine(WafersimException e, int code) {
        StringWriter err = new StringWriter();
        assertEquals(code, Cli.handle(e, new PrintWriter(err)));
        assertEquals(e.exitCode(), code);
        String s = err.toString();
        assertEquals(1, s.lines().count(), s);
        assertFalse(s.contains("internal error"), s);
        assertTrue(s.contains(e.getMessage()), s);
    }

    @Test
    void aBugStillShowsItsStackTrace() {
        StringWriter err = new StringWriter();
        assertEquals(Cli.CHECK_FAILED, Cli.handle(new IllegalStateException("a bug"), new PrintWriter(err)));
        assertTrue(err.toString().startsWith("wafersim: internal error: "));
        assertTrue(err.toString().lines().count() > 1, "a bug keeps its trace");
    }

    /** The linear-algebra core reports an indefinite matrix as a failed check, not as an ArithmeticException. */
    @Test
    void choleskyOfAnIndefiniteMatrixIsAFailedCheck() {
        SparseSymmetric a = new SparseSymmetric(new int[] {0, 2, 4}, new int[] {0, 1, 0, 1});
        a.add(0, 0, 1); a.add(1, 1, 1); a.add(0, 1, 2); a.add(1, 0, 2);   // eigenvalues 3 and -1
        NotPositiveDefiniteException e = assertThrows(NotPositiveDefiniteException.class, () -> new SparseCholesky(a));
        assertEquals(Cli.CHECK_FAILED, e.exitCode());
    }

    @Test
    void cgBreakdownIsAFailedCheck() {
        SymmetricOperator negative = new SymmetricOperator() {
            @Override public int size() { return 3; }
            @Override public void apply(Parallel par, double[] x, double[] y) {
                for (int i = 0; i < 3; i++) y[i] = -x[i];
            }
        };
        try (Parallel par = new Parallel(1)) {
            Pcg.Preconditioner id = (r, z) -> System.arraycopy(r, 0, z, 0, r.length);
            assertThrows(NotPositiveDefiniteException.class,
                    () -> new Pcg(par).solve(negative, id, new double[] {1, 2, 3}, new double[3], 1e-10, 50));
        }
    }
}
