package org.wafersim.cases;

import static org.wafersim.cases.CaseSchema.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wafersim.cases.ConnectorTechSpec.Technology;
import org.wafersim.reliability.ReliabilityParameters;
import org.wafersim.reliability.ReliabilityParameters.DefectModel;
import org.wafersim.units.Dimension;

/**
 * The key tables of the blocks about lifetime: {@code reliability} (defects, spares, design life, the R(t) axis, the
 * connector's fatigue constants, a qualification test, the wear-out mechanisms), {@code connector} (the contact
 * technology) and {@code criteria} (the verdict). Rows as in {@link CaseSchema}, which holds the other blocks and the
 * root; only {@link CaseSchema#ROOT} refers to these tables, so they are initialised from it.
 */
final class ReliabilityKeys {
    private ReliabilityKeys() { }

    static final Obj CONNECTOR_FATIGUE = obj(
            "power_cycles_per_week", number().def("1.0").in(0, true, ReliabilityReader.MAX_POWER_CYCLES_PER_WEEK, true)
                    .note("off <-> full load cycles per week; 0 = never switched off")
                    .doc("off <-> full-load power cycles per week"),
            "fatigue_ductility_coefficient", number().positive()
                    .doc("solder: Engelmaier's eps_f' (default the connector material's or IPC-SM-785's)"),
            "engelmaier_c0", number().lt(0).note("IPC-SM-785: -0.442").doc("solder: Engelmaier's c0"),
            "engelmaier_c_temperature", q(Dimension.INVERSE_TEMPERATURE).doc("solder: Engelmaier's c_T"),
            "engelmaier_c_frequency", number().nonNegative().note("IPC-SM-785: 0.0174")
                    .doc("solder: Engelmaier's c_f"),
            "weibull_shape", number().positive().doc("Weibull shape of the contacts' lives"),
            "pitch", q(Dimension.LENGTH).def("1 mm").positive().note("the connector's contact pitch")
                    .doc("contact pitch: 1/pitch^2 contacts per area [E]"))
            .doc("connector fatigue: the power cycle and solder constants");

    static final Obj QUALIFICATION = obj(
            "low", q(Dimension.TEMPERATURE).absolute().doc("test low temperature"),
            "high", q(Dimension.TEMPERATURE).doc("test high temperature (above low)"),
            "dwell", q(Dimension.TIME).nonNegative().doc("dwell at each extreme (two dwells shorter than a period)"),
            "per_day", number().positive().note("test cycles per day").doc("test cycles per day"),
            "cycles_to_failure", number().positive().doc("the test's median cycles to failure N50"),
            "characteristic_life", number().positive().note("cycles to 63.2 % failed")
                    .doc("Weibull characteristic life in cycles; with weibull_slope, instead of cycles_to_failure"),
            "weibull_slope", number().positive().doc("Weibull slope of the test result"))
            .doc("a connector thermal-cycling test and its result: field life by Norris-Landzberg");

    private static Obj mechanism(boolean time, boolean em, boolean sm) {
        Map<String, Shape> m = new LinkedHashMap<>();
        m.put("enabled", bool(true).doc("whether the mechanism counts"));
        if (time) m.put("activation_energy", q(Dimension.ENERGY).doc("activation energy, 0 .. 5 eV"));
        if (em) m.put("current_exponent", number().nonNegative().doc("Black's current-density exponent n"));
        if (sm) {
            m.put("exponent", number().nonNegative().doc("stress-migration exponent N"));
            m.put("stress_free_temperature", q(Dimension.TEMPERATURE).absolute()
                    .doc("stress-free temperature T0 (above reference_temperature)"));
        }
        if (!time) m.put("exponent", number().positive().doc("Coffin-Manson exponent q"));
        m.put("weibull_shape", number().positive().doc("Weibull shape beta; instead of lognormal_sigma"));
        m.put("lognormal_sigma", number().positive().doc("lognormal sigma; instead of weibull_shape"));
        if (time) {
            m.put("reference_mttf", q(Dimension.TIME).positive().doc("MTTF at reference_temperature (default:"
                    + " calibrated to the qualification target)"));
            m.put("reference_temperature", q(Dimension.TEMPERATURE).absolute()
                    .doc("temperature of reference_mttf (only with it)"));
        } else {
            m.put("reference_cycles", number().positive().doc("mean cycles to failure at reference_swing"));
            m.put("reference_swing", q(Dimension.TEMPERATURE_DIFFERENCE).positive()
                    .doc("temperature swing of reference_cycles (only with it)"));
        }
        return new Obj(m, null);
    }

