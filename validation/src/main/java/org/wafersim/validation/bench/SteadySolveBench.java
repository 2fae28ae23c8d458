package org.wafersim.validation.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.wafersim.grid.Grid;
import org.wafersim.linalg.Parallel;
import org.wafersim.thermal.OperatingPoint;
import org.wafersim.thermal.PackageThermalModel;
import org.wafersim.thermal.SteadyResult;
import org.wafersim.thermal.SteadySolver;
import org.wafersim.thermal.ThermalProblem;

/**
 * Steady thermal solve of the default wafer case at three resolutions (grid.cells_per_core 0.25, 0.5, 1: about
 * 0.6M, 2M and 7.6M cells) to a relative residual of 1e-8 on all cores: the full nonlinear solve for a model
 * variant (see {@link LinearSolveBench} for one linear solve): {@code fixed} (k(T) by Picard, fixed
 * power), {@code leakage} (plus temperature-dependent leakage by Newton), {@code lateral} (plus the coolant warming
 * along its path), {@code operating-point} (power.total reached at the operating point: the leakage solve with the
 * dynamic scale iterated in its outer loop), {@code vertical-uncoupled} (the leakage variant with the vertical coolant's
 * own rise switched off by a huge flow). The ratio leakage/fixed and lateral/fixed is the cost of each coupling;
 * operating-point/leakage that of reaching a total, leakage/vertical-uncoupled that of the vertical coolant. Divide the cell count
 * (printed at setup) by the time per operation for cells/s; compare rows of one run, not across runs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g"})
public class SteadySolveBench {
    @Param({"0.25", "0.5", "1"})
    public double cellsPerCore;

    @Param({"fixed", "leakage", "lateral", "operating-point", "vertical-uncoupled"})
    public String variant;

    private ThermalProblem problem;
    private PackageThermalModel.Model model;
    private double[] savedAmbient;
    private Parallel par;

    @Setup(Level.Trial)
    public void setup() {
        List<String> o = new ArrayList<>(List.of("grid.cells_per_core=" + cellsPerCore));
        if (variant.equals("fixed")) o.add("power.leakage=");
        if (variant.equals("lateral")) o.add("cooling.mode=lateral");
        // the vertical coolant's own rise is a series resistance 1/(2 m'' c_p): a flow 1e6 times larger leaves the
        // plain h (the solve as it was before the coolant warmed in vertical mode)
        if (variant.equals("vertical-uncoupled")) o.add("cooling.coolant.flow=30000000 L/min");
        BenchCase c = BenchCase.of(o);
        Grid g = c.grid();
        PackageThermalModel.Model m = c.model();
        problem = m.problem();
        model = m;
        savedAmbient = problem.boundary().ambient.clone();
        par = new Parallel(0);
        System.out.printf("%n[bench] cells_per_core=%s variant=%s grid %d x %d x %d = %,d cells%n", cellsPerCore,
                variant, g.nx, g.ny, g.nz, g.cells());
    }

    /** The lateral coupling updates the face ambients in place: every solve starts from the inlet temperature. */
    @Setup(Level.Invocation)
    public void resetAmbients() {
        System.arraycopy(savedAmbient, 0, problem.boundary().ambient, 0, savedAmbient.length);
    }

    /** CPU time of this JVM, all threads (ns); -1 when the platform does not say. */
    static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    @TearDown(Level.Trial)
    public void tearDown() { par.close(); }

    @Benchmark
    public SteadyResult steadySolve() {
        SteadySolver solver = new SteadySolver(par, new SteadySolver.Options(1e-8, 200, 1e-6, 50, false));
        // operating-point: power.total = 15 kW reached at the converged state (the dynamic scale found in the outer
        // loop); leakage: the same model with its starting dynamic power fixed (the leakage solve before power.total
        // meant the operating point)
        long cpu0 = processCpuNanos();
        SteadyResult r = variant.equals("operating-point") ? OperatingPoint.solve(solver, model, null).result()
                : solver.solve(problem, null);
        // the process's CPU time (all threads) beside JMH's wall time: on a shared machine the wall time also counts
        // the other processes' turns, the CPU time only this solve's work (plus JIT and GC)
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        System.out.printf("[bench] %s: %d outer iterations, CG iterations %s, process CPU %.2f s%n", variant,
                r.picardIterations(), java.util.Arrays.toString(r.linearIterations()), cpu);
        return r;
    }
}
