package org.wafersim.thermal;

import java.util.ArrayList;
import java.util.List;
import org.wafersim.cases.CaseSpec;
import org.wafersim.cases.BoundarySpec;
import org.wafersim.cases.BoundarySpec.BoundaryType;
import org.wafersim.cases.BoundarySpec.BoxFace;
import org.wafersim.cases.BoundarySpec.BoxSpec;
import org.wafersim.cases.SourceSpec;
import org.wafersim.errors.InputException;
import org.wafersim.grid.Grid;

/**
 * The case's general boundary conditions ({@code boundaries}) and fixed sources ({@code sources}) on a grid.
 *
 * <p>A condition covers the exposed cell faces of one direction either on the model's bounding box (layer not
 * given: the faces lying in the box's plane) or of one layer (its exposed faces of that direction), and of those
 * only the ones whose centre lies in {@code region} when given. Convection, fixed temperature (h = inf: the face
 * temperature is imposed, the half cell behind it conducts), a lumped resistance (h = 1/(R A_total) on every face,
 * so the faces in parallel make R) and radiation ({@link RadiationFaces}) are face conductances with their own path
 * in the heat-path budget; adiabatic faces have none; flux and power conditions are sources ({@link FixedSources})
 * in the cell behind each face. A face with two conditions is an error naming both; a conductance condition on a
 * face the cooling block already cools is an error unless it says {@code replace: true}.
 *
 * <p>Sources: a density or total power in a layer or box (weighted by the overlap volume of each cell with the
 * box, so the total is exact whatever the grid), a flux or power on a layer's face (into the layer's cells along
 * it), or a 3-D density map ({@link VolumeSources}).
 */
public final class CaseBoundaries {
    private final CaseSpec spec;
    private final Grid g;
    private final List<BoundarySpec> specs;
    private final Face[] dir;
    private final int[] layerK0, layerK1;
    private final double[] area;
    private final Convection[] conv;

    private CaseBoundaries(CaseSpec spec, Grid g) {
        this.spec = spec;
        this.g = g;
        specs = spec.boundaries();
        int n = specs.size();
        dir = new Face[n];
        layerK0 = new int[n];
        layerK1 = new int[n];
        area = new double[n];
        conv = new Convection[n];
        for (int s = 0; s < n; s++) {
            BoundarySpec b = specs.get(s);
            dir[s] = face(b.face());
            if (b.layer() != null) {
                int l = g.layerIndex(b.layer());
                layerK0[s] = g.layerK0(l);
                layerK1[s] = g.layerK1(l);
            }
        }
    }

    static Face face(BoxFace f) {
        return switch (f) {
            case TOP -> Face.ZMAX;
            case BOTTOM -> Face.ZMIN;
            case XMIN -> Face.XMIN;
            case XMAX -> Face.XMAX;
            case YMIN -> Face.YMIN;
            case YMAX -> Face.YMAX;
        };
    }

    /** True when the case has general conditions or sources. */
    public static boolean any(CaseSpec spec) { return !spec.boundaries().isEmpty() || !spec.sources().isEmpty(); }

    /** The cooling block's rule with the general conditions applied on top (the same rule when there are none). */
    static BoundaryRule rule(CaseSpec spec, Grid g, BoundaryRule cooling) {
        if (spec.boundaries().isEmpty()) return cooling;
        CaseBoundaries cb = new CaseBoundaries(spec, g);
        cb.measure();
        return cb.combined(cooling);
    }

    /** Whether condition s covers face f of cell (i, j, k) (which must be exposed). */
    private boolean covers(int s, Face f, int i, int j, int k) {
        if (f != dir[s]) return false;
        BoundarySpec b = specs.get(s);
        if (b.layer() != null) {
            if (k < layerK0[s] || k >= layerK1[s]) return false;
        } else {
            boolean onBox = switch (f) {
                case XMIN -> i == 0;
                case XMAX -> i == g.nx - 1;
                case YMIN -> j == 0;
                case YMAX -> j == g.ny - 1;
                case ZMIN -> k == 0;
                case ZMAX -> k == g.nz - 1;
            };
            if (!onBox) return false;
        }
        if (b.region() == null) return true;
        double[] c = centre(f, i, j, k);
        return b.region().contains(c[0], c[1], c[2]);
    }