    static final Obj WEAR_OUT = obj(
            "electromigration", mechanism(true, true, false).doc("electromigration (Black)"),
            "tddb", mechanism(true, false, false).doc("time-dependent dielectric breakdown"),
            "nbti", mechanism(true, false, false).doc("negative-bias temperature instability"),
            "stress_migration", mechanism(true, false, true).doc("stress migration"),
            "thermal_cycling", mechanism(false, false, false).doc("thermal-cycling fatigue of the cores"))
            .doc("overrides of the wear-out mechanisms (defaults: the reliability library's, reference-data C)");

    static final Obj RELIABILITY = obj(
            "defect_density", q(Dimension.AREA_DENSITY).def("0.09 /cm^2").nonNegative()
                    .doc("manufacturing defect density D0 [E]"),
            "clustering", choice("defect clustering", DefectModel.values(), c -> c.key).def(DefectModel.POISSON.key)
                    .doc("defect statistics"),
            "alpha", number().def(Double.toString(ReliabilityParameters.DEFAULT_CLUSTERING_ALPHA)).positive()
                    .note("the clustering parameter; smaller = more clustered")
                    .doc("negative_binomial only: the clustering parameter"),
            "non_redundant_area", q(Dimension.AREA).nonNegative().derived("none")
                    .doc("area of each die where a defect kills the die whatever its spares (I/O, clocking, the"
                            + " fabric's non-redundant logic); less than the die's area"),
            "spares_after_manufacturing", bool(false)
                    .doc("field failures may use only the spares left after manufacturing repair"),
            "design_life", q(Dimension.TIME).positive().derived("criteria.design_life, else cycling.life")
                    .doc("the life R(t) is judged at"),
            "time_points", whole().def(Integer.toString(ReliabilitySpec.DEFAULT_TIME_POINTS))
                    .in(2, true, ReliabilityReader.MAX_TIME_POINTS, true).doc("points of the R(t) curve"),
            "horizon", q(Dimension.TIME).positive().note("the end of the R(t) curve").derived("2 x design_life")
                    .doc("end of the R(t) curve"),
            "connector", CONNECTOR_FATIGUE,
            "qualification", QUALIFICATION,
            "wear_out", WEAR_OUT)
            .doc("yield and lifetime (with analysis.reliability: true)");

    private static final String NEGATIVE_EXPONENT = "strain-life exponents are negative: the life falls as the strain"
            + " grows; e.g. b -0.09, c -0.56";

    static final Obj SPRING = obj(
            "alloy", choice("contact alloy", ConnectorTechSpec.Spring.ALLOYS)
                    .def(ConnectorTechSpec.Spring.DEFAULT_ALLOY).doc("the contact's alloy (strain-life constants [E])"),
            "length", q(Dimension.LENGTH).def(ConnectorTechSpec.Spring.DEFAULT_LENGTH).positive()
                    .doc("beam length (at most the pitch cell's diagonal)"),
            "thickness", q(Dimension.LENGTH).def(ConnectorTechSpec.Spring.DEFAULT_THICKNESS).positive()
                    .doc("beam thickness (length at least 5 x thickness)"),
            "shape", choice("beam shape", ConnectorTechSpec.Spring.SHAPES).def("cantilever")
                    .doc("cantilever (free tip) or guided (tip held parallel)"))
            .doc("spring contacts: beam bending strain, then Coffin-Manson-Basquin");

    static final Obj SOLDER = obj(
            "height", q(Dimension.LENGTH).positive()
                    .derived("the connector layer's thickness").doc("joint height"))
            .doc("solder joints: Engelmaier on the joint's shear strain");

