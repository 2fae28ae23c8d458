package org.wafersim.cases;

import java.util.List;
import org.wafersim.cases.CaseReader.Q;
import org.wafersim.cases.CaseReader.Section;
import org.wafersim.cases.CaseSpec.AnalysisSpec;
import org.wafersim.cases.CaseSpec.ThermalAnalysis;

/**
 * Reads {@code mechanics.load} into a {@link LoadSpec}. The load and {@code analysis.thermal} must agree: a prescribed
 * load (uniform, file) replaces the thermal solution, so it needs {@code analysis.thermal: none}, and a run without a
 * thermal solve needs a prescribed load. Keys of the other load types are errors, never dropped. The file's contents
 * (shape, units, coverage of the model) are checked when the run reads it, before any solve.
 */
final class MechanicsLoadReader {
    private final CaseReader r;

    MechanicsLoadReader(CaseReader r) { this.r = r; }

    LoadSpec read(Section m, AnalysisSpec analysis, double stressFreeK) {
        boolean none = analysis.thermal() == ThermalAnalysis.NONE;
        Section l = m.optionalSection("load");
        if (l == null) {
            if (none && analysis.mechanics()) {
                throw r.error("mechanics.load", "missing mechanics.load: analysis.thermal: none solves no temperatures,"
                        + " so the mechanics needs a prescribed load, e.g. {type: uniform, delta: \"100 K\"} or"
                        + " {type: file, file: previous.h5}");
            }
            return LoadSpec.THERMAL;
        }
        if (!analysis.mechanics()) {
            throw r.error("mechanics.load", "mechanics.load applies when the mechanics runs: set analysis.mechanics:"
                    + " true or remove it");
        }
        LoadSpec.Type type = l.choice("type", LoadSpec.Type::fromKey,
                none ? null : LoadSpec.Type.THERMAL.key());
        if (type == LoadSpec.Type.THERMAL && none) {
            throw r.error(l.sub("type"), "a thermal load needs a thermal solve, and analysis.thermal is none: give"
                    + " type uniform or file, or set analysis.thermal: steady");
        }
        if (type != LoadSpec.Type.THERMAL && !none) {
            throw r.error(l.sub("type"), "a " + type.key() + " load replaces the thermal solution, so the thermal"
                    + " solve (analysis.thermal: " + analysis.thermal().key + ") would not be used: set"
                    + " analysis.thermal: none, or use type: thermal");
        }
        List<String> uniformKeys = List.of("delta", "temperature");
        List<String> fileKeys = List.of("file", "dataset", "x", "y", "z");
        switch (type) {
            case THERMAL -> {
                reject(l, uniformKeys, fileKeys, "type thermal (the run's own temperatures)");
                l.done();
                return LoadSpec.THERMAL;
            }
            case UNIFORM -> {
                reject(l, fileKeys, List.of(), "type uniform");
                Q delta = l.optionalQuantity("delta");
                Q t = l.optionalQuantity("temperature");
                if ((delta == null) == (t == null)) {
                    throw r.error(l.sub(delta == null ? "delta" : "temperature"), delta == null
                            ? "a uniform load needs delta (the change from mechanics.stress_free, e.g. \"100 K\") or"
                            + " temperature (e.g. \"125 degC\")"
                            : "give either delta or temperature, not both");
                }
                double k = t != null ? t.v() : stressFreeK + delta.v();
                if (!(k > 0)) {
                    throw r.error(delta.path(), "stress_free + delta is " + CaseReader.num(k) + " K, at or below"
                            + " absolute zero");
                }
                l.done();
                return new LoadSpec(type, k, null, null, null, null, null);
            }
            default -> {
                reject(l, uniformKeys, List.of(), "type file");
                String file = l.text("file");
                String ds = l.text("dataset"), x = l.text("x"), y = l.text("y"), z = l.text("z");
                l.done();
                java.nio.file.Path p = CaseSpec.inputPath(r.source(), file);
                if (!java.nio.file.Files.isRegularFile(p)) {
                    throw r.error(l.sub("file"), "no such file: " + CaseReader.abbreviate(file) + " (relative to the"
                            + " case file)");
                }
                return new LoadSpec(type, Double.NaN, p.toString(), ds, x, y, z);
            }
        }
    }

    private void reject(Section l, List<String> a, List<String> b, String mode) {
        for (List<String> keys : List.of(a, b)) {
            for (String k : keys) {
                if (l.has(k)) throw r.error(l.sub(k), k + " is not used by a load of " + mode);
                l.raw(k);
            }
        }
    }
}
