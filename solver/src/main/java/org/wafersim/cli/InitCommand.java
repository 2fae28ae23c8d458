package org.wafersim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.wafersim.cases.CaseLoader;
import org.wafersim.errors.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wafersim init [FILE] [--template NAME] [--force]}: writes a commented starter case, the text of an embedded
 * case with the source or the estimate behind every number, so that a new design starts from a case that runs. The
 * written file is loaded back before it is kept (it must be a valid case), written atomically, and an existing file
 * is never replaced without {@code --force}.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a commented starter case file (an embedded case with the source of every number).")
public final class InitCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "the case file to write (default: case.yaml)")
    Path file;

    @Option(names = "--template", paramLabel = "NAME",
            description = "the embedded case to start from: wse-default (full wafer, thermal + mechanics + reliability), "
                    + "wse-coarse (the same on a 4x coarser grid), wse-cycle (an idle/full-load power cycle), wse-mechanics (the package at a"
                    + " prescribed temperature, no thermal solve); default wse-default")
    String template = "wse-default";

    @Mixin Options.Force forceOption;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public Integer call() throws IOException {
        Path out = file == null ? Path.of("case.yaml") : file;
        String name = out.getFileName() == null ? "" : out.getFileName().toString();
        if (!name.endsWith(".yaml") && !name.endsWith(".yml"))
            throw new InputException(out.toString(), null, "a case file written by init ends in .yaml or .yml");
        String text = CaseLoader.builtinText(template);   // unknown template: exit 2 with the known names
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir))
            throw new InputException(out.toString(), null, "the folder " + dir + " does not exist");
        if (Files.exists(out) && !forceOption.force)
            throw new InputException(out.toString(), null, "exists; refusing to overwrite it (use --force)");
        // the template must load as a case file under its new name (a broken embedded case is a bug, caught here)
        CaseLoader.parse(text, "yaml", out.toString(), List.of());
        Path tmp = Files.createTempFile(dir == null ? Path.of(".") : dir, "." + name + ".tmp-", "");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        var o = spec.commandLine().getOut();
        o.printf("wrote %s (template %s); run it with: wafersim run %s%n", out, template, out);
        o.flush();
        return Cli.OK;
    }
}
