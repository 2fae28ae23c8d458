package org.wafersim.validation.analytic;

import java.util.List;
import org.wafersim.validation.check.Check;

/** The analytical references of DESIGN section 6 that exist so far, in the order {@code validate} runs them. */
public final class AnalyticChecks {
    private AnalyticChecks() { }

    public static List<Check> all() {
        List<Check> all = new java.util.ArrayList<>(List.of(new SlabCheck(), new ManufacturedSolutionCheck(),
                new SpreadingResistanceCheck(), new EdgeCooledPlateCheck(), new LeakageFixedPointCheck(),
                new LateralCoolantCheck(), new MultigridRobustnessCheck(), new WaferEnergyBalanceCheck(),
                new ContactResistanceCheck(), new GenerationSlabCheck(), new StepSlabCheck(), new ManufacturedCaseCheck()));
        all.addAll(PlateChecks.all());
        all.addAll(MechanicsLoadChecks.all());
        return List.copyOf(all);
    }
}
