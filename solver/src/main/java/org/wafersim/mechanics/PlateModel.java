package org.wafersim.mechanics;

import org.wafersim.cases.CaseSpec.LayerTreatment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.wafersim.errors.NotPositiveDefiniteException;
import org.wafersim.linalg.BlockMultigrid;
import org.wafersim.linalg.NestedDissection;
import org.wafersim.linalg.Parallel;
import org.wafersim.linalg.Pcg;
import org.wafersim.linalg.SparseCholesky;
import org.wafersim.linalg.NodeBlockMatrix;
import org.wafersim.linalg.SymmetricOperator;

/**
 * Layered-plate thermo-elastic model of the package stack (DESIGN.md section 4, the "fast alternative"): the plate
 * layers that touch are laminated into one Kirchhoff plate each (classical lamination theory, Jones, Mechanics of
 * Composite Materials, 2nd ed., 1999, ch. 4):
 * <pre>
 *   N = A eps0 + B kappa - N_th,   M = B eps0 + D kappa - M_th,
 *   (A, B, D) = sum over layers of Q (z1 - z0, (z1^2 - z0^2)/2, (z1^3 - z0^3)/3),   Q = E/(1-nu^2) [[1,nu,0],[nu,1,0],[0,0,(1-nu)/2]]
 *   (N_th, M_th) = sum over layers of Q (1,1,0)^T (integral eps_th dz, integral eps_th z dz)
 * </pre>
 * and neighbouring laminates are joined by interlayers (the connector, the TIM) that act as distributed springs
 * (the spring-layer or shear-lag model of Volkersen 1938 and Suhir, J. Appl. Mech. 53, 1986): per unit area the
 * energy (G_xz/h) |s|^2 / 2 + (E_z/h) (w_a - w_b - integral eps_th,z dz)^2 / 2, with the interlayer's shear
 * displacement s = u_a - u_b + (d_a + h/2) grad w_a + (d_b + h/2) grad w_b (d = distance of each laminate's
 * reference plane from the interlayer face; gamma = s/h). A sliding interlayer has no shear term.
 *
 * <p>Discretisation: finite elements on the rectangular {@link PlateMesh}, bilinear membrane and the conforming
 * bicubic Bogner-Fox-Schmit bending element ({@link PlateElement}); the interlayer shear is integrated at the
 * element centre only, so that a stiff bonded layer does not lock (the bilinear u cannot follow the quadratic slope
 * of the bicubic w at more points). Unknowns are numbered node by node in nested-dissection order; the system is
 * scaled to a unit diagonal and solved by conjugate gradients, which report the true residual, preconditioned by
 * its sparse Cholesky factor (small systems) or by a geometric multigrid V-cycle on coarsened meshes
 * ({@link PlateHierarchy}, {@link BlockMultigrid}).
 */
public final class PlateModel {
    /** Degrees of freedom per node and laminate. */
    public enum Dof { U, V, W, WX, WY, WXY }

    static final int DOFS = 6;

    /** A laminate: consecutive plate layers (stack indices, top to bottom), reference plane z0. */
    public record Laminate(String name, int[] layers, double z0, double zBottom, double zTop) { }

    /** An interlayer: its stack layer, the laminates above and below, shear and normal stiffness per area (Pa/m). */
    public record Interlayer(int layer, int above, int below, double ks, double kn) { }

    /** A prescribed zero displacement component of a laminate at a mesh node. */
    public record Fix(int laminate, int node, Dof dof) { }

    private final List<StackLayer> layers;
    private final PlateMesh mesh;
    private final List<Laminate> laminates = new ArrayList<>();
    private final List<Interlayer> interlayers = new ArrayList<>();
    final boolean[][] lamElem, lamNode, ilElem;
    private final Map<Long, PlateElement> kernels = new ConcurrentHashMap<>();   // filled during parallel assembly

