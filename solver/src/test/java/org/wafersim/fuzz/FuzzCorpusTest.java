package org.wafersim.fuzz;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.cli.CliHarness;
import org.wafersim.errors.Failure;
import org.wafersim.grid.GridPlan;
import org.wafersim.grid.MemoryEstimate;
import org.wafersim.io.ResultReader;
import org.wafersim.run.CaseRun;
import org.wafersim.run.MechanicsRun;

/**
 * The fuzz corpus (issue 13): seeded hostile inputs from {@link CaseMutator} against the contract of the command
 * line. Every input ends with exit 0, 1 or 2; never a stack trace or an internal error; exit 2 prints exactly one
 * line and leaves no result file; a result written with exit 0 holds no NaN where a number is promised; no input
 * hangs. Three depths: loading + planning in-process (thousands), a sample through the real command line, and
 * full runs on a tiny grid (a few hundred). Seeds are fixed; the counts by outcome are printed and written to
 * {@code target/fuzz-counts.txt}. {@code -Pfuzz-long} raises the counts (system properties
 * {@code wafersim.fuzz.plan}, {@code .cli}, {@code .run}, {@code .seed}).
 */
class FuzzCorpusTest {
    static final long SEED = Long.getLong("wafersim.fuzz.seed", 20261207L);
    static final int PLAN = Integer.getInteger("wafersim.fuzz.plan", 3000);
    static final int CLI = Integer.getInteger("wafersim.fuzz.cli", 60);
    static final int RUN = Integer.getInteger("wafersim.fuzz.run", 200);
    /** Longest an input may take to load and plan before it counts as a hang. */
    static final long PLAN_TIMEOUT_S = 10;

    /** Overrides appended to the full-run inputs so that an accepted case solves in well under a second. */
    static final List<String> TINY = List.of("dies.columns=3", "dies.rows=2", "cores.per_die=[4, 3]",
            "grid.cells_per_core=1", "solver.threads=1");
    /** Added to all but every {@value #TRANSIENT_EVERY}th tiny run: the transient analyses take seconds even there. */
    static final List<String> STEADY = List.of("analysis.thermal=steady", "analysis.mechanics=false",
            "analysis.reliability=false");
    static final int TRANSIENT_EVERY = Integer.getInteger("wafersim.fuzz.transientEvery", 100);
    /** Options the command-line sample adds at random. */
    static final String[][] OPTIONS = {{"--threads", "1"}, {"--threads", "0"}, {"--threads", "99999"},
            {"--threads", "-3"}, {"--threads", "x"}, {"--json"}, {"--force"}, {"--bogus"}, {"-o", "a:b.h5"},
            {"-o", "out.xdmf"}, {"-o", "no/such/folder/x.h5"}, {"-o", "out.txt"}, {"--set"}, {"--set", "=1"}};

    @TempDir Path dir;

    /** Outcome counts of one depth, and the contract violations with the input that caused each. */
    static final class Tally {
        final String name;
        final Map<String, Integer> counts = new TreeMap<>();
        final List<String> violations = new ArrayList<>();
        long slowestNs;
        String slowest = "";

        Tally(String name) { this.name = name; }

        void count(String outcome) { counts.merge(outcome, 1, Integer::sum); }

        void violation(CaseMutator.Input in, String what) {
            count("violation");
            if (violations.size() < 20) violations.add(what + " <- " + in);
        }

        void time(CaseMutator.Input in, long ns) {
            if (ns > slowestNs) {
                slowestNs = ns;
                slowest = in.toString();
            }
        }

        String line() {
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            return String.format("fuzz %s: %d inputs (seed %d): %s; slowest %.2f s", name, total, SEED, counts,
                    slowestNs / 1e9);
        }

        void report() throws IOException {
            String l = line();
            System.out.println(l);
            Path f = Path.of("target", "fuzz-counts.txt");
            if (Files.isDirectory(f.getParent()))
                Files.writeString(f, l + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            assertEquals(List.of(), violations, l);
        }
    }

    private static CaseMutator mutator() {
        return new CaseMutator(CaseLoader.builtinNames());
    }

