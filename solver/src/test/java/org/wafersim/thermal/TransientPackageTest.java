package org.wafersim.thermal;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.geometry.CoreArray;
import org.wafersim.grid.Grid;
import org.wafersim.grid.GridBuilder;
import org.wafersim.linalg.Parallel;
import org.wafersim.power.CoreCellMap;
import org.wafersim.power.WorkloadPower;

/** The transient solver on a (coarse) wafer package with k(T), c_p(T) and leakage: energy and steady limit. */
class TransientPackageTest {
    record Setup(CaseSpec spec, Grid g, PackageThermalModel.Model model, List<CapacityLaw> capacity, CoreCellMap map,
                 double[] corePower) { }

    static Setup setup(String... sets) {
        List<String> o = new ArrayList<>(List.of("grid.cells_per_core=0.1"));
        o.addAll(List.of(sets));
        CaseSpec spec = CaseLoader.builtin("wse-default", o);
        CoreArray cores = CoreArray.of(spec);
        Grid g = GridBuilder.build(spec, cores);
        CoreCellMap map = CoreCellMap.of(g, cores);
        double[] p = WorkloadPower.corePower(cores, spec.power().pattern(), spec.power().total());
        PackageThermalModel.Model m = PackageThermalModel.build(spec, g, cores, map, p);
        List<CapacityLaw> cap = new ArrayList<>();
        for (String name : g.materialNames()) cap.add(CapacityLaw.of(spec.materials().get(name)));
        return new Setup(spec, g, m, cap, map, p);
    }

    /** Dynamic power stepping from 1/3 to the full value at t = 1 s. */
    static PowerSchedule step(Setup s) {
        double[] dyn = s.model().dynamicCorePower();
        double[] qFull = s.map().depositPower(s.g(), dyn);
        double full = 0;
        for (double v : dyn) full += v;
        final double total = full;
        return new PowerSchedule() {
            public double sourceAt(double t, double[] q) {
                double f = t < 1 ? 1.0 / 3 : 1.0;
                for (int c = 0; c < q.length; c++) q[c] = f * qFull[c];
                return f * total;
            }
            public double[] breakpoints() { return new double[]{1}; }
        };
    }

    @Test
    void energyInEqualsStoredPlusOut() {
        Setup s = setup();
        ThermalProblem p = s.model().problem();
        double[] init = new double[s.g().cells()];
        java.util.Arrays.fill(init, s.spec().cooling().coolant().inlet());
        TransientSolver.Result r;
        int[] steps = {0};
        try (Parallel par = new Parallel(0)) {
            r = new TransientSolver(par, TransientSolver.Options.adaptive(0.05, 1e-4, 600)).run(p, s.capacity(),
                    step(s), init, 0, 120, null, (t, tk, st) -> steps[0]++);
        }
        System.out.printf("transient energy: in %.6e J, out %.6e J, stored %.6e J, balance %.2e, %d steps (%d rejected), %d CG iterations, %.1f s%n",
                r.energyInJ(), r.energyOutJ(), r.energyStoredJ(), r.balanceRelError(), r.steps(), r.rejected(),
                r.cgIterations(), r.seconds());
        assertTrue(Math.abs(r.balanceRelError()) <= 1e-6, "energy balance " + r.balanceRelError());
        assertTrue(r.energyStoredJ() > 0 && r.energyOutJ() > 0);
    }

    @Test
    void longTransientReachesTheSteadyState() {
        Setup s = setup();
        ThermalProblem p = s.model().problem();
        SteadyResult steady;
        try (Parallel par = new Parallel(0)) {
            steady = new SteadySolver(par, new SteadySolver.Options(1e-12, 200, 1e-9, 60, false)).solve(p, null);
        }
        double[] init = new double[s.g().cells()];
        java.util.Arrays.fill(init, s.spec().cooling().coolant().inlet());
        double[] qFull = s.map().depositPower(s.g(), s.model().dynamicCorePower());
        TransientSolver.Result r;
        try (Parallel par = new Parallel(0)) {
            // L-stable: once the transients have decayed the steps grow to dt_max and each BDF2 stage lands on the
            // steady state itself, so a loose local tolerance still ends within 1e-4 K of it.
            r = new TransientSolver(par, TransientSolver.Options.adaptive(0.05, 1e-4, 1e4)).run(p, s.capacity(),
                    PowerSchedule.constant(qFull, 0), init, 0, 1e5, null, (t, tk, st) -> { });
        }
        double worst = 0;
        for (int c = 0; c < init.length; c++)
            if (!s.g().isVoid(c)) worst = Math.max(worst, Math.abs(r.finalTemperature()[c] - steady.temperature()[c]));
        System.out.printf("transient -> steady: %d steps, max |T(1e5 s) - T_steady| = %.2e K%n", r.steps(), worst);
        assertTrue(worst < 1e-4, "max difference " + worst + " K");
    }

    /** Every parallel loop uses fixed blocks and ordered sums: the same steps and fields on 1 and 2 threads. */
    @Test
    void oneAndTwoThreadsGiveTheSameTransient() {
        Setup s = setup();
        ThermalProblem p = s.model().problem();
        double[] init = new double[s.g().cells()];
        java.util.Arrays.fill(init, s.spec().cooling().coolant().inlet());
        TransientSolver.Result[] r = new TransientSolver.Result[2];
        for (int threads = 1; threads <= 2; threads++)
            try (Parallel par = new Parallel(threads)) {
                r[threads - 1] = new TransientSolver(par, TransientSolver.Options.adaptive(0.05, 1e-3, 600)).run(p,
                        s.capacity(), step(s), init, 0, 20, null, (t, tk, st) -> { });
            }
        assertEquals(r[0].steps(), r[1].steps());
        assertEquals(r[0].cgIterations(), r[1].cgIterations());
        assertEquals(r[0].energyInJ(), r[1].energyInJ(), 0.0);
        assertArrayEquals(r[0].finalTemperature(), r[1].finalTemperature(), 0.0);
    }
}
