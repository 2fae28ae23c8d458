package org.wafersim.linalg;

import java.util.Arrays;

/**
 * The Galerkin coarse operator of {@link BlockMultigrid}, A_c = P^T A P for a symmetric A (e.g. Trottenberg,
 * Oosterlee and Schüller, <i>Multigrid</i>, section 7.7.2), built block column by block column of A_c in node-block
 * form, in work proportional to the non-zeros and with no intermediate product held for the whole level.
 *
 * <p>Coarse block column J: W = A P[:, J] over the fine blocks within reach (the neighbours of the fine blocks
 * that P maps J to), then A_c[:, J] = P^T W. Each block column is computed by one task in a fixed order, so the
 * result does not depend on the thread count; the two triangles, which differ by round-off, are averaged at the end.
 * The pattern is that of the node blocks: coarse blocks I and J are coupled when a fine block that P maps I to
 * neighbours one that P maps J to, and their coupling block is stored dense.
 */
final class Galerkin {
    private Galerkin() { }

    /** Coarse blocks per parallel task (a block column costs some 10^5 multiply-adds). */
    private static final int TASK = 16;

    /**
     * A_c = P^T A P with the coarse unknowns in the blocks {@code cStart} (block J holds [cStart[J], cStart[J+1])).
     */
    static NodeBlockMatrix product(NodeBlockMatrix a, BlockMultigrid.Prolongation p, int[] cStart, Parallel par) {
        int nbF = a.blockCount(), nbC = cStart.length - 1, nc = p.coarseSize();
        if (cStart[nbC] != nc) throw new IllegalArgumentException("coarse blocks do not cover the prolongation's columns");
        int[] pPtr = p.rowPtr(), pCols = p.cols();
        double[] pVals = p.vals();
        int[] cBlockOf = new int[nc];
        for (int J = 0; J < nbC; J++) Arrays.fill(cBlockOf, cStart[J], cStart[J + 1], J);
        // the coarse blocks of each fine block (f2c) and the fine blocks of each coarse block (c2f), ascending
        int[] f2cPtr = new int[nbF + 1];
        int[] stamp = new int[nbC];
        Arrays.fill(stamp, -1);
        int[] f2c = new int[16 * Math.max(1, nbF)];
        int m = 0;
        for (int i = 0; i < nbF; i++) {
            int m0 = m;
            for (int r = a.start[i]; r < a.start[i + 1]; r++)
                for (int t = pPtr[r]; t < pPtr[r + 1]; t++) {
                    int I = cBlockOf[pCols[t]];
                    if (stamp[I] == i) continue;
                    stamp[I] = i;
                    if (m == f2c.length) f2c = Arrays.copyOf(f2c, 2 * m);
                    f2c[m++] = I;
                }
            Arrays.sort(f2c, m0, m);
            f2cPtr[i + 1] = m;
        }
        int[] c2fPtr = new int[nbC + 1];
        for (int q = 0; q < m; q++) c2fPtr[f2c[q] + 1]++;
        for (int J = 0; J < nbC; J++) c2fPtr[J + 1] += c2fPtr[J];
        int[] c2f = new int[m], fill = Arrays.copyOf(c2fPtr, nbC);
        for (int i = 0; i < nbF; i++)
            for (int q = f2cPtr[i]; q < f2cPtr[i + 1]; q++) c2f[fill[f2c[q]]++] = i;
        // symbolic: the coarse neighbours of every coarse block
        int tasks = (nbC + TASK - 1) / TASK;
        int[][] nbrOf = new int[nbC][];
        final int[] f2cF = f2c;
        par.forEach(tasks, (long) m * 81, task -> {
            int[] seen = new int[nbC];
            Arrays.fill(seen, -1);
            int[] list = new int[64];
            for (int J = task * TASK, end = Math.min(nbC, J + TASK); J < end; J++) {
                int cnt = 0;
                if (cStart[J + 1] > cStart[J]) {
                    // a block is its own neighbour even if P does not reach it (then its rows are zero: singular)
                    seen[J] = J;
                    list[cnt++] = J;
                }
                for (int u = c2fPtr[J]; u < c2fPtr[J + 1]; u++) {
                    int j = c2f[u];
                    for (int q = a.nbrPtr[j]; q < a.nbrPtr[j + 1]; q++) {
                        int i = a.nbr[q];
                        for (int v = f2cPtr[i]; v < f2cPtr[i + 1]; v++) {
                            int I = f2cF[v];
                            if (seen[I] == J) continue;
                            seen[I] = J;
                            if (cnt == list.length) list = Arrays.copyOf(list, 2 * cnt);
                            list[cnt++] = I;
                        }
                    }
                }
                Arrays.sort(list, 0, cnt);
                nbrOf[J] = Arrays.copyOf(list, cnt);
            }
        });
        int[] ptr = new int[nbC + 1];
        for (int J = 0; J < nbC; J++) ptr[J + 1] = ptr[J] + nbrOf[J].length;
        int[] nbr = new int[ptr[nbC]];
        for (int J = 0; J < nbC; J++) System.arraycopy(nbrOf[J], 0, nbr, ptr[J], nbrOf[J].length);
        NodeBlockMatrix ac = new NodeBlockMatrix(cStart.clone(), ptr, nbr);
        double[] vals = a.values, out = ac.values;
        // numeric, block column by block column
        par.forEach(tasks, (long) out.length * 40, task -> {
            int[] slotOf = new int[nbF], slots = new int[64], cOff = new int[nbC];
            Arrays.fill(slotOf, -1);
            double[] w = new double[1024], wt = new double[1024], c = new double[1024];
            for (int J = task * TASK, end = Math.min(nbC, J + TASK); J < end; J++) {
                int cs = cStart[J], ce = cStart[J + 1], sJ = ce - cs;
                if (sJ == 0) continue;
                // the fine blocks W covers, each a run of rows
                int nSlots = 0, wRows = 0;
                for (int u = c2fPtr[J]; u < c2fPtr[J + 1]; u++) {
                    int j = c2f[u];
                    for (int q = a.nbrPtr[j]; q < a.nbrPtr[j + 1]; q++) {
                        int i = a.nbr[q];
                        if (slotOf[i] >= 0) continue;
                        slotOf[i] = wRows;
                        if (nSlots == slots.length) slots = Arrays.copyOf(slots, 2 * nSlots);
                        slots[nSlots++] = i;
                        wRows += a.start[i + 1] - a.start[i];
                    }
                }
                int size = wRows * sJ;
                if (w.length < size) { w = new double[size]; wt = new double[size]; }
                Arrays.fill(w, 0, size, 0);
                // W = A P[:, J], column-major (column cc of W at cc * wRows): A's column r scaled by P[r][c]
                for (int u = c2fPtr[J]; u < c2fPtr[J + 1]; u++) {
                    int j = c2f[u], lenJ = a.len[j];
                    for (int r = a.start[j]; r < a.start[j + 1]; r++) {
                        int colBase = a.valStart[j] + (r - a.start[j]) * lenJ;
                        for (int t = pPtr[r]; t < pPtr[r + 1]; t++) {
                            int col = pCols[t];
                            if (col < cs || col >= ce) continue;
                            double pw = pVals[t];
                            int wb = (col - cs) * wRows;
                            for (int q = a.nbrPtr[j]; q < a.nbrPtr[j + 1]; q++) {
                                int i = a.nbr[q], dst = wb + slotOf[i], src = colBase + a.nbrOff[q];
                                for (int e = 0, sz = a.start[i + 1] - a.start[i]; e < sz; e++)
                                    w[dst + e] += pw * vals[src + e];
                            }
                        }
                    }
                }
                for (int cc = 0; cc < sJ; cc++)
                    for (int row = 0; row < wRows; row++) wt[row * sJ + cc] = w[cc * wRows + row];
                // A_c[:, J] = P^T W, row-major by the position in J's columns
                for (int q = ac.nbrPtr[J]; q < ac.nbrPtr[J + 1]; q++) cOff[ac.nbr[q]] = ac.nbrOff[q];
                int lenC = ac.len[J], csize = lenC * sJ;
                if (c.length < csize) c = new double[csize];
                Arrays.fill(c, 0, csize, 0);
                for (int sl = 0; sl < nSlots; sl++) {
                    int i = slots[sl], so = slotOf[i];
                    for (int r = a.start[i]; r < a.start[i + 1]; r++) {
                        int wr = (so + r - a.start[i]) * sJ;
                        for (int t = pPtr[r]; t < pPtr[r + 1]; t++) {
                            int col = pCols[t], I = cBlockOf[col], cb = (cOff[I] + col - cStart[I]) * sJ;
                            double pw = pVals[t];
                            for (int cc = 0; cc < sJ; cc++) c[cb + cc] += pw * wt[wr + cc];
                        }
                    }
                }
                int vs = ac.valStart[J];
                for (int cc = 0; cc < sJ; cc++)
                    for (int pos = 0; pos < lenC; pos++) out[vs + cc * lenC + pos] = c[pos * sJ + cc];
                for (int sl = 0; sl < nSlots; sl++) slotOf[slots[sl]] = -1;
            }
        });
        // the pattern is symmetric (that of P^T A P); the two triangles differ by round-off only: average them. Each
        // pair of blocks is averaged once, from the column of the larger index, and only its two blocks are written
        par.forEach(tasks, out.length, task -> {
            for (int J = task * TASK, end = Math.min(nbC, J + TASK); J < end; J++) {
                int sJ = cStart[J + 1] - cStart[J], lenJ = ac.len[J];
                for (int q = ac.nbrPtr[J]; q < ac.nbrPtr[J + 1]; q++) {
                    int I = ac.nbr[q];
                    if (I > J) break;
                    int sI = cStart[I + 1] - cStart[I], lenI = ac.len[I];
                    int pIJ = ac.valStart[J] + ac.nbrOff[q];          // entry (I_x, J_y) at pIJ + y lenJ + x
                    int pJI = ac.valStart[I] + ac.offset(I, J);       // entry (J_y, I_x) at pJI + x lenI + y
                    for (int y = 0; y < sJ; y++)
                        for (int x = 0; x < sI; x++) {
                            if (I == J && x >= y) break;
                            int u = pIJ + y * lenJ + x, v = pJI + x * lenI + y;
                            double mean = 0.5 * (out[u] + out[v]);
                            out[u] = mean;
                            out[v] = mean;
                        }
                }
            }
        });
        return ac;
    }
}
