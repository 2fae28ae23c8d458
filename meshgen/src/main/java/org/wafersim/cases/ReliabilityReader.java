package org.wafersim.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.wafersim.cases.CaseReader.Q;
import org.wafersim.cases.CaseReader.Section;
import org.wafersim.cases.CaseSpec.ThermalAnalysis;
import org.wafersim.errors.InputException;
import org.wafersim.materials.Material;
import org.wafersim.materials.MaterialLibrary;
import org.wafersim.units.Units;
import org.wafersim.reliability.ConnectorParameters;
import org.wafersim.reliability.DutyCycle;
import org.wafersim.reliability.LifetimeDistribution;
import org.wafersim.reliability.LifetimeDistribution.Kind;
import org.wafersim.reliability.Mechanism;
import org.wafersim.reliability.ReliabilityParameters;
import org.wafersim.reliability.ReliabilityParameters.DefectModel;
import org.wafersim.reliability.ReliabilityParameters.SpareAccounting;
import org.wafersim.reliability.WearOutCalibration;
import org.wafersim.reliability.WearOutParameters;

/**
 * Reads the {@code reliability} block into a {@link ReliabilitySpec}: the reliability library's own parameter
 * records, built here from the keys given over the library's defaults. Every key is optional: the top-level keys get
 * their defaults written into the resolved case (reference-data C.5 for the defects, {@code cycling.life} for the
 * design life); the wear-out keys ({@code wear_out.<mechanism>.<key>}) are written only when given, because their
 * defaults (and the calibrated reference lives) belong to the library.
 *
 * <p>Single-key checks are the key table's ({@link CaseSchema}); checks between parameters are the library's: its
 * records validate their own arguments by parameter name ({@code wear_out.stress_migration.stress_free_temperature})
 * and this reader attaches the case file and the origin of the value ({@link #library}).
 *
 * <p>The block is read and checked whatever {@code analysis.reliability} says, so one case file can be switched
 * with {@code --set analysis.reliability=true}. Reliability needs an operating point to age the cores at: the steady
 * temperatures, or the cycle-mean temperatures and swings of a {@code cycle} run; a {@code transient} run of fixed
 * length has none, so that combination is refused.
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
     * @param s                 the reliability block (empty when absent)
     * @param analysis          {@code analysis.thermal} and {@code analysis.reliability}
     * @param lifeText          {@code cycling.life} as written in the resolved case: the default design life
     * @param cycling           the workload cycle (its frequency is the duty cycle's), or null
     * @param stack             the layers (the connector is the one directly below the wafer)
     */
    ReliabilitySpec read(Section s, CaseSpec.AnalysisSpec analysis, String lifeText, double dieArea,
                         CaseSpec.CyclingSpec cycling, List<CaseSpec.LayerSpec> stack, MaterialLibrary lib) {
        int wafer = waferIndex(stack);
        Material connectorMaterial = wafer + 1 < stack.size() ? lib.get(stack.get(wafer + 1).material()) : null;
        if (analysis.reliability() && analysis.thermal() == ThermalAnalysis.TRANSIENT) {
            throw r.error("analysis.reliability", "reliability needs analysis.thermal: steady (the steady core"
                    + " temperatures) or cycle (the cycle-mean temperatures and per-core swings); a transient run of"
                    + " fixed length has no operating point to age the cores at");
        }
        Q d0 = s.quantity("defect_density");
        DefectModel clustering = s.choice("clustering", DefectModel::fromKey);
        double alpha = ReliabilityParameters.DEFAULT_CLUSTERING_ALPHA;
        if (clustering == DefectModel.NEGATIVE_BINOMIAL) {
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
        WearOutParameters wearOut = WearOutParameters.DEFAULT;
        Section w = s.optionalSection("wear_out");
        if (w != null) {
            for (Mechanism d : WearOutParameters.DEFAULT.all()) {
                Section ms = w.optionalSection(d.key());
                if (ms == null) continue;
                Mechanism m = mechanism(ms, d);
                wearOut = wearOut.with(m);
                ms.done();
            }
            w.done();
        }
        Section c = s.section("connector", false);
        // more than one off/on cycle per hour is no power cycle but a workload; 0 = the wafer is never switched off
        double powerCycles = c.number("power_cycles_per_week").v();
        List<String> overrides = new ArrayList<>();
        ConnectorParameters connector = connector(c, connectorMaterial, overrides);
        // contacts per unit area = 1/pitch^2; written to the resolved case with its default ([E]: no public
        // geometry of a wafer-scale connector exists, reference-data says so)
        Q pitch = c.quantity("pitch");
        c.done();
        QualificationSpec qualification = new QualificationReader(r).read(s.optionalSection("qualification"));
        double perDay = cycling != null ? cycling.perDay() : DutyCycle.DEFAULT.cyclesPerDay();
        final double a = alpha;
        final WearOutParameters wo = wearOut;
        ReliabilityParameters p = library(() -> new ReliabilityParameters(connector,
                new DutyCycle(perDay, powerCycles), wo, d0.v(), clustering, a,
                after ? SpareAccounting.AFTER_MANUFACTURING_REPAIR : SpareAccounting.ALL_SPARES, life.v(), points,
                horizon.v(), nr == null ? 0 : nr.v()));
        return new ReliabilitySpec(p, pitch.v(), qualification, overrides,
                connectorMaterial != null && connectorMaterial.fatigue().isPresent());
    }

    /**
     * The joint temperatures Engelmaier's exponent is checked over before the solve, degC: JESD22-A104's widest
     * temperature-cycling range, -55 to 150 degC. The run's joint temperatures are not known yet; any wafer that
     * works lies inside this range, and a run that ends up outside it is checked again on its own temperatures.
     */
    static final double MIN_JOINT_C = -55, MAX_JOINT_C = 150;

    /**
     * The block with the contact model of the {@code connector} block; for a solder connector of a reliability run,
     * Engelmaier's exponent is checked to be negative over every joint temperature a working wafer can have.
     */
    ReliabilitySpec withConnector(ReliabilitySpec spec, ConnectorTechSpec tech, boolean reliability,
                                  List<CaseSpec.LayerSpec> stack) {
        ReliabilitySpec out = spec.withConnectorModel(tech.fatigueModel(spec.connector()));
        if (reliability && tech.technology() == ConnectorTechSpec.Technology.SOLDER) {
            String bad = out.connector().engelmaierExponentViolation(out.parameters().dutyCycle(),
                    Units.ZERO_CELSIUS_K + MIN_JOINT_C, Units.ZERO_CELSIUS_K + MAX_JOINT_C, "any joint temperature"
                            + " from " + (int) MIN_JOINT_C + " to " + (int) MAX_JOINT_C + " degC");
            if (bad != null) throw r.error(out.exponentKey(waferIndex(stack)), bad);
        }
        return out;
    }

    private static int waferIndex(List<CaseSpec.LayerSpec> stack) {
        for (int i = 0; i < stack.size(); i++) if (stack.get(i).isWafer()) return i;
        throw new IllegalStateException("the stack has no wafer layer");
    }

    /**
     * {@code reliability.connector}'s fatigue constants: the connector material's (if it has them, else the
     * IPC-SM-785 defaults), each overridable here; the keys given are added to {@code given}.
     */
    private ConnectorParameters connector(Section c, Material material, List<String> given) {
        ConnectorParameters d = material != null && material.fatigue().isPresent() ? ConnectorParameters.of(material)
                : ConnectorParameters.DEFAULT;
        double epsF = given(c, "fatigue_ductility_coefficient", c.optionalNumber("fatigue_ductility_coefficient"),
                d.ductilityCoefficient(), given);
        // c = c0 + c_T*T + c_f*ln(1+f) must stay negative; c0 is -0.442 for solder (IPC-SM-785)
        double c0 = given(c, "engelmaier_c0", c.optionalNumber("engelmaier_c0"), d.c0(), given);
        double cT = given(c, "engelmaier_c_temperature", c.optionalQuantity("engelmaier_c_temperature"),
                d.cPerKelvin(), given);
        double cF = given(c, "engelmaier_c_frequency", c.optionalNumber("engelmaier_c_frequency"),
                d.cLogFrequency(), given);
        double beta = given(c, "weibull_shape", c.optionalNumber("weibull_shape"), d.weibullShape(), given);
        return library(() -> new ConnectorParameters(epsF, c0, cT, cF, d.coffinMansonExponent(), beta,
                d.strainFactor(), d.acceleration()));
    }

    private static double given(Section c, String key, Q q, double dflt, List<String> given) {
        if (q == null) return dflt;
        given.add(key);
        return q.v();
    }

    /** One mechanism: {@code d}, the library's default, with the keys given; the schema has refused the others. */
    private Mechanism mechanism(Section m, Mechanism d) {
        // thermal cycling counts cycles at a reference swing; the other mechanisms time at a reference temperature
        boolean cycles = m.shape.keys().containsKey("reference_cycles");
        boolean enabled = m.has("enabled") ? m.bool("enabled") : absent(m, "enabled", d.enabled());
        Double ea = activationEnergy(m);
        Double n = optionalNumber(m, "current_exponent");
        // Coffin-Manson's q must be > 0 (a life that does not fall with the swing is no fatigue law); N of stress
        // migration may be 0 (pure Arrhenius)
        Double exponent = optionalNumber(m, "exponent");
        Kind kind = null;
        Double shape = null;
        for (Kind k : Kind.values()) {
            Double v = optionalNumber(m, k.shapeKey);
            if (v == null) continue;
            if (kind != null) {
                throw r.error(m.sub(k.shapeKey), "give either weibull_shape or lognormal_sigma (the key names the"
                        + " lifetime distribution), not both");
            }
            kind = k;
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
        Kind dk = d.distribution().kind();
        Kind k = kind != null ? kind : dk;
        double sh = shape != null ? shape : d.distribution().shape();
        // a new spread without a new reference life keeps the library's calibration target (a fraction of dies
        // failed after 10 years at 105 degC), recalibrated for the new distribution
        boolean recalibrate = refLife == null && kind != null;
        LifetimeDistribution dist = recalibrate ? new LifetimeDistribution(k, sh) : null;
        return library(() -> {
            if (d instanceof Mechanism.ThermalCycling t) {
                double nRef = refLife != null ? refLife : recalibrate ? WearOutCalibration.referenceCycles(dist)
                        : t.referenceCycles();
                return new Mechanism.ThermalCycling(enabled, or(exponent, t.exponent()), k, sh, nRef,
                        or(refCondition, t.referenceSwingK()));
            }
            Double mttf = refLife != null ? refLife : recalibrate ? (Double) WearOutCalibration.referenceMttf(dist) : null;
            if (d instanceof Mechanism.Electromigration e) {
                return new Mechanism.Electromigration(enabled, or(ea, e.activationEnergyEv()),
                        or(n, e.currentExponent()), k, sh, or(mttf, e.referenceMttf()),
                        or(refCondition, e.referenceTemperatureK()));
            }
            if (d instanceof Mechanism.StressMigration sm) {
                return new Mechanism.StressMigration(enabled, or(ea, sm.activationEnergyEv()),
                        or(exponent, sm.exponent()), or(t0, sm.stressFreeTemperatureK()), k, sh,
                        or(mttf, sm.referenceMttf()), or(refCondition, sm.referenceTemperatureK()));
            }
            Mechanism.ArrheniusLife al = (Mechanism.ArrheniusLife) d;
            return new Mechanism.ArrheniusLife(al.key(), enabled, or(ea, al.activationEnergyEv()), k, sh,
                    or(mttf, al.referenceMttf()), or(refCondition, al.referenceTemperatureK()));
        });
    }

    /**
     * Builds a library record; its own checks (by parameter name, {@code reliability.<name>}) become input errors
     * in this case file, with the origin of the value (a {@code --set} or an included file).
     */
    private <T> T library(Supplier<T> build) {
        try {
            return build.get();
        } catch (InputException e) {
            throw r.error(e.keyPath(), e.reason());
        }
    }

    private static double or(Double v, double dflt) { return v != null ? v : dflt; }

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

    /** Whether the mechanism has the key and it is given; an absent key is marked as read. */
    private static boolean present(Section m, String key) {
        if (!m.shape.keys().containsKey(key)) return false;
        if (m.has(key)) return true;
        m.raw(key);
        return false;
    }

    private static boolean absent(Section m, String key, boolean dflt) {
        m.raw(key);
        return dflt;
    }

    /** {@code key} does not apply here: an error if given, otherwise marked as read. */
    private void reject(Section s, String key, String reason) {
        if (s.has(key)) throw r.error(s.sub(key), reason);
        s.raw(key);
    }
}
