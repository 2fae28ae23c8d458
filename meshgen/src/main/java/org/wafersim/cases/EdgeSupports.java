package org.wafersim.cases;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code mechanics.support.edges}: the condition on each edge of the model's rectangular outline (the box around every
 * layer's footprint). Clamped and simply supported hold the support layer's laminate; symmetric holds every laminate
 * on the edge (a mirror plane cuts the whole stack).
 *
 * @param edges        the condition of each edge (every edge present; free where the case gives none)
 * @param inPlaneHeld  simply supported edges also hold the in-plane displacements (u = v = 0); else they are free to
 *                     slide in-plane (the classical Kirchhoff simple support, Timoshenko and Woinowsky-Krieger)
 */
public record EdgeSupports(Map<Edge, Kind> edges, boolean inPlaneHeld) {
    public EdgeSupports {
        EnumMap<Edge, Kind> m = new EnumMap<>(Edge.class);
        for (Edge e : Edge.values()) m.put(e, edges.getOrDefault(e, Kind.FREE));
        edges = Collections.unmodifiableMap(m);
    }

    public Kind of(Edge e) { return edges.get(e); }

    /** An edge of the outline: xmin and xmax are normal to x. */
    public enum Edge {
        XMIN, XMAX, YMIN, YMAX;

        public String key() { return name().toLowerCase(Locale.ROOT); }

        /** Whether the edge is normal to x (a line x = const). */
        public boolean normalX() { return this == XMIN || this == XMAX; }

        public static Edge fromKey(String k) {
            for (Edge e : values()) if (e.key().equals(k)) return e;
            return null;
        }
    }

    /** The condition of an edge. */
    public enum Kind {
        /** Nothing held. */
        FREE,
        /** Every displacement and slope held. */
        CLAMPED,
        /** w = 0 (and with it the slope along the edge); in-plane free or held ({@code in_plane}). */
        SIMPLY_SUPPORTED,
        /** A mirror plane: normal displacement, normal slope and twist zero. */
        SYMMETRIC;

        public String key() { return name().toLowerCase(Locale.ROOT); }

        public static Kind fromKey(String k) {
            for (Kind t : values()) if (t.key().equals(k)) return t;
            return null;
        }
    }
}
