package org.wafersim.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wafersim.cases.CaseReader.Q;
import org.wafersim.cases.CaseReader.Section;
import org.wafersim.cases.CaseSpec.ThermalAnalysis;
import org.wafersim.cases.ReliabilitySpec.Clustering;
import org.wafersim.cases.ReliabilitySpec.Distribution;
import org.wafersim.cases.ReliabilitySpec.MechanismSpec;
import org.wafersim.units.Dimension;

/**
 * Reads the {@code reliability} block into a {@link ReliabilitySpec}. Every key is optional: the top-level keys get
 * their defaults written into the resolved case (reference-data C.5 for the defects, {@code cycling.life} for the
 * design life); the wear-out overrides ({@code wear_out.<mechanism>.<key>}) are written only when given, because
 * their defaults (and the calibrated reference lives) belong to the solver's reliability library.
 *
 * <p>The block is read and checked whatever {@code analysis.reliability} says, so one case file can be switched
 * with {@code --set analysis.reliability=true}. Reliability needs an operating point to age the cores at: the steady
 * temperatures, or the cycle-mean temperatures and swings of a {@code cycle} run; a {@code transient} run of fixed
 * length has none, so that combination is refused.
 *
 * <p>The checks here mirror those of {@code org.wafersim.reliability} (which stays the backstop when the solver
 * builds its parameters), so that bad input is caught by the loader, before any solve, and by {@code wafersim sweep}
 * when it checks every point.
 */
final class ReliabilityReader {
    static final String DEFAULT_DEFECT_DENSITY = "0.09 /cm^2";      // reference-data C.5 [E]
    /** Number of R(t) points above which the curve costs more than the thermal solve it follows. */
    static final int MAX_TIME_POINTS = 10_000;
    /** Wear-out activation energies are 0.1–1.5 eV (reference-data C.1); far above that is a unit mistake. */
    static final double MAX_ACTIVATION_ENERGY_EV = 5.0;
    /** Off/on cycles per week above which the "power cycle" is faster than one per hour (168 per week). */
    static final double MAX_POWER_CYCLES_PER_WEEK = 168;
    private static final double JOULE_PER_EV = 1.602176634e-19;     // exact since the 2019 SI redefinition

    private final CaseReader r;

    ReliabilityReader(CaseReader r) { this.r = r; }

    /**
     * @param s        the reliability block (empty when absent)
     * @param analysis {@code analysis.thermal} and {@code analysis.reliability}
     * @param lifeText {@code cycling.life} as written in the resolved case: the default design life
     */
    ReliabilitySpec read(Section s, CaseSpec.AnalysisSpec analysis, String lifeText) {
        if (analysis.reliability() && analysis.thermal() == ThermalAnalysis.TRANSIENT) {
            throw r.error("analysis.reliability", "reliability needs analysis.thermal: steady (the steady core"
                    + " temperatures) or cycle (the cycle-mean temperatures and per-core swings); a transient run of"
                    + " fixed length has no operating point to age the cores at");
        }
        Q d0 = s.quantity("defect_density", Dimension.AREA_DENSITY, DEFAULT_DEFECT_DENSITY);
        r.check(d0.v() >= 0, d0, "defect_density must be >= 0 (defects per area, e.g. \"0.09 /cm^2\")");
        Clustering clustering = s.choice("clustering", CaseReader.keys(Clustering.values(), c -> c.key),
                Clustering::fromKey, Clustering.POISSON.key, "defect clustering");
        double alpha = ReliabilitySpec.DEFAULT_ALPHA;
        if (clustering == Clustering.NEGATIVE_BINOMIAL) {
            Q a = s.number("alpha", ReliabilitySpec.DEFAULT_ALPHA);
            r.check(a.v() > 0, a, "alpha (the clustering parameter; smaller = more clustered) must be > 0");
            alpha = a.v();
        } else {
            reject(s, "alpha", "alpha applies only to clustering: negative_binomial (Poisson defects are not"
                    + " clustered)");
        }
        boolean after = s.bool("spares_after_manufacturing", false);
        Q life = s.quantity("design_life", Dimension.TIME, lifeText);
        r.check(life.v() > 0, life, "design_life must be > 0");
        int points = s.integer("time_points", ReliabilitySpec.DEFAULT_TIME_POINTS);
        if (points < 2 || points > MAX_TIME_POINTS) {
            throw r.error(s.sub("time_points"), "time_points must be in 2 .. " + MAX_TIME_POINTS + ", got " + points);
        }
        Q horizon = s.quantity("horizon", Dimension.TIME, TransientReader.time(2 * life.v()));
        r.check(horizon.v() > 0, horizon, "horizon (the end of the R(t) curve) must be > 0");
        Map<String, MechanismSpec> wearOut = new LinkedHashMap<>();
        Section w = s.optionalSection("wear_out");
        if (w != null) {
            for (String m : ReliabilitySpec.MECHANISMS) {
                Section ms = w.optionalSection(m);
                if (ms == null) continue;
                wearOut.put(m, mechanism(ms));
                ms.done();
            }
            w.done();
        }
        ReliabilitySpec.ConnectorSpec connector = connector(s.section("connector", false));
        QualificationSpec qualification = new QualificationReader(r).read(s.optionalSection("qualification"));
        return new ReliabilitySpec(d0.v(), clustering, alpha, after, life.v(), points, horizon.v(), wearOut,
                connector, qualification);
    }

