package org.wafersim.geometry;

import java.util.List;
import org.wafersim.cases.CaseSpec;
import org.wafersim.cases.CaseSpec.CoreRef;
import org.wafersim.cases.CaseSpec.CoresSpec;
import org.wafersim.cases.CaseSpec.DiesSpec;
import org.wafersim.cases.CaseSpec.GridSpec;
import org.wafersim.cases.CaseSpec.LayerSpec;
import org.wafersim.cases.PowerSpec.PowerPattern;
import org.wafersim.cases.PowerSpec;
import org.wafersim.cases.CaseSpec.WaferSpec;
import org.wafersim.cases.TransientSpec;

/** CaseSpec objects built directly (no case loader) for the geometry, grid and power tests. */
public final class TestCases {
    private TestCases() { }

    public static final double MM = 1e-3, UM = 1e-6;

    /** The default stack of DESIGN §3 (cold plate and board 250 mm on a 215 mm wafer). */
    public static List<LayerSpec> defaultStack() {
        return List.of(
                new LayerSpec("coldplate", "copper", 3 * MM, 250 * MM, 250 * MM, false),
                new LayerSpec("tim", "tim_grease", 50 * UM, 215 * MM, 215 * MM, false),
                new LayerSpec("wafer", "silicon", 0.775 * MM, 215 * MM, 215 * MM, true),
                new LayerSpec("connector", "connector_elastomer", 1 * MM, 215 * MM, 215 * MM, false),
                new LayerSpec("board", "mainboard", 6 * MM, 250 * MM, 250 * MM, false));
    }

    public static WaferSpec defaultWafer() {
        return new WaferSpec(215 * MM, 215 * MM, 0.775 * MM, "silicon", 20 * UM);
    }

    /** wse-default with the given cells per core. */
    public static CaseSpec defaultCase(double cellsPerCore) {
        return build(defaultWafer(), new DiesSpec(12, 7, 0.1 * MM), new CoresSpec(53, 91, 0.015, List.of()),
                defaultStack(), PowerPattern.HOT_BAND, new GridSpec(cellsPerCore, 2, 1.5));
    }

    /** wse-default with explicit spares. */
    public static CaseSpec defaultWithSpares(List<CoreRef> spares) {
        return build(defaultWafer(), new DiesSpec(12, 7, 0.1 * MM), new CoresSpec(53, 91, 0.015, spares),
                defaultStack(), PowerPattern.HOT_BAND, new GridSpec(1, 2, 1.5));
    }

    /**
     * A small wafer (30 x 24 mm, 3 x 2 dies, 10 x 12 cores per die, scribe 0.2 mm) on a 40 mm cold plate and a 36 mm
     * board, for runs at high resolution.
     */
    public static CaseSpec smallCase(double cellsPerCore) {
        WaferSpec w = new WaferSpec(30 * MM, 24 * MM, 0.5 * MM, "silicon", 10 * UM);
        List<LayerSpec> stack = List.of(
                new LayerSpec("plate", "copper", 2 * MM, 40 * MM, 40 * MM, false),
                new LayerSpec("tim", "tim_grease", 40 * UM, 0, 0, false),
                new LayerSpec("wafer", "silicon", 0.5 * MM, 30 * MM, 24 * MM, true),
                new LayerSpec("connector", "connector_elastomer", 0.5 * MM, 0, 0, false),
                new LayerSpec("board", "mainboard", 3 * MM, 36 * MM, 36 * MM, false));
        return build(w, new DiesSpec(3, 2, 0.2 * MM), new CoresSpec(10, 12, 0.05, List.of()), stack,
                PowerPattern.UNIFORM, new GridSpec(cellsPerCore, 2, 1.5));
    }

    public static CaseSpec build(WaferSpec wafer, DiesSpec dies, CoresSpec cores, List<LayerSpec> stack,
                                 PowerPattern pattern, GridSpec grid) {
        PowerSpec power = new PowerSpec(15000, 5000, pattern, null, null);
        return new CaseSpec("test-case", wafer, dies, cores, stack, power, null, null, null, null,
                TransientSpec.defaults(power), List.of(), grid, null, null, null, "test.yaml");
    }

    public static CaseSpec withGrid(CaseSpec c, GridSpec grid) {
        return new CaseSpec(c.name(), c.wafer(), c.dies(), c.cores(), c.stack(), c.power(), c.cooling(), c.mechanics(),
                c.cycling(), c.analysis(), c.transientSpec(), c.reliabilitySpec(), c.probes(), grid, c.solver(), c.materials(), c.resolvedText(), c.source());
    }

    public static CaseSpec withStack(CaseSpec c, List<LayerSpec> stack) {
        return new CaseSpec(c.name(), c.wafer(), c.dies(), c.cores(), stack, c.power(), c.cooling(), c.mechanics(),
                c.cycling(), c.analysis(), c.transientSpec(), c.reliabilitySpec(), c.probes(), c.grid(), c.solver(), c.materials(), c.resolvedText(), c.source());
    }

    public static CaseSpec withDies(CaseSpec c, DiesSpec dies) {
        return new CaseSpec(c.name(), c.wafer(), dies, c.cores(), c.stack(), c.power(), c.cooling(), c.mechanics(),
                c.cycling(), c.analysis(), c.transientSpec(), c.reliabilitySpec(), c.probes(), c.grid(), c.solver(), c.materials(), c.resolvedText(), c.source());
    }
}
