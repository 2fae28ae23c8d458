package org.wafersim.validation.regression;

import java.util.Arrays;

/**
 * Differences between a field of a run and its stored reference.
 *
 * @param maxAbs      max |a - r| over the entries finite in both (0 if there are none)
 * @param relL2       ||a - r||_2 / ||r||_2 over the same entries; 0 when both norms are 0, +inf when only the
 *                    reference is all zero
 * @param nanMismatch entries that are NaN (or infinite) in exactly one of the two, or non-finite in both but
 *                    different (NaN vs inf)
 * @param problem     why the two cannot be compared (different shapes), or null
 */
public record FieldComparison(double maxAbs, double relL2, int nanMismatch, String problem) {

    public static FieldComparison of(FieldValues actual, FieldValues reference) {
        if (!Arrays.equals(actual.shape(), reference.shape()) || actual.flat().length != reference.flat().length)
            return new FieldComparison(Double.NaN, Double.NaN, 0, "shape " + Arrays.toString(actual.shape())
                    + " differs from the reference's " + Arrays.toString(reference.shape()));
        double[] a = actual.flat(), r = reference.flat();
        double max = 0, d2 = 0, r2 = 0;
        int mismatch = 0;
        for (int i = 0; i < a.length; i++) {
            boolean fa = Double.isFinite(a[i]), fr = Double.isFinite(r[i]);
            if (fa && fr) {
                double d = Math.abs(a[i] - r[i]);
                max = Math.max(max, d);
                d2 += d * d;
                r2 += r[i] * r[i];
            } else if (fa != fr || Double.compare(a[i], r[i]) != 0) {
                mismatch++;
            }
        }
        double rel = d2 == 0 ? 0 : r2 == 0 ? Double.POSITIVE_INFINITY : Math.sqrt(d2 / r2);
        return new FieldComparison(max, rel, mismatch, null);
    }

    public boolean comparable() { return problem == null; }
}
