package org.wafersim.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cases.ConnectorTechSpec.Technology;
import org.wafersim.errors.InputException;

/** The {@code criteria} and {@code connector} blocks: defaults, values, and bad input naming the key. */
class DesignKeysTest {
    static final double YEAR = 365.25 * 86400;

    @TempDir
    Path dir;

    private Path write(String more) throws IOException {
        Path p = dir.resolve("case.yaml");
        Files.writeString(p, ReliabilityKeysTest.CASE.formatted(more.strip()), StandardCharsets.UTF_8);
        return p;
    }

    private CaseSpec load(String more, String... overrides) throws IOException {
        return CaseLoader.load(write(more), List.of(overrides));
    }

    private InputException fails(String more, String keyPath, String... overrides) throws IOException {
        Path p = write(more);
        InputException e = assertThrows(InputException.class, () -> CaseLoader.load(p, List.of(overrides)));
        assertEquals(keyPath, e.keyPath(), e.getMessage());
        assertTrue(e.getMessage().startsWith(p + ": " + keyPath + ": "), e.getMessage());
        return e;
    }

    @Test
    void defaults() throws IOException {
        CaseSpec c = load("");
        CriteriaSpec k = c.criteria();
        assertEquals(125 + 273.15, k.junctionLimit(), 1e-9);
        assertEquals(5 * YEAR, k.designLife(), 1e-3);
        assertEquals(5 * YEAR, k.minConnectorLife(), 1e-3);
        assertEquals(0.9, k.minReliability());
        assertEquals(200e-6, k.maxWarpage(), 1e-15);
        assertEquals(0.25, k.maxSiliconStress());
        assertNull(k.maxConnectorStrain());
        assertNull(k.maxCoolantPressureDrop());
        assertEquals(Technology.SPRING, c.connectorTech().technology());
        assertEquals(1.2e-3, c.connectorTech().spring().length(), 1e-15);
        assertEquals(80e-6, c.connectorTech().spring().thickness(), 1e-15);
        assertTrue(c.resolvedText().contains("junction_limit: 125 degC"), c.resolvedText());
        assertTrue(c.resolvedText().contains("technology: spring"), c.resolvedText());
    }

    @Test
    void valuesAndTheDesignLifeGivenOnce() throws IOException {
        CaseSpec c = load("criteria: {junction_limit: \"105 degC\", design_life: \"7 years\", max_connector_strain: \"0.5 %\","
                + " max_warpage: \"0.1 mm\", max_coolant_pressure_drop: \"50 kPa\"}");
        assertEquals(105 + 273.15, c.criteria().junctionLimit(), 1e-9);
        assertEquals(7 * YEAR, c.criteria().designLife(), 1e-3);
        assertEquals(7 * YEAR, c.reliabilitySpec().designLife(), 1e-3);     // criteria.design_life sets both
        assertEquals(0.005, c.criteria().maxConnectorStrain(), 1e-15);
        assertEquals(5e4, c.criteria().maxCoolantPressureDrop(), 1e-9);
        fails("criteria: {design_life: \"7 years\"}\nreliability: {design_life: \"6 years\"}", "criteria.design_life");
        CaseSpec s = load("connector: {technology: solder, solder: {height: \"0.5 mm\"}}");
        assertEquals(0.5e-3, s.connectorTech().solder().height(), 1e-15);
        CaseSpec cu = load("connector: {technology: custom, custom: {kinematics: shear, curve: s_n, youngs_modulus:"
                + " \"120 GPa\", stress_amplitude: \"300 MPa\", cycles: 1e7, exponent: 10}}");
        assertEquals(10, cu.connectorTech().custom().exponent());
    }

    @Test
    void badInputNamesTheKey() throws IOException {
        fails("", "criteria.max_warpage", "criteria.max_warpage=5 K");                  // wrong unit
        fails("criteria: {junction_limit: \"125 mm\"}", "criteria.junction_limit");
        fails("criteria: {min_reliability: 1.5}", "criteria.min_reliability");
        fails("", "connector.technology", "connector.technology=pogo");                  // unknown technology
        fails("connector: {spring: {length: \"2 mm\"}}", "connector.spring.length");   // longer than the pitch allows
        fails("connector: {spring: {thickness: \"0.5 mm\"}}", "connector.spring.thickness");
        fails("connector: {spring: {alloy: unobtainium}}", "connector.spring.alloy");
        fails("connector: {technology: custom, custom: {curve: s_n, youngs_modulus: \"120 GPa\", stress_amplitude:"
                + " \"300 MPa\", cycles: 1e7, exponent: -10}}", "connector.custom.exponent");  // negative exponent
        fails("connector: {technology: custom, custom: {curve: strain_life, youngs_modulus: \"120 GPa\","
                + " fatigue_strength_coefficient: \"1500 MPa\", fatigue_strength_exponent: 0.09}}",
                "connector.custom.fatigue_strength_exponent");
        fails("connector: {technology: solder, spring: {length: \"1 mm\"}}", "connector.spring");
        fails("reliability: {connector: {engelmaier_c0: -0.4}}", "reliability.connector.engelmaier_c0");
    }
}