    /**
     * {@code reliability.connector}: the power-cycle frequency and the contact pitch (written to the resolved case
     * with their defaults) and optional overrides of the connector material's fatigue constants.
     */
    private ReliabilitySpec.ConnectorSpec connector(Section c) {
        Q pc = c.number("power_cycles_per_week", ReliabilitySpec.ConnectorSpec.DEFAULT_POWER_CYCLES_PER_WEEK);
        // more than one off/on cycle per hour is no power cycle but a workload; 0 = the wafer is never switched off
        r.check(pc.v() >= 0 && pc.v() <= MAX_POWER_CYCLES_PER_WEEK, pc, "power_cycles_per_week (off <-> full load"
                + " cycles per week) must be in 0 .. " + CaseReader.num(MAX_POWER_CYCLES_PER_WEEK) + ", got " + pc.text());
        Double epsF = positive(c, "fatigue_ductility_coefficient");
        Double c0 = null;
        if (present(c, "engelmaier_c0")) {
            Q q = c.number("engelmaier_c0", null);
            // c = c0 + c_T*T + c_f*ln(1+f) must stay negative; c0 is -0.442 for solder (IPC-SM-785)
            r.check(q.v() < 0, q, "engelmaier_c0 must be < 0 (IPC-SM-785: -0.442), got " + q.text());
            c0 = q.v();
        }
        Double cT = null;
        if (present(c, "engelmaier_c_temperature")) {
            cT = c.quantity("engelmaier_c_temperature", Dimension.INVERSE_TEMPERATURE, null).v();
        }
        Double cF = null;
        if (present(c, "engelmaier_c_frequency")) {
            Q q = c.number("engelmaier_c_frequency", null);
            r.check(q.v() >= 0, q, "engelmaier_c_frequency must be >= 0 (IPC-SM-785: 0.0174), got " + q.text());
            cF = q.v();
        }
        Double beta = positive(c, "weibull_shape");
        // contacts per unit area = 1/pitch^2; written to the resolved case with its default ([E]: no public
        // geometry of a wafer-scale connector exists, reference-data says so)
        Q pitch = c.quantity("pitch", Dimension.LENGTH, ReliabilitySpec.ConnectorSpec.DEFAULT_PITCH_TEXT);
        r.check(pitch.v() > 0 && Double.isFinite(pitch.v()), pitch, "pitch (the connector's contact pitch) must be"
                + " > 0, got " + pitch.text());
        c.done();
        return new ReliabilitySpec.ConnectorSpec(pc.v(), epsF, c0, cT, cF, beta, pitch.v());
    }

