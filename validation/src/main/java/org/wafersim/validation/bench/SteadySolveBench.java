package org.wafersim.validation.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.geometry.CoreArray;
import org.wafersim.grid.Grid;
import org.wafersim.grid.GridBuilder;
import org.wafersim.linalg.Parallel;
import org.wafersim.power.CoreCellMap;
import org.wafersim.power.WorkloadPower;
import org.wafersim.thermal.PackageThermalModel;
import org.wafersim.thermal.SteadyResult;
import org.wafersim.thermal.SteadySolver;
import org.wafersim.thermal.ThermalProblem;

/**
 * Steady thermal solve of the default wafer case at three resolutions (grid.cells_per_core 0.25, 0.5, 1: about
 * 0.3M, 1.5M and 6M cells), to a relative residual of 1e-8, on all cores. Two variants: {@code linearSolve} is one
 * assembly + multigrid setup + PCG solve with the conductivity frozen at the coolant temperature (the cost per cell
 * of the linear solver), {@code steadySolve} the full nonlinear solve with k(T) by Picard iteration. Divide the
 * cell count (printed at setup) by the time per operation for cells/s; compare rows of one run, not across runs.
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

    private ThermalProblem problem;
    private ThermalProblem frozen;
    private Parallel par;

    @Setup(Level.Trial)
    public void setup() {
        CaseSpec spec = CaseLoader.builtin("wse-default", List.of("grid.cells_per_core=" + cellsPerCore));
        CoreArray cores = CoreArray.of(spec);
        Grid g = GridBuilder.build(spec, cores);
        double[] p = WorkloadPower.corePower(cores, spec.power().pattern(), spec.power().total());
        double[] q = CoreCellMap.of(g, cores).depositPower(g, p);
        problem = PackageThermalModel.build(spec, g, q);
        frozen = PackageThermalModel.frozenConductivity(problem, spec.cooling().coolant().inlet());
        par = new Parallel(0);
        System.out.printf("%n[bench] cells_per_core=%s grid %d x %d x %d = %,d cells%n", cellsPerCore, g.nx, g.ny,
                g.nz, g.cells());
    }

    @TearDown(Level.Trial)
    public void tearDown() { par.close(); }

    @Benchmark
    public SteadyResult linearSolve() {
        SteadyResult r = new SteadySolver(par, new SteadySolver.Options(1e-8, 200, 1e-6, 50, false)).solve(frozen, null);
        System.out.printf("[bench] linear: %d CG iterations, residual %.1e%n", r.linearIterations()[0], r.finalRelResidual());
        return r;
    }

    @Benchmark
    public SteadyResult steadySolve() {
        SteadyResult r = new SteadySolver(par, new SteadySolver.Options(1e-8, 200, 1e-6, 50, false)).solve(problem, null);
        System.out.printf("[bench] nonlinear: %d Picard, CG iterations %s%n", r.picardIterations(),
                java.util.Arrays.toString(r.linearIterations()));
        return r;
    }
}
