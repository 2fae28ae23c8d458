package org.wafersim.run;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wafersim.geometry.CoreArray;
import org.wafersim.reliability.ConnectorFatigue;
import org.wafersim.reliability.ConnectorPopulation;
import org.wafersim.reliability.CoreLifetimes;
import org.wafersim.reliability.DieRedundancy;
import org.wafersim.reliability.DutyCycle;
import org.wafersim.reliability.Durations;
import org.wafersim.reliability.Mechanism;
import org.wafersim.reliability.TestToField;

import static org.wafersim.run.ReliabilityRun.MILESTONE_YEARS;
import static org.wafersim.run.ReliabilityRun.num;

/**
 * The reliability part of a run's summary ({@code reliabilityInfo} in JSON): yield and spares, the wafer's MTTF and
 * R(t) (with 1 − R computed directly) at the milestones and the design life, the components in series and the
 * limiting one, the connector's fatigue, the notes and the stage's cost. Times in years unless named otherwise.
 *
 * @param coresMttfYears  the cores' MTTF without the connector (null when the connector was not evaluated)
 * @param milestones      {@code reliability_at_Ny} and {@code unreliability_at_Ny} of the wafer at each milestone
 *                        N years, by field name
 * @param limitingDies    the dies of least R, worst first, when the dies limit the wafer (else empty)
 * @param connectorFatigue whether and how the connector's fatigue was evaluated, or why not
 * @param connector       the connector's numbers, null when its fatigue was not evaluated
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReliabilitySummary(
        double yield,
        @JsonProperty("yield_loss") double yieldLoss,
        int spares,
        @JsonProperty("expected_spares_left") double expectedSparesLeft,
        @JsonProperty("wafer_mttf_h") double waferMttfH,
        @JsonProperty(ReliabilitySummary.WAFER_MTTF_YEARS) double waferMttfYears,
        @JsonProperty("cores_mttf_years") Double coresMttfYears,
        @JsonAnyGetter Map<String, Double> milestones,
        @JsonProperty("design_life_years") double designLifeYears,
        @JsonProperty("reliability_at_design_life") double reliabilityAtDesignLife,
        @JsonProperty("dominant_mechanism") String dominantMechanism,
        List<ComponentRow> components,
        @JsonProperty("limiting_component") String limitingComponent,
        @JsonProperty("limiting_location") String limitingLocation,
        @JsonProperty("unreliability_at_design_life") double unreliabilityAtDesignLife,
        @JsonProperty("limiting_dies") List<String> limitingDies,
        @JsonProperty("connector_fatigue") String connectorFatigue,
        @JsonUnwrapped ConnectorSummary connector,
        List<String> notes,
        double seconds) {

    /** JSON names that the sweep's table reads back. */
    public static final String YIELD = "yield", WAFER_MTTF_YEARS = "wafer_mttf_years",
            CONNECTOR_LIFE_YEARS = "connector_life_years";
    /** The component of the dies with their spares. */
    static final String DIES = "dies with spares";

    public ReliabilitySummary {
        milestones = Collections.unmodifiableMap(new LinkedHashMap<>(milestones));
        components = List.copyOf(components);
        limitingDies = List.copyOf(limitingDies);
        notes = List.copyOf(notes);
    }

    /**
     * One component of the wafer in series: core wear-out of a mechanism (its shortest per-core MTTF and where, no
     * spares), or the dies with spares and the connector (R and 1 − R at the design life, MTTF, where).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ComponentRow(String component,
                               @JsonProperty("shortest_core_mttf_years") Double shortestCoreMttfYears,
                               @JsonProperty("reliability_at_design_life") Double reliabilityAtDesignLife,
                               @JsonProperty("unreliability_at_design_life") Double unreliabilityAtDesignLife,
                               @JsonProperty("mttf_years") Double mttfYears,
                               String location) { }

    /**
     * The connector's headline numbers: its model, the first-failure point (x, y and its distance from the wafer
     * centre, m), its life, the workload and power cycles applied until it fails (life × frequency), its strain
     * ranges and cycles to failure per cycle kind, the population's MTTF and R at the milestones.
     *
     * @param powerCycle    the off ↔ full-load cycle's numbers, null when the duty cycle has none
     * @param rainflow      the rainflow count of the mechanics history, null without a history
     * @param qualification the qualification test translated to the field, null without one
     * @param reliabilityAtMilestones {@code connector_reliability_at_Ny}, by field name
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConnectorSummary(
            @JsonProperty("connector_technology") String technology,
            @JsonProperty("connector_model") String model,
            @JsonProperty("connector_estimated") boolean estimated,
            @JsonProperty("connector_strain_measure") String strainMeasure,
            @JsonProperty(CONNECTOR_LIFE_YEARS) double lifeYears,
            @JsonProperty("connector_cycles_to_first_failure") double cyclesToFirstFailure,
            @JsonProperty("connector_power_cycles_to_first_failure") double powerCyclesToFirstFailure,
            @JsonProperty("connector_first_failure_x_m") double firstFailureXM,
            @JsonProperty("connector_first_failure_y_m") double firstFailureYM,
            @JsonProperty("connector_first_failure_dnp_m") double firstFailureDnpM,
            @JsonProperty("connector_workload_strain_range") double workloadStrainRange,
            @JsonProperty("connector_workload_layer_shear_range") double workloadLayerShearRange,
            @JsonProperty("connector_workload_cycles_to_failure") double workloadCyclesToFailure,
            @JsonUnwrapped PowerCycle powerCycle,
            @JsonProperty("connector_mttf_years") double mttfYears,
            @JsonUnwrapped Rainflow rainflow,
            @JsonUnwrapped Qualification qualification,
            @JsonAnyGetter Map<String, Double> reliabilityAtMilestones) {

        public ConnectorSummary {
            reliabilityAtMilestones = Collections.unmodifiableMap(new LinkedHashMap<>(reliabilityAtMilestones));
        }

        public record PowerCycle(@JsonProperty("connector_power_cycle_strain_range") double strainRange,
                                 @JsonProperty("connector_power_cycle_layer_shear_range") double layerShearRange,
                                 @JsonProperty("connector_power_cycle_cycles_to_failure") double cyclesToFailure) { }

        /**
         * @param historyOutputs output times of the history the rainflow count ran on (a count, written as a
         *                       floating-point number as the HDF5 attribute has always been)
         */
        public record Rainflow(@JsonProperty("connector_history_outputs") double historyOutputs,
                               @JsonProperty("connector_damage_per_cycle") double damagePerCycle,
                               @JsonProperty("connector_two_state_life_years") double twoStateLifeYears,
                               @JsonProperty("connector_two_state_first_failure_x_m") double twoStateFirstFailureXM,
                               @JsonProperty("connector_two_state_first_failure_y_m") double twoStateFirstFailureYM) { }

        /** @param powerCycleAccelerationFactor null when the duty cycle has no power cycle */
        @JsonInclude(JsonInclude.Include.NON_NULL)
        public record Qualification(
                @JsonProperty("connector_qualification_acceleration_factor") double accelerationFactor,
                @JsonProperty("connector_qualification_power_cycle_acceleration_factor") Double powerCycleAccelerationFactor,
                @JsonProperty("connector_qualification_field_cycles") double fieldCycles,
                @JsonProperty("connector_qualification_field_life_years") double fieldLifeYears) { }

        /** The connector's summary, or null when its fatigue was not evaluated. */
        static ConnectorSummary of(ReliabilityRun.Outcome o) {
            ReliabilityRun.ConnectorMap c = o.connector();
            if (c == null) return null;
            ConnectorFatigue.Result f = c.fatigue();
            int x = f.firstFailure().x(), y = f.firstFailure().y();
            DutyCycle duty = o.parameters().dutyCycle();
            double life = c.firstFailureLife();
            PowerCycle pc = f.offOnCycles() == null ? null
                    : new PowerCycle(c.offOnRange()[y][x], c.layerOffOnRange()[y][x], f.offOnCycles()[y][x]);
            Rainflow rf = null;
            if (o.rainflow() != null) {
                var r = o.rainflow();
                rf = new Rainflow(r.outputs(), r.maps().workloadDamage()[y][x], r.twoState().firstFailureYears(),
                        c.elementX()[r.twoState().firstFailure().x()], c.elementY()[r.twoState().firstFailure().y()]);
            }
            TestToField.Result q = o.qualification();
            Qualification qual = q == null ? null : new Qualification(q.workloadFactor(),
                    Double.isNaN(q.offOnFactor()) ? null : q.offOnFactor(), q.workloadCycles(),
                    Durations.years(q.lifeSeconds()));
            Map<String, Double> atMilestones = new LinkedHashMap<>();
            for (int i = 0; i < MILESTONE_YEARS.length; i++)
                atMilestones.put("connector_reliability_at_" + num(MILESTONE_YEARS[i]) + "y", c.atMilestones()[i]);
            return new ConnectorSummary(c.model().technology(), c.model().describe(), c.model().estimated(),
                    c.model().strainMeasure(), Durations.years(life), life * duty.cyclesPerSecond(),
                    life * duty.offCyclesPerSecond(), c.firstFailureX(), c.firstFailureY(), c.firstFailureDnp(),
                    c.workloadRange()[y][x], c.layerWorkloadRange()[y][x], f.workloadCycles()[y][x], pc,
                    Durations.years(f.population().mttf()), rf, qual, atMilestones);
        }
    }

    /** The components of the wafer's reliability, the limiting one and where it is, and the wafer's 1 − R. */
    record Components(List<ComponentRow> rows, String limiting, String location, double waferUnreliability) { }

    /** The headline numbers of a reliability outcome. */
    public static ReliabilitySummary of(ReliabilityRun.Outcome o, CoreArray cores) {
        var rep = o.report();
        Map<String, Double> milestones = new LinkedHashMap<>();
        for (int i = 0; i < MILESTONE_YEARS.length; i++) {
            milestones.put("reliability_at_" + num(MILESTONE_YEARS[i]) + "y", o.waferAtMilestones()[i]);
            milestones.put("unreliability_at_" + num(MILESTONE_YEARS[i]) + "y", o.waferUnreliabilityAtMilestones()[i]);
        }
        Mechanism dom = rep.dominantMechanism();
        List<String> limiting = new ArrayList<>();
        for (DieRedundancy.DieRank d : rep.limitingDies()) {
            // the library's 1 - R is exact where R rounds to 1
            String r = d.unreliability() == 0 ? String.format(Locale.ROOT, "1 (1 - R < %.0e)", DieRedundancy.PROBABILITY_FLOOR)
                    : d.unreliability() < 1e-4 ? String.format(Locale.ROOT, "1 - %.3g", d.unreliability())
                    : String.format(Locale.ROOT, "%.6g", d.reliability());
            limiting.add(String.format(Locale.ROOT, "die %d (col %d, row %d) R %s", d.die(), d.column(), d.row(), r));
        }
        Components comp = components(o, cores);
        return new ReliabilitySummary(o.yield(),
                rep.yield().waferYieldLoss(o.parameters().defectModel(), cores.coresPerDie()),
                cores.coreCount() - cores.activeCoreCount(), rep.yield().totalSparesLeft(),
                Durations.hours(o.waferMttf()), Durations.years(o.waferMttf()),
                o.connector() != null ? Durations.years(o.coresMttf()) : null, milestones,
                Durations.years(o.parameters().designLife()), o.reliabilityAtDesignLife(),
                dom == null ? "none" : dom.key(), comp.rows(), comp.limiting(), comp.location(),
                comp.waferUnreliability(),
                // the dies are named as limiting only when they are what limits the wafer
                comp.limiting().equals(DIES) ? limiting : List.of(), o.connectorStatus(), ConnectorSummary.of(o),
                o.notes(), o.seconds());
    }

    /**
     * The wafer as a series system of its components, each with R and 1 − R at the design life (1 − R computed
     * directly: from the dies' own unreliabilities and the connector population's, never as 1 − R of a rounded R)
     * and its MTTF:
     * <ul>
     * <li>core wear-out by mechanism (no spares): the shortest per-core MTTF of each mechanism and where;</li>
     * <li>dies with spares (k-out-of-n per die, all dies in series): R_cores(t) = Π_d R_d(t),
     *     1 − R = −expm1(Σ_d log1p(−q_d));</li>
     * <li>the connector (its technology's model): the Weibull population of its contacts, first failure point;</li>
     * </ul>
     * The limiting component is the one of shorter MTTF (dies with spares or connector): the one that ends the
     * wafer's life; its 1 − R at the design life is reported beside it.
     */
    static Components components(ReliabilityRun.Outcome o, CoreArray cores) {
        List<ComponentRow> rows = new ArrayList<>();
        CoreLifetimes life = o.lifetimes();
        for (int mi = 0; mi < life.mechanisms().size(); mi++) {
            int worst = -1;
            double w = Double.POSITIVE_INFINITY;
            for (int c = 0; c < cores.coreCount(); c++) {
                if (life.mttf(mi, c) < w) { w = life.mttf(mi, c); worst = c; }
            }
            String loc = null;
            if (worst >= 0) {
                int d = cores.die(worst);
                loc = String.format(Locale.ROOT, "core %d at die (col %d, row %d), core (col %d, row %d)",
                        worst, cores.dieColumn(d), cores.dieRow(d), cores.coreColumn(worst), cores.coreRow(worst));
            }
            rows.add(new ComponentRow("core wear-out: " + life.mechanisms().get(mi).key(), Durations.years(w), null,
                    null, null, loc));
        }
        double logR = 0;
        int worstDie = 0;
        for (int d = 0; d < o.dieUnreliabilityAtDesignLife().length; d++) {
            double q = o.dieUnreliabilityAtDesignLife()[d];
            logR += Math.log1p(-q);
            if (q > o.dieUnreliabilityAtDesignLife()[worstDie]) worstDie = d;
        }
        double qDies = -Math.expm1(logR);
        // below the library's probability floor every die reads 0: take the redundancy's own ranking
        if (o.dieUnreliabilityAtDesignLife()[worstDie] == 0 && !o.report().limitingDies().isEmpty()) {
            worstDie = o.report().limitingDies().get(0).die();
        }
        String dieLoc = String.format(Locale.ROOT, "die %d (col %d, row %d)", worstDie, cores.dieColumn(worstDie),
                cores.dieRow(worstDie));
        rows.add(new ComponentRow(DIES, null, Math.exp(logR), qDies, Durations.years(o.coresMttf()), dieLoc));
        String limiting = DIES, where = dieLoc;
        double mttfLim = o.coresMttf(), qWafer = qDies;
        ReliabilityRun.ConnectorMap c = o.connector();
        if (c != null) {
            ConnectorPopulation pop = c.fatigue().population();
            double t = o.parameters().designLife();
            double qc = pop.unreliability(t);
            String name = "connector (" + c.model().technology() + ")";
            String loc = String.format(Locale.ROOT, "first failure at (%.1f mm, %.1f mm), %.1f mm from the wafer"
                    + " centre", 1e3 * c.firstFailureX(), 1e3 * c.firstFailureY(), 1e3 * c.firstFailureDnp());
            rows.add(new ComponentRow(name, null, pop.reliability(t), qc, Durations.years(pop.mttf()), loc));
            // series: 1 - R = q1 + q2 - q1 q2, without cancellation
            qWafer = qDies + qc - qDies * qc;
            if (pop.mttf() < mttfLim) {
                limiting = name;
                where = loc;
            }
        }
        return new Components(List.copyOf(rows), limiting, where, qWafer);
    }

    /** Summary lines for {@link RunSummary#text()}: the numbers on one line, the components, connector and notes below. */
    String text() {
        StringBuilder sb = new StringBuilder("reliability    ").append(numbersLine()).append(System.lineSeparator());
        if (!components.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "components      at the design life (%s years), in series:%n",
                    num(designLifeYears)));
            for (ComponentRow c : components) {
                sb.append(String.format(Locale.ROOT, "                %-28s", c.component()));
                if (c.reliabilityAtDesignLife() != null) {
                    sb.append(" R ").append(probability(c.reliabilityAtDesignLife(), c.unreliabilityAtDesignLife()));
                    sb.append(String.format(Locale.ROOT, "; MTTF %.4g years", c.mttfYears()));
                } else if (c.shortestCoreMttfYears() != null) {
                    sb.append(String.format(Locale.ROOT, " shortest core MTTF %.4g years (no spares)",
                            c.shortestCoreMttfYears()));
                }
                if (c.location() != null) sb.append("; ").append(c.location());
                sb.append(System.lineSeparator());
            }
            sb.append("limiting        ").append(limitingComponent).append(": ").append(limitingLocation)
                    .append(System.lineSeparator());
        }
        if (!limitingDies.isEmpty()) sb.append("limiting dies   ").append(String.join("; ", limitingDies))
                .append(System.lineSeparator());
        sb.append("connector       fatigue ").append(connectorFatigue).append(System.lineSeparator());
        if (connector != null) sb.append(connectorText(connector));
        for (String n : notes) {
            // said on the connector line above
            if (n.equals("connector fatigue " + connectorFatigue)) continue;
            sb.append("  note: ").append(n).append(System.lineSeparator());
        }
        return sb.toString();
    }

    /**
     * The scalar numbers of the JSON in its order, without the connector's and the limiting component's (on lines of
     * their own): yield and each R with its directly computed complement ("1 - 3.1e-09"), which then is not repeated.
     */
    private String numbersLine() {
        Map<String, JsonNode> f = new LinkedHashMap<>();
        for (var e : SummaryFields.of(this)) f.put(e.getKey(), e.getValue());
        StringBuilder sb = new StringBuilder();
        for (var e : f.entrySet()) {
            String k = e.getKey();
            JsonNode v = e.getValue();
            if (v.isArray() || k.startsWith("connector_") || k.startsWith("limiting_") || k.equals("yield_loss")
                    || k.startsWith("unreliability_at_")) continue;
            if (k.equals(YIELD)) {
                sb.append(" yield ").append(probability(yield, yieldLoss).replace("1 - R", "1 - Y")).append(';');
            } else if (k.startsWith("reliability_at_") && f.containsKey("un" + k)) {
                sb.append(' ').append(k).append(' ').append(probability(v.doubleValue(), f.get("un" + k).doubleValue()))
                        .append(';');
            } else {
                sb.append(' ').append(k).append(' ').append(v.isDouble() ? show(v.doubleValue()) : v.asText()).append(';');
            }
        }
        return sb.toString();
    }

    /** A probability R with its directly computed complement q = 1 − R: "0.93", "1 - 3.1e-09", "1 (1 - R = 7e-124)". */
    static String probability(double r, double q) {
        if (q == 0) return String.format(Locale.ROOT, "1 (1 - R < %.0e)", DieRedundancy.PROBABILITY_FLOOR);
        if (q < 1e-15) return String.format(Locale.ROOT, "1 (1 - R = %.3g)", q);
        if (q < 1e-4) return String.format(Locale.ROOT, "1 - %.3g", q);
        return String.format(Locale.ROOT, "%.6g", r);
    }

    /** A number for the text summary; probabilities close to 1 as "1 - q", which says more than "1.00000". */
    private static String show(double d) {
        if (d == 1) return "1";
        if (d > 0.9999 && d < 1) return String.format(Locale.ROOT, "1 - %.3g", 1 - d);
        return String.format(Locale.ROOT, "%.6g", d);
    }

    /** The connector's lines of the text summary. */
    private static String connectorText(ConnectorSummary c) {
        StringBuilder sb = new StringBuilder();
        String nl = System.lineSeparator();
        sb.append("                model ").append(c.model()).append(nl);
        sb.append(String.format(Locale.ROOT, "                first failure at (%.1f mm, %.1f mm), %.1f mm from the"
                        + " wafer centre, after %.4g workload cycles (%.4g power cycles): %.4g years; N_f %.4g"
                        + " (workload, d_eps %.4g %%)", 1e3 * c.firstFailureXM(), 1e3 * c.firstFailureYM(),
                1e3 * c.firstFailureDnpM(), c.cyclesToFirstFailure(), c.powerCyclesToFirstFailure(), c.lifeYears(),
                c.workloadCyclesToFailure(), 100 * c.workloadStrainRange()));
        if (c.powerCycle() != null) {
            sb.append(String.format(Locale.ROOT, ", %.4g (power cycle, d_eps %.4g %%)", c.powerCycle().cyclesToFailure(),
                    100 * c.powerCycle().strainRange()));
        }
        sb.append(nl).append("                R_connector");
        for (double yr : MILESTONE_YEARS) {
            Double r = c.reliabilityAtMilestones().get("connector_reliability_at_" + num(yr) + "y");
            sb.append(' ').append(num(yr)).append(" y ").append(r == null ? "null" : show(r)).append(';');
        }
        sb.append(String.format(Locale.ROOT, " MTTF %.4g years%n", c.mttfYears()));
        ConnectorSummary.Rainflow rf = c.rainflow();
        if (rf != null) {
            sb.append(String.format(Locale.ROOT, "                rainflow over %.0f output times of the periodic"
                            + " cycle: damage %.4g per workload cycle at the first failure; the two-state"
                            + " estimate gives %.4g years at (%.1f mm, %.1f mm)%n", rf.historyOutputs(),
                    rf.damagePerCycle(), rf.twoStateLifeYears(), 1e3 * rf.twoStateFirstFailureXM(),
                    1e3 * rf.twoStateFirstFailureYM()));
        }
        ConnectorSummary.Qualification q = c.qualification();
        if (q != null) {
            sb.append(String.format(Locale.ROOT, "                qualification test implies %.4g workload cycles"
                            + " (AF %.4g) and %.4g years at the first-failure point; the model predicts %.4g years%n",
                    q.fieldCycles(), q.accelerationFactor(), q.fieldLifeYears(), c.lifeYears()));
        }
        return sb.toString();
    }
}
