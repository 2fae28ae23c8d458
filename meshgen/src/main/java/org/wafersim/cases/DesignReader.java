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
        Q tj = c.quantity("junction_limit");
        Q life = c.quantity("design_life", designLifeText);
        if (Math.abs(life.v() - designLife) > 1e-9 * designLife) {
            throw r.error(life.path(), "criteria.design_life (" + life.text() + ") differs from"
                    + " reliability.design_life (" + designLifeText + "); give the design life once (criteria.design_life"
                    + " sets both)");
        }
        Q rel = c.number("min_reliability");
        Q s = c.optionalQuantity("max_connector_strain");
        Double strain = s == null ? null : s.v();
        Q cl = c.quantity("min_connector_life", life.text());
        Q warp = c.quantity("max_warpage");
        Q si = c.number("max_silicon_stress");
        Q p = c.optionalQuantity("max_coolant_pressure_drop");
        Double dp = p == null ? null : p.v();
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
        Technology tech = c.choice("technology", Technology::fromKey);
        for (Technology t : Technology.values()) {
            if (t != tech && c.has(t.key)) {
                throw r.error(c.sub(t.key), "the block " + t.key + " applies only to technology: " + t.key
                        + " (connector.technology is " + tech.key + ")");
            }
            if (t != tech) c.raw(t.key);
        }
        String k = rel.firstEngelmaierOverride();
        if (tech != Technology.SOLDER && k != null) {
            throw r.error("reliability.connector." + k, "Engelmaier's constants apply only to"
                    + " connector.technology: solder (the connector is " + tech.key + ")");
        }
        ConnectorTechSpec out = switch (tech) {
            case SPRING -> new ConnectorTechSpec(tech, spring(c.section("spring", false), rel.pitch()),
                    null, null);
            case SOLDER -> new ConnectorTechSpec(tech, null, solder(c.section("solder", false)), null);
            case CUSTOM -> new ConnectorTechSpec(tech, null, null, custom(c.section("custom", true),
                    rel.pitch()));
        };
        c.done();
        return out;
    }

    private ConnectorTechSpec.Spring spring(Section s, double pitch) {
        String alloy = s.choice("alloy");
        double[] beam = beam(s, pitch);
        String shape = s.choice("shape");
        s.done();
        return new ConnectorTechSpec.Spring(alloy, beam[0], beam[1], shape);
    }

    /** length and thickness of a contact beam, checked: slender (L >= 5 t) and fitting its pitch cell (L <= √2 p). */
    private double[] beam(Section s, double pitch) {
        Q l = s.quantity("length");
        r.check(l.v() <= Math.sqrt(2) * pitch * (1 + 1e-12), l, "a " + l.text() + " contact does not fit its"
                + " pitch cell: at reliability.connector.pitch " + CaseReader.mm(pitch) + " the longest contact is the"
                + " cell's diagonal, " + CaseReader.mm(Math.sqrt(2) * pitch));
        Q t = s.quantity("thickness");
        r.check(l.v() >= 5 * t.v(), t, "the beam model needs a slender contact: length (" + l.text() + ") at least 5"
                + " x thickness");
        return new double[] {l.v(), t.v()};
    }

    private ConnectorTechSpec.Solder solder(Section s) {
        Q q = s.optionalQuantity("height");
        Double h = q == null ? null : q.v();
        s.done();
        return new ConnectorTechSpec.Solder(h);
    }

    private ConnectorTechSpec.Custom custom(Section s, double pitch) {
        String kinematics = s.choice("kinematics");
        Double length = null, thickness = null, height = null;
        String shape = null;
        if (kinematics.equals("bending")) {
            double[] beam = beam(s, pitch);
            length = beam[0];
            thickness = beam[1];
            shape = s.choice("shape");
            reject(s, "height", "height applies to kinematics: shear");
        } else {
            for (String k : new String[] {"length", "thickness", "shape"}) reject(s, k, k + " applies to kinematics: bending");
            Q q = s.optionalQuantity("height");
            height = q == null ? null : q.v();
        }
        String curve = s.choice("curve");
        Double sf = null, e, b = null, ef = null, c = null, sa = null, n = null, k = null;
        e = s.quantity("youngs_modulus").v();
        if (curve.equals("strain_life")) {
            sf = s.quantity("fatigue_strength_coefficient").v();
            b = s.number("fatigue_strength_exponent").v();
            ef = s.number("fatigue_ductility_coefficient").v();
            c = ef > 0 || s.has("fatigue_ductility_exponent") ? s.number("fatigue_ductility_exponent").v()
                    : derivedDuctilityExponent(s);
            for (String x : new String[] {"stress_amplitude", "cycles", "exponent"}) reject(s, x, x + " applies to curve: s_n");
        } else {
            sa = s.quantity("stress_amplitude").v();
            n = s.number("cycles").v();
            k = s.number("exponent").v();
            for (String x : new String[] {"fatigue_strength_coefficient", "fatigue_strength_exponent",
                    "fatigue_ductility_coefficient", "fatigue_ductility_exponent"}) {
                reject(s, x, x + " applies to curve: strain_life");
            }
        }
        s.done();
        return new ConnectorTechSpec.Custom(kinematics, length, thickness, shape, height, curve, sf, e, b, ef, c, sa, n,
                k);
    }

    /** With eps_f' = 0 the plastic term vanishes and c does not enter the life; -0.6 keeps the record well formed. */
    private static double derivedDuctilityExponent(Section s) {
        s.raw("fatigue_ductility_exponent");
        return -0.6;
    }

    private void reject(Section s, String key, String reason) {
        if (s.has(key)) throw r.error(s.sub(key), reason);
        s.raw(key);
    }
}
