package org.wafersim.run;

import java.util.List;
import java.util.Locale;
import org.wafersim.mechanics.MechanicsState;
import org.wafersim.mechanics.PlateMesh;
import org.wafersim.reliability.ConnectorFatigue;
import org.wafersim.reliability.ConnectorLoad;
import org.wafersim.reliability.ConnectorRainflow;
import org.wafersim.reliability.FatigueModel;
import org.wafersim.reliability.ReliabilityParameters;

/**
 * Connector fatigue of a cycle run from the mechanics along its periodic cycle ({@link MechanicsHistory}): each
 * connector point's strain and temperature history over the output times is rainflow-counted and Miner-summed
 * ({@link ConnectorRainflow}) with the connector technology's fatigue law ({@link FatigueModel}, on the layer's
 * shear strain), and the two-state estimate (idle ↔ full load, off ↔ full load) is kept beside it for comparison.
 */
final class ConnectorHistoryFatigue {
    private ConnectorHistoryFatigue() { }

    /**
     * The evaluation.
     *
     * @param maps      damage per cycle, critical direction, and the library's result (life, first failure,
     *                  population) from the histories
     * @param twoState  the two-state estimate on the same points
     * @param minK      lowest joint temperature of each point over the cycle [y][x], K
     * @param maxK      highest, K
     * @param loK       lowest joint temperature anywhere in the connector over the cycle, K
     * @param hiK       highest, K
     * @param outputs   the number of output times
     */
    record Evaluated(ConnectorRainflow.Maps maps, ConnectorFatigue.Result twoState, double[][] minK, double[][] maxK,
                     double loK, double hiK, int outputs) { }

    static Evaluated evaluate(MechanicsRun.Outcome mech, boolean[] present, ReliabilityParameters p,
                              double[][] contacts, ConnectorLoad workload, ConnectorLoad offOn, List<String> notes) {
        MechanicsHistory.Result h = mech.history();
        PlateMesh mesh = mech.model().model().mesh();
        int nx = mesh.nx, ny = mesh.ny, n = h.size();
        List<MechanicsState> st = h.states();
        double[][] gx = new double[n][], gy = new double[n][], tk = new double[n][];
        for (int k = 0; k < n; k++) {
            gx[k] = st.get(k).connectorShearStrainXz();
            gy[k] = st.get(k).connectorShearStrainYz();
            tk[k] = st.get(k).connectorTemperature();
        }
        ConnectorRainflow.History[][] hist = new ConnectorRainflow.History[ny][nx];
        double[][] lo = new double[ny][nx], hi = new double[ny][nx];
        double loAll = Double.POSITIVE_INFINITY, hiAll = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int e = mesh.element(i, j);
                if (!present[e]) continue;
                double[] a = new double[n], b = new double[n], t = new double[n];
                lo[j][i] = Double.POSITIVE_INFINITY;
                hi[j][i] = Double.NEGATIVE_INFINITY;
                boolean ok = true;
                for (int k = 0; k < n; k++) {
                    a[k] = gx[k][e];
                    b[k] = gy[k][e];
                    t[k] = tk[k][e];
                    ok &= Double.isFinite(a[k] + b[k] + t[k]);
                    lo[j][i] = Math.min(lo[j][i], t[k]);
                    hi[j][i] = Math.max(hi[j][i], t[k]);
                }
                if (!ok) continue;
                hist[j][i] = new ConnectorRainflow.History(a, b, t);
                loAll = Math.min(loAll, lo[j][i]);
                hiAll = Math.max(hiAll, hi[j][i]);
            }
        }
        int connectorLayer = mech.model().model().interlayers().stream()
                .filter(il -> il.layer() == mech.model().waferLayer() + 1).findFirst().orElseThrow().layer();
        double hLayer = mech.model().model().layers().get(connectorLayer).thickness();
        FatigueModel model = p.connector().model();
        ConnectorRainflow.StrainLife law = (g, t, f) -> model.cyclesToFailureOfLayerShear(g, hLayer, t, f);
        List<String> modelNotes = new java.util.ArrayList<>(model.notes("workload", p.dutyCycle().cyclesPerDay()));
        if (p.dutyCycle().offCyclesPerWeek() > 0) modelNotes.addAll(model.notes("off/on", p.dutyCycle().offCyclesPerDay()));
        ConnectorRainflow.Maps maps = ConnectorRainflow.evaluate(hist, mech.model().setup().stressFreeK(), law,
                p.dutyCycle(), p.connector().weibullShape(), contacts, modelNotes);
        ConnectorFatigue.Result two = ConnectorFatigue.evaluate(workload, offOn, p.dutyCycle(), p.connector(), contacts);
        notes.add(String.format(Locale.ROOT, "connector fatigue: rainflow (ASTM E1049) of each point's strain history"
                        + " at %d output times of the periodic cycle, critical in-plane direction, Miner's rule with %s;"
                        + " the two-state estimate (idle <-> full load) gives %.4g years at its first failure, the"
                        + " history %.4g years", n, model.technology(), two.firstFailureYears(),
                maps.fatigue().firstFailureYears()));
        return new Evaluated(maps, two, lo, hi, loAll, hiAll, n);
    }
}
