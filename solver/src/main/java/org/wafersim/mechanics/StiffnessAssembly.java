package org.wafersim.mechanics;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.wafersim.linalg.NodeBlockMatrix;
import org.wafersim.linalg.Parallel;

/**
 * Assembly of the {@link PlateModel}'s stiffness: per element, the laminates' bending-membrane matrices
 * C_pq G_pq (Bogner-Fox-Schmit and bilinear shape functions, {@link PlateElement}) and the interlayers' normal and
 * shear springs, gathered into one dense matrix of the element's nodes ({@link StiffnessPattern.Scatter}) and added
 * to the node blocks.
 *
 * <p>Along a row of elements the element matrix mostly repeats (the same element size, the same laminate matrices,
 * interlayers and fixed dofs): it is then reused rather than gathered again (the same numbers). Element rows of one
 * parity share no node, so they are assembled in parallel, each row serially: every entry receives its
 * contributions in the same order whatever the thread count.
 */
final class StiffnessAssembly {
    private StiffnessAssembly() { }

    static void assemble(PlateModel m, NodeBlockMatrix k, StiffnessPattern.Slots slots, int[][] dof, Parallel par) {
        assemble(m, k, slots, dof, par, true);
    }

    /**
     * As above; {@code reuse = false} computes every element's matrix anew, its laminates' kernels included (tests:
     * the reuse changes no number).
     */
    static void assemble(PlateModel m, NodeBlockMatrix k, StiffnessPattern.Slots slots, int[][] dof, Parallel par,
                         boolean reuse) {
        PlateMesh mesh = m.mesh();
        Map<KernelKey, double[]> kernels = new ConcurrentHashMap<>();
        for (int parity = 0; parity < 2; parity++) {
            int first = parity;
            par.forEach((mesh.ny - parity + 1) / 2, t -> row(m, k, slots, dof, first + 2 * t, reuse, kernels));
        }
    }

    /**
     * A laminate's element matrix sum_pq C_pq G_pq depends only on the element's kernel (its size) and the laminate
     * matrix C: the whole mesh has a handful of distinct pairs, so each matrix is computed once and shared (the same
     * numbers whichever row or thread computes it first). Computing it per row cost the cold default run some
     * 0.3 s: the run's 300 recomputations ran in the interpreter before the JIT had compiled the loop.
     */
    private record KernelKey(PlateElement pe, double[] c) {
        @Override public boolean equals(Object o) {
            return o instanceof KernelKey x && x.pe == pe && Arrays.equals(x.c, c);
        }

        @Override public int hashCode() { return System.identityHashCode(pe) * 31 + Arrays.hashCode(c); }
    }

    private static double[] laminateKernel(PlateElement pe, double[] c) {
        double[] ke = new double[PlateElement.N * PlateElement.N];
        for (int pq = 0; pq < 36; pq++) {
            double cpq = c[pq];
            if (cpq == 0) continue;
            double[] g = pe.g[pq];
            for (int x = 0; x < ke.length; x++) ke[x] += cpq * g[x];
        }
        return ke;
    }

    private static void row(PlateModel m, NodeBlockMatrix k, StiffnessPattern.Slots slots, int[][] dof, int j,
                            boolean reuse, Map<KernelKey, double[]> kernels) {
        PlateMesh mesh = m.mesh();
        int nLam = m.laminates().size(), nIl = m.interlayers().size(), n = PlateElement.N;
        double[] c = new double[36], r = new double[6];
        // each laminate's last element matrix with its kernel and laminate matrix: neighbouring elements of a row
        // mostly have both the same, and then the same matrix (recomputing it would give the same numbers)
        double[][] keOf = new double[nLam][], cOf = new double[nLam][36];
        PlateElement[] peOf = new PlateElement[nLam];
        double[] kw = new double[n * n];   // an interlayer's spring matrix
        int[] ga = new int[n], gb = new int[n];
        int[] off = new int[16];
        // what the element matrix depends on besides the kernel and the laminate matrices: which laminates and
        // interlayers are present and where each local dof sits in its node's unknowns (fixed dofs: -1)
        int[] sig = new int[nLam * (n + 1) + nIl], last = new int[sig.length];
        PlateElement lastPe = null;
        boolean have = false;
        StiffnessPattern.Scatter sk = new StiffnessPattern.Scatter(k, slots, off, PlateModel.DOFS * nLam);
        for (int i = 0; i < mesh.nx; i++) {
            int e = mesh.element(i, j);
            int[] nodes = m.elementNodes(i, j);
            PlateElement pe = m.kernel(i, j);
            slots.offsets(nodes, off);
            boolean changed = !have || pe != lastPe;
            int s = 0;
            for (int a = 0; a < nLam; a++) {
                boolean on = m.lamElem[a][e];
                sig[s++] = on ? 1 : 0;
                PlateModel.localDofs(dof[a], nodes, ga);
                for (int l = 0; l < n; l++)
                    sig[s++] = ga[l] < 0 ? -1 : ga[l] - slots.nodeFirst[nodes[l / PlateModel.DOFS]];
                if (!on) continue;
                m.laminateMatrices(a, e, mesh.xc(i), mesh.yc(j), null, c, r);
                if (peOf[a] != pe || !Arrays.equals(c, cOf[a])) {
                    keOf[a] = !reuse ? laminateKernel(pe, c)
                            : kernels.computeIfAbsent(new KernelKey(pe, c.clone()), key -> laminateKernel(key.pe(), key.c()));
                    peOf[a] = pe;
                    System.arraycopy(c, 0, cOf[a], 0, 36);
                    changed = true;
                }
            }
            for (int q = 0; q < nIl; q++) sig[s++] = m.ilElem[q][e] ? 1 : 0;
            if (reuse && !changed && Arrays.equals(sig, last)) {
                sk.nodes = nodes;   // the same element matrix: added again at this element's positions
                sk.end();
                continue;
            }
            System.arraycopy(sig, 0, last, 0, sig.length);
            lastPe = pe;
            have = true;
            sk.begin(nodes);
            for (int a = 0; a < nLam; a++) {
                if (!m.lamElem[a][e]) continue;
                PlateModel.localDofs(dof[a], nodes, ga);
                sk.add(keOf[a], ga, ga);
            }
            for (int q = 0; q < nIl; q++) {
                if (!m.ilElem[q][e]) continue;
                PlateModel.Interlayer il = m.interlayers().get(q);
                PlateModel.localDofs(dof[il.above()], nodes, ga);
                PlateModel.localDofs(dof[il.below()], nodes, gb);
                StackLayer ly = m.layers().get(il.layer());
                double h = ly.thickness();
                // normal spring: kn (w_a - w_b)^2
                double kn = il.kn();
                for (int x = 0; x < kw.length; x++) kw[x] = kn * pe.mww[x];
                sk.add(kw, ga, ga);
                sk.add(kw, gb, gb);
                for (int x = 0; x < kw.length; x++) kw[x] = -kw[x];
                sk.add(kw, ga, gb);
                sk.add(kw, gb, ga);
                if (il.ks() > 0) {
                    double da = m.laminates().get(il.above()).z0() - ly.zTop() + 0.5 * h;
                    double db = ly.zBottom() - m.laminates().get(il.below()).z0() + 0.5 * h;
                    double w = il.ks() * pe.area;
                    sk.shear(pe.uC, pe.wxC, da, db, ga, gb, w);
                    sk.shear(pe.vC, pe.wyC, da, db, ga, gb, w);
                }
            }
            sk.end();
        }
    }
}
