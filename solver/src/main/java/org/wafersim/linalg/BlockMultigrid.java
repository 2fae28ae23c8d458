package org.wafersim.linalg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wafersim.errors.NotPositiveDefiniteException;

/**
 * A multigrid V-cycle for an assembled symmetric positive definite operator whose unknowns come in small blocks
 * (the degrees of freedom of a finite-element node), used as the preconditioner of {@link Pcg}. The caller supplies
 * the prolongations P_l (coarse to fine, from nested finite-element spaces); the coarse operators are the Galerkin
 * products A_{l+1} = P_l^T A_l P_l, which stay positive definite whenever P_l has full column rank. The smoother is
 * block Gauss-Seidel over the blocks (each diagonal block inverted exactly through its dense Cholesky factor), one
 * forward sweep before the coarse correction and one backward sweep after it, so that the cycle is a symmetric
 * positive definite operator as conjugate gradients require; the coarsest level is solved by sparse Cholesky. See
 * Trottenberg, Oosterlee &amp; Schueller, Multigrid (2001), ch. 2 (V-cycle, Galerkin coarse-grid operator); Tatebe,
 * The multigrid preconditioned conjugate gradient method, 6th Copper Mountain Conf. on Multigrid Methods (1993), on
 * the symmetry a CG preconditioner needs; Brenner &amp; Scott, The Mathematical Theory of Finite Element Methods
 * (3rd ed., 2008), ch. 6 (multigrid for nested conforming spaces).
 *
 * <p>All loops are serial or split into fixed blocks, so the result does not depend on the thread count. Two
 * right-hand sides can be cycled together ({@link #apply2}): every matrix entry is loaded once for both, and each
 * vector's numbers are those of its own cycle. The multigrid solve is bound by memory traffic, so the kernels
 * save loads where the sums allow it without changing them: rows of a node summed side by side, and the forward
 * sweep from zero reading only the neighbours already relaxed.
 *
 * <p>Precision: the cycle (the residual passed down and the block relaxations) streams a single-precision copy of
 * each level's values, half the bytes of the double ones; CG's product with the fine operator ({@link #operator})
 * stays in double, so the solution converges to the double system and the reported residual is its own. The cycle
 * only has to approximate the inverse, and it stays symmetric positive definite: both sweeps and the residual use
 * the same single-precision matrix A_f, so with M = D + L_f (D the exact diagonal blocks) the smoothing part is
 * M^-T (2 D - D_f) M^-1 and the coarse correction adds a positive semi-definite term. On the default wafer CG takes
 * the same number of iterations as with the double cycle.
 */
public final class BlockMultigrid implements Pcg.Preconditioner {
    /**
     * A prolongation in compressed-row form: fine row i has entries (cols[p], vals[p]) for p in
     * [rowPtr[i], rowPtr[i+1]); columns index the coarse unknowns.
     */
    public record Prolongation(int coarseSize, int[] rowPtr, int[] cols, double[] vals) {
        public int fineSize() { return rowPtr.length - 1; }

