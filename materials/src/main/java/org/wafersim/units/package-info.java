/**
 * Quantities with units: the {@link org.wafersim.units.Dimension} of every value wafersim reads, and the strict
 * {@link org.wafersim.units.Units} parser that turns {@code "0.775 mm"} into 7.75e-4 (SI inside the code).
 */
package org.wafersim.units;
