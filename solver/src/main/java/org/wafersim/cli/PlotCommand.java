package org.wafersim.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.wafersim.errors.InputException;
import org.wafersim.plot.PngFile;
import org.wafersim.plot.ResultPlotter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Option(names = "--log", description = "logarithmic y axis (line plots, e.g. /solver/residual_history) or colour scale (maps; automatic for lifetimes)")
    boolean logY;

    @Mixin Options.Quiet quietOption;

    @Option(names = "--units", paramLabel = "UNIT", description = "draw the field in this unit (e.g. um, mm, MPa, psi, "
            + "degF, %%, ue); default: engineering units per quantity (um for warpage, MPa for stress, %% for strain)")
    String units;

    @Option(names = "--range", paramLabel = "LO:HI", description = "colour scale (maps) or y axis (lines) from LO to HI, "
            + "in the plot's units; to give several plots the same scale")
    String range;

    @Option(names = "--symmetric", description = "colour scale -max|v| .. +max|v| on the diverging map (automatic for "
            + "warpage, displacement and signed stresses)")
    boolean symmetric;

    @Option(names = "--log-x", description = "logarithmic time axis (line plots)")
    boolean logX;

    @Option(names = "--time", paramLabel = "FROM:TO", description = "time window of a line plot, e.g. \"0:10 s\", "
            + "\"1 h:6 h\", \":2 min\"; for a per-die map over time one time T (default: the last step)")
    String time;

    @Option(names = "--state", paramLabel = "NAME", description = "mechanics state of a short name (default: the first, "
            + "full load), e.g. idle")
    String state;

    @Option(names = "--index", paramLabel = "I", description = "slice of a leading dimension that is not space "
            + "(silicon stress height 0-2, cycle of connector_strain_range, laminate of displacement)")
    Integer index;

    @Option(names = "--lines", description = "a per-die series over time as one line per die (instead of a die map)")
    boolean lines;

    @Spec CommandSpec spec;

    /** Sizes outside this range are refused: too small to hold the axes, or a memory hazard. */
    static final int MIN_SIZE = 200, MAX_SIZE = 10000;

    @Override public Integer call() {
        checkSize("--width", width);
        checkSize("--height", height);
        PngFile.checkTarget(output);
        ResultPlotter.Style style = new ResultPlotter.Style(units, parseRange(range), symmetric, logX, parseTime(time),
                state, index, lines);
        if (symmetric && range != null) throw new InputException("--symmetric", null, "give --range or --symmetric, not both");
        ResultPlotter.Rendered rendered = ResultPlotter.render(file,
                new ResultPlotter.Request(field, layer, z, width, height, logY, style));
        BufferedImage img = rendered.image();
        if (!quietOption.quiet) for (String n : rendered.notes()) spec.commandLine().getErr().println("wafersim: note: " + n);
        try {
            PngFile.write(img, output);
        } catch (IOException e) {
            throw new InputException(output.toString(), null, "cannot write the image: " + e.getMessage());
        }
        if (!quietOption.quiet) {
            spec.commandLine().getErr().println("wafersim: wrote " + output);
            spec.commandLine().getErr().flush();
        }
        return Cli.OK;
    }

    /** "LO:HI" as two numbers in the plot's units, LO < HI. */
    static double[] parseRange(String text) {
        if (text == null) return null;
        String[] p = text.split(":", -1);
        try {
            if (p.length != 2) throw new NumberFormatException();
            double lo = Double.parseDouble(p[0].strip()), hi = Double.parseDouble(p[1].strip());
            if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi))
                throw new InputException("--range", null, "needs LO < HI, got " + text);
            return new double[]{lo, hi};
        } catch (NumberFormatException e) {
            throw new InputException("--range", null, "'" + text + "' is not LO:HI (two numbers in the plot's units, e.g. -60:60)");
        }
    }

    /** "FROM:TO" (either side may be empty = open; a side without a unit takes the other side's, else s) or one time T. */
    static double[] parseTime(String text) {
        if (text == null) return null;
        String[] p = text.split(":", -1);
        if (p.length > 2) throw new InputException("--time", null, "'" + text + "' is not FROM:TO or T");
        String unit = "s";
        for (String side : p) {
            String u = side.strip().replaceFirst("^[+-]?[0-9.]+([eE][+-]?[0-9]+)?", "").strip();
            if (!u.isEmpty()) unit = u;
        }
        double[] t = new double[2];
        for (int i = 0; i < p.length; i++) {
            String side = p[i].strip();
            if (side.isEmpty()) {
                t[i] = Double.NaN;
                continue;
            }
            if (side.matches("[+-]?[0-9.]+([eE][+-]?[0-9]+)?")) side += " " + unit;
            try {
                t[i] = org.wafersim.units.Units.parse(side, org.wafersim.units.Dimension.TIME);
            } catch (InputException e) {
                throw e.inSource("--time");
            }
        }
        if (p.length == 1) t[1] = t[0];
        else if (!Double.isNaN(t[0]) && !Double.isNaN(t[1]) && !(t[1] > t[0]))
            throw new InputException("--time", null, "needs FROM < TO, got " + text);
        if (p.length == 2 && Double.isNaN(t[0]) && Double.isNaN(t[1])) return null;
        return t;
    }

    private static void checkSize(String option, int v) {
        if (v < MIN_SIZE || v > MAX_SIZE)
            throw new InputException(option, null, "must be between " + MIN_SIZE + " and " + MAX_SIZE + " pixels, got " + v);
    }
}
