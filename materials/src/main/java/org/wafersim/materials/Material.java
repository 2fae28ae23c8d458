package org.wafersim.materials;

import static org.wafersim.materials.PropertyChecks.*;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import org.wafersim.errors.InputException;
import org.wafersim.units.Dimension;
import org.wafersim.units.Units;

/**
 * An immutable material: thermal properties per direction and, for solids, transversely isotropic thermo-elastic
 * constants, each a {@link Property} of absolute temperature (K) in SI units with its source.
 *
 * <p><b>Thermal.</b> Density ρ, specific heat c_p and conductivity k_x, k_y (in-plane) and k_z (through the
 * thickness), as used by the finite-volume heat equation {@code ρ·c_p·∂T/∂t = ∇·(k∇T) + q} (DESIGN.md §4).
 *
 * <p><b>Mechanics</b> (only when {@link #mechanicalRole()} is {@code SOLID}): a transversely isotropic solid
 * with the plane of isotropy in x–y, i.e. five constants E_in, E_z, ν_in (= ν_xy), ν_xz and G_xz (e.g.
 * Lekhnitskii, <i>Theory of Elasticity of an Anisotropic Body</i>), plus α_in(T) and α_z(T). ν_xz is the major
 * ratio of an ANSYS-style input: {@code ε_z = −ν_xz·σ_x/E_in} under uniaxial in-plane stress, and
 * {@code ν_zx = ν_xz·E_z/E_in}. The build checks that the compliance matrix is positive definite:
 * {@code E, G > 0}, {@code −1 < ν_in < 0.5} and {@code 1 − ν_in − 2·ν_xz²·E_z/E_in > 0}. For an isotropic
 * material E_z = E_in, ν_xz = ν_in and G_xz = E/(2(1+ν)).
 *
 * <p><b>CTE.</b> α(T) is the instantaneous coefficient; {@link #thermalStrainInPlane} integrates it
 * ({@code ε_th = ∫_{T_ref}^{T} α dT}), which equals α·ΔT when α is constant.
 */
public final class Material {

    private final String name;
    private final String description;
    private final Category category;
    private final MechanicalRole role;
    private final Property density;
    private final Property specificHeat;
    private final Property kx;
    private final Property ky;
    private final Property kz;
    private final Property eIn;
    private final Property eZ;
    private final Property nuIn;
    private final Property nuXz;
    private final Property gXz;
    private final Property alphaIn;
    private final Property alphaZ;
    private final Property fractureStrength;
    private final Property yieldStrength;
    private final Map<String, Property> extras;
    private final FatigueParameters fatigue;
    private final Map<String, Property> listing;

    private Material(Builder b, MechanicalRole role, FatigueParameters fatigue) {
        this.name = b.name;
        this.description = b.description;
        this.category = b.category;
        this.role = role;
        this.density = b.density;
        this.specificHeat = b.specificHeat;
        this.kx = b.kx;
        this.ky = b.ky;
        this.kz = b.kz;
        this.eIn = b.eIn;
        this.eZ = b.eZ == null ? b.eIn : b.eZ;
        this.nuIn = b.nuIn;
        this.nuXz = b.nuXz == null ? b.nuIn : b.nuXz;
        this.gXz = b.gXz;
        this.alphaIn = b.alphaIn;
        this.alphaZ = b.alphaZ == null ? b.alphaIn : b.alphaZ;
        this.fractureStrength = b.fractureStrength;
        this.yieldStrength = b.yieldStrength;
        this.extras = Collections.unmodifiableMap(new LinkedHashMap<>(b.extras));
        this.fatigue = fatigue;
        this.listing = Collections.unmodifiableMap(buildListing());
    }

    /** A builder for a new material; density, specific heat and conductivity are required at {@link Builder#build}. */
    public static Builder builder(String name) {
        return new Builder().name(name);
    }

    /** A builder that starts from this material's values (same name; change it with {@link Builder#name}). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.description = description;
        b.category = category;
        b.role = role;
        b.density = density;
        b.specificHeat = specificHeat;
        b.kx = kx;
        b.ky = ky;
        b.kz = kz;
        b.eIn = eIn;
        b.eZ = eZ;
        b.nuIn = nuIn;
        b.nuXz = nuXz;
        b.gXz = gXz;
        b.alphaIn = alphaIn;
        b.alphaZ = alphaZ;
        b.fractureStrength = fractureStrength;
        b.yieldStrength = yieldStrength;
        b.extras.putAll(extras);
        return b;
    }

    // ---------------------------------------------------------------- identity

    public String name() { return name; }

    public String description() { return description; }

    public Category category() { return category; }

    public MechanicalRole mechanicalRole() { return role; }

    // ---------------------------------------------------------------- thermal

    /** ρ(T) in kg/m^3. */
    public double density(double tK) { return density.at(tK); }

