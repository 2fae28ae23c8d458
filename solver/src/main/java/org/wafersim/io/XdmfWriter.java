package org.wafersim.io;

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
        dataItem(sb, "    ", String.valueOf(nx1), file, "/mesh/x");
        dataItem(sb, "    ", String.valueOf(ny1), file, "/mesh/y");
        dataItem(sb, "    ", String.valueOf(nz1), file, "/mesh/z");
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
     * it): {@code NAME.xdmf} beside it, atomically, with the overwrite rules of the result.
     * <ul>
     * <li>Grid {@code wafer}: the rectilinear cell mesh with every 3-D cell field of the file ([nz][ny][nx]:
     * temperature, power density, material id, the transient's final temperature, ...), named after the dataset with
     * its unit ({@code temperature_degC}), and {@code vtkGhostType} from {@code /mesh/vtk_ghost_type}, which marks
     * void cells HIDDENCELL so ParaView blanks them instead of drawing NaN;</li>
     * <li>Grid {@code snapshots}: a temporal collection of the transient snapshots ({@code time_s} of each, and the
     * final field at the end of the run), so ParaView's time controls step through them;</li>
     * <li>Grids {@code mechanics_STATE}: each mechanics state on the plate mesh ({@code 2DRectMesh} on the node lines
     * {@code /mechanics/node_x}, {@code node_y}): element fields as cell data, node fields (warpage) as point data,
     * the silicon stresses at bottom/middle/top and the slip components as separate arrays (hyperslabs); the
     * {@code /reliability} connector maps join the first state's grid; the states solved at transient snapshots
     * ({@code snapshot_NNNN}) form the temporal collection {@code mechanics_snapshots} at the snapshots' times.</li>
     * </ul>
     * The HDF5 file is referenced by its absolute path: ParaView's Xdmf3 readers join a relative reference to the
     * sidecar's name instead of its folder when the sidecar is opened by a bare file name ({@code c.xdmf} gives
     * {@code c.xdmfc.h5}), so only an absolute reference works for every way of opening it. After moving a result,
     * {@code wafersim xdmf OUT.h5 --force} writes the sidecar again.
     *
     * @return the path of the sidecar
     */
    public static Path forResult(Path h5File, boolean force) throws IOException {
        String h5Name = h5File.getFileName().toString();
        Path sidecar = sidecarOf(h5File);
        String text;
        try (ResultReader r = ResultReader.open(h5File)) {
            text = complete(h5File.toAbsolutePath().normalize().toString(), baseName(h5Name), r);
        }
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
        if (h5Name.isEmpty() || abs.contains(":") || h5Name.contains("\\")
                || abs.chars().anyMatch(Character::isISOControl))
            throw new InputException(h5File.toString(), null, "the result's path may not contain ':', '\\' or "
                    + "control characters: the XDMF sidecar refers to it as PATH:/dataset");
        Path sidecar = h5File.resolveSibling(baseName(h5Name) + ".xdmf");
        if (sidecar.getFileName().toString().equals(h5Name))
            throw new InputException(h5File.toString(), null, "the result file must not be named .xdmf (its sidecar is)");
        return sidecar;
    }

    /** The complete sidecar text for the file behind {@code r}, referring to it as {@code h5Ref}. */
    static String complete(String h5Ref, String name, ResultReader r) {
        java.util.Map<String, ResultReader.DatasetInfo> ds = new java.util.LinkedHashMap<>();
        for (ResultReader.DatasetInfo d : r.datasets()) ds.put(d.path(), d);
        String file = escape(h5Ref);
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<!-- wafersim result ").append(escape(name)).append(": open in ParaView (XDMF Reader or Xdmf3 "
                + "Reader). Void cells carry vtkGhostType = 32 (hidden). -->\n");
        sb.append("<Xdmf Version=\"3.0\">\n <Domain>\n");
        if (ds.containsKey("/mesh/x") && ds.containsKey("/mesh/y") && ds.containsKey("/mesh/z")) {
            int nx = ds.get("/mesh/x").shape()[0] - 1, ny = ds.get("/mesh/y").shape()[0] - 1, nz = ds.get("/mesh/z").shape()[0] - 1;
            int[] cell3 = {nz, ny, nx};
            List<String> fields = new java.util.ArrayList<>();
            for (ResultReader.DatasetInfo d : ds.values())
                if (java.util.Arrays.equals(d.shape(), cell3) && !d.path().startsWith("/transient/snapshots/")
                        && !d.path().equals("/mesh/vtk_ghost_type")) fields.add(d.path());
            String ghost = ds.containsKey("/mesh/vtk_ghost_type") ? "/mesh/vtk_ghost_type" : null;
            sb.append("  <Grid Name=\"wafer\" GridType=\"Uniform\">\n");
            rectMesh3(sb, "   ", file, nx, ny, nz);
            for (String f : fields) cellAttribute(sb, "   ", file, fieldName(ds.get(f)), ds.get(f), cells(cell3));
            if (ghost != null) ghostAttribute(sb, "   ", file, ghost, cells(cell3));
            sb.append("  </Grid>\n");
            List<double[]> times = new java.util.ArrayList<>();
            List<String> paths = new java.util.ArrayList<>();
            for (ResultReader.DatasetInfo d : ds.values())
                if (d.path().startsWith("/transient/snapshots/") && java.util.Arrays.equals(d.shape(), cell3)
                        && r.attributes(d.path()).get("time_s") instanceof Double t) {
                    times.add(new double[]{t});
                    paths.add(d.path());
                }
            if (ds.containsKey("/transient/final_temperature") && ds.containsKey("/transient/time")) {
                double[] tt = r.read("/transient/time").flat();
                double end = tt[tt.length - 1];
                if (times.isEmpty() || times.get(times.size() - 1)[0] < end) {
                    times.add(new double[]{end});
                    paths.add("/transient/final_temperature");
                }
            }
            if (!paths.isEmpty()) {
                sb.append("  <Grid Name=\"snapshots\" GridType=\"Collection\" CollectionType=\"Temporal\">\n");
                for (int i = 0; i < paths.size(); i++) {
                    sb.append("   <Grid Name=\"t_").append(i).append("\" GridType=\"Uniform\">\n");
                    sb.append("    <Time Value=\"").append(times.get(i)[0]).append("\"/>\n");
                    rectMesh3(sb, "    ", file, nx, ny, nz);
                    cellAttribute(sb, "    ", file, "temperature_degC", ds.get(paths.get(i)), cells(cell3));
                    if (ds.containsKey("/mesh/material_id"))
                        cellAttribute(sb, "    ", file, "material_id", ds.get("/mesh/material_id"), cells(cell3));
                    if (ghost != null) ghostAttribute(sb, "    ", file, ghost, cells(cell3));
                    sb.append("   </Grid>\n");
                }
                sb.append("  </Grid>\n");
            }
        }
        mechanicsGrids(sb, file, ds, r);
        sb.append(" </Domain>\n</Xdmf>\n");
        return sb.toString();
    }

    private static void mechanicsGrids(StringBuilder sb, String file, java.util.Map<String, ResultReader.DatasetInfo> ds,
                                       ResultReader r) {
        if (!ds.containsKey("/mechanics/node_x") || !ds.containsKey("/mechanics/node_y")) return;
        int nnx = ds.get("/mechanics/node_x").shape()[0], nny = ds.get("/mechanics/node_y").shape()[0];
        int[] el = {nny - 1, nnx - 1}, nd = {nny, nnx};
        List<String> states = new java.util.ArrayList<>();
        if (r.attributes("/mechanics").get("states") instanceof String[] st) states.addAll(List.of(st));
        if (states.isEmpty()) states.add("state");
        // states solved at transient snapshots ("snapshot_NNNN") form a temporal collection at the snapshots' times
        java.util.Map<Integer, Double> snapTime = new java.util.HashMap<>();
        for (int s = 0; s < states.size(); s++) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("snapshot_(\\d{4})").matcher(states.get(s));
            String snap = m.matches() ? "/transient/snapshots/" + m.group(1) + "/temperature" : null;
            if (s > 0 && snap != null && ds.containsKey(snap) && r.attributes(snap).get("time_s") instanceof Double t)
                snapTime.put(s, t);
        }
        boolean inCollection = false;
        for (int s = 0; s < states.size(); s++) {
            String prefix = s == 0 ? "/mechanics/" : "/mechanics/states/" + states.get(s) + "/";
            if (snapTime.containsKey(s) && !inCollection) {
                sb.append("  <Grid Name=\"mechanics_snapshots\" GridType=\"Collection\" CollectionType=\"Temporal\">\n");
                inCollection = true;
            } else if (!snapTime.containsKey(s) && inCollection) {
                sb.append("  </Grid>\n");
                inCollection = false;
            }
            sb.append("  <Grid Name=\"mechanics_").append(escape(states.get(s))).append("\" GridType=\"Uniform\">\n");
            if (snapTime.containsKey(s)) sb.append("   <Time Value=\"").append(snapTime.get(s)).append("\"/>\n");
            sb.append("   <Topology TopologyType=\"2DRectMesh\" Dimensions=\"").append(nny).append(' ').append(nnx).append("\"/>\n");
            sb.append("   <Geometry GeometryType=\"VXVY\">\n");
            dataItem(sb, "    ", String.valueOf(nnx), file, "/mechanics/node_x");
            dataItem(sb, "    ", String.valueOf(nny), file, "/mechanics/node_y");
            sb.append("   </Geometry>\n");
            List<String> sources = new java.util.ArrayList<>();
            for (String p : ds.keySet()) {
                if (!p.startsWith(prefix)) continue;
                String rest = p.substring(prefix.length());
                if (s == 0 && rest.startsWith("states/")) continue;
                sources.add(p);
            }
            if (s == 0) for (String p : ds.keySet()) if (p.startsWith("/reliability/")) sources.add(p);
            for (String p : sources) {
                ResultReader.DatasetInfo d = ds.get(p);
                int[] sh = d.shape();
                String base = fieldName(d);
                if (java.util.Arrays.equals(sh, el)) cellAttribute(sb, "   ", file, base, d, cells(el));
                else if (java.util.Arrays.equals(sh, nd)) attribute(sb, "   ", file, base, d, cells(nd), "Node");
                else if (sh.length == 3 && (java.util.Arrays.equals(new int[]{sh[1], sh[2]}, el)
                        || java.util.Arrays.equals(new int[]{sh[1], sh[2]}, nd))) {
                    String center = sh[1] == el[0] ? "Cell" : "Node";
                    for (int k = 0; k < sh[0]; k++)
                        slab(sb, "   ", file, sliceName(d, base, k), d, k, sh, center);
                }
            }
            sb.append("  </Grid>\n");
        }
        if (inCollection) sb.append("  </Grid>\n");
    }

    /** "stress_xx_MPa" etc.: the dataset's leaf with its units; slices named bottom/middle/top, x/y or by index. */
    private static String sliceName(ResultReader.DatasetInfo d, String base, int k) {
        String u = unitSuffix(d.units());
        String stem = u.isEmpty() ? base : base.substring(0, base.length() - u.length());
        String part;
        if (d.shape()[0] == 3 && (d.path().contains("stress") || d.path().endsWith("von_mises")))
            part = new String[]{"bottom", "middle", "top"}[k];
        else if (d.shape()[0] == 2 && d.path().contains("/slip/")) part = new String[]{"x", "y"}[k];
        else part = String.valueOf(k);
        return stem + "_" + part + u;
    }

    private static String fieldName(ResultReader.DatasetInfo d) {
        String p = d.path();
        String leaf = p.substring(p.lastIndexOf('/') + 1);
        if (p.contains("/slip/")) leaf = "slip_" + leaf;
        if (p.equals("/transient/final_temperature")) leaf = "final_temperature";
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
        dataItem(sb, indent + " ", String.valueOf(nx + 1), file, "/mesh/x");
        dataItem(sb, indent + " ", String.valueOf(ny + 1), file, "/mesh/y");
        dataItem(sb, indent + " ", String.valueOf(nz + 1), file, "/mesh/z");
        sb.append(indent).append("</Geometry>\n");
    }

    private static void cellAttribute(StringBuilder sb, String indent, String file, String name,
                                      ResultReader.DatasetInfo d, String dims) {
        attribute(sb, indent, file, name, d, dims, "Cell");
    }

    private static void attribute(StringBuilder sb, String indent, String file, String name, ResultReader.DatasetInfo d,
                                  String dims, String center) {
        sb.append(indent).append("<Attribute Name=\"").append(escape(name))
                .append("\" AttributeType=\"Scalar\" Center=\"").append(center).append("\">\n");
        typedItem(sb, indent + " ", dims, d.type(), file, d.path());
        sb.append(indent).append("</Attribute>\n");
    }

    /** VTK's ghost-cell flags (unsigned char) from the int dataset: HDF5 converts the type on reading. */
    private static void ghostAttribute(StringBuilder sb, String indent, String file, String path, String dims) {
        sb.append(indent).append("<Attribute Name=\"vtkGhostType\" AttributeType=\"Scalar\" Center=\"Cell\">\n");
        sb.append(indent).append(" <DataItem Dimensions=\"").append(dims)
                .append("\" NumberType=\"UChar\" Precision=\"1\" Format=\"HDF\">").append(file).append(':')
                .append(escape(path)).append("</DataItem>\n");
        sb.append(indent).append("</Attribute>\n");
    }

    private static void slab(StringBuilder sb, String indent, String file, String name, ResultReader.DatasetInfo d,
                             int k, int[] sh, String center) {
        sb.append(indent).append("<Attribute Name=\"").append(escape(name))
                .append("\" AttributeType=\"Scalar\" Center=\"").append(center).append("\">\n");
        sb.append(indent).append(" <DataItem ItemType=\"HyperSlab\" Dimensions=\"").append(sh[1]).append(' ')
                .append(sh[2]).append("\" Type=\"HyperSlab\">\n");
        sb.append(indent).append("  <DataItem Dimensions=\"3 3\" Format=\"XML\">").append(k).append(" 0 0 1 1 1 1 ")
                .append(sh[1]).append(' ').append(sh[2]).append("</DataItem>\n");
        typedItem(sb, indent + "  ", cells(sh), d.type(), file, d.path());
        sb.append(indent).append(" </DataItem>\n");
        sb.append(indent).append("</Attribute>\n");
    }

    private static void typedItem(StringBuilder sb, String indent, String dims, String type, String file, String h5Path) {
        boolean integer = type != null && type.startsWith("int");
        sb.append(indent).append("<DataItem Dimensions=\"").append(dims).append("\" NumberType=\"")
                .append(integer ? "Int" : "Float").append("\" Precision=\"").append(integer ? 4 : 8)
                .append("\" Format=\"HDF\">").append(file).append(':').append(escape(h5Path)).append("</DataItem>\n");
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
