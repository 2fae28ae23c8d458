package org.wafersim.cli;

import java.util.concurrent.Callable;
import org.wafersim.cases.KeyReference;
import picocli.CommandLine.Command;

/** {@code wafersim keys}: prints the case-key reference (Markdown), generated from the reader's key table. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Print every case-file key with its unit, default, check and meaning (Markdown; the text of"
                + " docs/case-keys.md).")
public final class KeysCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public Integer call() {
        var out = spec.commandLine().getOut();
        out.print(KeyReference.markdown());
        out.flush();
        return Cli.OK;
    }
}
