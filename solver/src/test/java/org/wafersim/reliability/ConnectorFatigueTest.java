package org.wafersim.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

class ConnectorFatigueTest {
    private static final double C0 = 273.15;

    /** Δγ growing with the distance from the centre, as the CTE mismatch makes it: peak at a corner. */
    private static double[][] strainMap(int ny, int nx, double peak) {
        double[][] g = new double[ny][nx];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double dx = (x - (nx - 1) / 2.0) / ((nx - 1) / 2.0), dy = (y - (ny - 1) / 2.0) / ((ny - 1) / 2.0);
                g[y][x] = peak * Math.sqrt(dx * dx + dy * dy) / Math.sqrt(2) * (1 + 0.01 * x);   // breaks the symmetry
            }
        }
        return g;
    }

    private static double[][] fill(int ny, int nx, double v) {
        double[][] a = new double[ny][nx];
        for (double[] r : a) java.util.Arrays.fill(r, v);
        return a;
    }

    @Test
    void perPointLifeIsMinerOfTheTwoCycles() {
        int ny = 9, nx = 11;
        ConnectorLoad a = new ConnectorLoad(strainMap(ny, nx, 0.004), fill(ny, nx, C0 + 50));
        ConnectorLoad b = new ConnectorLoad(strainMap(ny, nx, 0.007), fill(ny, nx, C0 + 40));
        DutyCycle duty = DutyCycle.DEFAULT;
        ConnectorFatigue.Result r = ConnectorFatigue.evaluate(a, b, duty, ConnectorParameters.DEFAULT, null);
        Engelmaier e = Engelmaier.ipcDefaults();
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                double na = e.cyclesToFailure(a.shearStrainRange()[y][x], C0 + 50, 4);
                double nb = e.cyclesToFailure(b.shearStrainRange()[y][x], C0 + 40, 1);     // 1/7 per day clamps to 1
                assertEquals(na, r.workloadCycles()[y][x], 1e-12 * na);
                double life = 1 / (4 / Durations.DAY / na + (1.0 / 7) / Durations.DAY / nb);
                assertEquals(life, r.lifeSeconds()[y][x], 1e-12 * life);
            }
        }
        // the largest strain is at the far corner (x = nx−1, y = 0 or ny−1; the first in scan order)
        assertEquals(nx - 1, r.firstFailure().x());
        assertEquals(0, r.firstFailure().y());
        assertEquals(1, r.notes().size());                 // the weekly cycle's frequency was clamped
        assertTrue(r.notes().get(0).contains("off/on"));
    }

    @Test
    void populationIsTheProductOfThePointWeibulls() {
        int ny = 5, nx = 6;
        ConnectorLoad a = new ConnectorLoad(strainMap(ny, nx, 0.01), fill(ny, nx, C0 + 55));
        double[][] contacts = fill(ny, nx, 3);
        ConnectorFatigue.Result r = ConnectorFatigue.evaluate(a, null, new DutyCycle(4, 0),
                ConnectorParameters.DEFAULT, contacts);
        ConnectorPopulation pop = r.population();
        double beta = 6;
        for (double years : new double[] {0.5, 2, 5, 20}) {
            double t = years * Durations.YEAR, lnR = 0;
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    // median life L: R_i = exp(−ln2·(t/L)^β), three contacts per point
                    lnR += 3 * -Math.log(2) * Math.pow(t / r.lifeSeconds()[y][x], beta);
                }
            }
            assertEquals(Math.exp(lnR), pop.reliability(t), 1e-12);
            assertEquals(-Math.expm1(lnR), pop.unreliability(t), 1e-12 * Math.max(1e-300, -Math.expm1(lnR)));
        }
        assertEquals(pop.characteristicLife() * Gamma.gamma(1 + 1 / beta), pop.mttf(), 1e-9 * pop.mttf());
        // the median of a single point with one contact is its Engelmaier life
        ConnectorPopulation one = ConnectorPopulation.of(new double[][] {{1e8}}, null, beta);
        assertEquals(0.5, one.reliability(1e8), 1e-14);
        assertEquals(1e8, one.timeToFailureFraction(0.5), 1e-6);
    }

    @Test
    void softerConnectorNeverShortensLife() {
        int ny = 7, nx = 7;
        double[][] g = strainMap(ny, nx, 0.01);
        ConnectorFatigue.Result prev = null;
        for (double f : new double[] {1.0, 0.8, 0.5, 0.2, 0.05}) {
            ConnectorLoad a = new ConnectorLoad(Wafers.scaled(g, f), fill(ny, nx, C0 + 55));
            ConnectorLoad b = new ConnectorLoad(Wafers.scaled(g, 1.8 * f), fill(ny, nx, C0 + 45));
            ConnectorFatigue.Result r = ConnectorFatigue.evaluate(a, b, DutyCycle.DEFAULT, ConnectorParameters.DEFAULT, null);
            if (prev != null) {
                for (int y = 0; y < ny; y++) {
                    for (int x = 0; x < nx; x++) assertTrue(r.lifeSeconds()[y][x] >= prev.lifeSeconds()[y][x]);
                }
                assertTrue(r.firstFailure().lifeSeconds() >= prev.firstFailure().lifeSeconds());
                assertTrue(r.population().mttf() >= prev.population().mttf());
                for (double years : new double[] {1, 3, 5}) {
                    assertTrue(r.population().reliability(years * Durations.YEAR)
                            >= prev.population().reliability(years * Durations.YEAR));
                }
            }
            prev = r;
        }
    }

    @Test
    void offOnCyclesNeedAnOffOnLoad() {
        ConnectorLoad a = ConnectorLoad.uniform(2, 2, 0.01, C0 + 50);
        assertThrows(IllegalArgumentException.class,
                () -> ConnectorFatigue.evaluate(a, null, DutyCycle.DEFAULT, ConnectorParameters.DEFAULT, null));
    }
}
