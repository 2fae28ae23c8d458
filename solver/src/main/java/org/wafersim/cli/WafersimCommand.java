package org.wafersim.cli;

import org.wafersim.run.ResultLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code wafersim} command; the work is done by its verbs. */
@Command(name = "wafersim", mixinStandardHelpOptions = true, versionProvider = WafersimCommand.Version.class,
        description = "Thermal, thermo-mechanical and reliability simulation of wafer-scale packages.",
        subcommands = {RunCommand.class, MaterialsCommand.class, KeysCommand.class, InfoCommand.class, PlotCommand.class, SweepCommand.class,
                ExportCommand.class, ZthCommand.class, XdmfCommand.class, InitCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a check failed (validation, non-convergence, energy balance)",
                "2:bad input (case file, options)"})
public final class WafersimCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() {
        throw new ParameterException(spec.commandLine(), "missing verb: run, init, sweep, plot, info, export, zth, materials, validate (see --help)");
    }

    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override public String[] getVersion() { return new String[]{"wafersim " + ResultLayout.VERSION}; }
    }
}
