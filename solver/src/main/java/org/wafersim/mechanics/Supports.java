package org.wafersim.mechanics;

import java.util.ArrayList;
import java.util.List;
import org.wafersim.mechanics.PlateModel.Dof;
import org.wafersim.mechanics.PlateModel.Fix;

/**
 * Boundary conditions of the plate model, as fixed degrees of freedom.
 * <ul>
 *   <li>free: the stack is held statically determinately (u = v = w = w_x = w_y = 0 at one node, v = 0 at a
 *       second node on the same row), which removes the six rigid-body modes and adds no stress;</li>
 *   <li>clamped: every dof of the support laminate's rim nodes is zero;</li>
 *   <li>bosses: w = 0 at the boss nodes of the support laminate (reference-data D.4: "z fixed at the mounting
 *       bosses"), in-plane held kinematically at the first boss (pinned) and the second (slotted).</li>
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
        int nl = m.laminates().size();
        int[] group = new int[nl];
        for (int a = 0; a < nl; a++) group[a] = a;
        for (PlateModel.Interlayer il : m.interlayers())
            if (il.ks() > 0) union(group, il.above(), il.below());
        int heldRoot = find(group, held);
        boolean[] done = new boolean[nl];
        for (int a = nl - 1; a >= 0; a--) {
            int r = find(group, a);
            if (r == heldRoot || done[r]) continue;
            done[r] = true;
            int[] pq = pinAndSlot(m, a);
            out.add(new Fix(a, pq[0], Dof.U));
            out.add(new Fix(a, pq[0], Dof.V));
            out.add(new Fix(a, pq[1], Dof.V));
        }
    }

    private static int find(int[] p, int a) {
        while (p[a] != a) a = p[a];
        return a;
    }

    private static void union(int[] p, int a, int b) { p[find(p, a)] = find(p, b); }
}
