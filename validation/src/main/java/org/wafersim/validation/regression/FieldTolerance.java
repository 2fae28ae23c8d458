package org.wafersim.validation.regression;

/**
 * The tolerances one field of a regression case is held to: the largest pointwise difference
 * {@code max |a - r|} (in the field's units) and the relative L2 difference {@code ||a - r||_2 / ||r||_2}, both
 * taken over the entries that are finite in both (NaN positions must match exactly).
 */
public record FieldTolerance(FieldPath field, double maxAbs, double relL2) { }