    public PlateModel(List<StackLayer> layers, PlateMesh mesh) {
        this.layers = List.copyOf(layers);
        this.mesh = mesh;
        int nl = layers.size();
        if (nl == 0 || layers.get(0).kind() != LayerTreatment.PLATE || layers.get(nl - 1).kind() != LayerTreatment.PLATE)
            throw new IllegalArgumentException("the top and the bottom layer must be plates");
        List<Integer> cur = new ArrayList<>();
        List<Integer> pendingInterlayer = new ArrayList<>();
        for (int l = 0; l < nl; l++) {
            StackLayer s = layers.get(l);
            if (s.kind() == LayerTreatment.PLATE) {
                cur.add(l);
            } else {
                if (cur.isEmpty()) throw new IllegalArgumentException("two interlayers touch at layer " + s.name());
                closeLaminate(cur);
                cur = new ArrayList<>();
                pendingInterlayer.add(l);
            }
        }
        closeLaminate(cur);
        for (int k = 0; k < pendingInterlayer.size(); k++) {
            int l = pendingInterlayer.get(k);
            StackLayer s = layers.get(l);
            double h = s.thickness();
            double ks = s.kind() == LayerTreatment.BONDED ? s.shearThrough() / h : 0;
            double ez = s.youngsThrough();
            if (!(ez > 0)) {
                // contact without a modulus: as stiff as the stiffer neighbouring plate, i.e. normally rigid
                ez = Math.max(maxModulus(laminates.get(k)), maxModulus(laminates.get(k + 1)));
            }
            interlayers.add(new Interlayer(l, k, k + 1, ks, ez / h));
        }
        int ne = mesh.elements();
        lamElem = new boolean[laminates.size()][ne];
        lamNode = new boolean[laminates.size()][mesh.nodes()];
        ilElem = new boolean[interlayers.size()][ne];
        for (int j = 0; j < mesh.ny; j++)
            for (int i = 0; i < mesh.nx; i++) {
                int e = mesh.element(i, j);
                double xc = mesh.xc(i), yc = mesh.yc(j);
                for (int a = 0; a < laminates.size(); a++) {
                    for (int l : laminates.get(a).layers()) if (layers.get(l).covers(xc, yc)) lamElem[a][e] = true;
                    if (lamElem[a][e])
                        for (int n : elementNodes(i, j)) lamNode[a][n] = true;
                }
            }
        for (int k = 0; k < interlayers.size(); k++) {
            Interlayer il = interlayers.get(k);
            for (int j = 0; j < mesh.ny; j++)
                for (int i = 0; i < mesh.nx; i++) {
                    int e = mesh.element(i, j);
                    ilElem[k][e] = layers.get(il.layer()).covers(mesh.xc(i), mesh.yc(j))
                            && lamElem[il.above()][e] && lamElem[il.below()][e];
                }
        }
    }

    private void closeLaminate(List<Integer> ls) {
        int[] idx = ls.stream().mapToInt(Integer::intValue).toArray();
        double zt = layers.get(idx[0]).zTop(), zb = layers.get(idx[idx.length - 1]).zBottom();
        StringBuilder name = new StringBuilder();
        for (int l : idx) name.append(name.length() == 0 ? "" : "+").append(layers.get(l).name());
        laminates.add(new Laminate(name.toString(), idx, 0.5 * (zt + zb), zb, zt));
    }

    private double maxModulus(Laminate lam) {
        double m = 0;
        for (int l : lam.layers()) m = Math.max(m, layers.get(l).youngs());
        return m;
    }

    int[] elementNodes(int i, int j) {
        return new int[]{mesh.node(i, j), mesh.node(i + 1, j), mesh.node(i + 1, j + 1), mesh.node(i, j + 1)};
    }

    public PlateMesh mesh() { return mesh; }

    public List<StackLayer> layers() { return layers; }

    public List<Laminate> laminates() { return laminates; }

    public List<Interlayer> interlayers() { return interlayers; }

    /** Whether laminate a exists at element e / node n. */
    public boolean laminateAtElement(int a, int e) { return lamElem[a][e]; }

    public boolean laminateAtNode(int a, int n) { return lamNode[a][n]; }

    public boolean interlayerAtElement(int k, int e) { return ilElem[k][e]; }

