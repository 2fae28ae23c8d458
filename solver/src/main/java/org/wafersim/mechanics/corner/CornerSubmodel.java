package org.wafersim.mechanics.corner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wafersim.cases.CaseSpec.LayerTreatment;
import org.wafersim.linalg.Parallel;
import org.wafersim.mechanics.PlateModel;
import org.wafersim.mechanics.PlateSolution;
import org.wafersim.mechanics.StackLayer;

/**
 * The 3-D local model at the connector's critical corner, driven by the plate solution (submodelling, the
 * "cut-boundary displacement" method: Cormier, Smallwood, Sinclair &amp; Meda, Int. J. Numer. Meth. Eng. 46, 1999):
 * a box of {@link CornerModel} bricks holding the laminates above and below the connector and the connector itself
 * through their whole thickness, over a few millimetres in-plane. On its four cut faces every node moves as the plate
 * solution says: in a laminate Kirchhoff's kinematics with the plane-stress thickness change,
 * <pre>
 *   u = u0 − (z − z0) w,x,   v = v0 − (z − z0) w,y,   w(z) = w + ∫_{z0}^{z} ε_zz dz',
 *   ε_zz = ε_th,z − ν_xz/(1 − ν) (ε_xx + ε_yy − 2 ε_th),   ε_xx = ε0_x + (z − z0) κ_x, ...
 * </pre>
 * and in the connector linearly between the two faces (the plate's spring interlayer: γ = s/h). The interlayers
 * beyond the box (a TIM on the wafer, ...) act on its top and bottom faces as the plate's springs do, around the
 * plate's own traction: t = t_plate + k (u_plate − u), so that where the 3-D field equals the plate's the face carries
 * exactly the plate's traction. The wafer's and the connector's edges inside the box are free (void elements beyond
 * them); the temperatures are the thermal field's at each element centre.
 *
 * <p>The mesh is graded towards the free edges and the connector's faces (finest size {@code resolution}, growing
 * by {@link #GROWTH} up to {@link #COARSEST} times it); the connector has an odd number of element layers so that the
 * middle one lies on its mid-plane, where the connector's shear and peel are read (the free-edge singularities sit
 * on the connector's faces, not on its mid-plane).
 */
public final class CornerSubmodel {
    /** Ratio of neighbouring element sizes away from an edge or interface. */
    public static final double GROWTH = 1.3;
    /** Largest element size as a multiple of the finest. */
    public static final double COARSEST = 8;

    /** The box in the wafer frame (m). */
    public record Box(double x0, double x1, double y0, double y1) {
        public Box {
            if (!(x1 > x0) || !(y1 > y0)) throw new IllegalArgumentException("empty corner box");
        }

        public double cx() { return 0.5 * (x0 + x1); }

        public double cy() { return 0.5 * (y0 + y1); }
    }

    /** The temperatures and free thermal strains the box is loaded with. */
    public interface Load {
        /** Temperature (K) of stack layer {@code layer} at (x, y, z). */
        double temperature(int layer, double x, double y, double z);

        /** Free thermal strain {in-plane, through-thickness} of stack layer {@code layer} at temperature tK. */
        double[] freeStrain(int layer, double tK);
    }

    private final PlateSolution plate;
    private final PlateModel model;
    private final List<StackLayer> layers;
    private final int connector;             // interlayer index
    private final PlateModel.Interlayer il;
    private final PlateModel.Laminate above, below;
    private final List<CornerModel.Material> stackMaterials;
    private final Load load;

    /**
     * @param plate          the solved plate model
     * @param connector      the interlayer index of the connector
     * @param stackMaterials the 3-D material of every stack layer (null for those outside the box)
     * @param load           temperatures and free strains
     */
    public CornerSubmodel(PlateSolution plate, int connector, List<CornerModel.Material> stackMaterials, Load load) {
        this.plate = plate;
        this.model = plate.model();
        this.layers = model.layers();
        this.connector = connector;
        this.il = model.interlayers().get(connector);
        this.above = model.laminates().get(il.above());
        this.below = model.laminates().get(il.below());
        this.stackMaterials = new ArrayList<>(stackMaterials);
        this.load = load;
        for (int l : included())
            if (stackMaterials.get(l) == null) throw new IllegalArgumentException("no 3-D material for layer " + l);
    }

