package org.wafersim.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.csc.decomposition.chol.CholeskyUpLooking_DSCC;
import org.ejml.sparse.csc.linsol.chol.LinearSolverCholesky_DSCC;
import org.wafersim.errors.NotPositiveDefiniteException;

/**
 * Sparse Cholesky factor A = L L^T of a {@link SparseSymmetric} (EJML's up-looking factorisation), in the order
 * the matrix is numbered: number the unknowns in a fill-reducing order ({@link NestedDissection}) before
 * assembling. Applied as an exact preconditioner inside {@link Pcg}, which then reports the true residual.
 */
public final class SparseCholesky implements Pcg.Preconditioner {
    private final int n;
    private final LinearSolverCholesky_DSCC solver;
    private final DMatrixRMaj rhs, sol;
    private final long factorNonZeros;

    /** Factorises; throws NotPositiveDefiniteException if A is not positive definite. */
    public SparseCholesky(SparseSymmetric a) {
        n = a.size();
        DMatrixSparseCSC m = new DMatrixSparseCSC(n, n, a.nonZeros());
        System.arraycopy(a.colPtr(), 0, m.col_idx, 0, n + 1);
        System.arraycopy(a.rows(), 0, m.nz_rows, 0, a.nonZeros());
        System.arraycopy(a.values(), 0, m.nz_values, 0, a.nonZeros());
        m.nz_length = a.nonZeros();
        m.indicesSorted = true;
        CholeskyUpLooking_DSCC chol = new CholeskyUpLooking_DSCC();
        solver = new LinearSolverCholesky_DSCC(chol, null);
        if (!solver.setA(m))
            throw new NotPositiveDefiniteException("Cholesky factorisation failed: the matrix is not positive definite");
        factorNonZeros = chol.getL().nz_length;
        rhs = new DMatrixRMaj(n, 1);
        sol = new DMatrixRMaj(n, 1);
    }

    /** Non-zeros of the factor L (memory: 12 bytes each). */
    public long factorNonZeros() { return factorNonZeros; }

    @Override public synchronized void apply(double[] r, double[] z) {
        System.arraycopy(r, 0, rhs.data, 0, n);
        solver.solve(rhs, sol);
        System.arraycopy(sol.data, 0, z, 0, n);
    }
}