        /** The transpose (restriction) in compressed-row form, columns ascending within each row. */
        Prolongation transposed() {
            int nf = fineSize();
            int[] cnt = new int[coarseSize + 1];
            for (int p = 0; p < rowPtr[nf]; p++) cnt[cols[p] + 1]++;
            for (int c = 0; c < coarseSize; c++) cnt[c + 1] += cnt[c];
            int[] ptr = cnt.clone(), fill = Arrays.copyOf(cnt, coarseSize);
            int[] tc = new int[rowPtr[nf]];
            double[] tv = new double[rowPtr[nf]];
            for (int i = 0; i < nf; i++)
                for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                    int q = fill[cols[p]]++;
                    tc[q] = i;
                    tv[q] = vals[p];
                }
            return new Prolongation(nf, ptr, tc, tv);
        }
    }

    /**
     * The unknowns' blocks of one level: block k holds unknowns [starts[k], starts[k+1]) and has colour colours[k];
     * blocks of the same colour must not be coupled by the operator (they are relaxed in parallel).
     */
    public record Blocks(int[] starts, int[] colours) {
        public Blocks {
            if (colours.length != starts.length - 1) throw new IllegalArgumentException("one colour per block");
        }
    }

    private static final boolean TRACE = Boolean.getBoolean("wafersim.trace");

    /** Blocks relaxed per parallel task. */
    private static final int CHUNK = 256;

    private final Parallel par;
    private final List<BlockLevel> levels = new ArrayList<>();
    private final SparseCholesky coarse;
    private final double[] coarseScale;

    /**
     * @param a        the fine operator
     * @param blocks   the fine blocks
     * @param p        prolongations, finest first; p.get(l) maps level l+1 to level l
     * @param coarseBlocks the blocks of levels 1, 2, ...
     */
    public BlockMultigrid(NodeBlockMatrix a, Blocks blocks, List<Prolongation> p, List<Blocks> coarseBlocks,
                          Parallel par) {
        this(a, blocks, p, coarseBlocks, par, true);
    }

    /** As above; {@code colourMajor = false} stores the cycle's arrays in block order (tests: the same numbers). */
    BlockMultigrid(NodeBlockMatrix a, Blocks blocks, List<Prolongation> p, List<Blocks> coarseBlocks, Parallel par,
                   boolean colourMajor) {
        if (p.size() != coarseBlocks.size()) throw new IllegalArgumentException("one block list per coarse level");
        this.par = par;
        long t0 = System.nanoTime();
        BlockLevel cur = new BlockLevel(a, blocks, colourMajor);
        levels.add(cur);
        if (TRACE) System.err.printf("multigrid: level 0 %,d unknowns %,d non-zeros, blocks %.3f s%n", a.size(),
                a.nonZeros(), (System.nanoTime() - t0) / 1e9);
        for (int l = 0; l < p.size(); l++) {
            Prolongation pl = p.get(l);
            if (pl.fineSize() != cur.a.size()) throw new IllegalArgumentException("prolongation " + l + " has "
                    + pl.fineSize() + " rows for " + cur.a.size() + " unknowns");
            cur.p = pl;
            cur.r = pl.transposed();
            long tg = System.nanoTime();
            NodeBlockMatrix ac = Galerkin.product(cur.a, pl, coarseBlocks.get(l).starts(), par);
            long th = System.nanoTime();
            cur = new BlockLevel(ac, coarseBlocks.get(l), colourMajor);
            if (TRACE) System.err.printf("multigrid: level %d %,d unknowns %,d non-zeros, Galerkin %.3f s, blocks %.3f s%n",
                    l + 1, ac.size(), ac.nonZeros(), (th - tg) / 1e9, (System.nanoTime() - th) / 1e9);
            if (cur.blocks[cur.blocks.length - 1] != ac.size())
                throw new IllegalArgumentException("coarse blocks do not cover level " + (l + 1));
            levels.add(cur);
        }
        long tf = System.nanoTime();
        for (int l = 0; l + 1 < levels.size(); l++) {
            BlockLevel lv = levels.get(l);
            factorBlocks(lv);
            double[] v = lv.a.values;
            lv.fv = new float[v.length];
            int nb = lv.order.length;
            par.forEach((nb + CHUNK - 1) / CHUNK, v.length, ch -> {
                for (int u = ch * CHUNK, end = Math.min(nb, u + CHUNK); u < end; u++) {
                    int k = lv.order[u], from = lv.a.valStart[k], to = lv.fvStart[k];
                    for (int i = 0, n = (lv.blocks[k + 1] - lv.blocks[k]) * lv.a.len[k]; i < n; i++)
                        lv.fv[to + i] = (float) v[from + i];
                }
            });
        }
        long tc = System.nanoTime();
        // the coarsest level: scaled to a unit diagonal (its unknowns mix displacements and slopes) and factorised
        NodeBlockMatrix ac = levels.get(levels.size() - 1).a;
        int nc = ac.size();
        coarseScale = new double[nc];
        for (int c = 0; c < nc; c++) coarseScale[c] = 1 / Math.sqrt(ac.diagonal(c));
        SparseSymmetric scaled = ac.toSparse();
        scaled.scale(coarseScale);
        coarse = new SparseCholesky(scaled);
        if (TRACE) System.err.printf("multigrid: block factors %.3f s, coarsest Cholesky %.3f s (%,d non-zeros)%n",
                (tc - tf) / 1e9, (System.nanoTime() - tc) / 1e9, coarse.factorNonZeros());
    }

    public int levelCount() { return levels.size(); }

    /** Level l (tests). */
    BlockLevel level(int l) { return levels.get(l); }

    /**
     * The fine operator applied block by block in double precision (CG's products; the cycle works with the
     * single-precision copy).
     */
    public SymmetricOperator operator() { return levels.get(0).a; }

    /**
     * r = b - A x with the level's single-precision values (the cycle's residual), by chunks of blocks; each row's
     * terms are subtracted from b in the order of the row, as the block relaxation does.
     */
    private static void residual(Parallel p, BlockLevel lv, double[] x, double[] b, double[] r) {
        NodeBlockMatrix a = lv.a;
        int nb = lv.blocks.length - 1;
        float[] vals = lv.fv;
        p.forEach((nb + CHUNK - 1) / CHUNK, ch -> {
            double[] xg = new double[256];
            for (int u = ch * CHUNK, end = Math.min(nb, u + CHUNK); u < end; u++) {
                int k = lv.order[u], lo = lv.blocks[k], hi = lv.blocks[k + 1], len = a.len[k];
                if (hi == lo) continue;
                if (xg.length < len) xg = new double[len];
                a.gather(k, x, xg);
                DenseBlocks.blockResidual(vals, lv.fvStart[k], len, hi - lo, xg, lo, b, r, lo);
            }
        });
    }

    /** {@link #residual} for two vectors at once: each matrix entry is loaded once for both. */
    private static void residual2(Parallel p, BlockLevel lv, double[] x1, double[] x2, double[] b1, double[] b2,
                                  double[] r1, double[] r2) {
        NodeBlockMatrix a = lv.a;
        int nb = lv.blocks.length - 1;
        float[] vals = lv.fv;
        p.forEach((nb + CHUNK - 1) / CHUNK, ch -> {
            double[] g1 = new double[256], g2 = new double[256];
            for (int u = ch * CHUNK, end = Math.min(nb, u + CHUNK); u < end; u++) {
                int k = lv.order[u], lo = lv.blocks[k], hi = lv.blocks[k + 1], len = a.len[k];
                if (hi == lo) continue;
                if (g1.length < len) { g1 = new double[len]; g2 = new double[len]; }
                a.gather(k, x1, g1);
                a.gather(k, x2, g2);
                DenseBlocks.blockResidual2(vals, lv.fvStart[k], len, hi - lo, g1, g2, lo, b1, b2, r1, r2, lo);
            }
        });
    }

    /** Unknowns of level l (0 the finest). */
    public int levelSize(int l) { return levels.get(l).a.size(); }

    /** Non-zeros of level l's operator. */
    public long levelNonZeros(int l) { return levels.get(l).a.nonZeros(); }

    /** Non-zeros of the coarsest level's Cholesky factor. */
    public long coarseFactorNonZeros() { return coarse.factorNonZeros(); }

    @Override public synchronized void apply(double[] r, double[] z) {
        BlockLevel f = levels.get(0);
        System.arraycopy(r, 0, f.b, 0, r.length);
        cycle(0);
        System.arraycopy(f.x, 0, z, 0, z.length);
    }

    /**
     * Two V-cycles at once (two right-hand sides): each vector gets the same numbers as from {@link #apply}, while
     * every matrix entry is streamed once for both.
     */
    @Override public synchronized void apply2(double[] r1, double[] r2, double[] z1, double[] z2) {
        for (BlockLevel lv : levels)
            if (lv.x2 == null) {
                int n = lv.a.size();
                lv.x2 = new double[n];
                lv.b2 = new double[n];
                lv.res2 = new double[n];
            }
        BlockLevel f = levels.get(0);
        System.arraycopy(r1, 0, f.b, 0, r1.length);
        System.arraycopy(r2, 0, f.b2, 0, r2.length);
        cycle2(0);
        System.arraycopy(f.x, 0, z1, 0, z1.length);
        System.arraycopy(f.x2, 0, z2, 0, z2.length);
    }

    /** One V-cycle on level l from x = 0 for the right-hand side in levels.get(l).b. */
    private void cycle(int l) {
        BlockLevel lv = levels.get(l);
        if (l == levels.size() - 1) {
            coarseSolve(lv, lv.b, lv.res, lv.x);
            return;
        }
        Arrays.fill(lv.x, 0);
        sweepFromZero(lv);
        residual(par, lv, lv.x, lv.b, lv.res);
        BlockLevel c = levels.get(l + 1);
        multiply(lv.r, lv.res, c.b, false);
        cycle(l + 1);
        multiply(lv.p, c.x, lv.x, true);
        sweep(lv, false);
    }

    /** {@link #cycle} for the pair of right-hand sides in b and b2. */
    private void cycle2(int l) {
        BlockLevel lv = levels.get(l);
        if (l == levels.size() - 1) {
            coarseSolve(lv, lv.b, lv.res, lv.x);
            coarseSolve(lv, lv.b2, lv.res2, lv.x2);
            return;
        }
        Arrays.fill(lv.x, 0);
        Arrays.fill(lv.x2, 0);
        sweep2FromZero(lv);
        residual2(par, lv, lv.x, lv.x2, lv.b, lv.b2, lv.res, lv.res2);
        BlockLevel c = levels.get(l + 1);
        multiply2(lv.r, lv.res, lv.res2, c.b, c.b2, false);
        cycle2(l + 1);
        multiply2(lv.p, c.x, c.x2, lv.x, lv.x2, true);
        sweep2(lv, false);
    }

    /** The coarsest level's direct solve of b into x (work: scratch). */
    private void coarseSolve(BlockLevel lv, double[] b, double[] work, double[] x) {
        int n = lv.a.size();
        for (int i = 0; i < n; i++) work[i] = b[i] * coarseScale[i];
        coarse.apply(work, x);
        for (int i = 0; i < n; i++) x[i] *= coarseScale[i];
    }

    /** y = M x (or y += M x) for a compressed-row matrix, by fixed row blocks. */
    private void multiply(Prolongation m, double[] x, double[] y, boolean add) {
        par.forBlocks(m.fineSize(), (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                double s = 0;
                for (int p = m.rowPtr()[i]; p < m.rowPtr()[i + 1]; p++) s += m.vals()[p] * x[m.cols()[p]];
                y[i] = add ? y[i] + s : s;
            }
        });
    }

    /** {@link #multiply} for two vectors. */
    private void multiply2(Prolongation m, double[] x1, double[] x2, double[] y1, double[] y2, boolean add) {
        int[] ptr = m.rowPtr(), cols = m.cols();
        double[] vals = m.vals();
        par.forBlocks(m.fineSize(), (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                double s1 = 0, s2 = 0;
                for (int p = ptr[i]; p < ptr[i + 1]; p++) {
                    s1 += vals[p] * x1[cols[p]];
                    s2 += vals[p] * x2[cols[p]];
                }
                y1[i] = add ? y1[i] + s1 : s1;
                y2[i] = add ? y2[i] + s2 : s2;
            }
        });
    }

    /**
     * One block Gauss-Seidel sweep on A x = b, forward (colour by colour) or backward (the reverse order); the
     * blocks of one colour are independent, so they are relaxed in parallel with the same result.
     */
    private void sweep(BlockLevel lv, boolean forward) {
        int nc = lv.byColour.length;
        for (int t = 0; t < nc; t++) {
            int[] ks = lv.byColour[forward ? t : nc - 1 - t];
            int chunks = (ks.length + CHUNK - 1) / CHUNK;
            par.forEach(chunks, ch -> {
                double[][] scratch = {new double[64], new double[256]};
                for (int u = ch * CHUNK, end = Math.min(ks.length, u + CHUNK); u < end; u++) relax(lv, ks[u], scratch);
            });
        }
    }

    /**
     * The forward sweep from x = 0: when colour c is relaxed only the blocks of colours before it have moved, so
     * the rows of the other neighbours (x exactly 0 there, whose products change no sum) are skipped; the sums of
     * the remaining terms run in the same order, so the result is that of {@link #sweep} to the bit.
     */
    private void sweepFromZero(BlockLevel lv) {
        int nc = lv.byColour.length;
        for (int t = 0; t < nc; t++) {
            int[] ks = lv.byColour[t];
            int rank = t, chunks = (ks.length + CHUNK - 1) / CHUNK;
            par.forEach(chunks, ch -> {
                double[][] scratch = {new double[64], new double[256]};
                for (int u = ch * CHUNK, end = Math.min(ks.length, u + CHUNK); u < end; u++) {
                    int k = ks[u];
                    relaxFromZero(lv, k, rank, scratch);
                }
            });
        }
    }

    /** {@link #sweepFromZero} for the pair (x, b) and (x2, b2). */
    private void sweep2FromZero(BlockLevel lv) {
        int nc = lv.byColour.length;
        for (int t = 0; t < nc; t++) {
            int[] ks = lv.byColour[t];
            int rank = t, chunks = (ks.length + CHUNK - 1) / CHUNK;
            par.forEach(chunks, ch -> {
                double[][] scratch = {new double[64], new double[256], new double[64], new double[256]};
                for (int u = ch * CHUNK, end = Math.min(ks.length, u + CHUNK); u < end; u++) {
                    int k = ks[u];
                    relax2FromZero(lv, k, rank, scratch);
                }
            });
        }
    }

    /** {@link #relax} of block k in the forward sweep from zero: only the neighbours of colours before {@code rank}. */
    private static void relaxFromZero(BlockLevel lv, int k, int rank, double[][] scratch) {
        NodeBlockMatrix a = lv.a;
        float[] vals = lv.fv;
        double[] x = lv.x, b = lv.b;
        int lo = lv.blocks[k], hi = lv.blocks[k + 1], s = hi - lo;
        if (s == 0) return;
        if (scratch[0].length < s) scratch[0] = new double[s];
        double[] r = scratch[0];
        int p0 = lv.fvStart[k], len = a.len[k];
        if (scratch[1].length < len) scratch[1] = new double[len];
        double[] xg = scratch[1];
        int g0 = a.nbrPtr[k], g1 = a.nbrPtr[k + 1];
        int[] nbr = a.nbr, start = a.start, off = a.nbrOff;
        byte[] colour = lv.nbrColour;
        for (int g = g0; g < g1; g++)
            if (colour[g] < rank) System.arraycopy(x, start[nbr[g]], xg, off[g], start[nbr[g] + 1] - start[nbr[g]]);
        int d = 0;
        for (; d + 3 < s; d += 4) {
            int q0 = p0 + d * len, q1 = q0 + len, q2 = q1 + len, q3 = q2 + len;
            double a0 = b[lo + d], a1 = b[lo + d + 1], a2 = b[lo + d + 2], a3 = b[lo + d + 3];
            for (int g = g0; g < g1; g++) {
                if (colour[g] >= rank) continue;
                int m = nbr[g];
                for (int t = off[g], t1 = t + start[m + 1] - start[m]; t < t1; t++) {
                    double v = xg[t];
                    a0 -= vals[q0 + t] * v;
                    a1 -= vals[q1 + t] * v;
                    a2 -= vals[q2 + t] * v;
                    a3 -= vals[q3 + t] * v;
                }
            }
            r[d] = a0; r[d + 1] = a1; r[d + 2] = a2; r[d + 3] = a3;
        }
        for (; d < s; d++) {
            int q0 = p0 + d * len;
            double a0 = b[lo + d];
            for (int g = g0; g < g1; g++) {
                if (colour[g] >= rank) continue;
                int m = nbr[g];
                for (int t = off[g], t1 = t + start[m + 1] - start[m]; t < t1; t++) a0 -= vals[q0 + t] * xg[t];
            }
            r[d] = a0;
        }
        DenseBlocks.applyInverse(lv.diagFactor, lv.factorStart[k], s, r, xg);   // xg is free now (len >= s)
        for (int e = lo; e < hi; e++) x[e] += xg[e - lo];
    }

    /** {@link #relaxFromZero} for both vectors. */
    private static void relax2FromZero(BlockLevel lv, int k, int rank, double[][] scratch) {
        NodeBlockMatrix a = lv.a;
        float[] vals = lv.fv;
        double[] x1 = lv.x, b1 = lv.b, x2 = lv.x2, b2 = lv.b2;
        int lo = lv.blocks[k], hi = lv.blocks[k + 1], s = hi - lo;
        if (s == 0) return;
        if (scratch[0].length < s) { scratch[0] = new double[s]; scratch[2] = new double[s]; }
        double[] r1 = scratch[0], r2 = scratch[2];
        int p0 = lv.fvStart[k], len = a.len[k];
        if (scratch[1].length < len) { scratch[1] = new double[len]; scratch[3] = new double[len]; }
        double[] u1 = scratch[1], u2 = scratch[3];
        int g0 = a.nbrPtr[k], g1 = a.nbrPtr[k + 1];
        int[] nbr = a.nbr, start = a.start, off = a.nbrOff;
        byte[] colour = lv.nbrColour;
        for (int g = g0; g < g1; g++)
            if (colour[g] < rank) {
                int m = nbr[g], sz = start[m + 1] - start[m];
                System.arraycopy(x1, start[m], u1, off[g], sz);
                System.arraycopy(x2, start[m], u2, off[g], sz);
            }
        int d = 0;
        for (; d + 1 < s; d += 2) {
            int q0 = p0 + d * len, q1 = q0 + len;
            double a0 = b1[lo + d], a1 = b1[lo + d + 1], c0 = b2[lo + d], c1 = b2[lo + d + 1];
            for (int g = g0; g < g1; g++) {
                if (colour[g] >= rank) continue;
                int m = nbr[g];
                for (int t = off[g], t1 = t + start[m + 1] - start[m]; t < t1; t++) {
                    double v0 = vals[q0 + t], v1 = vals[q1 + t], u = u1[t], w = u2[t];
                    a0 -= v0 * u;
                    a1 -= v1 * u;
                    c0 -= v0 * w;
                    c1 -= v1 * w;
                }
            }
            r1[d] = a0; r1[d + 1] = a1; r2[d] = c0; r2[d + 1] = c1;
        }
        for (; d < s; d++) {
            int q0 = p0 + d * len;
            double a0 = b1[lo + d], c0 = b2[lo + d];
            for (int g = g0; g < g1; g++) {
                if (colour[g] >= rank) continue;
                int m = nbr[g];
                for (int t = off[g], t1 = t + start[m + 1] - start[m]; t < t1; t++) {
                    a0 -= vals[q0 + t] * u1[t];
                    c0 -= vals[q0 + t] * u2[t];
                }
            }
            r1[d] = a0;
            r2[d] = c0;
        }
        DenseBlocks.applyInverse2(lv.diagFactor, lv.factorStart[k], s, r1, r2, u1, u2);   // u1, u2 free now
        for (int e = lo; e < hi; e++) {
            x1[e] += u1[e - lo];
            x2[e] += u2[e - lo];
        }
    }

    /** {@link #sweep} for the pair (x, b) and (x2, b2). */
    private void sweep2(BlockLevel lv, boolean forward) {
        int nc = lv.byColour.length;
        for (int t = 0; t < nc; t++) {
            int[] ks = lv.byColour[forward ? t : nc - 1 - t];
            int chunks = (ks.length + CHUNK - 1) / CHUNK;
            par.forEach(chunks, ch -> {
                double[][] scratch = {new double[64], new double[256], new double[64], new double[256]};
                for (int u = ch * CHUNK, end = Math.min(ks.length, u + CHUNK); u < end; u++) relax2(lv, ks[u], scratch);
            });
        }
    }

    /** Block Gauss-Seidel step on block k; scratch[0], scratch[1] are work arrays (grown if needed). */
    private static void relax(BlockLevel lv, int k, double[][] scratch) {
        NodeBlockMatrix a = lv.a;
        double[] x = lv.x, b = lv.b;
        int lo = lv.blocks[k], hi = lv.blocks[k + 1], s = hi - lo, len = a.len[k];
        if (s == 0) return;
        if (scratch[0].length < s) scratch[0] = new double[s];
        double[] r = scratch[0];
        // block residual with the current iterate (the matrix is symmetric: column d is row d); the block's columns
        // share their rows: gather x once, then dense dot products
        if (scratch[1].length < len) scratch[1] = new double[len];
        double[] xg = scratch[1];
        a.gather(k, x, xg);
        DenseBlocks.blockResidual(lv.fv, lv.fvStart[k], len, s, xg, lo, b, r, 0);
        DenseBlocks.applyInverse(lv.diagFactor, lv.factorStart[k], s, r, xg);   // xg is free now (len >= s)
        for (int d = lo; d < hi; d++) x[d] += xg[d - lo];
    }

    /** {@link #relax} of block k for both vectors; scratch holds four work arrays. */
    private static void relax2(BlockLevel lv, int k, double[][] scratch) {
        NodeBlockMatrix a = lv.a;
        double[] x1 = lv.x, b1 = lv.b, x2 = lv.x2, b2 = lv.b2;
        int lo = lv.blocks[k], hi = lv.blocks[k + 1], s = hi - lo, len = a.len[k];
        if (s == 0) return;
        if (scratch[0].length < s) { scratch[0] = new double[s]; scratch[2] = new double[s]; }
        double[] r1 = scratch[0], r2 = scratch[2];
        if (scratch[1].length < len) { scratch[1] = new double[len]; scratch[3] = new double[len]; }
        double[] g1 = scratch[1], g2 = scratch[3];
        a.gather(k, x1, g1);
        a.gather(k, x2, g2);
        DenseBlocks.blockResidual2(lv.fv, lv.fvStart[k], len, s, g1, g2, lo, b1, b2, r1, r2, 0);
        DenseBlocks.applyInverse2(lv.diagFactor, lv.factorStart[k], s, r1, r2, g1, g2);   // g1, g2 free now
        for (int d = lo; d < hi; d++) {
            x1[d] += g1[d - lo];
            x2[d] += g2[d - lo];
        }
    }

    /** Dense inverses of the diagonal blocks (row-major), through their Cholesky factors. */
    private void factorBlocks(BlockLevel lv) {
        int nb = lv.blocks.length - 1;
        // a few thousand operations per block: worth the threads although the block count is small
        par.forEach((nb + CHUNK - 1) / CHUNK, (long) nb * 4096, ch -> {
            double[][] work = {new double[64]};
            for (int k = ch * CHUNK, b1 = Math.min(nb, k + CHUNK); k < b1; k++) factorBlock(lv, k, work);
        });
    }

    /*
     * One block per call (not one loop over a chunk): the mechanics stage runs once per process, so its setup runs
     * while the JIT is still compiling, and a method called per block is compiled after a few hundred blocks where
     * a chunk's loop would wait for its on-stack replacement.
     */
    private static void factorBlock(BlockLevel lv, int k, double[][] work) {
        int lo = lv.blocks[k], s = lv.blocks[k + 1] - lo, o = lv.factorStart[k];
        double[] f = lv.diagFactor, av = lv.a.values;
        int vd = lv.a.valStart[k] + (s > 0 ? lv.a.nbrOff[lv.a.diagAt[k]] : 0), len = lv.a.len[k];
        for (int i = 0; i < s; i++)
            for (int j = 0; j < s; j++) f[o + i * s + j] = av[vd + j * len + i];
        for (int j = 0; j < s; j++) {
            double d = f[o + j * s + j];
            for (int m = 0; m < j; m++) d -= f[o + j * s + m] * f[o + j * s + m];
            if (!(d > 0)) throw new NotPositiveDefiniteException("multigrid: diagonal block " + k
                    + " is not positive definite");
            double l = Math.sqrt(d);
            f[o + j * s + j] = l;
            for (int i = j + 1; i < s; i++) {
                double v = f[o + i * s + j];
                for (int m = 0; m < j; m++) v -= f[o + i * s + m] * f[o + j * s + m];
                f[o + i * s + j] = v / l;
            }
        }
        if (work[0].length < s * s) work[0] = new double[s * s];
        DenseBlocks.invertFactor(f, o, s, work[0]);
    }
}
