package org.wafersim.validation.bench;

import java.util.List;
import org.wafersim.cases.CaseLoader;
import org.wafersim.cases.CaseSpec;
import org.wafersim.geometry.CoreArray;
import org.wafersim.grid.Grid;
import org.wafersim.grid.GridBuilder;
import org.wafersim.power.CoreCellMap;
import org.wafersim.power.WorkloadPower;
import org.wafersim.thermal.PackageThermalModel;

/**
 * The embedded default case as the benchmarks set it up, built the way a run builds it: the case with the
 * benchmark's overrides, its cores, the grid, the core-to-cell map and the cores' power (pattern and total of the
 * case); {@link #model} assembles the thermal model from them.
 */
record BenchCase(CaseSpec spec, CoreArray cores, Grid grid, CoreCellMap map, double[] corePower) {
    static BenchCase of(List<String> overrides) {
        CaseSpec spec = CaseLoader.builtin("wse-default", overrides);
        CoreArray cores = CoreArray.of(spec);
        Grid g = GridBuilder.build(spec, cores);
        return new BenchCase(spec, cores, g, CoreCellMap.of(g, cores),
                WorkloadPower.corePower(cores, spec.power().pattern(), spec.power().total()));
    }

    PackageThermalModel.Model model() {
        return PackageThermalModel.build(spec, grid, cores, map, corePower);
    }
}
