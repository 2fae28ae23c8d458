package org.wafersim.run;

import org.wafersim.cases.CaseSpec;
import org.wafersim.cases.ReliabilitySpec;
import org.wafersim.cases.ReliabilitySpec.MechanismSpec;
import org.wafersim.errors.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.wafersim.materials.Material;
import org.wafersim.cases.ConnectorTechSpec;
import org.wafersim.reliability.ConnectorParameters;
import org.wafersim.reliability.ContactAlloy;
import org.wafersim.reliability.FatigueCurve;
import org.wafersim.reliability.FatigueModel;
import org.wafersim.reliability.ShearJoint;
import org.wafersim.reliability.SnCurve;
import org.wafersim.reliability.SolderJoint;
import org.wafersim.reliability.SpringContact;
import org.wafersim.reliability.StrainLife;
import org.wafersim.reliability.DutyCycle;
import org.wafersim.reliability.Engelmaier;
import org.wafersim.reliability.LifetimeDistribution;
import org.wafersim.reliability.LifetimeDistribution.Kind;
import org.wafersim.reliability.Mechanism;
import org.wafersim.reliability.ReliabilityParameters;
import org.wafersim.reliability.ReliabilityParameters.DefectModel;
import org.wafersim.reliability.ReliabilityParameters.SpareAccounting;
import org.wafersim.reliability.WearOutCalibration;
import org.wafersim.reliability.WearOutParameters;
import org.wafersim.units.Units;

/**
 * The library's {@link ReliabilityParameters} for a case: the {@code reliability} block ({@link ReliabilitySpec})
 * over the library defaults, with the workload cycle of the case's {@code cycling.per_day}.
 *
 * <p>Where a mechanism's distribution is overridden but not its reference life, the reference life is recalibrated
 * for the new distribution by the library's rule ({@link WearOutCalibration}): the calibration is a qualification
 * target (a fraction of dies failed after 10 years at 105 °C), which should keep holding when only the spread
 * changes. The off/on cycle (cycle B of reference-data D.6) runs at {@code reliability.connector.power_cycles_per_week}
 * (default 1): it fatigues the connector (off = the mechanics' stress-free state); the cores' thermal-cycling
 * mechanism is given no off/on swing, so for them it adds nothing.
 *
 * <p>The connector's fatigue constants are those of the material of the layer directly below the wafer (the layer
 * the mechanics treats as the connector) when it has them ({@link ConnectorParameters#of}), else the IPC-SM-785
 * defaults, each overridable in {@code reliability.connector}; the resulting exponent c(T, f) is checked to be
 * negative over the run's cycle frequencies and -55..150 °C before any solve ({@link #checkEngelmaierExponent}).
 *
 * <p>The loader has checked the block already; the library's own checks run again here and any failure is
 * attributed to the case file (exit code 2), before any solve starts.
 */
public final class ReliabilityCaseParameters {
    private ReliabilityCaseParameters() { }

    /** The parameters of {@code spec}; an {@link InputException} naming the case file and key for bad values. */
    public static ReliabilityParameters of(CaseSpec spec) {
        try {
            return build(spec);
        } catch (InputException e) {
            throw e.source() == null ? e.inSource(spec.source()) : e;
        }
    }

    private static ReliabilityParameters build(CaseSpec spec) {
        ReliabilitySpec r = spec.reliabilitySpec();
        ReliabilityParameters p = ReliabilityParameters.DEFAULT
                .withDefectDensity(r.defectDensity())
                .withDefectModel(r.clustering() == ReliabilitySpec.Clustering.NEGATIVE_BINOMIAL
                        ? DefectModel.NEGATIVE_BINOMIAL : DefectModel.POISSON, r.alpha())
                .withSpareAccounting(r.sparesAfterManufacturing() ? SpareAccounting.AFTER_MANUFACTURING_REPAIR
                        : SpareAccounting.ALL_SPARES)
                .withDesignLife(r.designLife())
                .withCurve(r.timePoints(), r.horizon())
                .withNonRedundantArea(r.nonRedundantArea());
        double perDay = spec.cycling() != null ? spec.cycling().perDay() : p.dutyCycle().cyclesPerDay();
        p = p.withDutyCycle(new DutyCycle(perDay, r.connector().powerCyclesPerWeek()));
        ConnectorParameters cp = connector(spec, r.connector());
        p = p.withWearOut(wearOut(r)).withConnector(cp.withModel(fatigueModel(spec, cp)));
        if (spec.connectorTech().technology() == ConnectorTechSpec.Technology.SOLDER) {
            checkEngelmaierExponent(spec, p, KELVIN + MIN_JOINT_C, KELVIN + MAX_JOINT_C,
                    "any joint temperature from " + (int) MIN_JOINT_C + " to " + (int) MAX_JOINT_C + " degC");
        }
        return p;
    }

