package org.wafersim.mechanics;

import java.util.ArrayList;
import java.util.List;
import org.wafersim.cases.EdgeSupports;
import org.wafersim.mechanics.PlateModel.Dof;
import org.wafersim.mechanics.PlateModel.Fix;

/**
 * Boundary conditions of the plate model, as fixed degrees of freedom.
 * <ul>
 *   <li>free: the stack is held statically determinately (u = v = w = w_x = w_y = 0 at one node, v = 0 at a
 *       second node on the same row), which removes the six rigid-body modes and adds no stress;</li>
 *   <li>clamped: every dof of the support laminate's rim nodes is zero;</li>
 *   <li>bosses: w = 0 at the boss nodes of the support laminate (reference-data D.4: "z fixed at the mounting
 *       bosses"), in-plane held kinematically at the first boss (pinned) and the second (slotted);</li>
 *   <li>edges: a condition per edge of the outline ({@link #edges}).</li>
 * </ul>
 * Laminates that no shear-carrying (bonded) interlayer connects to the held one - a cold plate on a sliding TIM -
 * get their own kinematic in-plane mount (pinned and slotted), as a cold-plate frame has (D.4).
 */
public final class Supports {
    private Supports() { }

    /** Free stack. */
    public static List<Fix> free(PlateModel m) {
        int held = m.laminates().size() - 1;
        List<Fix> out = new ArrayList<>();
        int[] pq = pinAndSlot(m, held);
        for (Dof d : new Dof[]{Dof.U, Dof.V, Dof.W, Dof.WX, Dof.WY}) out.add(new Fix(held, pq[0], d));
        out.add(new Fix(held, pq[1], Dof.V));
        addKinematicMounts(m, held, out);
        return out;
    }

    /** Rim of laminate {@code held} clamped. */
    public static List<Fix> clamped(PlateModel m, int held) {
        PlateMesh mesh = m.mesh();
        List<Fix> out = new ArrayList<>();
        for (int j = 0; j <= mesh.ny; j++)
            for (int i = 0; i <= mesh.nx; i++) {
                int n = mesh.node(i, j);
                if (!m.laminateAtNode(held, n) || !onRim(m, held, i, j)) continue;
                for (Dof d : Dof.values()) out.add(new Fix(held, n, d));
            }
        addKinematicMounts(m, held, out);
        return out;
    }

    /** Mounting bosses at points (x, y) (m) of laminate {@code held}; the nodes nearest to them are held. */
    public static List<Fix> bosses(PlateModel m, int held, List<double[]> points) {
        PlateMesh mesh = m.mesh();
        List<Fix> out = new ArrayList<>();
        int[] nodes = new int[points.size()];
        for (int b = 0; b < points.size(); b++) {
            int i = mesh.nearestNodeX(points.get(b)[0]), j = mesh.nearestNodeY(points.get(b)[1]);
            nodes[b] = mesh.node(i, j);
            out.add(new Fix(held, nodes[b], Dof.W));
        }
        out.add(new Fix(held, nodes[0], Dof.U));
        out.add(new Fix(held, nodes[0], Dof.V));
        double dx = points.get(1)[0] - points.get(0)[0], dy = points.get(1)[1] - points.get(0)[1];
        out.add(new Fix(held, nodes[1], Math.abs(dx) >= Math.abs(dy) ? Dof.V : Dof.U));
        addKinematicMounts(m, held, out);
        return out;
    }

    /**
     * Conditions per edge of the mesh's outline ({@link EdgeSupports}); on an edge normal to x (n = x, t = y):
     * <ul>
     *   <li>clamped: every dof of the support laminate (w = 0 along the edge gives w_y = w_xy = 0 too);</li>
     *   <li>simply supported: w = 0 and the slope along it, w_y = 0, of the support laminate; with in-plane held
     *       u = v = 0 as well;</li>
     *   <li>symmetric, for every laminate present on the edge: u = 0, w_x = 0 and w_xy = 0 (the mirror image of
     *       the field about the edge is the field itself: the normal displacement and the normal slope vanish, and
     *       with w_x = 0 along the edge its derivative along it, w_xy, too).</li>
     * </ul>
     * The rigid-body motions the edges leave free are then removed by single dofs at the laminate's centre node and a
     * slot node, each added only if it holds a motion not yet held ({@link #complete}): statically determinate, so
     * those fixes carry no reaction under a self-equilibrated (thermal) load.
     */
    public static List<Fix> edges(PlateModel m, int held, EdgeSupports e) {
        List<Fix> unique = edgeFixes(m, held, e);
        int[] pq = pinAndSlot(m, held);
        complete(m, held, unique, new Fix[]{new Fix(held, pq[0], Dof.U), new Fix(held, pq[0], Dof.V),
                new Fix(held, pq[0], Dof.W), new Fix(held, pq[0], Dof.WX), new Fix(held, pq[0], Dof.WY),
                new Fix(held, pq[1], Dof.V), new Fix(held, pq[1], Dof.U)}, 6);
        // the other in-plane groups (not tied to the held laminate by a bonded interlayer): their own in-plane motions
        for (int a : freeGroups(m, held)) {
            int[] r = pinAndSlot(m, a);
            complete(m, a, unique, new Fix[]{new Fix(a, r[0], Dof.U), new Fix(a, r[0], Dof.V),
                    new Fix(a, r[1], Dof.V), new Fix(a, r[1], Dof.U)}, 3);
        }
        return unique;
    }

