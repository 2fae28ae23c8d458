package org.wafersim.run;

import static org.wafersim.io.ResultSchema.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wafersim.reliability.ConnectorFatigue;
import org.wafersim.reliability.DutyCycle;
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
import org.wafersim.units.Units;

/**
 * Writes {@code /reliability} (DESIGN §7, a contract; every dataset with its units): per core {@code core_mttf}
 * (h, RAMP sum of failure rates) and {@code core_dominant_mechanism} (code, attribute {@code mechanism_names}); per
 * die {@code die_reliability_at_design_life}, {@code die_yield}, {@code die_expected_spares_left}; the curve
 * {@code time} (h), {@code wafer_reliability} [time], {@code die_reliability} [time][die]; and the headline
 * attributes of the group. With connector fatigue (a run with the mechanics) the connector maps [y][x] on the
 * mechanics' element centres ({@code /mechanics/element_x}, {@code element_y}; NaN where there is no connector):
 * {@code connector_cycles_to_failure} (median cycles to failure of the workload cycle idle ↔ full load alone),
 * {@code connector_cycles_to_failure_power_cycle} (of the off ↔ full-load cycle alone), {@code connector_life}
 * (years, both combined by Miner's rule over the duty cycle), {@code connector_strain_range} [cycle][y][x] and
 * {@code connector_mean_temperature} [cycle][y][x] (degC), {@code connector_reliability} [time] of the Weibull
 * population, and the first failure in the attributes; {@code wafer_reliability} and {@code wafer_mttf_h} are then
 * those of cores and connector in series. Without it, no connector dataset, and the attribute
 * {@code connector_fatigue} says why.
 */
final class ReliabilityLayout {
    private static final double KELVIN = Units.ZERO_CELSIUS_K;

    private ReliabilityLayout() { }

    static void write(ResultFile f, ReliabilityRun.Outcome o, CoreArray cores) {
        var rep = o.report();
        int n = cores.coreCount(), nd = cores.dieCount();
        double[] mttfH = rep.lifetimes().rampMttf();
        for (int c = 0; c < n; c++) mttfH[c] = Durations.hours(mttfH[c]);
        f.dataset(RELIABILITY_CORE_MTTF, mttfH, new int[]{n});
        f.datasetAttribute(RELIABILITY_CORE_MTTF, "note", "RAMP: 1 / (sum over the evaluated mechanisms of 1 / MTTF);"
                + " inf where no mechanism acts");
        f.intDataset(RELIABILITY_CORE_DOMINANT_MECHANISM, o.dominantCode(), new int[]{n});
        f.datasetAttribute(RELIABILITY_CORE_DOMINANT_MECHANISM, "mechanism_names",
                ReliabilitySpec.MECHANISMS.toArray(new String[0]));
        f.datasetAttribute(RELIABILITY_CORE_DOMINANT_MECHANISM, "note",
                "index into mechanism_names of the mechanism with the highest failure rate; -1 = none");

        f.dataset(RELIABILITY_DIE_RELIABILITY_AT_DESIGN_LIFE, o.dieAtDesignLife(), new int[]{nd});
        DefectYield.Result y = rep.yield();
        f.dataset(RELIABILITY_DIE_YIELD, y.dieYield(), new int[]{nd});
        f.dataset(RELIABILITY_DIE_EXPECTED_SPARES_LEFT, y.expectedSparesLeft(), new int[]{nd});
        f.datasetAttribute(RELIABILITY_DIE_EXPECTED_SPARES_LEFT, "note",
                "E[spares - defective cores | die good] after manufacturing repair");

        ReliabilityCurve curve = rep.curve();
        int nt = curve.times().length;
        double[] tH = new double[nt], dieR = new double[nt * nd];
        for (int k = 0; k < nt; k++) {
            tH[k] = Durations.hours(curve.times()[k]);
            for (int d = 0; d < nd; d++) dieR[k * nd + d] = curve.dieReliability()[d][k];
        }
        f.dataset(RELIABILITY_TIME, tH, new int[]{nt});
        f.dataset(RELIABILITY_WAFER_RELIABILITY, o.waferCurve(), new int[]{nt});
        f.datasetAttribute(RELIABILITY_WAFER_RELIABILITY, "note", o.connector() == null
                ? "the wafer's cores with spares (connector fatigue not evaluated)"
                : "the wafer's cores with spares times the connector's R(t): a series system");
        f.dataset(RELIABILITY_DIE_RELIABILITY, dieR, new int[]{nt, nd});
        f.datasetAttribute(RELIABILITY_DIE_RELIABILITY, "dimensions", new String[]{"time", "die"});

        ReliabilityParameters p = o.parameters();
        f.attribute(RELIABILITY, "wafer_mttf_h", Durations.hours(o.waferMttf()));
        f.attribute(RELIABILITY, "wafer_mttf_relative_error", rep.systemMttf().relativeError());
        if (o.connector() != null) f.attribute(RELIABILITY, "cores_mttf_h", Durations.hours(o.coresMttf()));
        f.attribute(RELIABILITY, "yield", o.yield());
        for (int i = 0; i < ReliabilityRun.MILESTONE_YEARS.length; i++) {
            f.attribute(RELIABILITY, "reliability_at_" + ReliabilityRun.num(ReliabilityRun.MILESTONE_YEARS[i]) + "y",
                    o.waferAtMilestones()[i]);
        }
        f.attribute(RELIABILITY, "design_life_h", Durations.hours(p.designLife()));
        f.attribute(RELIABILITY, "reliability_at_design_life", o.reliabilityAtDesignLife());
        Mechanism dom = rep.dominantMechanism();
        f.attribute(RELIABILITY, "dominant_mechanism", dom == null ? "none" : dom.key());
        List<DieRedundancy.DieRank> lim = rep.limitingDies();
        int[] limiting = new int[lim.size()];
        double[] limitingR = new double[lim.size()];
        for (int i = 0; i < limiting.length; i++) {
            limiting[i] = lim.get(i).die();
            limitingR[i] = lim.get(i).reliability();
        }
        ReliabilitySummary.Components comp = ReliabilitySummary.components(o, cores);
        f.attribute(RELIABILITY, "limiting_component", comp.limiting());
        f.attribute(RELIABILITY, "limiting_location", comp.location());
        f.attribute(RELIABILITY, "unreliability_at_design_life", comp.waferUnreliability());
        // the dies are named as limiting only when they limit the wafer (as in the text and JSON summaries)
        if (limiting.length > 0 && comp.limiting().equals(ReliabilitySummary.DIES)) {
            f.attribute(RELIABILITY, "limiting_dies", limiting);
            f.attribute(RELIABILITY, "limiting_dies_reliability", limitingR);
        }
        f.attribute(RELIABILITY, "expected_spares_left", y.totalSparesLeft());
        f.attribute(RELIABILITY, "connector_fatigue", o.connectorStatus());
        if (o.connector() != null) writeConnector(f, o, curve.times());
        f.attribute(RELIABILITY, "temperatures", o.cycleSwings() ? "cycle-mean core temperatures and per-core swings"
                : "steady core temperatures");
        f.attribute(RELIABILITY, "defect_density_per_cm2", p.defectDensity() * 1e-4);
        f.attribute(RELIABILITY, "defect_model", p.defectModel().key);
        f.attribute(RELIABILITY, "spare_accounting", p.spareAccounting().key);
        List<String> used = new ArrayList<>();
        for (Mechanism m : rep.lifetimes().mechanisms()) used.add(describe(m));
        if (!used.isEmpty()) f.attribute(RELIABILITY, "mechanisms", used.toArray(new String[0]));
        if (!o.notes().isEmpty()) f.attribute(RELIABILITY, "notes", o.notes().toArray(new String[0]));
    }

