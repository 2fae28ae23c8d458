package org.wafersim.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.wafersim.cases.CaseSpec;
import org.wafersim.errors.Failure;
import org.wafersim.errors.InputException;
import org.wafersim.errors.WafersimException;
import org.wafersim.grid.MemoryEstimate;
import org.wafersim.io.XdmfWriter;
import org.wafersim.run.CaseRun;
import org.wafersim.run.ResultLayout;

/**
 * Runs one point in this JVM: the case, its result file and sidecar, then its record. Every failure is caught and
 * recorded, so that one bad point never stops the sweep; {@link OutOfMemoryError} too, since the point's arrays are
 * unreachable once it has failed and the heap is usable again.
 */
final class PointRunner {
    private final PointStore store;
    private final int threads;
    private final long heapLimit;

    /**
     * @param threads   solver threads per point (0: the case's own setting)
     * @param heapLimit the heap a point may use (bytes): -Xmx, or less under a scheduler's memory limit
     */
    PointRunner(PointStore store, int threads, long heapLimit) {
        this.store = store;
        this.threads = threads;
        this.heapLimit = heapLimit;
    }

    PointRecord run(SweepPoint p, CaseSpec spec) {
        String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        long t0 = System.nanoTime();
        store.removeTemporaries(p);
        PointRecord rec;
        try {
            MemoryEstimate.check(CaseRun.plan(spec), heapLimit, spec.source());
            org.wafersim.run.MechanicsRun.checkMemory(spec, CaseRun.plan(spec), heapLimit);
            CaseRun.Result r = CaseRun.run(spec, threads, m -> { });
            Path out = store.result(p);
            try {
                ResultLayout.of(r).writeAtomically(out, true);   // replaces a result whose record was never written
                XdmfWriter.forResult(out, true);   // the same sidecar as `wafersim run` writes
            } catch (IOException e) {
                throw new InputException(out.toString(), null, "cannot write the result: " + e.getMessage(), e);
            }
            rec = new PointRecord(p.index(), p.stem(), PointRecord.OK, "ok", 0, null, p.parameters(), p.overrides(),
                    out.getFileName().toString(), started, seconds(t0), r.summary());
        } catch (RuntimeException | OutOfMemoryError e) {
            // one rule with the command line (Failure.of): bad input, a failed check or out of memory; anything
            // else is a bug, recorded with where it happened
            Failure f = Failure.of(e);
            String msg = f.internal() ? f.message() + " at " + firstFrame(e)
                    : "out_of_memory".equals(f.kind()) ? f.message() + "; or use fewer --jobs" : f.message();
            rec = failed(p, started, t0, recordClass(f), f.exitCode(), msg);
        }
        try {
            store.writeRecord(p, rec);
        } catch (IOException e) {
            // without its record the point counts as not finished and runs again next time: say so, but go on
            rec = failed(p, started, t0, "internal_error", 1, "cannot write the record " + store.record(p) + ": " + e.getMessage());
        }
        return rec;
    }

    private static PointRecord failed(SweepPoint p, String started, long t0, String cls, int code, String msg) {
        return new PointRecord(p.index(), p.stem(), PointRecord.FAILED, cls, code, msg, p.parameters(), p.overrides(),
                null, started, seconds(t0), null);
    }

    /** The record's class: the exit-code families the sweep summary counts (kinds of failed checks share one). */
    private static String recordClass(Failure f) {
        if (f.internal()) return "internal_error";
        if (f.exitCode() == WafersimException.EXIT_BAD_INPUT) return "bad_input";
        return "out_of_memory".equals(f.kind()) ? "out_of_memory" : "check_failed";
    }

    private static double seconds(long t0) {
        return Math.round((System.nanoTime() - t0) / 1e6) / 1e3;
    }

    private static String firstFrame(Throwable e) {
        StackTraceElement[] st = e.getStackTrace();
        return st.length == 0 ? "?" : st[0].toString();
    }
}
