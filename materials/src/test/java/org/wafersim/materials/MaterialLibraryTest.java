package org.wafersim.materials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.wafersim.errors.InputException;
import org.wafersim.units.Dimension;

class MaterialLibraryTest {

    private static final MaterialLibrary LIB = MaterialLibrary.builtin();

    static List<String> builtinNames() {
        return LIB.names();
    }

    private static Map<String, String> props(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    private static InputException defineError(String base, String... kv) {
        return assertThrows(InputException.class, () -> LIB.define("my_mat", base, props(kv)));
    }

    // ---------------------------------------------------------------- the library

    @Test
    void builtinNamesAsTheCaseFilesUseThem() {
        assertEquals(List.of("silicon", "copper", "aluminium", "aluminium_pure", "tim_grease", "tim_indium",
                "tim_graphite_pad", "connector_elastomer", "mainboard", "fr4", "fr4_high_tg", "polyimide", "sac305",
                "underfill", "beol", "si3n4", "sylgard184", "water", "water_glycol_50"), LIB.names());
    }

    @ParameterizedTest
    @CsvSource({
            "silicon_100, silicon", "copper_C110, copper", "aluminium_6061T6, aluminium", "aluminum, aluminium",
            "aluminium_pure, aluminium_pure", "aluminum_pure, aluminium_pure", "tim_grease, tim_grease",
            "tim_indium, tim_indium", "tim_graphite_pad, tim_graphite_pad", "fr4_standard, fr4",
            "fr4_highTg_370HR, fr4_high_tg", "mainboard_effective, mainboard", "polyimide_kaptonHN, polyimide",
            "sac305, sac305", "underfill_capillary, underfill", "silicone_elastomer_sylgard184, sylgard184",
            "connector_elastomeric_effective, connector_elastomer", "si3n4, si3n4", "water, water",
            "beol_effective, beol"
    })
    void everyMaterialsCsvKeyResolves(String csvKey, String name) {
        assertTrue(LIB.contains(csvKey));
        assertEquals(name, LIB.get(csvKey).name());
        assertEquals(name, LIB.canonicalName(csvKey));
        assertSame(LIB.get(name), LIB.get(csvKey));
    }

    @ParameterizedTest
    @MethodSource("builtinNames")
    void everyBuiltinIsComplete(String name) {
        Material m = LIB.get(name);
        for (double t : new double[] {233.15, 273.15, 300, 350, 400, 500, 700}) {
            assertTrue(m.density(t) > 0, name);
            assertTrue(m.specificHeat(t) > 0, name);
            assertTrue(m.conductivityX(t) > 0 && m.conductivityY(t) > 0 && m.conductivityZ(t) > 0, name);
            if (m.hasElasticConstants()) {
                assertTrue(m.youngsModulusInPlane(t) > 0 && m.youngsModulusThrough(t) > 0, name);
                assertTrue(m.shearModulusThrough(t) > 0, name);
                assertTrue(m.poissonRatioInPlane(t) > -1 && m.poissonRatioInPlane(t) < 0.5, name);
                assertTrue(Double.isFinite(m.cteInPlane(t)) && Double.isFinite(m.cteThrough(t)), name);
            }
        }
        assertFalse(m.description().isBlank(), name);
        assertFalse(m.properties().isEmpty());
        for (Map.Entry<String, Property> e : m.properties().entrySet()) {
            Property p = e.getValue();
            assertFalse(p.source().isBlank(), name + "." + e.getKey() + " has no source");
            assertTrue(p.source().length() > 8, name + "." + e.getKey() + " source too short: " + p.source());
            assertEquals(MaterialKeys.dimension(e.getKey()), p.dimension(), name + "." + e.getKey());
            assertFalse(p.describe().isBlank());
        }
        List<String> keys = List.copyOf(m.properties().keySet());
        assertEquals("density", keys.get(0));
        assertEquals("specific_heat", keys.get(1));
        assertTrue(keys.get(2).startsWith("conductivity"));
    }

    @Test
    void libraryIsImmutableAndReloadedPerCall() {
        MaterialLibrary again = MaterialLibrary.builtin();
        assertNotSame(LIB, again);
        assertEquals(LIB.names(), again.names());
        assertEquals(LIB.get("silicon"), again.get("silicon"));
        assertThrows(UnsupportedOperationException.class, () -> LIB.names().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> LIB.aliases().put("x", "y"));
        assertThrows(UnsupportedOperationException.class, () -> LIB.get("copper").properties().clear());
        assertEquals(List.of("silicon_100"), LIB.aliasesOf("silicon"));
        assertTrue(LIB.aliasesOf("water").isEmpty());
    }

    // ---------------------------------------------------------------- reference values

    @Test
    void siliconConductivityMatchesIncropera() {
        Material si = LIB.get("silicon");
        assertEquals(148, si.conductivityX(300), 148 * 0.03);
        assertEquals(98.9, si.conductivityZ(400), 98.9 * 0.03);
        assertEquals(61.9, si.conductivityY(600), 61.9 * 0.03);
        assertEquals(131, si.conductivityZ(330), 1.0);
        assertTrue(si.conductivityDependsOnTemperature());
        assertEquals("148*(T/300 K)^-1.3 W/(m*K), T in K clamped to 250..600 K",
                si.properties().get("conductivity").describe());
        assertTrue(si.properties().get("conductivity").source().contains("Incropera & DeWitt"));
    }

    @Test
    void siliconCteMatchesOkadaTokumaru() {
        Material si = LIB.get("silicon");
        assertEquals(2.57e-6, si.cteInPlane(300), 0.02e-6);
        assertEquals(2.93e-6, si.cteInPlane(350), 0.02e-6);
        assertEquals(3.21e-6, si.cteThrough(400), 0.02e-6);
        assertTrue(si.properties().get("cte").source().contains("Okada & Tokumaru J.Appl.Phys.56:314 (1984)"));
        double strain = si.thermalStrainInPlane(348.15, 298.15);
        assertTrue(strain > 50 * 2.57e-6 && strain < 50 * 2.93e-6, "integral of alpha between the end values");
        assertEquals(-strain, si.thermalStrainInPlane(298.15, 348.15), 1e-18);
    }

    @Test
    void siliconOtherValues() {
        Material si = LIB.get("silicon");
        assertEquals(2329, si.density(350));
        assertEquals(712, si.specificHeat(300), 1e-9);
        assertEquals(751, si.specificHeat(350), 1e-9);
        assertEquals(790, si.specificHeat(450), 1e-9);
        assertEquals(150e9, si.youngsModulusInPlane(300), 1);
        assertEquals(150e9, si.youngsModulusThrough(300), 1);
        assertEquals(0.17, si.poissonRatioInPlane(300));
        assertEquals(150e9 / (2 * 1.17), si.shearModulusThrough(300), 1);
        assertEquals(500e6, si.fractureStrength().orElseThrow().at(300), 1);
        assertEquals(6, si.coffinMansonExponent().orElseThrow());
        assertFalse(si.fatigue().isPresent(), "brittle: no ductility coefficient");
        assertFalse(si.isTransverselyIsotropic());
        assertEquals(Category.SEMICONDUCTOR, si.category());
        assertEquals(MechanicalRole.SOLID, si.mechanicalRole());
    }

    @Test
    void copper() {
        Material cu = LIB.get("copper");
        assertEquals(401, cu.conductivityX(300), 1e-9);
        assertEquals(393, cu.conductivityZ(400), 1e-9);
        assertEquals(8933, cu.density(300));
        assertEquals(385, cu.specificHeat(300), 1e-9);
        assertEquals(397, cu.specificHeat(400), 1e-9);
        assertEquals(120e9, cu.youngsModulusInPlane(300), 1);
        assertEquals(0.34, cu.poissonRatioThrough(300));
        assertEquals(16.5e-6, cu.cteInPlane(293.15), 1e-12);
        assertEquals(17.0e-6, cu.cteInPlane(373.15), 1e-12);
        assertTrue(cu.properties().containsKey("conductivity"));
        assertFalse(cu.properties().containsKey("conductivity_through"));
        assertFalse(cu.properties().containsKey("youngs_modulus_through"));
        assertTrue(cu.yieldStrength().isPresent());
    }

    @Test
    void connectorElastomer() {
        Material c = LIB.get("connector_elastomer");
        assertEquals(2.0, c.conductivityZ(300));
        assertEquals(0.5, c.conductivityX(300));
        assertEquals(0.5, c.conductivityY(300));
        assertEquals(20e6, c.youngsModulusThrough(300), 1e-6);
        assertEquals(5e6, c.youngsModulusInPlane(300), 1e-6);
        assertEquals(1e6, c.shearModulusThrough(300), 1e-6);
        assertEquals(0.45, c.poissonRatioInPlane(300));
        assertEquals(250e-6, c.cteInPlane(300), 1e-15);
        assertEquals(250e-6, c.cteThrough(300), 1e-15);
        assertTrue(c.isTransverselyIsotropic());
        FatigueParameters f = c.fatigue().orElseThrow();
        assertEquals(0.325, f.ductilityCoefficient());
        assertEquals(2.65, f.coffinMansonExponent());
        assertTrue(c.properties().keySet().containsAll(List.of("conductivity_in_plane", "conductivity_through",
                "youngs_modulus", "youngs_modulus_through", "shear_modulus_through")));
    }

    @Test
    void mainboardAndLaminates() {
        Material b = LIB.get("mainboard");
        assertEquals(98, b.conductivityX(300));
        assertEquals(0.47, b.conductivityZ(300));
        assertEquals(46.5e9, b.youngsModulusInPlane(300), 1);
        assertEquals(10e9, b.youngsModulusThrough(300), 1);
        assertEquals(0.2, b.poissonRatioInPlane(300));
        assertEquals(15.9e-6, b.cteInPlane(300), 1e-15);
        assertEquals(50e-6, b.cteThrough(300), 1e-15);
        assertEquals(200e-6, b.cteThrough(473.15), 1e-15, "above Tg");
        assertEquals(3660, b.density(300));
        assertEquals(683, b.specificHeat(300));
        assertEquals(453.15, b.property("glass_transition").orElseThrow().at(300), 1e-9);

        Material fr4 = LIB.get("fr4");
        assertEquals(0.81, fr4.conductivityX(300));
        assertEquals(0.29, fr4.conductivityZ(300));
        assertEquals(8e9, fr4.youngsModulusThrough(300), 1);
        assertEquals(3.5e9, fr4.shearModulusThrough(300), 1);
        assertEquals(0.3, fr4.poissonRatioThrough(300));
        Material hi = LIB.get("fr4_high_tg");
        assertEquals(45e-6, hi.cteThrough(400), 1e-15);
        assertEquals(230e-6, hi.cteThrough(470), 1e-15);
    }

    @Test
    void interfaceMaterialsAndFluids() {
        Material grease = LIB.get("tim_grease");
        assertEquals(4.0, grease.conductivityZ(300));
        assertEquals(MechanicalRole.SLIDING, grease.mechanicalRole());
        assertFalse(grease.hasElasticConstants());
        assertFalse(grease.conductivityDependsOnTemperature());
        assertEquals(2e-6, grease.property("contact_resistance").orElseThrow().at(300), 1e-15);
        assertThrows(IllegalStateException.class, () -> grease.youngsModulusInPlane(300));

        Material pad = LIB.get("tim_graphite_pad");
        assertEquals(700, pad.conductivityX(300));
        assertEquals(15, pad.conductivityZ(300));
        assertEquals(MechanicalRole.SLIDING, pad.mechanicalRole());

        Material indium = LIB.get("tim_indium");
        assertTrue(indium.hasElasticConstants());
        assertEquals(86, indium.conductivityX(300));

        Material water = LIB.get("water");
        assertFalse(water.hasElasticConstants());
        assertEquals(MechanicalRole.NONE, water.mechanicalRole());
        assertEquals(Category.FLUID, water.category());
        assertEquals(0.6064, water.conductivityX(298.15), 1e-3);
        assertEquals(997.0, water.density(298.15), 1e-9);
        assertEquals(4181, water.specificHeat(298.15), 1e-9);
        assertEquals(0.89e-3, water.property("dynamic_viscosity").orElseThrow().at(298.15), 1e-9);
        assertTrue(water.conductivityDependsOnTemperature());
        assertTrue(water.heatCapacityDependsOnTemperature());
    }

    @Test
    void solderFatigue() {
        Material sac = LIB.get("sac305");
        FatigueParameters f = sac.fatigue().orElseThrow();
        assertEquals(0.325, f.ductilityCoefficient());
        assertEquals(2.65, f.coffinMansonExponent());
        double c = f.engelmaierExponent(273.15 + 50, 4);
        assertEquals(-0.442 - 6e-4 * 50 + 1.74e-2 * Math.log(5), c, 1e-12);
        assertEquals(51e9, sac.youngsModulusInPlane(298.15), 1);
        assertEquals(51e9 - 0.15e9 * 50, sac.youngsModulusInPlane(348.15), 1);
    }

    // ---------------------------------------------------------------- lookup errors

    @Test
    void unknownMaterial() {
        InputException e = assertThrows(InputException.class, () -> LIB.get("xyz"));
        assertTrue(e.reason().startsWith("unknown material 'xyz'; known: silicon, copper"), e.reason());
        assertNull(e.keyPath());
        assertNull(e.source());
        e = assertThrows(InputException.class, () -> LIB.get("silicn"));
        assertTrue(e.reason().contains("did you mean 'silicon'?"), e.reason());
        assertFalse(LIB.contains("xyz"));
        assertFalse(LIB.contains(null));
        assertThrows(InputException.class, () -> LIB.get(null));
    }

    // ---------------------------------------------------------------- user materials

    @Test
    void defineWithBaseOverridesOnlyTheGivenKeys() {
        MaterialLibrary lib = LIB.define("my_cu", "copper", props("conductivity", "380 W/(m*K)"));
        Material m = lib.get("my_cu");
        assertEquals(380, m.conductivityX(300));
        assertEquals(380, m.conductivityZ(500));
        assertFalse(m.conductivityDependsOnTemperature());
        assertEquals(8933, m.density(300));
        assertEquals(120e9, m.youngsModulusInPlane(300), 1);
        assertEquals(Category.METAL, m.category());
        assertTrue(m.properties().get("conductivity").source().contains("my_cu"));
        assertTrue(m.properties().get("density").source().contains("Incropera"));
        assertTrue(lib.names().contains("my_cu"));
        assertFalse(LIB.contains("my_cu"), "the original library is unchanged");
        assertEquals(401, lib.get("copper").conductivityX(300), 1e-9);
    }

    @Test
    void overridingAnIsotropicModulusKeepsTheMaterialIsotropic() {
        Material m = LIB.define("soft_cu", "copper", props("youngs_modulus", "110 GPa", "cte", "17 ppm/K"))
                .get("soft_cu");
        assertEquals(110e9, m.youngsModulusThrough(300), 1);
        assertEquals(17e-6, m.cteThrough(300), 1e-15);
        assertFalse(m.isTransverselyIsotropic());
        assertEquals(110e9 / 2.68, m.shearModulusThrough(300), 1);
    }

    @Test
    void overridingAnOrthotropicBaseKeepsItsThroughValues() {
        Material m = LIB.define("stiff_conn", "connector_elastomer", props("youngs_modulus", "8 MPa"))
                .get("stiff_conn");
        assertEquals(8e6, m.youngsModulusInPlane(300), 1e-6);
        assertEquals(20e6, m.youngsModulusThrough(300), 1e-6);
        assertEquals(1e6, m.shearModulusThrough(300), 1e-6);
        assertTrue(m.fatigue().isPresent());
    }

    @Test
    void defineOrthotropicAndDescribedFromScratch() {
        Material m = LIB.define("pad", null, props(
                "density", "2000 kg/m^3", "specific_heat", "800 J/(kg*K)",
                "conductivity_in_plane", "400 W/(m*K)", "conductivity_through", "5 W/(m*K)",
                "description", "a graphite pad", "category", "thermal_interface", "mechanics", "sliding")).get("pad");
        assertEquals(400, m.conductivityY(300));
        assertEquals(5, m.conductivityZ(300));
        assertEquals("a graphite pad", m.description());
        assertEquals(Category.THERMAL_INTERFACE, m.category());
        assertEquals(MechanicalRole.SLIDING, m.mechanicalRole());
        assertFalse(m.hasElasticConstants());

        Material s = LIB.define("laminate", null, props(
                "density", "1900 kg/m^3", "specific_heat", "1100 J/(kg*K)", "conductivity", "0.5 W/(m*K)",
                "youngs_modulus", "20 GPa", "youngs_modulus_through", "8 GPa", "poisson_ratio", "0.15",
                "poisson_ratio_through", "0.3", "shear_modulus_through", "3 GPa",
                "cte", "14 ppm/K", "cte_through", "60 ppm/K")).get("laminate");
        assertEquals(MechanicalRole.SOLID, s.mechanicalRole());
        assertEquals(8e9, s.youngsModulusThrough(300), 1);
        assertEquals(60e-6, s.cteThrough(300), 1e-15);
        assertEquals(14e-6, s.cteInPlane(300), 1e-15);
        assertEquals(Category.OTHER, s.category());
    }

    @Test
    void defineTemperatureDependentValueAndBaseKey() {
        MaterialLibrary lib = LIB.define("hot_si", null, props("base", "silicon",
                "conductivity", "25 degC: 150 W/(m*K); 125 degC: 100 W/(m*K)"));
        Material m = lib.get("hot_si");
        assertEquals(125, m.conductivityX(348.15), 1e-9);
        assertTrue(m.conductivityDependsOnTemperature());
        assertEquals(2329, m.density(300));
    }

    @Test
    void fluidBaseBecomesSolidWithElasticConstants() {
        Material ice = LIB.define("gel", "water", props("youngs_modulus", "1 MPa", "poisson_ratio", "0.3",
                "cte", "100 ppm/K")).get("gel");
        assertTrue(ice.hasElasticConstants());
        InputException e = defineError("water", "youngs_modulus", "1 MPa");
        assertEquals("poisson_ratio", e.keyPath());
    }

    @Test
    void withAddsReplacesAndShadowsAliases() {
        Material mine = LIB.get("copper").toBuilder().name("silicon_100").description("mine").build();
        MaterialLibrary lib = LIB.with(mine);
        assertEquals("mine", lib.get("silicon_100").description());
        assertEquals("silicon", lib.get("silicon").name());
        MaterialLibrary replaced = lib.with(LIB.get("copper").toBuilder().name("silicon").build());
        assertEquals(401, replaced.get("silicon").conductivityX(300), 1e-9);
        assertEquals(LIB.names().size() + 1, replaced.names().size());
        assertTrue(MaterialLibrary.empty().names().isEmpty());
        assertEquals(1, MaterialLibrary.empty().with(mine).names().size());
    }

    // ---------------------------------------------------------------- user errors, each naming its key

    @Test
    void unknownKey() {
        InputException e = defineError("copper", "conductivty", "380 W/(m*K)");
        assertEquals("conductivty", e.keyPath());
        assertTrue(e.reason().startsWith("unknown material property; known: "), e.reason());
        assertTrue(e.reason().contains("conductivity_in_plane"));
        assertEquals("case.yaml: materials.my_mat.conductivty: " + e.reason(),
                e.under("materials.my_mat").inSource("case.yaml").getMessage());
    }

    @Test
    void badUnitsNameTheKey() {
        InputException e = defineError("copper", "conductivity", "380 W/m");
        assertEquals("conductivity", e.keyPath());
        assertTrue(e.reason().contains("expected a thermal conductivity"), e.reason());
        e = defineError("copper", "density", "8900");
        assertEquals("density", e.keyPath());
        assertTrue(e.reason().contains("has no unit"), e.reason());
        e = defineError("copper", "cte", "17 ppx/K");
        assertEquals("cte", e.keyPath());
        assertTrue(e.reason().startsWith("unknown unit 'ppx'"), e.reason());
        e = defineError("copper", "poisson_ratio", "0.3 m");
        assertEquals("poisson_ratio", e.keyPath());
        e = defineError("copper", "specific_heat", "");
        assertEquals("specific_heat", e.keyPath());
        e = defineError("copper", "youngs_modulus", "lots");
        assertEquals("youngs_modulus", e.keyPath());
        assertTrue(e.reason().startsWith("not a number"), e.reason());
        e = defineError("copper", "conductivity", "25 degC: 1 W/(m*K); 20 degC: 2 W/(m*K)");
        assertEquals("conductivity", e.keyPath());
        e = defineError("copper", "mechanics", "rigid");
        assertEquals("mechanics", e.keyPath());
        assertTrue(e.reason().contains("solid, sliding, none"), e.reason());
    }

    @ParameterizedTest
    @CsvSource({
            "conductivity, -5 W/(m*K)", "conductivity, 0 W/(m*K)", "density, -1 kg/m^3", "density, 0 kg/m^3",
            "specific_heat, -385 J/(kg*K)", "specific_heat, 0 J/(kg*K)", "conductivity_through, -1 W/(m*K)",
            "conductivity_in_plane, 0 W/(m*K)", "youngs_modulus, -1 GPa", "shear_modulus_through, 0 Pa",
            "fracture_strength, -1 MPa"
    })
    void nonPositiveValuesAreRejected(String key, String value) {
        InputException e = defineError("copper", key, value);
        assertEquals(key, e.keyPath());
        assertTrue(e.reason().startsWith("must be positive"), e.reason());
    }

    @Test
    void nonPositiveTemperatureDependentValueNamesWhere() {
        InputException e = defineError("copper", "conductivity", "300 K: 10 W/(m*K); 400 K: -10 W/(m*K)");
        assertEquals("conductivity", e.keyPath());
        assertTrue(e.reason().contains("at 126.85 degC"), e.reason());
    }

    @Test
    void poissonRatioRange() {
        InputException e = defineError("copper", "poisson_ratio", "0.5");
        assertEquals("poisson_ratio", e.keyPath());
        assertTrue(e.reason().contains("a Poisson ratio \u2265 0.5 needs a hybrid formulation, which wafersim "
                + "does not have"), e.reason());
        e = defineError("copper", "poisson_ratio", "0.7");
        assertEquals("poisson_ratio", e.keyPath());
        e = defineError("copper", "poisson_ratio", "-1");
        assertEquals("poisson_ratio", e.keyPath());
        assertTrue(e.reason().contains("above -1"), e.reason());
        assertEquals(-0.5, LIB.define("auxetic", "copper", props("poisson_ratio", "-0.5")).get("auxetic")
                .poissonRatioInPlane(300));
    }

    @Test
    void elasticConstantsMustBePositiveDefinite() {
        InputException e = defineError("connector_elastomer", "poisson_ratio_through", "0.45");
        assertEquals("poisson_ratio_through", e.keyPath());
        assertTrue(e.reason().contains("not positive definite"), e.reason());
    }

    @Test
    void orthotropicSolidNeedsShearModulus() {
        InputException e = defineError(null, "density", "1 kg/m^3", "specific_heat", "1 J/(kg*K)",
                "conductivity", "1 W/(m*K)", "youngs_modulus", "10 GPa", "youngs_modulus_through", "5 GPa",
                "poisson_ratio", "0.3", "cte", "10 ppm/K");
        assertEquals("shear_modulus_through", e.keyPath());
        e = defineError(null, "density", "1 kg/m^3", "specific_heat", "1 J/(kg*K)", "conductivity", "1 W/(m*K)",
                "mechanics", "solid");
        assertEquals("youngs_modulus", e.keyPath());
    }

    @Test
    void withoutBaseTheThermalTrioIsRequired() {
        InputException e = defineError(null, "conductivity", "1 W/(m*K)", "specific_heat", "1 J/(kg*K)");
        assertEquals("density", e.keyPath());
        assertTrue(e.reason().contains("without 'base'"), e.reason());
        e = defineError(null, "conductivity", "1 W/(m*K)", "density", "1 kg/m^3");
        assertEquals("specific_heat", e.keyPath());
        e = defineError(null, "density", "1 kg/m^3", "specific_heat", "1 J/(kg*K)");
        assertEquals("conductivity", e.keyPath());
        e = defineError(null, "density", "1 kg/m^3", "specific_heat", "1 J/(kg*K)",
                "conductivity_in_plane", "1 W/(m*K)");
        assertEquals("conductivity", e.keyPath());
    }

    @Test
    void badBaseAndBadName() {
        InputException e = defineError("unobtainium", "density", "1 kg/m^3");
        assertEquals("base", e.keyPath());
        assertTrue(e.reason().startsWith("unknown material 'unobtainium'"), e.reason());
        e = assertThrows(InputException.class, () -> LIB.define("x", "copper", props("base", "silicon")));
        assertEquals("base", e.keyPath());
        e = assertThrows(InputException.class, () -> LIB.define("1bad name", "copper", Map.of()));
        assertNull(e.keyPath());
        assertThrows(InputException.class, () -> LIB.define(" ", "copper", Map.of()));
        assertEquals("copper2", LIB.define("copper2", "copper", null).get("copper2").name());
    }

    @Test
    void builderChecksDimensions() {
        Material.Builder b = Material.builder("x");
        InputException e = assertThrows(InputException.class,
                () -> b.density(Property.constant(1, Dimension.LENGTH, "s")));
        assertEquals("density", e.keyPath());
        e = assertThrows(InputException.class, () -> b.set("colour", Property.constant(1, Dimension.LENGTH, "s")));
        assertEquals("colour", e.keyPath());
        e = assertThrows(InputException.class, () -> Material.builder(null).build());
        assertNull(e.keyPath());
    }

    @Test
    void propertyKeysAreDocumented() {
        List<String> keys = MaterialLibrary.propertyKeys();
        assertTrue(keys.containsAll(List.of("density", "specific_heat", "conductivity", "conductivity_in_plane",
                "conductivity_through", "youngs_modulus", "youngs_modulus_through", "poisson_ratio",
                "shear_modulus_through", "cte", "cte_through", "fracture_strength", "description")));
        assertTrue(keys.indexOf("cte") < keys.indexOf("cte_through"), "in-plane before through");
    }

    // ---------------------------------------------------------------- the resource format

    @Test
    void resourceErrorsArePackagingBugsWithLineNumbers() {
        String header = "material,key,value,unit,law,source";
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MaterialLibrary.load(List.of(header, "a,density,1,kg/m^3,const,"), "t.csv"));
        assertTrue(e.getMessage().contains("t.csv line 2") && e.getMessage().contains("no source"), e.getMessage());
        e = assertThrows(IllegalStateException.class,
                () -> MaterialLibrary.load(List.of("m,k,v"), "t.csv"));
        assertTrue(e.getMessage().contains("header"), e.getMessage());
        e = assertThrows(IllegalStateException.class,
                () -> MaterialLibrary.load(List.of(header, "a,density,1,kg/m^3,const,src"), "t.csv"));
        assertTrue(e.getMessage().contains("specific_heat"), e.getMessage());
        e = assertThrows(IllegalStateException.class,
                () -> MaterialLibrary.load(List.of(header, "a,density,1,kg/m^3,\"const,src"), "t.csv"));
        assertTrue(e.getMessage().contains("unterminated quote"), e.getMessage());
        MaterialLibrary ok = MaterialLibrary.load(List.of("# comment", header, "",
                "a,aliases,b c,,,", "a,density,1,kg/m^3,const,\"s, with \"\"quotes\"\"\"",
                "a,specific_heat,2,J/(kg*K),,s", "a,conductivity,3,W/(m*K),,s"), "t.csv");
        assertEquals("s, with \"quotes\"", ok.get("c").properties().get("density").source());
        assertEquals(Map.of("b", "a", "c", "a"), ok.aliases());
    }
}
