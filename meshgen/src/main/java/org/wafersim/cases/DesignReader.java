package org.wafersim.cases;

import org.wafersim.cases.CaseReader.Q;
import org.wafersim.cases.CaseReader.Section;
import org.wafersim.cases.ConnectorTechSpec.Technology;
import org.wafersim.units.Dimension;

/**
 * Reads the design blocks of a case: {@code criteria} (the limits of the verdict, {@link CriteriaSpec}) and
 * {@code connector} (the connector's technology and the geometry and constants of its fatigue model,
 * {@link ConnectorTechSpec}). Both are read whatever the analysis, with every default written to the resolved case.
 */
final class DesignReader {
    private final CaseReader r;

    DesignReader(CaseReader r) { this.r = r; }

    /** The design life text given in {@code criteria.design_life}, or null (read before the reliability block). */
    static String designLifeText(Section c) {
        return c.has("design_life") && c.in.get("design_life").isTextual() ? c.in.get("design_life").textValue() : null;
    }

    /**
     * {@code criteria}.
     *
     * @param c             the block (empty when absent)
     * @param designLife    the reliability block's design life, s (its default is {@code criteria.design_life} when
     *                      given, else {@code cycling.life})
     * @param designLifeText that design life as written
     */
    CriteriaSpec criteria(Section c, double designLife, String designLifeText) {
        Q tj = c.quantity("junction_limit", Dimension.TEMPERATURE, CriteriaSpec.DEFAULT_JUNCTION_LIMIT);
        r.check(tj.v() > 0, tj, "junction_limit must be above absolute zero");
        Q life = c.quantity("design_life", Dimension.TIME, designLifeText);
        r.check(life.v() > 0, life, "design_life must be > 0");
        if (Math.abs(life.v() - designLife) > 1e-9 * designLife) {
            throw r.error(life.path(), "criteria.design_life (" + life.text() + ") differs from"
                    + " reliability.design_life (" + designLifeText + "); give the design life once (criteria.design_life"
                    + " sets both)");
        }
        Q rel = c.number("min_reliability", CriteriaSpec.DEFAULT_MIN_RELIABILITY);
        r.check(rel.v() > 0 && rel.v() < 1, rel, "min_reliability (the least wafer reliability at the design life)"
                + " must be in (0, 1), got " + rel.text());
        Double strain = null;
        if (c.has("max_connector_strain")) {
            Q s = c.quantity("max_connector_strain", Dimension.DIMENSIONLESS, null);
            r.check(s.v() > 0 && s.v() < 1, s, "max_connector_strain (a strain range, e.g. \"0.5 %\") must be in"
                    + " (0, 1), got " + s.text());
            strain = s.v();
        } else {
            c.raw("max_connector_strain");
        }
        Q cl = c.quantity("min_connector_life", Dimension.TIME, life.text());
        r.check(cl.v() > 0, cl, "min_connector_life must be > 0");
        Q warp = c.quantity("max_warpage", Dimension.LENGTH, CriteriaSpec.DEFAULT_MAX_WARPAGE);
        r.check(warp.v() > 0, warp, "max_warpage must be > 0");
        Q si = c.number("max_silicon_stress", CriteriaSpec.DEFAULT_MAX_SILICON_STRESS);
        r.check(si.v() > 0 && si.v() <= 1, si, "max_silicon_stress is a fraction of the silicon's fracture strength"
                + " and must be in (0, 1], got " + si.text());
        Double dp = null;
        if (c.has("max_coolant_pressure_drop")) {
            Q p = c.quantity("max_coolant_pressure_drop", Dimension.PRESSURE, null);
            r.check(p.v() > 0, p, "max_coolant_pressure_drop must be > 0");
            dp = p.v();
        } else {
            c.raw("max_coolant_pressure_drop");
        }
        c.done();
        return new CriteriaSpec(tj.v(), life.v(), rel.v(), strain, cl.v(), warp.v(), si.v(), dp);
    }

