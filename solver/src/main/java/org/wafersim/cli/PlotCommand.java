package org.wafersim.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.wafersim.errors.InputException;
import org.wafersim.plot.PngFile;
import org.wafersim.plot.ResultPlotter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wafersim plot OUT.h5 FIELD [--layer NAME | --z VALUE] -o FILE.png}: a heat map of a field on a plane (axes
 * in mm, colour bar with units, die outlines, hottest point marked), a per-core map, or a line plot of 1-D series
 * such as probes over time. See {@link ResultPlotter} for how the kind of plot is chosen.
 */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"Plot a field of a result file as a PNG (heat map of a plane, per-core map, or line plot).",
                "A 3-D field is cut at one z plane; an in-plane map or a per-core value is drawn as it is; 1-D series "
                + "(e.g. probes over time) become a line plot.",
                "FIELD: a dataset path (/thermal/temperature) or a short name: temperature, power_density, "
                + "material_id, cores/temperature, cores/power, probes."})
public final class PlotCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUT.h5", description = "result file") Path file;
    @Parameters(index = "1", paramLabel = "FIELD", description = "dataset path or short name") String field;

    @Option(names = "--layer", paramLabel = "NAME",
            description = "layer to cut (its middle cell plane; the wafer: its active layer). Default: the active layer")
    String layer;

    @Option(names = "--z", paramLabel = "VALUE", description = "cut at this height with a unit, e.g. \"3.5 mm\" (z = 0 at the board's back)")
    String z;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.png", required = true, description = "image to write")
    Path output;

    @Option(names = "--width", paramLabel = "W", defaultValue = "1000", description = "image width in pixels (default ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", paramLabel = "H", defaultValue = "800", description = "image height in pixels (default ${DEFAULT-VALUE})")
    int height;

    @Option(names = "--log", description = "logarithmic y axis (line plots, e.g. /solver/residual_history)")
    boolean logY;

    @Option(names = {"-q", "--quiet"}, description = "do not print the name of the written image")
    boolean quiet;

    @Spec CommandSpec spec;

    /** Sizes outside this range are refused: too small to hold the axes, or a memory hazard. */
    static final int MIN_SIZE = 200, MAX_SIZE = 10000;

    @Override public Integer call() {
        checkSize("--width", width);
        checkSize("--height", height);
        PngFile.checkTarget(output);
        BufferedImage img = ResultPlotter.plot(file, new ResultPlotter.Request(field, layer, z, width, height, logY));
        try {
            PngFile.write(img, output);
        } catch (IOException e) {
            throw new InputException(output.toString(), null, "cannot write the image: " + e.getMessage());
        }
        if (!quiet) {
            spec.commandLine().getErr().println("wafersim: wrote " + output);
            spec.commandLine().getErr().flush();
        }
        return Cli.OK;
    }

    private static void checkSize(String option, int v) {
        if (v < MIN_SIZE || v > MAX_SIZE)
            throw new InputException(option, null, "must be between " + MIN_SIZE + " and " + MAX_SIZE + " pixels, got " + v);
    }
}
