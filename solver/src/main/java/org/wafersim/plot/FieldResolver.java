package org.wafersim.plot;

import static org.wafersim.io.ResultSchema.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.wafersim.errors.InputException;
import org.wafersim.io.ResultReader.DatasetInfo;

/**
 * Turns the FIELD argument of {@code wafersim plot} into a dataset (or a group of 1-D datasets, for several lines in
 * one plot). Accepted: an absolute path ({@code /thermal/temperature}), a short name ({@code temperature},
 * {@code power_density}, {@code material_id}, {@code probes}), a path without the leading slash
 * ({@code cores/temperature}), or the last part of a path if only one dataset ends with it ({@code warpage}).
 */
final class FieldResolver {
    /** Short names for the fields most often plotted; checked before the general rules. */
    static final Map<String, String> ALIASES = Map.of(
            "temperature", THERMAL_TEMPERATURE.path(),
            "power_density", THERMAL_POWER_DENSITY.path(),
            "material_id", MESH_MATERIAL_ID.path(),
            "probes", TRANSIENT_PROBES.path());

    /**
     * What FIELD named: a dataset, or a group whose 1-D datasets are plotted together; {@code note} says how a short
     * name was resolved when it could have meant more than one dataset (null otherwise).
     */
    record Target(String path, boolean group, String note) {
        Target(String path, boolean group) {
            this(path, group, null);
        }
    }

    private FieldResolver() { }

    static Target resolve(String field, List<DatasetInfo> datasets, String file) {
        return resolve(field, datasets, file, null, null);
    }

    /**
     * As {@link #resolve(String, List, String)}, with the mechanics states: the first state's maps sit at the top of
     * {@code /mechanics} (the full-load state of a default run), every further state under
     * {@code /mechanics/states/NAME}. A short name found in several states means the first one, and the note says
     * so; {@code state} (from {@code --state}) picks another.
     *
     * @param firstState the name of the state at the top of /mechanics (attribute {@code states[0]}), or null
     */
    static Target resolve(String field, List<DatasetInfo> datasets, String file, String state, String firstState) {
        if (state != null && field != null && !field.strip().startsWith("/")) {
            String f = field.strip();
            boolean first = state.equals(firstState);
            for (DatasetInfo d : datasets) {
                String p = d.path();
                String leafPart = first ? p.startsWith(MECHANICS.prefix()) && !p.startsWith(MECHANICS_STATES.prefix())
                        ? p.substring(MECHANICS.prefix().length()) : null
                        : p.startsWith(MECHANICS_STATE.path(state) + "/")
                        ? p.substring((MECHANICS_STATE.path(state) + "/").length()) : null;
                if (f.equals(leafPart) || f.equals("mechanics/" + leafPart)) return new Target(p, false);
            }
            throw new InputException("--state", null, "no '" + f + "' in state '" + state + "'"
                    + (firstState == null ? " (the result has no mechanics states)" : ""));
        }
        return resolveAny(field, datasets, file, firstState);
    }

    private static Target resolveAny(String field, List<DatasetInfo> datasets, String file, String firstState) {
        if (field == null || field.isBlank()) throw new InputException(file, null, "no FIELD given");
        String f = field.strip();
        Map<String, DatasetInfo> byPath = new TreeMap<>();
        for (DatasetInfo d : datasets) byPath.put(d.path(), d);
        List<String> candidates = new ArrayList<>();
        if (ALIASES.containsKey(f)) candidates.add(ALIASES.get(f));
        String abs = f.startsWith("/") ? f : "/" + f;
        if (abs.length() > 1 && abs.endsWith("/")) abs = abs.substring(0, abs.length() - 1);
        candidates.add(abs);
        for (String c : candidates) {
            if (byPath.containsKey(c)) return new Target(c, false);
            String prefix = c.equals("/") ? "/" : c + "/";
            for (String p : byPath.keySet()) if (p.startsWith(prefix) && !c.equals("/")) return new Target(c, true);
        }
        if (!f.startsWith("/")) {
            List<String> suffix = new ArrayList<>();
            for (String p : byPath.keySet()) if (p.endsWith("/" + f)) suffix.add(p);
            if (suffix.size() == 1) return new Target(suffix.get(0), false);
            List<String> top = new ArrayList<>();
            for (String p : suffix)
                if (p.startsWith(MECHANICS.prefix()) && !p.startsWith(MECHANICS_STATES.prefix())
                        && !p.startsWith(MECHANICS_CORNER.prefix())) top.add(p);
            if (top.size() == 1 && suffix.stream().allMatch(p -> p.startsWith(MECHANICS.prefix()))) {
                List<String> others = new ArrayList<>(suffix);
                others.remove(top.get(0));
                return new Target(top.get(0), false, "'" + f + "' is " + top.get(0) + ", the "
                        + (firstState == null ? "first" : "'" + firstState + "'") + " state (the full load of a "
                        + "default run); the other states: " + String.join(", ", others) + " (or --state NAME)");
            }
            if (suffix.size() > 1)
                throw new InputException(file, field, "ambiguous field name; it could be " + String.join(", ", suffix));
        }
        throw new InputException(file, field, "no such field in the result; fields: " + listing(datasets));
    }

    /** The plottable (numeric, non-scalar) datasets, with short names where they exist, for error messages. */
    static String listing(List<DatasetInfo> datasets) {
        List<String> out = new ArrayList<>();
        for (DatasetInfo d : datasets) {
            if (d.shape().length == 0 || d.type().equals("string")) continue;
            String alias = null;
            for (var e : ALIASES.entrySet()) if (e.getValue().equals(d.path())) alias = e.getKey();
            out.add(alias == null ? d.path() : alias + " (" + d.path() + ")");
        }
        return out.isEmpty() ? "(none)" : String.join(", ", out);
    }
}
