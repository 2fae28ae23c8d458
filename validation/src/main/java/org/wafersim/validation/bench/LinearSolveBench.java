package org.wafersim.validation.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.wafersim.grid.Grid;
import org.wafersim.linalg.Parallel;
import org.wafersim.thermal.PackageThermalModel;
import org.wafersim.thermal.SteadyResult;
import org.wafersim.thermal.SteadySolver;
import org.wafersim.thermal.ThermalProblem;

/**
 * One linear solve of the default wafer's operator (conductivities frozen at the coolant temperature, fixed power):
 * assembly + multigrid setup + PCG to a relative residual of 1e-8, on all cores, at grid.cells_per_core 0.25, 0.5
 * and 1. Time per cell across the three sizes shows how the solve scales (multigrid: about linear).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g"})
public class LinearSolveBench {
    @Param({"0.25", "0.5", "1"})
    public double cellsPerCore;

    private ThermalProblem frozen;
    private Parallel par;

    @Setup(Level.Trial)
    public void setup() {
        BenchCase c = BenchCase.of(List.of("grid.cells_per_core=" + cellsPerCore));
        Grid g = c.grid();
        frozen = PackageThermalModel.frozenConductivity(
                PackageThermalModel.build(c.spec(), g, c.map().depositPower(g, c.corePower())),
                c.spec().cooling().coolant().inlet());
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
}
