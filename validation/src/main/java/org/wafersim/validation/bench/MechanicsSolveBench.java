package org.wafersim.validation.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.wafersim.cases.CaseSpec;
import org.wafersim.grid.Grid;
import org.wafersim.grid.GridBuilder;
import org.wafersim.grid.GridPlan;
import org.wafersim.linalg.Parallel;
import org.wafersim.run.MechanicsRun;
import org.wafersim.thermal.PackageThermalModel;
import org.wafersim.thermal.SteadySolver;

/**
 * The mechanics of the full-wafer default case's full-load state (issue 5 target: at most 60 s and 8 GB heap):
 * restriction of the 7.6M-cell temperature field to the plate mesh, assembly, factorisation or multigrid setup,
 * the solve and the post-processing ({@link MechanicsRun#run}), at three mesh spacings; the 10 mm row is the
 * baseline for the ratios. The thermal field is solved once per trial, outside the measurement. Divide the
 * unknowns (printed per run) by the time for unknowns/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class MechanicsSolveBench {
    @Param({"10 mm", "5 mm", "2.5 mm"})
    public String spacing;

    /** Threads of the mechanics (0: all processors), e.g. {@code -p threads=1,2} for the scaling. */
    @Param({"0"})
    public int threads;

    private CaseSpec spec;
    private Grid grid;
    private GridPlan plan;
    private double[] temperature, idle;

    @Setup(Level.Trial)
    public void setup() {
        BenchCase c = BenchCase.of(List.of("analysis.mechanics=true", "mechanics.spacing=" + spacing));
        spec = c.spec();
        plan = GridBuilder.plan(spec);
        grid = c.grid();
        PackageThermalModel.Model m = c.model();
        try (Parallel par = new Parallel(0)) {
            temperature = new SteadySolver(par, new SteadySolver.Options(1e-10, 200, 1e-6, 50, false))
                    .solve(m.problem(), null).temperature();
        }
        // the idle state's stand-in: the full state's rise over the inlet scaled by the idle/full power ratio (1/3)
        double inlet = spec.cooling().coolant().inlet();
        idle = new double[temperature.length];
        for (int i = 0; i < idle.length; i++) idle[i] = inlet + (temperature[i] - inlet) / 3;
        System.out.printf("%n[bench] mechanics spacing %s on the %,d-cell default grid%n", spacing, grid.cells());
    }

    @Benchmark
    public MechanicsRun.Outcome mechanicsSolve() {
        MechanicsRun.Outcome o;
        try (Parallel par = new Parallel(threads)) {
            o = MechanicsRun.run(spec, grid, plan, Map.of("full", temperature), par, m -> { });
        }
        var st = o.states().get(0).solution().stats();
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.printf("[bench] %s: %,d unknowns, factor %,d non-zeros, %d CG iterations, residual %.1e, "
                        + "assembly %.2f s, factor %.2f s, solve %.2f s, heap in use %.2f GiB%n", spacing, st.unknowns(),
                st.factorNonZeros(), st.iterations(), st.relativeResidual(), st.assemblySeconds(), st.factorSeconds(),
                st.solveSeconds(), heap / 1073741824.0);
        return o;
    }

    /**
     * The default run's mechanics: the full and the idle state on one model (restriction of both fields, one setup,
     * the two loads solved side by side).
     */
    @Benchmark
    public MechanicsRun.Outcome twoStates() {
        java.util.Map<String, double[]> fields = new java.util.LinkedHashMap<>();
        fields.put("full", temperature);
        fields.put("idle", idle);
        MechanicsRun.Outcome o;
        try (Parallel par = new Parallel(threads)) {
            o = MechanicsRun.run(spec, grid, plan, fields, par, m -> { });
        }
        var st = o.states().get(0).solution().stats();
        System.out.printf("[bench] %s two states: setup %.2f s, %d and %d CG iterations, both solved in %.2f s%n",
                spacing, o.setupSeconds(), st.iterations(), o.states().get(1).solution().stats().iterations(),
                st.solveSeconds());
        return o;
    }
}
