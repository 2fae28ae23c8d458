package org.wafersim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.wafersim.errors.InputException;
import org.wafersim.export.FosterFit;
import org.wafersim.export.ThermalImpedance;
import org.wafersim.io.CsvTable;
import org.wafersim.io.ResultReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wafersim zth OUT.h5 -o FILE.csv [--foster N] [--probe NAME]}: the junction-to-coolant thermal impedance
 * Z_th(t) of a step-response run ({@link ThermalImpedance}) and, with {@code --foster N}, an N-stage Foster network
 * fitted to it ({@link FosterFit}) with the fit error.
 */
@Command(name = "zth", mixinStandardHelpOptions = true,
        description = {"Thermal impedance Zth(t) = (Tj(t) - Tj(0)) / dP of a power-step run, as CSV; with --foster N "
                + "also an N-stage Foster network (R_i, tau_i) fitted to it, and the fit error.",
                "The run must be analysis.thermal: transient with transient.profile: step and transient.initial: steady."})
public final class ZthCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUT.h5", description = "result of a step-response run") Path file;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE.csv", required = true, description = "CSV file to write")
    Path output;
    @Option(names = "--foster", paramLabel = "N", description = "fit an N-stage Foster network (1 to 10 stages)")
    Integer foster;
    @Option(names = "--probe", paramLabel = "NAME", defaultValue = "hottest_core",
            description = "junction probe under /transient/probes (default ${DEFAULT-VALUE}; wafer_mean for the mean junction)")
    String probe;
    @Mixin Options.Force forceOption;
    @Mixin Options.Quiet quietOption;
    @Spec CommandSpec spec;

    @Override public Integer call() {
        if (foster != null && (foster < 1 || foster > 10))
            throw new InputException("--foster", null, "must be 1 to 10 stages, got " + foster);
        checkCsvTarget(output, forceOption.force);
        ThermalImpedance.Curve c;
        try (ResultReader r = ResultReader.open(file)) {
            c = ThermalImpedance.of(r, file.toString(), probe);
        }
        FosterFit.Result fit = null;
        if (foster != null) {
            try {
                fit = FosterFit.fit(c.t(), c.z(), foster);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new org.wafersim.errors.CheckFailedException("Foster fit of " + file + ": " + e.getMessage());
            }
        }
        List<String> header = new ArrayList<>(List.of("time_s", "zth_K_per_W"));
        if (fit != null) header.add("foster_zth_K_per_W");
        CsvTable t = new CsvTable(header);
        t.comment(ThermalImpedance.describe(c));
        if (fit != null) {
            t.comment(String.format(Locale.ROOT, "Foster network, %d stages: Zth(t) = sum R_i (1 - exp(-t/tau_i)); "
                    + "fit error max %.3g %%, rms %.3g %% of Zth(end) (log-spaced times)", fit.stages().size(),
                    100 * fit.maxRelError(), 100 * fit.rmsRelError()));
            t.comment("stage,R_K_per_W,tau_s,C_J_per_K");
            for (int i = 0; i < fit.stages().size(); i++) {
                var s = fit.stages().get(i);
                t.comment(String.format(Locale.ROOT, "%d,%s,%s,%s", i + 1, s.r(), s.tau(), s.c()));
            }
        }
        for (int i = 0; i < c.t().length; i++) {
            List<Object> row = new ArrayList<>(List.of(c.t()[i], c.z()[i]));
            if (fit != null) row.add(fit.z(c.t()[i]));
            t.row(row);
        }
        try {
            t.write(output, forceOption.force);
        } catch (IOException e) {
            throw new InputException(output.toString(), null, "cannot write the table: " + e.getMessage());
        }
        if (!quietOption.quiet) {
            var o = spec.commandLine().getOut();
            o.println(ThermalImpedance.describe(c));
            if (fit != null) {
                o.printf(Locale.ROOT, "Foster network (%d stages), fit error max %.3g %%, rms %.3g %% of Zth(end):%n",
                        fit.stages().size(), 100 * fit.maxRelError(), 100 * fit.rmsRelError());
                o.printf(Locale.ROOT, "  %5s %14s %14s %14s%n", "stage", "R (K/W)", "tau (s)", "C (J/K)");
                for (int i = 0; i < fit.stages().size(); i++) {
                    var s = fit.stages().get(i);
                    o.printf(Locale.ROOT, "  %5d %14.6g %14.6g %14.6g%n", i + 1, s.r(), s.tau(), s.c());
                }
            }
            o.println("wrote " + output);
            o.flush();
        }
        return Cli.OK;
    }

    /** Refuses a CSV target before any work: wrong extension, missing folder, existing file without --force. */
    static void checkCsvTarget(Path out, boolean force) {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent))
            throw new InputException(out.toString(), null, "output folder " + parent + " does not exist");
        if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
            throw new InputException(out.toString(), null, "the output file name must end in .csv");
        if (Files.exists(out) && !force)
            throw new InputException(out.toString(), null, "exists; refusing to overwrite (use --force)");
    }
}