    /**
     * {@code connector}.
     *
     * @param c     the block (empty when absent)
     * @param rel   the reliability block (its {@code connector.pitch}, and Engelmaier overrides that only solder uses)
     */
    ConnectorTechSpec connector(Section c, ReliabilitySpec rel) {
        Technology tech = c.choice("technology", CaseReader.keys(Technology.values(), t -> t.key),
                Technology::fromKey, Technology.SPRING.key, "connector technology");
        for (Technology t : Technology.values()) {
            if (t != tech && c.has(t.key)) {
                throw r.error(c.sub(t.key), "the block " + t.key + " applies only to technology: " + t.key
                        + " (connector.technology is " + tech.key + ")");
            }
            if (t != tech) c.raw(t.key);
        }
        ReliabilitySpec.ConnectorSpec rc = rel.connector();
        if (tech != Technology.SOLDER) {
            String k = rc.ductilityCoefficient() != null ? "fatigue_ductility_coefficient" : rc.c0() != null
                    ? "engelmaier_c0" : rc.cPerKelvin() != null ? "engelmaier_c_temperature"
                    : rc.cLogFrequency() != null ? "engelmaier_c_frequency" : null;
            if (k != null) {
                throw r.error("reliability.connector." + k, "Engelmaier's constants apply only to"
                        + " connector.technology: solder (the connector is " + tech.key + ")");
            }
        }
        ConnectorTechSpec out = switch (tech) {
            case SPRING -> new ConnectorTechSpec(tech, spring(c.section("spring", false), rel.connector().pitch()),
                    null, null);
            case SOLDER -> new ConnectorTechSpec(tech, null, solder(c.section("solder", false)), null);
            case CUSTOM -> new ConnectorTechSpec(tech, null, null, custom(c.section("custom", true),
                    rel.connector().pitch()));
        };
        c.done();
        return out;
    }

    private ConnectorTechSpec.Spring spring(Section s, double pitch) {
        String alloy = s.choice("alloy", ConnectorTechSpec.Spring.ALLOYS, a -> ConnectorTechSpec.Spring.ALLOYS
                .contains(a) ? a : null, ConnectorTechSpec.Spring.DEFAULT_ALLOY, "contact alloy");
        double[] beam = beam(s, ConnectorTechSpec.Spring.DEFAULT_LENGTH, ConnectorTechSpec.Spring.DEFAULT_THICKNESS,
                pitch);
        String shape = s.choice("shape", ConnectorTechSpec.Spring.SHAPES, a -> ConnectorTechSpec.Spring.SHAPES
                .contains(a) ? a : null, "cantilever", "beam shape");
        s.done();
        return new ConnectorTechSpec.Spring(alloy, beam[0], beam[1], shape);
    }

    /** length and thickness of a contact beam, checked: slender (L >= 5 t) and fitting its pitch cell (L <= √2 p). */
    private double[] beam(Section s, String dfltLength, String dfltThickness, double pitch) {
        Q l = s.quantity("length", Dimension.LENGTH, dfltLength);
        r.check(l.v() > 0, l, "length must be > 0");
        r.check(l.v() <= Math.sqrt(2) * pitch * (1 + 1e-12), l, "a " + l.text() + " contact does not fit its"
                + " pitch cell: at reliability.connector.pitch " + CaseReader.mm(pitch) + " the longest contact is the"
                + " cell's diagonal, " + CaseReader.mm(Math.sqrt(2) * pitch));
        Q t = s.quantity("thickness", Dimension.LENGTH, dfltThickness);
        r.check(t.v() > 0, t, "thickness must be > 0");
        r.check(l.v() >= 5 * t.v(), t, "the beam model needs a slender contact: length (" + l.text() + ") at least 5"
                + " x thickness");
        return new double[] {l.v(), t.v()};
    }

    private ConnectorTechSpec.Solder solder(Section s) {
        Double h = null;
        if (s.has("height")) {
            Q q = s.quantity("height", Dimension.LENGTH, null);
            r.check(q.v() > 0, q, "height must be > 0");
            h = q.v();
        } else {
            s.raw("height");
        }
        s.done();
        return new ConnectorTechSpec.Solder(h);
    }