    static final Obj CUSTOM = obj(
            "kinematics", choice("kinematics", List.of("bending", "shear")).def("bending")
                    .doc("bending: a beam like spring; shear: a joint like solder"),
            "length", q(Dimension.LENGTH).def(ConnectorTechSpec.Spring.DEFAULT_LENGTH).positive()
                    .doc("bending: beam length"),
            "thickness", q(Dimension.LENGTH).def(ConnectorTechSpec.Spring.DEFAULT_THICKNESS).positive()
                    .doc("bending: beam thickness"),
            "shape", choice("beam shape", ConnectorTechSpec.Spring.SHAPES).def("cantilever")
                    .doc("bending: cantilever or guided"),
            "height", q(Dimension.LENGTH).positive().derived("the connector layer's thickness")
                    .doc("shear: joint height"),
            "curve", choice("fatigue curve", List.of("strain_life", "s_n")).doc("the fatigue curve"),
            "youngs_modulus", q(Dimension.PRESSURE).positive().doc("the contact's Young's modulus"),
            "fatigue_strength_coefficient", q(Dimension.PRESSURE).positive().doc("strain_life: sigma_f'"),
            "fatigue_strength_exponent", number().lt(0).note(NEGATIVE_EXPONENT).doc("strain_life: Basquin's b"),
            "fatigue_ductility_coefficient", number().def("0").nonNegative().note("0: the elastic line only")
                    .doc("strain_life: eps_f'"),
            "fatigue_ductility_exponent", number().lt(0).note(NEGATIVE_EXPONENT).derived("-0.6 when eps_f' is 0")
                    .doc("strain_life: Coffin-Manson's c"),
            "stress_amplitude", q(Dimension.PRESSURE).positive().doc("s_n: S_ref, the stress amplitude of the point"),
            "cycles", number().positive().note("N_ref of the S-N point").doc("s_n: N_ref"),
            "exponent", number().positive().note("k of N = N_ref (S_ref/S_a)^k: the life falls as the stress grows")
                    .doc("s_n: k"))
            .doc("a user's fatigue curve");

    static final Obj CONNECTOR = obj(
            "technology", choice("connector technology", Technology.values(), t -> t.key).def(Technology.SPRING.key)
                    .doc("the connector's fatigue model"),
            "spring", SPRING,
            "solder", SOLDER,
            "custom", CUSTOM)
            .doc("the connector as a technology: which fatigue model judges its contacts");

    static final Obj CRITERIA = obj(
            "junction_limit", q(Dimension.TEMPERATURE).def(CriteriaSpec.DEFAULT_JUNCTION_LIMIT).absolute()
                    .doc("hottest core temperature allowed (over the whole run)"),
            "design_life", q(Dimension.TIME).positive().derived("reliability.design_life, else cycling.life")
                    .doc("the design life (sets reliability.design_life too)"),
            "min_reliability", number().def(Double.toString(CriteriaSpec.DEFAULT_MIN_RELIABILITY))
                    .in(0, false, 1, false).note("the least wafer reliability at the design life")
                    .doc("least wafer reliability at the design life [E]"),
            "max_connector_strain", q(Dimension.DIMENSIONLESS).in(0, false, 1, false)
                    .note("a strain range, e.g. \"0.5 %\"").doc("largest connector strain range (optional)"),
            "min_connector_life", q(Dimension.TIME).positive().derived("the design life")
                    .doc("least life of the first connector contact"),
            "max_warpage", q(Dimension.LENGTH).def(CriteriaSpec.DEFAULT_MAX_WARPAGE).positive()
                    .doc("largest wafer warpage, peak to valley [E]"),
            "max_silicon_stress", number().def(Double.toString(CriteriaSpec.DEFAULT_MAX_SILICON_STRESS))
                    .in(0, false, 1, true).note("a fraction of the silicon's fracture strength")
                    .doc("largest silicon stress as a fraction of its fracture strength [E]"),
            "max_coolant_pressure_drop", q(Dimension.PRESSURE).positive()
                    .doc("largest coolant pressure drop (judged when the plate geometry gives one)"))
            .doc("design criteria: the verdict table");
}
