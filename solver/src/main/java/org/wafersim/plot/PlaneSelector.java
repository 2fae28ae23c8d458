package org.wafersim.plot;

import static org.wafersim.io.ResultSchema.*;

import java.util.Locale;
import org.wafersim.errors.InputException;
import org.wafersim.units.Dimension;
import org.wafersim.units.Units;

/**
 * Chooses the z cell plane of a 3-D field to draw: by layer name (the layer's middle cell plane; for the wafer, the
 * middle of its active layer, where the heat is generated and the junction temperature is read), by a z coordinate
 * with a unit, or by default the active plane (else the middle of the grid).
 */
final class PlaneSelector {
    /** A cell plane and the words that describe it in the title. */
    record Plane(int k, String description) { }

    private PlaneSelector() { }

    static Plane choose(MeshInfo mesh, String layer, String zText) {
        if (layer != null && zText != null)
            throw new InputException("--layer/--z", null, "give either --layer or --z, not both");
        if (mesh.z() == null) throw new InputException(MESH_Z.path(), null, "the result file has no z grid; cannot pick a plane");
        if (layer != null) return byLayer(mesh, layer);
        if (zText != null) return byZ(mesh, zText);
        int[] a = mesh.activeK();
        if (a != null && a[1] > a[0] && a[1] <= mesh.nz()) return active(mesh, a);
        int k = mesh.nz() / 2;
        return new Plane(k, describe(mesh, k, "middle plane"));
    }

    private static Plane byLayer(MeshInfo mesh, String layer) {
        int l = mesh.layerNames().indexOf(layer);
        if (l < 0)
            throw new InputException("--layer", null, "no layer '" + layer + "' in the result; layers: "
                    + (mesh.layerNames().isEmpty() ? "(none recorded)" : String.join(", ", mesh.layerNames()))
                    + (mesh.cropped() ? " (the run stored these layers' cell fields only: output.layers)" : ""));
        int k0 = mesh.layerK()[l][0], k1 = mesh.layerK()[l][1];
        int[] a = mesh.activeK();
        if (a != null && a[0] >= k0 && a[1] <= k1 && a[1] > a[0]) return active(mesh, a);
        int k = (k0 + k1 - 1) / 2;
        return new Plane(k, describe(mesh, k, "middle plane"));
    }

    private static Plane active(MeshInfo mesh, int[] a) {
        int k = (a[0] + a[1] - 1) / 2;
        return new Plane(k, describe(mesh, k, "active-layer plane"));
    }

    private static Plane byZ(MeshInfo mesh, String zText) {
        double z;
        try {
            z = Units.parse(zText, Dimension.LENGTH);
        } catch (InputException e) {
            throw e.inSource("--z");
        }
        double[] f = mesh.z();
        if (!(z >= f[0] && z <= f[f.length - 1]))
            throw new InputException("--z", null, String.format(Locale.ROOT, "z = %s is outside the grid (%s to %s)",
                    zText.strip(), mm(f[0]), mm(f[f.length - 1])));
        int k = GridPlane.cell(f, z);
        return new Plane(k, describe(mesh, k, "the cell plane holding z = " + zText.strip() + ","));
    }

    private static String describe(MeshInfo mesh, int k, String what) {
        String layer = mesh.layerOf(k);
        double zc = 0.5 * (mesh.z()[k] + mesh.z()[k + 1]);
        return (layer == null ? "" : "layer " + layer + ", ") + what + " k = " + k + " at z = " + mm(zc);
    }

    static String mm(double metres) {
        return Ticks.value(metres * 1e3) + " mm";
    }
}
