package org.wafersim.cases;

import java.util.ArrayList;
import java.util.List;
import org.wafersim.cases.CaseReader.Q;
import org.wafersim.cases.CaseReader.Section;
import org.wafersim.cases.CaseSpec.*;
import org.wafersim.materials.MaterialLibrary;

/**
 * Reads the {@code cooling} block: the mode, the coolant (h given, or from a channel or jet plate's geometry) and the
 * convective outer faces, with notes for keys the mode does not use.
 */
final class CoolingReader {
    private final CaseReader r;

    CoolingReader(CaseReader r) { this.r = r; }

    CoolingSpec readCooling(Section c, MaterialLibrary lib) {
        CoolingMode mode = c.choice("mode", CoolingMode::fromKey);
        Section cc = c.section("coolant", true);
        String fluid = r.checkMaterial(lib, cc.text("fluid"), cc.sub("fluid"));
        cc.out.put("fluid", fluid);
        Q inlet = cc.quantity("inlet");
        double flow = 0;
        if (mode != CoolingMode.EDGE || cc.has("flow")) {
            Q f = cc.quantity("flow");
            flow = f.v();
        } else {
            cc.raw("flow");
        }
        CaseSpec.PlateGeometry geometry = plateGeometry(cc);
        double h = 0;
        if (geometry != null) {
            cc.raw("h");
        } else if (mode != CoolingMode.EDGE || cc.has("h")) {
            Q hq = cc.quantity("h");
            h = hq.v();
        } else {
            cc.raw("h");
        }
        FlowDirection dir = cc.choice("direction", FlowDirection::fromKey);
        CaseSpec.FlowMap flowMap = FlowMapReader.read(r, cc, r.source());
        cc.done();
        if (geometry instanceof CaseSpec.Channels ch && Double.isNaN(ch.length()) && mode == CoolingMode.VERTICAL) {
            throw r.missing(cc.sub("channels.length"), "length", "in vertical mode the plate is fed from a manifold: the"
                    + " length of one channel between its inlet and outlet, e.g. \"10 mm\"");
        }
        CoolantSpec coolant = new CoolantSpec(fluid, inlet.v(), flow, h, dir, geometry, flowMap);
        SurfaceSpec boardBack = surface(c.section("board_back", false), null);
        SurfaceSpec other = surface(c.section("other_faces", false), null);
        boolean edgeGiven = c.has("edge");
        SurfaceSpec edge = surface(c.section("edge", false), inlet.text());
        c.done();
        // keys the mode does not use: the run goes on (so that --set cooling.mode=edge works on a plate case) and
        // names them in the summary and the JSON notes
        List<String> notes = new ArrayList<>();
        String in = " is not used in " + mode.key + " mode";
        if (mode == CoolingMode.EDGE) {
            for (String k : List.of("flow", "h", "direction", "channels", "jets", FlowMapReader.KEY))
                if (cc.has(k)) notes.add("cooling.coolant." + k + in + " (no coolant flows over the plate)");
        }
        if (mode == CoolingMode.VERTICAL && cc.has("direction"))
            notes.add("cooling.coolant.direction" + in + " (every region of the plate gets fresh coolant)");
        if (mode == CoolingMode.LATERAL && flowMap != null)
            notes.add("cooling.coolant.flow_map" + in + " (the coolant flows along the plate; only in vertical mode)");
        if (mode != CoolingMode.EDGE && edgeGiven) notes.add("cooling.edge" + in + " (only in edge mode)");
        return new CoolingSpec(mode, coolant, boardBack, other, edge, notes);
    }

    /**
     * {@code cooling.coolant.channels} or {@code .jets}: at most one of them, and not together with {@code h}
     * (h then comes from the geometry); every length > 0; null when neither is given.
     */
    CaseSpec.PlateGeometry plateGeometry(Section cc) {
        List<String> given = new ArrayList<>();
        for (String k : List.of("h", "channels", "jets")) if (cc.has(k)) given.add(k);
        if (given.size() > 1) {
            String a = given.get(0), b = given.get(1);
            throw r.error(cc.sub(b), "give either cooling.coolant." + a + " or cooling.coolant." + b + ", not both (with a"
                    + " plate geometry h comes from its correlations; to drop h from the command line: --set"
                    + " cooling.coolant.h=null)");
        }
        if (cc.has("channels")) {
            Section c = cc.section("channels", false);
            double w = positive(c, "width"), ht = positive(c, "height"), wall = positive(c, "wall");
            double len = Double.NaN;
            if (c.has("length")) len = positive(c, "length");
            else c.raw("length");
            c.done();
            return new CaseSpec.Channels(w, ht, wall, len);
        }
        cc.raw("channels");
        if (cc.has("jets")) {
            Section j = cc.section("jets", false);
            double d = positive(j, "diameter"), pitch = positive(j, "pitch"), dist = positive(j, "distance");
            Q pq = new Q(pitch, j.in.get("pitch").asText(), j.sub("pitch"));
            r.check(pitch > d, pq, "pitch must exceed the nozzle diameter (" + j.in.get("diameter").asText() + ")");
            j.done();
            return new CaseSpec.Jets(d, pitch, dist);
        }
        cc.raw("jets");
        return null;
    }

    double positive(Section s, String key) {
        return s.quantity(key).v();
    }

    /** An outer face; {@code ambient}: the default of an ambient that follows another key (null: the row's). */
    SurfaceSpec surface(Section s, String ambient) {
        Q h = s.quantity("h");
        Q amb = ambient == null ? s.quantity("ambient") : s.quantity("ambient", ambient);
        s.done();
        return new SurfaceSpec(h.v(), amb.v());
    }
}
