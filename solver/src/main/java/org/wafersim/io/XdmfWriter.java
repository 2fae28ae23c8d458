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

    /**
     * The sidecar's path for a result file ({@code NAME.h5} -> {@code NAME.xdmf} beside it). Called before a run, so
     * that a name the sidecar cannot refer to (a ':' would read as "file:dataset", control characters, a result
     * itself named .xdmf) is bad input before anything is computed or written.
     */
    public static Path sidecarOf(Path h5File) {
        Path fn = h5File.getFileName();
        String h5Name = fn == null ? "" : fn.toString();
        if (h5Name.isEmpty() || h5Name.contains(":") || h5Name.contains("\\")
                || h5Name.chars().anyMatch(Character::isISOControl))
            throw new InputException(h5File.toString(), null, "the result's file name may not contain ':', '\\' or "
                    + "control characters: the XDMF sidecar refers to it as FILE:/dataset");
        Path sidecar = h5File.resolveSibling(baseName(h5Name) + ".xdmf");
        if (sidecar.getFileName().toString().equals(h5Name))
            throw new InputException(h5File.toString(), null, "the result file must not be named .xdmf (its sidecar is)");
        return sidecar;
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