    /** c_p(T) in J/(kg*K). */
    public double specificHeat(double tK) { return specificHeat.at(tK); }

    /** ρ(T)·c_p(T) in J/(m^3*K), the storage term of the heat equation. */
    public double volumetricHeatCapacity(double tK) { return density.at(tK) * specificHeat.at(tK); }

    /** In-plane conductivity along x, W/(m*K). */
    public double conductivityX(double tK) { return kx.at(tK); }

    /** In-plane conductivity along y, W/(m*K). */
    public double conductivityY(double tK) { return ky.at(tK); }

    /** Through-thickness conductivity, W/(m*K). */
    public double conductivityZ(double tK) { return kz.at(tK); }

    /** Whether the three conductivity components are one and the same property (then k_x(T) = k_y(T) = k_z(T)). */
    public boolean conductivityIsotropic() {
        return kx.equals(ky) && ky.equals(kz);
    }

    /** Whether any conductivity component depends on T (then the thermal solver iterates, DESIGN.md §4). */
    public boolean conductivityDependsOnTemperature() {
        return !kx.isConstant() || !ky.isConstant() || !kz.isConstant();
    }

    /** Whether ρ or c_p depends on T. */
    public boolean heatCapacityDependsOnTemperature() {
        return !density.isConstant() || !specificHeat.isConstant();
    }

    // ---------------------------------------------------------------- mechanics

    /** True for a {@code SOLID}: E_in, E_z, ν_in, ν_xz, G_xz, α_in and α_z are all available. */
    public boolean hasElasticConstants() { return role == MechanicalRole.SOLID; }

    /** True when any through-thickness elastic constant differs from its in-plane counterpart. */
    public boolean isTransverselyIsotropic() {
        return hasElasticConstants() && (!eZ.equals(eIn) || !nuXz.equals(nuIn) || gXz != null
                || !alphaZ.equals(alphaIn));
    }

    /** In-plane Young's modulus E_in, Pa. */
    public double youngsModulusInPlane(double tK) { return elastic(eIn, "youngs_modulus").at(tK); }

    /** Through-thickness Young's modulus E_z, Pa. */
    public double youngsModulusThrough(double tK) { return elastic(eZ, "youngs_modulus_through").at(tK); }

    /** In-plane Poisson ratio ν_xy. */
    public double poissonRatioInPlane(double tK) { return elastic(nuIn, "poisson_ratio").at(tK); }

    /** Major through-thickness Poisson ratio ν_xz (ε_z = −ν_xz·σ_x/E_in). */
    public double poissonRatioThrough(double tK) { return elastic(nuXz, "poisson_ratio_through").at(tK); }

    /** Through-thickness shear modulus G_xz, Pa; E/(2(1+ν)) for an isotropic material. */
    public double shearModulusThrough(double tK) {
        if (gXz != null && hasElasticConstants()) return gXz.at(tK);
        double e = youngsModulusInPlane(tK);
        return e / (2 * (1 + poissonRatioInPlane(tK)));
    }

    /** In-plane instantaneous CTE α_in(T), 1/K. */
    public double cteInPlane(double tK) { return elastic(alphaIn, "cte").at(tK); }

    /** Through-thickness instantaneous CTE α_z(T), 1/K. */
    public double cteThrough(double tK) { return elastic(alphaZ, "cte_through").at(tK); }

    /** Free in-plane thermal strain from the stress-free temperature to T: ∫ α_in dT. */
    public double thermalStrainInPlane(double tK, double stressFreeK) {
        return elastic(alphaIn, "cte").integral(stressFreeK, tK);
    }

    /** {@link #thermalStrainInPlane} as a function of T for one stress-free temperature (the same numbers). */
    public java.util.function.DoubleUnaryOperator thermalStrainInPlaneFrom(double stressFreeK) {
        return elastic(alphaIn, "cte").integralFrom(stressFreeK);
    }

    /** {@link #thermalStrainThrough} as a function of T for one stress-free temperature (the same numbers). */
    public java.util.function.DoubleUnaryOperator thermalStrainThroughFrom(double stressFreeK) {
        return elastic(alphaZ, "cte_through").integralFrom(stressFreeK);
    }

    /** Free through-thickness thermal strain from the stress-free temperature to T: ∫ α_z dT. */
    public double thermalStrainThrough(double tK, double stressFreeK) {
        return elastic(alphaZ, "cte_through").integral(stressFreeK, tK);
    }

