package org.wafersim.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.ComputePermutation;
import org.ejml.sparse.csc.decomposition.chol.CholeskyUpLooking_DSCC;
import org.ejml.sparse.csc.linsol.chol.LinearSolverCholesky_DSCC;
import org.wafersim.errors.NotPositiveDefiniteException;

/**
 * Exact solve on the coarsest multigrid level: sparse Cholesky (EJML's up-looking factorisation) of the 7-point
 * operator with a geometric nested-dissection ordering of the box (George, SIAM J. Numer. Anal. 10, 1973), which
 * EJML lacks; with it the fill of a ~10^4-unknown box stays in the low millions. Factorised once per operator.
 */
final class CoarseDirectSolver {
    private final int n;
    private final LinearSolverCholesky_DSCC solver;
    private final DMatrixRMaj rhs, sol;

    CoarseDirectSolver(Stencil7 a) {
        n = a.size();
        final int nx = a.nx, ny = a.ny, nz = a.nz, plane = nx * ny;
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(n, n, 7 * n);
        for (int k = 0; k < nz; k++)
            for (int j = 0; j < ny; j++)
                for (int i = 0; i < nx; i++) {
                    int c = a.index(i, j, k);
                    t.addItem(c, c, a.diag[c]);
                    if (i < nx - 1 && a.gx[c] != 0) { t.addItem(c, c + 1, -a.gx[c]); t.addItem(c + 1, c, -a.gx[c]); }
                    if (j < ny - 1 && a.gy[c] != 0) { t.addItem(c, c + nx, -a.gy[c]); t.addItem(c + nx, c, -a.gy[c]); }
                    if (k < nz - 1 && a.gz[c] != 0) { t.addItem(c, c + plane, -a.gz[c]); t.addItem(c + plane, c, -a.gz[c]); }
                }
        DMatrixSparseCSC m = DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
        final int[] order = NestedDissection.order(nx, ny, nz);
        ComputePermutation<DMatrixSparseCSC> perm = new ComputePermutation<>(true, false) {
            @Override public void process(DMatrixSparseCSC mat) {
                prow.reshape(order.length);
                System.arraycopy(order, 0, prow.data, 0, order.length);
            }
        };
        solver = new LinearSolverCholesky_DSCC(new CholeskyUpLooking_DSCC(), perm);
        if (!solver.setA(m))
            throw new NotPositiveDefiniteException("coarse-grid Cholesky failed: the operator is not positive definite "
                    + "(is there no heat path out of some region?)");
        rhs = new DMatrixRMaj(n, 1);
        sol = new DMatrixRMaj(n, 1);
    }

    synchronized void solve(double[] b, double[] x) {
        System.arraycopy(b, 0, rhs.data, 0, n);
        solver.solve(rhs, sol);
        System.arraycopy(sol.data, 0, x, 0, n);
    }
}
