package org.wafersim.run;

import java.util.function.Consumer;
import org.wafersim.cases.CaseSpec;
import org.wafersim.geometry.CoreArray;
import org.wafersim.grid.Grid;
import org.wafersim.grid.GridBuilder;
import org.wafersim.grid.GridPlan;
import org.wafersim.power.CoreCellMap;

/**
 * Stage 1 of a run: the one shared model of the wafer that every later stage works on: the core array (DESIGN
 * section 1), the grid planned and built from the case, and the map between cores and cells.
 *
 * @param cores the cores of the case (heat sources, reported temperatures, reliability)
 * @param plan  the grid's plan (dimensions, memory estimate, z-grading note)
 * @param grid  the finite-volume grid
 * @param map   cores to cells and back
 */
record MeshStage(CoreArray cores, GridPlan plan, Grid grid, CoreCellMap map) {
    static MeshStage build(CaseSpec spec, Consumer<String> progress) {
        progress.accept("building grid and core model");
        long t0 = System.nanoTime();
        CoreArray cores = CoreArray.of(spec);
        long t1 = System.nanoTime();
        GridPlan plan = GridBuilder.plan(spec);
        long t2 = System.nanoTime();
        Grid g = GridBuilder.build(spec, cores);
        long t3 = System.nanoTime();
        CoreCellMap map = CoreCellMap.of(g, cores);
        if (Boolean.getBoolean("wafersim.trace"))
            System.err.printf("mesh stage: cores %.3f s, plan %.3f s, grid %.3f s, core-cell map %.3f s%n",
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (System.nanoTime() - t3) / 1e9);
        return new MeshStage(cores, plan, g, map);
    }

    /** The stack index of the connector (the layer right below the wafer, when there is one), else -1. */
    static int connectorLayer(CaseSpec spec, Grid g) {
        int w = spec.waferLayerIndex();
        return w + 1 < g.layerCount() ? w + 1 : -1;
    }
}
