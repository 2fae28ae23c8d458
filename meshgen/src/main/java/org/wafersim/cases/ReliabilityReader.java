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
    ReliabilitySpec read(Section s, CaseSpec.AnalysisSpec analysis, String lifeText, double dieArea) {
        if (analysis.reliability() && analysis.thermal() == ThermalAnalysis.TRANSIENT) {
            throw r.error("analysis.reliability", "reliability needs analysis.thermal: steady (the steady core"
                    + " temperatures) or cycle (the cycle-mean temperatures and per-core swings); a transient run of"
                    + " fixed length has no operating point to age the cores at");
        }
        Q d0 = s.quantity("defect_density");
        Clustering clustering = s.choice("clustering", Clustering::fromKey);
        double alpha = ReliabilitySpec.DEFAULT_ALPHA;
        if (clustering == Clustering.NEGATIVE_BINOMIAL) {
            alpha = s.number("alpha").v();
        } else {
            reject(s, "alpha", "alpha applies only to clustering: negative_binomial (Poisson defects are not"
                    + " clustered)");
        }
        Q nr = s.optionalQuantity("non_redundant_area");
        if (nr != null) {
            r.check(nr.v() < dieArea, nr, "non_redundant_area must be less than a die's area ("
                    + CaseReader.num(dieArea * 1e6) + " mm^2)");
        }
        boolean after = s.bool("spares_after_manufacturing");
        Q life = s.quantity("design_life", lifeText);
        int points = s.integer("time_points");
        Q horizon = s.quantity("horizon", TransientReader.time(2 * life.v()));
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
                connector, qualification, nr == null ? 0 : nr.v());
    }

    /**
     * {@code reliability.connector}: the power-cycle frequency and the contact pitch (written to the resolved case
     * with their defaults) and optional overrides of the connector material's fatigue constants.
     */
    private ReliabilitySpec.ConnectorSpec connector(Section c) {
        // more than one off/on cycle per hour is no power cycle but a workload; 0 = the wafer is never switched off
        Q pc = c.number("power_cycles_per_week");
        Double epsF = optionalNumber(c, "fatigue_ductility_coefficient");
        // c = c0 + c_T*T + c_f*ln(1+f) must stay negative; c0 is -0.442 for solder (IPC-SM-785)
        Double c0 = value(c.optionalNumber("engelmaier_c0"));
        Double cT = value(c.optionalQuantity("engelmaier_c_temperature"));
        Double cF = value(c.optionalNumber("engelmaier_c_frequency"));
        Double beta = optionalNumber(c, "weibull_shape");
        // contacts per unit area = 1/pitch^2; written to the resolved case with its default ([E]: no public
        // geometry of a wafer-scale connector exists, reference-data says so)
        Q pitch = c.quantity("pitch");
        c.done();
        return new ReliabilitySpec.ConnectorSpec(pc.v(), epsF, c0, cT, cF, beta, pitch.v());
    }

    /** One mechanism's overrides; the schema has already refused keys that do not belong to it. */
    private MechanismSpec mechanism(Section m) {
        // thermal cycling counts cycles at a reference swing; the other mechanisms time at a reference temperature
        boolean cycles = m.shape.keys().containsKey("reference_cycles");
        Boolean enabled = m.has("enabled") ? m.bool("enabled") : absent(m, "enabled");
        Double ea = activationEnergy(m);
        Double n = optionalNumber(m, "current_exponent");
        // Coffin-Manson's q must be > 0 (a life that does not fall with the swing is no fatigue law); N of stress
        // migration may be 0 (pure Arrhenius)
        Double exponent = optionalNumber(m, "exponent");
        Distribution dist = null;
        Double shape = null;
        for (Distribution d : Distribution.values()) {
            Double v = optionalNumber(m, d.shapeKey);
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
        Double refLife = cycles ? optionalNumber(m, lifeKey) : optionalQuantity(m, lifeKey);
        if (refLife == null && m.has(conditionKey)) {
            throw r.error(m.sub(conditionKey), conditionKey + " applies only together with " + lifeKey + " (the"
                    + " calibrated default life is given at its own reference condition)");
        }
        Double refCondition = optionalQuantity(m, conditionKey);
        Double t0 = optionalQuantity(m, "stress_free_temperature");
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
        Q q = m.quantity(key);
        double ev = q.v() / JOULE_PER_EV;
        r.check(ev >= 0 && ev <= MAX_ACTIVATION_ENERGY_EV, q, "activation_energy must be in 0 .. "
                + CaseReader.num(MAX_ACTIVATION_ENERGY_EV) + " eV (wear-out mechanisms have 0.1-1.5 eV; check the"
                + " unit)");
        return ev;
    }

    /** An optional number of the mechanism (its row holds the check), or null when the mechanism lacks the key. */
    private static Double optionalNumber(Section m, String key) {
        return present(m, key) ? m.number(key).v() : null;
    }

    private static Double optionalQuantity(Section m, String key) {
        return present(m, key) ? m.quantity(key).v() : null;
    }

    private static Double value(Q q) { return q == null ? null : q.v(); }

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