    private ConnectorTechSpec.Custom custom(Section s, double pitch) {
        java.util.List<String> kin = java.util.List.of("bending", "shear"), curves = java.util.List.of("strain_life", "s_n");
        String kinematics = s.choice("kinematics", kin, a -> kin.contains(a) ? a : null, "bending", "kinematics");
        Double length = null, thickness = null, height = null;
        String shape = null;
        if (kinematics.equals("bending")) {
            double[] beam = beam(s, ConnectorTechSpec.Spring.DEFAULT_LENGTH, ConnectorTechSpec.Spring.DEFAULT_THICKNESS,
                    pitch);
            length = beam[0];
            thickness = beam[1];
            shape = s.choice("shape", ConnectorTechSpec.Spring.SHAPES, a -> ConnectorTechSpec.Spring.SHAPES.contains(a)
                    ? a : null, "cantilever", "beam shape");
            reject(s, "height", "height applies to kinematics: shear");
        } else {
            for (String k : new String[] {"length", "thickness", "shape"}) reject(s, k, k + " applies to kinematics: bending");
            if (s.has("height")) {
                Q q = s.quantity("height", Dimension.LENGTH, null);
                r.check(q.v() > 0, q, "height must be > 0");
                height = q.v();
            } else {
                s.raw("height");
            }
        }
        String curve = s.choice("curve", curves, a -> curves.contains(a) ? a : null, null, "fatigue curve");
        Double sf = null, e, b = null, ef = null, c = null, sa = null, n = null, k = null;
        e = positive(s, "youngs_modulus", Dimension.PRESSURE);
        if (curve.equals("strain_life")) {
            sf = positive(s, "fatigue_strength_coefficient", Dimension.PRESSURE);
            b = negative(s, "fatigue_strength_exponent");
            Q q = s.number("fatigue_ductility_coefficient", 0.0);
            r.check(q.v() >= 0, q, "fatigue_ductility_coefficient must be >= 0 (0: the elastic line only)");
            ef = q.v();
            c = ef > 0 ? negative(s, "fatigue_ductility_exponent") : null;
            if (c == null) {
                if (s.has("fatigue_ductility_exponent")) c = negative(s, "fatigue_ductility_exponent");
                else { s.raw("fatigue_ductility_exponent"); c = -0.6; }
            }
            for (String x : new String[] {"stress_amplitude", "cycles", "exponent"}) reject(s, x, x + " applies to curve: s_n");
        } else {
            sa = positive(s, "stress_amplitude", Dimension.PRESSURE);
            Q q = s.number("cycles", null);
            r.check(q.v() > 0, q, "cycles (N_ref of the S-N point) must be > 0");
            n = q.v();
            Q kq = s.number("exponent", null);
            r.check(kq.v() > 0, kq, "exponent (k of N = N_ref (S_ref/S_a)^k) must be > 0: the life falls as the stress"
                    + " grows; got " + kq.text());
            k = kq.v();
            for (String x : new String[] {"fatigue_strength_coefficient", "fatigue_strength_exponent",
                    "fatigue_ductility_coefficient", "fatigue_ductility_exponent"}) {
                reject(s, x, x + " applies to curve: strain_life");
            }
        }
        s.done();
        return new ConnectorTechSpec.Custom(kinematics, length, thickness, shape, height, curve, sf, e, b, ef, c, sa, n,
                k);
    }

    private Double positive(Section s, String key, Dimension d) {
        Q q = s.quantity(key, d, null);
        r.check(q.v() > 0, q, key + " must be > 0");
        return q.v();
    }

    private Double negative(Section s, String key) {
        Q q = s.number(key, null);
        r.check(q.v() < 0, q, key + " must be < 0 (strain-life exponents are negative: the life falls as the strain"
                + " grows; e.g. b -0.09, c -0.56), got " + q.text());
        return q.v();
    }

    private void reject(Section s, String key, String reason) {
        if (s.has(key)) throw r.error(s.sub(key), reason);
        s.raw(key);
    }
}
