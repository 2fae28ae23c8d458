package org.wafersim.cases;

import org.wafersim.cases.BoundarySpec.BoxFace;
import org.wafersim.cases.BoundarySpec.BoxSpec;

/**
 * A fixed heat source ({@code sources[i]}), on top of the cores' power and never scaled by the operating point:
 * a volume density or a total power in a layer or a box, a flux or power on a layer's face, or a 3-D density map.
 *
 * @param key      the entry's key path ("sources[0]")
 * @param layer    the layer (volume source in all of it), or null
 * @param box      the box (volume source in the solid inside it), or null
 * @param face     a face of {@code layer} (surface source), or null
 * @param map      a 3-D density map, or null
 * @param density  W/m^3 (volume sources), NaN when not given
 * @param power    W in total, NaN when not given
 * @param flux     W/m^2 (surface sources), NaN when not given
 */
public record SourceSpec(String key, String layer, BoxSpec box, BoxFace face, SourceMapSpec map, double density,
                         double power, double flux) {

    /**
     * A 3-D power-density map in an HDF5 file: {@code dataset} of shape [nz][ny][nx] (W/m^3, its "units"
     * attribute says so) on its own cell faces, the 1-D datasets {@code x}, {@code y}, {@code z} (m, lengths nx + 1,
     * ny + 1, nz + 1, in the wafer frame) given as paths in the same file.
     */
    public record SourceMapSpec(String file, String dataset, String x, String y, String z) { }
}
