package org.wafersim.mechanics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wafersim.linalg.Parallel;

/**
 * A consistency check of the plate model that has no closed form of its own. The closed-form references (free
 * expansion, thin film and Stoney, Timoshenko's bimetal, the shear-lag closed form with its convergence order) live
 * in the validation suite (validation's PlateChecks, run in CI by AnalyticChecksTest and by {@code wafersim validate}).
 */
class PlateReferenceTest {
    private static final Parallel PAR = Parallel.serial();

    /**
     * A stiff bonded interlayer (indium-like, G h^-1 ~ 1e14 Pa/m) must act as a perfect bond: the curvature of a
     * Si-on-Cu plate joined through it equals the laminate's with an equally thick layer of negligible stiffness in
     * the gap, away from the edges' shear-lag zone. Guards against locking of the interlayer coupling.
     */
    @Test
    void stiffBondedInterlayerActsAsAPerfectBond() {
        double eSi = 150e9, nuSi = 0.17, aSi = 2.6e-6, eCu = 120e9, nuCu = 0.34, aCu = 16.5e-6, dT = 50;
        double L = 0.04, tSi = 0.5e-3, tCu = 1e-3, h = 20e-6;
        PlateMesh mesh = PlateMesh.covering(new double[]{0, L}, new double[]{0, L}, L / 16);
        List<StackLayer> bonded = List.of(
                StackLayer.plate("si", tCu + h, tCu + h + tSi, 0, L, 0, L, eSi, nuSi),
                StackLayer.bonded("bond", tCu, tCu + h, 0, L, 0, L, 4e9, 11e9),
                StackLayer.plate("cu", 0, tCu, 0, L, 0, L, eCu, nuCu));
        List<StackLayer> laminate = List.of(
                StackLayer.plate("si", tCu + h, tCu + h + tSi, 0, L, 0, L, eSi, nuSi),
                StackLayer.plate("gap", tCu, tCu + h, 0, L, 0, L, 1e3, 0),
                StackLayer.plate("cu", 0, tCu, 0, L, 0, L, eCu, nuCu));
        PlateModel mb = new PlateModel(bonded, mesh), ml = new PlateModel(laminate, mesh);
        PlateSolution sb = mb.solve(LayerStrains.uniform(bonded, mesh, new double[]{aSi * dT, 0, aCu * dT}),
                Supports.free(mb), PAR);
        PlateSolution sl = ml.solve(LayerStrains.uniform(laminate, mesh, new double[]{aSi * dT, 0, aCu * dT}),
                Supports.free(ml), PAR);
        int c = mesh.nx / 2;
        double kb = sb.generalizedStrain(0, c, c)[3], kc = sb.generalizedStrain(1, c, c)[3];
        double kl = sl.generalizedStrain(0, c, c)[3];
        assertEquals(1, kb / kl, 0.01, "silicon plate curvature vs laminate");
        assertEquals(1, kc / kl, 0.01, "copper plate curvature vs laminate");
        PlateSolution.Stress a = sb.layerStress(0, c, c, 0.5), b = sl.layerStress(0, c, c, 0.5);
        assertEquals(1, a.xx() / b.xx(), 0.01, "silicon mid-plane stress vs laminate");
    }
}
