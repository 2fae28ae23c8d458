package org.wafersim.mechanics;

/**
 * Integrals over one rectangular element (a x b) of the layered-plate model, for 6 dofs per node and plate
 * (u, v: bilinear membrane; w, w_x, w_y, w_xy: the conforming bicubic Hermite plate element of Bogner, Fox &amp;
 * Schmit, Proc. Conf. Matrix Methods in Structural Mechanics, 1965), 24 per element. Local dof l = 6*n + q,
 * nodes n = (0,0), (1,0), (1,1), (0,1) in (xi, eta), q = u, v, w, w_x, w_y, w_xy.
 *
 * <p>The generalized strain of a plate is e = (eps0_x, eps0_y, gamma0_xy, kappa_x, kappa_y, kappa_xy) with
 * kappa = (-w_xx, -w_yy, -2 w_xy); {@link #g} holds G_pq = integral of B_p^T B_q dA, so the element stiffness
 * for the laminate matrix C = [[A, B], [B, D]] is sum_pq C_pq G_pq. Gauss-Legendre 4 x 4 integrates the bicubic
 * products exactly.
 */
final class PlateElement {
    static final int N = 24;
    private static final double[] GT = {-0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526};
    private static final double[] GW = {0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538};
    private static final int[] NXI = {0, 1, 1, 0}, NETA = {0, 0, 1, 1};

    /** G[p*6+q][l*24+m] = integral B_p[l] B_q[m] dA. */
    final double[][] g = new double[36][N * N];
    /** Integral of B (6 x 24) over the element. */
    final double[][] bInt = new double[6][N];
    /** Integral of N_w N_w^T over the element (w interpolation, 24 x 24 with zeros off the w dofs). */
    final double[] mww = new double[N * N];
    /** Integral of N_w over the element. */
    final double[] nwInt = new double[N];
    /** At the element centre: interpolation rows of u, v, w_x, w_y and the generalized strain B (6 x 24). */
    final double[] uC = new double[N], vC = new double[N], wxC = new double[N], wyC = new double[N];
    final double[][] bC = new double[6][N];
    final double area;

    PlateElement(double a, double b) {
        area = a * b;
        double[][] bq = new double[6][N];
        double[] nw = new double[N];
        for (int gi = 0; gi < 4; gi++)
            for (int gj = 0; gj < 4; gj++) {
                double xi = 0.5 * (1 + GT[gi]), eta = 0.5 * (1 + GT[gj]);
                double w = 0.25 * GW[gi] * GW[gj] * area;
                strain(a, b, xi, eta, bq, nw, null, null, null, null);
                for (int p = 0; p < 6; p++)
                    for (int l = 0; l < N; l++) {
                        double bp = bq[p][l];
                        bInt[p][l] += w * bp;
                        if (bp == 0) continue;
                        for (int q = 0; q < 6; q++) {
                            double[] gpq = g[p * 6 + q];
                            double[] bqq = bq[q];
                            for (int m = 0; m < N; m++) gpq[l * N + m] += w * bp * bqq[m];
                        }
                    }
                for (int l = 0; l < N; l++) {
                    nwInt[l] += w * nw[l];
                    if (nw[l] == 0) continue;
                    for (int m = 0; m < N; m++) mww[l * N + m] += w * nw[l] * nw[m];
                }
            }
        strain(a, b, 0.5, 0.5, bC, new double[N], uC, vC, wxC, wyC);
    }

    /** Generalized strain rows B (6 x 24), w row, and optionally u, v, w_x, w_y rows at (xi, eta). */
    static void strain(double a, double b, double xi, double eta, double[][] bq, double[] nw,
                       double[] uRow, double[] vRow, double[] wxRow, double[] wyRow) {
        for (double[] r : bq) java.util.Arrays.fill(r, 0);
        java.util.Arrays.fill(nw, 0);
        double[] hx = new double[6], hy = new double[6];
        for (int n = 0; n < 4; n++) {
            int ex = NXI[n], ey = NETA[n];
            double lx = ex == 0 ? 1 - xi : xi, dlx = (ex == 0 ? -1 : 1) / a;
            double ly = ey == 0 ? 1 - eta : eta, dly = (ey == 0 ? -1 : 1) / b;
            int o = 6 * n;
            // membrane: eps_x = u_x, eps_y = v_y, gamma = u_y + v_x
            bq[0][o] = dlx * ly;
            bq[1][o + 1] = lx * dly;
            bq[2][o] = lx * dly;
            bq[2][o + 1] = dlx * ly;
            if (uRow != null) { uRow[o] = lx * ly; vRow[o + 1] = lx * ly; }
            hermite(ex, xi, a, hx);
            hermite(ey, eta, b, hy);
            // w = Fv(x)Gv(y) w + Fs(x)Gv(y) w_x + Fv(x)Gs(y) w_y + Fs(x)Gs(y) w_xy
            double[][] f = {{hx[0], hy[0]}, {hx[3], hy[0]}, {hx[0], hy[3]}, {hx[3], hy[3]}};
            int[][] sel = {{0, 0}, {3, 0}, {0, 3}, {3, 3}};
            for (int d = 0; d < 4; d++) {
                int sx = sel[d][0], sy = sel[d][1];
                int l = o + 2 + d;
                nw[l] = f[d][0] * f[d][1];
                double wxx = hx[sx + 2] * hy[sy], wyy = hx[sx] * hy[sy + 2], wxy = hx[sx + 1] * hy[sy + 1];
                bq[3][l] = -wxx;
                bq[4][l] = -wyy;
                bq[5][l] = -2 * wxy;
                if (wxRow != null) {
                    wxRow[l] = hx[sx + 1] * hy[sy];
                    wyRow[l] = hx[sx] * hy[sy + 1];
                }
            }
        }
    }

    /**
     * 1-D cubic Hermite functions of the node at end e (0 or 1) of an interval of length h, at s in [0, 1]:
     * out = (Fv, Fv', Fv'', Fs, Fs', Fs''), derivatives with respect to the physical coordinate.
     */
    static void hermite(int e, double s, double h, double[] out) {
        if (e == 0) {
            out[0] = 1 - 3 * s * s + 2 * s * s * s;
            out[1] = (-6 * s + 6 * s * s) / h;
            out[2] = (-6 + 12 * s) / (h * h);
            out[3] = h * (s - 2 * s * s + s * s * s);
            out[4] = 1 - 4 * s + 3 * s * s;
            out[5] = (-4 + 6 * s) / h;
        } else {
            out[0] = 3 * s * s - 2 * s * s * s;
            out[1] = (6 * s - 6 * s * s) / h;
            out[2] = (6 - 12 * s) / (h * h);
            out[3] = h * (-s * s + s * s * s);
            out[4] = -2 * s + 3 * s * s;
            out[5] = (-2 + 6 * s) / h;
        }
    }
}
