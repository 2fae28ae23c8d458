package org.wafersim.thermal;

import java.util.ArrayList;
import java.util.List;
import org.wafersim.grid.Grid;

/**
 * Every exposed, non-adiabatic cell face of a grid with its convective condition, in flat arrays (a full wafer has
 * about a million of them). A face is exposed when it lies on the domain boundary or next to a void cell. The
 * ambient temperatures may be changed later (the lateral coolant warms along its path) through {@link #ambient}.
 */
public final class BoundaryFaces {
    public final int count;
    public final int[] cell;
    public final byte[] face;      // Face ordinal
    public final double[] h;       // W/(m^2 K), may be +inf
    public final double[] ambient; // K (mutable by design: coolant temperature maps update it)
    public final byte[] path;      // index into pathNames
    private final List<String> pathNames;

    private BoundaryFaces(int count, List<String> pathNames) {
        this.count = count;
        cell = new int[count];
        face = new byte[count];
        h = new double[count];
        ambient = new double[count];
        path = new byte[count];
        this.pathNames = pathNames;
    }

    private BoundaryFaces(BoundaryFaces other) {
        count = other.count;
        cell = other.cell;
        face = other.face;
        h = other.h;
        ambient = other.ambient.clone();
        path = other.path;
        pathNames = other.pathNames;
    }

    /**
     * The same faces with their own ambients (the faces, coefficients and paths shared): another operating state of
     * the same package, whose outer couplings move its ambients and not this one's.
     */
    public BoundaryFaces withOwnAmbient() { return new BoundaryFaces(this); }

    public List<String> pathNames() { return pathNames; }
    public int pathIndex(String name) { return pathNames.indexOf(name); }

    /** Scans the grid for exposed faces and asks the rule for each one's condition. */
    public static BoundaryFaces scan(Grid g, BoundaryRule rule) {
        List<String> names = new ArrayList<>();
        final short[] mat = g.materialIds();
        final int nx = g.nx, ny = g.ny, nz = g.nz, plane = nx * ny;
        final Face[] faces = Face.values();
        // Two passes (count, then fill) keep this allocation-free per face. The exposure test reads the material
        // array directly: a cell with six solid neighbours (almost all of them) costs six loads.
        int n = 0;
        for (int pass = 0; pass < 2; pass++) {
            BoundaryFaces out = pass == 1 ? new BoundaryFaces(n, names) : null;
            int m = 0;
            for (int k = 0; k < nz; k++)
                for (int j = 0; j < ny; j++)
                    for (int i = 0, c = (k * ny + j) * nx; i < nx; i++, c++) {
                        if (mat[c] < 0) continue;
                        int exposed = 0;
                        if (i == 0 || mat[c - 1] < 0) exposed |= 1;
                        if (i == nx - 1 || mat[c + 1] < 0) exposed |= 2;
                        if (j == 0 || mat[c - nx] < 0) exposed |= 4;
                        if (j == ny - 1 || mat[c + nx] < 0) exposed |= 8;
                        if (k == 0 || mat[c - plane] < 0) exposed |= 16;
                        if (k == nz - 1 || mat[c + plane] < 0) exposed |= 32;
                        if (exposed == 0) continue;
                        for (int fo = 0; fo < 6; fo++) {
                            if ((exposed & (1 << fo)) == 0) continue;
                            Face f = faces[fo];
                            Convection cv = rule.at(f, i, j, k);
                            if (cv == null) continue;
                            if (out != null) {
                                int p = names.indexOf(cv.path());
                                out.cell[m] = c;
                                out.face[m] = (byte) fo;
                                out.h[m] = cv.h();
                                out.ambient[m] = cv.ambient();
                                out.path[m] = (byte) p;
                            } else if (!names.contains(cv.path())) {
                                if (names.size() >= 127) throw new IllegalArgumentException("too many heat paths");
                                names.add(cv.path());
                            }
                            m++;
                        }
                    }
            if (out != null) return out;
            n = m;
        }
        throw new AssertionError();
    }

    static boolean exposed(Grid g, int i, int j, int k, Face f) {
        switch (f) {
            case XMIN: return i == 0 || g.isVoid(g.index(i - 1, j, k));
            case XMAX: return i == g.nx - 1 || g.isVoid(g.index(i + 1, j, k));
            case YMIN: return j == 0 || g.isVoid(g.index(i, j - 1, k));
            case YMAX: return j == g.ny - 1 || g.isVoid(g.index(i, j + 1, k));
            case ZMIN: return k == 0 || g.isVoid(g.index(i, j, k - 1));
            default:   return k == g.nz - 1 || g.isVoid(g.index(i, j, k + 1));
        }
    }

    /** Area of face m (m^2). */
    public double area(Grid g, int m) {
        int c = cell[m], i = c % g.nx, j = (c / g.nx) % g.ny, k = c / (g.nx * g.ny);
        Face f = Face.of(face[m]);
        return switch (f) {
            case XMIN, XMAX -> g.dy(j) * g.dz(k);
            case YMIN, YMAX -> g.dx(i) * g.dz(k);
            default -> g.dx(i) * g.dy(j);
        };
    }
}
