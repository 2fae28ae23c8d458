package org.wafersim.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wafersim.cases.ReliabilitySpec;
import org.wafersim.geometry.CoreArray;
import org.wafersim.io.ResultFile;
import org.wafersim.reliability.DefectYield;
import org.wafersim.reliability.DieRedundancy;
import org.wafersim.reliability.Durations;
import org.wafersim.reliability.LifetimeDistribution;
import org.wafersim.reliability.Mechanism;
import org.wafersim.reliability.ReliabilityCurve;
import org.wafersim.reliability.ReliabilityParameters;

/**
 * Writes {@code /reliability} (DESIGN §7, a contract; every dataset with its units): per core {@code core_mttf}
 * (h, RAMP sum of failure rates) and {@code core_dominant_mechanism} (code, attribute {@code mechanism_names}); per
 * die {@code die_reliability_at_design_life}, {@code die_yield}, {@code die_expected_spares_left}; the curve
 * {@code time} (h), {@code wafer_reliability} [time], {@code die_reliability} [time][die]; and the headline
 * attributes of the group. Connector fatigue is not evaluated (no mechanics solver): no connector dataset, and the
 * attribute {@code connector_fatigue} says why.
 */
final class ReliabilityLayout {
    static final String GROUP = "/reliability";
    private static final double KELVIN = 273.15;

    private ReliabilityLayout() { }

    static void write(ResultFile f, ReliabilityRun.Outcome o, CoreArray cores) {
        var rep = o.report();
        int n = cores.coreCount(), nd = cores.dieCount();
        double[] mttfH = rep.lifetimes().rampMttf();
        for (int c = 0; c < n; c++) mttfH[c] = Durations.hours(mttfH[c]);
        f.dataset(GROUP + "/core_mttf", mttfH, new int[]{n}, "h");
        f.datasetAttribute(GROUP + "/core_mttf", "note", "RAMP: 1 / (sum over the evaluated mechanisms of 1 / MTTF);"
                + " inf where no mechanism acts");
        f.intDataset(GROUP + "/core_dominant_mechanism", o.dominantCode(), new int[]{n}, "1");
        f.datasetAttribute(GROUP + "/core_dominant_mechanism", "mechanism_names",
                ReliabilitySpec.MECHANISMS.toArray(new String[0]));
        f.datasetAttribute(GROUP + "/core_dominant_mechanism", "note",
                "index into mechanism_names of the mechanism with the highest failure rate; -1 = none");

        f.dataset(GROUP + "/die_reliability_at_design_life", o.dieAtDesignLife(), new int[]{nd}, "1");
        DefectYield.Result y = rep.yield();
        f.dataset(GROUP + "/die_yield", y.dieYield(), new int[]{nd}, "1");
        f.dataset(GROUP + "/die_expected_spares_left", y.expectedSparesLeft(), new int[]{nd}, "1");
        f.datasetAttribute(GROUP + "/die_expected_spares_left", "note",
                "E[spares - defective cores | die good] after manufacturing repair");

        ReliabilityCurve curve = rep.curve();
        int nt = curve.times().length;
        double[] tH = new double[nt], dieR = new double[nt * nd];
        for (int k = 0; k < nt; k++) {
            tH[k] = Durations.hours(curve.times()[k]);
            for (int d = 0; d < nd; d++) dieR[k * nd + d] = curve.dieReliability()[d][k];
        }
        f.dataset(GROUP + "/time", tH, new int[]{nt}, "h");
        f.dataset(GROUP + "/wafer_reliability", curve.waferReliability(), new int[]{nt}, "1");
        f.dataset(GROUP + "/die_reliability", dieR, new int[]{nt, nd}, "1");
        f.datasetAttribute(GROUP + "/die_reliability", "dimensions", new String[]{"time", "die"});

        ReliabilityParameters p = o.parameters();
        f.attribute(GROUP, "wafer_mttf_h", Durations.hours(o.waferMttf()));
        f.attribute(GROUP, "wafer_mttf_relative_error", rep.waferMttf().relativeError());
        f.attribute(GROUP, "yield", o.yield());
        for (int i = 0; i < ReliabilityRun.MILESTONE_YEARS.length; i++) {
            f.attribute(GROUP, "reliability_at_" + ReliabilityRun.num(ReliabilityRun.MILESTONE_YEARS[i]) + "y",
                    o.waferAtMilestones()[i]);
        }
        f.attribute(GROUP, "design_life_h", Durations.hours(p.designLife()));
        f.attribute(GROUP, "reliability_at_design_life", o.reliabilityAtDesignLife());
        Mechanism dom = rep.dominantMechanism();
        f.attribute(GROUP, "dominant_mechanism", dom == null ? "none" : dom.key());
        List<DieRedundancy.DieRank> lim = rep.limitingDies();
        int[] limiting = new int[lim.size()];
        double[] limitingR = new double[lim.size()];
        for (int i = 0; i < limiting.length; i++) {
            limiting[i] = lim.get(i).die();
            limitingR[i] = lim.get(i).reliability();
        }
        if (limiting.length > 0) {
            f.attribute(GROUP, "limiting_dies", limiting);
            f.attribute(GROUP, "limiting_dies_reliability", limitingR);
        }
        f.attribute(GROUP, "expected_spares_left", y.totalSparesLeft());
        f.attribute(GROUP, "connector_fatigue", ReliabilityRun.CONNECTOR_FATIGUE);
        f.attribute(GROUP, "temperatures", o.cycleSwings() ? "cycle-mean core temperatures and per-core swings"
                : "steady core temperatures");
        f.attribute(GROUP, "defect_density_per_cm2", p.defectDensity() * 1e-4);
        f.attribute(GROUP, "defect_model", p.defectModel().key);
        f.attribute(GROUP, "spare_accounting", p.spareAccounting().key);
        List<String> used = new ArrayList<>();
        for (Mechanism m : rep.lifetimes().mechanisms()) used.add(describe(m));
        if (!used.isEmpty()) f.attribute(GROUP, "mechanisms", used.toArray(new String[0]));
        if (!o.notes().isEmpty()) f.attribute(GROUP, "notes", o.notes().toArray(new String[0]));
    }