    /** One mechanism's overrides; the schema has already refused keys that do not belong to it. */
    private MechanismSpec mechanism(Section m) {
        // thermal cycling counts cycles at a reference swing; the other mechanisms time at a reference temperature
        boolean cycles = m.shape.keys().containsKey("reference_cycles");
        Boolean enabled = m.has("enabled") ? m.bool("enabled", true) : absent(m, "enabled");
        Double ea = activationEnergy(m);
        Double n = nonNegative(m, "current_exponent");
        // Coffin-Manson's q must be > 0 (a life that does not fall with the swing is no fatigue law); N of stress
        // migration may be 0 (pure Arrhenius)
        Double exponent = cycles ? positive(m, "exponent") : nonNegative(m, "exponent");
        Distribution dist = null;
        Double shape = null;
        for (Distribution d : Distribution.values()) {
            Double v = positive(m, d.shapeKey);
            if (v == null) continue;
            if (dist != null) {
                throw r.error(m.sub(d.shapeKey), "give either weibull_shape or lognormal_sigma (the key names the"
                        + " lifetime distribution), not both");
            }
            dist = d;
            shape = v;
        }
        String lifeKey = cycles ? "reference_cycles" : "reference_mttf";
        String conditionKey = cycles ? "reference_swing" : "reference_temperature";
        Double refLife = cycles ? positive(m, lifeKey) : positiveQuantity(m, lifeKey, Dimension.TIME);
        if (refLife == null && m.has(conditionKey)) {
            throw r.error(m.sub(conditionKey), conditionKey + " applies only together with " + lifeKey + " (the"
                    + " calibrated default life is given at its own reference condition)");
        }
        Double refCondition = positiveQuantity(m, conditionKey,
                cycles ? Dimension.TEMPERATURE_DIFFERENCE : Dimension.TEMPERATURE);
        Double t0 = positiveQuantity(m, "stress_free_temperature", Dimension.TEMPERATURE);
        if (t0 != null && refCondition != null && !(t0 > refCondition)) {
            throw r.error(m.sub("stress_free_temperature"), "stress_free_temperature must be above"
                    + " reference_temperature (" + m.out.get("reference_temperature").asText() + "), got "
                    + m.out.get("stress_free_temperature").asText());
        }
        return new MechanismSpec(enabled, ea, n, exponent, t0, dist, shape, refLife, refCondition);
    }

    /** {@code activation_energy} in eV (an energy with its unit, e.g. "0.9 eV"), or null when absent. */
    private Double activationEnergy(Section m) {
        String key = "activation_energy";
        JsonNode raw = m.shape.keys().containsKey(key) ? m.raw(key) : null;
        if (raw == null) return null;
        if (raw.isNumber()) {
            throw r.error(m.sub(key), "missing unit: activation_energy is the bare number " + raw.asText()
                    + "; give it in eV, e.g. \"0.9 eV\"");
        }
        Q q = m.quantity(key, Dimension.ENERGY, null);
        double ev = q.v() / JOULE_PER_EV;
        r.check(ev >= 0 && ev <= MAX_ACTIVATION_ENERGY_EV, q, "activation_energy must be in 0 .. "
                + CaseReader.num(MAX_ACTIVATION_ENERGY_EV) + " eV (wear-out mechanisms have 0.1-1.5 eV; check the"
                + " unit)");
        return ev;
    }

    private Double nonNegative(Section m, String key) {
        if (!present(m, key)) return null;
        Q q = m.number(key, null);
        r.check(q.v() >= 0, q, key + " must be >= 0");
        return q.v();
    }

    private Double positive(Section m, String key) {
        if (!present(m, key)) return null;
        Q q = m.number(key, null);
        r.check(q.v() > 0, q, key + " must be > 0");
        return q.v();
    }

    private Double positiveQuantity(Section m, String key, Dimension d) {
        if (!present(m, key)) return null;
        Q q = m.quantity(key, d, null);
        r.check(q.v() > 0, q, key + (d == Dimension.TEMPERATURE ? " must be above absolute zero" : " must be > 0"));
        return q.v();
    }

    /** Whether the mechanism has the key and it is given; an absent key is marked as read. */
    private static boolean present(Section m, String key) {
        if (!m.shape.keys().containsKey(key)) return false;
        if (m.has(key)) return true;
        m.raw(key);
        return false;
    }

    private static <T> T absent(Section m, String key) {
        m.raw(key);
        return null;
    }

    /** {@code key} does not apply here: an error if given, otherwise marked as read. */
    private void reject(Section s, String key, String reason) {
        if (s.has(key)) throw r.error(s.sub(key), reason);
        s.raw(key);
    }
}
