package org.wafersim.thermal;

import org.wafersim.grid.Grid;

/**
 * Grey-body radiation from a set of boundary faces to large surroundings at T_s, q'' = eps sigma (T_f^4 - T_s^4)
 * (Incropera, Fundamentals of Heat and Mass Transfer, section 1.2.3), linearised in the outer loop by Newton's
 * method at the last face temperature T_0: q'' ~ q''(T_0) + 4 eps sigma T_0^3 (T_f - T_0), i.e. a film
 * h = 4 eps sigma T_0^3 towards the temperature T_a = T_0 - q''(T_0)/h = 3/4 T_0 + T_s^4/(4 T_0^3). (The secant form
 * h = eps sigma (T^2 + T_s^2)(T + T_s) towards T_s oscillates without converging when the face runs hundreds of
 * kelvin above its surroundings; Newton on the convex T^4 converges monotonically from the first iterate on.) After
 * every solve the face temperature is recovered from the face's heat flow (T_f = T_a + G (T_cell - T_a) / (h A), the
 * film in series with the half cell) and the film updated; the change of T_f is the round's change, so at
 * convergence (below the Picard tolerance) the film is the law's tangent at the solution's face temperature and the
 * heat-path budget, evaluated on the final system's conductances, balances. The first round starts at T_0 = T_s.
 * In a transient the film stays that of the steady state before t = 0 (the faces' ambients are not updated per
 * step).
 */
final class RadiationFaces implements OuterCoupling {
    /** Stefan-Boltzmann constant, W/(m^2 K^4) (CODATA 2018, exact in the SI since 2019). */
    static final double SIGMA = 5.670374419e-8;

    private final BoundaryFaces bf;
    private final int[] faces;
    private final double[] area, tFace;
    private final double eps, ts;

    RadiationFaces(Grid g, BoundaryFaces bf, int path, double emissivity, double surroundings) {
        this.bf = bf;
        int n = 0;
        for (int f = 0; f < bf.count; f++) if (bf.path[f] == path) n++;
        faces = new int[n];
        area = new double[n];
        tFace = new double[n];
        n = 0;
        for (int f = 0; f < bf.count; f++) {
            if (bf.path[f] != path) continue;
            faces[n] = f;
            area[n] = bf.area(g, f);
            tFace[n] = surroundings;
            bf.h[f] = initialH(emissivity, surroundings);
            n++;
        }
        eps = emissivity;
        ts = surroundings;
    }

    /** h_rad at T_f = T_s: 4 eps sigma T_s^3. */
    static double initialH(double emissivity, double surroundings) {
        return 4 * emissivity * SIGMA * surroundings * surroundings * surroundings;
    }

    @Override
    public double update(double[] t, double[] gFace) {
        double change = 0;
        for (int m = 0; m < faces.length; m++) {
            int f = faces[m];
            double ta = bf.ambient[f];
            double q = gFace[f] * (t[bf.cell[f]] - ta);
            // the face temperature behind the film (at least 1 K: an iterate may overshoot below 0 K)
            double tf = Math.max(1, ta + q / (bf.h[f] * area[m]));
            change = Math.max(change, Math.abs(tf - tFace[m]));
            tFace[m] = tf;
            bf.h[f] = 4 * eps * SIGMA * tf * tf * tf;
            bf.ambient[f] = 0.75 * tf + ts * ts * ts * ts / (4 * tf * tf * tf);
        }
        return change;
    }
}
