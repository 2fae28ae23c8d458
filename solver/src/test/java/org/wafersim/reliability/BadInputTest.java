package org.wafersim.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.wafersim.cases.CaseSpec.CoresSpec;
import org.wafersim.cases.CaseSpec.DiesSpec;
import org.wafersim.cases.CaseSpec.WaferSpec;
import org.wafersim.errors.InputException;
import org.wafersim.geometry.CoreArray;
import org.wafersim.reliability.LifetimeDistribution.Kind;
import org.wafersim.reliability.ReliabilityParameters.DefectModel;

/**
 * Bad parameters are {@link InputException}s naming the key (the CLI maps them to exit code 2 with the message on
 * one line). Constructing a parameter record validates it, so these checks run before any solver.
 */
class BadInputTest {

    private static InputException rejects(String key, Executable e) {
        InputException ex = assertThrows(InputException.class, e);
        assertEquals(key, ex.keyPath());
        assertNull(ex.source());            // the case-file loader attributes it to the file with inSource()
        assertTrue(ex.getMessage().startsWith(key + ": "), ex.getMessage());
        return ex;
    }

    @Test
    void negativeDefectDensity() {
        InputException ex = rejects("reliability.defect_density",
                () -> ReliabilityParameters.DEFAULT.withDefectDensity(-0.1));
        assertTrue(ex.reason().contains("negative"), ex.reason());
        rejects("reliability.defect_density",
                () -> DefectYield.evaluate(Wafers.smallWafer(), -1, DefectModel.POISSON, 3));
        rejects("reliability.defect_density", () -> ReliabilityParameters.DEFAULT.withDefectDensity(Double.NaN));
        rejects("reliability.clustering_alpha",
                () -> ReliabilityParameters.DEFAULT.withDefectModel(DefectModel.NEGATIVE_BINOMIAL, 0));
    }

    @Test
    void weibullShapeNotPositive() {
        rejects("reliability.wear_out.tddb.weibull_shape", () -> Mechanism.ArrheniusLife.TDDB.withShape(0));
        rejects("reliability.wear_out.tddb.weibull_shape", () -> Mechanism.ArrheniusLife.TDDB.withShape(-1.3));
        rejects("reliability.connector.weibull_shape", () -> ConnectorParameters.DEFAULT.withWeibullShape(0));
        rejects("reliability.connector.weibull_shape",
                () -> ConnectorPopulation.of(new double[][] {{1e8}}, null, -6));
        rejects("reliability.wear_out.electromigration.lognormal_sigma",
                () -> new Mechanism.Electromigration(true, 0.9, 2, Kind.LOGNORMAL, 0, 1e9, 378.15));
        rejects("reliability.wear_out.thermal_cycling.weibull_shape",
                () -> new Mechanism.ThermalCycling(true, 6, Kind.WEIBULL, 0, 1e5, 165));
    }

    @Test
    void dutyCycleWithZeroPeriodOrNoCycles() {
        rejects("reliability.duty_cycle.period", () -> DutyCycle.ofPeriod(0, 1));
        rejects("reliability.duty_cycle.period", () -> DutyCycle.ofPeriod(-3600, 1));
        rejects("reliability.duty_cycle.cycles_per_day", () -> new DutyCycle(0, 1));
        rejects("reliability.duty_cycle.cycles_per_day", () -> new DutyCycle(Double.POSITIVE_INFINITY, 1));
        rejects("reliability.duty_cycle.off_cycles_per_week", () -> new DutyCycle(4, -1));
        assertEquals(4, DutyCycle.ofPeriod(6 * Durations.HOUR, 1).cyclesPerDay(), 1e-12);
    }

    @Test
    void spareFractionOfOneOrMore() {
        // the estimator takes its spares from the CoreArray, whose validation names the case-file key
        for (double f : new double[] {1.0, 1.5, -0.1, Double.NaN}) {
            InputException ex = assertThrows(InputException.class, () -> CoreArray.of(
                    new WaferSpec(0.03, 0.024, 5e-4, "silicon", 1e-5), new DiesSpec(3, 2, 2e-4),
                    new CoresSpec(10, 12, f, List.of()), "case.yaml"));
            assertEquals("cores.spare_fraction", ex.keyPath());
            assertEquals("case.yaml", ex.source());
        }
    }

    @Test
    void nonFiniteAndInconsistentValues() {
        rejects("reliability.design_life", () -> ReliabilityParameters.DEFAULT.withDesignLife(Double.NaN));
        rejects("reliability.design_life", () -> ReliabilityParameters.DEFAULT.withDesignLife(0));
        rejects("reliability.curve_points", () -> ReliabilityParameters.DEFAULT.withCurve(1, 1e8));
        rejects("reliability.wear_out.nbti.reference_mttf", () -> Mechanism.ArrheniusLife.NBTI.withReferenceMttf(0));
        rejects("reliability.wear_out.electromigration.activation_energy",
                () -> new Mechanism.Electromigration(true, Double.NaN, 2, Kind.LOGNORMAL, 0.4, 1e9, 378.15));
        rejects("reliability.wear_out.stress_migration.stress_free_temperature",
                () -> new Mechanism.StressMigration(true, 0.75, 2.5, 350, Kind.LOGNORMAL, 0.7, 1e9, 378.15));
        rejects("reliability.connector.fatigue_ductility_coefficient",
                () -> ConnectorParameters.DEFAULT.withDuctilityCoefficient(0));
        rejects("reliability.connector.norris_landzberg_ea_over_k", () -> new NorrisLandzberg(2.65, 0.136, Double.NaN));
        rejects("reliability.wear_out.reference_scale", () -> WearOutParameters.DEFAULT.scaledReferenceLives(-1));
        rejects("reliability.wear_out.tddb", () -> WearOutParameters.DEFAULT.withTddb(null));
    }

    @Test
    void aMaterialWithoutFatigueConstantsCannotBeTheConnector() {
        var lib = org.wafersim.materials.MaterialLibrary.builtin();
        rejects("reliability.connector.material", () -> ConnectorParameters.of(lib.get("copper")));
    }
}