    /**
     * The contact fatigue model of the case's connector technology ({@code connector}): a {@link SolderJoint} with the
     * Engelmaier constants of {@code cp} (the material's, with the case's overrides), a {@link SpringContact} of the
     * built-in alloy's strain-life curve, or the user's curve on a beam or a joint.
     */
    public static FatigueModel fatigueModel(CaseSpec spec, ConnectorParameters cp) {
        ConnectorTechSpec t = spec.connectorTech();
        return switch (t.technology()) {
            case SOLDER -> new SolderJoint(t.solder() == null || t.solder().height() == null ? Double.NaN
                    : t.solder().height(), cp.engelmaier(), false);
            case SPRING -> new SpringContact(SpringContact.Shape.fromKey(t.spring().shape()), t.spring().length(),
                    t.spring().thickness(), ContactAlloy.fromKey(t.spring().alloy()).strainLife(), "spring");
            case CUSTOM -> {
                ConnectorTechSpec.Custom c = t.custom();
                FatigueCurve curve = c.curve().equals("s_n")
                        ? new SnCurve(c.stressAmplitude(), c.cycles(), c.exponent(), c.youngsModulus(), "connector.custom")
                        : new StrainLife("user curve", c.fatigueStrengthCoefficient(), c.youngsModulus(),
                        c.strengthExponent(), c.ductilityCoefficient(), c.ductilityExponent(), "case file", false,
                        "connector.custom");
                yield c.kinematics().equals("shear")
                        ? new ShearJoint(c.height() == null ? Double.NaN : c.height(), curve)
                        : new SpringContact(SpringContact.Shape.fromKey(c.shape()), c.length(), c.thickness(), curve,
                        "custom");
            }
        };
    }

    private static final double KELVIN = Units.ZERO_CELSIUS_K;
    /**
     * The joint temperatures the exponent is checked over before the solve, degC: JESD22-A104's widest
     * temperature-cycling range, -55 to 150 degC. The run's joint temperatures are not known yet; any wafer that
     * works lies inside this range, and a run that ends up outside it is checked again on its own temperatures
     * ({@link ReliabilityRun}).
     */
    static final double MIN_JOINT_C = -55, MAX_JOINT_C = 150;

    /**
     * Engelmaier's exponent c(T, f) = c0 + c_T·T[°C] + c_f·ln(1 + f) must be negative (N_f = ½(Δγ/2ε_f')^(1/c)
     * falls with the strain only then; IPC-SM-785). c is linear in T and in ln(1 + f), so checking the ends of
     * [loK, hiK] at the frequencies of the duty cycle (clamped to the guideline's 1–1000 per day, as
     * {@link Engelmaier} evaluates them) covers every point. A failure is an input error (exit code 2) naming the
     * overridden constant ({@code reliability.connector.engelmaier_c_temperature}, {@code _c_frequency} or
     * {@code _c0}, in that order) or, without overrides, the connector's material.
     *
     * @param what the temperature range in words, for the message
     */
    static void checkEngelmaierExponent(CaseSpec spec, ReliabilityParameters p, double loK, double hiK, String what) {
        ConnectorParameters k = p.connector();
        // the frequencies of the cycles the connector sees: the workload cycle, and the power cycle if there is one
        List<Double> perDay = new ArrayList<>(List.of(p.dutyCycle().cyclesPerDay()));
        if (p.dutyCycle().offCyclesPerWeek() > 0) perDay.add(p.dutyCycle().offCyclesPerDay());
        for (double f : perDay) {
            double fc = Engelmaier.clampFrequency(f);
            for (double tK : new double[] {loK, hiK}) {
                double c = k.fatigue().engelmaierExponent(tK, fc);
                if (c < 0) continue;
                ReliabilitySpec.ConnectorSpec o = spec.reliabilitySpec().connector();
                String key = o.cPerKelvin() != null ? "reliability.connector.engelmaier_c_temperature"
                        : o.cLogFrequency() != null ? "reliability.connector.engelmaier_c_frequency"
                        : o.c0() != null ? "reliability.connector.engelmaier_c0"
                        : "stack[" + (spec.waferLayerIndex() + 1) + "].material";
                throw new InputException(spec.source(), key, String.format(Locale.ROOT, "Engelmaier's exponent"
                        + " c = c0 + c_T*T + c_f*ln(1 + f) = %.4g + %.4g*%.1f + %.4g*ln(1 + %.4g) = %.4g is not negative"
                        + " (at T = %.1f degC, f = %.4g /day; checked for %s): N_f would not fall with the strain"
                        + " range; IPC-SM-785: c0 -0.442, c_T -6e-4 1/K, c_f 0.0174", k.c0(), k.cPerKelvin(),
                        tK - KELVIN, k.cLogFrequency(), fc, c, tK - KELVIN, fc, what));
            }
        }
    }

    /**
     * The material of the layer directly below the wafer: the connector of the mechanics (a flip-chip wafer sits on
     * it), if the stack has one.
     */
    public static Optional<Material> connectorMaterial(CaseSpec spec) {
        int l = spec.waferLayerIndex() + 1;
        if (l >= spec.stack().size()) return Optional.empty();
        return Optional.ofNullable(spec.materials().get(spec.stack().get(l).material()));
    }