    /** The stack layers in the box, bottom to top. */
    public List<Integer> included() {
        List<Integer> out = new ArrayList<>();
        int[] a = above.layers(), b = below.layers();
        for (int t = b.length - 1; t >= 0; t--) out.add(b[t]);
        out.add(il.layer());
        for (int t = a.length - 1; t >= 0; t--) out.add(a[t]);
        return out;
    }

    /** Node lines from a to b with the given fine points (edges, interfaces) where the size is {@code h}. */
    static double[] lines(double a, double b, List<Double> fine, double h, boolean fineA, boolean fineB) {
        List<Double> breaks = new ArrayList<>();
        breaks.add(a);
        for (double f : fine) if (f > a + 1e-9 * (b - a) && f < b - 1e-9 * (b - a) && !breaks.contains(f)) breaks.add(f);
        breaks.add(b);
        breaks.sort(null);
        List<Double> out = new ArrayList<>();
        out.add(a);
        for (int s = 0; s + 1 < breaks.size(); s++) {
            double p = breaks.get(s), q = breaks.get(s + 1);
            boolean fp = s > 0 || fineA, fq = s + 2 < breaks.size() || fineB;
            for (double x : segment(p, q, h, fp, fq)) out.add(x);
        }
        double[] r = new double[out.size()];
        for (int i = 0; i < r.length; i++) r[i] = out.get(i);
        r[r.length - 1] = b;
        return r;
    }

    /** The interior and end node lines of [p, q] (p excluded), fine at the flagged ends. */
    private static List<Double> segment(double p, double q, double h, boolean fp, boolean fq) {
        double len = q - p, hMax = COARSEST * h;
        List<Double> sizes;
        if (fp && fq) {
            List<Double> half = graded(len / 2, h, hMax);
            sizes = new ArrayList<>(half);
            for (int t = half.size() - 1; t >= 0; t--) sizes.add(half.get(t));
        } else if (fp || fq) {
            sizes = graded(len, h, hMax);
            if (fq) java.util.Collections.reverse(sizes);
        } else {
            int n = Math.max(1, (int) Math.ceil(len / hMax - 1e-9));
            sizes = new ArrayList<>();
            for (int t = 0; t < n; t++) sizes.add(len / n);
        }
        List<Double> out = new ArrayList<>();
        double x = p;
        for (double s : sizes) {
            x += s;
            out.add(x);
        }
        out.set(out.size() - 1, q);
        return out;
    }

    /** Sizes h, h g, h g², ... (at most hMax) that fill len, scaled to fill it exactly. */
    private static List<Double> graded(double len, double h, double hMax) {
        List<Double> s = new ArrayList<>();
        double acc = 0, cur = Math.min(h, len);
        while (acc < len * (1 - 1e-9)) {
            double left = len - acc;
            if (left < 0.5 * cur && !s.isEmpty()) {
                // a sliver: stretch the others instead
                break;
            }
            s.add(cur);
            acc += cur;
            cur = Math.min(cur * GROWTH, hMax);
        }
        double f = len / acc;
        s.replaceAll(v -> v * f);
        return s;
    }

    /**
     * Estimated non-zeros of the Cholesky factor for a box of {@code unknowns}: nested dissection of a 3-D box grows
     * as n^1.35 here, calibrated on 17,286 unknowns (8.0 M) and 62,208 (45.4 M).
     */
    public static double estimateFactorNonZeros(double unknowns) {
        return 8.0e6 * Math.pow(unknowns / 17286, 1.35);
    }

    /**
     * Unknowns of a box of side {@code size} at {@code resolution} with one free edge crossing it each way (the box at
     * a wafer corner, the most elements) over the given layer thicknesses (bottom to top; {@code connector} is the
     * connector's index among them): the size check before anything is allocated.
     */
    public static double estimateUnknowns(double size, double resolution, double[] thickness, int connector) {
        double[] xs = lines(0, size, List.of(size / 2), resolution, false, false);
        int nz = 0;
        for (int t = 0; t < thickness.length; t++) {
            if (t == connector) nz += connectorElements(thickness[t], resolution);
            else nz += Math.max(2, lines(0, thickness[t], List.of(), resolution, t == connector + 1, t == connector - 1).length - 1);
        }
        return 3.0 * xs.length * xs.length * (nz + 1);
    }

    /** Elements through the connector: odd, at least 3, about its thickness over the resolution. */
    static int connectorElements(double thickness, double h) {
        int n = Math.max(3, (int) Math.ceil(thickness / h - 1e-9));
        return n % 2 == 0 ? n + 1 : n;
    }

