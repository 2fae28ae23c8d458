package org.wafersim.validation.bench;

import java.util.*;
import org.wafersim.cases.*;
import org.wafersim.geometry.CoreArray;
import org.wafersim.grid.*;
import org.wafersim.linalg.Parallel;
import org.wafersim.power.*;
import org.wafersim.thermal.*;

/**
 * Whole-solve timings of {@link SteadySolveBench}'s variants leakage, operating-point and vertical-uncoupled, solved in
 * turn in one loop in one JVM, so that each ratio has a baseline from the same invocation and the same load (on a
 * shared machine JMH's forks, one per variant, can see different loads). Prints wall and process CPU time, outer
 * rounds and CG iterations per solve. Usage: {@code java -Xmx12g -cp validation/target/benchmarks.jar
 * org.wafersim.validation.bench.SteadyVariantsInterleaved CELLS_PER_CORE REPETITIONS}.
 */
public final class SteadyVariantsInterleaved {
    private SteadyVariantsInterleaved() { }

    static PackageThermalModel.Model model(double cpc, String... more) {
        List<String> o = new ArrayList<>(List.of("grid.cells_per_core=" + cpc));
        o.addAll(List.of(more));
        CaseSpec spec = CaseLoader.builtin("wse-default", o);
        CoreArray cores = CoreArray.of(spec);
        Grid g = GridBuilder.build(spec, cores);
        CoreCellMap map = CoreCellMap.of(g, cores);
        double[] p = WorkloadPower.corePower(cores, spec.power().pattern(), spec.power().total());
        return PackageThermalModel.build(spec, g, cores, map, p);
    }

    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static void main(String[] a) {
        double cpc = Double.parseDouble(a[0]);
        int reps = Integer.parseInt(a[1]);
        PackageThermalModel.Model m = model(cpc);
        PackageThermalModel.Model u = model(cpc, "cooling.coolant.flow=30000000 L/min");
        System.out.printf("cells %,d%n", m.problem().grid().cells());
        try (Parallel par = new Parallel(0)) {
            SteadySolver solver = new SteadySolver(par, new SteadySolver.Options(1e-8, 200, 1e-6, 50, false));
            for (int rep = 0; rep < reps; rep++) {
                long c0 = cpu(), t0 = System.nanoTime();
                SteadyResult l = solver.solve(m.problem(), null);
                long c1 = cpu(), t1 = System.nanoTime();
                OperatingPoint.Solution s = OperatingPoint.solve(solver, m, null);
                long c2 = cpu(), t2 = System.nanoTime();
                SteadyResult v = solver.solve(u.problem(), null);
                long c3 = cpu(), t3 = System.nanoTime();
                System.out.printf("rep %d: leakage %.2f s (cpu %.2f, %d rounds, CG %s) | operating-point %.2f s (cpu %.2f, %d updates, CG %s) | vertical-uncoupled %.2f s (cpu %.2f, %d rounds, CG %s) | op/leak %.2f, leak/uncoupled %.2f%n",
                        rep, (t1 - t0) / 1e9, (c1 - c0) / 1e9, l.picardIterations(), Arrays.toString(l.linearIterations()),
                        (t2 - t1) / 1e9, (c2 - c1) / 1e9, s.iterations(), Arrays.toString(s.result().linearIterations()),
                        (t3 - t2) / 1e9, (c3 - c2) / 1e9, v.picardIterations(), Arrays.toString(v.linearIterations()),
                        (double) (t2 - t1) / (t1 - t0), (double) (t1 - t0) / (t3 - t2));
            }
        }
    }
}
