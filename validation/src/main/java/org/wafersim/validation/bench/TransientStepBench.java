package org.wafersim.validation.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.wafersim.cases.CaseSpec;
import org.wafersim.grid.Grid;
import org.wafersim.linalg.Parallel;
import org.wafersim.power.CoreCellMap;
import org.wafersim.thermal.CapacityLaw;
import org.wafersim.thermal.PackageThermalModel;
import org.wafersim.thermal.PowerSchedule;
import org.wafersim.thermal.TransientSolver;

/**
 * Cost of transient time steps on the default wafer (leakage, k(T), c_p(T)): {@code steps} = ten fixed TR-BDF2
 * steps of 10 s from the coolant temperature under full power, stage solves to 3e-5 (the production cap; each step:
 * one assembly, two warm-started stage solves and the error filter's multigrid cycle). Divide by ten for the cost of
 * one step, and run {@link LinearSolveBench} in the same JMH invocation for the baseline: one full linear solve
 * (setup + PCG from zero to 1e-8) at the same resolution, whose time per CG iteration is the cost of one steady
 * multigrid-preconditioned iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g"})
public class TransientStepBench {
    @Param({"0.25", "1"})
    public double cellsPerCore;

    private PackageThermalModel.Model model;
    private List<CapacityLaw> capacity;
    private PowerSchedule full;
    private double[] start;
    private Parallel par;

    @Setup(Level.Trial)
    public void setup() {
        BenchCase c = BenchCase.of(List.of("grid.cells_per_core=" + cellsPerCore));
        CaseSpec spec = c.spec();
        Grid g = c.grid();
        CoreCellMap map = c.map();
        model = c.model();
        capacity = new ArrayList<>();
        for (String name : g.materialNames()) capacity.add(CapacityLaw.of(spec.materials().get(name)));
        double[] q = map.depositPower(g, model.dynamicCorePower());
        full = PowerSchedule.constant(q, 0);
        start = new double[g.cells()];
        java.util.Arrays.fill(start, spec.cooling().coolant().inlet());
        par = new Parallel(0);
        System.out.printf("%n[bench] cells_per_core=%s grid %,d cells%n", cellsPerCore, g.cells());
    }

    @TearDown(Level.Trial)
    public void tearDown() { par.close(); }

    @Benchmark
    public TransientSolver.Result steps() {
        TransientSolver.Result r = new TransientSolver(par, TransientSolver.Options.fixed(10, 3e-5)).run(model.problem(),
                capacity, full, start, 0, 100, null, (t, tk, s) -> { });
        System.out.printf("[bench] 10 steps: %d CG iterations%n", r.cgIterations());
        return r;
    }
}