    /** The laminate that contains stack layer l, or -1 if l is an interlayer. */
    public int laminateOf(int l) {
        for (int a = 0; a < laminates.size(); a++) for (int m : laminates.get(a).layers()) if (m == l) return a;
        return -1;
    }

    PlateElement kernel(int i, int j) {
        double a = mesh.dx(i), b = mesh.dy(j);
        long key = Double.doubleToLongBits(a) * 31 + Double.doubleToLongBits(b);
        return kernels.computeIfAbsent(key, k -> new PlateElement(a, b));
    }

    /**
     * Laminate stiffness C = [[A, B], [B, D]] (6 x 6, row-major) of laminate a at element e and the thermal
     * resultants R = (N_th, N_th, 0, M_th, M_th, 0).
     */
    void laminateMatrices(int a, int e, double xc, double yc, LayerStrains s, double[] c, double[] r) {
        Arrays.fill(c, 0);
        Arrays.fill(r, 0);
        Laminate lam = laminates.get(a);
        for (int l : lam.layers()) {
            StackLayer ly = layers.get(l);
            if (!ly.covers(xc, yc)) continue;
            double q11 = ly.youngs() / (1 - ly.poisson() * ly.poisson()), q12 = ly.poisson() * q11;
            double q66 = ly.youngs() / (2 * (1 + ly.poisson()));
            double z0 = ly.zBottom() - lam.z0(), z1 = ly.zTop() - lam.z0();
            double m0 = z1 - z0, m1 = (z1 * z1 - z0 * z0) / 2, m2 = (z1 * z1 * z1 - z0 * z0 * z0) / 3;
            double[] mm = {m0, m1, m1, m2};
            int[][] blk = {{0, 0}, {0, 3}, {3, 0}, {3, 3}};
            for (int b = 0; b < 4; b++) {
                int r0 = blk[b][0], c0 = blk[b][1];
                double f = mm[b];
                c[(r0) * 6 + c0] += q11 * f;
                c[(r0) * 6 + c0 + 1] += q12 * f;
                c[(r0 + 1) * 6 + c0] += q12 * f;
                c[(r0 + 1) * 6 + c0 + 1] += q11 * f;
                c[(r0 + 2) * 6 + c0 + 2] += q66 * f;
            }
            if (s == null) continue;
            double qs = q11 + q12;   // Q (1,1,0)^T has components q11 + q12 = E/(1-nu)
            double i0 = s.int0(l, e), i1 = s.int1(l, e) + (ly.zMid() - lam.z0()) * s.int0(l, e);
            r[0] += qs * i0;
            r[1] += qs * i0;
            r[3] += qs * i1;
            r[4] += qs * i1;
        }
    }

    /** Solves for the displacements under the thermal load {@code s} with the given fixed dofs. */
    public PlateSolution solve(LayerStrains s, Collection<Fix> fixes, Parallel par) {
        return factorize(fixes, par).solve(s);
    }

    /** The unknowns' numbering (laminate, node * DOFS + dof; -1 fixed or absent) and the assembled stiffness. */
    record Assembled(int[][] dof, NodeBlockMatrix k) { }

