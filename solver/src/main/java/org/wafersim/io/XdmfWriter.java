package org.wafersim.io;

import static org.wafersim.io.ResultSchema.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.wafersim.errors.InputException;

/**
 * Writes the XDMF sidecar {@code NAME.xdmf} that lets ParaView open the 3-D cell fields of {@code NAME.h5}
 * (DESIGN.md §7). The grid is a rectilinear {@code 3DRectMesh} whose node coordinates are the cell faces stored in
 * {@code /mesh/x}, {@code /mesh/y} and {@code /mesh/z}; every field is cell-centred with dimensions "nz ny nx".
 * The sidecar refers to the HDF5 file by its bare name, because XDMF readers resolve it relative to the sidecar's
 * folder and the sidecar always sits beside the HDF5 file. Fields are declared as 8-byte floats.
 */
public final class XdmfWriter {
    /** A cell field to expose: display name in ParaView and absolute dataset path in the HDF5 file. */
    public record FieldRef(String name, String h5Path) {
        public FieldRef {
            Objects.requireNonNull(name, "field name");
            if (name.isBlank() || name.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("field name is blank or has control characters: '" + name + "'");
            }
            H5Path.split(h5Path, false);
        }
    }

    private XdmfWriter() {
    }

    /**
     * The sidecar text.
     *
     * @param h5FileName bare file name of the HDF5 file (no folder), e.g. "run.h5"
     * @param xFaces     cell-face x coordinates as stored in /mesh/x (nx+1 values, strictly increasing); likewise y, z
     * @param cellFields datasets of shape [nz, ny, nx] to expose
     */
    public static String xdmf(String h5FileName, double[] xFaces, double[] yFaces, double[] zFaces,
                              List<FieldRef> cellFields) {
        checkFileName(h5FileName);
        int nx1 = checkFaces("x", xFaces), ny1 = checkFaces("y", yFaces), nz1 = checkFaces("z", zFaces);
        Objects.requireNonNull(cellFields, "cellFields");
        Set<String> names = new HashSet<>();
        for (FieldRef f : cellFields) {
            if (!names.add(f.name())) throw new IllegalArgumentException("duplicate XDMF field name '" + f.name() + "'");
        }

        String file = escape(h5FileName);
        String cells = (nz1 - 1) + " " + (ny1 - 1) + " " + (nx1 - 1);
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<Xdmf Version=\"3.0\">\n <Domain>\n");
        sb.append("  <Grid Name=\"").append(escape(baseName(h5FileName))).append("\" GridType=\"Uniform\">\n");
        // Topology counts nodes, in z y x order; the geometry items come in x, y, z order (VXVYVZ).
        sb.append("   <Topology TopologyType=\"3DRectMesh\" Dimensions=\"")
                .append(nz1).append(' ').append(ny1).append(' ').append(nx1).append("\"/>\n");
        sb.append("   <Geometry GeometryType=\"VXVYVZ\">\n");
        dataItem(sb, "    ", String.valueOf(nx1), file, MESH_X.path());
        dataItem(sb, "    ", String.valueOf(ny1), file, MESH_Y.path());
        dataItem(sb, "    ", String.valueOf(nz1), file, MESH_Z.path());
        sb.append("   </Geometry>\n");
        for (FieldRef f : cellFields) {
            sb.append("   <Attribute Name=\"").append(escape(f.name()))
                    .append("\" AttributeType=\"Scalar\" Center=\"Cell\">\n");
            dataItem(sb, "    ", cells, file, f.h5Path());
            sb.append("   </Attribute>\n");
        }
        sb.append("  </Grid>\n </Domain>\n</Xdmf>\n");
        return sb.toString();
    }

    /**
     * Writes {@code NAME.xdmf} beside {@code h5File} ({@code NAME.h5}) through a temporary file and an atomic rename,
     * with the same overwrite rules as {@link ResultFile#writeAtomically(Path, boolean)}.
     *
     * @return the path of the sidecar
     */
    public static Path write(Path h5File, double[] xFaces, double[] yFaces, double[] zFaces,
                             List<FieldRef> cellFields, boolean force) throws IOException {
        String h5Name = h5File.getFileName().toString();
        Path sidecar = sidecarOf(h5File);
        String text = xdmf(h5Name, xFaces, yFaces, zFaces, cellFields);
        AtomicWrite.write(sidecar, force, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
        return sidecar;
    }

    // ---- the complete sidecar of a result file ----

    /** A void cell's flag in {@code /mesh/vtk_ghost_type}: VTK's HIDDENCELL, which ParaView leaves out of the view. */
    public static final int VTK_HIDDEN_CELL = 32;

    /**
     * Writes the complete sidecar of result {@code h5File} (read back from the file, so it lists exactly what is in
     * it): {@code NAME.xdmf} beside it, atomically, with the overwrite rules of the result. See
     * {@link #complete(String, String, ResultContents, boolean)} for the layout.
     *
     * @return the path of the sidecar
     */
    public static Path forResult(Path h5File, boolean force) throws IOException {
        return forResult(h5File, force, false);
    }

    /**
     * As {@link #forResult(Path, boolean)}; {@code legacy} writes the slices of layered maps as XDMF 2 HyperSlab
     * items for ParaView's legacy "XDMF Reader" instead of the Xdmf3 selection syntax that the default readers read.
     */
    public static Path forResult(Path h5File, boolean force, boolean legacy) throws IOException {
        String h5Name = h5File.getFileName().toString();
        Path sidecar = sidecarOf(h5File);
        String text;
        try (ResultReader r = ResultReader.open(h5File)) {
            text = complete(h5File.toAbsolutePath().normalize().toString(), baseName(h5Name), r, legacy);
        }
        AtomicWrite.write(sidecar, force, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
        return sidecar;
    }

    /**
     * As {@link #forResult(Path, boolean)} for the result {@code result} that was just written to {@code h5File}:
     * the sidecar is built from its tree in memory, which is what the file holds, instead of reading the file back.
     */
    public static Path forResult(Path h5File, ResultFile result, boolean force) throws IOException {
        String h5Name = h5File.getFileName().toString();
        Path sidecar = sidecarOf(h5File);
        String text = complete(h5File.toAbsolutePath().normalize().toString(), baseName(h5Name), result.contents(),
                false);
        AtomicWrite.write(sidecar, force, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
        return sidecar;
    }

    /**
     * The sidecar's path for a result file ({@code NAME.h5} -> {@code NAME.xdmf} beside it). Called before a run, so
     * that a result the sidecar cannot refer to is bad input before anything is computed or written: the sidecar
     * names the HDF5 file as {@code PATH:/dataset}, so a ':' in its absolute path, a '\\' or a control character would
     * point a reader elsewhere; and a result itself named .xdmf would be its own sidecar.
     */
    public static Path sidecarOf(Path h5File) {
        Path fn = h5File.getFileName();
        String h5Name = fn == null ? "" : fn.toString();
        String abs = h5File.toAbsolutePath().normalize().toString();
        if (h5Name.isEmpty() || abs.contains(":") || h5Name.contains("\\") || abs.contains("|")
                || abs.chars().anyMatch(Character::isISOControl))
            throw new InputException(h5File.toString(), null, "the result's path may not contain ':', '|', '\\' or "
                    + "control characters: the XDMF sidecar refers to it as PATH:/dataset");
        Path sidecar = h5File.resolveSibling(baseName(h5Name) + ".xdmf");
        if (sidecar.getFileName().toString().equals(h5Name))
            throw new InputException(h5File.toString(), null, "the result file must not be named .xdmf (its sidecar is)");
        return sidecar;
    }

    /** One array of a grid: display name, centring, the dataset, and the index along its first axis (-1: all of it). */
    private record Attr(String name, String center, ResultReader.DatasetInfo d, int slab) {
    }

    /** One grid of the sidecar: its mesh (a 3-D cell mesh or the 2-D plate) and its arrays. */
    private record GridSpec(String name, boolean plate, List<Attr> attrs, String ghost) {
    }

    /**
     * The complete sidecar text for the file behind {@code r}, referring to it as {@code h5Ref}.
     * <ul>
     * <li>Grid {@code wafer}: the rectilinear cell mesh ({@code 3DRectMesh} on {@code /mesh/x, y, z}) with every
     * 3-D cell field of the file ([nz][ny][nx]: temperature, power density, material id, the transient's final
     * temperature, ...), named after the dataset with its unit ({@code temperature_degC}), and {@code vtkGhostType}
     * from {@code /mesh/vtk_ghost_type}, which marks void cells HIDDENCELL so ParaView blanks them instead of drawing
     * NaN;</li>
     * <li>Grid {@code plate}: the mechanics plate mesh ({@code 2DRectMesh} on {@code /mechanics/node_x, node_y}) with
     * every state's maps: element maps as cell data, node maps (warpage) as point data, the first state's under the
     * dataset's name, the others' prefixed with the state ({@code idle_connector_shear_strain}); layered maps (silicon
     * stresses at bottom/middle/top, slip x/y, the mechanics history) as one array per layer; the {@code /reliability}
     * connector maps; and {@code vtkGhostType} (inline) hiding the elements where every element map is NaN (outside
     * the wafer);</li>
     * <li>a transient run's snapshots ({@code /transient/snapshots/NNNN/temperature} at their {@code time_s}, and the
     * final field at the end of the run) as a temporal collection: each time step is a spatial collection of the two
     * grids, the wafer's with {@code transient_temperature_degC} at that time and the plate's with the mechanics state
     * solved at that snapshot ({@code snapshot_NNNN}) as {@code transient_*}.</li>
     * </ul>
     * Why this shape: ParaView 5.11's Xdmf3 readers (the default of {@code OpenDataFile} and the GUI) drop every grid
     * that is not inside the temporal collection once a file has time steps, and skip HyperSlab items; the
     * default reader ({@code Xdmf3ReaderS}) also merges the grids of a time step into one multi-piece data set, so the
     * 3-D fields share one grid and the plate maps another rather than overlapping grids with the same array names.
     * Slices of layered maps use the Xdmf3 selection syntax {@code FILE:/dataset|start:stride:count:dataspace};
     * {@code legacy} writes HyperSlab items instead, which only the legacy "XDMF Reader" reads.
     * <p>
     * The HDF5 file is referenced by its absolute path: the Xdmf3 readers join a relative reference to the sidecar's
     * name instead of its folder when the sidecar is opened by a bare file name ({@code c.xdmf} gives
     * {@code c.xdmfc.h5}), so only an absolute reference works for every way of opening it. After moving a result,
     * {@code wafersim xdmf OUT.h5 --force} writes the sidecar again.
     */
    static String complete(String h5Ref, String name, ResultContents r, boolean legacy) {
        java.util.Map<String, ResultReader.DatasetInfo> ds = new java.util.LinkedHashMap<>();
        for (ResultReader.DatasetInfo d : r.datasets()) ds.put(d.path(), d);
        String file = escape(h5Ref);
        int[] cell3 = null;
        if (ds.containsKey(MESH_X.path()) && ds.containsKey(MESH_Y.path()) && ds.containsKey(MESH_Z.path()))
            cell3 = new int[]{ds.get(MESH_Z.path()).shape()[0] - 1, ds.get(MESH_Y.path()).shape()[0] - 1,
                    ds.get(MESH_X.path()).shape()[0] - 1};
        int[] el = null, nd = null;
        if (ds.containsKey(MECHANICS_NODE_X.path()) && ds.containsKey(MECHANICS_NODE_Y.path())) {
            int nnx = ds.get(MECHANICS_NODE_X.path()).shape()[0], nny = ds.get(MECHANICS_NODE_Y.path()).shape()[0];
            el = new int[]{nny - 1, nnx - 1};
            nd = new int[]{nny, nnx};
        }

        // the wafer's static fields
        List<Attr> wafer = new java.util.ArrayList<>();
        String ghost3 = null;
        if (cell3 != null) {
            for (ResultReader.DatasetInfo d : ds.values())
                if (java.util.Arrays.equals(d.shape(), cell3) && !d.path().startsWith(TRANSIENT_SNAPSHOTS.prefix())
                        && !d.path().equals(MESH_VTK_GHOST_TYPE.path())) wafer.add(new Attr(fieldName(d), "Cell", d, -1));
            if (ds.containsKey(MESH_VTK_GHOST_TYPE.path())) ghost3 = MESH_VTK_GHOST_TYPE.path();
        }
        // the transient's time steps
        List<Double> times = new java.util.ArrayList<>();
        List<String> fields = new java.util.ArrayList<>();
        if (cell3 != null) {
            for (ResultReader.DatasetInfo d : ds.values())
                if (d.path().startsWith(TRANSIENT_SNAPSHOTS.prefix()) && java.util.Arrays.equals(d.shape(), cell3)
                        && r.attributes(d.path()).get("time_s") instanceof Double t) {
                    times.add(t);
                    fields.add(d.path());
                }
            if (ds.containsKey(TRANSIENT_FINAL_TEMPERATURE.path()) && ds.containsKey(TRANSIENT_TIME.path())) {
                double[] tt = r.read(TRANSIENT_TIME.path()).flat();
                double end = tt[tt.length - 1];
                if (times.isEmpty() || times.get(times.size() - 1) < end) {
                    times.add(end);
                    fields.add(TRANSIENT_FINAL_TEMPERATURE.path());
                }
            }
        }
        // the plate: static states, and the states solved at snapshots by time
        List<Attr> plate = new java.util.ArrayList<>();
        java.util.Map<Double, List<Attr>> platesAt = new java.util.HashMap<>();
        String plateGhost = null;
        if (el != null) {
            List<String> states = new java.util.ArrayList<>();
            if (r.attributes(MECHANICS.path()).get("states") instanceof String[] st) states.addAll(List.of(st));
            if (states.isEmpty()) states.add("state");
            for (int s = 0; s < states.size(); s++) {
                String prefix = s == 0 ? MECHANICS.prefix() : MECHANICS_STATE.path(states.get(s)) + "/";
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("snapshot_(\\d{4})").matcher(states.get(s));
                String snap = m.matches() ? TRANSIENT_SNAPSHOT_TEMPERATURE.path(m.group(1)) : null;
                Double at = s > 0 && snap != null && ds.containsKey(snap)
                        && r.attributes(snap).get("time_s") instanceof Double t && times.contains(t) ? t : null;
                String label = s == 0 ? "" : at != null ? "transient_" : states.get(s) + "_";
                List<Attr> into = at == null ? plate : platesAt.computeIfAbsent(at, k -> new java.util.ArrayList<>());
                for (ResultReader.DatasetInfo d : ds.values()) {
                    String p = d.path();
                    if (!p.startsWith(prefix) || (s == 0 && p.startsWith(MECHANICS_STATES.prefix()))) continue;
                    String prefixLabel = p.startsWith(MECHANICS_HISTORY.prefix()) ? label + "history_" : label;
                    plateAttrs(into, d, prefixLabel, el, nd);
                }
            }
            for (ResultReader.DatasetInfo d : ds.values())
                if (d.path().startsWith(RELIABILITY.prefix())) plateAttrs(plate, d, "", el, nd);
            plateGhost = plateGhost(r, plate, el);
        }

        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<!-- wafersim result ").append(escape(name)).append(": open in ParaView (the default Xdmf3 reader")
                .append(legacy ? "s skip this flavour's HyperSlab items: use the legacy XDMF Reader" : "s, or the "
                        + "legacy XDMF Reader for all but the layered maps").append("). Void cells carry vtkGhostType = 32 "
                        + "(hidden). -->\n");
        if (r.omittedReason(THERMAL_TEMPERATURE.path()) != null)
            sb.append("<!-- the run's output options (output.fields) left out the cell-grid fields -->\n");
        sb.append("<Xdmf Version=\"3.0\">\n <Domain>\n");
        if (times.isEmpty()) {
            // a result without cell fields (output.fields: cores) shows the plate alone, or the bare mesh
            if (cell3 != null && (!wafer.isEmpty() || el == null))
                grid(sb, "  ", file, new GridSpec("wafer", false, wafer, ghost3), cell3, el, legacy);
            if (el != null) grid(sb, "  ", file, new GridSpec("plate", true, plate, plateGhost), cell3, el, legacy);
        } else {
            sb.append("  <Grid Name=\"").append(escape(name)).append("\" GridType=\"Collection\" CollectionType=\"Temporal\">\n");
            for (int i = 0; i < times.size(); i++) {
                sb.append("   <Grid Name=\"t_").append(i).append("\" GridType=\"Collection\" CollectionType=\"Spatial\">\n");
                sb.append("    <Time Value=\"").append(times.get(i)).append("\"/>\n");
                List<Attr> w = new java.util.ArrayList<>(wafer);
                w.add(new Attr("transient_temperature_degC", "Cell", ds.get(fields.get(i)), -1));
                grid(sb, "    ", file, new GridSpec("wafer", false, w, ghost3), cell3, el, legacy);
                if (el != null) {
                    List<Attr> pl = new java.util.ArrayList<>(plate);
                    pl.addAll(platesAt.getOrDefault(times.get(i), List.of()));
                    grid(sb, "    ", file, new GridSpec("plate", true, pl, plateGhost), cell3, el, legacy);
                }
                sb.append("   </Grid>\n");
            }
            sb.append("  </Grid>\n");
        }
        sb.append(" </Domain>\n</Xdmf>\n");
        return sb.toString();
    }

    /** The arrays of one plate dataset: a whole map, or one array per layer of a [k][y][x] dataset; others none. */
    private static void plateAttrs(List<Attr> into, ResultReader.DatasetInfo d, String label, int[] el, int[] nd) {
        int[] sh = d.shape();
        String base = label + fieldName(d);
        if (java.util.Arrays.equals(sh, el)) into.add(new Attr(base, "Cell", d, -1));
        else if (java.util.Arrays.equals(sh, nd)) into.add(new Attr(base, "Node", d, -1));
        else if (sh.length == 3) {
            int[] plane = {sh[1], sh[2]};
            String center = java.util.Arrays.equals(plane, el) ? "Cell" : java.util.Arrays.equals(plane, nd) ? "Node" : null;
            if (center != null)
                for (int k = 0; k < sh[0]; k++) into.add(new Attr(sliceName(d, base, k), center, d, k));
        }
    }

    /**
     * The plate's void flags: HIDDENCELL where every element map of the static states is NaN (the plate mesh spans
     * the largest laminate; the wafer's and connector's maps are NaN outside their footprint). Null when no element
     * is void, so that nothing is hidden.
     */
    private static String plateGhost(ResultContents r, List<Attr> attrs, int[] el) {
        int n = el[0] * el[1];
        boolean[] defined = new boolean[n];
        boolean any = false;
        java.util.Map<String, double[]> cache = new java.util.HashMap<>();
        for (Attr a : attrs) {
            if (!a.center().equals("Cell") || a.d().type() == null || !a.d().type().startsWith("float")) continue;
            double[] v = cache.computeIfAbsent(a.d().path(), p -> r.read(p).flat());
            int off = a.slab() < 0 ? 0 : a.slab() * n;
            for (int c = 0; c < n; c++) if (!Double.isNaN(v[off + c])) defined[c] = true;
            any = true;
        }
        if (!any) return null;
        StringBuilder g = new StringBuilder();
        boolean hidden = false;
        for (int c = 0; c < n; c++) {
            g.append(c == 0 ? "" : c % el[1] == 0 ? "\n" : " ").append(defined[c] ? 0 : VTK_HIDDEN_CELL);
            hidden |= !defined[c];
        }
        return hidden ? g.toString() : null;
    }

    private static void grid(StringBuilder sb, String indent, String file, GridSpec g, int[] cell3, int[] el,
                             boolean legacy) {
        sb.append(indent).append("<Grid Name=\"").append(g.name()).append("\" GridType=\"Uniform\">\n");
        String in = indent + " ";
        int[] cells;
        if (g.plate()) {
            cells = el;
            sb.append(in).append("<Topology TopologyType=\"2DRectMesh\" Dimensions=\"").append(el[0] + 1).append(' ')
                    .append(el[1] + 1).append("\"/>\n");
            sb.append(in).append("<Geometry GeometryType=\"VXVY\">\n");
            dataItem(sb, in + " ", String.valueOf(el[1] + 1), file, MECHANICS_NODE_X.path());
            dataItem(sb, in + " ", String.valueOf(el[0] + 1), file, MECHANICS_NODE_Y.path());
            sb.append(in).append("</Geometry>\n");
        } else {
            cells = cell3;
            rectMesh3(sb, in, file, cell3[2], cell3[1], cell3[0]);
        }
        Set<String> names = new HashSet<>();
        for (Attr a : g.attrs()) {
            String an = a.name();
            for (int k = 2; !names.add(an); k++) an = a.name() + "_" + k;
            int[] sh = a.d().shape();
            String dims = a.slab() < 0 ? cells(sh) : cells(new int[]{sh[1], sh[2]});
            sb.append(in).append("<Attribute Name=\"").append(escape(an)).append("\" AttributeType=\"Scalar\" Center=\"")
                    .append(a.center()).append("\">\n");
            if (a.slab() < 0) typedItem(sb, in + " ", dims, a.d().type(), file, a.d().path(), null);
            else if (!legacy) typedItem(sb, in + " ", dims, a.d().type(), file, a.d().path(), a.slab() + " 0 0:1 1 1:1 "
                    + dims + ":" + cells(sh));
            else {
                sb.append(in).append(" <DataItem ItemType=\"HyperSlab\" Dimensions=\"").append(dims)
                        .append("\" Type=\"HyperSlab\">\n");
                sb.append(in).append("  <DataItem Dimensions=\"3 3\" Format=\"XML\">").append(a.slab())
                        .append(" 0 0 1 1 1 1 ").append(dims).append("</DataItem>\n");
                typedItem(sb, in + "  ", cells(sh), a.d().type(), file, a.d().path(), null);
                sb.append(in).append(" </DataItem>\n");
            }
            sb.append(in).append("</Attribute>\n");
        }
        if (g.ghost() != null) {
            sb.append(in).append("<Attribute Name=\"vtkGhostType\" AttributeType=\"Scalar\" Center=\"Cell\">\n");
            if (g.plate()) {
                sb.append(in).append(" <DataItem Dimensions=\"").append(cells(cells))
                        .append("\" NumberType=\"UChar\" Precision=\"1\" Format=\"XML\">\n").append(g.ghost())
                        .append("\n").append(in).append(" </DataItem>\n");
            } else {
                // VTK's ghost-cell flags (unsigned char) from the int8 dataset: HDF5 converts the type on reading
                sb.append(in).append(" <DataItem Dimensions=\"").append(cells(cells))
                        .append("\" NumberType=\"UChar\" Precision=\"1\" Format=\"HDF\">").append(file).append(':')
                        .append(escape(g.ghost())).append("</DataItem>\n");
            }
            sb.append(in).append("</Attribute>\n");
        }
        sb.append(indent).append("</Grid>\n");
    }

    /** "stress_xx_bottom_Pa" etc.: the dataset's leaf, the layer (bottom/middle/top, x/y or an index) and its unit. */
    private static String sliceName(ResultReader.DatasetInfo d, String base, int k) {
        String u = unitSuffix(d.units());
        String stem = u.isEmpty() ? base : base.substring(0, base.length() - u.length());
        String part;
        if (d.shape()[0] == 3 && (d.path().contains("stress") || d.path().endsWith("von_mises")))
            part = new String[]{"bottom", "middle", "top"}[k];
        else if (d.shape()[0] == 2 && d.path().contains("/" + MECHANICS_SLIP_GROUP.leaf() + "/")) part = new String[]{"x", "y"}[k];
        else part = String.valueOf(k);
        return stem + "_" + part + u;
    }

    private static String fieldName(ResultReader.DatasetInfo d) {
        String p = d.path();
        String leaf = p.substring(p.lastIndexOf('/') + 1);
        if (p.contains("/" + MECHANICS_SLIP_GROUP.leaf() + "/")) leaf = "slip_" + leaf;
        if (p.equals(TRANSIENT_FINAL_TEMPERATURE.path())) leaf = "final_temperature";
        return leaf + unitSuffix(d.units());
    }

    private static String unitSuffix(String units) {
        if (units == null || units.equals("1") || units.isBlank()) return "";
        return "_" + units.replace("/", "_per_").replace("^", "").replace("*", "_");
    }

    private static String cells(int[] shape) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < shape.length; i++) b.append(i == 0 ? "" : " ").append(shape[i]);
        return b.toString();
    }

    private static void rectMesh3(StringBuilder sb, String indent, String file, int nx, int ny, int nz) {
        sb.append(indent).append("<Topology TopologyType=\"3DRectMesh\" Dimensions=\"")
                .append(nz + 1).append(' ').append(ny + 1).append(' ').append(nx + 1).append("\"/>\n");
        sb.append(indent).append("<Geometry GeometryType=\"VXVYVZ\">\n");
        dataItem(sb, indent + " ", String.valueOf(nx + 1), file, MESH_X.path());
        dataItem(sb, indent + " ", String.valueOf(ny + 1), file, MESH_Y.path());
        dataItem(sb, indent + " ", String.valueOf(nz + 1), file, MESH_Z.path());
        sb.append(indent).append("</Geometry>\n");
    }

    /** An HDF5 item; {@code selection} "start:stride:count:dataspace" (Xdmf3) reads a slab of the dataset. */
    private static void typedItem(StringBuilder sb, String indent, String dims, String type, String file, String h5Path,
                                  String selection) {
        boolean integer = type != null && type.startsWith("int");
        sb.append(indent).append("<DataItem Dimensions=\"").append(dims).append("\" NumberType=\"")
                .append(integer ? "Int" : "Float").append("\" Precision=\"")
                .append(integer || "float32".equals(type) ? 4 : 8)   // float32: output.precision float
                .append("\" Format=\"HDF\">").append(file).append(':').append(escape(h5Path))
                .append(selection == null ? "" : "|" + selection).append("</DataItem>\n");
    }

    private static void dataItem(StringBuilder sb, String indent, String dims, String file, String h5Path) {
        sb.append(indent).append("<DataItem Dimensions=\"").append(dims)
                .append("\" NumberType=\"Float\" Precision=\"8\" Format=\"HDF\">")
                .append(file).append(':').append(escape(h5Path)).append("</DataItem>\n");
    }

    private static int checkFaces(String axis, double[] faces) {
        Objects.requireNonNull(faces, axis + " faces");
        if (faces.length < 2) throw new IllegalArgumentException(axis + " faces: need at least 2 values (1 cell)");
        for (int i = 0; i < faces.length; i++) {
            if (!Double.isFinite(faces[i]) || (i > 0 && !(faces[i] > faces[i - 1]))) {
                throw new IllegalArgumentException(axis + " faces must be finite and strictly increasing (index " + i + ")");
            }
        }
        return faces.length;
    }

    /** The name goes into "file:/path"; a folder part or a ':' would make readers look for a different file. */
    private static void checkFileName(String name) {
        Objects.requireNonNull(name, "h5FileName");
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.contains(":")) {
            throw new IllegalArgumentException("h5FileName must be a bare file name without folder or ':': '" + name + "'");
        }
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