    /** The edges' own fixes, without the kinematic completion (each once). */
    static List<Fix> edgeFixes(PlateModel m, int held, EdgeSupports e) {
        PlateMesh mesh = m.mesh();
        List<Fix> out = new ArrayList<>();
        for (EdgeSupports.Edge edge : EdgeSupports.Edge.values()) {
            EdgeSupports.Kind k = e.of(edge);
            if (k == EdgeSupports.Kind.FREE) continue;
            boolean nx = edge.normalX();
            int line = switch (edge) {
                case XMIN, YMIN -> 0;
                case XMAX -> mesh.nx;
                case YMAX -> mesh.ny;
            };
            int count = nx ? mesh.ny + 1 : mesh.nx + 1;
            for (int t = 0; t < count; t++) {
                int node = nx ? mesh.node(line, t) : mesh.node(t, line);
                switch (k) {
                    case CLAMPED -> {
                        if (m.laminateAtNode(held, node)) for (Dof d : Dof.values()) out.add(new Fix(held, node, d));
                    }
                    case SIMPLY_SUPPORTED -> {
                        if (!m.laminateAtNode(held, node)) continue;
                        out.add(new Fix(held, node, Dof.W));
                        out.add(new Fix(held, node, nx ? Dof.WY : Dof.WX));
                        if (e.inPlaneHeld()) {
                            out.add(new Fix(held, node, Dof.U));
                            out.add(new Fix(held, node, Dof.V));
                        }
                    }
                    default -> {
                        for (int a = 0; a < m.laminates().size(); a++) {
                            if (!m.laminateAtNode(a, node)) continue;
                            out.add(new Fix(a, node, nx ? Dof.U : Dof.V));
                            out.add(new Fix(a, node, nx ? Dof.WX : Dof.WY));
                            out.add(new Fix(a, node, Dof.WXY));
                        }
                    }
                }
            }
        }
        return new ArrayList<>(new java.util.LinkedHashSet<>(out));
    }

    /**
     * Adds to {@code fixes} those candidates (in order) that hold a rigid-body motion of laminate {@code a} that the
     * fixes already on it leave free. The motions are, in the laminate's own dofs about the mesh centre (xc, yc):
     * u = 1; v = 1; in-plane rotation (u, v) = (-(y - yc), x - xc); then (with {@code modes} = 6) w = 1; w = y - yc
     * with w_y = 1; w = x - xc with w_x = 1. A fix's row holds each motion's value of its dof at its node; a
     * candidate is added when its row is independent of the rows so far (Gram-Schmidt, relative tolerance 1e-9).
     */
    static void complete(PlateModel m, int a, List<Fix> fixes, Fix[] candidates, int modes) {
        List<double[]> basis = new ArrayList<>();
        for (Fix f : fixes) if (f.laminate() == a) independent(basis, row(m, f, modes));
        for (Fix c : candidates) {
            if (fixes.contains(c)) continue;
            if (independent(basis, row(m, c, modes))) fixes.add(c);
        }
        if (basis.size() < modes) throw new IllegalArgumentException("laminate " + m.laminates().get(a).name()
                + ": the supports leave a rigid-body motion free");
    }

    /** The values of the rigid-body motions at a fix's dof, scaled by the mesh size so that all are O(1). */
    private static double[] row(PlateModel m, Fix f, int modes) {
        PlateMesh mesh = m.mesh();
        int i = f.node() % (mesh.nx + 1), j = f.node() / (mesh.nx + 1);
        double size = Math.max(mesh.x(mesh.nx) - mesh.x(0), mesh.y(mesh.ny) - mesh.y(0));
        double x = (mesh.x(i) - 0.5 * (mesh.x(0) + mesh.x(mesh.nx))) / size;
        double y = (mesh.y(j) - 0.5 * (mesh.y(0) + mesh.y(mesh.ny))) / size;
        double[] r = new double[modes];
        switch (f.dof()) {
            case U -> { r[0] = 1; r[2] = -y; }
            case V -> { r[1] = 1; r[2] = x; }
            case W -> { if (modes > 3) { r[3] = 1; r[4] = y; r[5] = x; } }
            case WY -> { if (modes > 3) r[4] = 1; }
            case WX -> { if (modes > 3) r[5] = 1; }
            default -> { }
        }
        return r;
    }

