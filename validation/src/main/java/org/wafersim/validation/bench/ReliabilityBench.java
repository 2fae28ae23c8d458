package org.wafersim.validation.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.wafersim.cases.CaseLoader;
import org.wafersim.geometry.CoreArray;
import org.wafersim.linalg.Parallel;
import org.wafersim.reliability.CoreConditions;
import org.wafersim.reliability.CoreLifetimes;
import org.wafersim.reliability.DieRedundancy;
import org.wafersim.reliability.DutyCycle;
import org.wafersim.reliability.Durations;
import org.wafersim.reliability.ReliabilityCurve;
import org.wafersim.reliability.ReliabilityParameters;
import org.wafersim.reliability.WearOutModel;
import org.wafersim.reliability.WearOutParameters;

/**
 * The reliability estimator on the full default wafer (405,132 cores, 84 dies): per-core wear-out lifetimes, the
 * die-redundancy reliability curve at the 101 default times (the k-out-of-n dynamic programme per die where a die
 * is neither certain to survive nor to fail) and the wafer MTTF, for the default reference lives and for lives
 * scaled by 0.08 (a stressed design where many dies need the programme). Core temperatures are the smooth hot-band
 * map of the reliability tests: 57 degC with a 15 K band and an 8 K gradient; swings 0.6 (T - 30 degC).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class ReliabilityBench {
    @Param({"1.0", "0.08"})
    public double lifeScale;

    @Param({"0"})
    public int threads;

    private CoreArray cores;
    private CoreConditions conditions;
    private WearOutModel model;
    private CoreLifetimes lifetimes;
    private double[] times;
    private Parallel par;

    @Setup(Level.Trial)
    public void setup() {
        cores = CoreArray.of(CaseLoader.builtin("wse-default", List.of()));
        int n = cores.coreCount();
        double[] t = new double[n], swing = new double[n], off = new double[n];
        double sx = cores.waferSizeX(), sy = cores.waferSizeY();
        for (int c = 0; c < n; c++) {
            double y = (cores.yc(c) - 0.5 * sy) / (0.25 * sy);
            t[c] = 330 + 15 * Math.exp(-y * y) + 8 * cores.xc(c) / sx;
            swing[c] = 0.6 * (t[c] - 303.15);
            off[c] = t[c] - 298.15;
        }
        conditions = CoreConditions.of(t).withSwings(swing, off);
        model = new WearOutModel(WearOutParameters.DEFAULT.scaledReferenceLives(lifeScale));
        times = ReliabilityParameters.DEFAULT.curveTimes();
        par = new Parallel(threads);
        lifetimes = model.evaluate(cores, conditions, DutyCycle.DEFAULT, par);
    }

    @TearDown(Level.Trial)
    public void tearDown() { par.close(); }

    @Benchmark
    public CoreLifetimes coreLifetimes() { return model.evaluate(cores, conditions, DutyCycle.DEFAULT, par); }

    @Benchmark
    public ReliabilityCurve reliabilityCurve() { return new DieRedundancy(lifetimes).curve(times, par); }

    @Benchmark
    public Object waferMttf() { return new DieRedundancy(lifetimes).mttf(5 * Durations.YEAR, 1e-6, par); }
}
