package org.wafersim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.wafersim.errors.InputException;
import org.wafersim.io.ResultReader;
import org.wafersim.io.XdmfWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wafersim xdmf OUT.h5 [--force]}: (re)writes the ParaView sidecar of a result, e.g. after moving it. */
@Command(name = "xdmf", mixinStandardHelpOptions = true,
        description = {"Write the XDMF sidecar NAME.xdmf of a result NAME.h5 for ParaView (run writes it too; use this "
                + "after moving or copying a result: the sidecar refers to the HDF5 file by its absolute path)."})
public final class XdmfCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUT.h5", description = "result file") Path file;
    @Mixin Options.Force forceOption;
    @Option(names = "--legacy", description = "write the slices of layered maps (silicon stresses, slip, mechanics "
            + "history) as XDMF 2 HyperSlab items for ParaView's legacy \"XDMF Reader\"; the default readers (Xdmf3) "
            + "skip those") boolean legacy;
    @Mixin Options.Quiet quietOption;
    @Spec CommandSpec spec;

    @Override public Integer call() {
        ResultReader.open(file).close();   // a missing or broken file is a one-line error before anything is written
        Path sidecar;
        try {
            sidecar = XdmfWriter.forResult(file, forceOption.force, legacy);
        } catch (IOException e) {
            throw new InputException(file.toString(), null, "cannot write the sidecar: " + e.getMessage());
        }
        if (!quietOption.quiet) {
            spec.commandLine().getErr().println("wafersim: wrote " + sidecar);
            spec.commandLine().getErr().flush();
        }
        return Cli.OK;
    }
}