    /** Characteristic fracture strength (Weibull scale for brittle materials), if known. */
    public Optional<Property> fractureStrength() { return Optional.ofNullable(fractureStrength); }

    /** Yield (or flow) strength, if known. */
    public Optional<Property> yieldStrength() { return Optional.ofNullable(yieldStrength); }

    /** Engelmaier / Coffin–Manson constants of a ductile joint material (solder, connector), if it has them. */
    public Optional<FatigueParameters> fatigue() { return Optional.ofNullable(fatigue); }

    /** Exponent q of N_f ∝ ΔT^(−q) (reference-data C.2), for ductile and brittle materials alike. */
    public OptionalDouble coffinMansonExponent() {
        Property q = extras.get(MaterialKeys.COFFIN_MANSON);
        return q == null ? OptionalDouble.empty() : OptionalDouble.of(q.nominal());
    }

    private Property elastic(Property p, String key) {
        if (p == null) {
            throw new IllegalStateException("material '" + name + "' has no " + key
                    + " (mechanical role " + role.key() + "); check hasElasticConstants() first");
        }
        return p;
    }

    // ---------------------------------------------------------------- listing

    /**
     * Any property by key: a key of {@link MaterialLibrary#propertyKeys()} ({@code "conductivity"} only when the
     * three components are equal, {@code "conductivity_in_plane"} when x and y are), or one of
     * {@code conductivity_x}, {@code conductivity_y}, {@code conductivity_z}.
     */
    public Optional<Property> property(String key) {
        Property p;
        switch (key) {
            case "density": p = density; break;
            case "specific_heat": p = specificHeat; break;
            case "conductivity": p = kx.equals(ky) && ky.equals(kz) ? kx : null; break;
            case "conductivity_in_plane": p = kx.equals(ky) ? kx : null; break;
            case "conductivity_x": p = kx; break;
            case "conductivity_y": p = ky; break;
            case "conductivity_through":
            case "conductivity_z": p = kz; break;
            case "youngs_modulus": p = eIn; break;
            case "youngs_modulus_through": p = eZ; break;
            case "poisson_ratio": p = nuIn; break;
            case "poisson_ratio_through": p = nuXz; break;
            case "shear_modulus_through": p = gXz; break;
            case "cte": p = alphaIn; break;
            case "cte_through": p = alphaZ; break;
            case "fracture_strength": p = fractureStrength; break;
            case "yield_strength": p = yieldStrength; break;
            default: p = extras.get(key);
        }
        return Optional.ofNullable(p);
    }

    /**
     * Every property this material has, in a fixed order, under the keys a case file would use: an isotropic
     * conductivity is listed once as {@code conductivity}, a through-thickness value only when it differs.
     */
    public Map<String, Property> properties() { return listing; }

    private Map<String, Property> buildListing() {
        Map<String, Property> m = new LinkedHashMap<>();
        m.put("density", density);
        m.put("specific_heat", specificHeat);
        if (kx.equals(ky) && ky.equals(kz)) {
            m.put("conductivity", kx);
        } else if (kx.equals(ky)) {
            m.put("conductivity_in_plane", kx);
            m.put("conductivity_through", kz);
        } else {
            m.put("conductivity_x", kx);
            m.put("conductivity_y", ky);
            m.put("conductivity_z", kz);
        }
        putPair(m, "youngs_modulus", eIn, eZ);
        putPair(m, "poisson_ratio", nuIn, nuXz);
        if (gXz != null) m.put("shear_modulus_through", gXz);
        putPair(m, "cte", alphaIn, alphaZ);
        if (fractureStrength != null) m.put("fracture_strength", fractureStrength);
        if (yieldStrength != null) m.put("yield_strength", yieldStrength);
        m.putAll(extras);
        return m;
    }

