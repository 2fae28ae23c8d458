package org.wafersim.cli;

import java.util.concurrent.Callable;
import org.wafersim.materials.Material;
import org.wafersim.materials.MaterialLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code wafersim materials [NAME]}: lists the built-in materials, or one material's properties with sources. */
@Command(name = "materials", mixinStandardHelpOptions = true,
        description = "List the built-in material library (or one material with its properties, units and sources).")
public final class MaterialsCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME") String name;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public Integer call() {
        MaterialLibrary lib = MaterialLibrary.builtin();
        var out = spec.commandLine().getOut();
        if (name == null) {
            for (String n : lib.names()) {
                Material m = lib.get(n);
                out.printf("%-22s %s%n", n, m.description());
            }
        } else {
            Material m = lib.get(name);
            out.printf("%s: %s%n", m.name(), m.description());
            for (var e : m.properties().entrySet())
                out.printf("  %-24s %s   [%s]%n", e.getKey(), e.getValue().describe(), e.getValue().source());
        }
        out.flush();
        return Cli.OK;
    }
}
