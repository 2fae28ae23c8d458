package org.wafersim.cases;

import org.wafersim.cases.CaseReader.Q;
import org.wafersim.cases.CaseReader.Section;
import org.wafersim.cases.CaseSpec.*;
import org.wafersim.cases.PowerSpec.*;
import org.wafersim.cases.PowerSpec.PatternSource;
import org.wafersim.cases.PowerSpec.Source;
import org.wafersim.power.WattMaps;

/**
 * Reads the {@code power} block: the source of the distribution ({@link PowerSourceReader}), the level and its basis
 * (total at the operating point, or dynamic), how a map in watts is used, the idle level and the leakage.
 */
final class PowerReader {
    private final CaseReader r;

    PowerReader(CaseReader r) { this.r = r; }

    PowerSpec readPower(Section p, DiesSpec dies, WattTraceReader.Peek trace) {
        if (p.has("total") && p.has("dynamic")) {
            throw r.error(p.sub("dynamic"), "give either power.total (the total, dynamic + leakage, at the operating"
                    + " point) or power.dynamic (the dynamic power, leakage on top), not both (to drop one from the"
                    + " command line: --set power.total=null)");
        }
        // the source first: a map in watts may set the level itself
        String[] map = new String[1];
        Source source = new PowerSourceReader(r).read(p, dies, map);
        PowerPattern pattern = source instanceof PatternSource ps ? ps.pattern() : PowerPattern.UNIFORM;
        MapAs mapAs = null;
        if (p.has("map_as")) {
            if (map[0] == null) {
                throw r.error(p.sub("map_as"), "map_as applies only to a power map or trace (power.map); this case's"
                        + " power comes from " + (p.has("utilisation") ? "power.utilisation" : "a pattern"));
            }
            mapAs = p.choice("map_as", MapAs::fromKey);
        } else {
            p.raw("map_as");
        }
        String levelKey = p.has("total") ? "total" : p.has("dynamic") ? "dynamic" : null;
        // (a map used as a distribution is not opened here: its unit does not matter)
        WattMaps.Info units = map[0] == null || mapAs == MapAs.DISTRIBUTION ? null
                : WattMaps.of(source, f -> CaseSpec.inputPath(r.source(), f), r.source());
        boolean watts = units != null && units.unit() == WattMaps.Unit.WATTS;
        Q total;
        PowerBasis basis;
        // a trace in W (transient.trace) used as written sets the level as a map in W does
        Q traceLevel = WattTraceReader.level(r, p, trace, levelKey, watts && mapAs != MapAs.DISTRIBUTION);
        if (traceLevel != null) {
            p.raw("total");
            p.raw("dynamic");
            total = traceLevel;
            basis = PowerBasis.DYNAMIC;
            p.out.put("dynamic", traceLevel.text());
        } else if (watts && (mapAs == MapAs.WATTS || mapAs == null && levelKey == null)) {
            // watts as written: the file's sum is the dynamic power (leakage, if any, on top)
            String sumText = CaseReader.exact(units.sumW()) + " W";
            if (levelKey != null && !(levelKey.equals("dynamic")
                    && Math.abs(p.quantity("dynamic").v() - units.sumW()) <= 1e-9 * units.sumW()))
                throw r.error(p.sub(levelKey), "power.map_as: watts uses the map's watts as written (their sum, "
                        + CaseReader.num(units.sumW()) + " W, is the dynamic power); drop power." + levelKey + ", or say"
                        + " power.map_as: distribution to scale the map to it");
            if (!(units.sumW() > 0)) throw r.error(p.sub("map"), "the power map's watts sum to 0");
            p.raw("total");
            p.raw("dynamic");
            p.out.put("map_as", MapAs.WATTS.key);
            mapAs = MapAs.WATTS;
            total = new Q(units.sumW(), sumText, p.sub("map"));
            basis = PowerBasis.DYNAMIC;
            p.out.put("dynamic", sumText);
        } else {
            if (watts && mapAs == null) {
                throw r.error(p.sub(levelKey), "power.map " + map[0] + " is in W (" + CaseReader.num(units.sumW()) + " W in all) and"
                        + " power." + levelKey + " is given too: say power.map_as: distribution to use the map as a"
                        + " shape scaled to power." + levelKey + ", or drop power." + levelKey + " to use its watts as"
                        + " written");
            }
            if (mapAs == MapAs.WATTS) {
                throw r.error(p.sub("map_as"), "map_as: watts needs a map in W (a HotSpot .ptrace, a CSV with the header"
                        + " comment '# units: W', an HDF5 dataset with units = W); power.map " + map[0] + " has "
                        + (units == null || units.unitText() == null ? "no unit" : "unit " + units.unitText()));
            }
            if (levelKey == null) {
                throw r.missing(p.sub("total"), "total", "the total power at the operating point, dynamic + leakage,"
                        + " such as \"15 kW\"; or power.dynamic, the dynamic power with the leakage on top");
            }
            basis = levelKey.equals("dynamic") ? PowerBasis.DYNAMIC : PowerBasis.TOTAL;
            p.raw(basis == PowerBasis.TOTAL ? "dynamic" : "total");
            total = p.quantity(levelKey);
        }
        String key = basis.key;
        Q idle = p.quantity("idle", CaseReader.exact(total.v() / 3) + " W");
        r.check(idle.v() <= total.v(), idle, "idle must not exceed " + key + " (" + total.text() + ")");
        LeakageSpec leakage = null;
        Section lk = p.optionalSection("leakage");
        if (lk != null) {
            Q share = lk.number("share_at_ref");
            Q ref = lk.quantity("ref");
            Q beta = lk.quantity("beta");
            lk.done();
            leakage = new LeakageSpec(share.v(), ref.v(), beta.v());
        }
        return new PowerSpec(total.v(), idle.v(), pattern, leakage, map[0], source, basis, mapAs);
    }
}
