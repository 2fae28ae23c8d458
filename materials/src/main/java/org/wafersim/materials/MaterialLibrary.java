package org.wafersim.materials;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.wafersim.errors.InputException;
import org.wafersim.units.Dimension;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * An immutable set of named materials: the built-in library (values and sources from reference-data.md section B
 * and materials.csv, stored in the resource {@value #RESOURCE}) plus the user's own materials from the case file.
 * Every change returns a new library.
 *
 * <h2>User materials ({@link #define})</h2>
 * A case file writes {@code materials: { my_mat: { base: copper, conductivity: "380 W/(m*K)" } }}. Keys, each
 * value a quantity with its unit ({@code "380 W/(m*K)"}), or a table of temperature: value points
 * ({@code "25 degC: 148 W/(m*K); 125 degC: 99 W/(m*K)"}, linear between points and constant beyond them):
 * <ul>
 *   <li>{@code density} (kg/m^3), {@code specific_heat} (J/(kg*K));</li>
 *   <li>{@code conductivity} (isotropic, W/(m*K)), or {@code conductivity_in_plane} and
 *       {@code conductivity_through} (orthotropic), or {@code conductivity_x}, {@code conductivity_y},
 *       {@code conductivity_z};</li>
 *   <li>{@code youngs_modulus} (in-plane, Pa), {@code youngs_modulus_through}, {@code poisson_ratio} (in-plane,
 *       −1 &lt; ν &lt; 0.5), {@code poisson_ratio_through} (ν_xz, see {@link Material}),
 *       {@code shear_modulus_through} (G_xz; required when the material is not isotropic), {@code cte} (1/K,
 *       e.g. "16 ppm/K"), {@code cte_through}, {@code fracture_strength}, {@code yield_strength};</li>
 *   <li>{@code description}, {@code category} (e.g. {@code metal}), {@code mechanics}
 *       ({@code solid}, {@code sliding} or {@code none});</li>
 *   <li>the further keys of {@link #propertyKeys()} (fatigue constants, glass transition, …).</li>
 * </ul>
 * Without a base, {@code density}, {@code specific_heat} and a conductivity are required; with a base, the given
 * keys replace the base's values. An in-plane elastic value (youngs_modulus, poisson_ratio, cte) also replaces its
 * through-thickness partner when the base has the two equal (an isotropic base stays isotropic). A base without
 * mechanics ({@code none}, e.g. water) becomes {@code solid} when a Young's modulus is given.
 */
public final class MaterialLibrary {

    /** Classpath location of the built-in library. */
    public static final String RESOURCE = "/org/wafersim/materials/builtin.csv";

    private final Map<String, Material> materials;
    private final Map<String, String> aliases;

    private MaterialLibrary(Map<String, Material> materials, Map<String, String> aliases) {
        this.materials = Collections.unmodifiableMap(new LinkedHashMap<>(materials));
        this.aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
    }

    /** A library with no materials. */
    public static MaterialLibrary empty() {
        return new MaterialLibrary(Map.of(), Map.of());
    }

    /** The built-in materials, read from {@value #RESOURCE} on every call (no shared mutable state). */
    public static MaterialLibrary builtin() {
        try (InputStream in = MaterialLibrary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("resource " + RESOURCE + " is missing from the jar");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) lines.add(line);
            return load(lines, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Reads a library in the resource format: CSV with header {@code material,key,value,unit,law,source}; lines
     * starting with '#' and blank lines are skipped. Keys are those of {@link #propertyKeys()} plus
     * {@code aliases} (space-separated other names). Laws are described in {@code PropertyText}. A bad row is a
     * packaging bug, reported as {@link IllegalStateException} with the line number.
     */
    static MaterialLibrary load(List<String> lines, String origin) {
        Map<String, Material.Builder> builders = new LinkedHashMap<>();
        Map<String, String> aliases = new LinkedHashMap<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
            String where = origin + " line " + (i + 1);
            List<String> f = splitCsv(line, where);
            if (!header) {
                if (!f.equals(List.of("material", "key", "value", "unit", "law", "source"))) {
                    throw new IllegalStateException(where + ": expected header material,key,value,unit,law,source");
                }
                header = true;
                continue;
            }
            if (f.size() != 6) throw new IllegalStateException(where + ": expected 6 fields, found " + f.size());
            String name = f.get(0);
            String key = f.get(1);
            Material.Builder b = builders.computeIfAbsent(name, Material::builder);
            try {
                switch (key) {
                    case "aliases":
                        for (String a : f.get(2).trim().split("\\s+")) {
                            if (aliases.containsKey(a) || builders.containsKey(a)) {
                                throw new IllegalStateException("alias '" + a + "' is taken");
                            }
                            aliases.put(a, name);
                        }
                        break;
                    case MaterialKeys.DESCRIPTION:
                        b.description(f.get(2));
                        break;
                    case MaterialKeys.CATEGORY:
                        b.category(Category.valueOf(f.get(2).trim().toUpperCase(Locale.ROOT)));
                        break;
                    case MaterialKeys.MECHANICS:
                        b.mechanics(MechanicalRole.valueOf(f.get(2).trim().toUpperCase(Locale.ROOT)));
                        break;
                    default: {
                        Dimension d = MaterialKeys.dimension(key);
                        if (d == null) throw new IllegalStateException("unknown key '" + key + "'");
                        if (f.get(5).isBlank()) throw new IllegalStateException("no source for " + key);
                        b.set(key, PropertyText.fromRow(f.get(2), f.get(3), f.get(4), d, f.get(5)));
                    }
                }
            } catch (InputException | IllegalArgumentException | IllegalStateException e) {
                throw new IllegalStateException(where + " (" + name + "." + key + "): " + e.getMessage(), e);
            }
        }
        Map<String, Material> built = new LinkedHashMap<>();
        for (Map.Entry<String, Material.Builder> e : builders.entrySet()) {
            try {
                built.put(e.getKey(), e.getValue().build());
            } catch (InputException ex) {
                throw new IllegalStateException(origin + " (" + e.getKey() + "): " + ex.getMessage(), ex);
            }
        }
        for (String target : aliases.values()) {
            if (!built.containsKey(target)) throw new IllegalStateException(origin + ": alias for unknown " + target);
        }
        return new MaterialLibrary(built, aliases);
    }

    // ---------------------------------------------------------------- lookup

    /**
     * The material with this name or alias.
     *
     * @throws InputException {@code "unknown material 'xyz'; known: ..."} (no source, no key)
     */
    public Material get(String name) {
        Material m = name == null ? null : materials.get(resolve(name));
        if (m == null) {
            String hint = "";
            String close = closest(name);
            if (close != null) hint = " (did you mean '" + close + "'?)";
            throw new InputException(null, null, "unknown material '" + name + "'" + hint + "; known: "
                    + String.join(", ", materials.keySet()));
        }
        return m;
    }

    /** Whether a material has this name or alias. */
    public boolean contains(String name) {
        return name != null && materials.containsKey(resolve(name));
    }

    /** The material names (not aliases), built-ins first in resource order, then additions in order. */
    public List<String> names() {
        return List.copyOf(materials.keySet());
    }

    /** Alias → material name, e.g. {@code silicon_100 → silicon} (the keys of materials.csv). */
    public Map<String, String> aliases() {
        return aliases;
    }

    /** The aliases that lead to this material name (empty if none). */
    public List<String> aliasesOf(String name) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : aliases.entrySet()) if (e.getValue().equals(name)) out.add(e.getKey());
        return Collections.unmodifiableList(out);
    }

    /** The material name an alias or a name stands for ({@code silicon_100 → silicon}). */
    public String canonicalName(String nameOrAlias) {
        return get(nameOrAlias).name();
    }

    private String resolve(String name) {
        return materials.containsKey(name) ? name : aliases.getOrDefault(name, name);
    }

    // ---------------------------------------------------------------- changes

    /**
     * This library with {@code m} added, or replacing the material of the same name. A user material named like an
     * alias takes the name over: the alias no longer leads to the built-in.
     */
    public MaterialLibrary with(Material m) {
        Objects.requireNonNull(m, "material");
        Map<String, Material> ms = new LinkedHashMap<>(materials);
        ms.put(m.name(), m);
        Map<String, String> as = new LinkedHashMap<>(aliases);
        as.remove(m.name());
        return new MaterialLibrary(ms, as);
    }

    /**
     * This library with a user material added (or replaced): {@code properties} maps the keys listed in the class
     * Javadoc to text values with units, applied on top of {@code baseName} (may be null).
     * A {@code base} entry in {@code properties} is accepted as the base name too.
     *
     * @throws InputException with the offending key as key path ({@code "base"} for an unknown base, the property
     *                        key for an unknown key, a bad value or a failed check); callers add
     *                        {@code .under("materials." + name)} and the source file
     */
    public MaterialLibrary define(String name, String baseName, Map<String, String> properties) {
        if (name == null || name.isBlank()) throw new InputException(null, null, "a material needs a name");
        if (!name.strip().matches("[A-Za-z][A-Za-z0-9_.\\-]*")) {
            throw new InputException(null, null, "material name '" + name + "' must start with a letter and use "
                    + "only letters, digits, '_', '-' and '.'");
        }
        Map<String, String> props = properties == null ? Map.of() : properties;
        String base = baseName;
        String baseInMap = props.get("base");
        if (baseInMap != null) {
            if (base != null && !base.equals(baseInMap)) {
                throw new InputException(null, "base", "given twice, as '" + base + "' and '" + baseInMap + "'");
            }
            base = baseInMap;
        }
        List<String> known = MaterialKeys.userKeys();
        for (String key : props.keySet()) {
            if (!key.equals("base") && !known.contains(key)) {
                throw new InputException(null, key, "unknown material property; known: base, "
                        + String.join(", ", known));
            }
        }

        Material.Builder b;
        Material baseMaterial = null;
        if (base != null) {
            try {
                baseMaterial = get(base);
            } catch (InputException e) {
                throw new InputException(null, "base", e.reason());
            }
            b = baseMaterial.toBuilder().name(name.strip())
                    .description("user material based on " + baseMaterial.name());
        } else {
            b = Material.builder(name.strip()).description("user-defined material");
            for (String req : new String[] {"density", "specific_heat"}) {
                if (!props.containsKey(req)) {
                    throw new InputException(null, req, "missing; a material without 'base' needs density, "
                            + "specific_heat and conductivity (or conductivity_in_plane and conductivity_through)");
                }
            }
            boolean hasK = props.containsKey("conductivity")
                    || (props.containsKey("conductivity_in_plane") || props.containsKey("conductivity_x"))
                    && props.containsKey("conductivity_through") || props.containsKey("conductivity_z");
            if (!hasK) {
                throw new InputException(null, "conductivity", "missing; a material without 'base' needs density, "
                        + "specific_heat and conductivity (or conductivity_in_plane and conductivity_through)");
            }
        }

        String source = "user-defined material '" + name.strip() + "'";
        for (String key : known) {
            if (!props.containsKey(key)) continue;
            String value = props.get(key);
            if (value == null || value.isBlank()) throw new InputException(null, key, "empty value");
            switch (key) {
                case MaterialKeys.DESCRIPTION:
                    b.description(value);
                    break;
                case MaterialKeys.CATEGORY:
                    b.category(enumValue(Category.values(), value, key));
                    break;
                case MaterialKeys.MECHANICS:
                    b.mechanics(enumValue(MechanicalRole.values(), value, key));
                    break;
                default:
                    try {
                        b.set(key, PropertyText.fromUser(value, MaterialKeys.dimension(key), source));
                    } catch (InputException e) {
                        throw new InputException(null, key, e.reason());
                    } catch (IllegalArgumentException e) {
                        throw new InputException(null, key, e.getMessage() + " in '" + value.strip() + "'");
                    }
            }
        }
        if (baseMaterial != null && baseMaterial.mechanicalRole() == MechanicalRole.NONE
                && props.containsKey("youngs_modulus") && !props.containsKey(MaterialKeys.MECHANICS)) {
            b.mechanics(MechanicalRole.SOLID);
        }
        return with(b.build());
    }

    /**
     * Every key {@link #define} accepts besides {@code base}, in the order they are applied.
     */
    public static List<String> propertyKeys() {
        return MaterialKeys.userKeys();
    }

    private static <E extends Enum<E>> E enumValue(E[] values, String text, String key) {
        List<String> names = new ArrayList<>();
        for (E v : values) {
            String n = v.name().toLowerCase(Locale.ROOT);
            if (n.equals(text.strip().toLowerCase(Locale.ROOT))) return v;
            names.add(n);
        }
        throw new InputException(null, key, "unknown value '" + text.strip() + "'; known: " + String.join(", ", names));
    }

    // ---------------------------------------------------------------- helpers

    /** The known name or alias closest to a misspelt one (case-insensitive, or edit distance ≤ 2), or null. */
    private String closest(String name) {
        if (name == null) return null;
        String best = null;
        int bestDistance = 3;
        List<String> all = new ArrayList<>(materials.keySet());
        all.addAll(aliases.keySet());
        for (String candidate : all) {
            int d = candidate.equalsIgnoreCase(name) ? 0 : LevenshteinDistance.getDefaultInstance().apply(
                    candidate.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best;
    }

    /** One CSV line (RFC 4180 quoting: "..." with "" for a quote; no line breaks inside fields). */
    private static List<String> splitCsv(String line, String where) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        sb.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    sb.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(sb.toString().strip());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        if (quoted) throw new IllegalStateException(where + ": unterminated quote");
        out.add(sb.toString().strip());
        return out;
    }

    @Override
    public String toString() {
        return "MaterialLibrary" + names();
    }
}
