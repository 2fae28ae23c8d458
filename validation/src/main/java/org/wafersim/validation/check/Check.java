package org.wafersim.validation.check;

import java.util.List;

/**
 * One entry of {@code wafersim validate}: an analytical reference solved by the solver and compared with its
 * closed form, or a regression case compared with its stored reference. A check returns one {@link Row} per
 * compared quantity; it throws only for bad input ({@link org.wafersim.errors.InputException}), and the runner turns
 * any other exception into a failed row.
 */
public interface Check {
    /** Short unique name, used in the table and by {@code --only}. */
    String name();

    /** One line on what is checked and against what. */
    String description();

    /**
     * Reads and validates this check's inputs (stored references, tolerance files) before any check runs, so that
     * bad input ends {@code validate} with exit code 2 at once.
     *
     * @throws org.wafersim.errors.InputException naming the file and the problem
     */
    default void prepare() { }

    List<Row> run(Context ctx);
}