    private static void putPair(Map<String, Property> m, String key, Property in, Property through) {
        if (in != null) m.put(key, in);
        if (through != null && !through.equals(in)) m.put(key + "_through", through);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Material)) return false;
        Material x = (Material) o;
        return name.equals(x.name) && description.equals(x.description) && category == x.category
                && role == x.role && listing.equals(x.listing);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, category, role, listing);
    }

    @Override
    public String toString() {
        return name;
    }

    // ---------------------------------------------------------------- builder

    /**
     * Mutable builder; {@link #build()} validates and throws {@link InputException} naming the property key.
     * Setting an in-plane value (youngs_modulus, poisson_ratio, cte) also sets its through-thickness partner
     * while the two are still equal, so that overriding copper's modulus keeps copper isotropic, while an
     * orthotropic base keeps its separate through-thickness value.
     */
    public static final class Builder {
        private String name;
        private String description = "";
        private Category category = Category.OTHER;
        private MechanicalRole role;
        private Property density;
        private Property specificHeat;
        private Property kx;
        private Property ky;
        private Property kz;
        private Property eIn;
        private Property eZ;
        private Property nuIn;
        private Property nuXz;
        private Property gXz;
        private Property alphaIn;
        private Property alphaZ;
        private Property fractureStrength;
        private Property yieldStrength;
        private final Map<String, Property> extras = new LinkedHashMap<>();
        /** The key through which each conductivity slot was last set, so that errors name what the user wrote. */
        private final Map<String, String> slotKey = new HashMap<>();

        private Builder() { }

        public Builder name(String newName) { this.name = newName; return this; }

        public Builder description(String text) { this.description = text == null ? "" : text.strip(); return this; }

        public Builder category(Category c) { this.category = Objects.requireNonNull(c, "category"); return this; }

        /** Sets the mechanical role; when never set, a material with a Young's modulus is SOLID, else NONE. */
        public Builder mechanics(MechanicalRole r) { this.role = Objects.requireNonNull(r, "role"); return this; }

        public Builder density(Property p) { return set("density", p); }

        public Builder specificHeat(Property p) { return set("specific_heat", p); }

        /** Isotropic conductivity: k_x = k_y = k_z. */
        public Builder conductivity(Property p) { return set("conductivity", p); }

        public Builder conductivityInPlane(Property p) { return set("conductivity_in_plane", p); }

        public Builder conductivityThrough(Property p) { return set("conductivity_through", p); }

        public Builder youngsModulus(Property p) { return set("youngs_modulus", p); }

        public Builder youngsModulusThrough(Property p) { return set("youngs_modulus_through", p); }

        public Builder poissonRatio(Property p) { return set("poisson_ratio", p); }

        public Builder poissonRatioThrough(Property p) { return set("poisson_ratio_through", p); }

        public Builder shearModulusThrough(Property p) { return set("shear_modulus_through", p); }

        public Builder cte(Property p) { return set("cte", p); }

        public Builder cteThrough(Property p) { return set("cte_through", p); }

        public Builder fractureStrength(Property p) { return set("fracture_strength", p); }

        public Builder yieldStrength(Property p) { return set("yield_strength", p); }

        /**
         * Sets a property by its case-file key (see {@link MaterialLibrary#propertyKeys()}).
         *
         * @throws InputException for an unknown key or a property of the wrong dimension
         */
        public Builder set(String key, Property p) {
            Objects.requireNonNull(p, "property");
            Dimension d = MaterialKeys.dimension(key);
            if (d == null) {
                throw new InputException(null, key, "unknown material property; known: "
                        + String.join(", ", MaterialKeys.userKeys()));
            }
            if (p.dimension() != d) {
                throw new InputException(null, key, "is " + p.dimension().label() + ", expected " + d.label()
                        + " (" + d.siUnit() + ")");
            }
            switch (key) {
                case "density": density = p; break;
                case "specific_heat": specificHeat = p; break;
                case "conductivity":
                    kx = ky = kz = p;
                    slot(key, "kx", "ky", "kz");
                    break;
                case "conductivity_in_plane":
                    kx = ky = p;
                    slot(key, "kx", "ky");
                    break;
                case "conductivity_x": kx = p; slot(key, "kx"); break;
                case "conductivity_y": ky = p; slot(key, "ky"); break;
                case "conductivity_through":
                case "conductivity_z":
                    kz = p;
                    slot(key, "kz");
                    break;
                case "youngs_modulus":
                    if (eZ == null || eZ.equals(eIn)) eZ = p;
                    eIn = p;
                    break;
                case "youngs_modulus_through": eZ = p; break;
                case "poisson_ratio":
                    if (nuXz == null || nuXz.equals(nuIn)) nuXz = p;
                    nuIn = p;
                    break;
                case "poisson_ratio_through": nuXz = p; break;
                case "shear_modulus_through": gXz = p; break;
                case "cte":
                    if (alphaZ == null || alphaZ.equals(alphaIn)) alphaZ = p;
                    alphaIn = p;
                    break;
                case "cte_through": alphaZ = p; break;
                case "fracture_strength": fractureStrength = p; break;
                case "yield_strength": yieldStrength = p; break;
                default: extras.put(key, p);
            }
            return this;
        }

        private void slot(String key, String... slots) {
            for (String s : slots) slotKey.put(s, key);
        }

        /**
         * Validates and builds.
         *
         * @throws InputException (no source; the key of the offending property) when a required property is
         *                        missing, a value that must be positive is not, a Poisson ratio is out of
         *                        (−1, 0.5), or the elastic constants are not positive definite
         */
        public Material build() {
            if (name == null || name.isBlank()) throw new InputException(null, null, "a material needs a name");
            name = name.strip();
            require(density, "density", "missing");
            require(specificHeat, "specific_heat", "missing");
            if (kx == null && ky == null && kz == null) {
                throw new InputException(null, "conductivity",
                        "missing; give conductivity, or conductivity_in_plane and conductivity_through");
            }
            require(kx, "conductivity_in_plane", "missing (only part of the conductivity was given)");
            require(ky, "conductivity_in_plane", "missing (only part of the conductivity was given)");
            require(kz, "conductivity_through", "missing (only part of the conductivity was given)");

            positive(density, "density");
            positive(specificHeat, "specific_heat");
            positive(kx, slotKey.getOrDefault("kx", kx.equals(kz) ? "conductivity" : "conductivity_in_plane"));
            positive(ky, slotKey.getOrDefault("ky", ky.equals(kz) ? "conductivity" : "conductivity_in_plane"));
            positive(kz, slotKey.getOrDefault("kz", kz.equals(kx) ? "conductivity" : "conductivity_through"));

            MechanicalRole r = role != null ? role : (eIn != null ? MechanicalRole.SOLID : MechanicalRole.NONE);
            if (eIn != null) positive(eIn, "youngs_modulus");
            if (eZ != null) positive(eZ, "youngs_modulus_through");
            if (gXz != null) positive(gXz, "shear_modulus_through");
            if (fractureStrength != null) positive(fractureStrength, "fracture_strength");
            if (yieldStrength != null) positive(yieldStrength, "yield_strength");
            if (nuIn != null) poissonRange(nuIn, "poisson_ratio", true);
            if (nuXz != null && !nuXz.equals(nuIn)) poissonRange(nuXz, "poisson_ratio_through", false);
            if (r == MechanicalRole.SOLID) checkSolid();
            for (Map.Entry<String, Property> e : extras.entrySet()) checkExtra(e.getKey(), e.getValue());

            FatigueParameters fatigue = null;
            if (extras.containsKey(MaterialKeys.FATIGUE_DUCTILITY)) {
                try {
                    fatigue = new FatigueParameters(
                            extras.get(MaterialKeys.FATIGUE_DUCTILITY).nominal(),
                            nominal(MaterialKeys.COFFIN_MANSON, FatigueParameters.DEFAULT_Q),
                            nominal(MaterialKeys.ENGELMAIER_C0, FatigueParameters.DEFAULT_C0),
                            nominal(MaterialKeys.ENGELMAIER_CT, FatigueParameters.DEFAULT_C_PER_KELVIN),
                            nominal(MaterialKeys.ENGELMAIER_CF, FatigueParameters.DEFAULT_C_LOG_FREQUENCY));
                } catch (IllegalArgumentException ex) {
                    throw new InputException(null, MaterialKeys.FATIGUE_DUCTILITY, ex.getMessage());
                }
            }
            return new Material(this, r, fatigue);
        }

        private double nominal(String key, double fallback) {
            Property p = extras.get(key);
            return p == null ? fallback : p.nominal();
        }

        private void checkSolid() {
            String hint = "; a solid needs youngs_modulus, poisson_ratio and cte (or set mechanics: none)";
            require(eIn, "youngs_modulus", "missing" + hint);
            require(nuIn, "poisson_ratio", "missing" + hint);
            require(alphaIn, "cte", "missing" + hint);
            Property ez = eZ == null ? eIn : eZ;
            Property nxz = nuXz == null ? nuIn : nuXz;
            if (gXz == null && (!ez.equals(eIn) || !nxz.equals(nuIn))) {
                throw new InputException(null, "shear_modulus_through", "missing; it is needed because "
                        + "youngs_modulus_through or poisson_ratio_through differs from the in-plane value");
            }
            for (double t : samples(eIn, ez, nuIn, nxz)) {
                double d = 1 - nuIn.at(t) - 2 * nxz.at(t) * nxz.at(t) * ez.at(t) / eIn.at(t);
                if (!(d > 0)) {
                    throw new InputException(null, nxz.equals(nuIn) ? "poisson_ratio" : "poisson_ratio_through",
                            "the elastic constants are not positive definite at "
                                    + Units.format(t, Dimension.TEMPERATURE) + ": 1 - nu - 2*nu_xz^2*E_z/E_in = "
                                    + Units.formatNumber(d) + " <= 0 (poisson_ratio_through is nu_xz, the "
                                    + "through-thickness contraction per unit in-plane strain)");
                }
            }
        }
    }
}
