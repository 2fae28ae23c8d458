package org.wafersim.validation.regression;

/** The values of one field as flat C-order doubles, its shape (empty for a scalar) and units ("" if none). */
public record FieldValues(double[] flat, int[] shape, String units) { }
