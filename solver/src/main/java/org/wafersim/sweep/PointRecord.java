package org.wafersim.sweep;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.wafersim.run.RunSummary;

/**
 * What is stored about one point in {@code <stem>.json} next to its result: written (atomically) only after the
 * result file is complete, so the pair "result file + record with status ok" marks a finished point. A failed point
 * gets a record too (without result), so the summary can show why; it is run again on the next invocation.
 *
 * @param status    {@code ok} or {@code failed}
 * @param exitClass {@code ok}, {@code bad_input} (exit code 2 for a single run), {@code check_failed}
 *                  (non-convergence, runaway, energy balance: 1), {@code out_of_memory} (1) or {@code internal_error} (1)
 * @param overrides every {@code key=value} applied to the base case; compared on resume, so that editing the sweep
 *                  file's {@code set:} does not silently keep stale results
 * @param result    the result file name (in the same folder), null if the point failed
 * @param summary   the run summary (as {@code wafersim run --json} prints it), null if the point failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PointRecord(int index, String name, String status, String exitClass, int exitCode, String message,
                          Map<String, String> parameters, List<String> overrides, String result, String startedUtc,
                          double seconds, RunSummary summary) {
    public static final String OK = "ok", FAILED = "failed";
}
