package org.wafersim.validation.regression;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.wafersim.errors.InputException;

/** Finds the regression cases: every sub-folder of the cases folder, in name order. */
public final class RegressionCases {
    private RegressionCases() { }

    public static List<RegressionCase> discover(Path casesDir) {
        if (!Files.isDirectory(casesDir))
            throw new InputException(casesDir.toString(), null, "cases folder does not exist");
        List<Path> dirs;
        try (Stream<Path> s = Files.list(casesDir)) {
            dirs = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new InputException(casesDir.toString(), null, "cannot list the cases folder: " + e.getMessage());
        }
        List<RegressionCase> out = new ArrayList<>();
        for (Path d : dirs) out.add(RegressionCase.load(d));
        return out;
    }
}