    private double[] centre(Face f, int i, int j, int k) {
        double x = g.xc(i), y = g.yc(j), z = g.zc(k);
        switch (f) {
            case XMIN -> x = g.xf(i);
            case XMAX -> x = g.xf(i + 1);
            case YMIN -> y = g.yf(j);
            case YMAX -> y = g.yf(j + 1);
            case ZMIN -> z = g.zf(k);
            case ZMAX -> z = g.zf(k + 1);
        }
        return new double[]{x, y, z};
    }

    /** The condition covering the face, -1 for none; two covering it is an error naming both. */
    private int owner(Face f, int i, int j, int k) {
        int o = -1;
        for (int s = 0; s < specs.size(); s++) {
            if (!covers(s, f, i, j, k)) continue;
            if (o >= 0) {
                double[] c = centre(f, i, j, k);
                throw new InputException(spec.source(), specs.get(s).key(), specs.get(o).key() + " and "
                        + specs.get(s).key() + " both set a condition on the " + specs.get(s).face().key + " face at ("
                        + mm(c[0]) + ", " + mm(c[1]) + ", " + mm(c[2]) + ") mm; give every face one condition (narrow"
                        + " one with region)");
            }
            o = s;
        }
        return o;
    }

    /** Areas of every condition (checks overlaps and that each covers something); builds their conductances. */
    private void measure() {
        for (int k = 0; k < g.nz; k++)
            for (int j = 0; j < g.ny; j++)
                for (int i = 0; i < g.nx; i++) {
                    int c = g.index(i, j, k);
                    if (g.isVoid(c)) continue;
                    for (Face f : Face.values()) {
                        if (!BoundaryFaces.exposed(g, i, j, k, f)) continue;
                        int o = owner(f, i, j, k);
                        if (o >= 0) area[o] += faceArea(f, i, j, k);
                    }
                }
        for (int s = 0; s < specs.size(); s++) {
            BoundarySpec b = specs.get(s);
            if (!(area[s] > 0)) {
                String where = b.layer() != null ? "layer '" + b.layer() + "' has no exposed " + b.face().key
                        + " face" + (b.region() != null ? " inside region" : " (another layer covers it)")
                        : "the model's " + b.face().key + " face has no solid" + (b.region() != null ? " inside region" : "");
                throw new InputException(spec.source(), b.key() + ".face", where + ": the condition would act"
                        + " nowhere");
            }
            conv[s] = switch (b.type()) {
                case CONVECTION -> new Convection(b.h(), b.temperature(), b.key());
                case FIXED_TEMPERATURE -> new Convection(Double.POSITIVE_INFINITY, b.temperature(), b.key());
                case RESISTANCE -> new Convection(1 / (b.resistance() * area[s]), b.temperature(), b.key());
                case RADIATION -> new Convection(RadiationFaces.initialH(b.emissivity(), b.temperature()),
                        b.temperature(), b.key());
                default -> null;
            };
        }
    }

    private double faceArea(Face f, int i, int j, int k) {
        return switch (f) {
            case XMIN, XMAX -> g.dy(j) * g.dz(k);
            case YMIN, YMAX -> g.dx(i) * g.dz(k);
            default -> g.dx(i) * g.dy(j);
        };
    }

    private BoundaryRule combined(BoundaryRule cooling) {
        return (f, i, j, k) -> {
            Convection base = cooling.at(f, i, j, k);
            int o = owner(f, i, j, k);
            if (o < 0) return base;
            BoundarySpec b = specs.get(o);
            if (b.type().isSource()) return b.replace() ? null : base;
            if (base != null && !b.replace())
                throw new InputException(spec.source(), b.key(), b.key() + " (" + b.type().key + ") covers faces"
                        + " the cooling block already sets (" + coolingKey(base.path()) + "); set replace: true on "
                        + b.key() + " to replace it there, or give the cooling block h: 0 W/(m^2*K) on them");
            return conv[o];
        };
    }