    /**
     * Numbers the unknowns (nodes in nested-dissection order, then laminates, then dofs) and assembles the unscaled
     * stiffness; {@code reuse = false} gathers every element matrix anew (tests).
     */
    Assembled assembleStiffness(Collection<Fix> fixes, Parallel par, boolean reuse) {
        long t0 = System.nanoTime();
        int nLam = laminates.size(), nNodes = mesh.nodes();
        boolean[][] fixed = new boolean[nLam][nNodes * DOFS];
        for (Fix f : fixes) {
            if (!lamNode[f.laminate()][f.node()])
                throw new IllegalArgumentException("fix on node " + f.node() + " where laminate "
                        + laminates.get(f.laminate()).name() + " does not exist");
            fixed[f.laminate()][f.node() * DOFS + f.dof().ordinal()] = true;
        }
        // numbering: nodes in nested-dissection order, then laminates, then dofs
        int[] order = NestedDissection.order(mesh.nx + 1, mesh.ny + 1, 1);
        int[][] dof = new int[nLam][nNodes * DOFS];
        for (int[] d : dof) Arrays.fill(d, -1);
        int[] nodeFirst = new int[nNodes + 1], nodeCount = new int[nNodes];
        int n = 0;
        for (int node : order) {
            nodeFirst[node] = n;
            for (int a = 0; a < nLam; a++) {
                if (!lamNode[a][node]) continue;
                for (int q = 0; q < DOFS; q++) if (!fixed[a][node * DOFS + q]) dof[a][node * DOFS + q] = n++;
            }
            nodeCount[node] = n - nodeFirst[node];
        }
        long tp = System.nanoTime();
        NodeBlockMatrix k = StiffnessPattern.of(mesh, order, nodeFirst, nodeCount, n);
        long tq = System.nanoTime();
        StiffnessAssembly.assemble(this, k, new StiffnessPattern.Slots(mesh, nodeFirst, nodeCount), dof, par, reuse);
        if (TRACE) System.err.printf("mechanics: numbering %.3f s, pattern %.3f s (%,d non-zeros), assembly %.3f s%n",
                (tp - t0) / 1e9, (tq - tp) / 1e9, k.nonZeros(), (System.nanoTime() - tq) / 1e9);
        return new Assembled(dof, k);
    }

    /**
     * Systems up to this many unknowns are solved with an exact sparse Cholesky preconditioner (one CG step); larger
     * ones with the multigrid V-cycle, whose coarsest level is no larger than this either.
     */
    public static final int DIRECT_LIMIT = 20_000;

    /**
     * The multigrid's coarsest level has at most this many unknowns (if the mesh can be coarsened that far): its
     * factor is then cheap to compute and to apply once per cycle.
     */
    static final int COARSEST_LIMIT = 5_000;

    /**
     * Assembles and prepares the stiffness with the given fixed dofs for any number of thermal loads (operating
     * states, snapshots): up to {@link #DIRECT_LIMIT} unknowns it is factorised (sparse Cholesky), above it a
     * geometric multigrid hierarchy is built ({@link PlateHierarchy}), whose cost grows linearly with the unknowns
     * where the factor's fill grows faster.
     */
    public Factorized factorize(Collection<Fix> fixes, Parallel par) { return factorize(fixes, par, DIRECT_LIMIT); }

    /** As {@link #factorize(Collection, Parallel)} with the direct/multigrid threshold given (tests). */
    Factorized factorize(Collection<Fix> fixes, Parallel par, int directLimit) {
        return factorize(fixes, par, directLimit, Math.min(directLimit, COARSEST_LIMIT));
    }