    /** One evaluated mechanism and its parameters, in the units of the case file. */
    static String describe(Mechanism m) {
        LifetimeDistribution d = m.distribution();
        String dist = d.kind() == LifetimeDistribution.Kind.WEIBULL
                ? String.format(Locale.ROOT, "Weibull beta %.4g", d.shape())
                : String.format(Locale.ROOT, "lognormal sigma %.4g", d.shape());
        String physics;
        if (m instanceof Mechanism.Electromigration e) {
            physics = String.format(Locale.ROOT, "Ea %.4g eV, n %.4g, %s", e.activationEnergyEv(), e.currentExponent(),
                    reference(e.referenceMttf(), e.referenceTemperatureK()));
        } else if (m instanceof Mechanism.Tddb t) {
            physics = String.format(Locale.ROOT, "Ea %.4g eV, %s", t.activationEnergyEv(),
                    reference(t.referenceMttf(), t.referenceTemperatureK()));
        } else if (m instanceof Mechanism.Nbti b) {
            physics = String.format(Locale.ROOT, "Ea %.4g eV, %s", b.activationEnergyEv(),
                    reference(b.referenceMttf(), b.referenceTemperatureK()));
        } else if (m instanceof Mechanism.StressMigration s) {
            physics = String.format(Locale.ROOT, "Ea %.4g eV, N %.4g, T0 %.4g degC, %s", s.activationEnergyEv(),
                    s.exponent(), s.stressFreeTemperatureK() - KELVIN, reference(s.referenceMttf(),
                            s.referenceTemperatureK()));
        } else {
            Mechanism.ThermalCycling c = (Mechanism.ThermalCycling) m;
            physics = String.format(Locale.ROOT, "q %.4g, N_ref %.4g cycles at %.4g K", c.exponent(),
                    c.referenceCycles(), c.referenceSwingK());
        }
        return m.key() + ": " + physics + ", " + dist;
    }

    private static String reference(double mttfS, double tK) {
        return String.format(Locale.ROOT, "MTTF_ref %.4g h at %.4g degC", Durations.hours(mttfS), tK - KELVIN);
    }
}
