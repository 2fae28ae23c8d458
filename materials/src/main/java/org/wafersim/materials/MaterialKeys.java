package org.wafersim.materials;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wafersim.units.Dimension;

/**
 * The property keys of a material, as written in case files ({@code materials: { my_mat: { base: copper,
 * conductivity: "380 W/(m*K)" } }}) and in the built-in resource file, with their dimensions.
 * The order here is the order in which they are applied and listed, so that an in-plane value is set before the
 * through-thickness one that may override it.
 */
final class MaterialKeys {

    /** Text keys: not quantities. */
    static final String DESCRIPTION = "description";
    static final String CATEGORY = "category";
    static final String MECHANICS = "mechanics";

    // Fatigue keys read back into FatigueParameters.
    static final String FATIGUE_DUCTILITY = "fatigue_ductility_coefficient";
    static final String COFFIN_MANSON = "coffin_manson_exponent";
    static final String ENGELMAIER_C0 = "engelmaier_c0";
    static final String ENGELMAIER_CT = "engelmaier_c_temperature";
    static final String ENGELMAIER_CF = "engelmaier_c_frequency";

    /** Core keys: stored in typed fields of {@link Material}. */
    static final Map<String, Dimension> CORE;
    /** Further optional properties, listed and available through {@link Material#property(String)}. */
    static final Map<String, Dimension> EXTRA;

    static {
        Map<String, Dimension> core = new LinkedHashMap<>();
        core.put("density", Dimension.DENSITY);
        core.put("specific_heat", Dimension.SPECIFIC_HEAT);
        core.put("conductivity", Dimension.THERMAL_CONDUCTIVITY);
        core.put("conductivity_in_plane", Dimension.THERMAL_CONDUCTIVITY);
        core.put("conductivity_x", Dimension.THERMAL_CONDUCTIVITY);
        core.put("conductivity_y", Dimension.THERMAL_CONDUCTIVITY);
        core.put("conductivity_through", Dimension.THERMAL_CONDUCTIVITY);
        core.put("conductivity_z", Dimension.THERMAL_CONDUCTIVITY);
        core.put("youngs_modulus", Dimension.PRESSURE);
        core.put("youngs_modulus_through", Dimension.PRESSURE);
        core.put("poisson_ratio", Dimension.DIMENSIONLESS);
        core.put("poisson_ratio_through", Dimension.DIMENSIONLESS);
        core.put("shear_modulus_through", Dimension.PRESSURE);
        core.put("cte", Dimension.INVERSE_TEMPERATURE);
        core.put("cte_through", Dimension.INVERSE_TEMPERATURE);
        core.put("fracture_strength", Dimension.PRESSURE);
        core.put("yield_strength", Dimension.PRESSURE);
        CORE = Collections.unmodifiableMap(core);

        Map<String, Dimension> extra = new LinkedHashMap<>();
        extra.put("tensile_strength", Dimension.PRESSURE);
        extra.put("fracture_toughness", Dimension.STRESS_INTENSITY);
        extra.put("weibull_modulus", Dimension.DIMENSIONLESS);
        extra.put("glass_transition", Dimension.TEMPERATURE);
        extra.put("melting_point", Dimension.TEMPERATURE);
        extra.put("stress_free_temperature", Dimension.TEMPERATURE);
        extra.put("contact_resistance", Dimension.THERMAL_RESISTANCE_AREA);
        extra.put("typical_thickness", Dimension.LENGTH);
        extra.put("precompression_strain", Dimension.DIMENSIONLESS);
        extra.put("dynamic_viscosity", Dimension.DYNAMIC_VISCOSITY);
        extra.put("volumetric_expansion", Dimension.INVERSE_TEMPERATURE);
        extra.put(COFFIN_MANSON, Dimension.DIMENSIONLESS);
        extra.put(FATIGUE_DUCTILITY, Dimension.DIMENSIONLESS);
        extra.put(ENGELMAIER_C0, Dimension.DIMENSIONLESS);
        extra.put(ENGELMAIER_CT, Dimension.INVERSE_TEMPERATURE);
        extra.put(ENGELMAIER_CF, Dimension.DIMENSIONLESS);
        extra.put("norris_landzberg_dt_exponent", Dimension.DIMENSIONLESS);
        extra.put("norris_landzberg_frequency_exponent", Dimension.DIMENSIONLESS);
        extra.put("norris_landzberg_ea_over_k", Dimension.TEMPERATURE_DIFFERENCE);
        extra.put("weibull_shape", Dimension.DIMENSIONLESS);
        EXTRA = Collections.unmodifiableMap(extra);
    }

    private MaterialKeys() { }

    static boolean isQuantity(String key) {
        return CORE.containsKey(key) || EXTRA.containsKey(key);
    }

    static boolean isText(String key) {
        return DESCRIPTION.equals(key) || CATEGORY.equals(key) || MECHANICS.equals(key);
    }

    static Dimension dimension(String key) {
        Dimension d = CORE.get(key);
        return d != null ? d : EXTRA.get(key);
    }

    /** Every key a user may write, in application order. */
    static List<String> userKeys() {
        List<String> keys = new ArrayList<>();
        keys.add(DESCRIPTION);
        keys.add(CATEGORY);
        keys.add(MECHANICS);
        keys.addAll(CORE.keySet());
        keys.addAll(EXTRA.keySet());
        return Collections.unmodifiableList(keys);
    }
}
