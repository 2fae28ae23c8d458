package org.wafersim.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wafersim.cases.ConnectorTechSpec.Technology;

/** The {@code criteria} and {@code connector} blocks: defaults and values (bad input: solver's {@code bad-input.yaml}). */
class DesignKeysTest {
    static final double YEAR = 365.25 * 86400;

    @TempDir
    Path dir;

    private CaseSpec load(String more, String... overrides) {
        return SmallCase.WAFER.load(dir, more, overrides);
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
        // given twice, differently: bad-input.yaml
        CaseSpec s = load("connector: {technology: solder, solder: {height: \"0.5 mm\"}}");
        assertEquals(0.5e-3, s.connectorTech().solder().height(), 1e-15);
        CaseSpec cu = load("connector: {technology: custom, custom: {kinematics: shear, curve: s_n, youngs_modulus:"
                + " \"120 GPa\", stress_amplitude: \"300 MPa\", cycles: 1e7, exponent: 10}}");
        assertEquals(10, cu.connectorTech().custom().exponent());
    }

}
