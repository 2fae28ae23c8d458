package org.wafersim.validation.validate;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.wafersim.cli.Cli;
import picocli.CommandLine;

/** Runs {@code wafersim ...} in-process with the validate verb registered, capturing exit code, stdout and stderr. */
final class ValidateHarness {
    record Outcome(int code, String out, String err) {
        /** The table line of (check, quantity), or null. */
        String row(String check, String quantity) {
            for (String l : out.split("\\R"))
                if (l.startsWith(check + " ") && l.contains(" " + quantity + " ")) return l;
            return null;
        }
    }

    static Outcome run(String... args) {
        CommandLine cl = Cli.commandLine(new ValidateCommand());
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** The committed cases folder (the tests run in the validation module's folder). */
    static Path committedCases() { return Path.of("cases").toAbsolutePath(); }

    /** Copies the committed case {@code name} into {@code dir}/name. */
    static Path copyCase(String name, Path dir) {
        Path from = committedCases().resolve(name), to = dir.resolve(name);
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    private ValidateHarness() { }
}