    /** As above, with the size below which coarsening stops given too (tests). */
    Factorized factorize(Collection<Fix> fixes, Parallel par, int directLimit, int coarsestLimit) {
        long t0 = System.nanoTime();
        Assembled as = assembleStiffness(fixes, par, true);
        int[][] dof = as.dof();
        NodeBlockMatrix k = as.k();
        int n = k.size();
        long t1 = System.nanoTime();
        // unit-diagonal scaling: displacements, slopes and twists differ in units by the element size
        double[] sc = new double[n];
        for (int c = 0; c < n; c++) {
            double d = k.diagonal(c);
            if (!(d > 0)) throw new NotPositiveDefiniteException("mechanics: unconstrained degree of freedom " + c
                    + " (zero stiffness)");
            sc[c] = 1 / Math.sqrt(d);
        }
        k.scale(sc, par);
        Pcg.Preconditioner pre;
        SymmetricOperator op = k;
        long factorNonZeros;
        int levels;
        try {
            if (n <= directLimit) {
                SparseCholesky chol = new SparseCholesky(k.toSparse());
                pre = chol;
                factorNonZeros = chol.factorNonZeros();
                levels = 1;
            } else {
                BlockMultigrid mg = PlateHierarchy.build(this, k, dof, sc, coarsestLimit, par);
                pre = mg;
                op = mg.operator();
                factorNonZeros = mg.coarseFactorNonZeros();
                levels = mg.levelCount();
            }
        } catch (NotPositiveDefiniteException e) {
            throw new NotPositiveDefiniteException("mechanics: the stiffness matrix is singular; the supports leave a "
                    + "rigid-body motion free", e);
        }
        long t2 = System.nanoTime();
        return new Factorized(dof, k, op, sc, pre, factorNonZeros, levels, par, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }

    /** An assembled, scaled stiffness with its preconditioner (Cholesky factor or multigrid), ready for loads. */
    public final class Factorized {
        private final int[][] dof;
        private final NodeBlockMatrix k;
        private final SymmetricOperator op;
        private final double[] sc;
        private final Pcg.Preconditioner pre;
        private final long factorNonZeros;
        private final int levels;
        private final Parallel par;
        private final double assemblySeconds, factorSeconds;

        private Factorized(int[][] dof, NodeBlockMatrix k, SymmetricOperator op, double[] sc, Pcg.Preconditioner pre, long factorNonZeros,
                           int levels, Parallel par, double assemblySeconds, double factorSeconds) {
            this.dof = dof;
            this.k = k;
            this.op = op;
            this.sc = sc;
            this.pre = pre;
            this.factorNonZeros = factorNonZeros;
            this.levels = levels;
            this.par = par;
            this.assemblySeconds = assemblySeconds;
            this.factorSeconds = factorSeconds;
        }

        public int unknowns() { return k.size(); }

        /** Non-zeros of the Cholesky factor: of the whole system (direct) or of the coarsest level (multigrid). */
        public long factorNonZeros() { return factorNonZeros; }

        /** 1 for the direct solver, else the number of multigrid levels. */
        public int levels() { return levels; }

        /** Displacements under the thermal load {@code s}: preconditioned CG to a true relative residual of 1e-10. */
        public PlateSolution solve(LayerStrains s) { return solve(s, null); }

        /**
         * As {@link #solve(LayerStrains)}, with CG started from {@code start}'s displacements (a neighbouring state of
         * the same model: the previous output time of a history), which saves iterations when the loads are close;
         * null starts from zero. The tolerance is the same, so the result does not depend on the start beyond it.
         */
        public PlateSolution solve(LayerStrains s, PlateSolution start) {
            long t0 = System.nanoTime();
            int n = k.size();
            double[] f = load(s);
            double[] y = new double[n];
            if (start != null) {
                if (start.model() != PlateModel.this) throw new IllegalArgumentException("start from another model");
                for (int a = 0; a < laminates.size(); a++)
                    for (int node = 0; node < mesh.nodes(); node++)
                        for (int q = 0; q < DOFS; q++) {
                            int g = dof[a][node * DOFS + q];
                            if (g >= 0) y[g] = start.displacement(a, node, Dof.values()[q]) / sc[g];
                        }
            }
            Pcg.Result res = new Pcg(par).solve(op, pre, f, y, TOLERANCE, maxIterations());
            return solution(s, y, res, (System.nanoTime() - t0) / 1e9);
        }

        /**
         * The displacements under several thermal loads (operating states), each from zero: two at a time by
         * {@link Pcg#solvePair}, so that the stiffness and the multigrid levels are streamed once for both. Every
         * solution is the one {@link #solve(LayerStrains)} gives for its load alone, to the bit; its solve time is
         * that of its pair.
         */
        public List<PlateSolution> solveAll(List<LayerStrains> loads) {
            List<PlateSolution> out = new ArrayList<>(loads.size());
            for (int i = 0; i < loads.size(); i += 2) {
                if (i + 1 == loads.size()) {
                    out.add(solve(loads.get(i)));
                    break;
                }
                long t0 = System.nanoTime();
                LayerStrains s1 = loads.get(i), s2 = loads.get(i + 1);
                double[] f1 = load(s1), f2 = load(s2);
                double[] y1 = new double[f1.length], y2 = new double[f2.length];
                Pcg.Result[] res = new Pcg(par).solvePair(op, pre, f1, f2, y1, y2, TOLERANCE, maxIterations());
                double secs = (System.nanoTime() - t0) / 1e9;
                out.add(solution(s1, y1, res[0], secs));
                out.add(solution(s2, y2, res[1], secs));
            }
            return out;
        }

        private int maxIterations() { return levels == 1 ? 50 : 500; }

        /** The scaled load vector of a thermal load. */
        private double[] load(LayerStrains s) {
            int n = k.size();
            double[] f = new double[n];
            assembleLoad(f, s, dof, par);
            for (int c = 0; c < n; c++) f[c] *= sc[c];
            return f;
        }

        /** The solution of the scaled unknowns y. */
        private PlateSolution solution(LayerStrains s, double[] y, Pcg.Result res, double seconds) {
            int nLam = laminates.size(), nNodes = mesh.nodes();
            double[][] disp = new double[nLam][nNodes * DOFS];
            for (int a = 0; a < nLam; a++)
                for (int node = 0; node < nNodes; node++)
                    for (int q = 0; q < DOFS; q++) {
                        int g = dof[a][node * DOFS + q];
                        disp[a][node * DOFS + q] = !lamNode[a][node] ? Double.NaN : g < 0 ? 0 : y[g] * sc[g];
                    }
            PlateSolution.Stats st = new PlateSolution.Stats(k.size(), k.nonZeros(), factorNonZeros,
                    res.iterations(), res.relativeResidual(), res.converged(), assemblySeconds, factorSeconds,
                    seconds, levels);
            return new PlateSolution(PlateModel.this, s, disp, st);
        }
    }

    /** -Dwafersim.trace=true: the cost of every setup phase on standard error. */
    static final boolean TRACE = Boolean.getBoolean("wafersim.trace");

    /** CG stops at this relative residual (the true one, which it reports). */
    private static final double TOLERANCE = 1e-10;

    /**
     * Adds the thermal load to f. Element rows of one parity share no node, so they are assembled in parallel, each
     * row serially: every entry receives its contributions in the same order whatever the thread count.
     */
    private void assembleLoad(double[] f, LayerStrains s, int[][] dof, Parallel par) {
        for (int parity = 0; parity < 2; parity++) {
            int first = parity;
            par.forEach((mesh.ny - parity + 1) / 2, t -> loadRow(f, s, dof, first + 2 * t));
        }
    }

    private void loadRow(double[] f, LayerStrains s, int[][] dof, int j) {
        double[] c = new double[36], r = new double[6];
        int[] ga = new int[PlateElement.N], gb = new int[PlateElement.N];
        for (int i = 0; i < mesh.nx; i++) {
            int e = mesh.element(i, j);
            int[] nodes = elementNodes(i, j);
            PlateElement pe = kernel(i, j);
            for (int a = 0; a < laminates.size(); a++) {
                if (!lamElem[a][e]) continue;
                localDofs(dof[a], nodes, ga);
                laminateMatrices(a, e, mesh.xc(i), mesh.yc(j), s, c, r);
                for (int l = 0; l < PlateElement.N; l++) {
                    if (ga[l] < 0) continue;
                    double acc = 0;
                    for (int q = 0; q < 6; q++) acc += pe.bInt[q][l] * r[q];
                    f[ga[l]] += acc;
                }
            }
            for (int m = 0; m < interlayers.size(); m++) {
                if (!ilElem[m][e]) continue;
                Interlayer il = interlayers.get(m);
                localDofs(dof[il.above()], nodes, ga);
                localDofs(dof[il.below()], nodes, gb);
                // normal spring kn (w_a - w_b)^2 with the interlayer's free thickening as load
                double kn = il.kn(), dz = s.intZ(il.layer(), e);
                for (int l = 0; l < PlateElement.N; l++) {
                    double v = kn * dz * pe.nwInt[l];
                    if (ga[l] >= 0) f[ga[l]] += v;
                    if (gb[l] >= 0) f[gb[l]] -= v;
                }
            }
        }
    }

    static void localDofs(int[] dofOfLaminate, int[] nodes, int[] out) {
        for (int ln = 0; ln < 4; ln++)
            for (int q = 0; q < DOFS; q++) out[ln * DOFS + q] = dofOfLaminate[nodes[ln] * DOFS + q];
    }
}
