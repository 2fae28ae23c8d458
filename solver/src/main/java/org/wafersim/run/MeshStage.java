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
        CoreArray cores = CoreArray.of(spec);
        GridPlan plan = GridBuilder.plan(spec);
        Grid g = GridBuilder.build(spec, cores);
        return new MeshStage(cores, plan, g, CoreCellMap.of(g, cores));
    }

    /** The stack index of the connector (the layer right below the wafer, when there is one), else -1. */
    static int connectorLayer(CaseSpec spec, Grid g) {
        int w = spec.waferLayerIndex();
        return w + 1 < g.layerCount() ? w + 1 : -1;
    }
}