    /**
     * The mesh of the box: node lines and, per element, the index into {@link #included()} of its material or -1.
     */
    public CornerModel mesh(Box box, double h, int[][] elementLayerOut) {
        List<Integer> inc = included();
        List<Double> fx = new ArrayList<>(), fy = new ArrayList<>();
        for (int l : inc) {
            StackLayer s = layers.get(l);
            fx.add(s.x0());
            fx.add(s.x1());
            fy.add(s.y0());
            fy.add(s.y1());
        }
        double[] xs = lines(box.x0(), box.x1(), fx, h, false, false);
        double[] ys = lines(box.y0(), box.y1(), fy, h, false, false);
        // z: per layer, fine at the faces touching the connector; the connector uniform (odd count)
        StackLayer conn = layers.get(il.layer());
        List<Double> zl = new ArrayList<>();
        zl.add(layers.get(inc.get(0)).zBottom());
        for (int l : inc) {
            StackLayer s = layers.get(l);
            double[] seg;
            if (l == il.layer()) {
                int n = connectorElements(s.thickness(), h);
                seg = new double[n + 1];
                for (int t = 0; t <= n; t++) seg[t] = s.zBottom() + s.thickness() * t / n;
            } else {
                boolean fineTop = Math.abs(s.zTop() - conn.zBottom()) < 1e-12, fineBottom = Math.abs(s.zBottom() - conn.zTop()) < 1e-12;
                seg = lines(s.zBottom(), s.zTop(), List.of(), h, fineBottom, fineTop);
                if (!fineTop && !fineBottom) {
                    // a layer away from the connector: at least two elements
                    seg = seg.length >= 3 ? seg : new double[]{s.zBottom(), s.zMid(), s.zTop()};
                }
                if (seg.length < 3) seg = new double[]{s.zBottom(), s.zMid(), s.zTop()};
            }
            for (int t = 1; t < seg.length; t++) zl.add(seg[t]);
        }
        double[] zs = new double[zl.size()];
        for (int t = 0; t < zs.length; t++) zs[t] = zl.get(t);
        int nx = xs.length - 1, ny = ys.length - 1, nz = zs.length - 1;
        int[] mat = new int[nx * ny * nz];
        for (int k = 0; k < nz; k++) {
            double zc = 0.5 * (zs[k] + zs[k + 1]);
            int li = -1;
            for (int t = 0; t < inc.size(); t++) {
                StackLayer s = layers.get(inc.get(t));
                if (zc > s.zBottom() && zc < s.zTop()) li = t;
            }
            for (int j = 0; j < ny; j++)
                for (int i = 0; i < nx; i++) {
                    double xc = 0.5 * (xs[i] + xs[i + 1]), yc = 0.5 * (ys[j] + ys[j + 1]);
                    boolean on = li >= 0 && layers.get(inc.get(li)).covers(xc, yc);
                    mat[(k * ny + j) * nx + i] = on ? li : -1;
                }
        }
        elementLayerOut[0] = mat;
        List<CornerModel.Material> ms = new ArrayList<>();
        for (int l : inc) ms.add(stackMaterials.get(l));
        return new CornerModel(xs, ys, zs, mat, ms);
    }

    /** Whether the box lies where the plate solution can drive it: inside the lower laminate's mesh region. */
    public String checkBox(Box box) {
        double[][] pts = {{box.x0(), box.y0()}, {box.x1(), box.y0()}, {box.x0(), box.y1()}, {box.x1(), box.y1()}};
        for (double[] p : pts)
            if (plate.fieldAt(il.below(), p[0], p[1]) == null) return "corner (" + p[0] + ", " + p[1] + ")";
        return null;
    }

    /**
     * The plate's displacement {u, v, w} at (x, y, z) in the box's layers (the cut-face driving), or null where
     * the plate has no laminate there.
     */
    public double[] plateDisplacement(double x, double y, double z) {
        StackLayer conn = layers.get(il.layer());
        double tol = 1e-9 * conn.thickness();
        double[] top = laminate(il.above(), x, y, conn.zTop()), bot = laminate(il.below(), x, y, conn.zBottom());
        if (z >= conn.zTop() - tol) {
            double[] r = laminate(il.above(), x, y, z);
            if (r != null && bot != null) {
                r[2] += poissonThickening(x, y, top, bot, conn.zTop());
                return r;
            }
            if (r != null || z > conn.zTop() + tol) return r;
        }
        if (z <= conn.zBottom() + tol) return laminate(il.below(), x, y, z);
        if (top == null || bot == null) return bot;
        double f = (z - conn.zBottom()) / conn.thickness();
        return new double[]{bot[0] + f * (top[0] - bot[0]), bot[1] + f * (top[1] - bot[1]),
                bot[2] + f * (top[2] - bot[2]) + poissonThickening(x, y, top, bot, z)};
    }