    /** The cooling block's key of a path of {@link PackageThermalModel#rule}. */
    static String coolingKey(String path) {
        return switch (path) {
            case PackageThermalModel.COOLANT -> "cooling.coolant";
            case PackageThermalModel.BOARD -> "cooling.board_back";
            case PackageThermalModel.EDGE -> "cooling.edge";
            default -> "cooling.other_faces";
        };
    }

    /**
     * The fixed sources of the case on the grid: the flux and power conditions of {@code boundaries} (into the cell
     * behind each face they cover) and every entry of {@code sources}; null when there are none.
     */
    static FixedSources sources(CaseSpec spec, Grid g, org.wafersim.power.Hdf5Table maps) {
        List<String> names = new ArrayList<>();
        List<Double> powers = new ArrayList<>();
        double[] density = null;
        CaseBoundaries cb = spec.boundaries().isEmpty() ? null : new CaseBoundaries(spec, g);
        if (cb != null) cb.measure();
        int n = g.cells();
        for (int s = 0; cb != null && s < cb.specs.size(); s++) {
            BoundarySpec b = cb.specs.get(s);
            if (!b.type().isSource()) continue;
            if (density == null) density = new double[n];
            double flux = b.type() == BoundaryType.FLUX ? b.flux() : b.power() / cb.area[s];
            double p = 0;
            for (int k = 0; k < g.nz; k++)
                for (int j = 0; j < g.ny; j++)
                    for (int i = 0; i < g.nx; i++) {
                        int c = g.index(i, j, k);
                        Face f = cb.dir[s];     // a flux condition acts on its own face direction only
                        if (g.isVoid(c) || !BoundaryFaces.exposed(g, i, j, k, f) || !cb.covers(s, f, i, j, k)) continue;
                        double v = g.dx(i) * g.dy(j) * g.dz(k);
                        double d = flux * cb.faceArea(f, i, j, k) / v;
                        density[c] += d;
                        p += d * v;
                    }
            names.add(b.key());
            powers.add(p);
        }
        for (SourceSpec src : spec.sources()) {
            if (density == null) density = new double[n];
            double[] add = VolumeSources.deposit(spec, g, src, maps);
            double p = 0;
            for (int k = 0; k < g.nz; k++)
                for (int j = 0; j < g.ny; j++)
                    for (int i = 0; i < g.nx; i++) {
                        int c = g.index(i, j, k);
                        if (add[c] == 0) continue;
                        density[c] += add[c];
                        p += add[c] * g.dx(i) * g.dy(j) * g.dz(k);
                    }
            names.add(src.key());
            powers.add(p);
        }
        if (density == null) return null;
        double[] pw = new double[powers.size()];
        for (int i = 0; i < pw.length; i++) pw[i] = powers.get(i);
        return new FixedSources(density, names, pw);
    }

    /** The radiation conditions as outer couplings on the scanned faces. */
    static List<OuterCoupling> radiation(CaseSpec spec, Grid g, BoundaryFaces bf) {
        List<OuterCoupling> out = new ArrayList<>();
        for (BoundarySpec b : spec.boundaries()) {
            if (b.type() != BoundaryType.RADIATION) continue;
            int path = bf.pathIndex(b.key());
            if (path >= 0) out.add(new RadiationFaces(g, bf, path, b.emissivity(), b.temperature()));
        }
        return out;
    }

    static String mm(double m) { return String.format(java.util.Locale.ROOT, "%.4g", m * 1e3); }

    /** The part of [a0, a1] inside [b0, b1] (0 when they do not overlap). */
    static double overlap(double a0, double a1, double b0, double b1) {
        return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
    }

    /** Whether a box reaches into [x0, x1] x [y0, y1] x [z0, z1]. */
    static boolean meets(BoxSpec b, double x0, double x1, double y0, double y1, double z0, double z1) {
        return overlap(x0, x1, b.x0(), b.x1()) > 0 && overlap(y0, y1, b.y0(), b.y1()) > 0
                && overlap(z0, z1, b.z0(), b.z1()) > 0;
    }
}
