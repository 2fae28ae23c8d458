package org.wafersim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.wafersim.errors.InputException;
import org.wafersim.export.TableExport;
import org.wafersim.io.CsvTable;
import org.wafersim.io.ResultReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wafersim export OUT.h5 WHAT -o FILE.csv}: a table of a result file as CSV ({@link TableExport}). */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a table of a result file as CSV (comment lines start with #; column names carry units).",
                "WHAT: probes (time series of /transient), cores (one row per core), dies (one row per die), "
                + "summary (every headline attribute)."})
public final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUT.h5", description = "result file") Path file;
    @Parameters(index = "1", paramLabel = "WHAT", description = "probes, cores, dies or summary") String what;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE.csv", required = true, description = "CSV file to write")
    Path output;
    @Mixin Options.Force forceOption;
    @Mixin Options.Quiet quietOption;
    @Spec CommandSpec spec;

    @Override public Integer call() {
        if (!TableExport.WHAT.contains(what))
            throw new InputException("WHAT", null, "'" + what + "' is not a table; choose one of "
                    + String.join(", ", TableExport.WHAT));
        ZthCommand.checkCsvTarget(output, forceOption.force);
        CsvTable t;
        try (ResultReader r = ResultReader.open(file)) {
            t = TableExport.table(r, file.toString(), what);
        }
        try {
            t.write(output, forceOption.force);
        } catch (IOException e) {
            throw new InputException(output.toString(), null, "cannot write the table: " + e.getMessage());
        }
        if (!quietOption.quiet) {
            spec.commandLine().getErr().println("wafersim: wrote " + output + " (" + t.rowCount() + " rows)");
            spec.commandLine().getErr().flush();
        }
        return Cli.OK;
    }
}
