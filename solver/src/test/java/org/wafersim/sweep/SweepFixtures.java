package org.wafersim.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wafersim.cli.Cli;
import picocli.CommandLine;

/** The 4-point sweep of the tests (cooling mode x power on a coarse wafer, ~1 s a point) and a CLI runner. */
final class SweepFixtures {
    /** Edge cooling needs modest power to stay physical; idle must not exceed the total. */
    static final String FOUR_POINTS = """
            name: cooling-vs-power
            base: wse-coarse
            set:
              grid.cells_per_core: 0.05
              power.idle: "0.1 kW"
            axes:
              cooling.mode: [vertical, edge]
              power.total: ["0.3 kW", "0.5 kW"]
            """;

    private SweepFixtures() { }

    static Path write(Path dir, String text) throws IOException {
        return Files.writeString(dir.resolve("study.yaml"), text);
    }

    /** Exit code and captured output of one CLI invocation. */
    record Run(int code, String out, String err) {
        /** Lines of stderr containing {@code s}. */
        List<String> errLines(String s) {
            List<String> l = new ArrayList<>();
            for (String line : err.split("\n")) if (line.contains(s)) l.add(line);
            return l;
        }
    }

    static Run cli(String... args) {
        CommandLine cl = Cli.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