    /** The connector's constants: its material's (if it has fatigue constants), then the case's overrides. */
    private static ConnectorParameters connector(CaseSpec spec, ReliabilitySpec.ConnectorSpec c) {
        ConnectorParameters d = connectorMaterial(spec).filter(m -> m.fatigue().isPresent())
                .map(ConnectorParameters::of).orElse(ConnectorParameters.DEFAULT);
        // the library's checks name reliability.connector.<key>, the case file's path
        return new ConnectorParameters(or(c.ductilityCoefficient(), d.ductilityCoefficient()), or(c.c0(), d.c0()),
                or(c.cPerKelvin(), d.cPerKelvin()), or(c.cLogFrequency(), d.cLogFrequency()),
                d.coffinMansonExponent(), or(c.weibullShape(), d.weibullShape()), d.strainFactor(),
                d.acceleration());
    }

    /** A TDDB or NBTI default with the case's overrides. */
    private static Mechanism.ArrheniusLife arrhenius(MechanismSpec m, Mechanism.ArrheniusLife d) {
        Kind kind = kind(m, d.distributionKind());
        double shape = or(m.shape(), d.shape());
        return new Mechanism.ArrheniusLife(d.key(), or(m.enabled(), d.enabled()), or(m.activationEnergyEv(),
                d.activationEnergyEv()), kind, shape, referenceMttf(m, d.referenceMttf(), kind, shape),
                or(m.referenceCondition(), d.referenceTemperatureK()));
    }

    private static WearOutParameters wearOut(ReliabilitySpec r) {
        WearOutParameters w = WearOutParameters.DEFAULT;
        MechanismSpec m;
        if ((m = r.wearOut().get(Mechanism.Electromigration.KEY)) != null) {
            Mechanism.Electromigration d = w.electromigration();
            Kind kind = kind(m, d.distributionKind());
            double shape = or(m.shape(), d.shape());
            w = w.withElectromigration(new Mechanism.Electromigration(or(m.enabled(), d.enabled()),
                    or(m.activationEnergyEv(), d.activationEnergyEv()), or(m.currentExponent(), d.currentExponent()),
                    kind, shape, referenceMttf(m, d.referenceMttf(), kind, shape),
                    or(m.referenceCondition(), d.referenceTemperatureK())));
        }
        if ((m = r.wearOut().get(Mechanism.ArrheniusLife.TDDB_KEY)) != null) w = w.withTddb(arrhenius(m, w.tddb()));
        if ((m = r.wearOut().get(Mechanism.ArrheniusLife.NBTI_KEY)) != null) w = w.withNbti(arrhenius(m, w.nbti()));
        if ((m = r.wearOut().get(Mechanism.StressMigration.KEY)) != null) {
            Mechanism.StressMigration d = w.stressMigration();
            Kind kind = kind(m, d.distributionKind());
            double shape = or(m.shape(), d.shape());
            w = w.withStressMigration(new Mechanism.StressMigration(or(m.enabled(), d.enabled()),
                    or(m.activationEnergyEv(), d.activationEnergyEv()), or(m.exponent(), d.exponent()),
                    or(m.stressFreeTemperature(), d.stressFreeTemperatureK()), kind, shape,
                    referenceMttf(m, d.referenceMttf(), kind, shape),
                    or(m.referenceCondition(), d.referenceTemperatureK())));
        }
        if ((m = r.wearOut().get(Mechanism.ThermalCycling.KEY)) != null) {
            Mechanism.ThermalCycling d = w.thermalCycling();
            Kind kind = kind(m, d.distributionKind());
            double shape = or(m.shape(), d.shape());
            double cycles = m.referenceLife() != null ? m.referenceLife()
                    : m.distribution() == null ? d.referenceCycles()
                    : WearOutCalibration.referenceCycles(new LifetimeDistribution(kind, shape));
            w = w.withThermalCycling(new Mechanism.ThermalCycling(or(m.enabled(), d.enabled()),
                    or(m.exponent(), d.exponent()), kind, shape, cycles,
                    or(m.referenceCondition(), d.referenceSwingK())));
        }
        return w;
    }

    /** The given reference MTTF; else the default, recalibrated when the distribution was overridden. */
    private static double referenceMttf(MechanismSpec m, double dflt, Kind kind, double shape) {
        if (m.referenceLife() != null) return m.referenceLife();
        if (m.distribution() == null) return dflt;
        return WearOutCalibration.referenceMttf(new LifetimeDistribution(kind, shape));
    }

    private static Kind kind(MechanismSpec m, Kind dflt) {
        if (m.distribution() == null) return dflt;
        return m.distribution() == ReliabilitySpec.Distribution.WEIBULL ? Kind.WEIBULL : Kind.LOGNORMAL;
    }

    private static double or(Double v, double dflt) { return v != null ? v : dflt; }

    private static boolean or(Boolean v, boolean dflt) { return v != null ? v : dflt; }
}