    /**
     * The connector's thickening from its bottom face to z beyond the plate's spring (which reads its strain as
     * ε_zz = ε_th,z + σ_zz/E_z): the in-plane stress of a connector bonded to the two laminates adds
     * S13 (σ_xx + σ_yy), σ_xx + σ_yy = E/(1−ν) (ε_xx + ε_yy − 2 ε_th − 2 S13 σ_zz), S13 = −ν_xz/E, with the in-plane
     * strain linear between the faces and σ_zz = E_z ((w_top − w_bottom)/h − ε_th,z) the plate's normal stress.
     * Without it the driven faces would squeeze the connector to the plate's thickness.
     */
    private double poissonThickening(double x, double y, double[] top, double[] bot, double z) {
        StackLayer conn = layers.get(il.layer());
        CornerModel.Material m = stackMaterials.get(il.layer());
        double h = conn.thickness();
        double[] fa = plate.fieldAt(il.above(), x, y), fb = plate.fieldAt(il.below(), x, y);
        if (fa == null || fb == null) return 0;
        double za = conn.zTop() - above.z0(), zb = conn.zBottom() - below.z0();
        double sumTop = fa[5] + fa[6] + za * (fa[8] + fa[9]), sumBot = fb[5] + fb[6] + zb * (fb[8] + fb[9]);
        double s13 = -m.poissonThrough() / m.youngsModulus();
        int pieces = 8;
        double g = 0.5 / Math.sqrt(3), thz = 0;
        for (int p = 0; p < pieces; p++)
            for (int q = -1; q <= 1; q += 2) {
                double zz = conn.zBottom() + h * (p + 0.5 + q * g) / pieces;
                thz += 0.5 / pieces * load.freeStrain(il.layer(), load.temperature(il.layer(), x, y, zz))[1];
            }
        double szz = m.youngsThrough() * ((top[2] - bot[2]) / h - thz);
        double sum = 0, len = Math.min(z, conn.zTop()) - conn.zBottom();
        if (len <= 0) return 0;
        for (int p = 0; p < pieces; p++)
            for (int q = -1; q <= 1; q += 2) {
                double zz = conn.zBottom() + len * (p + 0.5 + q * g) / pieces;
                double f = (zz - conn.zBottom()) / h;
                double eth = load.freeStrain(il.layer(), load.temperature(il.layer(), x, y, zz))[0];
                double sig = m.youngsModulus() / (1 - m.poisson()) * (sumBot + f * (sumTop - sumBot) - 2 * eth - 2 * s13 * szz);
                sum += 0.5 * len / pieces * s13 * sig;
            }
        return sum;
    }

    /** Kirchhoff kinematics of laminate a at height z with the plane-stress thickness change. */
    private double[] laminate(int a, double x, double y, double z) {
        double[] f = plate.fieldAt(a, x, y);
        if (f == null) return null;
        PlateModel.Laminate lam = model.laminates().get(a);
        double z0 = lam.z0();
        double dz = z - z0;
        return new double[]{f[0] - dz * f[3], f[1] - dz * f[4], f[2] + thickening(lam, f, x, y, z0, z)};
    }

    /** ∫_{z0}^{z} ε_zz dz' through the laminate's layers (plane stress, 2-point Gauss on 8 pieces per layer). */
    private double thickening(PlateModel.Laminate lam, double[] f, double x, double y, double z0, double z) {
        if (z == z0) return 0;
        double lo = Math.min(z0, z), hi = Math.max(z0, z), sum = 0;
        double g = 0.5 / Math.sqrt(3);
        for (int l : lam.layers()) {
            StackLayer s = layers.get(l);
            double a = Math.max(lo, s.zBottom()), b = Math.min(hi, s.zTop());
            if (!(b > a) || !s.covers(x, y) && !onFootprint(s, x, y)) continue;
            CornerModel.Material m = stackMaterials.get(l);
            double ratio = m.poissonThrough() / (1 - m.poisson());
            int pieces = 8;
            for (int p = 0; p < pieces; p++) {
                double c = a + (b - a) * (p + 0.5) / pieces, w = (b - a) / pieces;
                for (int q = -1; q <= 1; q += 2) {
                    double zz = c + q * g * w;
                    double[] eth = load.freeStrain(l, load.temperature(l, x, y, zz));
                    double exx = f[5] + (zz - z0) * f[8], eyy = f[6] + (zz - z0) * f[9];
                    sum += 0.5 * w * (eth[1] - ratio * (exx + eyy - 2 * eth[0]));
                }
            }
        }
        return z >= z0 ? sum : -sum;
    }

