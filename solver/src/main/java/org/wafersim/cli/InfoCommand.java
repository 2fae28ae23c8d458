package org.wafersim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.wafersim.errors.InputException;
import org.wafersim.io.ResultReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wafersim info OUT.h5 [--json] [--case]}: what a result file holds (see {@link ResultInfo}); {@code --case}
 * prints the resolved case stored in the file instead, so that a run can be repeated exactly.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show what a result file holds: case, version, datasets with shapes and units, headline numbers.")
public final class InfoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUT.h5", description = "result file") Path file;

    @Mixin Options.Json jsonOption;

    @Option(names = "--case", description = "print the resolved case (YAML) stored in the file, e.g. to re-run it")
    boolean printCase;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        var out = spec.commandLine().getOut();
        if (printCase) {
            try (ResultReader r = ResultReader.open(file)) {
                String text = r.caseText();
                if (text == null) throw new InputException(file.toString(), null, "the file holds no stored case");
                out.print(text);
            }
        } else {
            ResultInfo info = ResultInfo.of(file);
            if (jsonOption.json) {
                out.println(JsonOutput.write(info));
            } else {
                out.print(info.text());
            }
        }
        out.flush();
        return Cli.OK;
    }
}
