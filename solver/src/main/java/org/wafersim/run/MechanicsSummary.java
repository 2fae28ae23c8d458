package org.wafersim.run;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wafersim.mechanics.MechanicsState;
import org.wafersim.mechanics.StateSummary;
import org.wafersim.mechanics.corner.CornerSummary;

/**
 * The mechanics part of a run's summary ({@code mechanicsInfo} in JSON): the first (headline) state in full, the
 * other states' connector strain and warpage, the maxima along the mechanics history of a transient or cycle run,
 * and the cost. SI units, strains dimensionless; the JSON writes the parts flat, in this order.
 *
 * @param head        the headline state's numbers
 * @param connectorMaxOverHandEstimate the headline state's largest connector strain over its hand estimate (null
 *                    without a connector)
 * @param otherStates the other states' {@code STATE_connector_max_shear_strain} (with a connector) and
 *                    {@code STATE_wafer_warpage_pv_m}, by field name
 * @param history     the maxima over the history's output times, null without a history
 * @param corner      the 3-D corner model's numbers, null when it did not run
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MechanicsSummary(
        String model,
        String mesh,
        List<String> states,
        String state,
        @JsonUnwrapped StateSummary head,
        @JsonProperty("connector_max_over_hand_estimate") Double connectorMaxOverHandEstimate,
        @JsonAnyGetter Map<String, Double> otherStates,
        @JsonUnwrapped History history,
        @JsonProperty("multigrid_levels") int multigridLevels,
        @JsonProperty("factor_non_zeros") long factorNonZeros,
        @JsonProperty("assembly_seconds") double assemblySeconds,
        @JsonProperty("factor_seconds") double factorSeconds,
        @JsonProperty("setup_seconds") double setupSeconds,
        double seconds,
        @JsonUnwrapped CornerSummary corner) {

    public MechanicsSummary {
        states = List.copyOf(states);
        otherStates = Collections.unmodifiableMap(new LinkedHashMap<>(otherStates));
    }

    /**
     * @param outputs                 output times of the history
     * @param placement               "automatic" or "user"
     * @param connectorMaxShearStrain the largest connector strain over them (null without a connector)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record History(@JsonProperty("history_outputs") int outputs,
                          @JsonProperty("history_placement") String placement,
                          @JsonProperty("history_connector_max_shear_strain") Double connectorMaxShearStrain,
                          @JsonProperty("history_wafer_warpage_pv_max_m") double waferWarpagePvMaxM,
                          @JsonProperty("history_silicon_peak_principal_max_Pa") double siliconPeakPrincipalMaxPa,
                          @JsonProperty("history_cg_iterations") int cgIterations,
                          @JsonProperty("history_seconds") double seconds) { }

    /** The headline numbers of a mechanics outcome: the first state's in full, the others' connector strain and warpage. */
    public static MechanicsSummary of(MechanicsRun.Outcome o) {
        MechanicsState head = o.states().get(0);
        Map<String, Double> others = new LinkedHashMap<>();
        for (MechanicsState s : o.states().subList(1, o.states().size())) {
            if (s.hasConnector()) others.put(s.name() + "_connector_max_shear_strain", s.maxConnectorShearStrain());
            others.put(s.name() + "_wafer_warpage_pv_m", s.warpagePeakToValley(s.waferLaminate()));
        }
        History hist = null;
        if (o.history() != null) {
            MechanicsHistory.Result h = o.history();
            double gmax = 0, warp = 0, p1 = 0;
            int its = 0;
            for (int k = 0; k < h.size(); k++) {
                MechanicsState s = h.states().get(k);
                if (s.hasConnector()) gmax = Math.max(gmax, s.maxConnectorShearStrain());
                warp = Math.max(warp, s.warpagePeakToValley(s.waferLaminate()));
                p1 = Math.max(p1, s.peakSiliconPrincipal());
                its += h.iterations()[k];
            }
            hist = new History(h.size(), h.automatic() ? "automatic" : "user", head.hasConnector() ? gmax : null,
                    warp, p1, its, h.seconds());
        }
        var st = head.solution().stats();
        var mesh = o.model().model().mesh();
        return new MechanicsSummary("layered plate", mesh.nx + " x " + mesh.ny,
                o.states().stream().map(MechanicsState::name).toList(), head.name(), head.summary(),
                head.hasConnector() ? head.maxConnectorShearStrain() / head.connectorHandEstimate() : null, others,
                hist, st.levels(), st.factorNonZeros(), st.assemblySeconds(), st.factorSeconds(), o.setupSeconds(),
                o.seconds(), o.corner() == null ? null : o.corner().summary());
    }

    /** Summary lines for {@link RunSummary#text()}: every number, then the connector and silicon in words. */
    String text() {
        StringBuilder sb = new StringBuilder();
        // the corner's numbers have their own line below
        sb.append("mechanics      ").append(SummaryFields.line(this, Locale.ROOT, k -> !k.startsWith(CornerSummary.PREFIX)))
                .append(System.lineSeparator());
        StateSummary.Connector c = head.connector();
        if (c != null) {
            sb.append(String.format(Locale.ROOT, "connector       max shear strain %.3f %% at (%.1f mm, %.1f mm), "
                            + "%.1f mm from the wafer centre; hand estimate DNP*d(alpha dT)/h %.3f %%%n",
                    100 * c.maxShearStrain(), 1e3 * c.maxAtXM(), 1e3 * c.maxAtYM(), 1e3 * c.maxDnpM(),
                    100 * c.handEstimate()));
        }
        StateSummary.Stress s = head.stress();
        double p1 = s.siliconPeakPrincipalPa(), f = s.siliconFractureStrengthPa();
        sb.append(String.format(Locale.ROOT, "silicon         peak principal stress %.1f MPa (%.1f %% of the %.0f MPa "
                        + "fracture strength), peak von Mises %.1f MPa; wafer warpage %.1f um peak to valley%n",
                p1 / 1e6, 100 * p1 / f, f / 1e6, s.siliconPeakVonMisesPa() / 1e6, 1e6 * head.warpage().waferPvM()));
        if (corner != null)
            sb.append(String.format(Locale.ROOT, "corner          3-D box %.1f mm at (%.1f mm, %.1f mm): connector peak "
                            + "shear %.4g MPa at its mid-plane (plate %.4g MPa there), peel %.4g .. %.4g MPa; silicon "
                            + "free-edge principal stress %.4g MPa; %,d unknowns, %.1f s%n",
                    1e3 * (corner.boxX1M() - corner.boxX0M()), 0.5e3 * (corner.boxX1M() + corner.boxX0M()),
                    0.5e3 * (corner.boxY1M() + corner.boxY0M()), corner.connectorPeakShearPa() / 1e6,
                    corner.plateShearAtPeakPa() / 1e6, corner.connectorMinPeelPa() / 1e6,
                    corner.connectorPeakPeelPa() / 1e6, corner.siliconEdgePeakPrincipalPa() / 1e6, corner.unknowns(),
                    corner.seconds()));
        return sb.toString();
    }
}