    private static boolean onFootprint(StackLayer s, double x, double y) {
        return x >= s.x0() && x <= s.x1() && y >= s.y0() && y <= s.y1();
    }

    /** The solved box with what the engineer reads from it. */
    public CornerResult solve(Box box, double h, Parallel par) {
        long t0 = System.nanoTime();
        int[][] matOut = new int[1][];
        CornerModel m = mesh(box, h, matOut);
        int[] mat = matOut[0];
        List<Integer> inc = included();
        int nx = m.nx(), ny = m.ny(), nz = m.nz(), ne = nx * ny * nz;
        double[] tK = new double[ne], eIn = new double[ne], eZ = new double[ne];
        for (int k = 0; k < nz; k++)
            for (int j = 0; j < ny; j++)
                for (int i = 0; i < nx; i++) {
                    int e = m.element(i, j, k);
                    if (mat[e] < 0) {
                        tK[e] = Double.NaN;
                        continue;
                    }
                    int l = inc.get(mat[e]);
                    double t = load.temperature(l, 0.5 * (m.x(i) + m.x(i + 1)), 0.5 * (m.y(j) + m.y(j + 1)),
                            0.5 * (m.z(k) + m.z(k + 1)));
                    tK[e] = t;
                    double[] s = load.freeStrain(l, t);
                    eIn[e] = s[0];
                    eZ[e] = s[1];
                }
        Map<Integer, double[]> fixed = new HashMap<>();
        boolean[] live = liveNodes(m, mat);
        for (int k = 0; k <= nz; k++)
            for (int j = 0; j <= ny; j++)
                for (int i = 0; i <= nx; i++) {
                    if (i != 0 && i != nx && j != 0 && j != ny) continue;
                    int p = m.node(i, j, k);
                    if (!live[p]) continue;
                    double[] u = plateDisplacement(m.x(i), m.y(j), m.z(k));
                    if (u == null) throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                            "the plate solution does not reach the corner box's cut face at (%.3f mm, %.3f mm)",
                            1e3 * m.x(i), 1e3 * m.y(j)));
                    fixed.put(p, u);
                }
        Map<Integer, CornerModel.NodeSpring> springs = new HashMap<>();
        for (int k = 0; k < model.interlayers().size(); k++) {
            PlateModel.Interlayer o = model.interlayers().get(k);
            if (o.below() == il.above()) faceSprings(m, mat, k, o, true, springs);
            if (o.above() == il.below()) faceSprings(m, mat, k, o, false, springs);
        }
        CornerModel.Solution s = m.solve(eIn, eZ, fixed, springs, par, 1e-10);
        return new CornerResult(box, h, m, mat, inc, layers, il.layer(), tK, s, this,
                (System.nanoTime() - t0) / 1e9);
    }

    private static boolean[] liveNodes(CornerModel m, int[] mat) {
        boolean[] live = new boolean[m.nodes()];
        for (int k = 0; k < m.nz(); k++)
            for (int j = 0; j < m.ny(); j++)
                for (int i = 0; i < m.nx(); i++) {
                    if (mat[m.element(i, j, k)] < 0) continue;
                    for (int c = 0; c < 8; c++) live[m.node(i + (c & 1), j + ((c >> 1) & 1), k + (c >> 2))] = true;
                }
        return live;
    }

    /**
     * The springs of interlayer k on the box's top face ({@code top}: the interlayer lies on the upper laminate) or
     * bottom face, lumped on the nodes by area: t = t_plate + k (u_plate − u).
     */
    private void faceSprings(CornerModel m, int[] mat, int k, PlateModel.Interlayer o, boolean top,
                             Map<Integer, CornerModel.NodeSpring> springs) {
        StackLayer ly = layers.get(o.layer());
        int ke = top ? m.nz() - 1 : 0, kn = top ? m.nz() : 0;
        double zf = m.z(kn);
        double h = ly.thickness();
        double da = model.laminates().get(o.above()).z0() - ly.zTop() + 0.5 * h;
        double db = ly.zBottom() - model.laminates().get(o.below()).z0() + 0.5 * h;
        for (int j = 0; j < m.ny(); j++)
            for (int i = 0; i < m.nx(); i++) {
                if (mat[m.element(i, j, ke)] < 0) continue;
                double xc = 0.5 * (m.x(i) + m.x(i + 1)), yc = 0.5 * (m.y(j) + m.y(j + 1));
                if (!ly.covers(xc, yc)) continue;
                double[] fa = plate.fieldAt(o.above(), xc, yc), fb = plate.fieldAt(o.below(), xc, yc);
                int[] pe = plate.elementAt(o.below(), xc, yc);
                if (fa == null || fb == null || pe == null) continue;
                int e = model.mesh().element(pe[0], pe[1]);
                // the plate's tractions on the lower body: normal kn (w_a - w_b - free thickening), shear ks s
                double pn = o.kn() * (fa[2] - fb[2] - plate.strains().intZ(o.layer(), e));
                double sx = fa[0] + da * fa[3] - fb[0] + db * fb[3], sy = fa[1] + da * fa[4] - fb[1] + db * fb[4];
                double sign = top ? 1 : -1;
                double[] t = {sign * o.ks() * sx, sign * o.ks() * sy, sign * pn};
                // a sliding layer without a modulus (grease) transmits the plate's pressure but no stiffness of
                // its own: the plate's "as stiff as the neighbouring plate" would glue the wafer's top to the cold
                // plate right up to the free edge, which a grease does not
                boolean soft = ly.kind() == LayerTreatment.SLIDING && !(ly.youngsThrough() > 0);
                double[] kk = {o.ks(), o.ks(), soft ? 0 : o.kn()};
                double area = (m.x(i + 1) - m.x(i)) * (m.y(j + 1) - m.y(j)) / 4;
                for (int c = 0; c < 4; c++) {
                    int ii = i + (c & 1), jj = j + (c >> 1);
                    int p = m.node(ii, jj, kn);
                    double[] u = plateDisplacement(m.x(ii), m.y(jj), zf);
                    if (u == null) continue;
                    CornerModel.NodeSpring sp = springs.computeIfAbsent(p,
                            q -> new CornerModel.NodeSpring(new double[3], new double[3]));
                    for (int d = 0; d < 3; d++) {
                        sp.stiffness()[d] += area * kk[d];
                        sp.force()[d] += area * (t[d] + kk[d] * u[d]);
                    }
                }
            }
    }

    /** The plate's connector shear strain (γ_xz, γ_yz) at (x, y): s/h from the two laminates, NaN outside. */
    public double[] plateConnectorStrain(double x, double y) {
        StackLayer ly = layers.get(il.layer());
        double[] fa = plate.fieldAt(il.above(), x, y), fb = plate.fieldAt(il.below(), x, y);
        if (fa == null || fb == null || !ly.covers(x, y)) return new double[]{Double.NaN, Double.NaN};
        double h = ly.thickness();
        double da = above.z0() - ly.zTop() + 0.5 * h, db = ly.zBottom() - below.z0() + 0.5 * h;
        double sx = fa[0] + da * fa[3] - fb[0] + db * fb[3], sy = fa[1] + da * fa[4] - fb[1] + db * fb[4];
        return new double[]{sx / h, sy / h};
    }

    /** The plate's connector normal stress k_n (w_a − w_b − ∫ε_th,z dz) at (x, y) (Pa), NaN outside. */
    public double plateConnectorPeel(double x, double y) {
        StackLayer ly = layers.get(il.layer());
        double[] fa = plate.fieldAt(il.above(), x, y), fb = plate.fieldAt(il.below(), x, y);
        int[] pe = plate.elementAt(il.below(), x, y);
        if (fa == null || fb == null || pe == null || !ly.covers(x, y)) return Double.NaN;
        int e = model.mesh().element(pe[0], pe[1]);
        return il.kn() * (fa[2] - fb[2] - plate.strains().intZ(il.layer(), e));
    }

    /** The plate's membrane strain (ε0_x, ε0_y, γ0_xy) and curvature of the laminate holding stack layer l at (x, y). */
    public double[] plateStrain(int l, double x, double y) {
        double[] f = plate.fieldAt(model.laminateOf(l), x, y);
        if (f == null) return null;
        return java.util.Arrays.copyOfRange(f, 5, 11);
    }

    /** The reference-plane height of the laminate of stack layer l. */
    public double laminateZ0(int l) { return model.laminates().get(model.laminateOf(l)).z0(); }

    public int connectorInterlayer() { return connector; }
}