    /** Adds r to the orthonormal basis if it is independent of it; returns whether it was. */
    private static boolean independent(List<double[]> basis, double[] r) {
        double n0 = norm(r);
        if (n0 == 0) return false;
        double[] v = r.clone();
        for (double[] b : basis) {
            double d = 0;
            for (int k = 0; k < v.length; k++) d += v[k] * b[k];
            for (int k = 0; k < v.length; k++) v[k] -= d * b[k];
        }
        double n = norm(v);
        if (n <= 1e-9 * n0) return false;
        for (int k = 0; k < v.length; k++) v[k] /= n;
        basis.add(v);
        return true;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }

    private static boolean onRim(PlateModel m, int a, int i, int j) {
        PlateMesh mesh = m.mesh();
        // a node is on the rim if one of its four elements lacks the laminate
        for (int dj = -1; dj <= 0; dj++)
            for (int di = -1; di <= 0; di++) {
                int ei = i + di, ej = j + dj;
                if (ei < 0 || ej < 0 || ei >= mesh.nx || ej >= mesh.ny) return true;
                if (!m.laminateAtElement(a, mesh.element(ei, ej))) return true;
            }
        return false;
    }

    /** Pinned node nearest the laminate's centre and a slot node on the same row, far from it. */
    private static int[] pinAndSlot(PlateModel m, int a) {
        PlateMesh mesh = m.mesh();
        double sx = 0, sy = 0;
        int cnt = 0;
        for (int j = 0; j <= mesh.ny; j++)
            for (int i = 0; i <= mesh.nx; i++)
                if (m.laminateAtNode(a, mesh.node(i, j))) { sx += mesh.x(i); sy += mesh.y(j); cnt++; }
        double cx = sx / cnt, cy = sy / cnt;
        int bi = -1, bj = -1;
        double best = Double.MAX_VALUE;
        for (int j = 0; j <= mesh.ny; j++)
            for (int i = 0; i <= mesh.nx; i++) {
                if (!m.laminateAtNode(a, mesh.node(i, j))) continue;
                double d = Math.hypot(mesh.x(i) - cx, mesh.y(j) - cy);
                if (d < best) { best = d; bi = i; bj = j; }
            }
        int si = -1;
        for (int i = 0; i <= mesh.nx; i++)
            if (i != bi && m.laminateAtNode(a, mesh.node(i, bj))
                    && (si < 0 || Math.abs(mesh.x(i) - mesh.x(bi)) > Math.abs(mesh.x(si) - mesh.x(bi)))) si = i;
        if (si < 0) throw new IllegalArgumentException("laminate " + m.laminates().get(a).name()
                + " is one node wide: it cannot be held in-plane");
        return new int[]{mesh.node(bi, bj), mesh.node(si, bj)};
    }

    /** Kinematic in-plane mounts for every laminate group that bonded interlayers do not tie to {@code held}. */
    private static void addKinematicMounts(PlateModel m, int held, List<Fix> out) {
        for (int a : freeGroups(m, held)) {
            int[] pq = pinAndSlot(m, a);
            out.add(new Fix(a, pq[0], Dof.U));
            out.add(new Fix(a, pq[0], Dof.V));
            out.add(new Fix(a, pq[1], Dof.V));
        }
    }

    /**
     * One laminate (the lowest) of every group that bonded interlayers do not tie to {@code held}: each group slides
     * in-plane on its own and needs its own in-plane mount.
     */
    private static List<Integer> freeGroups(PlateModel m, int held) {
        int nl = m.laminates().size();
        int[] group = new int[nl];
        for (int a = 0; a < nl; a++) group[a] = a;
        for (PlateModel.Interlayer il : m.interlayers())
            if (il.ks() > 0) union(group, il.above(), il.below());
        int heldRoot = find(group, held);
        boolean[] done = new boolean[nl];
        List<Integer> out = new ArrayList<>();
        for (int a = nl - 1; a >= 0; a--) {
            int r = find(group, a);
            if (r == heldRoot || done[r]) continue;
            done[r] = true;
            out.add(a);
        }
        return out;
    }

    private static int find(int[] p, int a) {
        while (p[a] != a) a = p[a];
        return a;
    }

    private static void union(int[] p, int a, int b) { p[find(p, a)] = find(p, b); }
}