    /** Loading and planning in-process: the parts every input passes through, thousands of inputs. */
    @Test
    void loadingAndPlanningKeepTheContract() throws Exception {
        CaseMutator m = mutator();
        Tally t = new Tally("load+plan");
        ExecutorService ex = worker();
        try {
            for (int i = 0; i < PLAN; i++) {
                CaseMutator.Input in = m.next(SEED + i);
                long t0 = System.nanoTime();
                Future<String> f = ex.submit(() -> loadAndPlan(in));
                try {
                    String outcome = f.get(PLAN_TIMEOUT_S, TimeUnit.SECONDS);
                    t.count(outcome);
                } catch (TimeoutException e) {
                    f.cancel(true);
                    t.violation(in, "hang (> " + PLAN_TIMEOUT_S + " s)");
                    ex.shutdownNow();
                    ex = worker();
                } catch (ExecutionException e) {
                    t.violation(in, e.getCause().getMessage());
                }
                t.time(in, System.nanoTime() - t0);
            }
        } finally {
            ex.shutdownNow();
        }
        t.report();
    }

    private static ExecutorService worker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread th = new Thread(r, "fuzz-worker");
            th.setDaemon(true);
            return th;
        });
    }

    /** "exit 0/1/2" as the command line would end for loading + planning, or an AssertionError for a violation. */
    static String loadAndPlan(CaseMutator.Input in) {
        try {
            CaseSpec spec = CaseLoader.parse(in.text(), in.format(), "fuzz." + in.format(), in.overrides());
            GridPlan plan = CaseRun.plan(spec);
            long heap = 8L << 30;
            MemoryEstimate.check(plan, heap, spec.source());
            MechanicsRun.checkMemory(spec, plan, heap);
            return "exit 0";
        } catch (Throwable e) {
            if (e instanceof OutOfMemoryError || e instanceof StackOverflowError)
                throw new AssertionError(e.toString(), e);
            Failure f = Failure.of(e);
            if (f.internal()) throw new AssertionError("internal error: " + e + " at " + frame(e), e);
            if (f.line().contains("\n")) throw new AssertionError("a message of more than one line: " + f.line());
            if (f.line().length() > 2000) throw new AssertionError("a message of " + f.line().length() + " characters");
            return "exit " + f.exitCode();
        }
    }

    static String frame(Throwable e) {
        for (StackTraceElement s : e.getStackTrace()) if (s.getClassName().startsWith("org.wafersim")) return s.toString();
        return e.getStackTrace().length > 0 ? e.getStackTrace()[0].toString() : "?";
    }

    /** A sample through the real command line: files on disk, exit codes, stderr, what is left in the folder. */
    @Test
    void aCommandLineSampleKeepsTheContract() throws Exception {
        CaseMutator m = mutator();
        Tally t = new Tally("cli");
        for (int i = 0; i < CLI; i++) {
            CaseMutator.Input in = m.next(SEED + 1_000_000 + i);
            java.util.SplittableRandom r = new java.util.SplittableRandom(in.seed());
            List<String> extra = new ArrayList<>(List.of("--threads", "1"));
            if (r.nextBoolean()) {   // half of the sample small enough to run to the end
                List<String> ov = new ArrayList<>(in.overrides());
                ov.addAll(TINY);
                ov.addAll(STEADY);
                in = new CaseMutator.Input(in.seed(), in.base(), in.format(), in.text(), ov, in.steps());
            }
            if (r.nextInt(3) == 0) extra = new ArrayList<>(List.of(OPTIONS[r.nextInt(OPTIONS.length)]));
            long t0 = System.nanoTime();
            runThroughCli(in, i, t, extra);
            t.time(in, System.nanoTime() - t0);
        }
        t.report();
    }

    /** Full runs on a tiny grid: an accepted case must give a complete result without NaN. */
    @Test
    void tinyFullRunsKeepTheContract() throws Exception {
        CaseMutator m = mutator();
        Tally t = new Tally("tiny run");
        for (int i = 0; i < RUN; i++) {
            CaseMutator.Input in = m.next(SEED + 2_000_000 + i);
            List<String> ov = new ArrayList<>(in.overrides());
            ov.addAll(TINY);
            if (i % TRANSIENT_EVERY != 0) ov.addAll(STEADY);
            CaseMutator.Input tiny = new CaseMutator.Input(in.seed(), in.base(), in.format(), in.text(), ov, in.steps());
            long t0 = System.nanoTime();
            runThroughCli(tiny, i, t, List.of());
            t.time(tiny, System.nanoTime() - t0);
        }
        t.report();
    }

    private void runThroughCli(CaseMutator.Input in, int i, Tally t, List<String> extraOptions) throws IOException {
        List<String> extra = extraOptions;
        Path folder = Files.createDirectory(dir.resolve("f" + i));
        Path caseFile = folder.resolve("case." + in.format());
        Files.write(caseFile, in.text().getBytes(StandardCharsets.UTF_8));   // lone surrogates become '?'
        boolean ownOutput = extra.contains("-o");
        // inputs too big to solve in a test are planned only (the load+plan depth covers them)
        String planned = plannedCells(in, i % TRANSIENT_EVERY == 0);
        if (planned != null) {
            t.count(planned);
            return;
        }
        Path out = folder.resolve("out.h5");
        List<String> args = new ArrayList<>(List.of("run", caseFile.toString(), "-q"));
        if (ownOutput) {
            int k = extra.indexOf("-o");
            extra = new ArrayList<>(extra);
            extra.set(k + 1, folder.resolve(extra.get(k + 1)).toString());
        } else {
            args.addAll(List.of("-o", out.toString()));
        }
        args.addAll(extra);
        for (String o : in.overrides()) args.add("--set=" + o);
        CliHarness.Outcome o = CliHarness.run(args.toArray(new String[0]));
        t.count("exit " + o.code());
        String err = o.err().strip();
        if (o.code() < 0 || o.code() > 2) t.violation(in, "exit code " + o.code());
        if (err.contains("\tat ") || err.contains("internal error") || err.contains("Exception in"))
            t.violation(in, "stack trace or internal error: " + head(err));
        if (o.code() == 2) {
            if (err.lines().count() != 1) t.violation(in, "exit 2 with " + err.lines().count() + " lines: " + head(err));
            try (Stream<Path> files = Files.list(folder)) {
                List<Path> left = files.filter(p -> !p.equals(caseFile)).toList();
                if (!left.isEmpty()) t.violation(in, "exit 2 left " + left);
            }
        }
        if (o.code() == 0 && !ownOutput) {
            String nan = nanIn(out);
            if (nan != null) t.violation(in, "exit 0 with " + nan);
        }
    }

    /** Null if the input is small enough to solve here; otherwise the outcome of planning it ("planned only"). */
    private static String plannedCells(CaseMutator.Input in, boolean transientAllowed) {
        try {
            CaseSpec spec = CaseLoader.parse(in.text(), in.format(), "fuzz", in.overrides());
            GridPlan p = CaseRun.plan(spec);
            boolean transientRun = spec.analysis() != null
                    && spec.analysis().thermal() != CaseSpec.ThermalAnalysis.STEADY;
            return p.cells() > 150_000 || (!transientAllowed && (transientRun || spec.analysis().mechanics()
                    || spec.analysis().reliability())) ? "planned only" : null;
        } catch (RuntimeException e) {
            return null;   // the command line must refuse it the same way: run it
        }
    }

    /**
     * The first dataset or attribute holding a NaN where a number is promised, or null. Maps (two or more
     * dimensions) mark where a layer is absent with NaN (void cells of /thermal, points outside a laminate in
     * /mechanics, no connector in /reliability), and a dataset may say in its note that it holds NaN by design
     * (/transient/power at t = 0); every series, scalar and attribute must be a number.
     */
    static String nanIn(Path result) {
        if (!Files.exists(result)) return "no result file";
        try (ResultReader r = ResultReader.open(result)) {
            for (ResultReader.DatasetInfo d : r.datasets()) {
                if (d.type().equals("string")) continue;
                double[] v = r.read(d.path()).flat();
                Map<String, Object> attrs = r.attributes(d.path());
                boolean absentMarked = d.shape().length >= 2 || String.valueOf(attrs.get("note")).contains("NaN");
                for (double x : v) if (Double.isNaN(x) && !absentMarked) return "NaN in " + d.path();
                for (var a : attrs.entrySet())
                    if (a.getValue() instanceof Double x && Double.isNaN(x)) return "NaN in " + d.path() + "@" + a.getKey();
            }
        } catch (RuntimeException e) {
            return "an unreadable result: " + e.getMessage();
        }
        return null;
    }

    private static String head(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
