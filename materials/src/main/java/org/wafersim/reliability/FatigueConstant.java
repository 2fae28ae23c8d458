package org.wafersim.reliability;

import java.util.Locale;

/**
 * One constant of a {@link FatigueModel}, for reports: its key, value in SI with the unit written out, its source,
 * and whether it is an engineering estimate ([E]).
 *
 * @param key       short name as in the model's equation (e.g. "sigma_f'", "c0")
 * @param value     the value (SI)
 * @param unit      unit of the value ("" for dimensionless)
 * @param source    where it comes from (a standard, a handbook, a paper, "case file")
 * @param estimated whether it is an estimate
 */
public record FatigueConstant(String key, double value, String unit, String source, boolean estimated) {

    /** "sigma_f' 1.1e+09 Pa [E]" */
    public String text() {
        return String.format(Locale.ROOT, "%s %.4g%s%s", key, value, unit.isEmpty() ? "" : " " + unit,
                estimated ? " [E]" : "");
    }
}