    /** The connector maps, its R(t) and the first-failure attributes. */
    private static void writeConnector(ResultFile f, ReliabilityRun.Outcome o, double[] times) {
        ReliabilityRun.ConnectorMap c = o.connector();
        ConnectorFatigue.Result r = c.fatigue();
        int nx = c.nx(), ny = c.ny();
        int[] map = {ny, nx};
        f.dataset(RELIABILITY_CONNECTOR_CYCLES_TO_FAILURE, flat(r.workloadCycles(), c.present(), 1), map);
        if (o.rainflow() != null) {
            var rf = o.rainflow().maps();
            f.dataset(RELIABILITY_CONNECTOR_DAMAGE_PER_CYCLE, flat(rf.workloadDamage(), c.present(), 1), map);
            f.datasetAttribute(RELIABILITY_CONNECTOR_DAMAGE_PER_CYCLE, "note", "Miner damage of one periodic workload"
                    + " cycle: rainflow (ASTM E1049) of the point's strain history at the mechanics/history output"
                    + " times along its critical in-plane direction; connector_cycles_to_failure is its inverse");
            f.dataset(RELIABILITY_CONNECTOR_DAMAGE_PER_POWER_CYCLE, flat(rf.offOnDamage(), c.present(), 1), map);
            f.dataset(RELIABILITY_CONNECTOR_CRITICAL_DIRECTION, flat(rf.angle(), c.present(), 180 / Math.PI), map);
            f.datasetAttribute(RELIABILITY_CONNECTOR_CRITICAL_DIRECTION, "note", "in-plane direction (from +x, 0-180)"
                    + " of the shear strain component with the largest damage");
            f.dataset(RELIABILITY_CONNECTOR_TWO_STATE_LIFE, flat(o.rainflow().twoState().lifeSeconds(), c.present(),
                    1 / org.wafersim.reliability.Durations.YEAR), map);
            f.datasetAttribute(RELIABILITY_CONNECTOR_TWO_STATE_LIFE, "note", "the two-state estimate (idle <-> full"
                    + " load, off <-> full load) on the same points, for comparison with connector_life");
        }
        f.datasetAttribute(RELIABILITY_CONNECTOR_CYCLES_TO_FAILURE, "cycle", "workload: idle <-> full load");
        f.datasetAttribute(RELIABILITY_CONNECTOR_CYCLES_TO_FAILURE, "note", "median cycles to failure of the workload"
                + " cycle alone (Engelmaier, IPC-SM-785) at the element centres /mechanics/element_x, element_y; inf"
                + " where the strain range is 0, NaN where there is no connector; the power cycle's are in"
                + " connector_cycles_to_failure_power_cycle, the combined life in connector_life");
        if (r.offOnCycles() != null) {
            f.dataset(RELIABILITY_CONNECTOR_CYCLES_TO_FAILURE_POWER_CYCLE, flat(r.offOnCycles(), c.present(), 1), map);
            f.datasetAttribute(RELIABILITY_CONNECTOR_CYCLES_TO_FAILURE_POWER_CYCLE, "cycle", "power: off"
                    + " (stress-free) <-> full load");
        }
        f.dataset(RELIABILITY_CONNECTOR_LIFE, flat(r.lifeSeconds(), c.present(), 1 / Durations.YEAR), map);
        f.datasetAttribute(RELIABILITY_CONNECTOR_LIFE, "note", "median life per point, Miner's rule over the duty"
                + " cycle: 1 / (f_workload / N_workload + f_power / N_power)");
        double[] range = new double[2 * nx * ny], meanC = new double[2 * nx * ny];
        double[] ra = flat(c.workloadRange(), c.present(), 1), ta = flat(c.workloadMeanK(), c.present(), 1);
        double[] rb = flat(c.offOnRange(), c.present(), 1), tb = flat(c.offOnMeanK(), c.present(), 1);
        for (int e = 0; e < nx * ny; e++) {
            range[e] = ra[e];
            range[nx * ny + e] = rb[e];
            meanC[e] = ta[e] - KELVIN;
            meanC[nx * ny + e] = tb[e] - KELVIN;
        }
        f.dataset(RELIABILITY_CONNECTOR_STRAIN_RANGE, range, new int[]{2, ny, nx});
        f.datasetAttribute(RELIABILITY_CONNECTOR_STRAIN_RANGE, "cycles", new String[]{"workload", "power"});
        f.datasetAttribute(RELIABILITY_CONNECTOR_STRAIN_RANGE, "note", "the contact's strain range in its"
                + " technology's own measure (attribute connector_strain_measure), linear in |gamma_a - gamma_b| of the"
                + " layer's shear strain vectors (gamma_xz, gamma_yz) of the cycle's two states");
        f.dataset(RELIABILITY_CONNECTOR_MEAN_TEMPERATURE, meanC, new int[]{2, ny, nx});
        f.datasetAttribute(RELIABILITY_CONNECTOR_MEAN_TEMPERATURE, "cycles", new String[]{"workload", "power"});
        double[] rc = new double[times.length];
        for (int k = 0; k < times.length; k++) rc[k] = r.population().reliability(times[k]);
        f.dataset(RELIABILITY_CONNECTOR_RELIABILITY, rc, new int[]{times.length});
        f.datasetAttribute(RELIABILITY_CONNECTOR_RELIABILITY, "note", "Weibull population of the connector points"
                + " in series (each point's median life at its Miner life), shape " + r.population().shape());

        // the summary's numbers under their JSON names (its texts and flags follow, written for HDF5)
        for (var e : SummaryFields.of(ReliabilitySummary.ConnectorSummary.of(o))) {
            if (e.getValue().isDouble()) f.attribute(RELIABILITY, e.getKey(), e.getValue().doubleValue());
        }
        f.attribute(RELIABILITY, "connector_technology", c.model().technology());
        f.attribute(RELIABILITY, "connector_model", c.model().describe());
        f.attribute(RELIABILITY, "connector_estimated", c.model().estimated() ? 1 : 0);
        f.attribute(RELIABILITY, "connector_strain_measure", c.model().strainMeasure());
        f.attribute(RELIABILITY, "connector_cycles_to_first_failure_note", "workload cycles (and power cycles) applied when"
                + " the first connector point fails under the duty cycle, life x frequency");
        f.attribute(RELIABILITY, "connector_first_failure_index", new int[]{r.firstFailure().y(), r.firstFailure().x()});
        f.attribute(RELIABILITY, "connector_weibull_shape", r.population().shape());
        f.attribute(RELIABILITY, "connector_characteristic_life_h", Durations.hours(r.population().characteristicLife()));
        DutyCycle d = o.parameters().dutyCycle();
        f.attribute(RELIABILITY, "connector_workload_cycles_per_day", d.cyclesPerDay());
        f.attribute(RELIABILITY, "connector_power_cycles_per_week", d.offCyclesPerWeek());
    }

    /** A [y][x] map as a flat array, scaled, NaN where the connector is absent. */
    private static double[] flat(double[][] m, boolean[] present, double scale) {
        int ny = m.length, nx = m[0].length;
        double[] out = new double[nx * ny];
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++) out[j * nx + i] = present[j * nx + i] ? m[j][i] * scale : Double.NaN;
        return out;
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
        } else if (m instanceof Mechanism.ArrheniusLife t) {
            physics = String.format(Locale.ROOT, "Ea %.4g eV, %s", t.activationEnergyEv(),
                    reference(t.referenceMttf(), t.referenceTemperatureK()));
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
